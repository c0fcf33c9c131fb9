"""Build the student edition: the book without answers, and notebooks to hand out.

    make student                                  (runs this script; needs `make html` first)
    make student STUDENT_REPO=https://github.com/course/notebooks

Writes

* ``_build/student/repo/``: the course's **student repository**, ready to be pushed as the
  repository whose notebooks the student edition's Binder, JupyterHub and Colab buttons open:

  - ``chapters/NN_*.ipynb``: each chapter without its solutions (``{solution}`` blocks and
    ``solution``-tagged cells) and without its claim cells (the hidden ``remove-cell`` cells
    that assert what the prose says, and compute some exercises' answers to do so), stored
    clean, with Markdown any Jupyter renders (``plain_markdown``: citations as author–year
    text, glossary terms as their text, exercises as headings, no MyST fences);
  - ``requirements.txt``: the book's runtime pins, with ``migcoop`` installed from the book's
    repository (``migcoop @ git+URL@main``) instead of ``-e .``, since this repository holds
    no ``lib/``; the data the chapters read ship inside ``migcoop``;
  - ``README.md`` for students;

* ``_build/student/html``: the HTML book built from the executed chapters (taken from the
  instructor build in ``_build/jupyter_execute``, so nothing runs twice) with the same
  stripping and ``hide_solutions: true``, the instructor guide left out, the front page's
  paragraph on teaching rewritten for students (``student_front_page``), and launch buttons
  pointing at the student repository. Its download button hands out the student notebooks.

The student repository's URL is ``STUDENT_REPO`` (environment or ``--student-repo``); by
default the book's ``repository.url`` with ``-student`` appended, so `make set-repo` moves
both.
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import book_tree  # noqa: E402  (the one copy of the book tree)
import plain_markdown  # noqa: E402  (MyST Markdown -> Markdown any Jupyter renders)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "_build" / "student"
SRC = OUT / "src"
REPO = OUT / "repo"
INSTRUCTOR_ONLY = book_tree.INSTRUCTOR_ONLY
SOLUTION_BLOCK = re.compile(r"(`{3,}|:{3,})\{solution\}.*?\n\1[ \t]*(\n|$)", flags=re.S)
GATE_START = re.compile(r"^(`{3,}|:{3,})\{solution-start\}", flags=re.M)
GATE_END = re.compile(r"^(`{3,}|:{3,})\{solution-end\}[^\n]*\n\1[ \t]*(\n|$)", flags=re.M)
ASSERT = re.compile(r"^\s*assert\b", flags=re.M)


def config_value(key: str, text: str | None = None) -> str:
    """A ``repository:`` value of ``_config.yml`` (``url``, ``branch``)."""
    text = text if text is not None else (ROOT / "_config.yml").read_text(encoding="utf-8")
    block = re.search(r"^repository:\s*\n((?:[ \t]+.*\n?)+)", text, flags=re.M)
    m = re.search(rf"^\s+{key}:\s*(\S+)", block.group(1) if block else "", flags=re.M)
    if not m:
        raise SystemExit(f"_config.yml has no repository.{key}")
    return m.group(1).strip("\"'")


def book_repository() -> str:
    return config_value("url").rstrip("/")


def student_repository(explicit: str | None = None) -> str:
    """Where the student notebooks live: ``STUDENT_REPO``, or the book's URL + ``-student``."""
    url = (explicit or os.environ.get("STUDENT_REPO") or "").strip().rstrip("/")
    if not url:
        url = book_repository() + "-student"
    if not re.fullmatch(r"https://[\w.-]+/[\w.-]+/[\w.-]+", url):
        raise SystemExit(f"STUDENT_REPO={url!r} must look like https://github.com/OWNER/REPO")
    return url


# The front page's "Teaching." paragraph tells instructors where the solutions and the guide
# are; the student edition (its site and its PDF) has neither and says so instead.
TEACHING = re.compile(r"^\*\*Teaching\.\*\*.*?(?=\n[ \t]*\n|\Z)", flags=re.M | re.S)
STUDENT_TEACHING = (
    "**Exercises.** Each chapter ends with at least four exercises: a conceptual question,\n"
    "computational problems whose answers you can check yourself with `migcoop.checks.check`, and an\n"
    "open exploration with the interactive figure. This is the student edition: its exercises come\n"
    "without solutions, and it does not include the instructor's guide.")


def student_front_page(text: str) -> str:
    """``intro.md`` for the student edition: the paragraph on teaching describes this edition."""
    text, n = TEACHING.subn(STUDENT_TEACHING, text, count=1)
    if n != 1:
        raise SystemExit("intro.md has no '**Teaching.**' paragraph for the student edition to replace")
    return text


def is_claim(cell) -> bool:
    """A hidden cell that checks the prose's claims (and so may compute answers)."""
    return (cell.cell_type == "code" and "remove-cell" in cell.metadata.get("tags", [])
            and bool(ASSERT.search(cell.source)))


def cut_gated(source: str, gated: bool) -> tuple[str, bool]:
    """``source`` without the parts inside a gated solution (``{solution-start}`` up to the
    end of its ``{solution-end}`` fence), and whether a gated solution is still open at its end;
    ``gated``: whether one is open at its start."""
    kept, pos = [], 0
    while True:
        m = (GATE_END if gated else GATE_START).search(source, pos)
        if not m:
            if not gated:
                kept.append(source[pos:])
            return "".join(kept), gated
        if not gated:
            kept.append(source[pos:m.start()])
        pos, gated = m.end(), not gated


