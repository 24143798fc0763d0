// Progressive enhancement only: every page works without this file.
// Adds a "copy link" button next to each paragraph number of an outcome statement (without
// JavaScript the number itself is the link to copy), a "copy citation" button under a citation,
// and the full address of links for print.
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
  // The citation's text is selectable as it is; with JavaScript a button copies it in one click.
  function copyCitation() {
    document.querySelectorAll("[data-copy-text-of]").forEach(function (holder) {
      var source = document.getElementById(holder.dataset.copyTextOf);
      if (!source || !navigator.clipboard) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-citation";
      button.textContent = holder.dataset.label;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(source.textContent.replace(/\s+/g, " ").trim()).then(function () {
          button.textContent = holder.dataset.doneLabel;
          window.setTimeout(function () {
            button.textContent = holder.dataset.label;
          }, 2000);
        });
      });
      holder.appendChild(button);
      holder.hidden = false;
    });
  }
  // On paper a link is only useful with its address: the print stylesheet writes out data-print-href,
  // the absolute address, after each link of the page's content whose text is not already that address.
  function addressesForPrint() {
    document.querySelectorAll("main a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (/^(#|mailto:|tel:|javascript:)/i.test(href) || link.textContent.trim() === link.href) {
        return;
      }
      link.setAttribute("data-print-href", link.href);
    });
  }
  // Long lists of choices (the archive's facets) come before the results on phones: folded there, open elsewhere.
  function foldOnPhones() {
    if (!window.matchMedia || !window.matchMedia("(max-width: 50rem)").matches) {
      return;
    }
    document.querySelectorAll("details[data-fold-on-phones]").forEach(function (details) {
      details.open = false;
    });
  }
  function start() {
    foldOnPhones();
    enhance();
    copyCitation();
    addressesForPrint();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
