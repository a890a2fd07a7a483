// Buttons that discard something ask first: a form whose button carries data-confirm is sent only after
// the user agrees. Without JavaScript the form is sent directly, as a plain form would be.
document.addEventListener("submit", function (event) {
  var button = event.submitter || event.target.querySelector("[data-confirm]");
  var question = button && button.getAttribute("data-confirm");
  if (question && !window.confirm(question)) { event.preventDefault(); }
});
