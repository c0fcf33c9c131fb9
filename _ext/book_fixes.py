"""Small Sphinx fixes for an offline, warning-free book.

sphinx-thebe 0.3.1 registers its inline configuration script twice, which makes
the browser log "Identifier 'THEBE_JS_URL' has already been declared". This
extension drops repeated inline scripts from each page's script list.
"""


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


def setup(app):
    app.connect("html-page-context", _dedupe_inline_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