def strip_solutions(nb: nbformat.NotebookNode, *, clean: bool, claims: bool = True) -> nbformat.NotebookNode:
    """Remove solution cells, ``{solution}`` blocks and gated ``{solution-start}`` ...
    ``{solution-end}`` spans, and (``claims``) the claim cells;
    ``clean`` also drops outputs."""
    nb = copy.deepcopy(nb)
    cells, gated = [], False
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "markdown":
            # The gated form: {solution-start} ... {solution-end} spans cells, and the cells it
            # starts and ends in also hold the exercise before it and the text after it.
            cell.source, gated = cut_gated(cell.source, gated)
            if "solution" in tags:
                continue
        elif gated or "solution" in tags or (claims and is_claim(cell)):
            continue
        if cell.cell_type == "markdown":
            cell.source = SOLUTION_BLOCK.sub("", cell.source).rstrip("\n")
            if not cell.source.strip():
                continue
        if clean and cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            cell.metadata.pop("execution", None)
        cells.append(cell)
    nb.cells = cells
    nb.metadata.pop("widgets", None)
    return nb


def student_notebook(nb: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    """The notebook a student gets: no answers, clean, plain Markdown, no jupytext pairing."""
    nb = plain_markdown.plain_notebook(strip_solutions(nb, clean=True), stem)
    nb.metadata.pop("jupytext", None)
    return nb


def requirements_text() -> str:
    """The runtime pins, with ``migcoop`` from the book's repository instead of ``-e .``."""
    lines = ["# What Binder (repo2docker) installs to run these notebooks. Every line pinned;",
             "# the model library comes from the book's repository."]
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped.startswith("-e"):
            continue
        lines.append(stripped)
    lines.append(f"migcoop @ git+{book_repository()}@{config_value('branch')}")
    return "\n".join(lines) + "\n"


def readme_text(student_url: str, stems: list[str]) -> str:
    titles = plain_markdown.chapter_titles()
    slug = re.sub(r"^https://github\.com/", "", student_url)
    if slug == student_url:   # not on GitHub: Binder and Colab need other link forms
        slug = "OWNER/REPO (on GitHub)"
    rows = "\n".join(f"- [{titles.get(s, s)}](chapters/{s}.ipynb)" for s in stems)
    return f"""# Crossing Borders Together: student notebooks

The chapters of *Crossing Borders Together*, an interactive book on the economics of
international cooperation on migration, as Jupyter notebooks: the argument, the model, live
figures whose sliders you can move, and the exercises. Solutions are not included.

{rows}

## Opening a chapter

- **Binder**: <https://mybinder.org/v2/gh/{slug}/main?urlpath=lab/tree/chapters> (or the
  rocket icon on a page of the student edition of the book); Binder installs `requirements.txt`.
- **Colab**: open `https://colab.research.google.com/github/{slug}/blob/main/chapters/<file>`;
  the first cell installs the book's model library, `migcoop`, when it is missing.
- **Your own computer** (Python 3.11 or newer):

  ```bash
  python -m venv .venv && . .venv/bin/activate
  pip install -r requirements.txt
  jupyter lab chapters/
  ```

Run a notebook from the top (*Run* > *Run All Cells*): later cells use what earlier ones define.
The data the chapters use ship with `migcoop`.

## Exercises

Each chapter ends with exercises. Conceptual ones ask for a few paragraphs of reasoning;
computational ones ask for numbers you can check yourself, for example

```python
from migcoop.checks import check
check("ex-02-2", my_answer)   # prints whether the answer is right, with a hint if not
```

The checker knows whether an answer is right without containing the answer.
"""


def write_student_repo(student_url: str) -> list[Path]:
    if REPO.exists():
        shutil.rmtree(REPO)
    (REPO / "chapters").mkdir(parents=True)
    stems = book_tree.toc_chapters()
    written = []
    for stem in stems:
        nb = student_notebook(nbformat.read(ROOT / "chapters" / f"{stem}.ipynb", as_version=4), stem)
        out = REPO / "chapters" / f"{stem}.ipynb"
        nbformat.write(nb, out)
        written.append(out)
    (REPO / "requirements.txt").write_text(requirements_text(), encoding="utf-8")
    (REPO / "README.md").write_text(readme_text(student_url, stems), encoding="utf-8")
    return written


def student_source(student_url: str) -> None:
    book_tree.copy_book(SRC, student=True, strip=lambda nb: strip_solutions(nb, clean=False),
                        title_suffix=" (student edition)")
    intro = SRC / "intro.md"
    intro.write_text(student_front_page(intro.read_text(encoding="utf-8")), encoding="utf-8")
    config = SRC / "_config.yml"
    text = config.read_text(encoding="utf-8")
    text, n = re.subn(r"(^repository:\s*\n\s+url:\s*)\S+", rf"\g<1>{student_url}", text, flags=re.M)
    if n != 1:
        raise SystemExit("could not find repository.url in _config.yml")
    config.write_text(text, encoding="utf-8")


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
    # Math typeset, icons drawn and pages slimmed, as `make html` does for the book.
    subprocess.run(["node", str(ROOT / "tools" / "finish_pages.mjs"), str(html)], check=True)
    subprocess.run([sys.executable, str(ROOT / "tools" / "slim_site.py"), str(html)], check=True)
    # The download button hands out the chapter's source: give students their notebook.
    for nb in (REPO / "chapters").glob("*.ipynb"):
        target = html / "_sources" / "chapters" / nb.name
        if target.exists():
            shutil.copy(nb, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--student-repo", help="URL of the course's student repository (or STUDENT_REPO)")
    parser.add_argument("--notebooks-only", action="store_true", help="write _build/student/repo only")
    args = parser.parse_args(argv)
    url = student_repository(args.student_repo)
    notebooks = write_student_repo(url)
    if not args.notebooks_only:
        student_source(url)
        build_html()
    print(f"student edition: {len(notebooks)} notebooks in {REPO} (for {url})"
          + ("" if args.notebooks_only else f", HTML in {OUT / 'html'}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
