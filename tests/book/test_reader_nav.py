"""Navigation, header buttons and search of the built book, as a reader uses them.

`make book` first; runs with the browser tests (`pytest -m browser`). Headless Chromium opens
every page of `_build/html` once, with the network cut off as in `test_browser.py`, and then,
at 390, 768, 1000 and 1366 px wide, in light and in dark mode (the page follows the emulated
colour scheme without reloading), checks:

* the site navigation (primary sidebar) and the page contents (secondary sidebar) open and
  close: by mouse click on every page; also by touch (tap) and by keyboard (Enter, Space,
  Escape, with focus moved into an opened dialog and back to its button when it closes) on
  one page of each kind (FULL);
* no horizontal page scroll;
* every visible header button has a name, and the colour-mode switch, the full-screen button,
  the search button and the dropdown menus work (on the FULL pages);
* launch buttons on chapter pages only, and no placeholder (example.*) link anywhere;
* the repository and issue buttons lead to the book's repository;
* the download menu offers both whole-book PDFs, by relative links that resolve next to the site;
* every solution's dropdown button is named after its exercise ("Show the solution to
  Exercise 6.3"), and the hide-input toggles say "Show the code".

And a search test: the top results for a few words are chapters, with snippets free of the
page's menus and contents. Sphinx's search fetches each result's page to cut its snippet,
which `fetch` cannot do from file://, so the site is served to the browser from disk by a
request handler on a made-up origin (no socket, no network).
"""

from __future__ import annotations

import mimetypes
import re
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from test_browser import CHAPTERS, HTML, PAGES, ROOT, _context, browser, page_id  # noqa: F401

pytestmark = pytest.mark.browser

WIDTHS = (390, 768, 1000, 1366)
HEIGHT = 800
WIDE = 992  # the theme's breakpoint: above it the site navigation is a column, not a dialog
MODES = ("light", "dark")
# Pages where every way in (click, tap, keyboard) and every header button is tried.
FULL = {"intro", "chapters/10_conclusion", "appendices/glossary", "search"}
HEADER_PAGE = "chapters/10_conclusion"
FITTED = {"appendices/instructor_guide"}
PLACEHOLDER = re.compile(r"https?://[\w.-]*example\.(?:edu|com|org|net)", re.I)
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


# --- the page, loaded once and reused at every width and mode -----------------------------
@pytest.fixture(scope="module")
def reader(browser):  # noqa: F811 (the session's browser, from test_browser)
    ctx = _context(browser, viewport={"width": WIDTHS[-1], "height": HEIGHT},
                   color_scheme="light", has_touch=True)
    yield ctx
    ctx.close()


@pytest.fixture(scope="module", params=PAGES, ids=page_id)
def loaded(request, reader):
    page = reader.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    before = len(reader.foreign)
    page.goto(request.param.as_uri(), wait_until="load")
    page.add_style_tag(content=NO_TRANSITIONS)
    page.errors = errors
    yield request.param, page
    page.close()
    assert reader.foreign[before:] == [], f"requests to other hosts: {reader.foreign[before:10]}"


def views(page):
    """Each width in each colour mode, the page resized and re-themed in place."""
    for mode in MODES:
        page.emulate_media(color_scheme=mode)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": HEIGHT})
            page.wait_for_function("m => document.documentElement.dataset.theme === m", arg=mode)
            yield mode, width
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": WIDTHS[-1], "height": HEIGHT})


# --- sidebars -------------------------------------------------------------------------
STATE = """side => {
    const dialog = document.getElementById(`pst-${side}-sidebar-modal`);
    const sidebar = document.getElementById(`pst-${side}-sidebar`);
    const button = document.querySelector(`.bd-header-article .${side}-toggle`);
    const box = el => { const r = el.getBoundingClientRect(); return {x: r.x, right: r.right, w: r.width}; };
    const shown = el => {
        const r = el.getBoundingClientRect();
        return getComputedStyle(el).visibility === 'visible' && r.width > 100 && r.right > 100
            && r.x > -2 && r.right <= innerWidth + 2;
    };
    const links = el => [...el.querySelectorAll('a[href]')].filter(a => a.getClientRects().length).length;
    const active = document.activeElement;
    return {
        dialog: !!dialog.open, dialogShown: dialog.open && shown(dialog), dialogLinks: links(dialog),
        column: !dialog.open && shown(sidebar), columnLinks: links(sidebar),
        expanded: button ? button.getAttribute('aria-expanded') : null,
        focusInDialog: dialog.contains(active), focusOnButton: active === button,
        dialogBox: box(dialog), sidebarBox: box(sidebar),
    };
}"""


