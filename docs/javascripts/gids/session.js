/*
 * The session page: /sessie/?d=a,b,c&titel=... shows a set as cards, the
 * way participants open it (session-cards.js); /sessie/ and ?kiezen
 * compose one (session-picker.js), kept in the browser (basket.js).
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

  /*
   * The address of a set: its ids in order and its name. `shared`: the
   * published address, to send and to print (from the zip or a preview
   * too); otherwise this copy of the site's, to open here.
   */
  session.url = function (ids, title, shared) {
    var query = ids.length ? "?d=" + ids.map(encodeURIComponent).join(",") : "";
    if (ids.length && title) query += "&titel=" + encodeURIComponent(title);
    return (shared ? gids.published("sessie/") : gids.link("sessie/")) + query;
  };

  /* The composer, for the set of this address (or the stored one). */
  session.editUrl = function (ids, title) {
    var url = session.url(ids, title, false);
    return url + (url.indexOf("?") === -1 ? "?" : "&") + "kiezen";
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
    var title = (params.get("titel") || "").trim().slice(0, 80);
    var composing = !wanted.length || params.get("kiezen") !== null;
    // A shared set opens on the set: the composer's explanation is not
    // what participants came for, not even while the guide's data loads.
    if (!composing) document.querySelector(".gids-session-intro").hidden = true;
    Promise.all([gids.data(), gids.rules()]).then(function (loaded) {
      var known = lookup(loaded[0], loaded[1]);
      if (composing) {
        session.showPicker({ wanted: wanted, title: title, fromAddress: wanted.length > 0,
          // The tension select's name is its parameter (?kiezen&spanning=...).
          tension: params.get(document.getElementById("gids-session-tension").name) || "" }, known, loaded[0]);
      } else {
        session.showCards(wanted, title, known, loaded[0]);
      }
    }).catch(function () {
      document.getElementById("gids-session-offline").hidden = false;
    });
  });
})();
