"""What a student sees on Binder: every chapter run in a real JupyterLab, in Chromium.

JupyterLab is started from the fresh environment that `freshenv` builds from
`requirements.txt` alone (as Binder does), on 127.0.0.1 with a random free port and a
token, in a temporary copy of `chapters/` (the `-e .` install already points at this
repository's library). Headless Chromium (Debian's, driven by Playwright) opens each
chapter's `.ipynb` from an empty workspace, checks that it opens unmodified, runs
*Run All* (JupyterLab's own `notebook:run-all-cells` command), waits for the kernel, and
checks what a student would notice:

* no cell raised (no traceback in any output) and the kernel is the fresh environment's;
* every ipywidget rendered (no "Error displaying widget", no "Loading widget...");
* every slider of every explorer has a usable track (at least 100 px wide), labels that
  are not cut off, and toggle buttons that show their whole labels;
* dragging each explorer's first slider with the mouse, pressing an arrow key on it, and
  clicking its first toggle button (if it has one) each change the figure;
* MyST renders through jupyterlab-myst: admonitions and exercises as styled boxes, no
  raw directive text, math typeset by KaTeX with no raw TeX left;
* no console error (and no JupyterLab extension that fails to load), and
  `jupyter labextension list` reports no incompatible extension.

It also measures key-to-figure time in the page: with an explorer's first slider that
visibly moves the figure focused, ArrowRight/ArrowLeft alternately (12 presses, a pause
after each), from the keydown event to the image's new `src` (a MutationObserver in the
page). Medians per explorer go to `_build/jupyterlab-timings.json` and are printed at the
end of the run; the 200 ms budget is a benchmark (`benchmarks/jupyterlab_keys.py`), not
asserted here. Screenshots of each chapter's first explorer go to
`_build/screenshots/jupyterlab/`.

JupyterLab settings used for the test only (a temporary settings directory): every cell
rendered at once (`windowingMode: none`; by default JupyterLab renders only the cells near
the viewport), no autosave, no news notification.

Run by `make jupyterlab-test` (part of `make test`), in one pytest session with
`test_binder_env.py` so the environment is built once.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from freshenv import ENV, ROOT, clean_env

BUILD = ROOT / "_build"
TIMINGS = BUILD / "jupyterlab-timings.json"
SHOTS = BUILD / "screenshots" / "jupyterlab"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
VIEWPORT = {"width": 1400, "height": 1000}
PRESSES = 12  # key presses timed per explorer
BUDGET_MS = 200  # key-to-figure budget (DESIGN.md), reported, not asserted
MIN_TRACK_PX = 100
RUN_TIMEOUT_S = 900
pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Console messages from MyST roles that jupyterlab-myst cannot resolve inside one
# notebook: {term} (glossary) and {cite} (bibliography). Another change makes these
# render in JupyterLab; until then they are reported as an expected failure.
XREF = re.compile(r"Cross reference target was not found|[Cc]itation|bibliograph|cite", re.I)
# A JupyterLab extension built for another JupyterLab version fails or warns when it loads.
EXT_TROUBLE = re.compile(r"Unsatisfied version|does not satisfy the requirement|"
                         r"Failed to create module|No satisfying version")
TEX_LEFT = re.compile(r"\$\$|\\(?:frac|alpha|beta|gamma|delta|lambda|sigma|varepsilon|epsilon|"
                      r"theta|mathrm|text|left|right|le|ge|cdot|times|sum|max|min|partial)\b")
RAW_MYST = re.compile(r"```\s*\{|:::\s*\{|\{(?:exercise|solution|admonition|math|note|tip|"
                      r"warning|dropdown)\}")


# --- JupyterLab from the fresh environment -------------------------------------------
@dataclass
class Lab:
    url: str
    token: str
    root: Path
    log: Path
    proc: subprocess.Popen

    def open_url(self, name: str) -> str:
        # `reset` starts from an empty workspace: only this notebook is open.
        return f"{self.url}/lab/tree/{name}?reset&token={self.token}"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _settings(home: Path) -> None:
    """Test-only JupyterLab user settings (see the module docstring)."""
    files = {
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
        "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
            {"fetchNews": "false", "checkForUpdates": False},
    }
    for rel, value in files.items():
        path = home / "settings" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value))


@pytest.fixture(scope="module")
def lab(fresh_python, tmp_path_factory):
    env_dir = fresh_python.parent.parent
    work = tmp_path_factory.mktemp("jupyterlab")
    root = work / "chapters"
    root.mkdir()
    for src in sorted((ROOT / "chapters").iterdir()):
        if src.suffix in (".ipynb", ".md"):
            shutil.copy2(src, root / src.name)  # keeps mtimes: jupytext compares the pair's
    home = work / "jupyter"
    for d in ("config", "data", "runtime", "workspaces"):
        (home / d).mkdir(parents=True)
    _settings(home)
    port, token = _free_port(), secrets.token_hex(16)
    env = clean_env(
        JUPYTER_CONFIG_DIR=home / "config", JUPYTER_DATA_DIR=home / "data",
        JUPYTER_RUNTIME_DIR=home / "runtime", JUPYTERLAB_SETTINGS_DIR=home / "settings",
        JUPYTERLAB_WORKSPACES_DIR=home / "workspaces")
    env["PATH"] = os.pathsep.join([str(env_dir / "bin"), env["PATH"]])  # as on Binder
    cmd = [env_dir / "bin" / "jupyter-lab", "--no-browser",
           "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
           "--LabApp.expose_app_in_browser=True",  # window.jupyterapp: commands, models
           "--LabApp.news_url=None", "--LabApp.extension_manager=readonly",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--ServerApp.allow_root=True")  # CI runs as root
    log = work / "jupyterlab.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([str(c) for c in cmd], cwd=root, env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"JupyterLab did not start:\n{log.read_text()[-3000:]}")
        time.sleep(0.5)
    yield Lab(url, token, root, log, proc)
    proc.send_signal(signal.SIGTERM)  # shuts its kernels down too
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser-deps` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--mute-audio"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def report(request):
    """Timings and measurements of the whole run, written to _build/jupyterlab-timings.json."""
    data = {"budget_ms": BUDGET_MS, "presses": PRESSES, "explorers": {}, "chapters": {},
            "sliders": {}}
    yield data
    if not data["explorers"] and not data["chapters"]:
        return
    data["load_average"] = list(os.getloadavg())
    data["cpus"] = os.cpu_count()
    BUILD.mkdir(exist_ok=True)
    TIMINGS.write_text(json.dumps(data, indent=1, sort_keys=True))
    request.config._migcoop_lab_timings = str(TIMINGS)


# --- one chapter, opened and run once; every check below reads it --------------------
@dataclass
class Chapter:
    path: Path
    page: object
    console: list = field(default_factory=list)
    foreign: list = field(default_factory=list)
    opened_dirty: bool = False
    dirty_metadata: dict = field(default_factory=dict)
    run_ok: object = None
    run_seconds: float = 0.0
    kernel: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.stem

    def errors(self) -> list[str]:
        return [text for kind, text in self.console if kind in ("error", "pageerror")]


PANEL = "jupyterapp.shell.currentWidget"
KERNEL_IDLE = f"""() => {{
    const w = window.jupyterapp && {PANEL};
    const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
    return !!(k && k.status === 'idle' && w.context && w.context.isReady);
}}"""


@pytest.fixture(scope="module", params=CHAPTERS, ids=lambda p: p.stem)
def chapter(request, lab, browser, report):
    path: Path = request.param
    ctx = browser.new_context(viewport=VIEWPORT)
    ch = Chapter(path, None)
    own = lab.url

    def guard(route):  # the lab's own server only: nothing else is reachable here anyway
        if route.request.url.startswith((own, "data:", "blob:", "about:")):
            route.continue_()
        else:
            ch.foreign.append(route.request.url)
            route.abort()

    ctx.route("**/*", guard)
    page = ctx.new_page()
    ch.page = page
    page.on("console", lambda m: ch.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: ch.console.append(("pageerror", str(e))))
    page.goto(lab.open_url(path.name))
    page.wait_for_function(KERNEL_IDLE, timeout=120_000, polling=200)
    page.wait_for_timeout(1500)  # let the kernel's info reach the notebook model
    opened = page.evaluate(f"""() => {{
        const w = {PANEL};
        return {{dirty: w.context.model.dirty || w.title.className.includes('jp-mod-dirty')
                       || !!document.querySelector('.lm-TabBar-tab.jp-mod-dirty'),
                 metadata: w.context.model.toJSON().metadata}};
    }}""")
    ch.opened_dirty = opened["dirty"]
    disk = json.loads(path.read_text())["metadata"]
    ch.dirty_metadata = {k: (disk.get(k), v) for k, v in opened["metadata"].items()
                         if disk.get(k) != v}
    start = time.perf_counter()
    ch.run_ok = page.evaluate(f"""async () => {{
        const run = jupyterapp.commands.execute('notebook:run-all-cells');
        const timeout = new Promise(resolve => setTimeout(() => resolve('timeout'), {RUN_TIMEOUT_S * 1000}));
        return await Promise.race([run, timeout]);
    }}""")
    page.wait_for_function(KERNEL_IDLE, timeout=RUN_TIMEOUT_S * 1000, polling=250)
    ch.run_seconds = time.perf_counter() - start
    # Widgets render after the kernel answers; wait until none is loading.
    try:
        page.wait_for_function("""() => {
            const text = document.querySelector('.jp-Notebook').innerText;
            const imgs = [...document.querySelectorAll('.migcoop-live img.widget-image')];
            return !text.includes('Loading widget...') && imgs.every(i => i.src && i.complete);
        }""", timeout=60_000, polling=250)
    except Exception:  # reported by test_every_widget_renders
        pass
    ch.kernel = _kernel_facts(page)
    report["chapters"][ch.name] = {"run_all_s": round(ch.run_seconds, 1)}
    yield ch
    try:
        page.evaluate("async () => { await jupyterapp.serviceManager.sessions.shutdownAll(); }")
    except Exception:
        pass
    ctx.close()


def _kernel_facts(page) -> dict:
    """Ask the notebook's kernel where it runs (its output goes nowhere visible)."""
    code = ("import sys, json, pathlib, migcoop; print(json.dumps({'prefix': sys.prefix, "
            "'migcoop': str(pathlib.Path(migcoop.__file__).resolve())}))")
    out = page.evaluate(f"""async () => {{
        const k = {PANEL}.sessionContext.session.kernel;
        let out = '';
        const f = k.requestExecute({{code: {json.dumps(code)}, silent: false, store_history: false}});
        f.onIOPub = m => {{ if (m.header.msg_type === 'stream') out += m.content.text; }};
        await f.done;
        return out;
    }}""")
    try:
        return json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"raw": out}


