"""Small Sphinx fixes for an offline, accessible, warning-free book.

* sphinx-thebe 0.3.1 registers its inline configuration script twice, which makes
  the browser log "Identifier 'THEBE_JS_URL' has already been declared". This
  extension drops repeated inline scripts from each page's script list.
* The single-page builder (used for the PDF) gets every HTML node visitor.
* The student edition's front page drops the link to the instructor's PDF.
* Launch buttons (Binder, JupyterHub, Colab) only on pages that are notebooks in the
  repository (a chapter's ``.ipynb``): the instructor's guide is a MyST page executed at
  build time, which sphinx-book-theme would otherwise offer to open on Colab.
* The download menu offers the whole-book PDFs (``make pdf``/``make student-pdf`` copy them
  to ``pdf/`` next to the site) as relative links, on every page; the student edition only
  its own PDF.
* Each solution's title says, in visually hidden text, which exercise it solves, so its
  dropdown button can be named after it (``_assets/migcoop.js``).
* Search ranks chapters first and shows snippets of the article only
  (``search_scorer.js``, installed as ``html_search_scorer``).
* A few pieces of theme markup fail the axe-core accessibility audit (serious or
  critical) that the browser tests run on every page. After the build, each written
  HTML page is patched in place (:data:`A11Y_FIXES`); the patterns are exact, and a
  pattern that no longer matches anything simply does nothing (the browser test then
  reports the violation again, so a theme upgrade cannot silently bring one back).
"""

import re
from pathlib import Path

SIDEBAR_NAMES = {"primary": "Site navigation", "secondary": "On this page"}

# (what it fixes, pattern, replacement)
A11Y_FIXES = [
    # pydata-sphinx-theme search field: aria-label="Search" hides its visible text
    # "Search Ctrl+K" (axe: label-content-name-mismatch). Let the text name it.
    ("search button name",
     re.compile(r'(<button class="btn search-button-field search-button__button[^"]*"'
                r' title="Search") aria-label="Search"'),
     r"\1"),
    # Colour-mode switch: the icons' title attributes become visible-text names that
    # the button's aria-label "Color mode" does not contain (label-content-name-mismatch).
    ("theme switch icons",
     re.compile(r'(<i class="theme-switch [^"]*" data-mode="(?:light|dark|auto)")\s*title="[^"]*"'),
     r'\1 aria-hidden="true"'),
    # myst-nb's hide-input toggles: aria-label="Toggle hidden content" hides the visible
    # "Show code cell source" (label-content-name-mismatch).
    ("toggle summary name",
     re.compile(r'<summary aria-label="Toggle hidden content">'),
     "<summary>"),
    # myst-nb's hide-input toggles read "Show code cell source": say what they show.
    ("code toggle text",
     re.compile(r'(<p class="(?:collapsed|expanded) admonition-title">)(Show|Hide) code cell source(</p>)'),
     r"\1\2 the code\3"),
    # sphinx-book-theme's sidebar buttons are named "Toggle primary/secondary sidebar": name
    # them after what they open, like the theme's own (hidden) header buttons.
    ("sidebar button names",
     re.compile(r'(<button class="sidebar-toggle (primary|secondary)-toggle [^"]*") '
                r'title="Toggle (?:primary|secondary) sidebar"'),
     lambda m: (f'{m.group(1)} title="{SIDEBAR_NAMES[m.group(2)]}" '
                f'aria-label="{SIDEBAR_NAMES[m.group(2)]}"')),
    # docutils: bibliography entries carry the deprecated role doc-biblioentry inside a
    # role="list", so the list has no list items (aria-required-children, critical).
    ("bibliography entries",
     re.compile(r'(<div class="citation" id="[^"]*") role="doc-biblioentry"'),
     r'\1 role="listitem"'),
]


def _dedupe_inline_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, kept = set(), []
    for js in scripts:
        body = getattr(js, "attributes", {}).get("body")
        key = ("body", body) if body else ("src", str(js))
        if key in seen:
            continue
        seen.add(key)
        kept.append(js)
    scripts[:] = kept


def patch_html(text: str) -> str:
    """Apply :data:`A11Y_FIXES` to one page's HTML."""
    for _what, pattern, repl in A11Y_FIXES:
        text = pattern.sub(repl, text)
    return text


# The front page links both PDFs (`make pdf`, `make student-pdf`); the student edition
# (built with hide_solutions) must not offer the instructor's PDF, which has the solutions.
INSTRUCTOR_PDF_ITEM = re.compile(r'<li><p><a class="migcoop-pdf-instructor".*?</li>\s*', re.S)


