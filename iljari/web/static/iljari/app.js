// Iljari's own script: small progressive enhancements only; every page works without it.
(function () {
  "use strict";
  // Send the CSRF token with every htmx request.
  document.addEventListener("htmx:configRequest", function (event) {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (field) { event.detail.headers["X-CSRFToken"] = field.value; }
  });
  // Printing a page with personal data is written to the access log as a print of its own (core:print_record):
  // the 인쇄 button opens the browser's print dialog, and every print (the button or Ctrl+P) posts the page's
  // signed list of people once as a beacon. Without this script the button posts the form instead.
  var printForm = document.querySelector("form[data-print-log]");
  if (printForm) {
    printForm.addEventListener("submit", function (event) {
      event.preventDefault();
      window.print();
    });
    window.addEventListener("beforeprint", function () {
      var data = new FormData(printForm);
      data.append("beacon", "1");
      if (!(navigator.sendBeacon && navigator.sendBeacon(printForm.action, data))) {
        fetch(printForm.action, { method: "POST", body: data, credentials: "same-origin", keepalive: true });
      }
    });
  }
  // On a phone the menu starts folded (one 메뉴 line above the content) and, once unfolded, shows a long menu with
  // only the current page's group open (a short one, as a citizen's, with every group open); on a wider screen every
  // group stays open. Without this script everything is open and each group still folds by itself (details/summary).
  var menu = document.querySelector("details[data-menu]");
  if (menu && window.matchMedia && window.matchMedia("(max-width: 768px)").matches) {
    menu.open = false;
    if (menu.querySelectorAll("a").length > 12) {
      menu.querySelectorAll("details[data-nav-group]:not([data-current])").forEach(function (group) { group.open = false; });
    }
  }
  // Ask before a form marked data-confirm is sent.
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });
})();
