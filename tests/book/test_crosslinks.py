"""Every mention of another chapter in the book's prose is a link.

A reader who meets "chapter 5's one-way deal" or "the computational exercises of chapters 5 and
6" should be one click from that chapter. These tests read the MyST sources (the chapters, the
introduction, the glossary and the instructor's guide) and fail on any mention of a book chapter
by number ("chapter 5", "Chapter 5's", "chapters 2, 3 and 4", "ch. 2", "chs. 3, 5") or by
position ("the previous chapter", one chapter; "the earlier chapters" names none in particular)
that is not inside a ``{doc}``, ``{ref}`` or ``{numref}`` role, and on any link whose text names
one chapter while its target is another.

Not prose, and so not scanned: the notebook header, code cells and other literal code blocks,
inline code, math, citations, and headings (a heading's own number is not a mention). Only the
book's chapter numbers count, so a treaty's "NAFTA's chapter 16" is left alone, as is a chapter
of another work named right after its citation or owner ("{cite:t}`x`, chapter 3",
"USMCA's chapter 2").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHAPTER_FILES = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.md"))
BOOK_CHAPTERS = {int(p.name[:2]): p.stem for p in CHAPTER_FILES}
PROSE_FILES = [*CHAPTER_FILES, ROOT / "intro.md", ROOT / "appendices" / "glossary.md",
               ROOT / "appendices" / "instructor_guide.md"]

_NUM = r"\d+"
_SEP = r"(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*[–-]\s*|\s+to\s+)"
_WORD = r"(?:[Cc]hapters?|[Cc]hs?\.)"
_LINK_ROLE = re.compile(r"\{(doc|ref|numref)\}`([^`]*)`")
_LINK_TEXT = re.compile(r"^\s*(?:[Cc]hapters?|[Cc]hs?\.)\s+(\d+)\b")
_LINKED_CHAPTER = "\u27e6CH\u27e7"   # a link whose text starts with "chapter(s) N"
_LINKED = "\u27e6L\u27e7"           # any other link (a bare number in a list, a title)


def _blank(text: str, start: int, end: int, fill: str = " ") -> str:
    """Replace text[start:end] with `fill` characters, keeping newlines (and so line numbers)."""
    chunk = "".join(c if c == "\n" else fill for c in text[start:end])
    return text[:start] + chunk + text[end:]


def prose(source: str) -> str:
    """The source with everything that is not prose blanked out, line numbers unchanged."""
    text = source
    front = re.match(r"---\n.*?\n---\n", text, flags=re.S)
    if front:
        text = _blank(text, 0, front.end())
    # code cells and literal code blocks (a fence whose info string is not a {directive}, or
    # a {code-cell}); the prose inside directive fences such as {exercise} is kept
    lines = text.split("\n")
    stack = []   # open fences: (marker, is_code, first line)
    for i, line in enumerate(lines):
        fence = re.match(r"^(`{3,}|~{3,})(.*)$", line)
        if not fence:
            continue
        marker, info = fence.group(1), fence.group(2).strip()
        top = stack[-1] if stack else None
        if top and not info and marker[0] == top[0][0] and len(marker) >= len(top[0]):
            stack.pop()
            if top[1]:
                for k in range(top[2], i + 1):
                    lines[k] = " " * len(lines[k])
        elif not (top and top[1]):
            stack.append((marker, info.startswith("{code-cell}") or not info.startswith("{"), i))
    text = "\n".join(lines)
    for m in re.finditer(r"\$\$.*?\$\$", text, flags=re.S):
        text = _blank(text, m.start(), m.end())
    for m in re.finditer(r"^#{1,6} .*$", text, flags=re.M):          # headings
        text = _blank(text, m.start(), m.end())
    for m in re.finditer(r"(\{[\w:-]+\})?`[^`\n]*`", text):
        if m.group(1) is None:                                        # inline code
            text = _blank(text, m.start(), m.end())
        elif m.group(1).startswith("{cite"):                          # a citation: a mark, kept
            text = _blank(text, m.start(), m.end(), "\u00a7")
    for m in re.finditer(r"(?<![\\$])\$(?!\$)(?:\\\$|[^$])+?(?<!\\)\$", text):   # inline math
        if "\n\n" not in m.group(0):
            text = _blank(text, m.start(), m.end())
    return text


def mentions(source: str) -> list[tuple[int, str]]:
    """Unlinked or mislinked mentions of book chapters in a MyST source: (line, problem)."""
    text = prose(source)
    problems = []

    def line_of(pos: int) -> int:
        return text.count("\n", 0, pos) + 1

    def linked(m: re.Match) -> str:
        body = m.group(2)
        target = re.search(r"<([^>]+)>\s*$", body)
        said = _LINK_TEXT.match(body[:target.start()] if target else body)
        if m.group(1) == "doc" and target:
            name = Path(target.group(1)).name
            number = int(name[:2]) if name[:2].isdigit() else None
            if said and number is not None and int(said.group(1)) != number:
                problems.append((line_of(m.start()), f"link text says chapter {said.group(1)} "
                                                     f"but points to {target.group(1)}"))
        token = _LINKED_CHAPTER if said else _LINKED
        return token + " " * (len(m.group(0)) - len(token))

    text = _LINK_ROLE.sub(linked, text)
    owner = r"(?:\u00a7+(?:'s)?,?|\b[A-Z]{2,}'s)\s+"   # a citation or an acronym owns the chapter
    for m in re.finditer(rf"(?<!\w){_WORD}\s+({_NUM})\b((?:{_SEP}{_NUM}\b)*)", text):
        numbers = [int(m.group(1)), *map(int, re.findall(_NUM, m.group(2) or ""))]
        if re.search(owner + r"$", text[max(0, m.start() - 12):m.start()]):
            continue
        if any(n in BOOK_CHAPTERS for n in numbers):
            problems.append((line_of(m.start()), f"unlinked {' '.join(m.group(0).split())!r}"))
    tail = rf"{_LINKED_CHAPTER}\s*(?:{_SEP}{_LINKED}\s*)*{_SEP}({_NUM})\b"
    for m in re.finditer(tail, text):
        if int(m.group(1)) in BOOK_CHAPTERS:
            problems.append((line_of(m.start()), f"unlinked chapter {m.group(1)} in a list of "
                                                 "linked chapters"))
    for m in re.finditer(r"\b(?:previous|next|preceding|following|last|earlier|later) chapter\b",
                         text, flags=re.I):
        problems.append((line_of(m.start()), f"unlinked {m.group(0)!r}"))
    return sorted(problems)


# --- the scanner itself ------------------------------------------------------------

@pytest.mark.parametrize("source, found", [
    ("As chapter 5 showed, deals need transfers.", 1),
    ("Chapter 5's model and chapters 2, 3 and 4.", 2),
    ("As {doc}`chapter 5 <05_one_way_problem>` showed.", 0),
    ("{doc}`Chapter 5 <05_one_way_problem>`'s one-way deal.", 0),
    ("Of {doc}`chapters 5 <05_one_way_problem>` and {doc}`6 <06_migration_diversion>`.", 0),
    ("Of {doc}`chapters 5 <05_one_way_problem>` and 6.", 1),
    ("As {doc}`chapter 5 <06_migration_diversion>` showed.", 1),
    ("Builds on ch. 2 and chs. 3, 5.", 2),
    ("NAFTA's chapter 16 and the USMCA's chapter 2.", 0),
    ("See {cite:t}`borjas2014`, chapter 4, for the estimates.", 0),
    ("As the previous chapter showed.", 1),
    ("The earlier chapters found reasons.", 0),
    ("A\nchapter\n7 split over lines.", 1),
    ("```{code-cell}\nprint('chapter 5')\n```\nand `chapter 6` in code, $x_{chapter 7}$.", 0),
    ("## 5. A heading, chapter 3 of it\nprose", 0),
    ("```{exercise} Title\n:label: ex-06-1\n\nUse chapter 5's model.\n```", 1),
])
def test_the_scanner_finds_what_it_should(source, found):
    assert len(mentions(source)) == found, mentions(source)


def test_the_scanner_reports_the_line():
    assert mentions("one\ntwo\nthree, as chapter 8 says\n") == [(3, "unlinked 'chapter 8'")]


# --- the book ------------------------------------------------------------------------

@pytest.mark.parametrize("path", PROSE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_cross_chapter_mention_is_linked(path):
    problems = mentions(path.read_text(encoding="utf-8"))
    assert not problems, "\n".join(f"{path.relative_to(ROOT)}:{line}: {what}"
                                   for line, what in problems)


@pytest.mark.parametrize("path", PROSE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_chapter_links_point_to_chapters_that_exist(path):
    base = path.parent
    missing = []
    for m in re.finditer(r"\{doc\}`(?:[^`<]*<)?([^`>]+)>?`", path.read_text(encoding="utf-8")):
        target = m.group(1).strip()
        resolved = (ROOT / target.lstrip("/")) if target.startswith("/") else (base / target)
        if not resolved.with_suffix(".md").exists() and not resolved.with_suffix(".ipynb").exists():
            missing.append(target)
    assert not missing, f"{path.relative_to(ROOT)}: no such document: {missing}"


@pytest.mark.parametrize("path", CHAPTER_FILES, ids=lambda p: p.name)
def test_links_in_learning_goals_work_from_any_page(path):
    """The instructor's guide (in appendices/) copies each chapter's learning goals into its own
    page, where a target relative to chapters/ does not resolve: links there must be absolute."""
    text = path.read_text(encoding="utf-8")
    goals = re.search(r"```\{admonition\} Learning goals\n(.*?)\n```", text, flags=re.S)
    assert goals, f"{path.name}: no learning goals"
    relative = [m.group(0) for m in re.finditer(r"\{doc\}`(?:[^`<]*<)?([^`>]+)>?`", goals.group(1))
                if not m.group(1).strip().startswith("/")]
    assert not relative, f"{path.name}: make these links absolute (/chapters/...): {relative}"
