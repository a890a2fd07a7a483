// The report form's small conveniences: put a co-unit's contribution into the narrative with one click (so
// nothing is typed twice), and show the reason field only for the statuses that require one.
(function () {
  "use strict";
  var narrative = document.getElementById("report-narrative");
  document.querySelectorAll("[data-quote]").forEach(function (button) {
    button.addEventListener("click", function () {
      if (!narrative) { return; }
      var text = button.getAttribute("data-quote");
      narrative.value = narrative.value.trim() ? narrative.value.trim() + "\n" + text : text;
      narrative.focus();
      button.disabled = true;
      button.textContent = "已引用";
    });
  });
  var status = document.getElementById("report-status");
  var reason = document.getElementById("report-reason-field");
  function toggle() {
    if (!status || !reason) { return; }
    var needs = ["behind", "not_started", "impossible"].indexOf(status.value) >= 0;
    reason.hidden = !needs && !reason.querySelector("textarea").value.trim();
  }
  if (status) { status.addEventListener("change", toggle); toggle(); }
})();
