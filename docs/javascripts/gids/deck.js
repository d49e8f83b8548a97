/*
 * A tension's dilemmas as a deck: printed as cards, or presented one at a
 * time. The cards are loaded when asked for (cards.js), so that a tension
 * page stays small however many dilemmas it has, and readers who do not
 * print or present do not download them.
 */
(function () {
  "use strict";
  var gids = window.gids;

  gids.feature("deck", function () {
    var tools = document.querySelector("[data-gids-deck]");
    if (!tools) return;
    gids.live();
    var name = tools.dataset.gidsDeck;
    // The cards of the list on the page, each once (on /dilemmas/ a
    // dilemma on two sides of the triangle is listed twice).
    var seen = new Set();
    var dilemmas = [];
    tools.parentNode.querySelectorAll("#gids-grouped .gids-card[data-gids-id], .gids-tension-dilemmas .gids-card[data-gids-id]")
      .forEach(function (card) {
        if (seen.has(card.dataset.gidsId)) return;
        seen.add(card.dataset.gidsId);
        var link = card.querySelector(".gids-card__title");
        dilemmas.push({ id: card.dataset.gidsId, title: link.textContent, page: link.href });
      });
    var loading = null;
    function load() {
      if (!loading) {
        gids.announce("De kaarten worden geladen.");
        loading = gids.cards.load(dilemmas, "kaart", 2).then(function (cards) {
          gids.announce(gids.count(cards.length, "kaart", "kaarten") + " klaar.");
          return cards;
        }, function (error) {
          loading = null;
          gids.announce("De kaarten konden niet worden geladen. Probeer het opnieuw.");
          throw error;
        });
      }
      return loading;
    }
    // The deck's cards for a program that prints them (gids publish's PDFs).
    gids.deck = {
      cards: function () {
        return load().then(function (cards) { return cards.map(function (card) { return card.element; }); });
      }
    };
    var print = tools.querySelector("[data-gids-deck-print]");
    print.addEventListener("click", function () {
      gids.printCards.open(print, gids.deck.cards);
    });
    var present = tools.querySelector("[data-gids-deck-present]");
    present.addEventListener("click", function () {
      load().then(function (cards) { gids.present.open(cards, { opener: present, title: name }); }, function () {});
    });
  });
})();
