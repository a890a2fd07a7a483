// Narrows the unit list of the finding form to the units of the chosen task. Without script, every unit of the
// round stays listed and the server refuses a unit that does not hold the task, with a message.
(function () {
  document.querySelectorAll("select[data-unit-filter]").forEach(function (taskSelect) {
    var unitSelect = document.getElementById(taskSelect.getAttribute("data-unit-filter"));
    if (!unitSelect) return;
    var narrow = function () {
      var chosen = taskSelect.options[taskSelect.selectedIndex];
      var allowed = chosen && chosen.getAttribute("data-units") ? chosen.getAttribute("data-units").split(" ") : null;
      Array.prototype.forEach.call(unitSelect.options, function (option) {
        var keep = !option.value || !allowed || allowed.indexOf(option.value) >= 0;
        option.hidden = !keep;
        option.disabled = !keep;
      });
      var current = unitSelect.options[unitSelect.selectedIndex];
      if (current && current.disabled) unitSelect.value = "";
      if (allowed && allowed.length === 1) unitSelect.value = allowed[0];
    };
    taskSelect.addEventListener("change", narrow);
    narrow();
  });
})();
