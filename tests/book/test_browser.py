"""The built book in a real browser (`make book` first; `make browser-tests` runs this).

Headless Chromium (Debian's, driven by Playwright for Python) opens every built page
from disk with every request that is not one of the book's own files aborted and
recorded, the way a reader opens the book offline or behind a strict firewall, and
checks what a reader would notice: formulas typeset at build time (no raw TeX left),
every image loaded, each static slider swapping the visible frame when moved by mouse,
by keyboard and (on a phone) by touch, no console error, no request to another host,
and no serious or critical axe-core accessibility violation, in light mode, dark mode
and at a 390x844 phone viewport. Screenshots go to `_build/screenshots/` for review,
and `_build/browser-report.json` records load times and page weights.

One browser serves the whole run, one context per mode; a page is opened once per
mode and every check of that mode runs on it (pytest groups tests by page because the
page fixtures are module-scoped and parametrized).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = Path(os.environ.get("BOOK_BUILD", ROOT / "_build"))
HTML = BUILD / "html"
SHOTS = BUILD / "screenshots"
REPORT = BUILD / "browser-report.json"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio",
    # Belt and braces: even a request that escaped the route handler resolves nowhere.
    "--host-resolver-rules=MAP * ~NOTFOUND",
]
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SERIOUS = {"serious", "critical"}
OWN_SCHEMES = ("file:", "data:", "blob:", "about:")
PAGE_WEIGHT_LIMIT = 1.5e6  # bytes: everything a chapter page fetches on a cold load


def _pages():
    if not HTML.exists():
        return []
    skip = {"_static", "_sources", "_images"}
    pages = [p for p in HTML.rglob("*.html") if not skip & set(p.relative_to(HTML).parts)]
    # index.html only redirects to the root page (tested on its own below).
    return sorted(p for p in pages if p.relative_to(HTML).as_posix() != "index.html")


PAGES = _pages()
CHAPTERS = [p for p in PAGES if p.parent.name == "chapters"]
SHOWN = [p for p in PAGES if p.parent.name == "chapters" or p.stem == "intro"]


def page_id(path: Path) -> str:
    return path.relative_to(HTML).with_suffix("").as_posix()


# --- the browser -------------------------------------------------------------------
@dataclass
class Loaded:
    """One page as a reader sees it, with everything it logged and asked for."""

    path: Path
    page: object
    mode: str
    console: list = field(default_factory=list)
    foreign: list = field(default_factory=list)
    requested: list = field(default_factory=list)
    load_seconds: float = 0.0

    @property
    def name(self) -> str:
        return page_id(self.path)

    def errors(self) -> list[str]:
        return [text for kind, text in self.console if kind in ("error", "pageerror")]


@pytest.fixture(scope="session")
def browser():
    if not HTML.joinpath("intro.html").exists():
        pytest.fail(f"the book is not built in {HTML}: run `make book` first")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser-deps` installs Debian's chromium")
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make browser-deps` runs `npm ci`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def _context(browser, **kwargs):
    ctx = browser.new_context(**kwargs)
    ctx.foreign = []  # every request for something that is not the book's own file

    def guard(route):
        url = route.request.url
        if url.startswith(OWN_SCHEMES):
            route.continue_()
        else:
            ctx.foreign.append(url)
            route.abort()

    ctx.route("**/*", guard)
    return ctx


@pytest.fixture(scope="module")
def light(browser):
    ctx = _context(browser, viewport=DESKTOP, color_scheme="light")
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def dark(browser):
    ctx = _context(browser, viewport=DESKTOP, color_scheme="dark")
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def phone(browser):
    ctx = _context(browser, viewport=PHONE, color_scheme="light", is_mobile=True,
                   has_touch=True, device_scale_factor=1)
    yield ctx
    ctx.close()


def open_page(ctx, path: Path, mode: str) -> Loaded:
    page = ctx.new_page()
    loaded = Loaded(path, page, mode)
    page.on("console", lambda m: loaded.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: loaded.console.append(("pageerror", str(e))))

    def note(request):
        loaded.requested.append(request.url)
        if not request.url.startswith(OWN_SCHEMES):
            loaded.foreign.append(request.url)

    page.on("request", note)
    page.on("websocket", lambda ws: loaded.foreign.append(ws.url))
    before = len(ctx.foreign)
    start = time.perf_counter()
    page.goto(path.as_uri(), wait_until="load")
    # MathJax typesets after load; its startup promise resolves when the page is done.
    page.evaluate("""async () => {
        if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
            await MathJax.startup.promise;
        }
        await document.fonts.ready;
    }""")
    loaded.load_seconds = time.perf_counter() - start
    loaded.foreign_before = before
    loaded.cold = list(loaded.requested)   # what the first visit fetched
    return loaded


def finish(ctx, loaded: Loaded):
    loaded.foreign += ctx.foreign[loaded.foreign_before:]
    loaded.page.close()


def _page_fixture(request, ctx, mode):
    loaded = open_page(ctx, request.param, mode)
    yield loaded
    finish(ctx, loaded)


@pytest.fixture(scope="module", params=PAGES, ids=page_id)
def light_page(request, light):
    yield from _page_fixture(request, light, "light")


@pytest.fixture(scope="module", params=SHOWN, ids=page_id)
def dark_page(request, dark):
    yield from _page_fixture(request, dark, "dark")


@pytest.fixture(scope="module", params=SHOWN, ids=page_id)
def phone_page(request, phone):
    yield from _page_fixture(request, phone, "phone")


# --- helpers -------------------------------------------------------------------------
def run_axe(loaded: Loaded, rules: list[str] | None = None) -> list[dict]:
    """axe-core's violations on the page, every <details> (solutions, code) opened first."""
    page = loaded.page
    # Open every <details> and toggled dropdown (solutions, hidden code) with transitions
    # off, so axe sees the final colours, not a fade-in half way.
    page.evaluate("""() => {
        const style = document.createElement('style');
        style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
        document.head.append(style);
        document.querySelectorAll('details').forEach(d => { d.open = true; });
        document.querySelectorAll('.toggle-hidden').forEach(e => e.classList.remove('toggle-hidden'));
    }""")
    # Two frames: what the page does when content is opened (ResizeObserver) has run.
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    options = {"resultTypes": ["violations"], "preload": False}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    return page.evaluate(
        """async (options) => {
            const result = await axe.run(document, options);
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' +
                                                 (n.failureSummary || '').replace(/\\s+/g, ' ')),
            }));
        }""", options)


