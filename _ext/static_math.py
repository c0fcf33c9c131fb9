"""Math typeset at build time: Sphinx writes the TeX, and no page loads MathJax.

Registers the HTML math renderer ``static_math``: it writes each formula exactly as Sphinx's
MathJax renderer does (``\\(...\\)`` in ``span.math``, ``\\[...\\]`` in ``div.math`` with
Sphinx's equation number), but adds no MathJax script or configuration to any page.
``tools/typeset_math.mjs`` (run by ``make html``, ``make student`` and the PDF builds, through
``tools/finish_pages.mjs``) then replaces that TeX with MathJax's SVG output and MathML.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.ext import mathjax


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinx.ext.mathjax")  # its config values (delimiters) and visitors
    app.add_html_math_renderer(
        "static_math",
        (mathjax.html_visit_math, None),
        (mathjax.html_visit_displaymath, None),
    )
    return {"parallel_read_safe": True, "parallel_write_safe": True}
