"""The student edition (`make student`, run by `make book-tests` after the book): every
exercise is there; no solution, no claim cell and no exercise answer is, in any page or
notebook; the notebooks run in a fresh kernel, read well in any Jupyter, and the HTML
edition's launch buttons open them in the student repository."""

import json
import math
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
STUDENT = ROOT / "_build" / "student"
REPO = STUDENT / "repo"
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
pytestmark = pytest.mark.book
sys.path.insert(0, str(ROOT / "tools"))


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def solution_material(path):
    """(exercise labels, solution prose snippets, solution code lines) of an instructor notebook."""
    labels, prose, code, elsewhere = [], [], [], []
    for cell in cells(path):
        src = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            labels += re.findall(r":label: (ex-\d\d-\d+)", src)
            for body in re.findall(r"(`{3,})\{solution\}[^\n]*\n(.*?)\n\1", src, flags=re.S) + re.findall(
                    r"(`{3,})\{solution-start\}[^\n]*\n(?::[^\n]*\n)*\1[ \t]*\n(.*?)(?=^`{3,}\{solution-end\}|\Z)",
                    src, flags=re.S | re.M):
                text = re.sub(r"^:class:.*$", "", body[1], flags=re.M)
                # Distinctive plain-text runs of the solution (math and markup removed).
                for sentence in re.split(r"(?<=[.!?])\s+", text):
                    plain = re.sub(r"\$[^$]*\$|\{[^}]*\}`[^`]*`|[*_`()]", " ", sentence)
                    plain = " ".join(plain.split())
                    if len(plain.split()) >= 8:
                        prose.append(plain)
        if "solution" in cell["metadata"].get("tags", []):
            code += [line.strip() for line in src.splitlines() if len(line.strip()) > 25]
        else:
            elsewhere.append(src)
    # Only lines that exist nowhere but in solutions count as solution code.
    rest = "\n".join(elsewhere)
    return labels, prose, [line for line in code if line not in rest]