# --- running --------------------------------------------------------------------------
def test_notebook_opens_unmodified(chapter):
    if not chapter.opened_dirty:
        return
    keys = set(chapter.dirty_metadata)
    if keys and keys <= {"kernelspec", "language_info"}:
        pytest.xfail(
            f"{chapter.path.name} opens modified: on connecting, JupyterLab rewrites the "
            f"notebook's kernel metadata {chapter.dirty_metadata}. The clean .ipynb must store "
            "kernelspec.display_name 'Python 3 (ipykernel)' and the kernel's full language_info "
            "(its version is the Python's: pin Binder's Python to the one the notebooks record)")
    pytest.fail(f"{chapter.path.name} is marked modified right after opening; metadata that "
                f"changed: {chapter.dirty_metadata}")


def test_chapter_runs_without_error(chapter):
    page = chapter.page
    # Errors as the notebook model holds them, and as the page shows them.
    raised = page.evaluate(f"""() => {PANEL}.content.widgets
        .filter(c => c.model.type === 'code')
        .flatMap(c => c.model.outputs.toJSON().filter(o => o.output_type === 'error')
            .map(o => `cell ${{c.model.sharedModel.getSource().slice(0, 80)}}...: ${{o.ename}}: ${{o.evalue}}`))""")
    assert not raised, f"{chapter.path.name}: Run All raised:\n" + "\n".join(raised)
    errors = page.evaluate("""() => [...document.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], ' +
        '.jp-RenderedText[data-mime-type*="error"]')]
        .map(e => e.innerText).filter(t => /Traceback|Error/.test(t)).map(t => t.slice(-1500))""")
    assert not errors, f"{chapter.path.name}: error output after Run All:\n" + "\n---\n".join(errors)
    assert chapter.run_ok is not False and chapter.run_ok != "timeout", \
        f"Run All did not finish cleanly ({chapter.run_ok!r}) after {chapter.run_seconds:.0f} s"
    unrun = page.evaluate(f"""() => {PANEL}.content.widgets
        .filter(c => c.model.type === 'code' && c.model.sharedModel.getSource().trim()
                && c.model.executionCount === null).length""")
    assert unrun == 0, f"{chapter.path.name}: {unrun} code cells did not run"
    facts = chapter.kernel
    assert Path(facts.get("prefix", "?")).resolve() == ENV.resolve(), \
        f"the kernel is not the fresh environment's: {facts}"
    assert Path(facts["migcoop"]).is_relative_to((ROOT / "lib" / "migcoop").resolve()), facts
    texts = page.evaluate("""() => [...document.querySelectorAll('.jp-OutputArea-output')]
        .map(e => e.innerText).filter(t => t.startsWith('<Figure size'))""")
    assert not texts, f"figures shown as text, not pictures: {texts}"
    assert page.locator(".migcoop-explorer").count() == 0, "static frames leaked into the live run"


