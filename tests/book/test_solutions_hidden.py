"""Solutions stay behind a click (`make book` and `make student` first).

Each exercise's solution is a gated ``{solution-start}`` ... ``{solution-end}`` dropdown, so
that its prose, its code and the code's output all sit inside the one closed dropdown. On the
built instructor pages every solution's prose, every solution cell and every output of a
solution cell must be inside a closed solution dropdown (a ``<details class="solution">``
without ``open``, or the ``div.solution.dropdown`` that sphinx-togglebutton folds), and no
solution text may show outside one; on the student site none of it may be there at all.
Chromium then checks what a reader sees: nothing of a solution before its title is clicked,
its code and output after.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"
STUDENT_HTML = ROOT / "_build" / "student" / "html"
CHAPTERS = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
pytestmark = pytest.mark.book

GATED = re.compile(r"(`{3,})\{solution-start\} (ex-\d\d-\d+)\n(?::[^\n]*\n)*\1[ \t]*\n(.*?)"
                   r"(?=^`{3,}\{solution-end\}|\Z)", flags=re.S | re.M)
BLOCKS = {"p", "div", "section", "details", "summary", "pre", "li", "ul", "ol", "table", "tr",
          "td", "th", "caption", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dl",
          "dt", "dd", "figure", "figcaption", "aside"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


# --- the sources ---------------------------------------------------------------------
def _words(text: str) -> str:
    """The words of ``text``, lower case, without numbers, punctuation or markup."""
    return " ".join(re.findall(r"[a-z]+", text.lower()))


def _plain(sentence: str) -> str:
    """The longest run of a sentence's plain words between its math, roles and code."""
    runs = re.split(r"\$\$.*?\$\$|\$[^$]*\$|\{[^}]*\}`[^`]*`|`[^`]*`|[()\[\]]", sentence,
                    flags=re.S)
    return max((_words(r) for r in runs), key=lambda w: len(w.split()), default="")


