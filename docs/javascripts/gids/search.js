/* The search page (/zoeken/): Pagefind's interface, in Dutch, started with
   the words of ?q=... . Loaded by that page only (overrides/gids/search.html). */
(function () {
  "use strict";
  var gids = (window.gids = window.gids || {});
  var element = document.getElementById("gids-search");
  if (!element || typeof PagefindUI === "undefined") return;
  // Result addresses in the index are relative to the site's root
  // (dilemmas/x/), which may be /1.0/ on the published site.
  var base = new URL(element.getAttribute("data-gids-base"), location.href).pathname;
  // Pagefind imports its script from the bundle's address: as a full URL,
  // since "pagefind/" (the search page as zoeken.html beside it, as in the
  // merge-request preview) would be a module name, not an address.
  var bundle = new URL(element.getAttribute("data-gids-bundle"), location.href).href;
  var ui = new PagefindUI({
    element: "#gids-search",
    bundlePath: bundle,
    baseUrl: base,
    showImages: false,
    showSubResults: false,
    resetStyles: true,
    autofocus: true,
    // Pagefind searches 300 ms after the last key by default, which alone
    // is the benchmark's goal for a first result (issue 15); a search is a
    // few small fetches, so it may start sooner.
    debounceTimeoutMs: 100,
    translations: {
      placeholder: "Bijvoorbeeld: tegenspraak",
      zero_results: "Niets gevonden voor [SEARCH_TERM]",
      many_results: "[COUNT] resultaten voor [SEARCH_TERM]",
      one_result: "1 resultaat voor [SEARCH_TERM]",
      filters_label: "Filters",
      clear_search: "Wissen",
      load_more: "Meer resultaten",
      search_label: "Zoek in de gids"
    }
  });

  // What Pagefind's interface leaves out for assistive technology, added
  // as it draws: the field is named by the page's visible label; each result's
  // title is a heading (it looks like one); the number of results is said
  // aloud through the page's own status line.
  var status = document.getElementById("gids-search-status");
  function mend() {
    var input = element.querySelector("input.pagefind-ui__search-input");
    if (input && !input.hasAttribute("aria-labelledby")) input.setAttribute("aria-labelledby", "gids-search-label");
    element.querySelectorAll(".pagefind-ui__result-title:not([role])").forEach(function (title) {
      title.setAttribute("role", "heading");
      title.setAttribute("aria-level", "2");
    });
    var message = element.querySelector(".pagefind-ui__message");
    var text = message ? message.textContent.trim() : "";
    if (status && status.textContent !== text) status.textContent = text;
  }
  new MutationObserver(mend).observe(element, { childList: true, subtree: true, characterData: true });
  mend();

  // For other scripts and the tests: search as a reader would.
  gids.search = function (words) {
    ui.triggerSearch(words);
  };
  var query = new URLSearchParams(location.search).get("q");
  if (query) gids.search(query);
})();
