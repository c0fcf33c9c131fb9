"""The chapters as stored: clean, complete anatomy, exercise standard, glossary, citations.

These tests read the notebooks as files; executing them is nbval's job
(`make notebooks`), and building them the book tests' job.
"""

import json
import re
from pathlib import Path

import pytest

from migcoop.checks import ANSWERS

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
KINDS = ("Conceptual", "Computational", "Exploration")


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def markdown(nb):
    return "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def number(path):
    return path.name[:2]


def book_pages():
    """The book's Markdown pages outside chapters/ (README, CONTRIBUTING... are not pages)."""
    return [ROOT / f"{f}.md" for f in toc_files() + ["intro"]
            if not f.startswith("chapters/") and (ROOT / f"{f}.md").exists()]


def toc_files():
    return re.findall(r"file:\s*(\S+)", (ROOT / "_toc.yml").read_text(encoding="utf-8"))


def test_there_are_chapters():
    assert CHAPTERS


def test_toc_lists_exactly_the_chapters():
    listed = {f for f in toc_files() if f.startswith("chapters/")}
    stored = {f"chapters/{p.stem}" for p in CHAPTERS}
    assert listed == stored


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_stored_clean(path):
    nb = load(path)
    assert "widgets" not in nb.get("metadata", {}), "widget state stored"
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert not cell.get("outputs"), f"{path.name}: a cell is stored with outputs"
            assert cell.get("execution_count") is None


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_anatomy(path):
    nb = load(path)
    first = nb["cells"][0]
    assert first["cell_type"] == "code" and "remove-cell" in first["metadata"].get("tags", [])
    assert "except ImportError" in "".join(first["source"]), "first cell installs migcoop if missing"
    text = markdown(nb)
    assert "Learning goals" in text
    for heading in ("## The argument", "## The model", "## Explore", "## What the model teaches",
                    "## In practice", "## Exercises", "## Sources"):
        assert heading in text, f"{path.name}: missing section {heading!r}"
    sources = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    assert any("explore(" in s for s in sources), "at least one interactive figure"
    hidden_asserts = [c for c in nb["cells"] if c["cell_type"] == "code"
                      and "remove-cell" in c["metadata"].get("tags", []) and "assert" in "".join(c["source"])]
    assert len(hidden_asserts) >= 3, "claims must be asserted in hidden cells"
    words = len(re.sub(r"```.*?```|\$\$.*?\$\$", " ", text, flags=re.S).split())
    assert words >= 2000, f"{path.name}: only {words} words of prose"
    assert "sys.path" not in "\n".join(sources)