def describe(violations) -> str:
    return "\n".join(f"[{v['impact']}] {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"])
                     for v in violations)


def screenshot(loaded: Loaded, full_page: bool = True) -> Path:
    out = SHOTS / loaded.mode / (loaded.name.replace("/", "__") + ".png")
    out.parent.mkdir(parents=True, exist_ok=True)
    loaded.page.screenshot(path=str(out), full_page=full_page, animations="disabled")
    return out


FIGURE_STATE = """fig => {
    const picture = fig.querySelector('.migcoop-figure');
    const inputs = [...fig.querySelectorAll('input[type="range"]')].map(input => {
        const labels = JSON.parse(input.getAttribute('data-labels'));
        const values = JSON.parse(input.getAttribute('data-values'));
        const out = fig.querySelector('output[for="' + input.id + '"]');
        const index = values.findIndex(v => Math.abs(v - Number(input.value)) < 1e-9);
        return {id: input.id, index, last: values.length - 1,
                label: input.labels.length ? input.labels[0].textContent.trim() : '',
                expected: labels[index], step: input.step, values,
                valuetext: input.getAttribute('aria-valuetext'),
                output: out ? out.textContent.trim() : null,
                outputVisible: !!(out && out.offsetWidth > 0)};
    });
    const groups = [...fig.querySelectorAll('.migcoop-choice')].map(box => {
        const buttons = [...box.querySelectorAll('button')];
        return {name: box.dataset.name, label: box.querySelector('.migcoop-label').textContent.trim(),
                pressed: buttons.findIndex(b => b.getAttribute('aria-pressed') === 'true'),
                count: buttons.length, texts: buttons.map(b => b.textContent.trim())};
    });
    return {alt: picture.getAttribute('aria-label'), busy: fig.hasAttribute('aria-busy'),
            error: fig.hasAttribute('data-error'),
            markup: picture.innerHTML.replace(/>\\s+</g, '><').trim(),
            inputs, groups};
}"""


def figure_state(fig) -> dict:
    """What the explorer shows once the frame asked for is in place (its chunk loaded)."""
    fig.page.wait_for_function(
        "fig => !fig.hasAttribute('aria-busy')", arg=fig.element_handle(), timeout=10_000)
    return fig.evaluate(FIGURE_STATE)


