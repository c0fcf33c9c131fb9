"""The print edition (`make pdf`, `make student-pdf`; `make pdf-tests` runs this).

Reads the two PDFs with poppler-utils (pdftotext, pdfinfo, pdfimages) and checks what a
reader holding the printout would check: a title page and a contents list whose page
numbers are right, every chapter of the table of contents in order, formulas typeset
(no raw LaTeX), every interactive figure printed with a caption naming the values shown,
page numbers in every footer, no blank page, no figure cut across two pages, solutions
in the instructor's PDF only, and links to both PDFs on the book's front page.
"""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from functools import cache
from pathlib import Path

import nbformat
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
    explorers = sum(len(re.findall(r'<figure class="migcoop-explorer"', p.read_text(encoding="utf-8")))
                    for p in (HTML / "chapters").glob("*.html"))
    assert explorers, "no interactive figure in the HTML book?"
    text = full_text(PDFS[edition])
    assert text.count("Printed at ") == explorers, \
        f"{text.count('Printed at ')} printed figures name their values; the book has {explorers}"
    pictures = [r for r in images_of(PDFS[edition]) if r[2] >= 400]
    assert len(pictures) >= explorers


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
            for _fence, body in re.findall(r"(`{3,})\{solution\}[^\n]*\n(.*?)\n\1", cell.source, flags=re.S):
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
