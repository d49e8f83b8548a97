/*
 * "Kopieer link" on a dilemma: one for the dilemma (in its row of tools)
 * and one for each section, beside its heading, each with the permanent
 * address (the section's anchor added), whichever copy of the guide it is
 * clicked in: the online guide, the offline zip, a preview.
 */
(function () {
  "use strict";
  var gids = window.gids;

  function wire(button, url, words) {
    button.addEventListener("click", function () {
      gids.copyText(url).then(
        function () { gids.announce("Link gekopieerd: " + url); button.textContent = "Gekopieerd"; },
        function () { gids.announce("Kopiëren lukte niet. Het adres is: " + url); }
      );
      window.setTimeout(function () { button.textContent = words; }, 2500);
    });
  }

  gids.feature("copy-link", function () {
    var dilemma = document.querySelector("article .gids-dilemma[data-gids-permalink]");
    if (!dilemma) return;
    gids.live();
    var permalink = dilemma.dataset.gidsPermalink;
    dilemma.querySelectorAll("[data-gids-copy]").forEach(function (button) {
      button.setAttribute("aria-label", "Kopieer link naar dit dilemma");
      wire(button, button.dataset.gidsCopy, button.textContent);
    });
    dilemma.querySelectorAll(".gids-section > h2[id]").forEach(function (heading) {
      // The heading's text, without its permalink mark.
      var name = heading.firstChild ? heading.firstChild.textContent.trim() : heading.id;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "gids-copy";
      // Its own words, not a fifth "Kopieer link": which part it links to.
      button.textContent = "Link naar " + name;
      button.title = "Kopieer de link naar dit deel";
      button.dataset.url = permalink + "#" + heading.id;
      wire(button, button.dataset.url, button.textContent);
      // Beside the heading, not inside: a heading's name is only its text.
      heading.after(button);
    });
  });
})();