def side_state(page, side: str) -> dict:
    return page.evaluate(STATE, side)


def is_open(page, side: str, width: int) -> bool:
    s = side_state(page, side)
    if s["dialog"]:
        assert s["dialogShown"] and s["dialogLinks"] >= 1, f"{side} dialog open but not usable: {s}"
        return True
    if side == "primary" and width >= WIDE:
        return s["column"]
    return False


def expect(page, side: str, width: int, want_open: bool, how: str):
    # A dialog's "close" event, on which the theme moves the content back to the sidebar and
    # aria-expanded follows, comes a task later.
    for _ in range(40):
        s = side_state(page, side)
        got = is_open(page, side, width)
        back = want_open or s["columnLinks"] > 0
        if got == want_open and s["expanded"] == str(want_open).lower() and back:
            break
        page.wait_for_timeout(25)
    assert back, f"{side} at {width}px, {how}: the content did not come back to the sidebar: {s}"
    assert got == want_open, f"{side} at {width}px: {how} left it {'open' if got else 'closed'}: {s}"
    assert s["expanded"] == str(want_open).lower(), f"{side} at {width}px, {how}: aria-expanded {s}"
    if s["dialog"]:
        assert s["focusInDialog"], f"{side} at {width}px, {how}: focus not moved into the dialog"


def backdrop_point(page, side: str) -> tuple[float, float]:
    """A point on the dialog's backdrop, beside the sidebar."""
    box = side_state(page, side)["dialogBox"]
    vw = page.viewport_size["width"]
    x = (box["right"] + vw) / 2 if side == "primary" else box["x"] / 2
    assert 0 < x < vw and (x > box["right"] or x < box["x"]), f"no backdrop beside the {side} dialog {box}"
    return x, HEIGHT / 2


def visible_button(page, side: str, width: int):
    """The sidebar's button, or None where a page rightly has none."""
    button = page.locator(f".bd-header-article .{side}-toggle")
    if button.is_visible():
        return button
    assert side == "secondary", f"no visible {side} button at {width}px"
    # A page without sections (the glossary, the indices) has no page contents; from
    # 1200 px the theme shows a page's contents as a column, without a button.
    if page.locator("#pst-page-toc-nav a").count():
        assert width >= 1200, f"no visible {side} button at {width}px"
        assert side_state(page, side)["column"], f"no page contents at {width}px"
    return None


def click_sidebar(page, side: str, width: int):
    """Open and close one sidebar with two clicks (on its button, then beside the dialog)."""
    button = visible_button(page, side, width)
    if button is None:
        return
    start = is_open(page, side, width)
    as_column = side == "primary" and width >= WIDE
    button.click()
    expect(page, side, width, not start, "a click")
    if as_column:
        button.click()
    else:
        page.mouse.click(*backdrop_point(page, side))
    expect(page, side, width, start, "a second click")


def exercise_sidebar(page, side: str, width: int):
    """Open and close one sidebar by click, tap and keyboard; the sidebar starts closed
    (narrow) or shown (the site navigation above 992 px) and ends as it started."""
    button = visible_button(page, side, width)
    if button is None:
        return
    start = is_open(page, side, width)
    as_column = side == "primary" and width >= WIDE
    if not as_column:
        assert not start, f"{side} dialog open on arrival at {width}px"

    # Mouse.
    button.click()
    expect(page, side, width, not start, "a click")
    if as_column:
        button.click()
    else:
        page.mouse.click(*backdrop_point(page, side))   # a click beside the dialog closes it
    expect(page, side, width, start, "a second click")

    # Touch.
    button.tap()
    expect(page, side, width, not start, "a tap")
    if as_column:
        button.tap()
    else:
        close = page.locator(f"#pst-{side}-sidebar-modal[open] .migcoop-sidebar-close")
        assert close.is_visible(), f"{side} dialog at {width}px has no visible close button"
        name = close.get_attribute("aria-label") or ""
        assert name.startswith("Close"), name
        close.tap()
    expect(page, side, width, start, "a second tap")

    # Keyboard: Enter opens, Escape closes and gives focus back; Space opens too.
    button.focus()
    page.keyboard.press("Enter")
    expect(page, side, width, not start, "Enter")
    if as_column:
        page.keyboard.press("Space")
    else:
        page.keyboard.press("Escape")
        assert side_state(page, side)["focusOnButton"], f"{side} at {width}px: focus lost on Escape"
    expect(page, side, width, start, "Escape" if not as_column else "Space")
    if not as_column:
        button.focus()
        page.keyboard.press("Space")
        expect(page, side, width, True, "Space")
        if side == "primary":
            page.keyboard.press("Tab")   # focus stays in the modal dialog
            assert side_state(page, side)["focusInDialog"], f"Tab left the open {side} dialog"
        page.keyboard.press("Escape")
        expect(page, side, width, False, "Escape after Space")


