"""Serve the static explorers' script, style sheet, frame chunks and figure font.

The chapters, executed with ``MIGCOOP_STATIC=1``, write each explorer's frame chunks and the
figure font under ``MIGCOOP_FRAMES_DIR`` (the Makefile sets ``_build/frames``); this extension
adds that folder to ``html_static_path`` so Sphinx copies it to ``_static`` (chunks at
``_static/explorers/<id>/<n>.js``, fonts at ``_static/fonts/``), and adds the explorers' own
JavaScript and CSS to every page. The student edition and the PDF build from copies of the book
and find the same folder through the same variable (or ``_build/frames`` of this checkout).
"""

import os
from pathlib import Path

BOOK = Path(__file__).resolve().parent.parent


def _frames_dir() -> Path | None:
    env = os.environ.get("MIGCOOP_FRAMES_DIR", "")
    folder = Path(env) if env else BOOK / "_build" / "frames"
    return folder if folder.is_dir() else None


def _add_static(app, config):
    folder = _frames_dir()
    if folder is not None and str(folder) not in map(str, config.html_static_path):
        config.html_static_path = [*config.html_static_path, str(folder)]


def setup(app):
    app.connect("config-inited", _add_static)
    app.add_js_file("migcoop-explorer.js")
    app.add_css_file("migcoop-explorer.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
