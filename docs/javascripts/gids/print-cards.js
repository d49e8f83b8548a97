/*
 * Dilemmas printed as cards: A4 sheets of four A6 cards (2 by 2) or two A5
 * cards, a front sheet and then a back sheet with mirrored columns, so that
 * printed double-sided (flipped on the long edge) each back lies behind its
 * front. A section's side is its data-gids-side. A side that does not fit
 * gets a smaller font; if the smallest does not fit on A6, all go to A5.
 */
(function () {
  "use strict";
  var gids = window.gids;
  var printCards = gids.printCards = {};
  var HOLDER = "gids-print-sheets", ACTIVE = "gids-print-cards";
  var FRONT = "front", BACK = "back";
  var GRID = { a6: { columns: 2, rows: 2 }, a5: { columns: 1, rows: 2 } };
  /* Font sizes of a side in pt, largest first; A5 also has a last resort. */
  var STEPS = { a6: [9, 8.5, 8, 7.5, 7, 6.5], a5: [11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6, 5.5] };

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }

  /* A copy for this page: no ids (they would be doubled), no anchor links. */
  function copy(node) {
    var clone = document.importNode(node, true);
    clone.removeAttribute("id");
    clone.querySelectorAll("[id]").forEach(function (e) { e.removeAttribute("id"); });
    clone.querySelectorAll(".headerlink").forEach(function (e) { e.remove(); });
    return clone;
  }
  function titleOf(card) {
    var title = card.querySelector(".gids-dilemma__title");
    return title ? title.textContent.trim() : "";
  }
  /* A side: id and title; on the front the tensions (the facts' group with
     corners) and front sections; on the back its sections, QR and address. */
  function cardSide(card, side, row, column) {
    var box = el("div", "gids-pc-side gids-pc-side--" + side + " gids-pc-row-" + row + " gids-pc-col-" + column);
    var id = card.getAttribute("data-gids-id") || "";
    box.setAttribute("data-gids-card", id);
    var head = el("div", "gids-pc-head");
    head.append(el("p", "gids-pc-id", id), el("h2", "gids-pc-title", titleOf(card)));
    var corners = side === FRONT && card.querySelector(".gids-facts .gids-corners");
    var group = corners && corners.closest(".gids-facts > div");
    if (group) head.appendChild(el("dl", "gids-pc-tensions")).appendChild(copy(group));
    var body = el("div", "gids-pc-body");
    card.querySelectorAll(".gids-section[data-gids-side]").forEach(function (section) {
      if (section.getAttribute("data-gids-side") !== side) return;
      body.appendChild(copy(section)).className = "gids-pc-section";
    });
    box.append(head, body);
    if (side === BACK) {
      var address = box.appendChild(el("div", "gids-pc-address"));
      var source = card.querySelector(".gids-print-address");
      var qr = source && source.querySelector("svg");
      var url = source && source.querySelector(".gids-print-address__url");
      if (qr) address.appendChild(copy(qr));
      address.appendChild(el("p", "gids-pc-url", url ? url.textContent.trim() : card.getAttribute("data-gids-permalink") || ""));
    }
    return box;
  }

  function sheet(side, size) {
    var box = el("div", "gids-pc-sheet gids-pc-sheet--" + side);
    box.appendChild(el("div", "gids-pc-cut gids-pc-cut--across"));
    if (GRID[size].columns > 1) box.appendChild(el("div", "gids-pc-cut gids-pc-cut--down"));
    return box;
  }
  /* Gives the side the first font size at which it fits; false if none does. */
  function fit(box, steps) {
    return steps.some(function (pt) {
      box.style.fontSize = pt + "pt";
      return box.scrollHeight <= box.clientHeight && box.scrollWidth <= box.clientWidth;
    });
  }

  /* Lays the cards out on sheets of `size`; returns the titles that do not fit. */
  function layout(holder, cards, size) {
    var grid = GRID[size];
    var perSheet = grid.columns * grid.rows;
    var sides = [];
    holder.replaceChildren();
    holder.className = "gids-pc-" + size;
    function place(sheetBox, card, side, row, column) {
      sides.push({ box: sheetBox.appendChild(cardSide(card, side, row, column)), title: titleOf(card) });
    }
    for (var start = 0; start < cards.length; start += perSheet) {
      var front = holder.appendChild(sheet(FRONT, size));
      var back = holder.appendChild(sheet(BACK, size));
      cards.slice(start, start + perSheet).forEach(function (card, i) {
        var row = Math.floor(i / grid.columns), column = i % grid.columns;
        place(front, card, FRONT, row, column);
        place(back, card, BACK, row, grid.columns - 1 - column);
      });
    }
    var tooLong = [];
    sides.forEach(function (side) {
      if (!fit(side.box, STEPS[size]) && tooLong.indexOf(side.title) < 0) tooLong.push(side.title);
    });
    return tooLong;
  }

  /* Fills #gids-print-sheets with `cards` on "a6" or "a5"; returns the size used. */
  printCards.build = function (cards, size) {
    cards = Array.prototype.slice.call(cards || []);
    size = GRID[size] ? size : "a6";
    var holder = document.getElementById(HOLDER) || document.body.appendChild(el("div"));
    holder.id = HOLDER;
    document.documentElement.classList.add(ACTIVE);
    var messages = [];
    var tooLong = layout(holder, cards, size);
    if (tooLong.length && size === "a6") {
      size = "a5";
      tooLong = layout(holder, cards, size);
      messages.push("Niet alles paste op A6; de kaarten zijn op A5 gezet.");
    }
    if (tooLong.length) messages.push("Niet alle tekst past op " + (tooLong.length === 1 ? "de kaart " : "de kaarten ") +
      tooLong.join("; ") + ". Een deel valt weg; de hele tekst staat online (zie de QR-code).");
    if (messages.length) gids.announce(messages.join(" "));
    return size;
  };

  /* Removes the sheets (at the end of <body>): the page is as it was. */
  printCards.clear = function () {
    var holder = document.getElementById(HOLDER);
    if (holder) holder.remove();
    document.documentElement.classList.remove(ACTIVE);
  };
  window.addEventListener("afterprint", printCards.clear);

  /* Ctrl+P without the button: the cards of `getCardsNow()` (an array), on A6. */
  printCards.whenPrinted = function (getCardsNow) {
    window.addEventListener("beforeprint", function () {
      if (document.getElementById(HOLDER)) return;
      var cards = getCardsNow();
      if (cards && cards.length) printCards.build(cards, "a6");
    });
  };

  function choice(value, text, checked) {
    var label = el("label", "gids-pc-dialog__choice");
    label.append(Object.assign(el("input"), { type: "radio", name: "gids-pc-size", value: value, checked: checked }), " " + text);
    return label;
  }

  /* The dialog "Kaarten afdrukken"; `getCards()` gives a Promise of cards. */
  printCards.open = function (opener, getCards) {
    var dialog = el("dialog", "gids-pc-dialog md-typeset");
    var heading = el("h2", "gids-pc-dialog__title", "Kaarten afdrukken");
    heading.id = "gids-pc-dialog-title";
    dialog.setAttribute("aria-labelledby", heading.id);
    var form = el("form");
    var sizes = el("fieldset", "gids-pc-dialog__sizes");
    sizes.append(el("legend", "", "Kaartformaat"),
      choice("a6", "A6: vier kaarten per vel (A4)", true), choice("a5", "A5: twee kaarten per vel (A4)", false));
    var buttons = el("div", "gids-pc-dialog__buttons");
    buttons.appendChild(el("button", "md-button md-button--primary", "Afdrukken"));
    var cancel = buttons.appendChild(el("button", "md-button", "Annuleren"));
    cancel.type = "button";
    form.append(sizes, el("p", "gids-pc-dialog__tip",
      "Druk dubbelzijdig af, omslaan langs de lange zijde. Knip langs de snijtekens."), buttons);
    dialog.append(heading, form);
    cancel.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () { dialog.remove(); if (opener) opener.focus(); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var size = form.querySelector("input:checked").value;
      dialog.close();
      gids.announce("De kaarten worden klaargezet.");
      Promise.resolve().then(getCards).then(function (cards) {
        if (!cards || !cards.length) return gids.announce("Er zijn geen kaarten om af te drukken.");
        printCards.build(cards, size);
        window.print();
      }, function () {
        gids.announce("De kaarten konden niet worden geladen. Probeer het opnieuw.");
      });
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    return dialog;
  };

  /* A dilemma's own page: its card, by a [data-gids-print-cards] button or by Ctrl+P. */
  gids.feature("print-cards", function () {
    var card = document.querySelector(".md-content__inner > .gids-dilemma[data-gids-permalink]");
    if (!card) return;
    gids.live();
    printCards.whenPrinted(function () { return [card]; });
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-gids-print-cards]");
      if (button) printCards.open(button, function () { return Promise.resolve([card]); });
    });
  });
})();
