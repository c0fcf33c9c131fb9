// Search ranking and snippets for Crossing Borders Together.
// Installed as Sphinx's html_search_scorer by _ext/book_fixes.py: Sphinx writes this file
// into _static/language_data.js, which search.html loads after searchtools.js.

// Ranking: a reader searching for "refugee" wants chapter 9 before the model library's
// refugees module. Results come in three tiers, and Sphinx's own score orders each tier:
// the chapters and the front page, then the other appendices (glossary, references, the
// instructor's guide), then the library reference and the indices.
var Scorer = {
  score: function (result) {
    var docname = result[0];
    var score = result[4];
    if (/^chapters\//.test(docname) || docname === "intro") { return score + 1000; }
    if (/^appendices\//.test(docname) && docname !== "appendices/library") { return score + 500; }
    return score;
  },
  // Sphinx's defaults (searchtools.js) for everything else.
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: {0: 15, 1: 5, 2: -5},
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
};

// Snippets: Sphinx takes a result's snippet from the text of the page's [role="main"]
// element. In this theme that element also holds the article's header (the launch and
// download menus: "Binder", ".ipynb", ".pdf") and the page's contents ("Contents", every
// section title), which is what the snippets showed. Take the article alone, without its
// code cells, buttons and figure controls, with its white space collapsed.
if (typeof Search !== "undefined") {
  Search.htmlToText = function (htmlString, anchor) {
    var doc = new DOMParser().parseFromString(htmlString, "text/html");
    var article = doc.querySelector("article.bd-article") || doc.querySelector('[role="main"]');
    if (!article) { return ""; }
    var noise = [".headerlink", "script", "style", "button", "summary", ".cell_input",
                 ".migcoop-controls", ".bd-header-article", ".bd-sidebar-secondary",
                 ".prev-next-area", ".toctree-wrapper"];
    article.querySelectorAll(noise.join(", ")).forEach(function (el) { el.remove(); });
    // Formulas are TeX in the page's source: a readable approximation in the snippet.
    article.querySelectorAll(".math").forEach(function (el) {
      el.textContent = " " + migcoopTexToText(el.textContent) + " ";
    });
    var root = article;
    if (anchor) {
      // getElementById, not querySelector: ids such as "module-migcoop.screening" hold dots.
      var target = doc.getElementById(anchor.replace(/^#/, ""));
      if (target && article.contains(target)) { root = target; }
    }
    return root.textContent.replace(/\s+/g, " ").trim();
  };
}

function migcoopTexToText(tex) {
  var symbols = {
    alpha: "α", beta: "β", gamma: "γ", delta: "δ", Delta: "Δ", epsilon: "ε",
    varepsilon: "ε", eta: "η", theta: "θ", kappa: "κ", lambda: "λ", mu: "μ", pi: "π",
    rho: "ρ", sigma: "σ", tau: "τ", phi: "φ", omega: "ω", cdot: "·", times: "×",
    le: "≤", leq: "≤", ge: "≥", geq: "≥", ne: "≠", neq: "≠", approx: "≈", infty: "∞",
    to: "→", sum: "Σ", partial: "∂", quad: " ", qquad: " ",
  };
  return tex
    .replace(/\\[()[\]]/g, "")                                   // \( \) \[ \] delimiters
    .replace(/\\(left|right|big|Big|bigg|Bigg)\b/g, "")
    .replace(/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, "($1)/($2)")
    .replace(/\\([A-Za-z]+)/g, function (m, word) {
      return Object.prototype.hasOwnProperty.call(symbols, word) ? symbols[word] : "";
    })
    .replace(/\\[,;:! ]/g, " ")
    .replace(/[{}]/g, "")
    .replace(/&/g, " ");
}
