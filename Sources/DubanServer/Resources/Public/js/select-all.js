// A header checkbox `data-select-all="name"` checks or clears every checkbox of that name in its form. It is
// hidden in the markup and shown here, so a browser without JavaScript never shows a box that does nothing.
(function () {
  document.querySelectorAll('input[data-select-all]').forEach(function (master) {
    var form = master.form;
    if (!form) return;
    var name = master.getAttribute('data-select-all');
    function boxes() {
      return Array.prototype.filter.call(form.elements, function (el) {
        return el.type === 'checkbox' && el.name === name;
      });
    }
    master.hidden = false;
    master.addEventListener('change', function () {
      boxes().forEach(function (box) { box.checked = master.checked; });
    });
    form.addEventListener('change', function (event) {
      if (event.target === master || event.target.name !== name) return;
      var all = boxes();
      var checked = all.filter(function (box) { return box.checked; }).length;
      master.checked = checked === all.length;
      master.indeterminate = checked > 0 && checked < all.length;
    });
  });
})();