def exercises(nb):
    text = markdown(nb)
    found = re.findall(r"```\{exercise\}[^\n]*\n:label: (ex-\d\d-\d+)\n(.*?)```", text, flags=re.S)
    solutions = re.findall(r"```\{solution(?:-start)?\} (ex-\d\d-\d+)", text)
    # The gated form, {solution-start} ... {solution-end}, puts the code and its output in the dropdown.
    gates = re.findall(r"^```\{solution-(start|end)\}", text, flags=re.M)
    assert gates == ["start", "end"] * (len(gates) // 2), "every {solution-start} is closed by {solution-end}"
    return found, solutions


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_exercise_standard(path):
    nb = load(path)
    found, solutions = exercises(nb)
    labels = [label for label, _ in found]
    assert len(labels) >= 4, f"{path.name}: needs at least four exercises"
    assert len(set(labels)) == len(labels)
    assert all(label.startswith(f"ex-{number(path)}-") for label in labels)
    assert solutions == labels, "each exercise is followed by its solution, in order"
    kinds = {}
    for label, body in found:
        m = re.search(r"\*(Conceptual|Computational|Exploration) · about (\d+) minutes\.\*", body)
        assert m, f"{label}: state the kind and an estimated time, e.g. '*Computational · about 15 minutes.*'"
        kinds[label] = m.group(1)
        if m.group(1) == "Computational":
            assert label in ANSWERS, f"{label}: computational exercises need a migcoop.checks entry"
            assert f'check("{label}"' in body, f"{label}: tell the student how to check the answer"
    counts = {k: list(kinds.values()).count(k) for k in KINDS}
    assert counts["Conceptual"] >= 1 and counts["Computational"] >= 2 and counts["Exploration"] >= 1
    # Solution code is tagged so the student edition can strip it.
    for cell in nb["cells"]:
        src = "".join(cell["source"])
        if cell["cell_type"] == "code" and re.search(r'check\("ex-', src):
            assert "solution" in cell["metadata"].get("tags", []), "solution code must be tagged"


def test_every_check_entry_belongs_to_an_exercise():
    labels = set()
    for path in CHAPTERS:
        labels.update(label for label, _ in exercises(load(path))[0])
    orphans = set(ANSWERS) - labels
    assert not orphans, f"checks with no exercise: {sorted(orphans)}"


def glossary_terms():
    text = (ROOT / "appendices" / "glossary.md").read_text(encoding="utf-8")
    terms = []
    for block in re.findall(r"```\{glossary\}\n(.*?)```", text, flags=re.S):
        terms += [line.strip() for line in block.splitlines() if line and not line[0].isspace()
                  and not line.startswith(":")]
    return terms


def term_links():
    links = set()
    pages = [markdown(load(p)) for p in CHAPTERS]
    pages += [p.read_text(encoding="utf-8") for p in book_pages()]
    pages += [p.read_text(encoding="utf-8") for p in (ROOT / "appendices").glob("*.md")]
    for text in pages:
        for raw in re.findall(r"\{term\}`([^`]+)`", text):
            m = re.search(r"<([^>]+)>", raw)
            links.add((m.group(1) if m else raw).strip().lower())
    return links


def test_glossary_terms_are_unique():
    terms = [t.lower() for t in glossary_terms()]
    assert len(terms) == len(set(terms)), "duplicate glossary entries"


def test_every_term_link_has_an_entry():
    entries = {t.lower() for t in glossary_terms()}
    missing = term_links() - entries
    assert not missing, f"{{term}} links without a glossary entry: {sorted(missing)}"


def test_every_glossary_entry_is_linked():
    unused = {t.lower() for t in glossary_terms()} - term_links()
    assert not unused, f"glossary entries nothing links to: {sorted(unused)}"


def test_every_citation_is_in_the_bibliography():
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    keys = set(re.findall(r"@\w+\{([^,]+),", bib))
    assert len(keys) == len(re.findall(r"@\w+\{", bib)), "duplicate or malformed bib keys"
    cited = set()
    texts = [markdown(load(p)) for p in CHAPTERS] + [p.read_text() for p in book_pages()]
    for text in texts:
        for group in re.findall(r"\{cite(?::\w+)?\}`([^`]+)`", text):
            cited.update(k.strip() for k in group.split(","))
    assert cited <= keys, f"cited but not in references.bib: {sorted(cited - keys)}"


def test_bib_entries_are_complete():
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    for kind, key, body in re.findall(r"@(\w+)\{([^,]+),(.*?)\n\}", bib, flags=re.S):
        fields = set(re.findall(r"^\s*(\w+)\s*=", body, flags=re.M))
        need = {"author", "title", "year"} if kind != "misc" else {"title", "year"}
        need |= {"article": {"journal"}, "book": {"publisher"}, "incollection": {"booktitle"}}.get(kind, set())
        assert need <= fields, f"{key}: missing {sorted(need - fields)}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_student_notebook_runs_without_solution_cells(path):
    """Cells students keep must not use names that only solution cells define."""
    import ast

    from_solutions, from_rest, offenders = set(), set(), []
    for cell in load(path)["cells"]:
        if cell["cell_type"] != "code":
            continue
        try:
            tree = ast.parse("".join(cell["source"]))
        except SyntaxError:  # IPython magics (the install cell)
            continue
        stored = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        stored |= {a.asname or a.name.split(".")[0] for n in ast.walk(tree)
                   if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
        loaded = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        if "solution" in cell["metadata"].get("tags", []):
            from_solutions |= stored
        else:
            bad = (loaded - stored) & (from_solutions - from_rest)
            if bad:
                offenders.append(f"{sorted(bad)} in: {''.join(cell['source'])[:60]!r}")
            from_rest |= stored
    assert not offenders, "tag these cells 'solution' too:\n" + "\n".join(offenders)
