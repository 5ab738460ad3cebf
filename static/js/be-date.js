/* The one date field (helpdesk.parsing.BEDateField): entry and display as วว/ดด/ปปปป in the Buddhist era,
   with a calendar (vanillajs-datepicker, vendored) whose titles and year lists also show B.E. years.
   Without JavaScript the field is a plain text input that the server parses the same way. */
(function () {
  "use strict";
  var OFFSET = 543;
  var CE_YEAR = /\b(1[89]\d\d|2[0-3]\d\d)\b/g; // Christian-era years in the calendar's own labels

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function toDisplay(date) {
    return pad(date.getDate()) + "/" + pad(date.getMonth() + 1) + "/" + (date.getFullYear() + OFFSET);
  }

  function toValue(text) {
    var m = /^\s*(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})\s*$/.exec(text || "");
    if (!m) {
      var iso = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text || "");
      if (!iso) { return NaN; }
      m = [iso[0], iso[3], iso[2], iso[1]];
    }
    var day = +m[1], month = +m[2], year = +m[3];
    if (year > 2400) { year -= OFFSET; }
    var date = new Date(year, month - 1, day);
    if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) { return NaN; }
    return date;
  }

  function buddhistYears(root) {
    var nodes = root.querySelectorAll(".view-switch, .datepicker-cell.year, .datepicker-cell.decade");
    for (var i = 0; i < nodes.length; i++) {
      var text = nodes[i].textContent;
      var be = text.replace(CE_YEAR, function (year) { return String(+year + OFFSET); });
      if (be !== text) { nodes[i].textContent = be; }
    }
  }

  function attach(input) {
    if (input.dataset.beDateReady || typeof Datepicker === "undefined") { return; }
    input.dataset.beDateReady = "1";
    var english = (document.documentElement.lang || "").indexOf("en") === 0;
    if (Datepicker.locales.th && !Datepicker.locales.th.clear) { Datepicker.locales.th.clear = "ล้าง"; }
    var picker = new Datepicker(input, {
      language: english ? "en" : "th",
      format: { toValue: toValue, toDisplay: toDisplay },
      autohide: true,
      todayButton: true,
      todayHighlight: true,
      clearButton: !input.required,
      buttonClass: "btn",
      updateOnBlur: true
    });
    // The calendar rewrites the field from its selection when the field loses focus, which would wipe a
    // date that does not exist (31/02/2569) without a word: keep what was typed, the server explains.
    var typed = null;
    input.addEventListener("input", function () { typed = input.value; });
    function keepTyped() {
      window.setTimeout(function () {
        if (typed && isNaN(toValue(typed)) && input.value !== typed) { input.value = typed; }
      }, 0);
    }
    input.addEventListener("blur", keepTyped);
    input.addEventListener("hide", keepTyped);
    input.addEventListener("changeDate", function () { typed = null; });
    var element = picker.picker && picker.picker.element;
    if (element) {
      buddhistYears(element);
      new MutationObserver(function () { buddhistYears(element); })
        .observe(element, { childList: true, subtree: true, characterData: true });
    }
  }

  function attachAll(root) {
    var inputs = (root || document).querySelectorAll("input[data-be-date]");
    for (var i = 0; i < inputs.length; i++) { attach(inputs[i]); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { attachAll(document); });
  } else {
    attachAll(document);
  }
  // Forms swapped in by htmx get their calendars too.
  document.addEventListener("htmx:load", function (event) { attachAll(event.target); });
}());
