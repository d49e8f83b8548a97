/*
 * Composing a set on /sessie/ (and /sessie/?d=a,b,c&kiezen to change a
 * shared one): name it, choose dilemmas (narrowed by tension or words),
 * put them in order, take one out, copy the address. Every change is kept
 * in the browser (basket.js), so a set can grow from the dilemma pages too.
 */
(function () {
  "use strict";
  var gids = window.gids;
  var session = gids.session;
  var basket = gids.basket;

  function button(text, label, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "md-button gids-session-move";
    element.textContent = text;
    element.setAttribute("aria-label", label);
    element.addEventListener("click", action);
    return element;
  }

  session.showPicker = function (start, known, guide) {
    var byId = known.byId;
    var $ = function (id) { return document.getElementById(id); };
    var picker = $("gids-session-picker");
    var options = $("gids-session-options");
    var selected = $("gids-session-selected");
    var titleField = $("gids-session-title");
    var search = $("gids-session-search");
    var tension = $("gids-session-tension");
    var stored = basket.get();
    // An address to change wins over what this browser kept.
    var set = start.fromAddress ? { ids: session.resolve(start.wanted, known).ids, title: start.title }
      : { ids: session.resolve(stored.ids, known).ids, title: stored.title };
    var dropped = Math.max(0, set.ids.length - basket.MAX);
    set.ids = set.ids.slice(0, basket.MAX);
    titleField.value = set.title;
    if (dropped) {
      var note = $("gids-session-dropped");
      note.textContent = "Een set heeft hoogstens " + basket.MAX + " dilemma's. " +
        (dropped === 1 ? "Het laatste dilemma uit het adres is weggelaten." :
          "De laatste " + dropped + " dilemma's uit het adres zijn weggelaten.");
      note.hidden = false;
    }

    function save(message, focus) {
      basket.set(set);
      render(focus);
      if (message) gids.announce(message);
    }

    function move(index, step) {
      var id = set.ids[index];
      set.ids.splice(index, 1);
      set.ids.splice(index + step, 0, id);
      save(byId.get(id).title + " staat nu op plaats " + (index + step + 1) + ".", [id, step < 0 ? 0 : 1]);
    }

    function render(focus) {
      selected.textContent = "";
      set.ids.forEach(function (id, index) {
        var title = byId.get(id).title;
        var item = document.createElement("li");
        var name = document.createElement("span");
        name.className = "gids-session-selected__title";
        name.textContent = title;
        item.appendChild(name);
        var up = button("Omhoog", "Omhoog: " + title, function () { move(index, -1); });
        var down = button("Omlaag", "Omlaag: " + title, function () { move(index, 1); });
        up.disabled = index === 0;
        down.disabled = index === set.ids.length - 1;
        var remove = button("Haal weg", "Haal weg: " + title, function () {
          set.ids.splice(index, 1);
          var next = set.ids[Math.min(index, set.ids.length - 1)];
          save("Weggehaald: " + title + ". " + gids.count(set.ids.length, "dilemma", "dilemma's") + " in de set.",
            next ? [next, 2] : null);
          if (!next) titleField.focus();
        });
        [up, down, remove].forEach(function (b) { item.appendChild(b); });
        selected.appendChild(item);
        if (focus && focus[0] === id) {
          var wantedButton = [up, down, remove][focus[1]];
          (wantedButton.disabled ? [up, down, remove].filter(function (b) { return !b.disabled; })[0] : wantedButton).focus();
        }
      });
      $("gids-session-empty").hidden = set.ids.length > 0;
      var shared = session.url(set.ids, set.title, true);
      $("gids-session-link").value = set.ids.length ? shared : "";
      $("gids-session-open").href = session.url(set.ids, set.title, false);
      $("gids-session-open").hidden = set.ids.length === 0;
      $("gids-session-copy").disabled = set.ids.length === 0;
      $("gids-session-clear").disabled = set.ids.length === 0;
      options.querySelectorAll("input").forEach(function (box) {
        box.checked = set.ids.indexOf(box.value) !== -1;
      });
    }

    guide.dilemmas.forEach(function (d) {
      var item = document.createElement("li");
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.value = d.id;
      box.addEventListener("change", function () {
        if (box.checked && set.ids.length >= basket.MAX) {
          box.checked = false;
          gids.announce("Een set heeft hoogstens " + basket.MAX + " dilemma's.");
          return;
        }
        if (box.checked) { set.ids.push(d.id); } else { set.ids.splice(set.ids.indexOf(d.id), 1); }
        save((box.checked ? "Toegevoegd: " : "Weggehaald: ") + d.title + ". " +
          gids.count(set.ids.length, "dilemma", "dilemma's") + " in de set.");
      });
      label.appendChild(box);
      var text = document.createElement("span");
      var title = document.createElement("strong");
      title.textContent = d.title;
      var about = document.createElement("span");
      about.className = "gids-session-options__about";
      about.textContent = d.description;
      text.append(title, about);
      label.appendChild(text);
      item.appendChild(label);
      item.dataset.search = (d.title + " " + d.description + " " + d.tags.join(" ")).toLowerCase();
      item.dataset.tensions = d.tensions.join(" ");
      options.appendChild(item);
    });
    guide.tensions.forEach(function (t) { tension.appendChild(gids.option(t.id, t.title)); });
    if (start.tension && byTension(start.tension)) tension.value = start.tension;

    function byTension(id) {
      return guide.tensions.some(function (t) { return t.id === id; });
    }

    function narrow(announce) {
      var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(options.children, function (item) {
        var match = words.every(function (w) { return item.dataset.search.indexOf(w) !== -1; }) &&
          (!tension.value || item.dataset.tensions.split(" ").indexOf(tension.value) !== -1);
        item.hidden = !match;
        if (match) shown += 1;
      });
      if (announce) gids.announce(gids.count(shown, "dilemma", "dilemma's") + ".");
    }
    search.addEventListener("input", function () { narrow(true); });
    tension.addEventListener("change", function () { narrow(true); });
    titleField.addEventListener("input", function () {
      set.title = titleField.value.trim().slice(0, 80);
      save("");
    });
    $("gids-session-copy").addEventListener("click", function () {
      gids.copyText($("gids-session-link").value).then(
        function () { gids.announce("Link naar de set gekopieerd."); },
        function () { gids.announce("Kopiëren lukte niet. Selecteer het adres en kopieer het zelf."); }
      );
    });
    $("gids-session-clear").addEventListener("click", function () {
      set.ids = [];
      save("De set is leeg.");
      titleField.focus();
    });
    basket.onChange(function (now) {
      // Changed in another tab of the guide.
      if (now.ids.join() !== set.ids.join()) {
        set.ids = session.resolve(now.ids, known).ids;
        render();
      }
    });
    if (start.fromAddress) basket.set(set);
    narrow(false);
    render();
    picker.hidden = false;
  };
})();
