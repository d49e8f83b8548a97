/*
 * "Kopieer link" beside a dilemma's title and each of its sections, with
 * the permanent address. The sections are the page's own: each section the
 * template wraps (.gids-section) and its heading's anchor. Works offline.
 */
(function () {
  "use strict";
  var gids = window.gids;

  function copyButton(url, label) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "gids-copy";
    button.textContent = "Kopieer link";
    button.setAttribute("aria-label", label);
    button.dataset.url = url;
    button.addEventListener("click", function () {
      gids.copyText(url).then(
        function () { gids.announce("Link gekopieerd: " + url); button.textContent = "Gekopieerd"; },
        function () { gids.announce("Kopiëren lukte niet. Het adres is: " + url); }
      );
      window.setTimeout(function () { button.textContent = "Kopieer link"; }, 2500);
    });
    return button;
  }

  gids.feature("copy-link", function () {
    var dilemma = document.querySelector("article .gids-dilemma[data-gids-permalink]");
    if (!dilemma) return;
    gids.live();
    var permalink = dilemma.dataset.gidsPermalink;
    var title = dilemma.querySelector(".gids-dilemma__title");
    // Beside the headings, not inside: a heading's name is only its text.
    title.after(copyButton(permalink, "Kopieer link naar dit dilemma"));
    dilemma.querySelectorAll(".gids-section > h2[id]").forEach(function (heading) {
      // The heading's text, without its permalink mark.
      var name = heading.firstChild ? heading.firstChild.textContent.trim() : heading.id;
      heading.after(copyButton(permalink + "#" + heading.id, "Kopieer link naar het deel " + name));
    });
  });
})();
