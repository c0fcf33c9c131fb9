"""Interactive figures: one drawing function, three places to show it.

A figure is a pure function ``draw(fig, **params)`` that draws on a cleared
matplotlib ``Figure`` and may return ``update(**params)``, which changes the
artists' data in place (much faster than clearing and redrawing). Registered with
:func:`register`, it is shown by :func:`explore`:

* in a live kernel (JupyterLab, Binder, a JupyterHub, Colab) as ipywidgets
  sliders above the rendered figure, redrawn on every move;
* in the built book (the build sets ``MIGCOOP_STATIC=1``) as pre-rendered frames
  for one or two chosen sliders with a native HTML range input that swaps them,
  so the slider moves in a static page, offline, with no kernel and no widget
  JavaScript; the other sliders are fixed at their defaults and the page says so;
* in tests and benchmarks through ``REGISTRY``, which maps a name to every
  :class:`Explorer`.
"""

from __future__ import annotations

import base64
import html
import itertools
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from . import style
from ._validate import check_range

__all__ = ["Slider", "Choice", "Explorer", "REGISTRY", "register", "explore", "static_mode"]

STATIC_ENV = "MIGCOOP_STATIC"
MAX_FRAMES = 15  # frames for one pre-rendered slider; two sliders share about twice that


@dataclass(frozen=True)
class Slider:
    """A numeric control: the range ``[min, max]`` in steps of ``step``.

    ``label`` names the parameter with its unit, as the reader sees it;
    ``value`` is the starting position (by default the middle step).
    """

    min: float
    max: float
    step: float
    label: str
    value: float | None = None

    def __post_init__(self):
        check_range("min", self.min)
        check_range("max", self.max, self.min, low_open=True)
        check_range("step", self.step, 0.0, self.max - self.min, low_open=True)
        if self.value is not None:
            check_range("value", self.value, self.min, self.max)

    @property
    def integer(self) -> bool:
        return all(float(x).is_integer() for x in (self.min, self.max, self.step))

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
        decimals = max(0, -int(np.floor(np.log10(self.step)))) if not self.integer else 0
        return f"{v:.{decimals}f}"


@dataclass(frozen=True)
class Choice:
    """A control with a few named options (a toggle), e.g. a barrier type."""

    options: tuple
    label: str
    value: object = None

    def __post_init__(self):
        if len(self.options) < 2:
            raise ValueError(f"options={self.options!r} must name at least two choices")
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
    ``static`` names the one or two parameters pre-rendered in the built book;
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
        """The positions pre-rendered for static slider ``name`` (always incl. the default)."""
        control = self.sliders[name]
        vals = list(control.values())
        limit = self.frames.get(name, MAX_FRAMES if len(self.static) == 1 else 6)
        if len(vals) <= limit:
            return vals
        idx = set(np.round(np.linspace(0, len(vals) - 1, limit)).astype(int).tolist())
        chosen = [vals[i] for i in sorted(idx)]
        if control.default not in chosen:
            nearest = min(range(len(chosen)), key=lambda i: abs(chosen[i] - control.default))
            chosen[nearest] = control.default
        return sorted(chosen)


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


def _frame_alt(ex: Explorer, params: dict) -> str:
    return ex.alt(**params)


