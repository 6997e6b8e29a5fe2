// Ordered formset rows (plan/_rows.html): add a row from the template, move a row up or down. The rows' 순서
// (ORDER) fields are renumbered when the form is sent, so the server reads the order shown; a row with nothing
// typed in it keeps no 순서 and the server skips it. Without this script the page still works: one blank row to
// add, and the 순서 numbers typed by hand.
(function () {
  "use strict";

  function filled(row) {
    return Array.prototype.some.call(row.querySelectorAll("input, select, textarea"), function (field) {
      if (/-(ORDER|DELETE)$/.test(field.name) || field.type === "checkbox" || field.type === "hidden") { return false; }
      return field.value !== "";
    });
  }

  function renumber(rows) {
    var next = 1;
    rows.querySelectorAll(".plan-row").forEach(function (row) {
      var order = row.querySelector("input[name$='-ORDER']");
      if (order) { order.value = filled(row) ? String(next++) : ""; }
    });
  }

  function add(button) {
    var prefix = button.getAttribute("data-prefix");
    var rows = document.querySelector(".plan-rows[data-prefix='" + prefix + "']");
    var template = document.querySelector("template.plan-row-template[data-prefix='" + prefix + "']");
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var index = parseInt(total.value, 10);
    rows.insertAdjacentHTML("beforeend", template.innerHTML.replace(/__prefix__/g, String(index)));
    total.value = String(index + 1);
    var first = rows.lastElementChild.querySelector("input, select, textarea");
    if (first) { first.focus(); }
  }

  function move(button, up) {
    var row = button.closest(".plan-row");
    var other = up ? row.previousElementSibling : row.nextElementSibling;
    if (!other) { return; }
    if (up) { row.parentNode.insertBefore(row, other); } else { row.parentNode.insertBefore(other, row); }
    renumber(row.parentNode);
    button.focus();
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    if (target.matches(".plan-row-add")) { add(target); }
    else if (target.matches(".plan-row-up")) { move(target, true); }
    else if (target.matches(".plan-row-down")) { move(target, false); }
  });

  document.addEventListener("submit", function (event) {
    if (event.target instanceof Element) { event.target.querySelectorAll(".plan-rows").forEach(renumber); }
  });
})();