def frames_picture(fig) -> str:
    """A hash of what the reader sees in the figure (a real screenshot of its panels)."""
    return hashlib.sha256(fig.locator(".migcoop-figure").screenshot(animations="disabled")).hexdigest()


def assert_moved(before: dict, after: dict, how: str, input_id: str | None = None):
    assert not after["error"], f"{how}: the frame did not load"
    assert after["alt"] != before["alt"], f"{how}: alt text did not change ({after['alt']!r})"
    if input_id is not None:
        state = next(i for i in after["inputs"] if i["id"] == input_id)
        assert state["output"] == state["expected"], f"{how}: shown value {state['output']!r}"
        assert state["valuetext"] == state["expected"], f"{how}: aria-valuetext {state['valuetext']!r}"


def weight(loaded: Loaded) -> dict:
    """Bytes of the page's HTML (frames are inlined), its own images, and everything loaded."""
    files = set()
    for url in loaded.requested:
        parsed = urlparse(url)
        if parsed.scheme == "file":
            files.add(Path(unquote(parsed.path)))
    page_bytes = loaded.path.stat().st_size
    images = loaded.page.evaluate(
        "() => [...document.images].map(i => i.currentSrc).filter(s => s.startsWith('file:'))")
    image_bytes = sum(Path(unquote(urlparse(u).path)).stat().st_size for u in set(images))
    cold = {Path(unquote(urlparse(u).path)) for u in getattr(loaded, "cold", loaded.requested)
            if urlparse(u).scheme == "file"}
    return {"html": page_bytes, "images": image_bytes, "page_with_images": page_bytes + image_bytes,
            "everything_loaded": sum(f.stat().st_size for f in files if f.exists()),
            "files_loaded": len(files),
            "cold_load": sum(f.stat().st_size for f in cold if f.exists()), "cold_files": len(cold)}


def record(loaded: Loaded, **facts):
    data = json.loads(REPORT.read_text()) if REPORT.exists() else {}
    data.setdefault(loaded.mode, {}).setdefault(loaded.name, {}).update(facts)
    REPORT.write_text(json.dumps(data, indent=1, sort_keys=True))


@pytest.fixture(scope="session", autouse=True)
def fresh_report():
    if REPORT.exists():
        REPORT.unlink()
    yield


# === the tests =======================================================================
def test_there_are_pages_to_test():
    assert len(PAGES) >= 4 and CHAPTERS, f"no built pages in {HTML}"


def test_guard_blocks_and_records_other_hosts(light):
    """The network guard itself: a page that asks another host is caught (so it can fail)."""
    page = light.new_page()
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    before = len(light.foreign)
    page.goto((HTML / "intro.html").as_uri())
    page.evaluate("""() => new Promise(done => {
        const img = new Image(); img.onload = img.onerror = () => done();
        img.src = 'https://cdn.example.org/probe.png';
    })""")
    page.close()
    assert "https://cdn.example.org/probe.png" in light.foreign[before:]


def test_index_redirects_to_the_front_page(light):
    page = light.new_page()
    page.goto((HTML / "index.html").as_uri())
    page.wait_for_url("**/intro.html", timeout=10_000)
    page.close()


# --- light mode, every page ------------------------------------------------------------
def test_screenshot(light_page):
    if light_page.path in SHOWN:
        shot = screenshot(light_page)
        assert shot.stat().st_size > 10_000
    record(light_page, load_seconds=round(light_page.load_seconds, 2), **weight(light_page))