# --- header buttons -------------------------------------------------------------------
HEADER_BUTTONS = """() => {
    const name = el => (el.getAttribute('aria-label') || el.getAttribute('title')
                        || el.textContent).replace(/\\s+/g, ' ').trim();
    return [...document.querySelectorAll('.bd-header-article button, .bd-header-article a.btn, '
                                         + '.bd-header button, .bd-header a.btn')]
        .filter(el => el.getClientRects().length && getComputedStyle(el).visibility === 'visible'
                      && !el.closest('.dropdown-menu'))
        .map(el => { const r = el.getBoundingClientRect();
                     return {name: name(el), cls: String(el.className).slice(0, 60),
                             right: r.right, w: r.width, h: r.height}; });
}"""


def check_header(page, path: Path, width: int, mode: str):
    where = f"{page_id(path)} at {width}px, {mode}"
    buttons = page.evaluate(HEADER_BUTTONS)
    assert buttons, where
    unnamed = [b["cls"] for b in buttons if not b["name"]]
    assert not unnamed, f"{where}: buttons without a name: {unnamed}"
    outside = [b["name"] for b in buttons if b["right"] > width + 1]
    assert not outside, f"{where}: buttons off the screen: {outside}"
    small = [b["name"] for b in buttons if b["w"] < 24 or b["h"] < 24]
    assert not small, f"{where}: buttons smaller than 24 px: {small}"

    # Colour mode: each press moves to the next mode; three presses come back.
    switch = page.locator(".bd-header-article .theme-switch-button")
    if switch.is_visible():
        seen = [page.evaluate("() => document.documentElement.dataset.mode")]
        for _ in range(3):
            switch.click()
            seen.append(page.evaluate("() => document.documentElement.dataset.mode"))
        assert len(set(seen[:3])) == 3 and seen[3] == seen[0], f"{where}: colour modes {seen}"

    # Full screen, and back.
    full = page.locator(".bd-header-article .btn-fullscreen-button")
    if full.is_visible():
        full.click()
        page.wait_for_function("() => !!document.fullscreenElement", timeout=5_000)
        page.evaluate("() => document.exitFullscreen()")
        page.wait_for_function("() => !document.fullscreenElement", timeout=5_000)

    # Search: the button opens the search dialog (Escape closes it); on the search page
    # itself it puts the cursor in that page's search field.
    search = page.locator(".bd-header-article .search-button")
    if search.is_visible():
        search.click()
        page.wait_for_function("""() => document.getElementById('pst-search-dialog').open
            || (document.activeElement && document.activeElement.name === 'q')""", timeout=5_000)
        if page.evaluate("() => document.getElementById('pst-search-dialog').open"):
            page.keyboard.press("Escape")
            page.wait_for_function("() => !document.getElementById('pst-search-dialog').open",
                                   timeout=5_000)

    # Each dropdown (launch, repository, download) opens on a click, inside the screen.
    for menu in page.locator(".bd-header-article .article-header-buttons .dropdown").all():
        toggle = menu.locator("button.dropdown-toggle")
        if not toggle.is_visible():
            continue
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true", f"{where}: menu did not open"
        items = menu.locator(".dropdown-menu .dropdown-item")
        items.first.wait_for(state="visible", timeout=5_000)
        for item in items.all():
            box = item.bounding_box()
            assert box and box["x"] >= -1 and box["x"] + box["width"] <= width + 1, \
                f"{where}: menu item {item.inner_text()!r} off the screen: {box}"
        page.keyboard.press("Escape")
        assert toggle.get_attribute("aria-expanded") == "false", f"{where}: Escape left it open"
        page.mouse.move(1, HEIGHT - 1)   # the theme also opens these menus on hover
        items.first.wait_for(state="hidden", timeout=5_000)


