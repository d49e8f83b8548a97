/* The form-based editor /bewerken/ (src/gids/cms.py makes the page and its
   config.yml). Runs before Decap's bundle (both deferred): it holds Decap
   back, then starts it once the page is parsed, with two additions that keep
   what Decap writes within the content contract:
   - empty values are left out (an empty optional text, an empty list), as a
     contributor would leave out a key;
   - the field with a new item's file name gives the name only (made from
     the title when it is left empty): it is taken out of the file, whose
     keys are the contract's.
   The form starts where the redactie set it up, and on this computer when
   Decap's local backend (decap-server) answers. */
(function () {
  "use strict";

  window.CMS_MANUAL_INIT = true;
  var settings = JSON.parse(document.getElementById("gids-cms").textContent);

  function isEmpty(value) {
    if (value === null || value === undefined) { return true; }
    if (typeof value === "string") { return value.trim() === ""; }
    return typeof value.size === "number" && value.size === 0;
  }

  // Decap's data are Immutable maps and lists: map and filter keep their kind.
  function clean(value, key) {
    if (typeof value === "string") { return key === "body" ? value : value.trim(); }
    if (value && typeof value.map === "function" && typeof value.filter === "function" && !Array.isArray(value)) {
      return value.map(clean).filter(function (item) { return !isEmpty(item); });
    }
    return value;
  }

  var idRule = new RegExp(settings.idPattern);

  // A name from the title, as the contract wants it: "Mag je dat?" -> "mag-je-dat".
  function nameFrom(title) {
    var name = String(title || "").normalize("NFD").replace(/[\u0300-\u036f'\u2019]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    if (name.length > settings.idMax) {
      name = name.slice(0, settings.idMax + 1);
      name = name.slice(0, name.lastIndexOf("-") > 0 ? name.lastIndexOf("-") : settings.idMax).replace(/-+$/, "");
    }
    return name;
  }

  function beforeSave(event) {
    var entry = event.entry;
    var data = entry.get("data");
    if (entry.get("newRecord")) {
      var name = isEmpty(data.get(settings.idField)) ? nameFrom(data.get("title")) : data.get(settings.idField).trim();
      if (!idRule.test(name)) { throw new Error(settings.idMissing); }
      return clean(data.set(settings.idField, name));
    }
    // An existing item keeps its file and its name.
    return clean(data.delete(settings.idField));
  }

  // The file as Decap wrote it, without the line of the name field: a key at
  // the start of a line of the front matter (nested keys are indented).
  var idLine = new RegExp("^" + settings.idField + ":.*\\n", "m");

  function withoutId(raw) {
    var end = raw.indexOf("\n---", 3);
    if (raw.slice(0, 4) !== "---\n" || end < 0) { return raw; }
    return raw.slice(0, end + 1).replace(idLine, "") + raw.slice(end + 1);
  }

  // Every backend that writes files: GitLab, and the local one ("proxy").
  function keepToContract(name) {
    var registered = window.CMS.getBackend(name);
    var init = registered.init;
    registered.init = function () {
      var backend = init.apply(null, arguments);
      var persist = backend.persistEntry.bind(backend);
      backend.persistEntry = function (entry, options) {
        entry.dataFiles.forEach(function (file) { file.raw = withoutId(file.raw); });
        return persist(entry, options);
      };
      return backend;
    };
  }

  // The name field only where a new item is made (#/collections/x/new).
  function markNew() {
    document.documentElement.classList.toggle("gids-nieuw", /\/new(\?|$)/.test(window.location.hash));
  }

  // Decap's editor is at least 800 pixels wide; on a phone it fits the screen.
  var PHONE = "@media (max-width: 799px) { [class*=\"-EditorContainer\"], [class*=\"-ToolbarContainer\"] " +
    "{ min-width: 0 !important; } [class*=\"-ToolbarContainer\"] { flex-wrap: wrap; height: auto !important; } }";

  function start() {
    var style = document.createElement("style");
    style.textContent = "html:not(.gids-nieuw) div:has(> input[id^=\"" + settings.idField + "-field-\"]) { display: none; }\n" + PHONE;
    document.head.appendChild(style);
    markNew();
    window.addEventListener("hashchange", markNew);
    ["gitlab", "proxy"].forEach(keepToContract);
    window.CMS.registerEventListener({ name: "preSave", handler: beforeSave });
    document.getElementById("gids-uitleg").hidden = true;
    document.title = settings.title;
    window.CMS.init();
  }

  function localBackendAnswers() {
    return window.fetch(settings.localUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ action: "info" })
    }).then(function (response) { return response.ok; }, function () { return false; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.CMS) { return; }
    if (settings.ready) { start(); return; }
    if (settings.localHosts.indexOf(window.location.hostname) < 0) { return; }
    localBackendAnswers().then(function (answers) { if (answers) { start(); } });
  });
})();