def test_math_is_typeset(light_page):
    report = light_page.page.evaluate(r"""() => {
        const maths = [...document.querySelectorAll('.math')];
        const raw = maths.filter(m => !m.querySelector('mjx-container'))
                         .map(m => m.textContent.trim().slice(0, 80));
        const errors = [...document.querySelectorAll('mjx-merror, [data-mjx-error]')]
                         .map(e => e.getAttribute('data-mjx-error') || e.textContent.slice(0, 80));
        const root = (document.querySelector('main') || document.body).cloneNode(true);
        root.querySelectorAll('mjx-container, pre, code, script, style, textarea, .highlight')
            .forEach(e => e.remove());
        const text = root.textContent;
        const re = /\\\(|\\\)|\\\[|\\\]|\$\$|\\frac|\\begin\{|\\mathrm|\$[A-Za-z\\{^_]/g;
        const leftovers = [];
        let m;
        while ((m = re.exec(text)) && leftovers.length < 10) {
            leftovers.push(text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' '));
        }
        // Prose typeset as math: an unescaped dollar sign ("$ per unit") opens a formula
        // that runs on through plain words, set letter by letter: a run of one-letter <mi>.
        const prose = [];
        for (const mml of document.querySelectorAll('mjx-assistive-mml math')) {
            for (const el of [mml, ...mml.querySelectorAll('*')]) {
                let run = 0;
                for (const c of el.children) {
                    run = c.localName === 'mi' && /^[A-Za-z]$/.test(c.textContent) ? run + 1 : 0;
                    if (run >= 6) { prose.push(mml.textContent.slice(0, 80)); break; }
                }
                if (prose.includes(mml.textContent.slice(0, 80))) break;
            }
        }
        return {maths: maths.length, typeset: document.querySelectorAll('mjx-container').length,
                mathjax: !!window.MathJax, raw, errors, leftovers, prose};
    }""")
    if light_page.path in CHAPTERS:
        assert report["maths"] > 0, "a chapter without any formula? (MathJax not exercised)"
    if report["maths"]:
        assert not report["mathjax"], "MathJax loaded, but the math is typeset at build time"
        assert report["typeset"] >= report["maths"], report
    assert not report["raw"], f"formulas left as raw TeX: {report['raw'][:5]}"
    assert not report["errors"], f"MathJax errors: {report['errors'][:5]}"
    assert not report["leftovers"], f"raw TeX in the text: {report['leftovers']}"
    assert not report["prose"], f"prose typeset as math (unescaped $?): {report['prose']}"


def test_every_image_loads(light_page):
    images = light_page.page.evaluate("""() => [...document.images].map(img => ({
        src: img.currentSrc.slice(0, 70), alt: img.getAttribute('alt'),
        loaded: img.complete && img.naturalWidth > 0,
        visible: img.offsetWidth > 0 && img.offsetHeight > 0 && !img.closest('[hidden], details:not([open])'),
        lazy: img.loading === 'lazy'}))""")
    broken = [i["src"] for i in images if not i["loaded"] and not i["lazy"]]
    assert not broken, f"images that did not load: {broken}"
    lazy_unloaded = [i["src"] for i in images if i["lazy"] and not i["loaded"] and i["visible"]]
    assert not lazy_unloaded, lazy_unloaded
    no_alt = [i["src"] for i in images if not (i["alt"] or "").strip()]
    assert not no_alt, f"images without alt text: {no_alt}"
    # A figure the kernel could not render shows as text ("<Figure size 800x360 ...>").
    empty = light_page.page.evaluate("""() => {
        const text = document.body.innerText;
        const reprs = (text.match(/<Figure size [^>]*>/g) || []);
        const bare = [...document.querySelectorAll('main figure')]
            .filter(f => !f.querySelector('img, svg, canvas, table, mjx-container'))
            .map(f => (f.id || f.className) + ': ' + f.textContent.trim().slice(0, 60));
        return [...reprs, ...bare];
    }""")
    assert not empty, f"figures without a picture: {empty}"


def test_launch_buttons(light_page):
    if light_page.path not in CHAPTERS:
        pytest.skip("launch buttons belong to chapter pages")
    hrefs = light_page.page.evaluate(
        "() => [...document.querySelectorAll('.dropdown-launch-buttons a, a.btn')].map(a => a.href)")
    nb = f"chapters/{light_page.path.stem}.ipynb"
    binder = [h for h in hrefs if "/v2/gh/" in h and "urlpath=lab" in h and nb in h]
    colab = [h for h in hrefs if "colab.research.google.com/github/" in h and f"/main/{nb}" in h]
    assert binder and colab, f"launch buttons missing: {hrefs}"
    # A JupyterHub button only when _config.yml names a hub (an institution adds its own).
    hub_set = re.search(r"^\s+jupyterhub_url:\s*\S", (ROOT / "_config.yml").read_text(), re.M)
    hub = [h for h in hrefs if "/hub/user-redirect/git-pull?" in h and "branch=main" in h and nb in h]
    assert bool(hub) == bool(hub_set), f"JupyterHub button {hub} with jupyterhub_url set: {bool(hub_set)}"


