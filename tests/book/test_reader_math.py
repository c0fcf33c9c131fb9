"""A reader's first visit, in Chromium: math typeset at build time, light pages, icons.

Every built page (the page list of ``test_browser.py``) is served by a local HTTP server and
opened in a fresh browser context (empty cache) at 1366 px and on a 390 px phone, in light and
dark mode, with every request to another host aborted. On each load:

* no raw TeX in the text, and every formula is a drawn picture with MathML for screen readers
  (``tools/typeset_math.mjs`` ran); no MathJax script requested or configured;
* each formula is read as math (its MathML) and no element inside it is focusable
  (formulas are not tab stops);
* no display equation wider than its box unless the box scrolls and shows that it does;
  no inline formula wider than the text column;
* every icon shown is drawn (non-zero size) and each icon button has a name; no FontAwesome
  script, and no ``<i class="fa-...">`` left for it;
* math is drawn in the text colour (dark mode) ;
* the bytes the browser fetched for the page on a cold load, everything included, are at most
  ``COLD_LOAD_LIMIT`` (the figures' share, their markup and what they load, is reported too).

With JavaScript off, every page still shows its math typeset. One chapter is walked with Tab
to check that no formula takes the focus before the first control. The bytes of each page go
to ``_build/cold-load.json``.

The browser is launched here (not ``test_browser``'s): its host-resolver rule must let the
local server through.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from test_browser import BUILD, CHAPTERS, CHROMIUM, DESKTOP, HTML, PAGES, PHONE, page_id

pytestmark = pytest.mark.browser

COLD_LOAD_LIMIT = 1_500_000  # bytes: everything a page fetches on a first visit (issue 16)
REPORT = BUILD / "cold-load.json"
HOST = "127.0.0.1"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--mute-audio",
        f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {HOST}"]
# Dark mode changes colours, not layout: it is checked at desktop width (and test_browser.py
# audits the phone layout in light mode).
MODES = [("desktop-light", DESKTOP, "light"), ("desktop-dark", DESKTOP, "dark"),
         ("phone-light", PHONE, "light")]
RAW_TEX = r"\\\(|\\\)|\\\[|\\\]|\$\$|\\frac|\\begin\{|\\mathrm|\\text\{|\\tfrac|\\left|\\alpha|\\delta"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server():
    if not HTML.joinpath("intro.html").exists():
        pytest.fail(f"the book is not built in {HTML}: run `make html` first")
    httpd = ThreadingHTTPServer((HOST, 0), functools.partial(_Quiet, directory=str(HTML)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://{HOST}:{httpd.server_port}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


class Visit:
    """One cold load of one page: the page and every request it made."""

    def __init__(self, browser, base: str, path, mode: str, viewport: dict, scheme: str,
                 javascript: bool = True):
        self.name = f"{page_id(path)} [{mode}]"
        self.path = path
        self.base = base
        self.mode = mode
        self.ctx = browser.new_context(viewport=viewport, color_scheme=scheme,
                                       java_script_enabled=javascript,
                                       is_mobile=viewport is PHONE, has_touch=viewport is PHONE)
        self.foreign, self.fetched = [], []  # (url, bytes)

        def guard(route):
            if route.request.url.startswith((base, "data:", "blob:", "about:")):
                route.continue_()
            else:
                self.foreign.append(route.request.url)
                route.abort()

        self.ctx.route("**/*", guard)
        self.page = self.ctx.new_page()
        self.page.on("requestfinished", self._finished)
        self.page.goto(base + path.relative_to(HTML).as_posix(), wait_until="load")
        if javascript:  # with scripts off nothing loads after "load" (waiting for idle only flakes)
            self.page.wait_for_load_state("networkidle")

    def _finished(self, request):
        try:
            size = request.sizes()["responseBodySize"]
        except Exception:  # noqa: BLE001  (a request the page dropped)
            size = 0
        self.fetched.append((request.url, size))

    def close(self):
        self.ctx.close()


@pytest.fixture(scope="module", params=[(p, m) for p in PAGES for m in MODES],
                ids=lambda pm: f"{page_id(pm[0])}-{pm[1][0]}")
def visit(request, chromium, server):
    path, (mode, viewport, scheme) = request.param
    v = Visit(chromium, server, path, mode, viewport, scheme)
    yield v
    v.close()


MATH_REPORT = r"""(rawTex) => {
    const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)
                          && !el.closest('details:not([open]), [hidden]');
    const maths = [...document.querySelectorAll('span.math, div.math')];
    const untypeset = maths.filter(m => !m.querySelector('mjx-container > svg'))
                           .map(m => m.textContent.trim().slice(0, 80));
    const noMathml = maths.filter(m => !m.querySelector('mjx-assistive-mml math'))
                          .map(m => m.outerHTML.slice(0, 80));
    const notHidden = [...document.querySelectorAll('mjx-container > svg')]
        .filter(s => s.getAttribute('aria-hidden') !== 'true').length;
    const empty = maths.filter(visible).filter(m => {
        const svg = m.querySelector('mjx-container > svg');
        if (!svg) return false;
        const r = svg.getBoundingClientRect();
        return r.width < 1 || r.height < 1;
    }).map(m => m.querySelector('mjx-assistive-mml').textContent.slice(0, 60));
    const root = (document.querySelector('main') || document.body).cloneNode(true);
    root.querySelectorAll('mjx-container, pre, code, script, style, textarea, .highlight')
        .forEach(e => e.remove());
    const text = root.textContent;
    const re = new RegExp(rawTex, 'g');
    const leftovers = [];
    let m;
    while ((m = re.exec(text)) && leftovers.length < 10) {
        leftovers.push(text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' '));
    }
    // Prose typeset as math (an unescaped $): words set letter by letter, a run of <mi>.
    const prose = [...document.querySelectorAll('mjx-assistive-mml math')].filter(mml =>
        [mml, ...mml.querySelectorAll('*')].some(el => {
            let run = 0;
            return [...el.children].some(c =>
                (run = c.localName === 'mi' && /^[A-Za-z]$/.test(c.textContent) ? run + 1 : 0) >= 6);
        })).map(mml => mml.textContent.slice(0, 60));
    const scripts = [...document.scripts].map(s => s.src + ' ' + s.textContent.slice(0, 200))
        .filter(s => /mathjax/i.test(s));
    return {maths: maths.length, untypeset, noMathml, notHidden, empty, leftovers, scripts, prose,
            mathjax: typeof window.MathJax !== 'undefined'};
}"""


def check_math(v: Visit):
    report = v.page.evaluate(MATH_REPORT, RAW_TEX)
    if v.path in CHAPTERS:
        assert report["maths"] > 0, f"{v.name}: a chapter without any formula?"
    assert not report["untypeset"], f"{v.name}: formulas left as TeX: {report['untypeset'][:5]}"
    assert not report["noMathml"], f"{v.name}: formulas without MathML: {report['noMathml'][:3]}"
    assert not report["notHidden"], f"{v.name}: {report['notHidden']} pictures not aria-hidden"
    assert not report["empty"], f"{v.name}: formulas drawn with no size: {report['empty'][:5]}"
    assert not report["leftovers"], f"{v.name}: raw TeX in the text: {report['leftovers']}"
    assert not report["prose"], f"{v.name}: prose typeset as math (unescaped $?): {report['prose'][:3]}"
    return report


def test_math_is_typeset_and_no_mathjax_loads(visit):
    report = check_math(visit)
    assert not report["scripts"] and not report["mathjax"], \
        f"{visit.name}: MathJax is still in the page: {report['scripts'][:3]}"
    asked = [u for u, _ in visit.fetched if "mathjax" in u.lower()]
    assert not asked, f"{visit.name}: requested {asked[:3]}"
    assert not visit.foreign, f"{visit.name}: requests to other hosts: {visit.foreign[:5]}"


def test_screen_readers_get_the_formulas(visit):
    """Each formula is in the accessibility tree as math, with its content (MathML)."""
    if visit.mode != "desktop-light":
        pytest.skip("the accessibility tree is the same in every mode")
    maths = [m for m in visit.page.locator("span.math, div.math").all()[:8] if m.is_visible()]
    for m in maths:
        tree = m.aria_snapshot()
        assert re.search(r"- math: \S", tree), f"{visit.name}: a formula screen readers miss: {tree[:120]}"


def test_formulas_are_not_tab_stops(visit):
    focusable = visit.page.evaluate("""() => {
        const bad = [];
        for (const el of document.querySelectorAll('.math *, mjx-container, mjx-container *')) {
            if (el.matches('a.headerlink')) continue;   // Sphinx's link to a numbered equation
            const tag = el.tagName.toLowerCase();
            if (el.hasAttribute('tabindex') || el.tabIndex >= 0 || el.isContentEditable ||
                ['a', 'button', 'input', 'select', 'textarea'].includes(tag)) {
                bad.push(tag + ' ' + (el.getAttribute('tabindex') || '') + ' in ' +
                         (el.closest('.math') || el).textContent.slice(0, 40));
            }
        }
        return bad;
    }""")
    assert not focusable, f"{visit.name}: focusable elements in formulas: {focusable[:5]}"


def test_wide_equations_fit_or_show_they_scroll(visit):
    problems = visit.page.evaluate("""() => {
        const visible = el => el.getClientRects().length && !el.closest('details:not([open]), [hidden]');
        const bad = [];
        for (const box of document.querySelectorAll('div.math > mjx-container[display="true"]')) {
            if (!visible(box)) continue;
            const style = getComputedStyle(box);
            const svg = box.querySelector(':scope > svg');
            const b = box.getBoundingClientRect(), s = svg.getBoundingClientRect();
            const overflows = box.scrollWidth > box.clientWidth + 1;
            const text = box.querySelector('mjx-assistive-mml').textContent.slice(0, 50);
            if (overflows) {
                if (!['auto', 'scroll'].includes(style.overflowX)) bad.push('cut, no scroll: ' + text);
                if (!/gradient/.test(style.backgroundImage)) bad.push('scrolls with no shadow: ' + text);
            } else if (s.right > b.right + 1 || s.left < b.left - 1) {
                bad.push('sticks out of its box: ' + text);
            }
            // The scroll box itself must sit inside the column (and the screen).
            if (b.right > document.documentElement.clientWidth + 1) bad.push('box off screen: ' + text);
            // Its edge covers (and background) take the colour behind it: no visible patch.
            let behind = 'rgba(0, 0, 0, 0)';
            for (let e = box.parentElement; e; e = e.parentElement) {
                const c = getComputedStyle(e).backgroundColor;
                if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { behind = c; break; }
            }
            if (behind === 'rgba(0, 0, 0, 0)') behind = getComputedStyle(document.body).backgroundColor;
            if (style.backgroundColor !== behind) bad.push('box ' + style.backgroundColor + ' on ' + behind + ': ' + text);
        }
        for (const span of document.querySelectorAll('span.math > mjx-container')) {
            if (!visible(span)) continue;
            const col = span.closest('p, li, dd, td, th, .admonition, section, article');
            if (!col) continue;
            const r = span.getBoundingClientRect(), c = col.getBoundingClientRect();
            if (r.width > c.width + 1) bad.push('inline formula wider than its column: ' +
                span.querySelector('mjx-assistive-mml').textContent.slice(0, 50));
        }
        return bad;
    }""")
    assert not problems, f"{visit.name}: {problems[:6]}"


def test_math_is_drawn_in_the_text_colour(visit):
    wrong = visit.page.evaluate("""() => [...document.querySelectorAll('mjx-container > svg')]
        .slice(0, 400).filter(svg => svg.getClientRects().length)
        .filter(svg => getComputedStyle(svg).fill !== getComputedStyle(svg.parentElement).color)
        .map(svg => getComputedStyle(svg).fill + ' vs ' + getComputedStyle(svg.parentElement).color)""")
    assert not wrong, f"{visit.name}: formulas not in the text colour: {wrong[:3]}"


def test_icons_are_drawn_without_the_icon_script(visit):
    report = visit.page.evaluate("""() => {
        const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        const icons = [...document.querySelectorAll('svg.svg-inline--fa')];
        const left = [...document.querySelectorAll('i[class*="fa-"], span[class*="fa-"]')]
            .filter(e => !e.closest('mjx-container')).map(e => e.className);
        const visible = icons.filter(shown);
        const empty = visible.filter(s => { const r = s.getBoundingClientRect(); return r.width < 1 || r.height < 1; })
            .map(s => s.getAttribute('class'));
        const unhidden = icons.filter(s => s.getAttribute('aria-hidden') !== 'true').map(s => s.getAttribute('class'));
        const nameless = [...document.querySelectorAll('button, a')].filter(shown)
            .filter(b => b.querySelector('svg.svg-inline--fa'))
            .filter(b => !(b.getAttribute('aria-label') || b.getAttribute('title') ||
                           b.getAttribute('data-bs-original-title') || b.textContent.trim() ||
                           (b.getAttribute('aria-labelledby') &&
                            document.getElementById(b.getAttribute('aria-labelledby')))))
            .map(b => b.outerHTML.slice(0, 100));
        const themeIcons = [...document.querySelectorAll('.theme-switch-button svg.theme-switch')];
        return {icons: icons.length, visible: visible.length, left, empty, unhidden, nameless,
                themeShown: themeIcons.filter(shown).length, themeIcons: themeIcons.length,
                noFill: visible.filter(s => !s.querySelector('path')).length};
    }""")
    assert report["icons"] > 0, f"{visit.name}: no icons at all?"
    assert report["visible"] > 0, f"{visit.name}: no icon is shown"
    assert not report["left"], f"{visit.name}: font icons left for a script: {report['left'][:5]}"
    assert not report["empty"], f"{visit.name}: icons with no size: {report['empty'][:5]}"
    assert not report["unhidden"], f"{visit.name}: icons not aria-hidden: {report['unhidden'][:5]}"
    assert not report["nameless"], f"{visit.name}: icon buttons without a name: {report['nameless'][:3]}"
    assert not report["noFill"], f"{visit.name}: icons with nothing to draw"
    if report["themeIcons"]:
        assert report["themeShown"] == 1, f"{visit.name}: {report['themeShown']} theme icons shown"
    asked = [u for u, _ in visit.fetched if "fontawesome" in u.lower() and u.split("?")[0].endswith(".js")]
    assert not asked, f"{visit.name}: requested {asked}"


def figure_share(v: Visit) -> dict:
    """The explorer figures' share of the bytes: their markup in the page and what they load."""
    share = v.page.evaluate("""() => {
        const figs = [...document.querySelectorAll('.migcoop-explorer')];
        const enc = new TextEncoder();
        const urls = new Set();
        for (const f of figs) {
            for (const el of [f, ...f.querySelectorAll('*')]) {
                if (el.currentSrc) urls.add(el.currentSrc);
                for (const a of ['src', 'href', 'xlink:href', 'data-src', 'poster']) {
                    const v = el.getAttribute(a);
                    if (v && !v.startsWith('data:') && !v.startsWith('#')) urls.add(new URL(v, document.baseURI).href);
                }
                const set = el.getAttribute('srcset');
                if (set) set.split(',').forEach(s => urls.add(new URL(s.trim().split(/\\s+/)[0], document.baseURI).href));
            }
        }
        return {figures: figs.length, markup: figs.reduce((n, f) => n + enc.encode(f.outerHTML).length, 0),
                urls: [...urls]};
    }""")
    urls = set(share["urls"])
    loaded = sum(size for url, size in v.fetched if url in urls)
    return {"figures": share["figures"], "figure_markup": share["markup"], "figure_files": loaded}


