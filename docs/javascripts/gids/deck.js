/*
 * A tension page prints as a deck of its dilemmas: the button fetches the
 * cards of the dilemmas listed on the page, then prints. Built here and not
 * into the page, so that a tension page stays small however many dilemmas
 * it has (and readers who do not print do not download them).
 */
(function () {
  "use strict";
  var gids = window.gids;

  gids.feature("deck", function () {
    var deck = document.getElementById("gids-deck");
    var button = document.getElementById("gids-deck-print");
    // Opened as files (the offline zip), a page cannot fetch other pages.
    if (!deck || !button || location.protocol === "file:") return;
    gids.live();
    var links = Array.prototype.slice.call(document.querySelectorAll(".gids-related .gids-card__title"));
    var loading = null;
    function load() {
      if (!loading) {
        gids.announce("De kaarten worden geladen.");
        loading = Promise.all(links.map(function (link, index) {
          return gids.loadCard(new URL(link.getAttribute("href"), location.href), "kaart-" + (index + 1),
            link.textContent, "gids-deck__card");
        })).then(function (articles) {
          articles.forEach(function (article) { deck.appendChild(article); });
          document.body.classList.add("gids-deck-ready");
          gids.announce(gids.count(articles.length, "kaart", "kaarten") + " klaar.");
        }, function (error) {
          loading = null;
          gids.announce("De kaarten konden niet worden geladen. Probeer het opnieuw.");
          throw error;
        });
      }
      return loading;
    }
    button.addEventListener("click", function () {
      load().then(function () { window.print(); }, function () {});
    });
    document.getElementById("gids-deck-offer").hidden = false;
  });
})();