def explorers(loaded: Loaded, *, required: bool = True):
    figures = loaded.page.locator("figure.migcoop-explorer").all()
    if not figures:
        if required and loaded.path in CHAPTERS:
            pytest.fail("every chapter shows at least one interactive figure")
        pytest.skip("no static explorer on this page")
    return figures


def test_static_sliders_move_the_figure(light_page):
    """Every slider of every explorer, by mouse (click and drag) and keyboard; even steps."""
    page = light_page.page
    moves = 0
    for fig in explorers(light_page):
        for slider in fig.locator('input[type="range"]').all():
            sid = slider.get_attribute("id")
            start = figure_state(fig)
            info = next(i for i in start["inputs"] if i["id"] == sid)
            assert info["label"], f"slider {sid} has no label"
            assert info["outputVisible"] and info["output"] == info["expected"], info
            assert info["last"] >= 1, f"slider {sid} has a single position"
            steps = {round(b - a, 9) for a, b in zip(info["values"], info["values"][1:], strict=False)}
            assert len(steps) == 1, f"slider {sid} steps unevenly: {info['values']}"
            assert float(info["step"]) == pytest.approx(steps.pop()), f"{sid}: step {info['step']}"

            # Mouse: click near the far end of the track (the screenshot may have scrolled the
            # page to the figure, so the slider is brought back into view first).
            picture = frames_picture(fig)
            slider.evaluate("e => e.scrollIntoView({block: 'center'})")
            box = slider.bounding_box()
            far = 0.97 if info["index"] <= info["last"] / 2 else 0.03
            page.mouse.click(box["x"] + box["width"] * far, box["y"] + box["height"] / 2)
            clicked = figure_state(fig)
            assert_moved(start, clicked, f"{sid} mouse click", sid)
            assert frames_picture(fig) != picture, f"{sid}: the picture did not change on click"

            # Mouse: drag the thumb to the middle of the track (or the other end).
            slider.evaluate("e => e.scrollIntoView({block: 'center'})")
            box = slider.bounding_box()
            index = next(i for i in clicked["inputs"] if i["id"] == sid)["index"]
            thumb_x = box["x"] + 8 + (box["width"] - 16) * index / info["last"]
            to = 0.5 if info["last"] >= 2 else (0.03 if index else 0.97)
            page.mouse.move(thumb_x, box["y"] + box["height"] / 2)
            page.mouse.down()
            page.mouse.move(box["x"] + box["width"] * to, box["y"] + box["height"] / 2, steps=6)
            page.mouse.up()
            dragged = figure_state(fig)
            assert_moved(clicked, dragged, f"{sid} mouse drag", sid)

            # Keyboard: Home, ArrowRight, End (each move changes the picture).
            slider.focus()
            for key in ("Home", "ArrowRight", "End"):
                before = figure_state(fig)
                picture = frames_picture(fig)
                v0 = next(i for i in before["inputs"] if i["id"] == sid)["index"]
                page.keyboard.press(key)
                after = figure_state(fig)
                v1 = next(i for i in after["inputs"] if i["id"] == sid)["index"]
                expected = {"Home": 0, "ArrowRight": min(v0 + 1, info["last"]), "End": info["last"]}[key]
                assert v1 == expected, f"{sid}: {key} gave position {v1}, expected {expected}"
                if v1 != v0:
                    assert_moved(before, after, f"{sid} {key} key", sid)
                    assert frames_picture(fig) != picture, f"{sid}: picture unchanged after {key}"

            # Back to where the page started, so screenshots and audits see the default.
            page.keyboard.press("Home")
            for _ in range(info["index"]):
                page.keyboard.press("ArrowRight")
            back = figure_state(fig)
            assert back["alt"] == start["alt"] and back["markup"] == start["markup"], \
                f"{sid}: back at the start, another drawing"
            moves += 1
    if light_page.path in CHAPTERS:
        assert moves or page.locator(".migcoop-choice").count()


