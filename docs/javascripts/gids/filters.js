/*
 * The filters on /dilemmas/, reflected in the address
 * (?spanning=...&domein=...). The form in the template names each filter:
 * a <select> whose name is the address parameter and whose
 * data-gids-field is the field of a dilemma in /gids.json it matches.
 * Found dilemmas are shown as the list's own card (<template id="gids-card-template">).
 */
(function () {
  "use strict";
  var gids = window.gids;

  /* The values to choose from, per field of a dilemma, as [value, text]. */
  function choices(guide, rules) {
    var tags = new Set();
    guide.dilemmas.forEach(function (d) { d.tags.forEach(function (t) { tags.add(t); }); });
    return {
      tensions: guide.tensions.map(function (t) { return [t.id, t.title]; }),
      principles: guide.principles.map(function (p) { return [p.id, p.title]; }),
      domains: rules.domains.map(function (d) { return [d, d]; }),
      tags: Array.from(tags).sort(function (a, b) { return a.localeCompare(b, "nl"); })
        .map(function (t) { return [t, t]; })
    };
  }

  function card(dilemma) {
    var item = gids.fromTemplate("gids-card-template", ".gids-card");
    item.dataset.gidsId = dilemma.id;
    var link = item.querySelector(".gids-card__title");
    link.href = gids.link(dilemma.address);
    link.textContent = dilemma.title;
    item.querySelector(".gids-card__description").textContent = dilemma.description;
    var meta = item.querySelector(".gids-card__meta");
    if (meta) {
      var chip = meta.querySelector(".gids-chip");
      dilemma.domains.forEach(function (domain) {
        var copy = chip.cloneNode(false);
        copy.textContent = domain;
        meta.insertBefore(copy, chip);
      });
      meta.removeChild(chip);
      if (!dilemma.domains.length) item.removeChild(meta);
    }
    gids.basket.addTo(item);
    return item;
  }

  gids.feature("filters", function () {
    var form = document.getElementById("gids-filters");
    if (!form) return;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-gids-field]"));
    var grouped = document.getElementById("gids-grouped");
    var results = document.getElementById("gids-filter-results");
    var list = results.querySelector("ul");
    var status = document.getElementById("gids-filter-status");

    Promise.all([gids.data(), gids.rules()]).then(function (loaded) {
      var guide = loaded[0];
      var values = choices(guide, loaded[1]);
      selects.forEach(function (select) {
        values[select.dataset.gidsField].forEach(function (choice) {
          select.appendChild(gids.option(choice[0], choice[1]));
        });
      });

      function apply(announceCount) {
        var active = selects.filter(function (select) { return select.value; });
        var params = new URLSearchParams();
        active.forEach(function (select) { params.set(select.name, select.value); });
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
        if (!active.length) {
          grouped.hidden = false;
          results.hidden = true;
          status.textContent = announceCount ? "Alle " + guide.dilemmas.length + " dilemma's, per spanning." : "";
          return;
        }
        var found = guide.dilemmas.filter(function (d) {
          return active.every(function (select) { return d[select.dataset.gidsField].indexOf(select.value) !== -1; });
        });
        list.textContent = "";
        found.forEach(function (d) { list.appendChild(card(d)); });
        grouped.hidden = true;
        results.hidden = false;
        status.textContent = gids.count(found.length, "dilemma", "dilemma's") + " gevonden.";
      }

      var params = new URLSearchParams(location.search);
      selects.forEach(function (select) {
        var wanted = params.get(select.name);
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
  });
})();