def test_every_widget_renders(chapter):
    page = chapter.page
    text = page.evaluate("() => document.querySelector('.jp-Notebook').innerText")
    for bad in ("Error displaying widget", "Loading widget...", "model not found"):
        assert bad not in text, f"{chapter.path.name}: {bad!r} shown"
    expected = len(re.findall(r"^explore\(", (chapter.path.with_suffix(".md")).read_text(), re.M))
    boxes = page.locator(".migcoop-live")
    assert boxes.count() == expected, f"{boxes.count()} live explorers shown, {expected} in the chapter"
    broken = page.evaluate("""() => [...document.querySelectorAll('.migcoop-live img.widget-image')]
        .filter(i => !i.src || !i.complete || i.naturalWidth < 100).length""")
    assert broken == 0, f"{broken} explorer images did not load"


def _explorers(page) -> list[str]:
    return page.evaluate("""() => [...document.querySelectorAll('.migcoop-live')].map(b =>
        [...b.classList].find(c => c.startsWith('migcoop-live-')).slice('migcoop-live-'.length))""")


def test_slider_tracks_labels_and_buttons_are_usable(chapter, report):
    page = chapter.page
    rows = page.evaluate("""() => [...document.querySelectorAll('.migcoop-live')].map(box => ({
        sliders: [...box.querySelectorAll('.widget-slider')].map(s => {
            const track = s.querySelector('.slider-container') || s.querySelector('.noUi-target');
            const label = s.querySelector('.widget-label');
            return {label: label.textContent, track: track ? track.getBoundingClientRect().width : 0,
                    cut: label.scrollWidth > label.clientWidth + 1};
        }),
        toggles: [...box.querySelectorAll('.widget-toggle-buttons')].map(t => {
            const label = t.querySelector('.widget-label');
            return {label: label ? label.textContent : '',
                    cut: label ? label.scrollWidth > label.clientWidth + 1 : false,
                    buttons: [...t.querySelectorAll('button')].map(b =>
                        ({text: b.textContent, cut: b.scrollWidth > b.clientWidth + 1}))};
        }),
    }))""")
    problems = []
    for name, row in zip(_explorers(page), rows, strict=True):
        report["sliders"][name] = {s["label"]: round(s["track"]) for s in row["sliders"]}
        for s in row["sliders"]:
            if s["track"] < MIN_TRACK_PX:
                problems.append(f"{name}: slider {s['label']!r} track is {s['track']:.0f} px")
            if s["cut"]:
                problems.append(f"{name}: label {s['label']!r} is cut off")
        for t in row["toggles"]:
            if t["cut"]:
                problems.append(f"{name}: label {t['label']!r} is cut off")
            problems += [f"{name}: toggle button {b['text']!r} is cut off" for b in t["buttons"] if b["cut"]]
    assert not problems, "\n".join(problems)


