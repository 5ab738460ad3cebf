// Small behaviours of the pages, kept out of the templates: the Content-Security-Policy allows no
// inline scripts or on* handlers (helpdesk/settings.py, CONTENT_SECURITY_POLICY).
(function () {
  "use strict";

  // <input type="checkbox" data-check-all="ids">: ticks or clears every checkbox named "ids".
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("input[data-check-all]")) { return; }
    var name = box.getAttribute("data-check-all");
    document.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (other) {
      other.checked = box.checked;
    });
  });

  // <datalist data-list-for="id_asset_number">: offered as suggestions on that input.
  function attachDatalists() {
    document.querySelectorAll("datalist[data-list-for]").forEach(function (list) {
      var input = document.getElementById(list.getAttribute("data-list-for"));
      if (input) { input.setAttribute("list", list.id); }
    });
  }
  // A table wider than the screen (.table-responsive) scrolls sideways: keyboard users reach it too
  // (focusable, named after the card or section it is in).
  function focusableScrollers() {
    document.querySelectorAll(".table-responsive").forEach(function (region) {
      if (region.scrollWidth <= region.clientWidth || region.hasAttribute("tabindex")) { return; }
      region.setAttribute("tabindex", "0");
      region.setAttribute("role", "region");
      var holder = region.closest(".card, section");
      var heading = holder && holder.querySelector("h1, h2, h3, h4, .card-header");
      var table = region.querySelector("caption");
      var name = (table || heading || {}).textContent || document.title;
      region.setAttribute("aria-label", name.trim().replace(/\s+/g, " ").slice(0, 80));
    });
  }

  function ready() {
    attachDatalists();
    focusableScrollers();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