def test_cold_load_is_light(visit):
    total = sum(size for _, size in visit.fetched)
    share = figure_share(visit)
    rest = total - share["figure_markup"] - share["figure_files"]
    by_kind: dict[str, int] = {}
    for url, size in visit.fetched:
        path = url.split("?")[0]
        kind = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else "other"
        by_kind[kind] = by_kind.get(kind, 0) + size
    data = json.loads(REPORT.read_text()) if REPORT.exists() else {}
    data.setdefault(visit.mode, {})[page_id(visit.path)] = {
        "total": total, "non_figure": rest, "requests": len(visit.fetched), **share, "by_kind": by_kind,
        "largest": sorted(((s, u.replace(visit.base, "")) for u, s in visit.fetched), reverse=True)[:8]}
    REPORT.write_text(json.dumps(data, indent=1, sort_keys=True))
    assert total <= COLD_LOAD_LIMIT, (
        f"{visit.name}: {total / 1e3:.0f} kB on a cold load ({rest / 1e3:.0f} kB without the "
        f"figures; limit {COLD_LOAD_LIMIT / 1e3:.0f} kB); "
        f"largest: {data[visit.mode][page_id(visit.path)]['largest'][:5]}")


@pytest.fixture(scope="session", autouse=True)
def fresh_report():
    if REPORT.exists():
        REPORT.unlink()
    yield