# --- moving the controls ---------------------------------------------------------------
WATCH = """box => {
    const img = box.querySelector('img.widget-image');
    window.__mx = {changes: [], key: null};
    if (window.__mxObserver) window.__mxObserver.disconnect();
    window.__mxObserver = new MutationObserver(() => window.__mx.changes.push(performance.now()));
    window.__mxObserver.observe(img, {attributes: true, attributeFilter: ['src']});
    box.querySelectorAll('.noUi-handle').forEach(h => h.addEventListener('keydown',
        () => { window.__mx.key = performance.now(); }, true));
}"""


@cache
def _visible(name: str, control: str, value) -> bool:
    """Does moving ``control`` from its default to ``value`` change the picture at all?

    Drawn here, with the same library: a control that changes nothing is a fault of the
    figure (tests/lib/test_explore_live.py), not of the live widget.
    """
    import migcoop.figures  # noqa: F401
    from migcoop.explore import REGISTRY

    ex = REGISTRY[name]
    pics = []
    for params in (ex.defaults(), {**ex.defaults(), control: value}):
        fig, _ = ex.render(None, **params)
        fig.canvas.draw()
        pics.append(np.asarray(fig.canvas.buffer_rgba()).copy())
    return bool(np.any(pics[0] != pics[1]))


def _sliders(name: str) -> list:
    import migcoop.figures  # noqa: F401  (registers every explorer)
    from migcoop.explore import REGISTRY, Slider

    return [(k, c) for k, c in REGISTRY[name].sliders.items() if isinstance(c, Slider)]


