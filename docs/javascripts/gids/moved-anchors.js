/*
 * An old address of a section that moved to another page
 * (/bijdragen/#een-nieuwe-versie-uitbrengen) goes on to its new place. The
 * page's template lists the moved ids and their new addresses in the data
 * block #gids-moved-anchors; an id still on the page is left alone.
 */
(function () {
  "use strict";

  window.gids.feature("moved-anchors", function () {
    var block = document.getElementById("gids-moved-anchors");
    if (!block) return;
    var moved = JSON.parse(block.textContent);

    function follow() {
      var id;
      try {
        id = decodeURIComponent(location.hash.slice(1));
      } catch (error) {
        return;
      }
      if (!id || document.getElementById(id) || !Object.prototype.hasOwnProperty.call(moved, id)) return;
      // replace: the old address does not stay in the history, so Back
      // returns to where the reader came from.
      location.replace(moved[id]);
    }

    follow();
    window.addEventListener("hashchange", follow);
  });
})();