def test_static_choices_are_toggle_buttons_that_move_the_figure(light_page):
    """Every either/or control (and every set of uneven values) as a group of toggle buttons."""
    page = light_page.page
    for fig in explorers(light_page):
        for box in fig.locator(".migcoop-choice").all():
            name = box.get_attribute("data-name")
            buttons = box.locator("button").all()
            start = figure_state(fig)
            group = next(g for g in start["groups"] if g["name"] == name)
            assert group["label"] and group["count"] >= 2 and group["pressed"] >= 0, group
            assert box.locator('[role="group"]').get_attribute("aria-labelledby")
            picture = frames_picture(fig)
            other = (group["pressed"] + 1) % group["count"]
            buttons[other].click()
            after = figure_state(fig)
            assert_moved(start, after, f"{name}: button {group['texts'][other]!r}")
            assert next(g for g in after["groups"] if g["name"] == name)["pressed"] == other
            assert frames_picture(fig) != picture, f"{name}: the picture did not change"
            # Keyboard: the buttons are in the tab order and Enter presses one.
            buttons[group["pressed"]].focus()
            page.keyboard.press("Enter")
            back = figure_state(fig)
            assert back["alt"] == start["alt"], f"{name}: back to the start gives another frame"
            assert back["markup"] == start["markup"], f"{name}: back to the start, another drawing"


def test_every_position_of_the_main_control_has_its_frame(light_page):
    """The frames really exist: every position of each explorer's first control, in turn."""
    page = light_page.page
    for fig in explorers(light_page, required=False):
        sliders = fig.locator('input[type="range"]').all()
        if not sliders:
            continue
        slider = sliders[0]
        start = figure_state(fig)
        info = next(i for i in start["inputs"] if i["id"] == slider.get_attribute("id"))
        slider.focus()
        page.keyboard.press("Home")
        alts = [figure_state(fig)["alt"]]
        for _ in range(info["last"]):
            page.keyboard.press("ArrowRight")
            state = figure_state(fig)
            assert not state["error"]
            alts.append(state["alt"])
        assert len(set(alts)) == len(alts), f"{info['id']}: repeated alt texts {alts}"
        page.keyboard.press("Home")
        for _ in range(info["index"]):
            page.keyboard.press("ArrowRight")
        assert figure_state(fig)["alt"] == start["alt"]


def test_accessibility_light(light_page):
    violations = [v for v in run_axe(light_page) if v["impact"] in SERIOUS]
    assert not violations, describe(violations)


def test_no_console_errors_light(light_page):
    errors = light_page.errors()
    assert not errors, "\n".join(errors[:10])


def test_no_request_to_another_host_light(light_page):
    assert not light_page.foreign, light_page.foreign[:10]


def test_chapter_page_weight(light_page):
    if light_page.path not in CHAPTERS:
        pytest.skip("the weight limit is per chapter page")
    w = weight(light_page)
    record(light_page, cold_load_bytes=w["cold_load"], cold_load_files=w["cold_files"])
    assert w["cold_load"] <= PAGE_WEIGHT_LIMIT, w


# --- dark mode: chapters and the front page ---------------------------------------------
def test_dark_mode_is_on(dark_page):
    theme = dark_page.page.evaluate("() => document.documentElement.dataset.theme")
    assert theme == "dark"
    screenshot(dark_page)


def test_dark_mode_figures_sit_on_light_panels(dark_page):
    """Figures are drawn dark-on-light: in dark mode each keeps an opaque light backdrop."""
    problems = dark_page.page.evaluate("""() => {
        function rgb(s) { const m = s.match(/[\\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; }
        function lum(c) {
            const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
            return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
        }
        function backdrop(el) {
            for (let e = el; e; e = e.parentElement) {
                const c = rgb(getComputedStyle(e).backgroundColor);
                if (c.length < 4 || c[3] > 0.95) return c;
            }
            return [255, 255, 255];
        }
        const bad = [];
        const imgs = [...document.querySelectorAll('main img')].filter(img =>
            img.offsetWidth > 0 && !img.closest('.dropdown-launch-buttons, .navbar, header, .bd-header'));
        for (const img of imgs) {
            if (img.width < 120) continue;  // icons
            const l = lum(backdrop(img));
            if (l < 0.8) bad.push((img.alt || img.src).slice(0, 60) + ' on luminance ' + l.toFixed(2));
        }
        for (const fig of document.querySelectorAll('figure.migcoop-explorer')) {
            const l = lum(backdrop(fig));
            if (l < 0.8) bad.push('explorer panel ' + fig.id + ' luminance ' + l.toFixed(2));
            for (const input of fig.querySelectorAll('input[type="range"]')) {
                const r = input.getBoundingClientRect();
                if (r.width < 100 || r.height < 16) bad.push('slider ' + input.id + ' too small');
            }
        }
        return bad;
    }""")
    assert not problems, problems