def _press(page, handle, key: str, timeout_ms: int = 15_000) -> float | None:
    """Press ``key`` on a focused slider handle; ms from keydown to a new image, or None."""
    page.evaluate("() => { window.__mx.changes = []; window.__mx.key = null; }")
    handle.press(key)
    try:
        page.wait_for_function("() => window.__mx.changes.length > 0", timeout=timeout_ms, polling=5)
    except Exception:
        return None
    return page.evaluate("() => window.__mx.changes[0] - window.__mx.key")


def test_first_controls_move_the_figure(chapter, report):
    """Keys, mouse and toggle buttons change each explorer's figure; time the keys."""
    page = chapter.page
    failures, inert = [], []
    SHOTS.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(_explorers(page)):
        box = page.locator(".migcoop-live").nth(i)
        box.scroll_into_view_if_needed()
        if i == 0:
            box.screenshot(path=str(SHOTS / f"{chapter.name}.png"))
        box.evaluate(WATCH)
        # The chapter may fix some parameters (explore(draw, k=value)): the sliders shown are
        # the registered ones whose labels the widget carries, in the registry's order.
        shown = {t.strip() for t in box.locator(".widget-slider .widget-label").all_text_contents()}
        sliders = [(k, c) for k, c in _sliders(name) if c.label in shown]
        handles = box.locator(".widget-slider .noUi-handle")
        assert sliders and handles.count() == len(sliders) == len(shown), \
            f"{name}: {handles.count()} slider handles for labels {sorted(shown)}"

        # Time key presses on the first slider whose one-step move changes the picture,
        # alternating right and left so the figure changes on every press.
        timed, times = None, []
        for k, (control, spec) in enumerate(sliders):
            vals = list(spec.values())
            j = vals.index(spec.default)
            right = j + 1 < len(vals)
            there = vals[j + 1] if right else vals[j - 1]
            if not _visible(name, control, there):
                if k == 0:
                    inert.append(f"{name}.{control}: {spec.default} -> {there}")
                continue
            timed = control
            handle = handles.nth(k)
            handle.focus()
            keys = ("ArrowRight", "ArrowLeft") if right else ("ArrowLeft", "ArrowRight")
            for p in range(PRESSES):
                ms = _press(page, handle, keys[p % 2])
                if ms is None:
                    failures.append(f"{name}: {keys[p % 2]} on {control!r} (press {p + 1}) "
                                    "did not change the figure")
                    break
                times.append(ms)
                page.wait_for_timeout(250)
            break
        key = name if name not in report["explorers"] else f"{name} ({i + 1})"
        report["explorers"][key] = {
            "chapter": chapter.name, "control": timed,
            "median_ms": round(statistics.median(times), 1) if times else None,
            "presses_ms": [round(t, 1) for t in times]}

        # Drag the first slider with the mouse (there and back if it is near the end).
        handle = handles.nth(0)
        control, spec = sliders[0]
        bar = box.locator(".widget-slider .slider-container").nth(0).bounding_box()
        hb = handle.bounding_box()
        x, y = hb["x"] + hb["width"] / 2, hb["y"] + hb["height"] / 2
        dx = 0.25 * bar["width"] * (1 if x < bar["x"] + bar["width"] / 2 else -1)
        page.evaluate("() => { window.__mx.changes = []; }")
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x + dx, y, steps=10)
        page.mouse.up()
        readout = box.locator(".widget-slider .widget-readout").nth(0).inner_text()
        if "nan" in readout.lower():
            failures.append(f"{name}: dragging {control!r} shows {readout!r}")
        try:
            page.wait_for_function("() => window.__mx.changes.length > 0", timeout=15_000)
        except Exception:
            value = float(handle.get_attribute("aria-valuenow") or "nan")
            if _visible(name, control, _nearest(spec, value)):
                failures.append(f"{name}: dragging {control!r} to {readout} did not change the figure")
            else:
                inert.append(f"{name}.{control}: dragged {spec.default} -> {readout}")

        # The first toggle button group, if any: pick another option.
        toggles = box.locator(".widget-toggle-buttons")
        if toggles.count():
            button = toggles.nth(0).locator("button:not(.mod-active)").first
            page.evaluate("() => { window.__mx.changes = []; }")
            button.click()
            try:
                page.wait_for_function("() => window.__mx.changes.length > 0", timeout=15_000)
            except Exception:
                failures.append(f"{name}: clicking {button.inner_text()!r} did not change the figure")
    assert not failures, "\n".join(failures)
    if inert:
        pytest.xfail("figures that do not change when their first slider moves (a fault of the "
                     "figure, see INERT in tests/lib/test_explore_live.py): " + "; ".join(inert))


