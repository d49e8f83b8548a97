/*
 * The session page: pick dilemmas (session-picker.js), share
 * /sessie/?d=a,b,c, show them as cards (session-cards.js).
 *
 * The ids in a session address are data from whoever wrote the link. Only
 * names a dilemma could have (the contract's id rule, from the JSON Schema)
 * are looked up, in Maps: on a plain object, "constructor" or "__proto__"
 * would find the object's prototype. Each id counts once (the first time it
 * occurs), and a session loads at most MAX_CARDS cards, one request each.
 */
(function () {
  "use strict";
  var gids = window.gids;
  var session = gids.session = {
    MAX_CARDS: 30,
    // Ids of an address that are not in the guide, named one by one up to this.
    MAX_NAMED: 10
  };

  /* The address of a session set. */
  session.url = function (ids) {
    var url = new URL(gids.link("sessie/"));
    if (ids.length) url.search = "?d=" + ids.join(",");
    return url.href;
  };

  /* The ids of ?d=a,b,c: trimmed, without empty ones, each once, in order. */
  function sessionIds(value) {
    var seen = new Set();
    return (value || "").split(",").map(function (id) { return id.trim(); }).filter(function (id) {
      if (!id || seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }

  /* What the guide knows about ids, in Maps. */
  function lookup(guide, rules) {
    var known = { byId: new Map(), renamed: new Map(), removed: new Map(), rules: rules };
    guide.dilemmas.forEach(function (d) {
      known.byId.set(d.id, d);
      (d.aliases || []).forEach(function (alias) { known.renamed.set(alias, d.id); });
    });
    guide.releases.forEach(function (r) {
      r.removed.forEach(function (x) { if (x.kind === "dilemma") known.removed.set(x.id, r.version); });
    });
    return known;
  }

  /*
   * The dilemmas of an address, renamed ids followed to their new name,
   * each once; and what to tell about the rest (as text, never as HTML).
   */
  session.resolve = function (ids, known) {
    var max = known.rules.idMaxLength;
    function quoted(value) {
      return "'" + (value.length > max ? value.slice(0, max) + "…" : value) + "'";
    }
    var found = [];
    var seen = new Set();
    var notes = [];
    var missing = [];
    ids.forEach(function (id) {
      if (!known.rules.isId(id)) {
        missing.push(quoted(id) + " is geen naam van een dilemma.");
        return;
      }
      var target = known.byId.has(id) ? id : known.renamed.get(id);
      if (target !== undefined) {
        if (target !== id) notes.push(quoted(id) + " heet nu " + quoted(target) + ".");
        if (!seen.has(target)) {
          seen.add(target);
          found.push(target);
        }
      } else if (known.removed.has(id)) {
        missing.push(quoted(id) + " is weggehaald in versie " + known.removed.get(id) + ".");
      } else {
        missing.push(quoted(id) + " bestaat niet in de gids.");
      }
    });
    if (missing.length > session.MAX_NAMED) {
      var rest = missing.length - session.MAX_NAMED;
      missing = missing.slice(0, session.MAX_NAMED);
      missing.push(rest === 1 ? "Nog 1 naam staat niet in de gids." : "Nog " + rest + " namen staan niet in de gids.");
    }
    return { ids: found, notes: notes.concat(missing) };
  };

  gids.feature("session", function () {
    if (!document.getElementById("gids-session")) return;
    gids.live();
    var params = new URLSearchParams(location.search);
    var wanted = sessionIds(params.get("d"));
    Promise.all([gids.data(), gids.rules()]).then(function (loaded) {
      var known = lookup(loaded[0], loaded[1]);
      if (wanted.length && params.get("kiezen") === null) {
        session.showCards(wanted, known);
      } else {
        session.showPicker(wanted, known, loaded[0]);
      }
    }).catch(function () {
      document.getElementById("gids-session-offline").hidden = false;
    });
  });
})();
