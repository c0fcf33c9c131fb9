"""Helpers for the scripts that write the chapter notebooks (tools/make_chNN.py).

A chapter is written as a list of cells in Python so that it can be regenerated
and reviewed as text; the notebook is stored clean (no outputs, no widget state).

    from nbtools import md, code, figure, write
    cells = [install_cell(), md("# 2. ..."), code("x = 1", tags=["remove-cell"])]
    write("chapters/02_terms_of_trade.ipynb", cells)
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent


def _repo_url() -> str:
    text = (ROOT / "_config.yml").read_text(encoding="utf-8")
    match = re.search(r"^repository:\s*\n\s+url:\s*(\S+)", text, flags=re.M)
    return match.group(1) if match else "https://github.com/crossing-borders-together/book"


def md(text: str):
    """A markdown cell (text is dedented)."""
    return nbformat.v4.new_markdown_cell(textwrap.dedent(text).strip("\n"))


def code(text: str, tags=None, metadata=None):
    """A code cell with optional tags (``remove-cell``, ``hide-input``, ``solution``)."""
    cell = nbformat.v4.new_code_cell(textwrap.dedent(text).strip("\n"))
    meta = dict(metadata or {})
    if tags:
        meta["tags"] = list(tags)
    cell.metadata.update(meta)
    return cell


def figure(text: str, *, name: str, caption: str, alt: str, tags=("hide-input",)):
    """A code cell whose last expression is a Figure, shown as a numbered figure with alt text."""
    return code(text, tags=list(tags), metadata={
        "mystnb": {"figure": {"caption": caption, "name": name}, "image": {"alt": alt}},
    })


def solution(text: str):
    """Solution code: run by the tests, stripped from the student edition."""
    return code(text, tags=["solution", "hide-input"])


def check_solution(text: str):
    """A hidden cell asserting what a worked solution says (stripped with the solution)."""
    return code(text, tags=["remove-cell", "solution"])


def check_claim(text: str):
    """A hidden cell asserting a claim the prose makes."""
    return code(text, tags=["remove-cell"])


def install_cell():
    """The guarded install cell: Colab and other fresh kernels get ``migcoop`` if missing."""
    url = _repo_url()
    return code(
        f'''
        # Colab or another fresh environment: install the book's model library if it is missing.
        try:
            import migcoop
        except ImportError:
            %pip install --quiet "migcoop @ git+{url}@main"
        ''',
        tags=["remove-cell"],
    )


def write(path, cells):
    """Write a clean notebook (python3 kernel, no outputs, no widget metadata)."""
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"c{i:03d}"
    nbformat.validate(nb)
    target = ROOT / path
    target.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    return target
