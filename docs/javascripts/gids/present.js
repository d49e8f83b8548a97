/*
 * Presenting to a group: gids.present.open(cards, {start, opener, title})
 * shows one card ({id, title, element: a .gids-dilemma}) at a time over the
 * whole screen, in steps: each of its sections in the page's order (their
 * headings name the steps), the second with the card's tensions. Leaving
 * restores the page and focuses `opener` again.
 */
(function () {
  "use strict";
  var gids = window.gids;
  var PREFIX = "gids-present-";
  var NEXT = ["ArrowRight", "PageDown", " ", "Enter"];
  var PREVIOUS = ["ArrowLeft", "PageUp"];
  var state = null;

  function make(tag, className, text) {
    return Object.assign(document.createElement(tag), { className: className, textContent: text || "" });
  }

  function button(text, className, action) {
    var element = Object.assign(make("button", "gids-present__button " + className, text), { type: "button" });
    element.addEventListener("click", action);
    return element;
  }

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  /* A copy for the dialog: without permalink marks and copy buttons, its
     ids (and links to them) prefixed, so that no id occurs twice. */
  function copy(node) {
    var clone = node.cloneNode(true);
    all(clone, ".headerlink, .gids-copy").forEach(function (el) { el.remove(); });
    var inside = all(clone, "[id]").map(function (el) { el.id = PREFIX + el.id; return el.id; });
    all(clone, "[href^='#']").forEach(function (link) {
      var target = PREFIX + link.getAttribute("href").slice(1);
      if (inside.indexOf(target) >= 0) link.setAttribute("href", "#" + target);
    });
    if (clone.id) clone.id = PREFIX + clone.id;
    return clone;
  }

  /* What a card shows, read from the card: its title, its sections and its
     tensions (the facts that name corners). */
  function prepare(card) {
    var heading = card.element.querySelector(".gids-dilemma__title");
    var corners = card.element.querySelector(".gids-facts .gids-corners");
    return { title: card.title || (heading ? heading.textContent.trim() : ""), sections: all(card.element, ".gids-section"),
      tensions: corners ? corners.closest(".gids-facts > div") : null };
  }

  function steps(card) { return Math.max(card.sections.length, 1); }
  /* The parts of one step, and its name: the heading of its section. */
  function step(card, index) {
    var parts = [], name = "", section = card.sections[index];
    if (index === 1 && card.tensions) {
      parts.push(make("dl", "gids-present__tensions"));
      parts[0].appendChild(copy(card.tensions));
    }
    if (section) {
      var part = copy(section), h2 = part.querySelector("h2, h3"), h3 = make("h3", "gids-present__heading");
      if (h2) { h3.append.apply(h3, Array.prototype.slice.call(h2.childNodes)); h2.replaceWith(h3); name = h3.textContent.trim(); }
      part.className = "gids-present__section";
      parts.push(part);
    }
    return { parts: parts, name: name };
  }

  function render(announce) {
    var s = state, card = s.cards[s.card], total = steps(card), shown = step(card, s.step);
    s.title.textContent = card.title;
    s.body.replaceChildren.apply(s.body, shown.parts);
    s.where.textContent = "Kaart " + (s.card + 1) + " van " + s.cards.length;
    s.stepText.textContent = "Stap " + (s.step + 1) + " van " + total + (shown.name ? ": " + shown.name : "");
    s.previous.disabled = s.card === 0 && s.step === 0;
    s.next.disabled = s.card === s.cards.length - 1 && s.step === total - 1;
    // A button that was just disabled takes the focus with it: keep it in.
    if (!s.layer.contains(document.activeElement) || document.activeElement.disabled) s.stage.focus();
    s.stage.scrollTop = 0;
    var message = (announce === "card" ? s.where.textContent + ": " + card.title + ". " : "") + s.stepText.textContent + ".";
    if (announce) gids.announce(message);
  }

  function go(index, stepIndex) {
    var changed = index !== state.card;
    state.card = index; state.step = stepIndex;
    render(changed ? "card" : "step");
  }

  function move(delta) {
    var s = state, index = s.card, next = s.step + delta;
    if (next >= steps(s.cards[index])) { index += 1; next = 0; }
    if (next < 0 && index > 0) { index -= 1; next = steps(s.cards[index]) - 1; }
    if (next >= 0 && index < s.cards.length) go(index, next);
  }

  /* Tab goes round inside the dialog. */
  function trap(event) {
    var items = all(state.layer, "a[href], button:not([disabled])").filter(function (el) { return el.getClientRects().length; });
    var active = document.activeElement, edge = items[event.shiftKey ? 0 : items.length - 1];
    if (!items.length || (active !== edge && active !== state.layer && state.layer.contains(active))) return;
    event.preventDefault();
    items[event.shiftKey ? items.length - 1 : 0].focus();
  }

  function onKey(event) {
    if (!state || event.altKey || event.ctrlKey || event.metaKey) return;
    // While presenting, the page's own shortcuts (Material's) stay quiet.
    event.stopPropagation();
    var key = event.key, control = event.target.closest && event.target.closest(key === " " ? "button" : "a[href], button");
    if (key === "Tab") return trap(event);
    // Space on a button and Enter on a button or link do what it says.
    if ((key === " " || key === "Enter") && control && state.layer.contains(control)) return;
    var action = key === "Escape" ? close :
      NEXT.indexOf(key) >= 0 ? function () { move(1); } :
      PREVIOUS.indexOf(key) >= 0 ? function () { move(-1); } :
      key === "Home" ? function () { go(0, 0); } :
      key === "End" ? function () { go(state.cards.length - 1, 0); } : null;
    if (action) { event.preventDefault(); action(); }
  }

  /* Leaving fullscreen (the browser's Esc) leaves the presentation. */
  function onFullscreen() {
    if (document.fullscreenElement !== state.layer) close();
  }

  /* A swipe to the left is "next", to the right "previous" (by touch or
     pen: a mouse selects text). */
  function swipes(stage) {
    var start = null;
    stage.addEventListener("pointerdown", function (e) { start = e.isPrimary && e.pointerType !== "mouse" ? e : null; });
    stage.addEventListener("pointerup", function (e) {
      var dx = start ? e.clientX - start.clientX : 0, dy = start ? e.clientY - start.clientY : 0;
      start = null;
      if (Math.abs(dx) > 50 && Math.abs(dx) > 2 * Math.abs(dy)) move(dx < 0 ? 1 : -1);
    });
  }

  function open(cards, options) {
    options = options || {};
    if (state) close();
    if (!cards || !cards.length) return;
    var live = gids.live(), layer = make("div", "gids-present"), label = "Presentatie: " + (options.title || "dilemma's");
    [["role", "dialog"], ["aria-modal", "true"], ["aria-label", label], ["tabindex", "-1"]].forEach(function (pair) {
      layer.setAttribute(pair[0], pair[1]);
    });
    var bar = make("div", "gids-present__bar"), where = make("p", "gids-present__where");
    var stage = make("div", "gids-present__stage"), nav = make("div", "gids-present__nav");
    if (options.title) where.appendChild(make("span", "gids-present__set", options.title));
    state = {
      cards: cards.map(prepare), card: Math.min(Math.max(options.start || 0, 0), cards.length - 1), step: 0,
      layer: layer, stage: stage, title: make("h2", "gids-present__title"), body: make("div", "gids-present__body"),
      where: make("span", "gids-present__card"), stepText: make("span", "gids-present__step"),
      opener: options.opener || document.activeElement, x: window.scrollX, y: window.scrollY,
      previous: button("Vorige", "gids-present__previous", function () { move(-1); }),
      next: button("Volgende", "gids-present__next", function () { move(1); })
    };
    where.append(state.where, state.stepText);
    bar.append(where, button("Sluiten", "gids-present__close", close));
    stage.tabIndex = -1;
    stage.append(state.title, state.body);
    nav.append(state.previous, state.next);
    layer.append(bar, stage, nav);
    swipes(stage);
    // The rest of the page is out of reach while presenting, but for the
    // live region that says where the presentation is.
    state.inert = Array.prototype.filter.call(document.body.children, function (el) { return el !== live && !el.inert; });
    state.inert.forEach(function (el) { el.inert = true; });
    document.documentElement.classList.add("gids-present-open");
    document.body.appendChild(layer);
    window.addEventListener("keydown", onKey, true);
    document.addEventListener("fullscreenchange", onFullscreen);
    // Fullscreen if the browser allows it; the layer alone will do.
    if (layer.requestFullscreen) layer.requestFullscreen().catch(function () {});
    render(null);
    gids.announce(label + ". " + state.where.textContent + ": " + state.cards[state.card].title + ". " + state.stepText.textContent + ".");
  }

  function close() {
    var s = state;
    if (!s) return;
    state = null;
    window.removeEventListener("keydown", onKey, true);
    document.removeEventListener("fullscreenchange", onFullscreen);
    if (document.fullscreenElement === s.layer) {
      document.addEventListener("fullscreenchange", function () { window.scrollTo(s.x, s.y); }, { once: true });
      document.exitFullscreen().catch(function () {});
    }
    s.inert.forEach(function (el) { el.inert = false; });
    s.layer.remove();
    document.documentElement.classList.remove("gids-present-open");
    window.scrollTo(s.x, s.y);
    if (s.opener && s.opener.focus) s.opener.focus({ preventScroll: true });
    gids.announce("Presentatie gestopt.");
  }

  gids.present = { open: open, close: close };
})();
