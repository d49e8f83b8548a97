/*
 * Gids Ambtelijk vakmanschap: what the pages do with JavaScript.
 * Every page is complete without it; this adds the "kopieer link" controls,
 * the filters on /dilemmas/, the session page /sessie/ and the print deck
 * of a tension page.
 * Text from the content is always set with textContent, never as HTML.
 */
(function () {
  "use strict";

  var SECTIONS = ["situatie", "spanning", "gespreksvragen", "handelingsperspectief"];

  /* The site root, from Material's page configuration. */
  function siteRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  function loadGuide() {
    return fetch(new URL("gids.json", siteRoot())).then(function (response) {
      if (!response.ok) throw new Error("gids.json: " + response.status);
      return response.json();
    });
  }

  /* A polite live region, so screen readers hear what happened. */
  function announcer() {
    var live = document.getElementById("gids-live");
    if (!live) {
      live = document.createElement("div");
      live.id = "gids-live";
      live.className = "gids-sr-only";
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      document.body.appendChild(live);
    }
    return function (message) {
      live.textContent = "";
      window.setTimeout(function () { live.textContent = message; }, 50);
    };
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Without a secure context (plain http on another host), the older way.
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var done = document.execCommand("copy");
      document.body.removeChild(field);
      if (done) { resolve(); } else { reject(new Error("copy")); }
    });
  }

  function copyButton(url, label, announce) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "gids-copy";
    button.textContent = "Kopieer link";
    button.setAttribute("aria-label", label);
    button.dataset.url = url;
    button.addEventListener("click", function () {
      copyText(url).then(
        function () { announce("Link gekopieerd: " + url); button.textContent = "Gekopieerd"; },
        function () { announce("Kopiëren lukte niet. Het adres is: " + url); }
      );
      window.setTimeout(function () { button.textContent = "Kopieer link"; }, 2500);
    });
    return button;
  }

  /* Material puts each code block's copy button in a <nav> without a name:
     landmarks that are not navigation, several alike (axe: landmark-unique).
     document$ is Material's: it emits once the page's components are set up. */
  if (window.document$) {
    window.document$.subscribe(function () {
      document.querySelectorAll("nav.md-code__nav").forEach(function (nav) { nav.setAttribute("role", "none"); });
    });
  }

  /* 1. "Kopieer link" beside a dilemma's title and each of its sections. */
  function setupCopyLinks() {
    var dilemma = document.querySelector("article .gids-dilemma[data-gids-permalink]");
    if (!dilemma) return;
    var announce = announcer();
    var permalink = dilemma.dataset.gidsPermalink;
    var title = dilemma.querySelector(".gids-dilemma__title");
    // Beside the headings, not inside: a heading's name is only its text.
    title.after(copyButton(permalink, "Kopieer link naar dit dilemma", announce));
    SECTIONS.forEach(function (anchor) {
      var heading = dilemma.querySelector("h2#" + anchor);
      if (!heading) return;
      var name = heading.firstChild ? heading.firstChild.textContent.trim() : anchor;
      heading.after(copyButton(permalink + "#" + anchor, "Kopieer link naar het deel " + name, announce));
    });
  }

  /* 2. Filters on /dilemmas/, reflected in the address. */
  var FILTERS = [
    { param: "spanning", field: "tensions", label: "Alle spanningen" },
    { param: "principe", field: "principles", label: "Alle principes" },
    { param: "domein", field: "domains", label: "Alle domeinen" },
    { param: "tag", field: "tags", label: "Alle trefwoorden" }
  ];

  function option(value, text) {
    var element = document.createElement("option");
    element.value = value;
    element.textContent = text;
    return element;
  }

  function card(dilemma, root) {
    var item = document.createElement("li");
    item.className = "gids-card";
    var link = document.createElement("a");
    link.className = "gids-card__title";
    link.href = new URL(dilemma.address, root).href;
    link.textContent = dilemma.title;
    var description = document.createElement("p");
    description.className = "gids-card__description";
    description.textContent = dilemma.description;
    item.appendChild(link);
    item.appendChild(description);
    return item;
  }

  function setupFilters() {
    var form = document.getElementById("gids-filters");
    if (!form) return;
    var grouped = document.getElementById("gids-grouped");
    var results = document.getElementById("gids-filter-results");
    var list = results.querySelector("ul");
    var status = document.getElementById("gids-filter-status");
    var root = siteRoot();

    loadGuide().then(function (guide) {
      var choices = {
        spanning: guide.tensions.map(function (t) { return [t.id, t.title]; }),
        principe: guide.principles.map(function (p) { return [p.id, p.title]; }),
        domein: ["beleid", "uitvoering", "toezicht"].map(function (d) { return [d, d]; }),
        tag: Array.from(new Set([].concat.apply([], guide.dilemmas.map(function (d) { return d.tags; }))))
          .sort(function (a, b) { return a.localeCompare(b, "nl"); })
          .map(function (t) { return [t, t]; })
      };
      FILTERS.forEach(function (filter) {
        var select = form.elements[filter.param];
        select.appendChild(option("", filter.label));
        choices[filter.param].forEach(function (choice) { select.appendChild(option(choice[0], choice[1])); });
      });

      function apply(announceCount) {
        var active = FILTERS.filter(function (f) { return form.elements[f.param].value; });
        var params = new URLSearchParams();
        active.forEach(function (f) { params.set(f.param, form.elements[f.param].value); });
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
        if (!active.length) {
          grouped.hidden = false;
          results.hidden = true;
          status.textContent = announceCount ? "Alle " + guide.dilemmas.length + " dilemma's, per spanning." : "";
          return;
        }
        var found = guide.dilemmas.filter(function (d) {
          return active.every(function (f) { return d[f.field].indexOf(form.elements[f.param].value) !== -1; });
        });
        list.textContent = "";
        found.forEach(function (d) { list.appendChild(card(d, root)); });
        grouped.hidden = true;
        results.hidden = false;
        status.textContent = found.length === 1 ? "1 dilemma gevonden." : found.length + " dilemma's gevonden.";
      }

      var params = new URLSearchParams(location.search);
      FILTERS.forEach(function (f) {
        var wanted = params.get(f.param);
        var select = form.elements[f.param];
        if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
          select.value = wanted;
        }
        select.addEventListener("change", function () { apply(true); });
      });
      form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
      form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
      form.hidden = false;
      apply(false);
    }).catch(function () {
      // Without the data (opened from a file, or offline) the full list stays.
      form.hidden = true;
    });
  }

  /*
   * A card: a dilemma as its own page draws it, fetched from that page, so
   * that a card set (a session, a tension's deck) repeats no text of the
   * guide in its own HTML. `prefix` keeps its ids unique on the page.
   */
  function loadCard(url, prefix, title, className) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var dilemma = page.querySelector("article .gids-dilemma");
      // Links inside it were relative to the dilemma's own page.
      Array.prototype.forEach.call(dilemma.querySelectorAll("[href]"), function (el) {
        el.setAttribute("href", new URL(el.getAttribute("href"), url).href);
      });
      Array.prototype.forEach.call(dilemma.querySelectorAll("[id]"), function (el) {
        el.setAttribute("id", prefix + "-" + el.id);
      });
      var heading = dilemma.querySelector(".gids-dilemma__title");
      var h2 = document.createElement("h2");
      h2.className = heading.className;
      h2.textContent = heading.textContent;
      heading.replaceWith(h2);
      var article = document.createElement("article");
      article.className = className;
      article.setAttribute("aria-label", title);
      article.appendChild(document.importNode(dilemma, true));
      return article;
    });
  }

  /*
   * 4. A tension page prints as a deck of its dilemmas: the button fetches
   * the cards of the dilemmas listed on the page, then prints. Built here
   * and not into the page, so that a tension page stays small however many
   * dilemmas it has (and readers who do not print do not download them).
   */
  function setupDeck() {
    var deck = document.getElementById("gids-deck");
    var button = document.getElementById("gids-deck-print");
    // Opened as files (the offline zip), a page cannot fetch other pages.
    if (!deck || !button || location.protocol === "file:") return;
    var announce = announcer();
    var links = Array.prototype.slice.call(document.querySelectorAll(".gids-related .gids-card__title"));
    var loading = null;
    function load() {
      if (!loading) {
        announce("De kaarten worden geladen.");
        loading = Promise.all(links.map(function (link, index) {
          return loadCard(new URL(link.getAttribute("href"), location.href), "kaart-" + (index + 1),
            link.textContent, "gids-deck__card");
        })).then(function (articles) {
          articles.forEach(function (article) { deck.appendChild(article); });
          document.body.classList.add("gids-deck-ready");
          announce(articles.length === 1 ? "1 kaart klaar." : articles.length + " kaarten klaar.");
        }, function (error) {
          loading = null;
          announce("De kaarten konden niet worden geladen. Probeer het opnieuw.");
          throw error;
        });
      }
      return loading;
    }
    button.addEventListener("click", function () {
      load().then(function () { window.print(); }, function () {});
    });
    document.getElementById("gids-deck-offer").hidden = false;
  }

  /*
   * 3. Session sets: pick dilemmas, share /sessie/?d=a,b,c, show the cards.
   *
   * The ids in a session address are data from whoever wrote the link. Only
   * names a dilemma could have (the contract's id rule) are looked up, in
   * Maps: on a plain object, "constructor" or "__proto__" would find the
   * object's prototype. Each id counts once (the first time it occurs), and
   * a session loads at most MAX_CARDS cards, one request each.
   */
  var ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var ID_MIN_LENGTH = 3;
  var ID_MAX_LENGTH = 60;
  var MAX_CARDS = 30;
  // Ids of an address that are not in the guide, named one by one up to this.
  var MAX_NAMED = 10;

  function isId(value) {
    return value.length >= ID_MIN_LENGTH && value.length <= ID_MAX_LENGTH && ID_PATTERN.test(value);
  }

  /* An id from the address as it is named on the page (as text, shortened). */
  function quoted(value) {
    return "'" + (value.length > ID_MAX_LENGTH ? value.slice(0, ID_MAX_LENGTH) + "…" : value) + "'";
  }

  /* The ids of ?d=a,b,c: trimmed, without empty ones, each once, in order. */
  function sessionIds(value) {
    var seen = new Set();
    return (value || "").split(",").map(function (id) { return id.trim(); }).filter(function (id) {
      if (!id || seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }

  function setupSession() {
    var session = document.getElementById("gids-session");
    if (!session) return;
    var root = siteRoot();
    var params = new URLSearchParams(location.search);
    var wanted = sessionIds(params.get("d"));
    var announce = announcer();

    loadGuide().then(function (guide) {
      var byId = new Map();
      var renamed = new Map();
      var removed = new Map();
      guide.dilemmas.forEach(function (d) {
        byId.set(d.id, d);
        (d.aliases || []).forEach(function (alias) { renamed.set(alias, d.id); });
      });
      guide.releases.forEach(function (r) {
        r.removed.forEach(function (x) { if (x.kind === "dilemma") removed.set(x.id, r.version); });
      });
      if (wanted.length && params.get("kiezen") === null) {
        showCards(guide, byId, renamed, removed);
      } else {
        showPicker(guide, byId, renamed);
      }
    }).catch(function () {
      document.getElementById("gids-session-offline").hidden = false;
    });

    function sessionUrl(ids) {
      var url = new URL("sessie/", root);
      if (ids.length) url.search = "?d=" + ids.join(",");
      return url.href;
    }

    function showPicker(guide, byId, renamed) {
      var picker = document.getElementById("gids-session-picker");
      var search = document.getElementById("gids-session-search");
      var options = document.getElementById("gids-session-options");
      var selectedList = document.getElementById("gids-session-selected");
      var empty = document.getElementById("gids-session-empty");
      var linkField = document.getElementById("gids-session-link");
      var open = document.getElementById("gids-session-open");
      var copy = document.getElementById("gids-session-copy");
      var emptyText = empty.textContent;
      var chosen = resolve(wanted, byId, renamed).ids;

      function render() {
        selectedList.textContent = "";
        chosen.forEach(function (id, index) {
          var item = document.createElement("li");
          var name = document.createElement("span");
          name.textContent = byId.get(id).title + " ";
          item.appendChild(name);
          [["Omhoog", -1], ["Omlaag", 1]].forEach(function (move) {
            var button = document.createElement("button");
            button.type = "button";
            button.textContent = move[0];
            button.setAttribute("aria-label", move[0] + ": " + byId.get(id).title);
            button.disabled = (move[1] < 0 && index === 0) || (move[1] > 0 && index === chosen.length - 1);
            button.addEventListener("click", function () {
              var other = index + move[1];
              chosen[index] = chosen[other];
              chosen[other] = id;
              render();
              announce(byId.get(id).title + " staat nu op plaats " + (other + 1) + ".");
            });
            item.appendChild(button);
          });
          selectedList.appendChild(item);
        });
        empty.hidden = chosen.length > 0 && chosen.length <= MAX_CARDS;
        empty.textContent = chosen.length ? "Een set toont hoogstens " + MAX_CARDS + " kaarten. " +
          "Wat je na de " + MAX_CARDS + "e kiest, valt weg." : emptyText;
        var url = sessionUrl(chosen);
        linkField.value = chosen.length ? url : "";
        open.href = url;
        open.hidden = chosen.length === 0;
        copy.disabled = chosen.length === 0;
        Array.prototype.forEach.call(options.querySelectorAll("input"), function (box) {
          box.checked = chosen.indexOf(box.value) !== -1;
        });
      }

      guide.dilemmas.forEach(function (d) {
        var item = document.createElement("li");
        var label = document.createElement("label");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.value = d.id;
        box.addEventListener("change", function () {
          if (box.checked) { chosen.push(d.id); } else { chosen.splice(chosen.indexOf(d.id), 1); }
          render();
          announce((box.checked ? "Toegevoegd: " : "Weggehaald: ") + d.title + ". " + chosen.length + " in de set.");
        });
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + d.title));
        item.appendChild(label);
        item.dataset.search = (d.title + " " + d.description + " " + d.tags.join(" ")).toLowerCase();
        item.dataset.tensions = d.tensions.join(" ");
        options.appendChild(item);
      });
      var tension = document.getElementById("gids-session-tension");
      guide.tensions.forEach(function (t) { tension.appendChild(option(t.id, t.title)); });
      function narrow() {
        var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
        var shown = 0;
        Array.prototype.forEach.call(options.children, function (item) {
          var match = words.every(function (w) { return item.dataset.search.indexOf(w) !== -1; }) &&
            (!tension.value || item.dataset.tensions.split(" ").indexOf(tension.value) !== -1);
          item.hidden = !match;
          if (match) shown += 1;
        });
        announce(shown === 1 ? "1 dilemma." : shown + " dilemma's.");
      }
      search.addEventListener("input", narrow);
      tension.addEventListener("change", narrow);
      copy.addEventListener("click", function () {
        copyText(linkField.value).then(
          function () { announce("Link naar de set gekopieerd."); },
          function () { announce("Kopiëren lukte niet. Selecteer het adres en kopieer het zelf."); }
        );
      });
      render();
      picker.hidden = false;
    }

    /*
     * The dilemmas of an address, renamed ids followed to their new name,
     * each once; and what to tell about the rest (as text, never as HTML).
     */
    function resolve(ids, byId, renamed, removed) {
      var found = [];
      var seen = new Set();
      var notes = [];
      var missing = [];
      ids.forEach(function (id) {
        if (!isId(id)) {
          missing.push(quoted(id) + " is geen naam van een dilemma.");
          return;
        }
        var target = byId.has(id) ? id : renamed.get(id);
        if (target !== undefined) {
          if (target !== id) notes.push(quoted(id) + " heet nu " + quoted(target) + ".");
          if (!seen.has(target)) {
            seen.add(target);
            found.push(target);
          }
        } else if (removed && removed.has(id)) {
          missing.push(quoted(id) + " is weggehaald in versie " + removed.get(id) + ".");
        } else {
          missing.push(quoted(id) + " bestaat niet in de gids.");
        }
      });
      if (missing.length > MAX_NAMED) {
        var rest = missing.length - MAX_NAMED;
        missing = missing.slice(0, MAX_NAMED);
        missing.push(rest === 1 ? "Nog 1 naam staat niet in de gids." : "Nog " + rest + " namen staan niet in de gids.");
      }
      return { ids: found, notes: notes.concat(missing) };
    }

    function showCards(guide, byId, renamed, removed) {
      var view = document.getElementById("gids-session-cards");
      var cards = document.getElementById("gids-session-card-list");
      var problems = document.getElementById("gids-session-unknown");
      var result = resolve(wanted, byId, renamed, removed);
      var notes = result.notes;
      var ids = result.ids.slice(0, MAX_CARDS);
      if (result.ids.length > MAX_CARDS) {
        var left = result.ids.length - MAX_CARDS;
        notes.push("Een sessie toont hoogstens " + MAX_CARDS + " kaarten. " +
          (left === 1 ? "Het laatste dilemma uit dit adres is weggelaten." :
            "De laatste " + left + " dilemma's uit dit adres zijn weggelaten."));
      }
      function tell(lines) {
        problems.textContent = "Niet alles uit dit adres staat in de set. " + lines.join(" ");
        problems.hidden = false;
      }
      if (notes.length) tell(notes);
      document.getElementById("gids-session-edit").href = sessionUrl(ids) + (ids.length ? "&" : "?") + "kiezen";
      view.hidden = false;

      Promise.all(ids.map(function (id) {
        return loadCard(new URL(byId.get(id).address, root), id, byId.get(id).title, "gids-session-card");
      })).then(function (articles) {
        articles.forEach(function (article) { cards.appendChild(article); });
        announce(articles.length === 1 ? "1 kaart klaar." : articles.length + " kaarten klaar.");
      }, function () {
        tell(notes.concat(["De kaarten konden niet worden geladen. Laad de pagina opnieuw."]));
      });

      document.getElementById("gids-session-print").addEventListener("click", function () { window.print(); });
      var present = document.getElementById("gids-session-present");
      present.addEventListener("click", function () {
        cards.classList.add("gids-presenting");
        if (cards.requestFullscreen) { cards.requestFullscreen().catch(function () {}); }
        cards.setAttribute("tabindex", "-1");
        cards.focus();
      });
      document.addEventListener("fullscreenchange", function () {
        if (!document.fullscreenElement) cards.classList.remove("gids-presenting");
      });
    }
  }

  setupCopyLinks();
  setupFilters();
  setupSession();
  setupDeck();
})();
