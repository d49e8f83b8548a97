/*
 * A set as participants open it (/sessie/?d=a,b,c&titel=...): its name,
 * its cards in order (at most MAX_CARDS), and what the address names that
 * is not in the guide, in words. Presenting, printing and the set's link
 * act on these cards; composing is one button away.
 */
(function () {
  "use strict";
  var gids = window.gids;
  var session = gids.session;

  session.showCards = function (wanted, title, known, guide) {
    var max = session.MAX_CARDS;
    var view = document.getElementById("gids-session-cards");
    var list = document.getElementById("gids-session-card-list");
    var problems = document.getElementById("gids-session-unknown");
    var result = session.resolve(wanted, known);
    var notes = result.notes;
    var ids = result.ids.slice(0, max);
    if (result.ids.length > max) {
      var left = result.ids.length - max;
      notes.push("Een sessie toont hoogstens " + max + " kaarten. " +
        (left === 1 ? "Het laatste dilemma uit dit adres is weggelaten." :
          "De laatste " + left + " dilemma's uit dit adres zijn weggelaten."));
    }
    function tell(lines) {
      problems.textContent = "Niet alles uit dit adres staat in de set. " + lines.join(" ");
      problems.hidden = false;
    }
    if (notes.length) tell(notes);

    var name = title || "Sessie";
    document.getElementById("gids-session-name").textContent = name;
    document.title = name + " - " + document.title;
    document.getElementById("gids-session-count").textContent =
      gids.count(ids.length, "dilemma", "dilemma's") + " om te bespreken.";
    document.getElementById("gids-session-edit").href = session.editUrl(ids, title);
    view.hidden = false;

    var cards = null;
    var loading = gids.cards.load(gids.cards.of(guide, ids), "kaart", 2).then(function (loaded) {
      cards = loaded;
      loaded.forEach(function (card) {
        var article = document.createElement("article");
        article.className = "gids-session-card";
        article.setAttribute("aria-label", card.title);
        article.appendChild(card.element);
        list.appendChild(article);
      });
      gids.announce(gids.count(loaded.length, "kaart", "kaarten") + " klaar.");
      return loaded;
    }, function () {
      tell(notes.concat(["De kaarten konden niet worden geladen. Laad de pagina opnieuw."]));
      return [];
    });

    function elements() {
      return (cards || []).map(function (card) { return card.element; });
    }
    var present = document.getElementById("gids-session-present");
    present.addEventListener("click", function () {
      loading.then(function (loaded) {
        if (loaded.length) gids.present.open(loaded, { opener: present, title: name });
      });
    });
    var print = document.getElementById("gids-session-print");
    print.addEventListener("click", function () {
      gids.printCards.open(print, function () { return loading.then(elements); });
    });
    gids.printCards.whenPrinted(elements);
    var copy = document.getElementById("gids-session-copy-set");
    copy.addEventListener("click", function () {
      var url = session.url(ids, title, true);
      gids.copyText(url).then(
        function () { gids.announce("Link naar de set gekopieerd: " + url); },
        function () { gids.announce("Kopiëren lukte niet. Het adres is: " + url); }
      );
    });
  };
})();
