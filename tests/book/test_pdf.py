"""The print edition (`make pdf`, `make student-pdf`; `make pdf-tests` runs this).

Reads the two PDFs with poppler-utils (pdftotext, pdfinfo, pdfimages) and checks what a
reader holding the printout would check: a title page and a contents list whose page
numbers are right, every chapter of the table of contents in order, formulas typeset
(no raw LaTeX), every interactive figure printed with a caption naming the values shown,
page numbers in every footer, no blank page, no figure cut across two pages, solutions
in the instructor's PDF only, and links to both PDFs on the book's front page. With pypdf
(link annotations, named destinations, bookmarks) and pdftotext's word boxes: every internal
link lands where its target is (a citation on its bibliography entry, an equation reference on
the equation, ...), no link points at the build machine, the bookmarks nest part -> chapter ->
section with each title once, and the student edition's front matter offers nothing it lacks.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import nbformat
import pypdf
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PDF_DIR = ROOT / "_build" / "pdf"
HTML = ROOT / "_build" / "html"
INSTRUCTOR = PDF_DIR / "book.pdf"
STUDENT = PDF_DIR / "book-student.pdf"
PDFS = {"instructor": INSTRUCTOR, "student": STUDENT}
pytestmark = pytest.mark.browser  # printed by headless Chromium

RAW_TEX = re.compile(r"\\frac|\\begin\{|\\end\{|\\left|\\right|\\mathrm|\\\(|\\\)|\\\[|\\\]|\$\$|\$[A-Za-z\\{^_]")


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


@cache
def pages_of(pdf: Path) -> tuple[str, ...]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return tuple(pages)


def full_text(pdf: Path) -> str:
    return norm(" ".join(pages_of(pdf)))


@cache
def images_of(pdf: Path) -> tuple[tuple[int, str, int, int], ...]:
    """(page, object id, width, height) of every image drawn in the PDF."""
    out = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                         check=True).stdout.splitlines()[2:]
    rows = []
    for line in out:
        cols = line.split()
        if len(cols) >= 12 and cols[2] in ("image", "smask", "mask", "stencil"):
            if cols[2] != "image":
                continue
            rows.append((int(cols[0]), f"{cols[10]} {cols[11]}", int(cols[3]), int(cols[4])))
    return tuple(rows)


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1))


def toc_files() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [c["file"] for part in toc["parts"] for c in part.get("chapters", [])]


def html_title(name: str) -> str:
    """A document's title as the HTML book shows it (with its chapter number)."""
    text = (HTML / f"{name}.html").read_text(encoding="utf-8")
    h1 = re.search(r"<h1>((?:(?!</h1>).)*?)<a class=\"headerlink\"", text, flags=re.S).group(1)
    return norm(re.sub(r"<[^>]+>", "", h1))


def head(page: str, lines: int = 6) -> str:
    return norm(" ".join([ln for ln in page.splitlines() if ln.strip()][:lines]))


def start_page(pdf: Path, title: str, after: int) -> int:
    pages = pages_of(pdf)
    for number in range(after + 1, len(pages) + 1):
        if norm(title) in head(pages[number - 1]):
            return number
    raise AssertionError(f"{title!r} does not start any page after page {after} of {pdf.name}")


@pytest.fixture(scope="module", autouse=True)
def built():
    for pdf in PDFS.values():
        if not pdf.exists():
            pytest.fail(f"{pdf} is missing: run `make pdf student-pdf` (or `make book`)")
    if not (HTML / "intro.html").exists():
        pytest.fail("the HTML book is not built: run `make book`")


@pytest.fixture(scope="module", params=sorted(PDFS), ids=str)
def edition(request):
    return request.param


def documents(edition: str) -> list[str]:
    files = toc_files()
    if edition == "student":
        files = [f for f in files if f != "appendices/instructor_guide"]
    return ["intro", *files]


# --- both editions ----------------------------------------------------------------------
def test_page_count_is_plausible(edition):
    pdf = PDFS[edition]
    n = page_count(pdf)
    chapters = [f for f in toc_files() if f.startswith("chapters/")]
    assert n == len(pages_of(pdf))
    assert 3 * len(chapters) + 4 <= n <= 40 * len(chapters) + 60, f"{pdf.name}: {n} pages"


