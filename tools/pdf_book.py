"""Print edition: the whole book as one PDF, printed by headless Chromium.

    make pdf           -> _build/pdf/book.pdf          (instructor: with solutions)
    make student-pdf   -> _build/pdf/book-student.pdf  (no solutions, no instructor guide)

How: the chapters already executed by `make book` (``_build/jupyter_execute``, so nothing
runs twice; interactive figures carry their pre-rendered frames) are copied with the rest
of the book into ``_build/pdf/<edition>/src`` (the student copy stripped by the student
edition's own ``strip_solutions``), built with Sphinx's ``singlehtml`` builder into one
page, and printed with Debian's Chromium through Playwright, the same browser the tests
use: no download at build time, no LaTeX. Before printing, a title page, a contents list
with page numbers and the part headings are put in front; chapters start on a new page;
solutions (instructor edition) are opened; a static slider prints its default frame and
its caption names the values shown (see ``@media print`` in ``_assets/migcoop.css``).
The contents needs page numbers, so the book is printed twice: the first print is read
with ``pdftotext`` to find the page each chapter starts on.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import book_tree  # noqa: E402  (the one copy of the book tree)
import student_edition  # noqa: E402  (the one definition of what a solution is)

OUT = ROOT / "_build" / "pdf"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync",
                 "--host-resolver-rules=MAP * ~NOTFOUND"]
PRINT_WIDTH = 672  # px: A4 (210 mm) less 2 x 16 mm margins, at 96 px per inch
EDITIONS = {"instructor": "book.pdf", "student": "book-student.pdf"}
FOOTER = ('<div style="width:100%;font-size:8.5px;color:#444;padding:0 14mm;'
          'font-family:DejaVu Sans,Liberation Sans,sans-serif;display:flex;justify-content:space-between">'
          '<span>{title}</span><span><span class="pageNumber"></span> / '
          '<span class="totalPages"></span></span></div>')


def toc_entries(toc_path: Path) -> list[dict]:
    """Parts and files of ``_toc.yml`` in order: [{'caption', 'files': [...]}]."""
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    return [{"caption": part.get("caption", ""),
             "numbered": bool(part.get("numbered")),
             "files": [c["file"] for c in part.get("chapters", [])]}
            for part in toc.get("parts", [])]


def assemble(edition: str) -> Path:
    """Copy the book, with executed chapters, into ``_build/pdf/<edition>/src``."""
    student = edition == "student"
    strip = (lambda nb: student_edition.strip_solutions(nb, clean=False)) if student else None
    return book_tree.copy_book(OUT / edition / "src", student=student, strip=strip)


def build_single_page(src: Path, edition: str) -> Path:
    site = OUT / edition / "site"
    if site.exists():
        shutil.rmtree(site)
    cmd = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(src),
           "--builder", "singlehtml", "-W", "-n", "--keep-going", "--path-output", str(site)]
    log = subprocess.run(cmd, capture_output=True, text=True)
    (OUT / edition / "build.log").write_text(log.stdout + log.stderr, encoding="utf-8")
    if log.returncode != 0:
        print(log.stdout[-4000:], log.stderr[-4000:], sep="\n")
        raise SystemExit(f"single-page build failed (see {OUT / edition / 'build.log'})")
    page = site / "_build" / "singlehtml" / "index.html"
    if not page.exists():
        raise SystemExit(f"{page} was not written")
    return page


# --- printing -------------------------------------------------------------------------------
PREPARE = r"""(args) => {
    const {title, subtitle, edition, date, parts, instructor} = args;
    document.documentElement.classList.add('migcoop-pdf');
    const pageStyle = document.createElement('style');
    pageStyle.textContent = '@page { size: A4; margin: 16mm 16mm 17mm 16mm; }';
    document.head.append(pageStyle);
    document.documentElement.dataset.theme = 'light';
    const text = el => el ? el.textContent.replace(/#$/, '').replace(/\s+/g, ' ').trim() : '';

    // Every document of the book: its marker, its section, its title heading.
    const docs = [];
    const root = document.querySelector('article.bd-article section');
    docs.push({name: 'intro', section: root, heading: root.querySelector('h1')});
    for (const mark of document.querySelectorAll('span[id^="document-"]')) {
        const section = mark.nextElementSibling;
        if (!section) continue;
        docs.push({name: mark.id.slice('document-'.length), section,
                   heading: section.querySelector('h1, h2')});
    }
    // The front page's own title repeats the book's title: call it the introduction.
    const intro = docs[0];
    intro.heading.innerHTML = 'Introduction';
    // The theme prints the page title again on top of the first page: drop it.
    document.querySelectorAll('#jb-print-docs-body, .bd-header-article, .prev-next-area, footer')
        .forEach(e => e.remove());

    for (const doc of docs) {
        doc.section.classList.add('pdf-doc');
        doc.heading.classList.add('pdf-doc-title');
        doc.heading.id = doc.heading.id || ('pdf-' + doc.name.replace(/\W/g, '-'));
    }
    // Part headings above the first chapter of each part.
    for (const part of parts) {
        const first = docs.find(d => d.name === part.files[0]);
        if (!first || !part.caption) continue;
        const p = document.createElement('p');
        p.className = 'pdf-part-title';
        p.textContent = part.caption;
        first.heading.before(p);
        first.part = part.caption;
    }
    // Title page and contents.
    const front = document.createElement('section');
    front.className = 'pdf-front';
    front.innerHTML = `
        <div class="pdf-title-page">
          <h1 class="pdf-book-title"></h1>
          <p class="pdf-subtitle"></p>
          <p class="pdf-author"></p>
          <p class="pdf-source"></p>
          <p class="pdf-edition"></p>
          <p class="pdf-date"></p>
        </div>
        <nav class="pdf-contents" aria-label="Contents"><h1>Contents</h1><ol></ol></nav>`;
    front.querySelector('.pdf-book-title').textContent = title;
    front.querySelector('.pdf-subtitle').textContent = subtitle;
    front.querySelector('.pdf-author').textContent = args.author;
    front.querySelector('.pdf-source').textContent = args.source;
    front.querySelector('.pdf-edition').textContent = edition;
    front.querySelector('.pdf-date').textContent = date;
    const list = front.querySelector('.pdf-contents ol');
    const entries = [];
    docs.forEach((doc, i) => {
        if (doc.part) {
            const li = document.createElement('li');
            li.className = 'pdf-contents-part';
            li.textContent = doc.part;
            list.append(li);
        }
        const li = document.createElement('li');
        li.className = 'pdf-contents-entry';
        const a = document.createElement('a');
        a.href = '#' + doc.heading.id;
        a.textContent = text(doc.heading);
        const page = document.createElement('span');
        page.className = 'pdf-page';
        page.dataset.doc = String(i);
        page.textContent = '000';
        const fill = document.createElement('span');
        fill.className = 'pdf-fill';
        li.append(a, fill, page);
        list.append(li);
        entries.push(text(doc.heading));
    });
    document.querySelector('article.bd-article').prepend(front);

    // Solutions: open in the instructor's edition (the student's has none).
    if (instructor) {
        document.querySelectorAll('.toggle-hidden').forEach(e => e.classList.remove('toggle-hidden'));
        document.querySelectorAll('.cell.tag_solution details').forEach(d => { d.open = true; });
    }
    return entries;
}"""

# Elements wider than the page (a long unbreakable formula, a wide table): Chromium would
# shrink every page of the PDF to fit the widest one. Outermost offenders only.
OVERFLOW = r"""() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll('article *')) {
        // a formula counts as one box (its hidden MathML copy not at all)
        if (el.closest('mjx-assistive-mml') || (el.parentElement && el.parentElement.closest('mjx-container'))) continue;
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > width + 1 && !out.some(o => o.el.contains(el))) {
            out.push({el, text: el.tagName.toLowerCase() + ': ' +
                      el.textContent.replace(/\s+/g, ' ').trim().slice(0, 80)});
        }
    }
    return out.map(o => o.text);
}"""

SET_PAGES = r"""(pages) => {
    document.querySelectorAll('.pdf-contents .pdf-page').forEach(span => {
        span.textContent = String(pages[Number(span.dataset.doc)]);
    });
}"""


def pdf_pages_text(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def find_start_pages(pdf: Path, titles: list[str]) -> list[int]:
    """The page (1-based) each document starts on: its title among a page's first lines."""
    pages = pdf_pages_text(pdf)
    norm = lambda s: re.sub(r"\s+", " ", s).strip()  # noqa: E731
    # Page 1 is the title page; the contents follow and name every title, so the search
    # starts after the first page that names the last one.
    last = norm(titles[-1])
    start = next((n for n in range(2, len(pages) + 1) if last in norm(pages[n - 1])), 1)
    found = []
    for title in titles:
        for number in range(start + 1, len(pages) + 1):
            head = norm(" ".join([ln for ln in pages[number - 1].splitlines() if ln.strip()][:6]))
            if norm(title) in head:
                found.append(number)
                start = number
                break
        else:
            raise SystemExit(f"could not find where {title!r} starts in {pdf}")
    return found