def _nearest(spec, value: float):
    vals = list(spec.values())
    return vals[int(np.argmin([abs(v - value) for v in vals]))]


# --- MyST, math, console ---------------------------------------------------------------
def test_myst_renders(chapter):
    page = chapter.page
    source = chapter.path.with_suffix(".md").read_text()
    facts = page.evaluate("""() => {
        const md = [...document.querySelectorAll('.jp-MarkdownCell')];
        return {cells: md.length,
                unrendered: md.filter(c => !c.classList.contains('jp-mod-rendered')).length,
                admonitions: document.querySelectorAll('.myst-admonition').length,
                exercises: document.querySelectorAll('.myst-exercise').length,
                text: md.map(c => c.innerText).join('\\n')};
    }""")
    assert facts["cells"] > 0 and facts["unrendered"] == 0, \
        f"{facts['unrendered']} of {facts['cells']} markdown cells are not rendered"
    if "{admonition}" in source or re.search(r"\{(note|tip|warning|important)\}", source):
        assert facts["admonitions"] > 0, "admonitions are not rendered by jupyterlab-myst"
    n_ex = len(re.findall(r"\{exercise\}", source))
    assert facts["exercises"] >= n_ex, f"{facts['exercises']} exercise boxes for {n_ex} exercises"
    raw = sorted(set(RAW_MYST.findall(facts["text"])))
    assert not raw, f"raw MyST shown as text: {raw}"


