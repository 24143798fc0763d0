// Progressive enhancement only: every page works without this file.
// Adds a "copy link" button next to each paragraph number of an outcome statement;
// without JavaScript the number itself is the link to copy.
(function () {
  "use strict";
  function enhance() {
    var list = document.querySelector("[data-copy-label]");
    if (!list || !navigator.clipboard) {
      return;
    }
    var status = document.querySelector("[data-copy-status]");
    list.querySelectorAll("[data-copy-link]").forEach(function (link) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      button.textContent = list.dataset.copyLabel;
      button.setAttribute("aria-label", list.dataset.copyLabel + " — " + link.textContent.trim());
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(link.href).then(function () {
          button.textContent = list.dataset.copiedLabel;
          if (status) {
            status.textContent = list.dataset.copiedLabel;
          }
          window.setTimeout(function () {
            button.textContent = list.dataset.copyLabel;
          }, 2000);
        });
      });
      link.insertAdjacentElement("afterend", button);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