def _patch_written_pages(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    student = bool(getattr(app.config, "hide_solutions", False))
    out = Path(app.outdir)
    for path in out.rglob("*.html"):
        if "_static" in path.parts or "_sources" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        fixed = patch_html(text)
        if student:
            fixed = INSTRUCTOR_PDF_ITEM.sub("", fixed)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")


def _html_handlers_for_singlehtml(app):
    """Let the single-page builder (print edition) render every node the HTML builder does.

    Sphinx looks a node's visitors up by builder *name* and only falls back to the
    format ("html") when no extension registered anything for that name. Once one
    extension registers a "singlehtml" visitor, nodes that others registered for "html"
    only (myst-nb's hidden code cells) become "unknown node type" errors.
    """
    if app.builder.name == "singlehtml":
        handlers = app.registry.translation_handlers
        single = handlers.setdefault("singlehtml", {})
        for node, pair in handlers.get("html", {}).items():
            single.setdefault(node, pair)


# --- launch and download buttons ----------------------------------------------------------
BOOK_PDF = "pdf/book.pdf"
STUDENT_PDF = "pdf/book-student.pdf"


def _is_notebook_page(app, pagename: str) -> bool:
    """A page whose source is a notebook in the repository (an ``.ipynb``, or a MyST file
    paired with one), the only pages that Binder, a JupyterHub or Colab can open."""
    if pagename not in app.env.all_docs:
        return False
    source = Path(app.env.doc2path(pagename))
    return source.suffix == ".ipynb" or source.with_suffix(".ipynb").exists()


def book_pdfs(student: bool) -> list[dict]:
    """The whole-book PDFs a site offers, as header-button fields (``path`` from the site root)."""
    if student:
        return [{"label": "book-pdf", "path": STUDENT_PDF, "text": "Whole book (PDF)",
                 "tooltip": "The whole book as one PDF", "icon": "fas fa-book"}]
    return [{"label": "book-pdf", "path": BOOK_PDF, "text": "Whole book (PDF)",
             "tooltip": "The whole book as one PDF, with the solutions", "icon": "fas fa-book"},
            {"label": "book-student-pdf", "path": STUDENT_PDF,
             "text": "Student edition (PDF)",
             "tooltip": "The whole book as one PDF, without the solutions",
             "icon": "fas fa-book-open"}]


def _header_buttons(app, pagename, templatename, context, doctree):
    """Runs after sphinx-book-theme has filled ``header_buttons`` (its handlers: priority 501)."""
    buttons = context.get("header_buttons")
    if buttons is None or app.builder.name != "html":
        return
    if not _is_notebook_page(app, pagename):
        buttons[:] = [b for b in buttons if b.get("label") != "launch-buttons"]
    group = next((b for b in buttons if b.get("label") == "download-buttons"), None)
    if group is None:  # pages without a source (index, search): the book PDFs alone
        group = {"type": "group", "icon": "fas fa-download", "buttons": [],
                 "label": "download-buttons"}
        at = next((i for i, b in enumerate(buttons) if b.get("label") == "fullscreen-button"),
                  len(buttons))
        buttons.insert(at, group)
    group["tooltip"] = "Download this page or the book"
    for item in group["buttons"]:
        if item.get("label") == "download-pdf-button":  # window.print() of this page
            item["text"] = "Print this page"
            item["tooltip"] = "Print this page, or save it as a PDF"
    pathto = context["pathto"]
    student = bool(getattr(app.config, "hide_solutions", False))
    for pdf in book_pdfs(student):
        group["buttons"].append({"type": "link", "url": pathto(pdf["path"], 1),
                                 "text": pdf["text"], "tooltip": pdf["tooltip"],
                                 "icon": pdf["icon"], "label": pdf["label"]})


# --- solutions name the exercise they solve -----------------------------------------------
def _exercise_number(app, exercise, docname: str) -> str:
    ids = exercise.get("ids") or [""]
    doc = exercise.get("docname") or docname
    number = app.env.toc_fignumbers.get(doc, {}).get("exercise", {}).get(ids[0])
    return ".".join(map(str, number)) if number else ""


def _name_solutions(app, doctree, docname):
    """Add " to Exercise N.M" to each solution's title, visually hidden: the dropdown's button
    takes its name from the title (``_assets/migcoop.js``), and a screen reader reads it.
    Not in the print edition (``singlehtml``), whose solutions sit under their exercise."""
    if app.builder.name != "html":
        return
    try:
        from sphinx_exercise.nodes import solution_node
    except ImportError:  # pragma: no cover - sphinx-exercise is pinned
        return
    from docutils import nodes

    registry = getattr(app.env, "sphinx_exercise_registry", {})
    for node in doctree.findall(solution_node):
        exercise = registry.get(node.get("target_label"), {}).get("node")
        title = node.children[0] if node.children else None
        if exercise is None or not isinstance(title, nodes.title):
            continue
        number = _exercise_number(app, exercise, docname)
        if number and f"Exercise {number}" not in title.astext():
            title += nodes.inline("", f" to Exercise {number}", classes=["visually-hidden"])


# --- search -------------------------------------------------------------------------------
SEARCH_SCORER = Path(__file__).with_name("search_scorer.js")


def _search_scorer(app, config):
    if not config.html_search_scorer and SEARCH_SCORER.exists():
        config.html_search_scorer = str(SEARCH_SCORER)


def setup(app):
    app.connect("config-inited", _search_scorer)
    app.connect("html-page-context", _header_buttons, priority=600)
    app.connect("doctree-resolved", _name_solutions)
    app.connect("builder-inited", _html_handlers_for_singlehtml)
    app.connect("html-page-context", _dedupe_inline_scripts, priority=900)
    app.connect("build-finished", _patch_written_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
