/*
 * The cards of a session address (/sessie/?d=a,b,c), in its order, at most
 * MAX_CARDS; what the address names that is not in the guide is told in
 * words. Each card is fetched from its dilemma's page (cards.js).
 */
(function () {
  "use strict";
  var gids = window.gids;
  var session = gids.session;

  session.showCards = function (wanted, known) {
    var max = session.MAX_CARDS;
    var view = document.getElementById("gids-session-cards");
    var cards = document.getElementById("gids-session-card-list");
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
    document.getElementById("gids-session-edit").href = session.url(ids) + (ids.length ? "&" : "?") + "kiezen";
    view.hidden = false;

    Promise.all(ids.map(function (id) {
      var dilemma = known.byId.get(id);
      return gids.loadCard(gids.link(dilemma.address), id, dilemma.title, "gids-session-card");
    })).then(function (articles) {
      articles.forEach(function (article) { cards.appendChild(article); });
      gids.announce(gids.count(articles.length, "kaart", "kaarten") + " klaar.");
    }, function () {
      tell(notes.concat(["De kaarten konden niet worden geladen. Laad de pagina opnieuw."]));
    });

    document.getElementById("gids-session-print").addEventListener("click", function () { window.print(); });
    document.getElementById("gids-session-present").addEventListener("click", function () {
      cards.classList.add("gids-presenting");
      if (cards.requestFullscreen) { cards.requestFullscreen().catch(function () {}); }
      cards.setAttribute("tabindex", "-1");
      cards.focus();
    });
    document.addEventListener("fullscreenchange", function () {
      if (!document.fullscreenElement) cards.classList.remove("gids-presenting");
    });
  };
})();
