"""The student edition (`make student`, run by `make test` after the book): every exercise
is there, no solution text or solution code is, in any page or notebook."""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STUDENT = ROOT / "_build" / "student"
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
pytestmark = pytest.mark.book


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def solution_material(path):
    """(exercise labels, solution prose snippets, solution code lines) of an instructor notebook."""
    labels, prose, code, elsewhere = [], [], [], []
    for cell in cells(path):
        src = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            labels += re.findall(r":label: (ex-\d\d-\d+)", src)
            for body in re.findall(r"(`{3,})\{solution\}[^\n]*\n(.*?)\n\1", src, flags=re.S):
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


@pytest.fixture(scope="module", autouse=True)
def built():
    if not (STUDENT / "html" / "index.html").exists():
        pytest.fail("the student edition is not built: run `make student`")


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


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_student_notebook_has_exercises_but_no_solutions(path):
    labels, prose, code = solution_material(path)
    student = STUDENT / "notebooks" / path.name
    nb = json.loads(student.read_text(encoding="utf-8"))
    source = "\n".join("".join(c["source"]) for c in nb["cells"])
    for label in labels:
        assert f":label: {label}" in source
    assert "{solution}" not in source
    assert not any("solution" in c["metadata"].get("tags", []) for c in nb["cells"])
    assert not [c for c in code if c in source]
    assert all(not c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code")


def test_student_edition_leaves_out_the_instructor_guide():
    assert not (STUDENT / "html" / "appendices" / "instructor_guide.html").exists()
