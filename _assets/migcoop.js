// The static explorers' script is _assets/migcoop-explorer.js.
// This file: the theme's navigation buttons and the names of the dropdown toggles.

// --- Sidebars: the theme wires only the first ".primary-toggle" / ".secondary-toggle" ------
// pydata-sphinx-theme 0.17 attaches its click handlers with document.querySelector, which
// finds the hidden button of the theme's own header; sphinx-book-theme 1.3 (and 1.4) does
// the same for its wide-screen fix. The buttons a reader sees, in the article header, did
// nothing at any width. Forward their clicks to the wired button, so the theme's own code
// opens and closes the sidebar (a modal dialog below 992 px, a collapsing column above),
// keep aria-expanded in step, and give each dialog a close button for touch screens.
(function () {
  var WIDE = "(min-width: 992px)";
  function init() {
    ["primary", "secondary"].forEach(function (side) {
      var buttons = Array.prototype.slice.call(document.querySelectorAll("." + side + "-toggle"));
      var sidebar = document.getElementById("pst-" + side + "-sidebar");
      var dialog = document.getElementById("pst-" + side + "-sidebar-modal");
      if (buttons.length < 2 || !sidebar || !dialog) { return; }
      var wired = buttons[0];
      var visible = buttons.slice(1);
      function expanded() {
        if (dialog.open) { return true; }
        if (side === "primary" && window.matchMedia(WIDE).matches) {
          return !sidebar.classList.contains("pst-sidebar-hidden");
        }
        return false;
      }
      function sync() {
        var state = String(expanded());
        visible.forEach(function (b) { b.setAttribute("aria-expanded", state); });
      }
      visible.forEach(function (b) {
        b.setAttribute("data-migcoop-wired", "");
        b.addEventListener("click", function (event) {
          event.preventDefault();
          event.stopPropagation();
          wired.click();
          sync();
        });
      });
      // The theme moves every child of the sidebar into the dialog and back: this button
      // travels with them, and CSS shows it only inside the open dialog.
      var close = document.createElement("button");
      close.type = "button";
      close.className = "migcoop-sidebar-close btn";
      close.setAttribute("aria-label", side === "primary" ? "Close the site navigation"
                                                          : "Close the page contents");
      close.innerHTML = '<span aria-hidden="true">&times;</span>';
      close.addEventListener("click", function () { if (dialog.open) { dialog.close(); } });
      sidebar.insertBefore(close, sidebar.firstChild);
      // After the theme's own "close" handler has moved the content back to the sidebar.
      dialog.addEventListener("close", sync);
      window.matchMedia(WIDE).addEventListener("change", sync);
      sync();
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

// --- Dropdown toggles say what they open --------------------------------------------------
// sphinx-togglebutton names every dropdown's button "Toggle hidden content". A solution's
// title carries, in visually hidden text written at build time (_ext/book_fixes.py), the
// exercise it solves ("Solution to Exercise 6.3"): the button becomes "Show the solution to
// Exercise 6.3" (or "Hide ..." while open). Runs after togglebutton.js has made the buttons
// (both listen for DOMContentLoaded; that script is loaded first).
(function () {
  function titleText(button) {
    var title = button.closest(".admonition-title");
    if (!title) { return ""; }
    var copy = title.cloneNode(true);
    copy.querySelectorAll("button").forEach(function (b) { b.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  function name(button) {
    var what = titleText(button) || "content";
    var open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-label", (open ? "Hide the " : "Show the ")
                        + what.charAt(0).toLowerCase() + what.slice(1));
  }
  function init() {
    var buttons = document.querySelectorAll(".admonition > .admonition-title > button.toggle-button");
    if (!buttons.length) { return; }
    var watch = new MutationObserver(function (changes) {
      changes.forEach(function (c) { name(c.target); });
    });
    buttons.forEach(function (button) {
      name(button);
      watch.observe(button, {attributes: true, attributeFilter: ["aria-expanded"]});
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

// A code block wider than its column scrolls sideways: it joins the tab order, so a keyboard
// reader can scroll it too (and only such blocks: a formula is never a tab stop). Checked
// whenever a block's size changes, e.g. when the solution or cell holding it is opened.
(function () {
  "use strict";
  function check(pre) {
    if (pre.clientWidth > 0 && pre.scrollWidth > pre.clientWidth + 1) {
      pre.setAttribute("tabindex", "0");
      if (!pre.hasAttribute("aria-label")) { pre.setAttribute("aria-label", "Code (scrolls sideways)"); }
    } else if (pre.getAttribute("tabindex") === "0") {
      pre.removeAttribute("tabindex");
      pre.removeAttribute("aria-label");
    }
  }
  function init() {
    var blocks = document.querySelectorAll("div.highlight > pre");
    if (window.ResizeObserver) {
      var watch = new ResizeObserver(function (entries) {
        entries.forEach(function (e) { check(e.target); });
      });
      blocks.forEach(function (pre) { watch.observe(pre); });
    }
    blocks.forEach(check);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
