/*
 * The set a trainer is composing, kept in this browser (localStorage)
 * until it is shared: "Voeg toe aan sessie" on a dilemma's page and on the
 * cards of a list, and the composer on /sessie/ (session-picker.js).
 *
 * What is stored is read back as data: strings only, each once, at most
 * MAX; where a set is shown, each is looked up in the guide like the ids
 * of a shared address (session.js).
 */
(function () {
  "use strict";
  var gids = window.gids;
  var KEY = "gids-sessie";
  var MAX = 30;
  var listeners = [];

  function read() {
    var stored = null;
    try { stored = JSON.parse(window.localStorage.getItem(KEY) || "null"); } catch (error) { stored = null; }
    var ids = stored && Array.isArray(stored.ids) ? stored.ids : [];
    return {
      ids: ids.filter(function (id, index) {
        return typeof id === "string" && id.length <= 200 && ids.indexOf(id) === index;
      }).slice(0, MAX),
      title: stored && typeof stored.title === "string" ? stored.title.slice(0, 80) : ""
    };
  }

  var basket = gids.basket = {
    MAX: MAX,
    get: read,
    /* Store the set { ids, title } and tell every part of the page. */
    set: function (set) {
      try {
        window.localStorage.setItem(KEY, JSON.stringify({ ids: set.ids.slice(0, MAX), title: set.title || "" }));
      } catch (error) {
        // Storage switched off: the set lives as long as the page.
      }
      listeners.forEach(function (listener) { listener(read()); });
    },
    has: function (id) { return read().ids.indexOf(id) !== -1; },
    /* Add or remove one dilemma; says what happened. */
    toggle: function (id, title) {
      var set = read();
      var at = set.ids.indexOf(id);
      if (at !== -1) {
        set.ids.splice(at, 1);
        basket.set(set);
        return "Weggehaald uit je sessie: " + title + ". " + gids.count(set.ids.length, "dilemma", "dilemma's") + " in de set.";
      }
      if (set.ids.length >= MAX) return "Je sessie is vol: een set heeft hoogstens " + MAX + " dilemma's.";
      set.ids.push(id);
      basket.set(set);
      return "Toegevoegd aan je sessie: " + title + ". " + gids.count(set.ids.length, "dilemma", "dilemma's") + " in de set.";
    },
    onChange: function (listener) { listeners.push(listener); }
  };

  // Another tab of the guide changed the set.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) listeners.forEach(function (listener) { listener(read()); });
  });

  /* A button that adds its dilemma to the set, or takes it out. */
  function wire(button, id, title, current) {
    function show(set) {
      var inSet = set.ids.indexOf(id) !== -1;
      button.textContent = inSet ? "In je sessie: haal weg" : "Voeg toe aan sessie";
      button.classList.toggle("gids-in-session", inSet);
      // The visible words first in the name (WCAG 2.5.3), then which dilemma.
      button.setAttribute("aria-label", button.textContent + ": " + title);
    }
    button.addEventListener("click", function () { gids.announce(basket.toggle(id, title)); });
    basket.onChange(show);
    show(current || read());
  }

  gids.feature("basket", function () {
    var buttons = document.querySelectorAll("[data-gids-basket]");
    var cards = document.querySelectorAll(".gids-cards .gids-card[data-gids-id]");
    if (!buttons.length && !cards.length) return;
    gids.live();
    var current = read();
    buttons.forEach(function (button) {
      var dilemma = button.closest(".gids-dilemma");
      var heading = dilemma && dilemma.querySelector(".gids-dilemma__title");
      wire(button, button.dataset.gidsBasket, heading ? heading.textContent : button.dataset.gidsBasket, current);
    });
    // The cards of a list (/dilemmas/, a tension, a principle): a small
    // button each, beside the card's own link.
    cards.forEach(function (card) { basket.addTo(card, current); });
  });

  /* The button of a list's card (filters.js adds it to the cards it makes). */
  basket.addTo = function (card, current) {
    if (!card.dataset.gidsId) return;
    var title = card.querySelector(".gids-card__title");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "gids-card__add";
    wire(button, card.dataset.gidsId, title ? title.textContent : card.dataset.gidsId, current);
    card.appendChild(button);
  };

})();