def page_text(path):
    html = path.read_text(encoding="utf-8")
    html = re.sub(r"<script.*?</script>|<style.*?</style>|<img[^>]*>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html)
    text = (text.replace("&#8217;", "'").replace("&quot;", '"').replace("&#39;", "'")
            .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
    return " ".join(text.split())


def student_notebook(stem):
    return nbformat.read(REPO / "chapters" / f"{stem}.ipynb", as_version=4)


# --- the exercises' answers ---------------------------------------------------------
def answer_values():
    """``{label: tuple of floats}`` from the instructor's answer key (``tools/answer_key.py``)."""
    try:
        import answer_key
        values = answer_key.answer_values()
    except ImportError:  # pragma: no cover - before the answer key existed
        from migcoop.checks import ANSWERS, expected
        values = {label: expected(label) for label in ANSWERS}
    return {label: tuple(float(x) for x in (v if isinstance(v, (tuple, list)) else (v,)))
            for label, v in values.items()}


def close(x, a):
    return math.isclose(x, a, rel_tol=1e-3, abs_tol=1e-9)


def is_round(a):
    """Two significant digits or fewer, to the comparison's precision (0.5, 6, 24, -80): a
    value that turns up by chance in any parameter list, so it is matched only together with
    its tuple's other values."""
    return a == 0 or close(float(f"{a:.2g}"), a)


def chapter_answers(answers, stem):
    """The answers of a chapter's own exercises (``ex-02-*`` for chapter 2)."""
    return {k: v for k, v in answers.items() if k.startswith(f"ex-{stem[:2]}-")}


def evenly_spaced(values):
    """A grid (``np.linspace``/``arange``): an input the reader chose, not a computed result."""
    if len(values) < 3:
        return False
    step = values[1] - values[0]
    return all(math.isclose(b - a, step, rel_tol=1e-6, abs_tol=1e-12) for a, b in zip(values, values[1:], strict=False))


CURVE = 24


def leaked_answers(groups, answers):
    """Exercises whose answer the numbers ``groups`` (``[(name, [floats])]``) contain.

    A value with three or more significant digits leaks wherever it appears; an answer made
    only of round values leaks when one group (a tuple, a result's fields) holds all of them.
    Grids and curves (more than ``CURVE`` numbers) are not searched: a curve drawn over a grid
    passes through many values, and that one of them is an exercise's is no stated answer.
    """
    groups = [(name, vals) for name, vals in groups if len(vals) <= CURVE and not evenly_spaced(vals)]
    leaks = []
    for label, answer in answers.items():
        distinctive = [a for a in answer if not is_round(a)]
        if distinctive:
            for a in distinctive:
                where = [name for name, vals in groups if any(close(v, a) for v in vals)]
                if where:
                    leaks.append(f"{label}: {a:.6g} in {where[:3]}")
        else:
            where = [name for name, vals in groups
                     if len(vals) <= 4 * len(answer) and all(any(close(v, a) for v in vals) for a in answer)]
            if where:
                leaks.append(f"{label}: {answer} in {where[:3]}")
    return leaks


NUMBER = re.compile(r"(?<![\w.])[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?![\w.]\d)(?:\s*(?:%|per cent))?")
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def stated_precision(stem):
    """``{label: significant figures}`` each exercise of a chapter asks for (default three)."""
    text = (ROOT / "chapters" / f"{stem}.md").read_text(encoding="utf-8")
    wanted = {}
    for label, body in re.findall(r":label: (ex-\d\d-\d+)\n(.*?)\n```", text, flags=re.S):
        m = re.search(r"\b(\w+|\d) significant (?:figures?|digits?)", body)
        wanted[label] = (WORDS.get(m.group(1).lower()) or int(m.group(1))) if m and (
            m.group(1).isdigit() or m.group(1).lower() in WORDS) else 3
    return wanted


def significant_digits(literal):
    digits = literal.replace(",", "").lstrip("-−")
    if "." in digits:
        return len(digits.replace(".", "").lstrip("0")) or 1
    return len(digits.lstrip("0").rstrip("0")) or 1


def literal_leaks(text, answers, precision):
    """Exercises whose answer ``text`` writes out: a number equal to a distinctive part of the
    answer within 0.1 per cent, or rounded to at least the precision the exercise asks for
    (also read as a percentage, or in thousands: "2.68%" for 0.0268, "1,911" for 1.911 thousand)."""
    leaks = []
    for m in NUMBER.finditer(text):
        raw = m.group(0)
        if not re.search(r"\d", raw):
            continue
        percent = raw.rstrip().endswith(("%", "cent"))
        literal = re.sub(r"\s*(%|per cent)$", "", raw).strip()
        try:
            x = float(literal.replace(",", "").replace("−", "-"))
        except ValueError:
            continue
        k = significant_digits(literal)
        readings = [x, x * 1000, x / 1000] + ([x / 100] if percent else [])
        for label, answer in answers.items():
            for a in answer:
                if is_round(a):
                    continue
                same = any(close(r, a) or (k >= precision.get(label, 3) and
                                           math.isclose(r, float(f"{a:.{k}g}"), rel_tol=1e-9))
                           for r in readings)
                if same:
                    where = text[max(0, m.start() - 60):m.end() + 20].replace("\n", " ")
                    leaks.append(f"{label}: {a:.6g} as {raw.strip()!r} in ...{where}...")
    return leaks


# --- running a student notebook ------------------------------------------------------
# Appended to each notebook: every number the student's namespace holds, as JSON groups.
DUMP = r'''
def __dump_numbers():
    import dataclasses, json, numbers
    import numpy as np

    def num(v):
        return ((isinstance(v, numbers.Real) and not isinstance(v, bool))
                or (isinstance(v, np.ndarray) and v.ndim == 0 and v.dtype.kind in "iuf"))

    def seq(v):
        if isinstance(v, np.ndarray) and v.dtype.kind in "iuf" and 0 < v.size <= 100_000:
            return v.astype(float).ravel().tolist()
        if isinstance(v, (tuple, list)) and v and len(v) <= 10_000 and all(num(x) for x in v):
            return [float(x) for x in v]
        return None

    groups = []

    def add(name, v, depth):
        if num(v):
            groups.append((name, [float(v)]))
            return
        s = seq(v)
        if s is not None:
            groups.append((name, s))
            return
        if depth > 1:
            return
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            scalars = []
            for f in dataclasses.fields(v):
                try:
                    x = getattr(v, f.name)
                except Exception:
                    continue
                if num(x):
                    scalars.append(float(x))
                else:
                    add(f"{name}.{f.name}", x, depth + 1)
            if scalars:
                groups.append((name, scalars))
        elif isinstance(v, (list, tuple)) and len(v) <= 1000:
            for i, x in enumerate(v):
                add(f"{name}[{i}]", x, depth + 1)
        elif isinstance(v, dict) and len(v) <= 1000:
            for k, x in v.items():
                add(f"{name}[{k!r}]", x, depth + 1)

    for key, value in list(globals().items()):
        if not key.startswith("_"):
            add(key, value, 0)
    print(json.dumps(groups))


__dump_numbers()
'''


def output_text(cell):
    """What a code cell shows as text: printed output, tables, Markdown (not images)."""
    parts = []
    for out in cell.get("outputs", []):
        parts.append(out.get("text", ""))
        for mime in ("text/markdown", "text/plain", "text/html"):
            value = out.get("data", {}).get(mime, "")
            value = "".join(value) if isinstance(value, list) else value
            parts.append(re.sub(r"data:image/[^\"']+|<[^>]+>", " ", value))
    return "\n".join(parts)


def execute(stem):
    """Run a student notebook top to bottom in a fresh kernel: (error or None, namespace
    groups, the text its cells printed)."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = student_notebook(stem)
    nb.cells.append(nbformat.v4.new_code_cell(DUMP))
    env = {k: v for k, v in os.environ.items() if k not in ("MIGCOOP_STATIC", "MPLBACKEND")}
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(REPO / "chapters")}})
    try:
        client.execute(env=env)
    except CellExecutionError as err:
        return str(err)[:3000], [], ""
    out = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("name") == "stdout")
    shown = "\n".join(output_text(c) for c in nb.cells[:-1] if c.cell_type == "code")
    return None, [tuple(g) for g in json.loads(out)], shown


@pytest.fixture(scope="module")
def executed():
    """Every student notebook, executed once (two at a time: the machines have two cores)."""
    stems = [p.stem for p in CHAPTERS]
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(stems, pool.map(execute, stems), strict=True))


@pytest.fixture(scope="module")
def answers():
    return answer_values()


@pytest.fixture(scope="module", autouse=True)
def built():
    if not (STUDENT / "html" / "index.html").exists() or not (REPO / "chapters").is_dir():
        pytest.fail("the student edition is not built: run `make student`")


# --- the HTML edition ---------------------------------------------------------------
@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_student_page_has_exercises_but_no_solutions(path):
    labels, prose, code = solution_material(path)
    assert labels and prose, "the instructor chapter has exercises with solutions"
    page = STUDENT / "html" / "chapters" / f"{path.stem}.html"
    html = page.read_text(encoding="utf-8")
    text = page_text(page)
    for label in labels:
        assert f'id="{label}"' in html, f"{label} missing from the student page"
    assert "solution" not in re.findall(r'class="[^"]*\b(solution)\b', html)
    leaked = [p for p in prose if p in text]
    assert not leaked, f"solution text in the student page: {leaked[:2]}"
    leaked = [c for c in code if c in text]
    assert not leaked, f"solution code in the student page: {leaked[:2]}"
    # ...while the instructor page has them (so the test can fail).
    instructor = page_text(ROOT / "_build" / "html" / "chapters" / f"{path.stem}.html")
    assert any(p in instructor for p in prose)


def test_student_edition_leaves_out_the_instructor_guide():
    assert not (STUDENT / "html" / "appendices" / "instructor_guide.html").exists()


def test_student_launch_buttons_open_the_student_repository():
    import student_edition

    student, book = student_edition.student_repository(), student_edition.book_repository()
    assert student != book
    page = (STUDENT / "html" / "chapters" / f"{CHAPTERS[1].stem}.html").read_text(encoding="utf-8")
    slug = student.removeprefix("https://github.com/")
    book_slug = book.removeprefix("https://github.com/")
    assert f"mybinder.org/v2/gh/{slug}/main?urlpath=lab/tree/chapters/{CHAPTERS[1].stem}.ipynb" in page
    assert f"colab.research.google.com/github/{slug}/blob/main/chapters/{CHAPTERS[1].stem}.ipynb" in page
    assert f"gh/{book_slug}/" not in page and f"github/{book_slug}/" not in page
    # The download button hands out the student notebook, not the executed one.
    for path in CHAPTERS:
        source = STUDENT / "html" / "_sources" / "chapters" / path.name
        assert source.read_bytes() == (REPO / "chapters" / path.name).read_bytes()


# --- the student repository ----------------------------------------------------------
def test_student_repository_layout():
    assert sorted(p.name for p in (REPO / "chapters").glob("*.ipynb")) == [p.name for p in CHAPTERS]
    reqs = (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pins = [line for line in reqs if line and not line.startswith("#")]
    assert not any(line.startswith("-e") for line in pins), "the student repository has no lib/"
    assert any(re.fullmatch(r"migcoop @ git\+https://\S+@main", line) for line in pins)
    assert all("==" in line for line in pins if not line.startswith("migcoop")), "every runtime line pinned"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "mybinder.org" in readme and "requirements.txt" in readme
    assert not (REPO / "lib").exists() and not list(REPO.rglob("*answer_key*"))


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_student_notebook_has_exercises_but_no_solutions(path):
    labels, prose, code = solution_material(path)
    nb = student_notebook(path.stem)
    source = "\n".join(c.source for c in nb.cells)
    for label in labels:
        assert re.search(rf"^### Exercise {label}\b", source, flags=re.M), f"{label} missing"
    assert "{solution" not in source and "solution-start" not in source
    assert not any("solution" in c.metadata.get("tags", []) for c in nb.cells)
    assert not [c for c in code if c in source]
    assert not [p for p in prose if p in " ".join(source.split())]
    assert all(not c.get("outputs") and c.get("execution_count") is None
               for c in nb.cells if c.cell_type == "code"), "stored clean"
    assert "widgets" not in nb.metadata and "jupytext" not in nb.metadata


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_student_notebook_reads_in_any_jupyter(path):
    """No MyST role or fence a Jupyter without jupyterlab-myst would show raw (or that
    jupyterlab-myst cannot resolve: citations, glossary terms)."""
    nb = student_notebook(path.stem)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        src = cell.source
        assert not re.search(r"\{[a-z]+(:[a-z]+)?\}`", src), f"a raw role in: {src[:200]!r}"
        assert not re.search(r"^(`{3,}|:{3,})\{", src, flags=re.M), f"a raw directive in: {src[:200]!r}"
        assert not re.search(r"^\$\$ *\(", src, flags=re.M), "an equation label Jupyter cannot read"
    refs = [c.source for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## References")]
    assert refs and "(2013)" in refs[0], "the notebook lists the works it cites"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_student_notebook_has_no_claim_cell(path):
    """The claim cells assert what the prose says, with the exercises' own parameters at times."""
    nb = student_notebook(path.stem)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not re.search(r"^\s*assert\b", cell.source, flags=re.M), \
                f"an assert in a student notebook: {cell.source[:120]!r}"


# --- no answer in reach -----------------------------------------------------------------
# Exercises that ask for what the chapter itself shows at the same parameters: an explorer's
# alt text (one per pre-rendered frame) at its starting values, a table or figure of the chapter. Prose that
# merely stated an answer has been reworded; these need the exercise's parameters changed
# (the exercise text, its solution and its entry in tools/answer_key.py together). Each entry
# says where the answer shows. The tests below fail on any leak not listed here, and on an
# entry that no longer leaks (so the list cannot go stale).
KNOWN = {
}


@pytest.fixture(scope="module")
def findings(executed, answers):
    """``{chapter: {where: [leaks]}}``: answers in the student page, the notebook's text, what
    it prints when run, and its namespace afterwards."""
    found = {}
    for path in CHAPTERS:
        own, precision = chapter_answers(answers, path.stem), stated_precision(path.stem)
        page = STUDENT / "html" / "chapters" / f"{path.stem}.html"
        alts = " ".join(re.findall(r'alt="([^"]*)"', page.read_text(encoding="utf-8")))
        source = "\n".join(c.source for c in student_notebook(path.stem).cells)
        error, groups, shown = executed[path.stem]
        found[path.stem] = {
            "the student page": literal_leaks(page_text(page) + " " + alts, own, precision),
            "the notebook's text": literal_leaks(source, own, precision),
            "the notebook's printed output": literal_leaks(shown, own, precision),
            "the notebook's namespace": leaked_answers(groups, own),
        }
    return found


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_student_notebook_runs(path, executed):
    """Top to bottom in a fresh kernel, as on Binder (no MIGCOOP_STATIC)."""
    error, groups, _ = executed[path.stem]
    assert error is None, f"the student notebook fails:\n{error}"
    assert groups, "the namespace dump came back empty"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_no_answer_in_reach(path, findings):
    """No exercise's answer is written out in the student page (prose, tables, printed
    output, captions and alt text) or the student notebook, printed when it runs, or left
    among the numbers of its namespace (checked at the precision the exercise asks for, or
    to 0.1 per cent)."""
    leaks = {where: found for where, found in findings[path.stem].items() if found}
    unknown = {where: [x for x in found if x.split(":")[0] not in KNOWN] for where, found in leaks.items()}
    unknown = {where: found for where, found in unknown.items() if found}
    assert not unknown, "exercise answers within a student's reach:\n" + "\n".join(
        f"{where}: {found[:4]}" for where, found in unknown.items())
    if leaks:
        labels = sorted({x.split(":")[0] for found in leaks.values() for x in found})
        pytest.xfail("known, awaiting new exercise parameters: "
                     + "; ".join(f"{label} ({KNOWN[label]})" for label in labels))


def test_known_answer_leaks_are_current(findings):
    """Every entry of KNOWN still leaks somewhere; delete the ones that were fixed."""
    leaking = {x.split(":")[0] for chapter in findings.values() for found in chapter.values() for x in found}
    assert not set(KNOWN) - leaking, f"fixed, remove from KNOWN: {sorted(set(KNOWN) - leaking)}"