def solutions(path: Path) -> dict[str, dict]:
    """``{label: {"prose": [plain sentences], "code": [code lines]}}`` of a chapter's solutions
    (the words of each; a sentence or line the chapter also has outside its solutions, such as
    the ``check(...)`` call an exercise quotes, is left out)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    markdown = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"
                     and "solution" not in c["metadata"].get("tags", []))
    rest = _words(GATED.sub(" ", markdown) + "\n" + code)
    out, current = {}, None
    for cell in nb["cells"]:
        src = "".join(cell["source"])
        tags = cell["metadata"].get("tags", [])
        if cell["cell_type"] == "markdown":
            for m in GATED.finditer(src):
                sentences = [_plain(x) for x in re.split(r"(?<=[.!?])\s+|\n\s*[-*] ", m.group(3))]
                out[m.group(2)] = {"prose": [x for x in sentences if len(x.split()) >= 6
                                             and x not in rest], "code": []}
            # Code cells after this one belong to the solution this cell leaves open, if any.
            gates = re.findall(r"^`{3,}\{solution-(start\} ex-\d\d-\d+|end\})", src, flags=re.M)
            if gates:
                current = gates[-1].split()[-1] if gates[-1].startswith("start") else None
        elif current and "solution" in tags and "remove-cell" not in tags:
            out[current]["code"] += [_words(line) for line in src.splitlines()
                                     if len(_words(line).split()) >= 4
                                     and _words(line) not in rest]
    return out


def test_every_exercise_has_a_gated_solution_with_prose():
    found = {p.stem: solutions(p) for p in CHAPTERS}
    assert sum(len(v) for v in found.values()) >= 50
    for stem, sols in found.items():
        labels = re.findall(r":label: (ex-\d\d-\d+)", (ROOT / "chapters" / f"{stem}.md").read_text())
        assert list(sols) == labels, f"{stem}: each exercise needs a {{solution-start}} solution"
        assert all(s["prose"] for s in sols.values()), f"{stem}: a solution without prose"
    assert sum(bool(s["code"]) for v in found.values() for s in v.values()) >= 35


# --- the built page as a tree ------------------------------------------------------------
class Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.children, self.parent = tag, attrs, [], parent

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        """The text, as a reader sees it: inline elements run on, blocks are separated."""
        parts = [c if isinstance(c, str)
                 else f" {c.text()} " if c.tag in BLOCKS else c.text() for c in self.children]
        return " ".join("".join(parts).split())

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.node = Node("#root", {}, None)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.node)
        self.node.children.append(node)
        if tag not in VOID:
            self.node = node

    def handle_endtag(self, tag):
        node = self.node
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.node = node.parent

    def handle_data(self, data):
        self.node.children.append(data)


def parse(path: Path) -> Node:
    tree = Tree()
    tree.feed(path.read_text(encoding="utf-8"))
    return tree.root


def is_solution_box(node: Node) -> bool:
    return "solution" in node.classes and node.tag in ("div", "details", "aside", "section")


def closed(box: Node) -> bool:
    """A ``<details>`` without ``open``, or a dropdown sphinx-togglebutton folds on load."""
    if box.tag == "details":
        return "open" not in box.attrs
    return "dropdown" in box.classes and "toggle-shown" not in box.classes


def page_parts(path: Path):
    """(solution boxes by label order, text outside every box)."""
    root = parse(path)
    boxes = [n for n in root.walk() if is_solution_box(n)
             and not any(is_solution_box(a) for a in n.ancestors())]

    def outside(node) -> str:
        parts = []
        for c in node.children:
            if isinstance(c, str):
                parts.append(c)
            elif not is_solution_box(c) and c.tag not in ("script", "style"):
                parts.append(f" {outside(c)} " if c.tag in BLOCKS else outside(c))
        return "".join(parts)

    return root, boxes, " ".join(outside(root).split())


def _built(stem: str, site: Path) -> Path:
    path = site / "chapters" / f"{stem}.html"
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make book` (and `make student`) first")
    return path


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_solution_prose_code_and_output_are_inside_closed_dropdowns(path):
    sols = solutions(path)
    root, boxes, outside = page_parts(_built(path.stem, HTML))
    assert len(boxes) == len(sols), f"{len(boxes)} solution dropdowns for {len(sols)} solutions"
    for box in boxes:
        assert closed(box), f"a solution is open on load: {box.attrs}"
    # Every solution cell, with its outputs, is inside a solution dropdown.
    cells = [n for n in root.walk() if "tag_solution" in n.classes]
    assert len(cells) == sum(bool(s["code"]) for s in sols.values())
    for cell in cells:
        assert any(is_solution_box(a) for a in cell.ancestors()), \
            f"a solution cell outside its dropdown: {cell.text()[:80]!r}"
    outputs = [n for c in cells for n in c.walk() if "cell_output" in n.classes]
    assert len(outputs) >= sum(bool(s["code"]) for s in sols.values()) - 2, \
        "solution cells lost their output"
    # The prose, code and output text of each solution is in its own box and nowhere else.
    out_text = _words(outside)
    for (label, sol), box in zip(sols.items(), boxes, strict=True):
        inside = _words(box.text())
        for sentence in sol["prose"]:
            assert _words(sentence) in inside, f"{label}: prose not in its dropdown: {sentence!r}"
            assert _words(sentence) not in out_text, f"{label}: prose shown outside: {sentence!r}"
        for line in sol["code"]:
            assert _words(line) in inside, f"{label}: code not in its dropdown: {line!r}"
        for out in (n for n in box.walk() if "cell_output" in n.classes):
            for line in out.text().split(" ✔ ") + [out.text()]:
                if len(line.split()) >= 4:
                    assert _words(line) not in out_text, f"{label}: output shown outside: {line!r}"
    # No solution output anywhere else on the page: "✔ ex-NN-k" lines only inside the boxes.
    assert not re.search(r"[✔✘] ex-\d\d-\d+", outside), "a check() result shown outside a solution"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_student_site_has_no_solution_prose_code_or_output(path):
    sols = solutions(path)
    _, boxes, _ = page_parts(_built(path.stem, HTML))
    root, student_boxes, text = page_parts(_built(path.stem, STUDENT_HTML))
    assert not student_boxes, "a solution dropdown in the student site"
    assert not [n for n in root.walk() if "tag_solution" in n.classes]
    assert not re.search(r"[✔✘] ex-\d\d-\d+", text), "a check() result in the student site"
    student = _words(text)
    for label, sol in sols.items():
        for piece in sol["prose"] + sol["code"]:
            assert _words(piece) not in student, f"{label}: solution text in the student site"
    for box in boxes:
        for out in (n for n in box.walk() if "cell_output" in n.classes):
            lines = [x for x in re.split(r"\s*[✔✘]\s*", out.text()) if len(x.split()) >= 4]
            for line in lines:
                assert _words(line) not in student, f"solution output in the student site: {line!r}"


# --- what a reader sees in Chromium ------------------------------------------------------------
@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser-deps` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox", "--disable-gpu",
                                           "--host-resolver-rules=MAP * ~NOTFOUND"])
        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
        ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
            ("file:", "data:", "blob:", "about:")) else route.abort())
        yield ctx
        browser.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_a_reader_sees_a_solution_only_after_opening_it(chromium, path):
    page = chromium.new_page()
    try:
        page.goto(_built(path.stem, HTML).as_uri(), wait_until="load")
        boxes = page.locator(".solution.dropdown, details.solution")
        n = boxes.count()
        assert n == len(solutions(path))
        with_code = 0
        for i in range(n):
            box = boxes.nth(i)
            body = box.locator("p:not(.admonition-title), .cell, .cell_output")
            assert body.count(), "a solution dropdown with nothing in it"
            assert not any(body.nth(j).is_visible() for j in range(body.count())), \
                f"solution {i + 1} shows its content before a click"
            box.locator("summary, .admonition-title").first.click()
            page.wait_for_timeout(50)
            assert body.first.is_visible(), f"solution {i + 1} does not open on a click"
            for part in (".cell_input", ".cell_output"):
                found = box.locator(part)
                if found.count():
                    assert found.first.is_visible(), f"solution {i + 1}: {part} hidden once open"
                    with_code += part == ".cell_input"
        assert with_code == sum(bool(s["code"]) for s in solutions(path).values())
    finally:
        page.close()
