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
  // The lower governments' figures added up, put into this report's figure with one click.
  document.querySelectorAll("[data-fill]").forEach(function (button) {
    button.addEventListener("click", function () {
      var input = document.getElementById(button.getAttribute("data-fill"));
      if (!input) { return; }
      input.value = button.getAttribute("data-value");
      input.focus();
      button.textContent = "已填入";
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
  // Files over the limit are named at once, before a long upload that the server would refuse anyway.
  var files = document.getElementById("report-files");
  var filesError = document.getElementById("report-files-error");
  if (files && filesError) {
    files.addEventListener("change", function () {
      var maxBytes = Number(files.getAttribute("data-max-megabytes")) * 1024 * 1024;
      var maxFiles = Number(files.getAttribute("data-max-files"));
      var tooLarge = Array.prototype.filter.call(files.files, function (file) { return file.size > maxBytes; });
      var message = "";
      if (tooLarge.length > 0) {
        message = "以下文件超过 " + files.getAttribute("data-max-megabytes") + " MB，请压缩或拆分后再选：" +
          tooLarge.map(function (file) { return file.name; }).join("、");
      } else if (files.files.length > maxFiles) {
        message = "一次最多上传 " + maxFiles + " 个文件。";
      }
      filesError.textContent = message;
      filesError.hidden = message === "";
      if (message) { files.value = ""; }
    });
  }
  // The work plan's "添加 3 行" adds empty rows in place; without JavaScript the button posts the form and the
  // server shows it again with the rows added.
  var addRow = document.querySelector("[data-add-row]");
  var table = document.querySelector(".workplan-rows");
  if (addRow && table) {
    addRow.addEventListener("click", function (event) {
      event.preventDefault();
      var body = table.tBodies[0];
      var max = Number(table.getAttribute("data-max-rows")) || 35;
      var firstAdded = body.rows.length;
      for (var added = 0; added < 3 && body.rows.length < max; added++) {
        var last = body.rows[body.rows.length - 1];
        var row = last.cloneNode(true);
        var index = body.rows.length;
        row.querySelectorAll("textarea, input, select").forEach(function (field) {
          field.name = field.name.replace(/-\d+$/, "-" + index);
          if (field.tagName === "SELECT") { field.selectedIndex = 0; } else { field.value = ""; }
        });
        body.appendChild(row);
      }
      if (body.rows.length >= max) { addRow.disabled = true; }
      var first = body.rows[firstAdded] && body.rows[firstAdded].querySelector("textarea");
      if (first) { first.focus(); }
    });
  }
})();