def print_pdf(page_html: Path, pdf: Path, edition: str, title: str) -> dict:
    from playwright.sync_api import sync_playwright

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    parts = toc_entries(ROOT / "_toc.yml")
    label = "Instructor's edition, with solutions" if edition == "instructor" else "Student edition"
    args = {"title": config.get("title", title),
            "subtitle": "The economics of international cooperation on migration",
            "author": config.get("author", ""),
            "source": "After Alan O. Sykes, International Cooperation on Migration: Theory and "
                      "Practice, University of Chicago Law Review 80 (2013)",
            "edition": label, "date": time.strftime("%B %Y"), "parts": parts,
            "instructor": edition == "instructor"}
    footer = FOOTER.format(title=f"{args['title']} \u2014 {label.split(',')[0].lower()}")
    options = {"format": "A4", "print_background": True, "prefer_css_page_size": True,
               "display_header_footer": True, "header_template": "<span></span>",
               "footer_template": footer, "outline": True, "tagged": True}
    foreign = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # The width of an A4 page's text block at 96 px/inch: media queries and the
        # overflow check below see the page as the print will.
        ctx = browser.new_context(viewport={"width": PRINT_WIDTH, "height": 1000})

        def guard(route):
            if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
                route.continue_()
            else:
                foreign.append(route.request.url)
                route.abort()

        ctx.route("**/*", guard)
        page = ctx.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_html.as_uri(), wait_until="load")
        page.evaluate("""async () => {
            if (window.MathJax && MathJax.startup) { await MathJax.startup.promise; }
            await document.fonts.ready;
        }""")
        titles = page.evaluate(PREPARE, args)
        page.emulate_media(media="print")
        overflow = page.evaluate(OVERFLOW)
        for item in overflow:
            print(f"warning: wider than the printed page (Chromium shrinks every page): {item}")
        first = pdf.with_suffix(".pass1.pdf")
        page.pdf(path=str(first), **options)
        starts = find_start_pages(first, titles)
        page.evaluate(SET_PAGES, starts)
        final = pdf.with_suffix(".pass2.pdf")
        page.pdf(path=str(final), **options)
        final.replace(pdf)  # atomic: `make -j2 pdf student-pdf` may copy one while the other prints
        first.unlink()
        browser.close()
    if foreign or errors:
        raise SystemExit(f"printing asked other hosts {foreign[:5]} or raised {errors[:5]}")
    check = find_start_pages(pdf, titles)
    if check != starts:
        raise SystemExit(f"page numbers moved between passes: {starts} -> {check}")
    return {"titles": titles, "starts": starts, "overflow": overflow}


def make(edition: str) -> Path:
    t0 = time.perf_counter()
    OUT.mkdir(parents=True, exist_ok=True)
    src = assemble(edition)
    page = build_single_page(src, edition)
    single = page.parent / "intro.html" if (page.parent / "intro.html").exists() else page
    pdf = OUT / EDITIONS[edition]
    info = print_pdf(single, pdf, edition, "Crossing Borders Together")
    (OUT / f"{pdf.stem}.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    pages = len(pdf_pages_text(pdf))
    print(f"{pdf.relative_to(ROOT)}: {pages} pages, {pdf.stat().st_size / 1e6:.2f} MB, "
          f"{time.perf_counter() - t0:.0f} s")
    return pdf


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("editions", nargs="*", choices=sorted(EDITIONS), default=["instructor"])
    for edition in parser.parse_args(argv).editions:
        make(edition)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
