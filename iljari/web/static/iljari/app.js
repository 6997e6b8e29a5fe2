// Iljari's own script: small progressive enhancements only; every page works without it.
(function () {
  "use strict";
  // Send the CSRF token with every htmx request.
  document.addEventListener("htmx:configRequest", function (event) {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (field) { event.detail.headers["X-CSRFToken"] = field.value; }
  });
  // Ask before a form marked data-confirm is sent.
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });
})();
