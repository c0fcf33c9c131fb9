"""The built HTML book (`make book` first): no warnings, links resolve, figures are
in the page without a kernel, static sliders work, nothing comes from other hosts,
and pages stay light."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"
LOG = ROOT / "_build" / "build.log"
pytestmark = pytest.mark.book

CHAPTER_PAGES = sorted((HTML / "chapters").glob("*.html")) if HTML.exists() else []
MAX_PAGE_BYTES = 1.5e6


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []  # (tag, attrs)
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])


def parse(path):
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def all_pages():
    return sorted(p for p in HTML.rglob("*.html") if "_static" not in p.parts)


@pytest.fixture(scope="module", autouse=True)
def built():
    if not (HTML / "index.html").exists():
        pytest.fail("the book is not built: run `make book` first")


def test_build_log_has_no_warnings():
    log = LOG.read_text(encoding="utf-8", errors="replace")
    problems = [line for line in log.splitlines()
                if re.search(r"(: WARNING:|: ERROR:|^WARNING:|CRITICAL)", line)]
    assert not problems, "\n".join(problems[:20])
    assert "build succeeded" in log


def test_every_toc_entry_is_built():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for name in ["intro", *re.findall(r"file:\s*(\S+)", toc)]:
        assert (HTML / f"{name}.html").exists(), name


def test_internal_links_resolve():
    broken = []
    parsed = {p: parse(p) for p in all_pages()}
    for path, page in parsed.items():
        for tag, attrs in page.tags:
            ref = attrs.get("href") if tag == "a" else None
            if not ref or ref.startswith(("http:", "https:", "mailto:", "javascript:")):
                continue
            url = urlparse(ref)
            target = (path.parent / unquote(url.path)).resolve() if url.path else path
            if not target.exists():
                broken.append(f"{path.relative_to(HTML)} -> {ref}")
                continue
            if url.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if url.fragment not in ids:
                    broken.append(f"{path.relative_to(HTML)} -> {ref} (no such anchor)")
    assert not broken, "\n".join(broken[:30])


def test_no_third_party_resources_at_page_load():
    offenders = []
    for path in all_pages():
        for tag, attrs in parse(path).tags:
            if tag in ("script", "img", "iframe", "source", "video", "audio"):
                src = attrs.get("src", "")
            elif tag == "link" and attrs.get("rel", "") in ("stylesheet", "preload", "icon",
                                                          "modulepreload"):
                src = attrs.get("href", "")
            else:
                continue
            if urlparse(src).netloc:
                offenders.append(f"{path.relative_to(HTML)}: <{tag}> {src}")
    assert not offenders, "\n".join(offenders[:30])


FRAMES = ROOT / "_build" / "frames" / "explorers"
MAX_SITE_BYTES = 150e6


def explorer_reports() -> dict:
    import json

    return {p.parent.name: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(FRAMES.glob("*/report.json"))}


@pytest.mark.parametrize("path", CHAPTER_PAGES, ids=lambda p: p.stem)
def test_chapter_has_working_static_explorer(path):
    """Every explorer: all its controls, panels with their design width, chunks on disk."""
    text = path.read_text(encoding="utf-8")
    figures = re.findall(r'<figure class="migcoop-explorer" id="([^"]+)".*?</figure>', text, flags=re.S)
    assert figures, "each chapter shows at least one interactive figure in the static page"
    reports = explorer_reports()
    for uid in figures:
        fig = re.search(rf'<figure class="migcoop-explorer" id="{uid}".*?</figure>', text, flags=re.S).group(0)
        report = reports[uid]
        assert report["frames"] >= 3 and not report["problems"], (uid, report["problems"][:3])
        chunks = sorted(int(p.stem) for p in (HTML / "_static" / "explorers" / uid).glob("*.js"))
        assert chunks == list(range(report["chunks"])), f"{uid}: chunks on the site {chunks}"
        assert re.search(r'<svg class="migcoop-panel" viewBox="[^"]+" width="\d+"', fig)
        assert "<figcaption>" in fig and 'role="img" aria-label="' in fig
        assert "fixed" not in re.search(r"<figcaption>(.*?)</figcaption>", fig, re.S).group(1).lower()
        assert "<img" not in fig, "frames are vector panels, not images"


def test_every_explorer_frame_was_checked_and_is_clean():
    """The build drew and checked every frame (matplotlib's own text extents): no problem."""
    reports = explorer_reports()
    assert len(reports) >= 23, sorted(reports)
    problems = [p for r in reports.values() for p in r["problems"]]
    assert not problems, "\n".join(problems[:20])
    frames = sum(r["frames"] for r in reports.values())
    (ROOT / "_build" / "explorer-frames.txt").write_text(
        f"{frames} frames in {len(reports)} explorers, "
        f"{sum(r['chunk_bytes'] for r in reports.values()) / 1e6:.1f} MB of chunks\n")


def test_figure_font_covers_every_character_drawn():
    from fontTools.ttLib import TTFont

    fonts = sorted((HTML / "_static" / "fonts").glob("*.woff"))
    assert len(fonts) == 3, fonts
    for font in fonts:
        cmap = TTFont(str(font)).getBestCmap()
        for uid, report in explorer_reports().items():
            missing = {ch for ch in report["characters"] if ord(ch) not in cmap and not ch.isspace()}
            assert not missing, f"{font.name} lacks {sorted(missing)} drawn by {uid}"


def test_site_size():
    size = sum(p.stat().st_size for p in HTML.rglob("*") if p.is_file())
    (ROOT / "_build" / "site-size.txt").write_text(f"{size} bytes\n")
    assert size <= MAX_SITE_BYTES, f"the built site is {size / 1e6:.1f} MB"


@pytest.mark.parametrize("path", CHAPTER_PAGES, ids=lambda p: p.stem)
def test_every_image_has_alt_text_and_exists(path):
    for tag, attrs in parse(path).tags:
        if tag != "img":
            continue
        assert attrs.get("alt", "").strip(), f"image without alt text: {attrs.get('src', '')[:60]}"
        src = attrs.get("src", "")
        if not src.startswith("data:"):
            assert (path.parent / unquote(urlparse(src).path)).exists(), src


@pytest.mark.parametrize("path", CHAPTER_PAGES, ids=lambda p: p.stem)
def test_page_weight(path):
    size = path.stat().st_size
    for tag, attrs in parse(path).tags:
        if tag == "img" and not attrs.get("src", "data:").startswith("data:"):
            size += (path.parent / unquote(urlparse(attrs["src"]).path)).stat().st_size
    assert size <= MAX_PAGE_BYTES, f"{path.name}: {size / 1e6:.2f} MB with its images"


@pytest.mark.parametrize("path", CHAPTER_PAGES, ids=lambda p: p.stem)
def test_math_is_typeset_in_the_page(path):
    """Typeset at build time (tools/typeset_math.mjs): pictures and MathML, no MathJax."""
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*mathjax|window\.MathJax", text, re.I)
    assert re.search(r'class="math', text) and "<mjx-container" in text
    assert not re.search(r'<span class="math[^"]*">\\\(', text), "inline math left as TeX"


def test_style_sheets_and_scripts_fetch_nothing_from_other_hosts():
    """The book's own CSS and JS (theme, ours) name no remote font, image or import,
    and no page preconnects, prefetches or preloads another host."""
    remote = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"]?)(?:https?:)?//""", re.I)
    offenders = []
    for path in (HTML / "_static").rglob("*.css"):
        for m in remote.finditer(path.read_text(encoding="utf-8", errors="replace")):
            offenders.append(f"{path.relative_to(HTML)}: {m.group(0)}")
    for path in all_pages():
        for tag, attrs in parse(path).tags:
            if tag == "link" and urlparse(attrs.get("href", "")).netloc and \
                    attrs.get("rel", "") not in ("canonical", "alternate"):
                offenders.append(f"{path.relative_to(HTML)}: <link rel={attrs.get('rel')}> {attrs['href']}")
            if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh" and \
                    "://" in attrs.get("content", ""):
                offenders.append(f"{path.relative_to(HTML)}: refresh to {attrs['content']}")
    assert not offenders, "\n".join(offenders[:30])
