"""Build the student edition: the book without solutions, and notebooks to hand out.

    make student        (runs this script; needs `make book` first, or builds it)

Writes
* ``_build/student/notebooks/NN_*.ipynb``: each chapter with its solution code cells
  (tagged ``solution``) and its ``{solution}`` blocks removed, stored clean, for
  students to download, open on Binder, or for an instructor to put in a course repo;
* ``_build/student/html``: the HTML book built from the executed chapters (taken
  from the instructor build in ``_build/jupyter_execute``, so nothing runs twice)
  with the same stripping and ``hide_solutions: true``; the instructor guide is left out.
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import book_tree  # noqa: E402  (the one copy of the book tree)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "_build" / "student"
SRC = OUT / "src"
INSTRUCTOR_ONLY = book_tree.INSTRUCTOR_ONLY
SOLUTION_BLOCK = re.compile(r"(`{3,})\{solution\}.*?\n\1[ \t]*(\n|$)", flags=re.S)


def strip_solutions(nb: nbformat.NotebookNode, *, clean: bool) -> nbformat.NotebookNode:
    """Remove solution code cells and ``{solution}`` blocks; optionally drop outputs."""
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        if "solution" in cell.metadata.get("tags", []):
            continue
        if cell.cell_type == "markdown":
            cell.source = SOLUTION_BLOCK.sub("", cell.source).rstrip("\n")
            if not cell.source.strip():
                continue
        if clean and cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cells.append(cell)
    nb.cells = cells
    nb.metadata.pop("widgets", None)
    return nb


def student_notebooks() -> list[Path]:
    target = OUT / "notebooks"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for stem in book_tree.toc_chapters():
        nb = strip_solutions(nbformat.read(ROOT / "chapters" / f"{stem}.ipynb", as_version=4), clean=True)
        out = target / f"{stem}.ipynb"
        nbformat.write(nb, out)
        written.append(out)
    return written


def student_source() -> None:
    book_tree.copy_book(SRC, student=True, strip=lambda nb: strip_solutions(nb, clean=False),
                        title_suffix=" (student edition)")


def build_html() -> None:
    html = OUT / "html"
    if html.exists():
        shutil.rmtree(html)
    cmd = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(SRC), "-W", "-n",
           "--keep-going", "--path-output", str(OUT / "site")]
    log = subprocess.run(cmd, capture_output=True, text=True)
    (OUT / "build.log").write_text(log.stdout + log.stderr, encoding="utf-8")
    if log.returncode != 0:
        print(log.stdout[-4000:], log.stderr[-4000:], sep="\n")
        raise SystemExit("student edition build failed (see _build/student/build.log)")
    shutil.move(str(OUT / "site" / "_build" / "html"), str(html))
    shutil.rmtree(OUT / "site")


def main() -> int:
    notebooks = student_notebooks()
    student_source()
    build_html()
    print(f"student edition: {len(notebooks)} notebooks in {OUT / 'notebooks'}, HTML in {OUT / 'html'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
