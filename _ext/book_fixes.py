"""Small Sphinx fixes for an offline, accessible, warning-free book.

* sphinx-thebe 0.3.1 registers its inline configuration script twice, which makes
  the browser log "Identifier 'THEBE_JS_URL' has already been declared". This
  extension drops repeated inline scripts from each page's script list.
* The single-page builder (used for the PDF) gets every HTML node visitor.
* The student edition's front page drops the link to the instructor's PDF.
* A few pieces of theme markup fail the axe-core accessibility audit (serious or
  critical) that the browser tests run on every page. After the build, each written
  HTML page is patched in place (:data:`A11Y_FIXES`); the patterns are exact, and a
  pattern that no longer matches anything simply does nothing (the browser test then
  reports the violation again, so a theme upgrade cannot silently bring one back).
"""

import re
from pathlib import Path

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


def setup(app):
    app.connect("builder-inited", _html_handlers_for_singlehtml)
    app.connect("html-page-context", _dedupe_inline_scripts, priority=900)
    app.connect("build-finished", _patch_written_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