def test_title_page_and_contents(edition):
    pdf = PDFS[edition]
    pages = pages_of(pdf)
    title = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["title"]
    first = norm(pages[0])
    assert title in first
    assert ("Instructor's edition" if edition == "instructor" else "Student edition") in first
    assert head(pages[1], 1) == "Contents"


def test_every_chapter_in_order_with_right_page_numbers(edition):
    pdf = PDFS[edition]
    pages = pages_of(pdf)
    contents = norm(" ".join(pages[1:4]))
    after = 2
    for name in documents(edition):
        title = "Introduction" if name == "intro" else html_title(name)
        number = start_page(pdf, title, after)
        listed = re.search(re.escape(title) + r" (\d+)", contents)
        assert listed, f"{title!r} is not in the contents"
        assert int(listed.group(1)) == number, \
            f"contents says {title!r} is on page {listed.group(1)}, it starts on {number}"
        after = number
    if edition == "student":
        assert "Instructor" not in contents


def test_chapters_are_numbered(edition):
    titles = [html_title(f) for f in toc_files() if f.startswith("chapters/")]
    numbers = [int(re.match(r"(\d+)\. ", t).group(1)) for t in titles]
    assert numbers == list(range(1, len(numbers) + 1)), titles
    text = full_text(PDFS[edition])
    for t in titles:
        assert t in text


def test_math_is_typeset_no_raw_latex(edition):
    hits = []
    for number, page in enumerate(pages_of(PDFS[edition]), start=1):
        for m in RAW_TEX.finditer(page):
            hits.append(f"page {number}: ...{norm(page[max(0, m.start() - 40):m.end() + 40])}...")
    assert not hits, "\n".join(hits[:10])


def test_every_page_has_a_page_number_in_its_footer(edition):
    pages = pages_of(PDFS[edition])
    total = len(pages)
    missing = [n for n, page in enumerate(pages, start=1)
               if f"{n} / {total}" not in norm(" ".join(page.strip().splitlines()[-3:]))]
    assert not missing, f"pages without 'n / {total}' in the footer: {missing[:10]}"


def test_no_blank_pages(edition):
    pdf = PDFS[edition]
    with_images = {page for page, *_ in images_of(pdf)}
    blank = []
    for number, page in enumerate(pages_of(pdf), start=1):
        body = [ln for ln in page.splitlines() if ln.strip()][:-1]  # the last line is the footer
        if not "".join(body).strip() and number not in with_images:
            blank.append(number)
    assert not blank, f"blank pages: {blank}"


def test_no_figure_is_cut_across_pages(edition):
    seen = {}
    for page, obj, _w, _h in images_of(PDFS[edition]):
        seen.setdefault(obj, set()).add(page)
    split = {obj: sorted(p) for obj, p in seen.items() if len(p) > 1}
    assert not split, f"images drawn on more than one page (cut by a page break): {split}"


def test_every_interactive_figure_is_printed_with_its_values(edition):
    figures = [f for p in (HTML / "chapters").glob("*.html")
               for f in re.findall(r'<figure class="migcoop-explorer".*?</figure>', p.read_text(encoding="utf-8"),
                                   flags=re.S)]
    explorers = len(figures)
    assert explorers, "no interactive figure in the HTML book?"
    text = full_text(PDFS[edition])
    assert text.count("Printed at ") == explorers, \
        f"{text.count('Printed at ')} printed figures name their values; the book has {explorers}"
    # Frames drawn as pictures print as images (vector frames, inline SVG, print as drawings).
    raster = sum("<img" in f and "<svg" not in f for f in figures)
    pictures = [r for r in images_of(PDFS[edition]) if r[2] >= 400]
    assert len(pictures) >= raster


def test_static_figures_are_pictures_not_text(edition):
    assert "<Figure size" not in full_text(PDFS[edition])


