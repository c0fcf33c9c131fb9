"""Copy the book into a scratch source tree built from the already executed chapters.

The student edition and the two PDFs are built from ``_build/jupyter_execute`` (what
``make html`` executed), so no chapter runs twice. Each needs the same tree: the book's
configuration, pages and assets, with every chapter as its executed ``.ipynb`` instead
of its MyST Markdown source, and execution switched off. The student tree also loses
the instructor-only pages and every solution (``student_edition.strip_solutions``).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
EXECUTED = ROOT / "_build" / "jupyter_execute" / "chapters"
INSTRUCTOR_ONLY = ("appendices/instructor_guide",)


def toc_chapters() -> list[str]:
    """The chapter stems the table of contents lists, in order."""
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    return re.findall(r"file:\s*chapters/(\S+)", toc)


def copy_book(
    dest: Path,
    *,
    student: bool,
    strip: Callable[[nbformat.NotebookNode], nbformat.NotebookNode] | None = None,
    title_suffix: str = "",
) -> Path:
    """Write the book's source tree to ``dest`` with executed chapter notebooks.

    ``strip`` transforms each executed notebook (the student edition removes solutions);
    ``student`` drops the instructor-only pages and sets ``hide_solutions``.
    """
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in ("intro.md", "references.bib", "_toc.yml", "_config.yml"):
        shutil.copy(ROOT / name, dest / name)
    for folder in ("appendices", "_assets", "_ext"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (dest / "chapters").mkdir()
    for stem in toc_chapters():
        executed = EXECUTED / f"{stem}.ipynb"
        if not executed.exists():
            raise SystemExit(f"{executed} is missing: run `make html` first")
        nb = nbformat.read(executed, as_version=4)
        if strip is not None:
            nb = strip(nb)
        nbformat.write(nb, dest / "chapters" / f"{stem}.ipynb")

    config = (dest / "_config.yml").read_text(encoding="utf-8")
    config = re.sub(r"execute_notebooks:\s*\w+", 'execute_notebooks: "off"', config)
    # Here the chapters are notebooks, not MyST Markdown: let Sphinx read them.
    config = config.replace('"chapters/*.ipynb", ', "")
    if student:
        toc = (dest / "_toc.yml").read_text(encoding="utf-8")
        for page in INSTRUCTOR_ONLY:
            toc = re.sub(rf"^\s*- file: {re.escape(page)}\s*\n", "", toc, flags=re.M)
            (dest / f"{page}.md").unlink(missing_ok=True)
        (dest / "_toc.yml").write_text(toc, encoding="utf-8")
        config = config.replace("hide_solutions: false", "hide_solutions: true")
    if title_suffix:
        config = config.replace("title: Crossing Borders Together",
                                f"title: Crossing Borders Together{title_suffix}")
    (dest / "_config.yml").write_text(config, encoding="utf-8")
    return dest
