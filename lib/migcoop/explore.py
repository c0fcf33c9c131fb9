"""Interactive figures: one drawing function, three places to show it.

A figure is a pure function ``draw(fig, **params)`` that draws on a cleared
matplotlib ``Figure`` and may return ``update(**params)``, which changes the
artists' data in place (much faster than clearing and redrawing). Registered with
:func:`register`, it is shown by :func:`explore`:

* in a live kernel (JupyterLab, Binder, a JupyterHub, Colab) as ipywidgets
  sliders above the rendered figure, redrawn as they move: a worker thread draws the
  newest position and skips those that arrived while it drew (:class:`LiveFigure`);
* in the built book (the build sets ``MIGCOOP_STATIC=1``) as inline SVG panels with
  every control live: pre-rendered frames, stored as the groups that differ from the
  default drawing and loaded on demand (:mod:`migcoop.static_figure`), swapped by a
  native range input or toggle buttons, offline, with no kernel and no widget JavaScript;
* in tests and benchmarks through ``REGISTRY``, which maps a name to every
  :class:`Explorer`.
"""

from __future__ import annotations

import html
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from . import style
from ._validate import check_range

__all__ = ["Slider", "Choice", "Explorer", "LiveFigure", "REGISTRY", "register", "explore",
           "static_mode"]

STATIC_ENV = "MIGCOOP_STATIC"
MAX_FRAMES = 15  # frames for one pre-rendered slider; two sliders share about twice that