def no_sideways_scroll(page, path: Path, width: int, mode: str):
    scroll = page.evaluate("() => document.scrollingElement.scrollWidth")
    assert scroll <= width, f"{page_id(path)} scrolls sideways at {width}px, {mode}: {scroll}px wide"
    if page_id(path) in FITTED:   # its tables fit whole, without scrolling in their box
        wide = page.evaluate("""() => [...document.querySelectorAll('main table')]
            .filter(t => t.scrollWidth > t.clientWidth + 1)
            .map(t => (t.querySelector('th') || t).textContent.trim().slice(0, 40))""")
        assert not wide, f"{page_id(path)} at {width}px: tables wider than the column: {wide}"


# === tests ==============================================================================
def test_the_pages_tried_in_full_exist():
    ids = {page_id(p) for p in PAGES}
    assert ids, f"no built pages in {HTML}"
    assert FULL | {HEADER_PAGE} | FITTED <= ids, sorted(FULL | FITTED - ids)


def test_navigation_and_header_at_every_width(loaded):
    """Every page, at every width, light and dark: no sideways scroll and named header
    buttons; both sidebars open and close by a click (light). The pages of FULL (each kind of
    page: the front page, a chapter, a page without sections, a generated page) by click, tap
    and keyboard in both modes, with the header buttons used. The markup is one template on
    every page: doing all of it everywhere would repeat the same steps at a chapter page's
    cost in time (the suite's budget is 90 s)."""
    path, page = loaded
    full = page_id(path) in FULL
    for mode, width in views(page):
        no_sideways_scroll(page, path, width, mode)
        names = page.evaluate(HEADER_BUTTONS)
        assert names and all(b["name"] for b in names), names
        for side in ("primary", "secondary"):
            if full:
                exercise_sidebar(page, side, width)
            elif mode == "light":
                click_sidebar(page, side, width)
        # The header buttons' behaviour depends on neither the colours nor the page: all of
        # them at every width on one chapter, at the phone's width on the other FULL pages.
        if full and mode == "light" and (page_id(path) == HEADER_PAGE or width == WIDTHS[0]):
            check_header(page, path, width, mode)
    assert not page.errors, page.errors[:5]


def test_launch_buttons_only_on_chapters(loaded):
    path, page = loaded
    links = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
    assert not [h for h in links if PLACEHOLDER.match(h)], "a placeholder link"
    assert not PLACEHOLDER.search(path.read_text(encoding="utf-8")), "a placeholder address"
    launch = page.evaluate(
        "() => [...document.querySelectorAll('.dropdown-launch-buttons a')].map(a => a.href)")
    if path in CHAPTERS:
        nb = f"chapters/{path.stem}.ipynb"
        assert [h for h in launch if "mybinder.org" in h and nb in h], launch
        assert [h for h in launch if "colab.research.google.com" in h and nb in h], launch
    else:
        assert not launch, f"launch buttons on a page that is not a notebook: {launch}"


def test_repository_and_issue_buttons(loaded):
    path, page = loaded
    repo = re.search(r"^repository:\s*\n\s+url:\s*(\S+)", (ROOT / "_config.yml").read_text(),
                     re.M).group(1).rstrip("/")
    items = dict(page.evaluate(
        "() => [...document.querySelectorAll('.dropdown-source-buttons a')]"
        ".map(a => [a.textContent.trim(), a.href])"))
    assert items.get("Repository") == repo, items
    assert (items.get("Open issue") or "").startswith(f"{repo}/issues/new?"), items


def test_download_menu_offers_the_book_pdfs(loaded):
    path, page = loaded
    hrefs = page.evaluate(
        "() => [...document.querySelectorAll('.dropdown-download-buttons a')]"
        ".map(a => [a.getAttribute('href'), a.href, a.textContent.trim()])")
    targets = {Path(unquote(urlparse(url).path)): (raw, text) for raw, url, text in hrefs}
    for pdf in ("book.pdf", "book-student.pdf"):
        target = HTML / "pdf" / pdf
        assert target in targets, f"the download menu does not offer {pdf}: {hrefs}"
        raw, text = targets[target]
        assert not urlparse(raw).scheme and not raw.startswith("/"), f"not a relative link: {raw}"
        assert "PDF" in text, text
        if (HTML / "pdf").is_dir():   # `make book` copies the PDFs next to the site
            assert target.is_file(), f"{raw} from {page_id(path)} leads nowhere"


