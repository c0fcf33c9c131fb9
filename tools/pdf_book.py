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

So that links land: this module is also a Sphinx extension of the single-page build
(:func:`unique_anchors`), which gives the anchors the documents share ("exercises", "id35")
their own names, so a citation reaches its bibliography entry and not some chapter's text;
a link to a local file (the front page's links to the PDFs) keeps its text and loses its
link; and after printing, :func:`finish_pdf` moves Chromium's named destinations onto their
targets and writes the bookmarks (part -> chapter -> section) with pypdf. The student
edition's front page describes that edition (``student_edition.student_front_page``).
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
MARGIN_TOP_MM = 16
MARGINS = f"{MARGIN_TOP_MM}mm 16mm 17mm 16mm"  # top right bottom left
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
    """Copy the book, with executed chapters, into ``_build/pdf/<edition>/src``.

    The copy's configuration also loads this module as a Sphinx extension (:func:`setup`),
    which gives every anchor of the single page its own name."""
    student = edition == "student"
    strip = (lambda nb: student_edition.strip_solutions(nb, clean=False)) if student else None
    src = book_tree.copy_book(OUT / edition / "src", student=student, strip=strip)
    if student:
        intro = src / "intro.md"
        intro.write_text(student_edition.student_front_page(intro.read_text(encoding="utf-8")),
                         encoding="utf-8")
    config = src / "_config.yml"
    text, n = re.subn(r"^(\s*)local_extensions:[ \t]*\n",
                      lambda m: f"{m.group(0)}{m.group(1)}  pdf_book: {ROOT / 'tools'}\n",
                      config.read_text(encoding="utf-8"), count=1, flags=re.M)
    if n != 1:
        raise SystemExit(f"no sphinx.local_extensions in {config}: cannot load the PDF's anchor fix")
    config.write_text(text, encoding="utf-8")
    return src


# --- one name per anchor (a Sphinx extension of the single-page build) -------------------------
# Each document of the book numbers its own anchors: every chapter has an "exercises" section,
# an "id35" (a citation in one chapter, a bibliography entry in the appendix) and so on. On one
# page those names repeat, and a link to "#id35" lands on whichever comes first, so most
# citation links of the printed book jumped to some chapter's text instead of the bibliography.
# After Sphinx resolves the references of the assembled page, and before it drops the document
# names from them ("#document-appendices/bibliography#id35" -> "#id35"), each repeated anchor
# outside the front page gets its document's name in front, and every reference follows.
def _elements_by_document(tree, root_doc: str):
    """(element, document name) for every element of the assembled single-page tree."""
    from docutils import nodes
    from sphinx import addnodes

    stack = [(tree, root_doc)]
    while stack:
        node, doc = stack.pop()
        if isinstance(node, addnodes.start_of_file):
            doc = node["docname"]
        yield node, doc
        stack.extend((child, doc) for child in reversed(node.children)
                     if isinstance(child, nodes.Element))


def unique_anchors(app, doctree, docname: str) -> dict[tuple[str, str], str]:
    """Rename the anchors the documents of the single page share; return {(doc, old): new}."""
    from collections import defaultdict

    from docutils import nodes
    from sphinx import addnodes

    root = app.config.root_doc
    if app.builder.name != "singlehtml" or docname != root \
            or next(iter(doctree.findall(addnodes.start_of_file)), None) is None:
        return {}
    elements = list(_elements_by_document(doctree, root))
    owners = defaultdict(set)
    for node, doc in elements:
        for anchor in node.get("ids", []):
            owners[anchor].add(doc)
    renamed = {}
    for node, doc in elements:
        if doc == root or not node.get("ids"):
            continue
        ids = []
        for anchor in node["ids"]:
            if len(owners[anchor]) > 1:
                new = renamed.setdefault((doc, anchor), re.sub(r"[^\w-]", "-", doc) + "--" + anchor)
                if new in owners:
                    raise RuntimeError(f"anchor {new!r} already exists")
                anchor = new
            ids.append(anchor)
        node["ids"] = ids
    # The front page's first section: where a reference to the front page itself lands.
    first = next(iter(doctree.findall(nodes.section)), None)
    for node, doc in elements:
        if node.get("refid") and (doc, node["refid"]) in renamed:
            node["refid"] = renamed[doc, node["refid"]]  # a reference inside its own document
        if node.get("backrefs"):
            node["backrefs"] = [renamed.get((doc, b), b) for b in node["backrefs"]]
        target = re.fullmatch(r"#document-([^#]+)(?:#(.+))?", node.get("refuri") or "")
        if isinstance(node, nodes.reference) and target:
            other, anchor = target.groups()
            if anchor and (other, anchor) in renamed:
                node["refuri"] = f"#document-{other}#{renamed[other, anchor]}"
            elif other == root and not anchor and first is not None and first["ids"]:
                node["refuri"] = "#" + first["ids"][0]  # the front page has no document marker
    # Section and figure numbers are looked up by document and anchor: follow the new names.
    for (doc, old), new in renamed.items():
        numbers = app.env.toc_secnumbers.get(doc, {})
        if "#" + old in numbers:
            numbers["#" + new] = numbers["#" + old]
        for by_id in app.env.toc_fignumbers.get(doc, {}).values():
            if old in by_id:
                by_id[new] = by_id[old]
    return renamed


def setup(app):
    """Sphinx extension, loaded only by the print edition's single-page build."""
    app.connect("doctree-resolved", unique_anchors)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


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
    # Math typeset and icons drawn into the page, as in the HTML book (no MathJax to wait for).
    subprocess.run(["node", str(ROOT / "tools" / "finish_pages.mjs"), str(page.parent)], check=True)
    return page


# --- printing -------------------------------------------------------------------------------
PREPARE = r"""(args) => {
    const {title, subtitle, edition, date, parts, instructor} = args;
    document.documentElement.classList.add('migcoop-pdf');
    const pageStyle = document.createElement('style');
    // A heading of two lines must not break across pages (it kept its bookmark on one page
    // and half its title on the other).
    pageStyle.textContent = `@page { size: A4; margin: ${args.margins}; }
        @media print { h1, h2, h3, h4, h5, h6, .pdf-part-title { break-inside: avoid; } }`;
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

    // A link to a whole document points at its marker, which Sphinx puts just before the
    // document's section, so at the foot of the page before the document starts: move it in.
    for (const mark of document.querySelectorAll('span[id^="document-"]')) {
        const doc = docs.find(d => d.name === mark.id.slice('document-'.length));
        if (doc) doc.section.prepend(mark);
    }
    for (const doc of docs) {
        doc.section.classList.add('pdf-doc');
        doc.heading.classList.add('pdf-doc-title');
        doc.heading.id = doc.heading.id || ('pdf-' + doc.name.replace(/\W/g, '-'));
    }
    // Part headings above the first chapter of each part.
    parts.forEach((part, i) => {
        const first = docs.find(d => d.name === part.files[0]);
        if (!first || !part.caption) return;
        const p = document.createElement('p');
        p.className = 'pdf-part-title';
        p.id = 'pdf-part-' + (i + 1);
        p.textContent = part.caption;
        first.heading.before(p);
        first.part = part.caption;
        first.partHeading = p;
        for (const doc of docs) if (part.files.includes(doc.name)) doc.inPart = true;
    });
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

    // The bookmarks (written into the PDF by finish_pdf): the contents, then part ->
    // chapter -> section -> subsection, each title as its heading reads without the "#" link.
    const heading = section => section.querySelector(':scope > h1, :scope > h2, :scope > h3, '
                                                     + ':scope > h4, :scope > h5, :scope > h6');
    const plain = el => {
        const copy = el.cloneNode(true);
        copy.querySelectorAll('.headerlink').forEach(e => e.remove());
        return copy.textContent.replace(/\s+/g, ' ').trim();
    };
    const outline = [];
    const mark = (level, title, el) => {
        if (!el.id) el.id = 'pdf-outline-' + outline.length;
        outline.push({level, title, id: el.id});
    };
    mark(1, 'Contents', front.querySelector('.pdf-contents h1'));
    for (const doc of docs) {
        if (doc.partHeading) mark(1, doc.part, doc.partHeading);
        const level = doc.inPart ? 2 : 1;
        mark(level, text(doc.heading), doc.heading);
        const walk = (section, depth) => {
            for (const sub of section.querySelectorAll(':scope > section')) {
                const h = heading(sub);
                if (!h) continue;
                mark(level + depth, plain(h), sub);
                if (depth < 2) walk(sub, depth + 1);
            }
        };
        walk(doc.section, 1);
    }
    // A named destination for every bookmark: Chromium writes one for each anchor a link
    // points to, shown or not.
    const anchors = document.createElement('div');
    anchors.hidden = true;
    anchors.className = 'pdf-outline-anchors';
    for (const item of outline) {
        const a = document.createElement('a');
        a.href = '#' + item.id;
        anchors.append(a);
    }
    document.querySelector('article.bd-article').append(anchors);

    // A link that leaves the book but not for the web (the front page's "pdf/book.pdf", a
    // source file) would point at a path on the build machine: keep its text, drop the link.
    const here = location.href.split('#')[0];
    for (const a of document.querySelectorAll('a[href]')) {
        const url = new URL(a.getAttribute('href'), location.href);
        const inPage = url.href.split('#')[0] === here;
        const web = ['http:', 'https:', 'mailto:'].includes(url.protocol)
            && !/^(localhost|127\.|\[::1\]|0\.0\.0\.0)/.test(url.hostname);
        if (!inPage && !web) a.replaceWith(...a.childNodes);
    }

    // Solutions: open in the instructor's edition (the student's has none). Whatever form
    // a solution takes (a dropdown admonition, a solution-tagged cell, a gated solution with
    // its code cells inside), every folded element that is or is inside a solution opens.
    if (instructor) {
        document.querySelectorAll('.toggle-hidden').forEach(e => e.classList.remove('toggle-hidden'));
        const solution = '.solution, [class*="solution"], .tag_solution';
        document.querySelectorAll('details').forEach(d => {
            if (d.closest(solution)) d.open = true;
        });
    }
    return {titles: entries, outline};
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


def finish_pdf(pdf: Path, outline: list[dict], title: str) -> None:
    """Put the named destinations where their targets are, and write the bookmarks.

    Chromium writes each named destination's height as measured inside the page margins,
    so every link opened the page one top margin (16 mm) above its target: a citation
    showed the bibliography entry before it. Each destination is moved down by that margin.

    ``outline`` is [{'level', 'title', 'id'}] in reading order, level 1 for the contents and
    the parts; each bookmark points at the destination Chromium wrote for its anchor.
    Chromium's own outline (``outline=True``) is built from the headings as laid out: a
    heading at the top of a page comes out twice ("IntroductionIntroduction") and, since
    every document of the single page sits inside the front page's section, every chapter
    nests under the introduction. So it is switched off and written here instead."""
    import logging

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import Fit, FloatObject, NameObject

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # Chromium's trailer /Size is off by a few
    writer = PdfWriter(clone_from=PdfReader(pdf))
    margin = MARGIN_TOP_MM / 25.4 * 72
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(writer.pages)}
    dests = {}
    named = writer.root_object.get("/Dests")
    for name, dest in (named.get_object() if named is not None else {}).items():
        dest = dest.get_object()
        if len(dest) >= 4 and dest[1] == NameObject("/XYZ") and dest[3] is not None:
            dest[3] = FloatObject(max(float(dest[3]) - margin, 0))
            dests[str(name).lstrip("/")] = (pages[dest[0].idnum], float(dest[3]))
    parents: list = []
    for item in outline:
        level, anchor = item["level"], item["id"]
        if not 1 <= level <= len(parents) + 1:
            raise SystemExit(f"bookmark {item['title']!r} at level {level} has no parent")
        if anchor not in dests:
            raise SystemExit(f"no named destination {anchor!r} in {pdf} for {item['title']!r}")
        page, top = dests[anchor]
        del parents[level - 1:]
        parents.append(writer.add_outline_item(title=item["title"], page_number=page,
                                               parent=parents[-1] if parents else None,
                                               fit=Fit.xyz(left=0, top=top)))
    writer.add_metadata({"/Title": title})
    writer.page_mode = "/UseOutlines"
    tmp = pdf.with_suffix(".outline.pdf")
    with tmp.open("wb") as fh:
        writer.write(fh)
    tmp.replace(pdf)


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
            "instructor": edition == "instructor", "margins": MARGINS}
    footer = FOOTER.format(title=f"{args['title']} \u2014 {label.split(',')[0].lower()}")
    options = {"format": "A4", "print_background": True, "prefer_css_page_size": True,
               "display_header_footer": True, "header_template": "<span></span>",
               "footer_template": footer, "outline": False, "tagged": True}
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
        page.evaluate("async () => { await document.fonts.ready; }")  # math is pre-typeset
        prepared = page.evaluate(PREPARE, args)
        titles = prepared["titles"]
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
        first.unlink()
        browser.close()
    finish_pdf(final, prepared["outline"], f"{args['title']} \u2014 {label.split(',')[0].lower()}")
    final.replace(pdf)  # atomic: `make -j2 pdf student-pdf` may copy one while the other prints
    if foreign or errors:
        raise SystemExit(f"printing asked other hosts {foreign[:5]} or raised {errors[:5]}")
    check = find_start_pages(pdf, titles)
    if check != starts:
        raise SystemExit(f"page numbers moved between passes: {starts} -> {check}")
    return {"titles": titles, "starts": starts, "overflow": overflow, "outline": prepared["outline"]}


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
