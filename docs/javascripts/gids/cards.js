/*
 * A card: a dilemma as its own page draws it, fetched from that page, so
 * that a card set (a session, a tension's deck) repeats no text of the
 * guide in its own HTML. `prefix` keeps its ids unique on the page.
 */
(function () {
  "use strict";

  window.gids.loadCard = function (url, prefix, title, className) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var dilemma = page.querySelector("article .gids-dilemma");
      // Links inside it were relative to the dilemma's own page.
      dilemma.querySelectorAll("[href]").forEach(function (el) {
        el.setAttribute("href", new URL(el.getAttribute("href"), url).href);
      });
      dilemma.querySelectorAll("[id]").forEach(function (el) {
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
  };
})();