# --- JavaScript off: the math is still there --------------------------------------------------
@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_math_without_javascript(chromium, server, path):
    v = Visit(chromium, server, path, "no-js", DESKTOP, "light", javascript=False)
    try:
        assert v.page.evaluate("() => document.scripts.length >= 0")  # the page is there
        check_math(v)
    finally:
        v.close()


# --- the keyboard: Tab never stops on a formula -----------------------------------------------
# Chapter 6, where the issue counted 62 Tab presses to the first slider (every page's formulas
# are checked for tabindex by test_formulas_are_not_tab_stops; one walk checks the result).
@pytest.mark.parametrize("path", [p for p in CHAPTERS if p.stem.startswith("06_")], ids=page_id)
def test_tab_walk_skips_formulas(chromium, server, path):
    v = Visit(chromium, server, path, "tab", DESKTOP, "light")
    try:
        page = v.page
        stops, in_math = 0, []
        page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
        for _ in range(600):
            page.keyboard.press("Tab")
            stops += 1
            where = page.evaluate("""() => {
                const el = document.activeElement;
                if (!el || el === document.body) return {end: true};
                const math = el.closest('.math, mjx-container');
                const scrolls = el.matches('mjx-container[display="true"]') && el.scrollWidth > el.clientWidth + 1;
                return {range: el.matches('input[type="range"], .migcoop-explorer button, .migcoop-explorer input'),
                        math: !!math && !el.matches('a.headerlink') && !scrolls,
                        what: el.tagName + ' ' + (el.textContent || '').slice(0, 40)};
            }""")
            if where.get("end") and stops > 5:
                break
            if where.get("math"):
                in_math.append(where["what"])
            if where.get("range"):
                break
        assert not in_math, f"{page_id(path)}: Tab stopped on formulas: {in_math[:5]}"
        data = json.loads(REPORT.read_text()) if REPORT.exists() else {}
        data.setdefault("tab_presses_to_first_control", {})[page_id(path)] = stops
        REPORT.write_text(json.dumps(data, indent=1, sort_keys=True))
    finally:
        v.close()
