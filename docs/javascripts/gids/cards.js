/*
 * Cards: a dilemma as its own page draws it (div.gids-dilemma), so that a
 * set of cards (a session, a tension's deck, a print, a presentation)
 * repeats no text of the guide in its own HTML. Online each card is
 * fetched from its page; the offline zip, which cannot fetch from file://,
 * has every card's HTML in gids-offline.js, cut by the build from the very
 * pages it wrote.
 */
(function () {
  "use strict";
  var gids = window.gids;
  // Pages fetched at once: a deck of a few hundred cards does not open a
  // few hundred requests together.
  var AT_ONCE = 6;

  function fromHtml(html, url) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var dilemma = page.querySelector(".gids-dilemma");
    if (!dilemma) throw new Error(url + ": geen dilemma");
    // Links inside it were relative to the dilemma's own page.
    dilemma.querySelectorAll("[href]").forEach(function (el) {
      el.setAttribute("href", new URL(el.getAttribute("href"), url).href);
    });
    return dilemma;
  }

  function source(dilemma) {
    var url = dilemma.page || gids.link(dilemma.address);
    var offline = window.gidsOffline;
    if (offline) {
      var html = offline.cards[dilemma.id];
      return html ? Promise.resolve(fromHtml(html, url)) : Promise.reject(new Error(dilemma.id));
    }
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.text();
    }).then(function (html) { return fromHtml(html, url); });
  }

  /*
   * A card ready to show in this page: ids prefixed with `prefix` (unique
   * on the page), its title a heading of the level `level` (default 2).
   */
  function adopt(element, prefix, level) {
    var card = document.importNode(element, true);
    // What a reader does on the dilemma's own page (print, add, copy).
    card.querySelectorAll("[data-gids-tools]").forEach(function (tools) { tools.remove(); });
    card.querySelectorAll("[id]").forEach(function (el) { el.id = prefix + "-" + el.id; });
    card.querySelectorAll("[aria-labelledby]").forEach(function (el) {
      el.setAttribute("aria-labelledby", prefix + "-" + el.getAttribute("aria-labelledby"));
    });
    var heading = card.querySelector(".gids-dilemma__title");
    var replacement = document.createElement("h" + (level || 2));
    replacement.className = heading.className;
    replacement.textContent = heading.textContent;
    heading.replaceWith(replacement);
    return card;
  }

  gids.cards = {
    /* The cards of `dilemmas` (entries of /gids.json, or {id, title, page}),
       in their order: a Promise of [{id, title, element}]. */
    load: function (dilemmas, prefix, level) {
      var result = new Array(dilemmas.length);
      var next = 0;
      function worker() {
        if (next >= dilemmas.length) return Promise.resolve();
        var index = next++;
        var dilemma = dilemmas[index];
        return source(dilemma).then(function (element) {
          result[index] = {
            id: dilemma.id,
            title: dilemma.title,
            element: adopt(element, (prefix || "kaart") + "-" + (index + 1), level)
          };
          return worker();
        });
      }
      var workers = [];
      for (var i = 0; i < Math.min(AT_ONCE, dilemmas.length); i += 1) workers.push(worker());
      return Promise.all(workers).then(function () { return result; });
    },

    /* The dilemmas of the guide with these ids, in this order. */
    of: function (guide, ids) {
      var byId = new Map(guide.dilemmas.map(function (d) { return [d.id, d]; }));
      return ids.map(function (id) { return byId.get(id); }).filter(Boolean);
    }
  };
})();
