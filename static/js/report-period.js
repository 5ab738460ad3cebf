// Report forms (templates/reports/includes/_report_form.html): the kind of period is chosen first, then only its
// fields show. Hidden fields are disabled too, so a stale value in one of them can neither be sent nor refused.
(function () {
  "use strict";

  function update(form) {
    var chosen = form.querySelector('input[name="period"]:checked');
    var kind = chosen ? chosen.value : "";
    form.querySelectorAll("[data-period-kinds]").forEach(function (box) {
      var show = box.getAttribute("data-period-kinds").split(" ").indexOf(kind) !== -1;
      box.hidden = !show;
      box.querySelectorAll("input, select").forEach(function (input) { input.disabled = !show; });
    });
  }

  function attach() {
    document.querySelectorAll("form[data-report-form]").forEach(function (form) {
      update(form);
      form.addEventListener("change", function (event) {
        if (event.target && event.target.name === "period") { update(form); }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", attach);
  } else {
    attach();
  }
}());
