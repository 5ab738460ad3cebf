// The ticket page (templates/tickets/ticket_detail.html). A file, not an inline script (CSP).
(function () {
  "use strict";

  // <a href="#id" data-open-section="id">: opens the folded section (<details>) and puts the cursor in it.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-open-section]");
    if (!link) { return; }
    var section = document.getElementById(link.getAttribute("data-open-section"));
    if (!section) { return; }
    event.preventDefault();
    section.open = true;
    section.scrollIntoView({block: "center"});
    var field = section.querySelector("textarea, input:not([type=hidden]), select");
    if (field) { field.focus({preventScroll: true}); }
  });

  // An htmx action answered with an error page (403, 404, 500): load the page itself, which says why.
  document.addEventListener("htmx:responseError", function () { window.location.reload(); });
})();
