"""Chapter sources: MyST Markdown notebooks paired with clean, in-sync .ipynb files.

Authors edit ``chapters/NN_name.md``; ``make sync`` (jupytext ``--sync``) writes the paired
``.ipynb`` that Binder, Colab, nbval and the download button use. These tests catch a pair
that drifted, and enforce over the sources what the old generator scripts guaranteed:
figures carry a caption, a name and alt text; solution code carries its tag; every cell that
asserts a claim is hidden from readers.
"""

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "chapters").glob("*.md"))
NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb"))
FORMATS = "ipynb,md:myst"


def cells(path):
    return jupytext.read(path).cells


def tags(cell):
    return cell.metadata.get("tags", [])


def test_every_source_has_its_notebook_and_back():
    assert SOURCES, "no chapter sources"
    assert [p.stem for p in SOURCES] == [p.stem for p in NOTEBOOKS]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_source_is_a_paired_myst_notebook(path):
    head = path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    assert f"formats: {FORMATS}" in head, f"{path.name}: jupytext header must pair {FORMATS}"
    assert "format_name: myst" in head and "kernelspec:" in head
    nb = json.loads(path.with_suffix(".ipynb").read_text(encoding="utf-8"))
    assert nb["metadata"].get("jupytext", {}).get("formats") == FORMATS


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_pair_in_sync(path):
    """The .ipynb holds exactly the cells of the .md (run `make sync` to repair)."""
    text = jupytext.read(path)
    stored = json.loads(path.with_suffix(".ipynb").read_text(encoding="utf-8"))
    want = [(c.cell_type, c.source, dict(c.metadata)) for c in text.cells]
    have = [(c["cell_type"], "".join(c["source"]), c["metadata"]) for c in stored["cells"]]
    for i, (w, h) in enumerate(zip(want, have, strict=False)):
        assert w == h, f"{path.name}: cell {i} differs from its .ipynb; run `make sync`"
    assert len(want) == len(have), f"{path.name}: cell counts differ; run `make sync`"
    ids = [c["id"] for c in stored["cells"]]
    assert len(set(ids)) == len(ids), f"{path.stem}.ipynb: duplicate cell ids"


def test_inserting_a_cell_keeps_every_other_cell_id(tmp_path):
    """`make sync` after inserting one cell changes the notebook only at that cell."""
    src = SOURCES[0]
    for p in (src, src.with_suffix(".ipynb")):
        shutil.copy(p, tmp_path / p.name)
    md, nb = tmp_path / src.name, tmp_path / src.with_suffix(".ipynb").name
    before = json.loads(nb.read_text(encoding="utf-8"))["cells"]
    text = md.read_text(encoding="utf-8")
    anchor = "\n## The model\n"
    assert anchor in text
    md.write_text(text.replace(anchor, "\n+++\n\nA new paragraph in its own cell.\n\n+++\n" + anchor, 1),
                  encoding="utf-8")
    jupytext_cli = Path(sys.executable).parent / "jupytext"
    subprocess.run([str(jupytext_cli), "--quiet", "--sync", str(md)], check=True)
    after = json.loads(nb.read_text(encoding="utf-8"))["cells"]
    assert len(after) == len(before) + 1
    kept = [c for c in after if "".join(c["source"]) != "A new paragraph in its own cell."]
    assert [c["id"] for c in kept] == [c["id"] for c in before]


def _visible(cell):
    return not ({"remove-cell", "solution"} & set(tags(cell)))


def _draws_a_figure(cell):
    """A visible code cell that builds a matplotlib figure and shows it (not an explorer)."""
    return "new_figure(" in cell.source or re.search(r"^fig\s*$", cell.source, flags=re.M)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_figures_have_caption_name_and_alt_text(path):
    number = path.name[:2]
    for cell in cells(path):
        if cell.cell_type != "code" or not _visible(cell):
            continue
        meta = cell.metadata.get("mystnb", {})
        if _draws_a_figure(cell):
            assert "figure" in meta, f"{path.name}: a figure cell has no caption: {cell.source[:60]!r}"
        if "figure" in meta:
            fig = meta["figure"]
            assert len(fig.get("caption", "")) > 40, f"{path.name}: figure without a real caption"
            assert re.fullmatch(rf"fig-{number}-[a-z0-9-]+", fig.get("name", "")), fig.get("name")
            alt = meta.get("image", {}).get("alt", "")
            assert len(alt) > 60, f"{path.name}: figure {fig.get('name')} has no real alt text"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_claims_are_hidden_and_solutions_tagged(path):
    in_solution = gated = False
    for cell in cells(path):
        if cell.cell_type == "markdown":
            # Code inside a gated solution ({solution-start} ... {solution-end}), or right after
            # a solution block, belongs to that solution.
            gates = re.findall(r"^```\{solution-(start|end)\}", cell.source, flags=re.M)
            gated = gates[-1] == "start" if gates else gated
            in_solution = gated or bool(re.search(r"```\{solution\}[^`]*```\s*$", cell.source, flags=re.S))
            continue
        t = set(tags(cell))
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:  # IPython magics (the install cell)
            tree = None
        asserts = tree is not None and any(isinstance(n, ast.Assert) for n in ast.walk(tree))
        if asserts:
            assert "remove-cell" in t, f"{path.name}: a claim cell is visible: {cell.source[:60]!r}"
        if re.search(r'check\("ex-', cell.source):
            assert "solution" in t, f"{path.name}: solution code must be tagged: {cell.source[:60]!r}"
        if in_solution:
            assert "solution" in t, f"{path.name}: code after a solution block must be tagged 'solution'"
        if "solution" in t and "remove-cell" not in t:
            assert gated, f"{path.name}: solution code shown outside its {{solution-start}} dropdown"
        if "solution" not in t:
            in_solution = False