def test_math_renders(chapter):
    page = chapter.page
    facts = page.evaluate("""() => {
        const out = [];
        for (const cell of document.querySelectorAll('.jp-MarkdownCell .jp-RenderedMarkdown, .jp-MarkdownCell .jp-MarkdownOutput')) {
            const copy = cell.cloneNode(true);
            copy.querySelectorAll('.katex, .katex-display, code, pre').forEach(e => e.remove());
            out.push(copy.textContent);
        }
        return {katex: document.querySelectorAll('.katex').length,
                errors: [...document.querySelectorAll('.katex-error, .myst-math-error')].map(e => e.textContent),
                text: out.join('\\n')};
    }""")
    source = chapter.path.with_suffix(".md").read_text()
    if re.search(r"\$[^$\s][^$]*\$|\{math\}", source.replace(r"\$", "")):
        assert facts["katex"] > 0, "no typeset math"
    assert not facts["errors"], f"math that did not typeset: {facts['errors'][:5]}"
    left = sorted(set(TEX_LEFT.findall(facts["text"])))
    assert not left, f"raw TeX left in the text: {left}"


def test_no_console_errors(chapter):
    trouble = [t for kind, t in chapter.console if EXT_TROUBLE.search(t)]
    assert not trouble, "JupyterLab extensions that do not fit this JupyterLab:\n" + "\n".join(trouble)
    errors = chapter.errors()
    xref = [e for e in errors if XREF.search(e)]
    other = [e for e in errors if e not in xref]
    assert not other, "console errors:\n" + "\n".join(e[:500] for e in other)
    if xref:
        unresolved = sorted({line.strip() for e in xref for line in e.splitlines() if line.strip()})
        pytest.xfail(f"{chapter.path.name}: jupyterlab-myst cannot resolve {len(unresolved)} "
                     "glossary terms / citations (being fixed separately): " + "; ".join(unresolved))


# --- the installation -----------------------------------------------------------------
def test_labextension_list_reports_no_incompatible_extension(fresh_python):
    env_dir = fresh_python.parent.parent
    done = subprocess.run([str(env_dir / "bin" / "jupyter"), "labextension", "list"],
                          capture_output=True, text=True, env=clean_env(), timeout=120)
    text = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)
    assert done.returncode == 0, text
    names = re.findall(r'"([^"]+)" is not compatible with the current JupyterLab', text)
    names += re.findall(r"^\s+(\S+) v\S+ \w+\s+X\b", text, re.M)
    bad = sorted({re.sub(r"(?<=.)@[^@/]*$", "", n) for n in names})  # without "@version"
    if bad == ["jupyterlab-myst"] and _myst_ydoc_only(text, env_dir):
        pytest.xfail(
            "`jupyter labextension list` flags jupyterlab-myst 2.7.0 as incompatible with "
            "JupyterLab 4.6: its package.json declares @jupyter/ydoc ^3.0.0 while JupyterLab "
            "4.6 ships ydoc 4. Its built bundle never imports @jupyter/ydoc (checked here) and "
            "it loads with no shared-module warning (test_no_console_errors). JupyterLab 4.5.11, "
            "which ships ydoc 3, is listed clean but jupytext 1.19.6's extension fails to load "
            "there (it needs @jupyterlab/apputils ^4.7, i.e. JupyterLab 4.6)")
    assert not bad, f"incompatible JupyterLab extensions: {bad}\n{text}"


def _myst_ydoc_only(listing: str, env_dir: Path) -> bool:
    """True if jupyterlab-myst's only conflict is @jupyter/ydoc, which its bundle never loads."""
    block = listing.split('"jupyterlab-myst@', 1)[-1]
    conflicts = set(re.findall(r"(@[\w-]+/[\w.-]+)\s*$", block.split("\n\n\n")[0], re.M))
    static = env_dir / "share/jupyter/labextensions/jupyterlab-myst/static"
    uses_ydoc = any("@jupyter/ydoc" in p.read_text(errors="ignore") for p in static.glob("*.js"))
    return conflicts == {"@jupyter/ydoc"} and not uses_ydoc
