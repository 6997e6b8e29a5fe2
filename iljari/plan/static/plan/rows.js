// Ordered formset rows (plan/_rows.html): add a row from the template, move a row up or down. The rows' 순서
// (ORDER) fields are renumbered after every move, so the server reads the order shown. Without this script the
// page still works: one blank row to add, and the 순서 numbers typed by hand.
(function () {
  "use strict";

  // a row with nothing typed in it stays blank (no 순서), so the server skips it as an unused row
  function filled(row) {
    return Array.prototype.some.call(row.querySelectorAll("input, select, textarea"), function (field) {
      if (/-(ORDER|DELETE)$/.test(field.name) || field.type === "checkbox" || field.type === "hidden") { return false; }
      return field.value !== "";
    });
  }

  function renumber(table) {
    var next = 1;
    table.querySelectorAll("tbody tr.ilj-row").forEach(function (row) {
      var order = row.querySelector("input[name$='-ORDER']");
      if (!order) { return; }
      order.value = filled(row) ? String(next++) : "";
    });
  }

  function add(button) {
    var prefix = button.getAttribute("data-prefix");
    var wrap = button.closest(".krds-table-wrap");
    var table = wrap.querySelector("table.ilj-rows");
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var index = parseInt(total.value, 10);
    var html = wrap.querySelector("template.ilj-row-template").innerHTML.replace(/__prefix__/g, String(index));
    table.querySelector("tbody").insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    renumber(table);
    var first = table.querySelector("tbody tr.ilj-row:last-child input, tbody tr.ilj-row:last-child select");
    if (first) { first.focus(); }
  }

  function move(button, up) {
    var row = button.closest("tr.ilj-row");
    var table = row.closest("table.ilj-rows");
    var other = up ? row.previousElementSibling : row.nextElementSibling;
    if (!other) { return; }
    if (up) { row.parentNode.insertBefore(row, other); } else { row.parentNode.insertBefore(other, row); }
    renumber(table);
    button.focus();
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    if (target.matches(".ilj-row-add")) { add(target); }
    else if (target.matches(".ilj-row-up")) { move(target, true); }
    else if (target.matches(".ilj-row-down")) { move(target, false); }
  });

  document.addEventListener("submit", function (event) {
    if (event.target instanceof Element) { event.target.querySelectorAll("table.ilj-rows").forEach(renumber); }
  });
})();
