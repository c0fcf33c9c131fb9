// Static explorers: every control moves the figure, with no kernel and no widget library.
// The page holds the default drawing as inline SVG panels; each frame is a list of SVG groups
// that differ from it, stored in chunk scripts (_static/explorers/<id>/<chunk>.js, one per
// combination of the non-main controls) that load when first needed, also from file://.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script && script.src ? script.src.replace(/[^/]*$/, "") + "explorers/" : "_static/explorers/";
  var chunks = {};
  var waiting = {};

  window.migcoopChunk = function (uid, c, data) {
    (chunks[uid] = chunks[uid] || {})[c] = data;
    var key = uid + "/" + c;
    (waiting[key] || []).forEach(function (f) { f(); });
    delete waiting[key];
  };

  function load(uid, c, done, failed) {
    if (chunks[uid] && chunks[uid][c]) { done(); return; }
    var key = uid + "/" + c;
    if (waiting[key]) { waiting[key].push(done); return; }
    waiting[key] = [done];
    var s = document.createElement("script");
    s.src = root + uid + "/" + c + ".js";
    s.async = true;
    s.onerror = function () { delete waiting[key]; if (failed) { failed(); } };
    document.head.appendChild(s);
  }

  function wire(fig) {
    var state = JSON.parse(fig.getAttribute("data-state"));
    var uid = state.uid;
    var picture = fig.querySelector(".migcoop-figure");
    var pos = {};
    var controls = {};
    var original = {};   // element id -> its default markup (outer, or "=" + id -> inner)
    var active = [];     // the keys the frame on show changed
    var wanted = null;

    fig.querySelectorAll(".migcoop-control").forEach(function (box) {
      var name = box.getAttribute("data-name");
      var input = box.querySelector('input[type="range"]');
      controls[name] = box;
      if (input) {
        var values = JSON.parse(input.getAttribute("data-values"));
        var labels = JSON.parse(input.getAttribute("data-labels"));
        pos[name] = nearest(values, Number(input.value));
        var set = function (i) {
          i = Math.max(0, Math.min(values.length - 1, i));
          pos[name] = i;
          input.value = String(values[i]);
          input.setAttribute("aria-valuetext", labels[i]);
          var out = box.querySelector("output");
          if (out) { out.textContent = labels[i]; }
          show();
        };
        input.addEventListener("input", function () { set(nearest(values, Number(input.value))); });
        input.addEventListener("change", function () { set(nearest(values, Number(input.value))); });
        input.addEventListener("keydown", function (e) {
          var i = pos[name];
          var k = e.key;
          var step = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 1, PageDown: -1 }[k];
          if (k === "Home") { i = 0; } else if (k === "End") { i = values.length - 1; }
          else if (step) { i += step; } else { return; }
          e.preventDefault();
          set(i);
        });
      } else {
        var buttons = box.querySelectorAll("button");
        buttons.forEach(function (b, i) {
          if (b.getAttribute("aria-pressed") === "true") { pos[name] = i; }
          b.addEventListener("click", function () {
            buttons.forEach(function (o) { o.setAttribute("aria-pressed", o === b ? "true" : "false"); });
            pos[name] = i;
            show();
          });
        });
      }
    });

    function nearest(values, v) {
      var best = 0;
      values.forEach(function (x, i) { if (Math.abs(x - v) < Math.abs(values[best] - v)) { best = i; } });
      return best;
    }

    function index(list, sizes) {
      var n = 0;
      list.forEach(function (name, k) { n = n * sizes[k] + pos[name]; });
      return n;
    }

    function restore() {
      active.forEach(function (key) {
        if (key.charAt(0) === "=") {
          var g = document.getElementById(key.slice(1));
          if (g) { g.innerHTML = original[key]; }
        }
      });
      active.forEach(function (key) {
        if (key.charAt(0) !== "=") {
          var el = document.getElementById(key);
          if (el) { el.outerHTML = original[key]; }
        }
      });
      active = [];
    }

    function apply(frame, strings) {
      restore();
      for (var i = 1; i < frame.length; i++) {
        var key = frame[i][0];
        var markup = strings[frame[i][1]];
        if (key.charAt(0) === "=") {
          var g = document.getElementById(key.slice(1));
          if (!g) { continue; }
          if (!(key in original)) { original[key] = g.innerHTML; }
          g.innerHTML = markup;
        } else {
          var el = document.getElementById(key);
          if (!el) { continue; }
          if (!(key in original)) { original[key] = el.outerHTML; }
          el.outerHTML = markup;
        }
        active.push(key);
      }
      picture.setAttribute("aria-label", frame[0]);
    }

    function show() {
      var c = index(state.others, state.chunk_sizes);
      var f = index(state.main, state.main_sizes);
      wanted = c + ":" + f;
      var key = wanted;
      fig.setAttribute("aria-busy", "true");
      load(uid, c, function () {
        if (wanted !== key) { return; }
        var data = chunks[uid][c];
        apply(data.f[f], data.s);
        fig.removeAttribute("aria-busy");
        fig.removeAttribute("data-error");
      }, function () {
        fig.removeAttribute("aria-busy");
        fig.setAttribute("data-error", "true");
      });
    }

    // Fetch the chunk of the current settings as soon as the reader reaches for a control.
    var warm = function () { load(uid, index(state.others, state.chunk_sizes), function () {}); };
    fig.querySelector(".migcoop-controls").addEventListener("pointerenter", warm, { once: true });
    fig.querySelector(".migcoop-controls").addEventListener("focusin", warm, { once: true });
    fig.migcoopPositions = pos;
  }

  function init() {
    document.querySelectorAll("figure.migcoop-explorer[data-state]").forEach(wire);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