@dataclass(frozen=True)
class Slider:
    """A numeric control: the range ``[min, max]`` in steps of ``step``.

    ``label`` names the parameter with its unit, as the reader sees it;
    ``value`` is the starting position (by default the middle step). ``step`` must
    divide ``max - min`` into whole steps, so both ends are positions of the slider.
    """

    min: float
    max: float
    step: float
    label: str
    value: float | None = None

    def __post_init__(self):
        check_range("min", self.min, scalar=True)
        check_range("max", self.max, self.min, low_open=True, scalar=True)
        check_range("step", self.step, 0.0, self.max - self.min, low_open=True, scalar=True)
        steps = (self.max - self.min) / self.step
        if abs(steps - round(steps)) > 1e-9 * max(1.0, steps):
            raise ValueError(f"step={self.step!r} must divide max - min = {self.max - self.min!r} "
                             f"into whole steps (it gives {steps:.6g} steps)")
        if round(steps) > 10_000:
            raise ValueError(f"step={self.step!r} makes {round(steps)} positions; at most 10000")
        if not isinstance(self.label, str) or not self.label.strip():
            raise ValueError(f"label={self.label!r} must be a non-empty string")
        if self.value is not None:
            check_range("value", self.value, self.min, self.max, scalar=True)

    @property
    def integer(self) -> bool:
        return all(float(x).is_integer() for x in (self.min, self.max, self.step))

    @property
    def decimals(self) -> int:
        """Decimal places that show every position exactly (0.025 steps need 3)."""
        if self.integer:
            return 0
        for d in range(11):
            if all(abs(round(x * 10**d) - x * 10**d) < 1e-6 for x in (self.min, self.step)):
                return d
        return 10

    def values(self) -> np.ndarray:
        """Every position the slider can take."""
        n = int(round((self.max - self.min) / self.step))
        vals = self.min + self.step * np.arange(n + 1)
        return vals.astype(int) if self.integer else np.round(vals, 10)

    @property
    def default(self):
        vals = self.values()
        target = self.value if self.value is not None else vals[len(vals) // 2]
        return vals[int(np.argmin(np.abs(vals - target)))].item()

    def format(self, v) -> str:
        return f"{v:.{self.decimals}f}"


@dataclass(frozen=True)
class Choice:
    """A control with a few named options (a toggle), e.g. a barrier type."""

    options: tuple
    label: str
    value: object = None

    def __post_init__(self):
        if isinstance(self.options, (str, bytes)) or not hasattr(self.options, "__iter__"):
            raise ValueError(f"options={self.options!r} must be a tuple of choices, not one value")
        options = list(self.options)
        if len(options) < 2:
            raise ValueError(f"options={self.options!r} must name at least two choices")
        if any(not isinstance(o, str) or not o.strip() for o in options):
            raise ValueError(f"options={self.options!r} must be non-empty strings (their labels)")
        dupes = sorted({o for o in options if options.count(o) > 1})
        if dupes:
            raise ValueError(f"options={self.options!r} repeat {dupes}: each choice once")
        if not isinstance(self.label, str) or not self.label.strip():
            raise ValueError(f"label={self.label!r} must be a non-empty string")
        if self.value is not None and self.value not in self.options:
            raise ValueError(f"value={self.value!r} is not one of {list(self.options)}")

    def values(self) -> list:
        return list(self.options)

    @property
    def default(self):
        return self.options[0] if self.value is None else self.value

    def format(self, v) -> str:
        return str(v)


Control = Slider | Choice


@dataclass(frozen=True)
class Explorer:
    """A registered interactive figure.

    ``draw(fig, **params)`` draws it; ``sliders`` maps each parameter to its control;
    ``static`` names the one or two main controls (the finest grid in the built book);
    ``caption`` says what the figure shows; ``alt(**params)`` describes the picture
    at given parameter values (alt text of each static frame); ``size`` is inches.
    """

    name: str
    draw: Callable
    sliders: dict
    static: tuple
    caption: str
    alt: Callable[..., str]
    size: tuple = (style.WIDTH, style.HEIGHT)
    frames: dict = field(default_factory=dict)

    def defaults(self) -> dict:
        return {k: s.default for k, s in self.sliders.items()}

    def render(self, fig=None, **params):
        """Draw at ``params`` (missing ones at defaults); return ``(fig, update)``."""
        values = {**self.defaults(), **params}
        if fig is None:
            fig = style.new_figure(*self.size)
        else:
            fig.clear()
            fig.subplots_adjust(**style.MARGINS)
        with style.context():
            update = self.draw(fig, **values)
        return fig, update

    def static_values(self, name: str) -> list:
        """The positions the built book offers for control ``name`` (see :mod:`.static_figure`)."""
        from .static_figure import grids

        if name not in self.sliders:
            raise ValueError(f"name={name!r} is not a control of {self.name!r}: {list(self.sliders)}")
        return grids(self, {})[name]


REGISTRY: dict[str, Explorer] = {}


def register(name: str, *, sliders: dict, static, caption: str, alt: Callable[..., str],
             size: tuple = (style.WIDTH, style.HEIGHT), frames: dict | None = None):
    """Decorator: register ``draw`` under ``name`` with its sliders, caption and alt text."""
    static = (static,) if isinstance(static, str) else tuple(static)
    if not 1 <= len(static) <= 2 or any(s not in sliders for s in static):
        raise ValueError(f"static={static!r} must name one or two of the sliders {list(sliders)}")

    def decorate(draw):
        REGISTRY[name] = Explorer(name, draw, dict(sliders), static, caption, alt, size,
                                  dict(frames or {}))
        draw.explorer_name = name
        return draw

    return decorate


def static_mode() -> bool:
    """True when the book is being built (``MIGCOOP_STATIC=1``): emit pre-rendered frames."""
    return os.environ.get(STATIC_ENV, "") not in ("", "0")


# --- rendering -------------------------------------------------------------
def _lookup(draw) -> Explorer:
    if isinstance(draw, Explorer):
        return draw
    if isinstance(draw, str):
        key = draw
    else:
        key = getattr(draw, "explorer_name", None)
    if key not in REGISTRY:
        raise ValueError(f"draw={draw!r} is not a registered explorer; known: {sorted(REGISTRY)}")
    return REGISTRY[key]


def explore(draw, **sliders):
    """Show a registered interactive figure (live sliders, or static frames in the book).

    ``draw`` is a registered drawing function or its name. Keyword arguments override
    sliders (a :class:`Slider` or :class:`Choice`) or fix a parameter at a value.
    """
    ex = _lookup(draw)
    controls = dict(ex.sliders)
    fixed = {}
    for k, v in sliders.items():
        if k not in controls:
            raise ValueError(f"{k}={v!r} is not a parameter of explorer {ex.name!r}: {list(controls)}")
        if isinstance(v, (Slider, Choice)):
            controls[k] = v
        else:
            fixed[k] = v
            controls.pop(k)
    ex = Explorer(ex.name, ex.draw, controls, tuple(s for s in ex.static if s in controls) or
                  (next(iter(controls)),), ex.caption, ex.alt, ex.size, ex.frames)
    from IPython.display import HTML, display

    if static_mode():
        display(HTML(static_html(ex, **fixed)))
        return None
    widget = live_widget(ex, **fixed)
    display(widget)
    return None


FRAMES_ENV = "MIGCOOP_FRAMES_DIR"
_PAGE_IDS: dict[str, int] = {}


def static_figure(explorer, **fixed):
    """The built book's version (:mod:`migcoop.static_figure`): HTML and its frame chunks."""
    from . import static_figure as sf

    ex = _lookup(explorer)
    uid = sf.uid_for(ex, fixed)
    _PAGE_IDS[uid] = _PAGE_IDS.get(uid, 0) + 1
    if _PAGE_IDS[uid] > 1:
        uid = f"{uid}-{_PAGE_IDS[uid]}"
    return sf.build(ex, fixed, uid)


def static_html(explorer, **fixed) -> str:
    """Write the frame chunks under ``$MIGCOOP_FRAMES_DIR`` and return the page's HTML.

    The build sets ``MIGCOOP_FRAMES_DIR`` to a folder that Sphinx copies into ``_static``
    (``_config.yml``, ``html_static_path``); a report of each explorer (frames, bytes,
    problems found in the drawn text) is written beside the chunks for the book tests.
    """
    from pathlib import Path

    out = os.environ.get(FRAMES_ENV, "")
    if not out:
        raise ValueError(f"{FRAMES_ENV} is not set: the static page needs a folder for its frames "
                         "(the Makefile sets it; run `make book`)")
    result = static_figure(explorer, **fixed)
    folder = Path(out) / "explorers" / result.uid
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.js"):
        old.unlink()
    for c, text in result.chunks.items():
        (folder / f"{c}.js").write_text(text, encoding="utf-8")
    report = {"name": _lookup(explorer).name, "uid": result.uid, "frames": result.frames,
              "chunks": len(result.chunks), "page_bytes": len(result.html.encode()),
              "chunk_bytes": sum(len(t.encode()) for t in result.chunks.values()),
              "problems": result.problems, "characters": "".join(sorted(result.characters))}
    (folder / "report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    return result.html


def _in_kernel() -> bool:
    """True inside a running IPython kernel (Jupyter), where widget events arrive as messages."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


class LiveFigure:
    """Redraws an explorer's figure for the newest requested parameters only.

    A slider move arrives in the kernel as a message; ipykernel handles one message at a
    time, so drawing inside the handler would draw every intermediate value of a drag in
    turn (each ~60-150 ms), and the figure would lag ever further behind the slider.
    Here the handler only records the newest parameters (microseconds) and, if no draw is
    running, starts one on a worker thread. When a draw finishes, the worker draws again
    only if newer parameters arrived meanwhile, so values that came in while it drew are
    skipped and the figure always catches up to where the slider is.

    ``background=False`` (outside a kernel: tests, scripts) draws in the caller instead.
    ``drawn`` counts frames drawn and ``skipped`` requests superseded before being drawn.
    """

    def __init__(self, explorer: Explorer, fig, update, image, status, *, background: bool):
        self.explorer = explorer
        self.fig, self.update = fig, update
        self.image, self.status = image, status
        self.background = background
        self.drawn = 0
        self.skipped = 0
        self.error: str | None = None
        self._lock = threading.Lock()
        self._pending: dict | None = None
        self._worker: threading.Thread | None = None
        self._idle = threading.Event()
        self._idle.set()

    def request(self, params: dict) -> None:
        """Draw ``params`` as soon as possible; supersede any request not yet drawn."""
        if not self.background:
            self._draw(params)
            return
        with self._lock:
            if self._pending is not None:
                self.skipped += 1
            self._pending = params
            if self._worker is None:
                self._idle.clear()
                self._worker = threading.Thread(target=self._run, name="migcoop-redraw",
                                                daemon=True)
                self._worker.start()

    def wait(self, timeout: float = 30.0) -> bool:
        """Block until every requested draw is done (for tests); True if it finished."""
        return self._idle.wait(timeout)

    def _run(self) -> None:
        while True:
            with self._lock:
                params, self._pending = self._pending, None
                if params is None:
                    self._worker = None
                    self._idle.set()
                    return
            self._draw(params)

    def _draw(self, params: dict) -> None:
        try:
            if self.update is not None:
                with style.context():
                    self.update(**params)
            else:
                self.fig, self.update = self.explorer.render(self.fig, **params)
            png = style.png_bytes(self.fig, fast=True)
        except Exception as exc:  # shown under the sliders; the kernel stays usable
            self.error = f"{type(exc).__name__}: {exc}"
            self.status.value = (f'<p style="color:#b00020"><strong>Cannot draw these values.</strong> '
                                 f"{html.escape(self.error)}</p>")
            return
        self.image.value = png
        self.drawn += 1
        if self.error is not None:
            self.error = None
            self.status.value = ""


# Widths of the live controls. Every slider (integer or not) spans the output area, the
# label column is as wide as the explorer's longest label needs (up to 40% of the row), so
# tracks line up and keep at least 60% of the row; ipywidgets' default is a 300 px slider
# whose label can leave the track no width at all.
_CHAR_EM = 0.52  # a label's width per character, in em (measured in JupyterLab 4: 0.45-0.5)
_ROW = {"width": "100%", "max_width": "1000px"}


def _label_width(labels) -> str:
    em = max(len(s) for s in labels) * _CHAR_EM + 1.0
    return f"min(40%, {em:.1f}em)"


def live_widget(explorer, *, background: bool | None = None, **fixed):
    """The live version: ipywidgets controls over the figure, redrawn in place.

    Returns a ``VBox`` of the controls, a status line (empty unless a draw fails), the
    image and the caption; its ``live`` attribute is the :class:`LiveFigure` that redraws.
    ``background`` (default: inside a kernel) draws on a worker thread, newest value first.
    """
    import ipywidgets as w

    ex = _lookup(explorer)
    base = {**ex.defaults(), **fixed}
    fig, update = ex.render(None, **base)
    image = w.Image(value=style.png_bytes(fig, fast=True), format="png",
                    layout=w.Layout(max_width="100%", height="auto"))
    status = w.HTML("")
    live = LiveFigure(ex, fig, update, image, status,
                      background=_in_kernel() if background is None else background)
    shown = {k: c for k, c in ex.sliders.items() if k not in fixed}
    desc = {"description_width": _label_width([c.label for c in shown.values()])} if shown else {}
    controls = {}
    for name, c in shown.items():
        if isinstance(c, Choice):
            controls[name] = w.ToggleButtons(
                options=list(c.options), value=c.default, description=c.label,
                tooltip=c.label, tooltips=list(c.options), style={**desc, "button_width": "auto"},
                layout=w.Layout(**_ROW))
            # A ToggleButtons is a block (label above, buttons below): lay it out like the
            # sliders' rows, label in the same right-aligned column, buttons beside it.
            controls[name].add_class("widget-inline-hbox")
        elif c.integer:
            controls[name] = w.IntSlider(
                min=int(c.min), max=int(c.max), step=int(c.step), value=int(c.default),
                description=c.label, tooltip=c.label, style=desc, continuous_update=True,
                layout=w.Layout(**_ROW))
        else:
            controls[name] = w.FloatSlider(
                min=c.min, max=c.max, step=c.step, value=c.default, description=c.label,
                tooltip=c.label, style=desc, readout_format=f".{c.decimals}f", continuous_update=True,
                layout=w.Layout(**_ROW))

    def moved(_change=None):
        live.request({**base, **{k: v.value for k, v in controls.items()}})

    for c in controls.values():
        c.observe(moved, names="value")
    caption = w.HTML(f"<p><em>{html.escape(ex.caption)}</em></p>")
    box = w.VBox([*controls.values(), status, image, caption])
    box.add_class("migcoop-live")
    box.add_class(f"migcoop-live-{ex.name}")  # lets browser tests tell explorers apart
    box.live = live
    return box
