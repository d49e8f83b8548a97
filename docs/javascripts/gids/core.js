/*
 * Gids Ambtelijk vakmanschap: the namespace `window.gids` and what its
 * features share. Every page is complete without JavaScript; the features
 * (copy-link.js, filters.js, deck.js, session*.js) each register here and
 * run once the page is parsed.
 *
 * Classic scripts, no modules: the offline zip opens pages from file://.
 * What the guide's schema knows (tensions, domains, sections, the id rule)
 * is read from /gids.json, /gids.schema.json or the page, never written here.
 * Text from the content is always set with textContent, never as HTML.
 */
(function () {
  "use strict";

  var features = [];
  var gids = window.gids = { features: features };

  /* A feature: `setup` runs once, when the page has been parsed. */
  gids.feature = function (name, setup) {
    features.push({ name: name, setup: setup });
  };

  function start() {
    features.forEach(function (feature) { feature.setup(); });
    // A row of tools (print, add to a session...) appears once the
    // page's features are set up; without scripts it stays hidden.
    document.querySelectorAll("[data-gids-tools]").forEach(function (tools) { tools.hidden = false; });
  }

  /* The site root, from Material's page configuration. */
  var root = null;
  gids.root = function () {
    if (!root) {
      var config = document.getElementById("__config");
      var base = config ? JSON.parse(config.textContent).base : ".";
      root = new URL(base.replace(/\/?$/, "/"), location.href);
    }
    return root;
  };

  /*
   * The guide's own settings for its scripts (overrides/main.html):
   * `published`, the address the guide is published at; `pages`, where
   * a page of docs/ was built when pages are files ("sessie/" ->
   * "sessie.html": the offline zip, the merge-request preview);
   * `offline`, whether this is the zip.
   */
  var settings = null;
  gids.settings = function () {
    if (!settings) {
      var block = document.getElementById("gids-config");
      settings = block ? JSON.parse(block.textContent) : {};
      settings.pages = settings.pages || null;
    }
    return settings;
  };

  /* Where the page at a public address ("dilemmas/x/#y") was built, from
     the site root: the same address, or its file where pages are files. */
  gids.built = function (address) {
    var pages = gids.settings().pages;
    var parts = /^([^?#]*)(.*)$/.exec(address);
    if (!pages) return address;
    if (Object.prototype.hasOwnProperty.call(pages, parts[1])) return pages[parts[1]] + parts[2];
    // A principle, dilemma or tension: never a folder's index page.
    return parts[1].replace(/\/$/, ".html") + parts[2];
  };

  /* A public address of the guide ("dilemmas/x/") as a full URL of this copy of the site. */
  gids.link = function (address) {
    return new URL(gids.built(address), gids.root()).href;
  };

  /* The published, permanent address of a public address: what is shared,
     copied and printed, from the online guide, the zip or a preview alike.
     A build with pages as files that is not the zip (the merge-request
     preview) is itself what is published there: its pages are files too. */
  gids.published = function (address) {
    var settings = gids.settings();
    if (!settings.published) return gids.link(address);
    return new URL(settings.offline ? address : gids.built(address), settings.published).href;
  };

  /*
   * A data file of the site. The offline zip, opened from file://, cannot
   * fetch: its pages load gids-offline.js, which holds the same data
   * (window.gidsOffline, written by the build).
   */
  var loaded = new Map();
  function loadJson(name) {
    if (!loaded.has(name)) {
      var offline = window.gidsOffline;
      loaded.set(name, offline ? Promise.resolve(offline.files[name]) : fetch(gids.link(name)).then(function (response) {
        if (!response.ok) throw new Error(name + ": " + response.status);
        return response.json();
      }));
    }
    return loaded.get(name);
  }

  /* The whole guide as open data, fetched once per page. */
  gids.data = function () { return loadJson("gids.json"); };

  /*
   * What the JSON Schema beside it declares (from the same constants that
   * validate the guide): the domains and the rule for an id.
   */
  gids.rules = function () {
    return loadJson("gids.schema.json").then(function (schema) {
      var dilemma = schema.properties.dilemmas.items.properties;
      return {
        domains: dilemma.domains.items.enum,
        isId: function (value) {
          return value.length >= dilemma.id.minLength && value.length <= dilemma.id.maxLength &&
            new RegExp(dilemma.id.pattern).test(value);
        },
        idMaxLength: dilemma.id.maxLength
      };
    });
  };

  /* A polite live region, so screen readers hear what happened. A feature
     that will announce makes it at its start, so it is there before. */
  gids.live = function () {
    var live = document.getElementById("gids-live");
    if (!live) {
      live = document.createElement("div");
      live.id = "gids-live";
      live.className = "gids-sr-only";
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      document.body.appendChild(live);
    }
    return live;
  };

  gids.announce = function (message) {
    var live = gids.live();
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 50);
  };

  gids.copyText = function (text) {
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
  };

  gids.option = function (value, text) {
    var element = document.createElement("option");
    element.value = value;
    element.textContent = text;
    return element;
  };

  /* A copy of the element `selector` in the page's <template id="...">. */
  gids.fromTemplate = function (id, selector) {
    return document.importNode(document.getElementById(id).content.querySelector(selector), true);
  };

  /* "1 kaart", "3 kaarten". */
  gids.count = function (n, one, many) {
    return n + " " + (n === 1 ? one : many);
  };

  /* Material puts each code block's copy button in a <nav> without a name:
     landmarks that are not navigation, several alike (axe: landmark-unique).
     document$ is Material's: it emits once the page's components are set up. */
  if (window.document$) {
    window.document$.subscribe(function () {
      document.querySelectorAll("nav.md-code__nav").forEach(function (nav) { nav.setAttribute("role", "none"); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    window.setTimeout(start, 0);
  }
})();
