// The error summary of a refused form (templates/includes/form_error_summary.html): the sections holding
// the fields in error are opened, the summary takes the focus (it is at the top: on a phone the reason is
// on the first screen), and each link opens its field's section and moves the focus to the field.
// A file, not an inline script: the Content-Security-Policy allows none.
(function () {
  "use strict";

  function openSectionsOf(element) {
    for (var node = element; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
      if (node.classList && node.classList.contains("collapse")) { node.classList.add("show"); }
    }
  }

  function fieldFor(link) {
    var target = document.getElementById(link.getAttribute("data-error-field"));
    if (target && target.matches("[type=hidden]")) { return null; }
    return target;
  }

  function focusField(field) {
    openSectionsOf(field);
    var focusable = field.matches("input, select, textarea, button, [tabindex]")
      ? field : field.querySelector("input, select, textarea, button");
    (focusable || field).focus({preventScroll: true});
    field.scrollIntoView({block: "center", behavior: "instant"});
  }

  function prepare(root) {
    var summary = (root || document).querySelector("[data-error-summary]");
    if (!summary || summary.getAttribute("data-ready")) { return; }
    summary.setAttribute("data-ready", "1");
    summary.querySelectorAll("a[data-error-field]").forEach(function (link) {
      var field = fieldFor(link);
      if (field) { openSectionsOf(field); }
    });
    summary.focus({preventScroll: true});
    // "instant": Bootstrap makes page scrolling smooth, and the reason must be on screen at once.
    summary.scrollIntoView({block: "start", behavior: "instant"});
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-error-summary] a[data-error-field]");
    if (!link) { return; }
    var field = fieldFor(link);
    if (!field) { return; }
    event.preventDefault();
    focusField(field);
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { prepare(document); });
  } else {
    prepare(document);
  }
  // Parts of the page replaced by htmx may bring a new summary.
  document.addEventListener("htmx:afterSettle", function () { prepare(document); });
})();
