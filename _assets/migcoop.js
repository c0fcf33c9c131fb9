// Static explorers: swap pre-rendered frames when a range input moves.
// No kernel and no widget library: every frame is already in the page.
(function () {
  function wire(fig) {
    var sizes = JSON.parse(fig.getAttribute("data-sizes"));
    var inputs = Array.prototype.slice.call(fig.querySelectorAll('input[type="range"]'));
    var frames = Array.prototype.slice.call(fig.querySelectorAll(".migcoop-frames img"));
    function show() {
      var index = 0;
      inputs.forEach(function (input, k) {
        var pos = Number(input.value);
        index = index * sizes[k] + pos;
        var labels = JSON.parse(input.getAttribute("data-labels"));
        input.setAttribute("aria-valuetext", labels[pos]);
        var out = fig.querySelector('output[for="' + input.id + '"]');
        if (out) { out.textContent = labels[pos]; }
      });
      frames.forEach(function (img, i) { img.hidden = i !== index; });
    }
    inputs.forEach(function (input) {
      input.addEventListener("input", show);
      input.addEventListener("change", show);
    });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("figure.migcoop-explorer"), wire);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