# --- solutions ---------------------------------------------------------------------------
def solution_sentences() -> list[str]:
    """Plain sentences (8+ words, no math or markup) from the chapters' solution blocks."""
    found = []
    for name in toc_files():
        if not name.startswith("chapters/"):
            continue
        nb = nbformat.read(ROOT / f"{name}.ipynb", as_version=4)
        for cell in nb.cells:
            if cell.cell_type != "markdown":
                continue
            for _fence, body in re.findall(r"(`{3,})\{solution\}[^\n]*\n(.*?)\n\1", cell.source, flags=re.S) + re.findall(
                    r"(`{3,})\{solution-start\}[^\n]*\n(?::[^\n]*\n)*\1[ \t]*\n(.*?)(?=^`{3,}\{solution-end\}|\Z)",
                    cell.source, flags=re.S | re.M):
                body = re.sub(r"^:\w+:.*$", "", body, flags=re.M)
                # A list item is its own block: the PDF prints a bullet, not the "- " marker.
                blocks = re.split(r"\n\s*(?:[-+*]|\d+\.)\s+|\n\s*\n", "\n" + body)
                for sentence in (x for block in blocks for x in re.split(r"(?<=[.!?])\s+", block)):
                    sentence = norm(sentence)
                    if len(sentence.split()) >= 8 and not re.search(r"[$`{}\[\]*_<>|\\]", sentence):
                        found.append(sentence)
    return found


def test_instructor_pdf_has_the_solutions():
    sentences = solution_sentences()
    assert sentences, "no plain solution sentence found to look for"
    # pdftotext breaks lines inside tokens ("7(3)" / "(b)") and interposes page footers, so
    # compare without white space and allow the few sentences a page break cuts in two.
    text = re.sub(r"\s+", "", full_text(INSTRUCTOR))
    missing = [s for s in sentences if re.sub(r"\s+", "", s) not in text]
    assert len(missing) <= len(sentences) // 50, (
        f"{len(missing)} of {len(sentences)} solution sentences missing from the instructor's "
        f"PDF: {missing[:3]}")


def test_student_pdf_has_no_solutions():
    sentences = solution_sentences()
    text = full_text(STUDENT)
    leaked = [s for s in sentences if s in text]
    assert not leaked, f"solution text in the student PDF: {leaked[:3]}"
    assert not re.search(r"\bSolution\b", text), "a 'Solution' heading in the student PDF"
    exercises = re.findall(r"Exercise \d+\.\d+", full_text(INSTRUCTOR))
    assert exercises and set(exercises) <= set(re.findall(r"Exercise \d+\.\d+", text)), \
        "the student PDF must keep every exercise"


# --- the front page links them ----------------------------------------------------------------
def test_front_page_links_both_pdfs():
    page = (HTML / "intro.html").read_text(encoding="utf-8")
    for pdf in PDFS.values():
        href = f"pdf/{pdf.name}"
        assert f'href="{href}"' in page, f"the front page does not link {href}"
        copy = HTML / href
        assert copy.exists() and copy.read_bytes() == pdf.read_bytes(), f"{copy} is missing or stale"


def test_student_site_links_only_the_student_pdf():
    site = ROOT / "_build" / "student" / "html"
    if not site.exists():
        pytest.skip("no student edition built (make student)")
    page = (site / "intro.html").read_text(encoding="utf-8")
    assert 'href="pdf/book-student.pdf"' in page and 'href="pdf/book.pdf"' not in page
    assert (site / "pdf" / "book-student.pdf").exists()
    assert not (site / "pdf" / "book.pdf").exists()


def test_nothing_is_wider_than_the_page(edition):
    """Chromium shrinks *every* page to fit the widest element: none may be wider."""
    info = json.loads((PDF_DIR / f"{PDFS[edition].stem}.json").read_text(encoding="utf-8"))
    assert info["starts"] == sorted(info["starts"])
    assert not info["overflow"], f"wider than the printed page: {info['overflow'][:5]}"


# --- links land, bookmarks nest ----------------------------------------------------------------
# Read with pypdf (the link annotations, named destinations and outline) and pdftotext -bbox
# (where each word is), so a link's text and what its destination shows can be compared.
@dataclass(frozen=True)
class Word:
    x0: float
    y0: float  # from the top of the page, in points, as pdftotext gives it
    x1: float
    y1: float
    text: str


@dataclass(frozen=True)
class Link:
    page: int    # 1-based
    text: str    # the words under the link's rectangle
    before: str  # the words before it on the same line
    dest: str | None   # named destination (internal link)
    uri: str | None    # external link