def static_html(explorer, **fixed) -> str:
    """The built book's version: frames for the static sliders and a native range input."""
    ex = _lookup(explorer)
    base = {**ex.defaults(), **fixed}
    grids = [ex.static_values(s) for s in ex.static]
    fig = style.new_figure(*ex.size)
    fig, update = ex.render(fig, **base)
    imgs = []
    for combo in itertools.product(*grids):
        params = {**base, **dict(zip(ex.static, combo, strict=True))}
        if update is not None:
            with style.context():
                update(**params)
        else:
            fig, _ = ex.render(fig, **params)
        data = base64.b64encode(style.png_bytes(fig)).decode("ascii")
        imgs.append((combo, data, _frame_alt(ex, params)))
    defaults = tuple(base[s] for s in ex.static)
    uid = f"mx-{ex.name}"
    out = [f'<figure class="migcoop-explorer" id="{uid}" data-sizes="{json.dumps([len(g) for g in grids])}">']
    out.append('<div class="migcoop-frames">')
    for i, (combo, data, alt) in enumerate(imgs):
        hidden = "" if combo == defaults else " hidden"
        out.append(f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}" '
                   f'data-frame="{i}" width="{int(ex.size[0] * style.DPI)}" '
                   f'height="{int(ex.size[1] * style.DPI)}"{hidden}>')
    out.append("</div>")
    out.append('<div class="migcoop-controls">')
    for name, grid in zip(ex.static, grids, strict=True):
        control = ex.sliders[name]
        labels = [control.format(v) for v in grid]
        pos = grid.index(base[name])
        iid = f"{uid}-{name}"
        out.append(
            f'<div class="migcoop-control"><label for="{iid}">{html.escape(control.label)}</label>'
            f'<input type="range" id="{iid}" min="0" max="{len(grid) - 1}" step="1" value="{pos}" '
            f"data-labels='{html.escape(json.dumps(labels))}' aria-valuetext=\"{html.escape(labels[pos])}\">"
            f'<output for="{iid}" aria-live="polite">{html.escape(labels[pos])}</output></div>'
        )
    out.append("</div>")
    others = [f"{c.label} = {c.format(base[k])}" for k, c in ex.sliders.items() if k not in ex.static]
    others += [f"{k} = {v}" for k, v in fixed.items()]
    note = ""
    if others:
        note = (" In this static page the other parameters are fixed: " + "; ".join(others) +
                ". Open the chapter in Jupyter to move them all.")
    # The print edition shows the default frame only; say which values it shows there
    # (hidden on screen, shown by the print style sheet).
    shown = "; ".join(f"{ex.sliders[s].label} = {ex.sliders[s].format(base[s])}" for s in ex.static)
    printed = f'<span class="migcoop-print-only" hidden> Printed at {html.escape(shown)}.</span>'
    out.append(f"<figcaption>{html.escape(ex.caption)}{html.escape(note)}{printed}</figcaption>")
    out.append("</figure>")
    return "\n".join(out)


def live_widget(explorer, **fixed):
    """The live version: ipywidgets sliders over the figure, redrawn in place."""
    import ipywidgets as w

    ex = _lookup(explorer)
    base = {**ex.defaults(), **fixed}
    fig, update = ex.render(None, **base)
    state = {"update": update, "fig": fig}
    image = w.Image(value=style.png_bytes(fig, colors=0), format="png",
                    layout=w.Layout(max_width="100%", height="auto"))
    controls = {}
    for name, c in ex.sliders.items():
        if name in fixed:
            continue
        style_ = {"description_width": "initial"}
        if isinstance(c, Choice):
            controls[name] = w.ToggleButtons(options=list(c.options), value=c.default,
                                             description=c.label, style=style_)
        elif c.integer:
            controls[name] = w.IntSlider(min=int(c.min), max=int(c.max), step=int(c.step),
                                         value=int(c.default), description=c.label, style=style_,
                                         continuous_update=True)
        else:
            decimals = max(0, -int(np.floor(np.log10(c.step))))
            controls[name] = w.FloatSlider(min=c.min, max=c.max, step=c.step, value=c.default,
                                           description=c.label, style=style_,
                                           readout_format=f".{decimals}f",
                                           continuous_update=True,
                                           layout=w.Layout(width="95%"))

    def redraw(_change=None):
        params = {**base, **{k: v.value for k, v in controls.items()}}
        if state["update"] is not None:
            with style.context():
                state["update"](**params)
        else:
            state["fig"], state["update"] = ex.render(state["fig"], **params)
        image.value = style.png_bytes(state["fig"], colors=0)

    for c in controls.values():
        c.observe(redraw, names="value")
    caption = w.HTML(f"<p><em>{html.escape(ex.caption)}</em></p>")
    return w.VBox([*controls.values(), image, caption])
