// The admin fills a slug from the English title, or from the Russian title while there is no English one
// (Django's own prepopulation reads one field only). The same rule runs on the server (core/slugs.py)
// when a form is sent with an empty slug.
(function () {
  "use strict";
  function init() {
    var data = document.getElementById("portal-slug-sources");
    if (!data || !window.URLify) {
      return;
    }
    var sources = JSON.parse(data.dataset.sources);
    Object.keys(sources).forEach(function (slugName) {
      var slug = document.getElementById("id_" + slugName);
      if (!slug) {
        return;
      }
      var inputs = sources[slugName]
        .map(function (name) { return document.getElementById("id_" + name); })
        .filter(Boolean);
      var typedByHand = slug.value !== "";
      slug.addEventListener("input", function () { typedByHand = slug.value !== ""; });
      function fill() {
        if (typedByHand) {
          return;
        }
        var text = "";
        for (var i = 0; i < inputs.length && !text; i += 1) {
          text = inputs[i].value.trim();
        }
        slug.value = window.URLify(text, parseInt(slug.getAttribute("maxlength"), 10) || 50, false);
      }
      inputs.forEach(function (input) {
        input.addEventListener("input", fill);
        input.addEventListener("change", fill);
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
