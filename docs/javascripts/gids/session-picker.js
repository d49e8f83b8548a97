/*
 * The session picker on /sessie/ (and /sessie/?d=a,b,c&kiezen): choose
 * dilemmas, narrow the list by words or tension, put them in order, copy
 * the address of the set.
 */
(function () {
  "use strict";
  var gids = window.gids;
  var session = gids.session;

  session.showPicker = function (wanted, known, guide) {
    var byId = known.byId;
    var max = session.MAX_CARDS;
    var picker = document.getElementById("gids-session-picker");
    var search = document.getElementById("gids-session-search");
    var tension = document.getElementById("gids-session-tension");
    var options = document.getElementById("gids-session-options");
    var selectedList = document.getElementById("gids-session-selected");
    var empty = document.getElementById("gids-session-empty");
    var linkField = document.getElementById("gids-session-link");
    var open = document.getElementById("gids-session-open");
    var copy = document.getElementById("gids-session-copy");
    var emptyText = empty.textContent;
    var chosen = session.resolve(wanted, known).ids;

    function moveButton(id, index, text, step) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = text;
      button.setAttribute("aria-label", text + ": " + byId.get(id).title);
      button.disabled = (step < 0 && index === 0) || (step > 0 && index === chosen.length - 1);
      button.addEventListener("click", function () {
        var other = index + step;
        chosen[index] = chosen[other];
        chosen[other] = id;
        render();
        gids.announce(byId.get(id).title + " staat nu op plaats " + (other + 1) + ".");
      });
      return button;
    }

    function render() {
      selectedList.textContent = "";
      chosen.forEach(function (id, index) {
        var item = document.createElement("li");
        var name = document.createElement("span");
        name.textContent = byId.get(id).title + " ";
        item.appendChild(name);
        item.appendChild(moveButton(id, index, "Omhoog", -1));
        item.appendChild(moveButton(id, index, "Omlaag", 1));
        selectedList.appendChild(item);
      });
      empty.hidden = chosen.length > 0 && chosen.length <= max;
      empty.textContent = chosen.length ? "Een set toont hoogstens " + max + " kaarten. " +
        "Wat je na de " + max + "e kiest, valt weg." : emptyText;
      var url = session.url(chosen);
      linkField.value = chosen.length ? url : "";
      open.href = url;
      open.hidden = chosen.length === 0;
      copy.disabled = chosen.length === 0;
      options.querySelectorAll("input").forEach(function (box) {
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
        gids.announce((box.checked ? "Toegevoegd: " : "Weggehaald: ") + d.title + ". " + chosen.length + " in de set.");
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + d.title));
      item.appendChild(label);
      item.dataset.search = (d.title + " " + d.description + " " + d.tags.join(" ")).toLowerCase();
      item.dataset.tensions = d.tensions.join(" ");
      options.appendChild(item);
    });
    guide.tensions.forEach(function (t) { tension.appendChild(gids.option(t.id, t.title)); });

    function narrow() {
      var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(options.children, function (item) {
        var match = words.every(function (w) { return item.dataset.search.indexOf(w) !== -1; }) &&
          (!tension.value || item.dataset.tensions.split(" ").indexOf(tension.value) !== -1);
        item.hidden = !match;
        if (match) shown += 1;
      });
      gids.announce(gids.count(shown, "dilemma", "dilemma's") + ".");
    }
    search.addEventListener("input", narrow);
    tension.addEventListener("change", narrow);
    copy.addEventListener("click", function () {
      gids.copyText(linkField.value).then(
        function () { gids.announce("Link naar de set gekopieerd."); },
        function () { gids.announce("Kopiëren lukte niet. Selecteer het adres en kopieer het zelf."); }
      );
    });
    render();
    picker.hidden = false;
  };
})();