def test_accessibility_dark(dark_page):
    violations = [v for v in run_axe(dark_page) if v["impact"] in SERIOUS]
    assert not violations, describe(violations)


def test_no_console_errors_dark(dark_page):
    assert not dark_page.errors(), dark_page.errors()[:10]
    assert not dark_page.foreign, dark_page.foreign[:10]


# --- phone: 390 x 844, touch ---------------------------------------------------------------
def test_phone_has_no_horizontal_page_scroll(phone_page):
    page = phone_page.page
    overflow = page.evaluate("""() => {
        const doc = document.scrollingElement || document.documentElement;
        const wide = [];
        // Wide tables, formulas and code may scroll inside their own box; the page may not.
        const inScroller = el => {
            for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                const ox = getComputedStyle(a).overflowX;
                if (['auto', 'scroll', 'hidden', 'clip'].includes(ox)) {
                    return a.getBoundingClientRect().right <= window.innerWidth + 1;
                }
            }
            return false;
        };
        for (const el of document.querySelectorAll('main img, main figure, main .migcoop-controls, main p, main h1, main h2')) {
            if (inScroller(el)) continue;
            const r = el.getBoundingClientRect();
            if (r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1)) {
                wide.push(el.tagName + '.' + el.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
            }
        }
        return {scroll: doc.scrollWidth, width: window.innerWidth, wide: wide.slice(0, 10)};
    }""")
    screenshot(phone_page)
    assert overflow["scroll"] <= overflow["width"], f"page scrolls sideways: {overflow}"
    assert not overflow["wide"], f"elements wider than the screen: {overflow['wide']}"


def test_phone_sliders_work_by_touch_and_keyboard(phone_page):
    page = phone_page.page
    for fig in explorers(phone_page):
        fig.scroll_into_view_if_needed()
        shot = SHOTS / "phone" / f"{phone_page.name.replace('/', '__')}__{fig.get_attribute('id')}.png"
        fig.screenshot(path=str(shot), animations="disabled")
        for slider in fig.locator('input[type="range"]').all():
            sid = slider.get_attribute("id")
            slider.evaluate("e => e.scrollIntoView({block: 'center'})")
            box = slider.bounding_box()
            assert box["height"] >= 24 and box["width"] >= 150, f"{sid}: touch target {box}"
            start = figure_state(fig)
            info = next(i for i in start["inputs"] if i["id"] == sid)
            far = 0.97 if info["index"] <= info["last"] / 2 else 0.03
            page.touchscreen.tap(box["x"] + box["width"] * far, box["y"] + box["height"] / 2)
            tapped = figure_state(fig)
            assert_moved(start, tapped, f"{sid} tap", sid)
            slider.focus()
            page.keyboard.press("Home")
            page.keyboard.press("ArrowRight")
            keyed = figure_state(fig)
            assert next(i for i in keyed["inputs"] if i["id"] == sid)["index"] == 1
        for button in fig.locator(".migcoop-choice button").all():
            b = button.bounding_box()
            assert b["height"] >= 24 and b["width"] >= 24, f"button target {b}"
        first = fig.locator('.migcoop-choice button[aria-pressed="false"]').first
        if first.count():
            before = figure_state(fig)
            first.scroll_into_view_if_needed()
            first.tap()
            assert_moved(before, figure_state(fig), "button tap")


def test_phone_figure_panels_keep_their_design_size(phone_page):
    """At 390 px every panel shows at no less than 0.8 of its design width (its width attribute)."""
    small = phone_page.page.evaluate("""() => [...document.querySelectorAll('svg.migcoop-panel')]
        .map(svg => ({design: Number(svg.getAttribute('width')),
                      shown: svg.getBoundingClientRect().width}))
        .filter(p => p.shown < 0.8 * p.design - 0.5)""")
    assert not small, small[:5]


def test_no_console_errors_phone(phone_page):
    assert not phone_page.errors(), phone_page.errors()[:10]
    assert not phone_page.foreign, phone_page.foreign[:10]


def test_explorers_need_no_widget_scripts():
    """Static explorers load only the book's own frame chunks: no widget or RequireJS script."""
    for path in CHAPTERS:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"jupyter-widgets|require\.js|embed-amd", text), path.name
