// Typing a unit into "对应到其他单位" chooses that option of its row, so the typed name is what is saved.
document.addEventListener("input", function (event) {
  var field = event.target;
  if (!field.classList || !field.classList.contains("unit-pick")) { return; }
  var radio = field.parentNode.querySelector('input[type="radio"][value="pick"]');
  if (radio && field.value.trim() !== "") { radio.checked = true; }
});