@cache
def words_of(pdf: Path) -> tuple[tuple[Word, ...], ...]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
    return tuple(tuple(Word(float(a), float(b), float(c), float(d), html.unescape(w))
                       for a, b, c, d, w in word.findall(page))
                 for page in re.findall(r"<page [^>]*>(.*?)</page>", out, flags=re.S))


@cache
def reader_of(pdf: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(pdf)


@cache
def destinations(pdf: Path) -> dict[str, tuple[int, float]]:
    """Named destination -> (1-based page, distance of its top from the top of the page)."""
    reader = reader_of(pdf)
    found = {}
    for name, dest in reader.named_destinations.items():
        number = reader.get_destination_page_number(dest)
        height = float(reader.pages[number].mediabox.height)
        top = float(dest.top) if dest.top is not None else height
        found[str(name).lstrip("/")] = (number + 1, height - top)
    return found


@cache
def links_of(pdf: Path) -> tuple[Link, ...]:
    reader, words = reader_of(pdf), words_of(pdf)
    links = []
    for number, page in enumerate(reader.pages, start=1):
        height = float(page.mediabox.height)
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            dest, uri, action = annot.get("/Dest"), None, annot.get("/A")
            if action is not None:
                action = action.get_object()
                if action.get("/S") == "/URI":
                    uri = str(action["/URI"])
                elif action.get("/S") == "/GoTo":
                    dest = action["/D"]
            if dest is not None and not isinstance(dest, str):
                dest = f"<explicit {dest}>"  # Chromium writes named ones; anything else is news
            x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
            top, bottom = height - y1, height - y0
            inside = [w for w in words[number - 1]
                      if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1 and top - 1 <= (w.y0 + w.y1) / 2 <= bottom + 1]
            line = [w for w in words[number - 1]
                    if abs((w.y0 + w.y1) / 2 - (top + bottom) / 2) < 3 and w.x1 <= x0 + 1]
            links.append(Link(number, " ".join(w.text for w in inside),
                              " ".join(w.text for w in line[-6:]),
                              str(dest).lstrip("/") if dest is not None else None, uri))
    return tuple(links)


FOOTER_PT = 45  # the footer sits in the bottom margin (17 mm)
BIB_LABEL = re.compile(r"\[\d{1,3}\]")


def target_text(pdf: Path, dest: str, span: float = 90) -> tuple[str, str]:
    """(the words from a destination down ``span`` points, running on to the next page's top
    when the page ends first; the whole page the destination is on)."""
    number, y = destinations(pdf)[dest]
    pages = words_of(pdf)
    height = float(reader_of(pdf).pages[number - 1].mediabox.height)
    body = [w for w in pages[number - 1] if w.y0 < height - FOOTER_PT]
    window = [w.text for w in body if y - 3 <= w.y0 <= y + span]
    if y + span > height - FOOTER_PT and number < len(pages):
        window += [w.text for w in pages[number] if w.y0 <= span]
    return " ".join(window), " ".join(w.text for w in body)


def bib_entry(window: str) -> str:
    """A bibliography entry from its label to the next entry's label ('' if not one)."""
    labels = list(BIB_LABEL.finditer(window))
    if not labels or labels[0].start() != 0:
        return ""
    return window[:labels[1].start()] if len(labels) > 1 else window


YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)[a-z]?(?!\d)")
NOT_A_NAME = {"and", "et", "al", "al.", "in", "see", "by", "of", "the", "e.g.", "also"}


def citation_parts(link: Link) -> tuple[str, list[str]] | None:
    """(year, candidate author names) of an author-year citation link, or None."""
    text = link.text.strip()
    years = YEAR.findall(text)
    if not years or not re.search(r"(1[5-9]\d\d|20\d\d)[a-z]?[\]\)]?[.,;:’'s]*$", text):
        return None
    names = [w.strip("[](),;:.’'") for w in YEAR.split(text)[0].split()]
    names = [n for n in names if n and n[0].isupper() and n.lower() not in NOT_A_NAME]
    if not names:  # "Bryan [2017]": only the year is the link, the author precedes it
        before = [w.strip("[](),;:.’'") for w in link.before.split()]
        names = [n for n in before if n and n[0].isupper() and n.lower() not in NOT_A_NAME][-1:]
    return years[-1], names