SOLUTION_NAMES = """() => {
    const out = [];
    let exercise = null;
    const walker = document.querySelectorAll('.exercise.admonition, .solution.admonition');
    for (const box of walker) {
        if (box.classList.contains('exercise')) {
            const caption = box.querySelector('.admonition-title .caption-number');
            const m = caption && caption.textContent.match(/Exercise\\s+([\\d.]+\\d)/);
            exercise = m ? m[1] : null;
            continue;
        }
        const button = box.querySelector(':scope > .admonition-title > button.toggle-button');
        out.push({exercise, button: !!button,
                  name: button ? button.getAttribute('aria-label') : null,
                  expanded: button ? button.getAttribute('aria-expanded') : null});
    }
    const code = [...document.querySelectorAll('details.hide > summary')].map(s => s.innerText.trim());
    return {solutions: out, code};
}"""


def test_solution_toggles_name_their_exercise(loaded):
    path, page = loaded
    found = page.evaluate(SOLUTION_NAMES)
    if path in CHAPTERS:
        assert found["solutions"], "a chapter without solutions?"
    for s in found["solutions"]:
        assert s["button"] and s["exercise"], s
        assert s["name"] == f"Show the solution to Exercise {s['exercise']}", s
        assert s["expanded"] == "false", s
    if found["solutions"]:
        button = page.locator(".solution.admonition > .admonition-title > button.toggle-button").first
        button.scroll_into_view_if_needed()
        button.click()
        opened = button.get_attribute("aria-label")
        assert opened.startswith("Hide the solution to Exercise"), opened
        button.click()
        assert button.get_attribute("aria-label").startswith("Show the solution"), opened
    for text in found["code"]:
        assert text in ("Show the code", "Hide the code"), found["code"]


# --- search ---------------------------------------------------------------------------
ORIGIN = "http://book.invalid/"
QUERIES = ("refugee", "tariff", "screening")
# What the snippets showed before: the header's menus and the page's contents.
NOISE = re.compile(r"\.pdf\b|\.ipynb\b|\bContents\b|Download this page|Print this page|"
                   r"Launch interactive|Show the code|Toggle hidden|\\\(|\\frac")


@pytest.fixture(scope="module")
def served(browser):  # noqa: F811
    """A context that sees the built site at ORIGIN, read from disk; nothing else loads."""
    ctx = browser.new_context(viewport={"width": WIDTHS[-1], "height": HEIGHT})
    ctx.foreign = []

    def serve(route):
        url = route.request.url
        if not url.startswith(ORIGIN):
            ctx.foreign.append(url)
            return route.abort()
        target = (HTML / unquote(urlparse(url).path).lstrip("/")).resolve()
        if HTML.resolve() in target.parents and target.is_file():
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            return route.fulfill(status=200, body=target.read_bytes(), content_type=kind)
        return route.fulfill(status=404, body="")

    ctx.route("**/*", serve)
    yield ctx
    ctx.close()


@pytest.mark.skipif(not HTML.joinpath("search.html").exists(), reason="no search page")
def test_search_ranks_chapters_first_with_clean_snippets(served):
    page = served.new_page()
    for query in QUERIES:
        page.goto(f"{ORIGIN}search.html?q={query}")
        page.wait_for_function(
            "() => /Results/.test((document.querySelector('#search-results h2') || {}).textContent || '')",
            timeout=20_000)
        # Snippets arrive one result at a time, each from its fetched page.
        deadline = time.monotonic() + 10
        while True:
            results = page.evaluate("""() => [...document.querySelectorAll('#search-results ul.search > li')]
                .slice(0, 5).map(li => ({href: li.querySelector('a').getAttribute('href'),
                                          snippet: (li.querySelector('p.context') || {}).textContent || null}))""")
            if all(r["snippet"] for r in results[:3]) or time.monotonic() > deadline:
                break
            page.wait_for_timeout(100)
        assert len(results) >= 3, f"{query!r}: {results}"
        top = [r["href"] for r in results[:3]]
        assert all(h.startswith("chapters/") for h in top), f"{query!r}: first results {top}"
        for r in results[:3]:
            snippet = r["snippet"]
            assert snippet and query[:5].lower() in snippet.lower(), f"{query!r}: snippet {r}"
            assert not NOISE.search(snippet), f"{query!r}: menu text in the snippet {snippet!r}"
    page.close()
    assert not served.foreign, served.foreign[:5]
