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

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "_build" / "student"
SRC = OUT / "src"
EXECUTED = ROOT / "_build" / "jupyter_execute" / "chapters"
INSTRUCTOR_ONLY = ("appendices/instructor_guide",)
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
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        nb = strip_solutions(nbformat.read(path, as_version=4), clean=True)
        out = target / path.name
        nbformat.write(nb, out)
        written.append(out)
    return written


def student_source() -> None:
    if SRC.exists():
        shutil.rmtree(SRC)
    SRC.mkdir(parents=True)
    for name in ("intro.md", "references.bib", "_toc.yml", "_config.yml"):
        shutil.copy(ROOT / name, SRC / name)
    for folder in ("appendices", "_assets", "_ext"):
        shutil.copytree(ROOT / folder, SRC / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for page in INSTRUCTOR_ONLY:
        for suffix in (".md", ".ipynb"):
            (SRC / f"{page}{suffix}").unlink(missing_ok=True)
    (SRC / "chapters").mkdir()
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        executed = EXECUTED / path.name
        if not executed.exists():
            raise SystemExit(f"{executed} is missing: run `make book` first")
        nb = strip_solutions(nbformat.read(executed, as_version=4), clean=False)
        nbformat.write(nb, SRC / "chapters" / path.name)
    toc = (SRC / "_toc.yml").read_text(encoding="utf-8")
    for page in INSTRUCTOR_ONLY:
        toc = re.sub(rf"^\s*- file: {re.escape(page)}\s*\n", "", toc, flags=re.M)
    (SRC / "_toc.yml").write_text(toc, encoding="utf-8")
    config = (SRC / "_config.yml").read_text(encoding="utf-8")
    config = config.replace("hide_solutions: false", "hide_solutions: true")
    config = re.sub(r"execute_notebooks:\s*\w+", "execute_notebooks: \"off\"", config)
    config = config.replace("title: Crossing Borders Together", "title: Crossing Borders Together (student edition)")
    (SRC / "_config.yml").write_text(config, encoding="utf-8")


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