def landing_problem(pdf: Path, link: Link) -> str | None:
    """Why an internal link does not land on its target (None when it does)."""
    if link.dest not in destinations(pdf):
        return "no such destination"
    window, page = target_text(pdf, link.dest)
    text = re.sub(r"[\s\u00ad]+", " ", link.text).strip()
    cited = citation_parts(link)
    if cited:
        year, names = cited
        entry = bib_entry(window)
        if not entry:
            return "not a bibliography entry"
        if year not in entry:
            return f"the entry is not from {year}"
        if names and not any(n.lower() in entry.lower() for n in names):  # titles are lower-cased
            return f"the entry is not by {names}"
        return None
    if m := re.fullmatch(r"\(?(\d+\.\d+)\)?[.,;:]?", text):  # an equation number
        return None if f"({m.group(1)})" in window else f"({m.group(1)}) is not there"
    if m := re.fullmatch(r"(Exercise|Fig\.|Figure|Table|Listing)\s+(\d+(?:\.\d+)*)[.,;:)]?", text):
        label = f"{m.group(1)} {m.group(2)}"
        return None if label in norm(page) else f"{label!r} is not on the page"
    if m := re.fullmatch(r"\(?[Cc]hapters?\s+(\d+)(?:[’']s)?[.,;:)]*", text):
        return None if re.search(rf"(^|\s){m.group(1)}\. \w", window) else "the chapter does not start there"
    # "chapter 5" broken over two lines is two rectangles: "chapter" and "5" (numbered by the dest).
    chapter = re.fullmatch(r"document-chapters/(\d\d)_\w+", link.dest)
    if chapter and re.fullmatch(r"\(?([Cc]hapters?|\d+(?:[’']s)?)[.,;:)]*", text):
        n = int(chapter.group(1))
        return None if re.search(rf"(^|\s){n}\. \w", window) else "the chapter does not start there"
    # Anything else (a section, a glossary term, an API name, a contents entry) names what it
    # points at: most of its words are there, give or take an ending ("quotas" -> "quota",
    # "outsource" -> "outsourcing"). A link broken over two lines is two rectangles.
    words = [w for w in re.findall(r"\w+", norm(text).lower()) if len(w) >= 4]
    there = norm(window).lower()
    found = sum(w in there or w[:max(4, len(w) - 3)] in there for w in words)
    return None if found * 2 >= len(words) else "its words are not there"


def test_every_internal_link_lands_on_its_target(edition):
    pdf = PDFS[edition]
    internal = [link for link in links_of(pdf) if link.dest is not None]
    citations = [link for link in internal if citation_parts(link)]
    assert len(internal) >= 300 and len(citations) >= 100, \
        f"{pdf.name}: only {len(internal)} internal links, {len(citations)} citations"
    wrong = [f"page {link.page} {link.text!r} -> {link.dest} (page {destinations(pdf).get(link.dest, ('?',))[0]}): "
             f"{problem}" for link in internal if (problem := landing_problem(pdf, link))]
    assert not wrong, f"{len(wrong)} of {len(internal)} internal links of {pdf.name} miss:\n" + "\n".join(wrong[:25])


def test_every_citation_lands_on_its_bibliography_entry(edition):
    pdf = PDFS[edition]
    citations = [link for link in links_of(pdf) if link.dest is not None and citation_parts(link)]
    wrong = [link for link in citations if landing_problem(pdf, link)]
    assert not wrong, f"{len(wrong)} of {len(citations)} citation links of {pdf.name} miss their entry"


BUILD_PATH = re.compile(r"^file:|/work/|/tmp/|//(localhost|127\.|\[::1\]|0\.0\.0\.0)", flags=re.I)


def test_no_link_points_at_the_build_machine(edition):
    pdf = PDFS[edition]
    external = [link for link in links_of(pdf) if link.uri is not None]
    assert external, f"{pdf.name} has no external link at all?"
    bad = [f"page {link.page}: {link.uri}" for link in external
           if BUILD_PATH.search(link.uri) or not re.match(r"(https?://[^/\s]+\.[^/\s]+|mailto:)", link.uri)]
    assert not bad, "links to the build machine or no web address:\n" + "\n".join(bad[:10])
    assert not [link for link in links_of(pdf) if link.dest is None and link.uri is None]


def outline_of(pdf: Path) -> list[tuple[int, str, int]]:
    """(level from 1, title, 1-based page) of every bookmark, in order."""
    reader = reader_of(pdf)
    found = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, norm(item.title), reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 1)
    return found


def test_bookmarks_once_each_nested_part_chapter_section(edition):
    pdf = PDFS[edition]
    outline = outline_of(pdf)
    assert outline, f"{pdf.name} has no bookmarks"
    titles = [t for _, t, _ in outline]
    doubled = [t for t in titles if re.fullmatch(r"(.+?)\s*\1", t)]
    assert not doubled, f"bookmark titles written twice: {doubled[:5]}"
    repeated = sorted({t for t in titles if titles.count(t) > 1})
    assert not repeated, f"bookmarks repeated: {repeated[:5]}"
    # Every bookmark lands on the page where its heading is.
    pages = pages_of(pdf)
    squeeze = lambda s: re.sub(r"\s", "", norm(s)).casefold()  # noqa: E731  (part titles print in capitals)
    astray = [(t, p) for _, t, p in outline if squeeze(t) not in squeeze(pages[p - 1])]
    assert not astray, f"bookmarks whose page does not show their title: {astray[:5]}"
    # Level 1: the contents, the introduction, then the parts; each chapter once, under its part.
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    top = [t for level, t, _ in outline if level == 1]
    captions = [part["caption"] for part in toc["parts"]]
    assert top == ["Contents", "Introduction", *captions], top
    skip = {"appendices/instructor_guide"} if edition == "student" else set()
    for part in toc["parts"]:
        start = titles.index(part["caption"])
        end = next((i for i in range(start + 1, len(outline)) if outline[i][0] == 1), len(outline))
        chapters = [t for level, t, _ in outline[start + 1:end] if level == 2]
        expected = [html_title(c["file"]) for c in part["chapters"] if c["file"] not in skip]
        assert chapters == expected, f"under {part['caption']!r}: {chapters} (expected {expected})"
    # Sections under their chapter: a numbered chapter's sections carry its number.
    for i, (level, title, _) in enumerate(outline):
        if level != 2 or not (m := re.match(r"(\d+)\. ", title)):
            continue
        end = next((j for j in range(i + 1, len(outline)) if outline[j][0] <= 2), len(outline))
        sections = outline[i + 1:end]
        assert sections and any(lv == 3 for lv, _, _ in sections), f"{title!r} has no sections"
        stray = [t for _, t, _ in sections if not t.startswith(f"{m.group(1)}.")]
        assert not stray, f"under {title!r}: {stray[:3]}"


# --- the student edition says what it contains ------------------------------------------------
NEGATION = re.compile(r"\b(without|not|no|none|neither|nor|leaves? out)\b", flags=re.I)
PROMISE = re.compile(r"solution|instructor'?s? guide|guide for instructors|instructor's edition", flags=re.I)


def promises(text: str) -> list[str]:
    """Sentences that offer solutions or the instructor's guide (not saying they are absent)."""
    sentences = re.split(r"(?<=[.;:!?])\s+", norm(text))
    return [s for s in sentences if PROMISE.search(s) and not NEGATION.search(s)]


def test_student_front_matter_describes_the_student_edition():
    pages = pages_of(STUDENT)
    first_chapter = start_page(STUDENT, html_title(toc_files()[0]), 2)
    front = norm(" ".join(pages[:first_chapter - 1]))
    assert "Student edition" in front
    found = promises(front)
    assert not found, f"the student PDF's front matter offers what it lacks: {found[:3]}"
    assert promises(norm(" ".join(pages_of(INSTRUCTOR)[:4]))), \
        "the instructor's front matter no longer mentions its solutions (is this check still reading it?)"


def test_student_site_front_page_describes_the_student_edition():
    page = ROOT / "_build" / "student" / "html" / "intro.html"
    if not page.exists():
        pytest.skip("no student edition built (make student)")
    body = re.search(r'<article class="bd-article".*?</article>', page.read_text(encoding="utf-8"), flags=re.S)
    assert body, f"no article in {page}"
    text = html.unescape(re.sub(r"<[^>]+>", " ", body.group(0)))
    found = promises(text)
    assert not found, f"the student site's front page offers what it lacks: {found[:3]}"
