"""The live (ipywidgets) and static versions of every explorer, control by control.

* Every control of every explorer changes its figure when moved from the default
  position (all others at their defaults): to each end of its range and one step either
  way (what one key press does), through the live widget's own redraw path; and, for
  the controls the built book pre-renders, at every position it pre-renders
  (``Explorer.static_values``), through the static path. A control that changes nothing
  is a control a student moves in vain.
* The live widget lays its controls out so they work in JupyterLab (every slider has a
  full-width track, labels get their own column, toggle buttons show whole labels), and
  redraws only the newest value when moves arrive faster than it draws.
* ``Slider`` and ``Choice`` reject impossible specifications with ``ValueError``.
"""

from __future__ import annotations

import io
import time

import numpy as np
import pytest
from PIL import Image

import migcoop.figures  # noqa: F401  (registers every explorer)
from migcoop import explore, style
from migcoop.explore import REGISTRY, Choice, Explorer, LiveFigure, Slider

# Controls that change nothing at the default values of the others. Each entry is a
# known fault of the figure (lib/migcoop/figures/), to be fixed there; when it is, the
# strict xfail turns into a failure until the entry is removed.
INERT: dict = {}


def png_pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def fig_pixels(fig) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()


def changed(a: np.ndarray, b: np.ndarray) -> int:
    """How many pixels differ."""
    assert a.shape == b.shape
    return int(np.any(a != b, axis=-1).sum())


def moves(control) -> list:
    """The positions a control is moved to from its default."""
    default = control.default
    if isinstance(control, Choice):
        return [o for o in control.options if o != default]
    vals = list(control.values())
    i = vals.index(default)
    picks = {0, len(vals) - 1, max(i - 1, 0), min(i + 1, len(vals) - 1)}
    return [vals[j] for j in sorted(picks) if j != i]


def _cases(static: bool):
    out = []
    for name in sorted(REGISTRY):
        ex = REGISTRY[name]
        for control in ex.sliders:
            if static and control not in ex.static:
                continue
            marks = []
            if (name, control) in INERT:
                marks = [pytest.mark.xfail(reason=INERT[name, control], strict=True)]
            out.append(pytest.param(name, control, id=f"{name}-{control}", marks=marks))
    return out


def live_controls(box) -> dict:
    """The widget's controls by parameter name (they come first, in the explorer's order)."""
    ex = box.live.explorer
    return dict(zip(ex.sliders, box.children[:len(ex.sliders)], strict=True))


@pytest.fixture(scope="module")
def live_boxes():
    """One live widget per explorer, shared by its controls' tests (reset after each)."""
    return {}


@pytest.mark.parametrize(("name", "control"), _cases(static=False))
def test_every_control_changes_the_live_figure(live_boxes, name, control):
    if name not in live_boxes:
        live_boxes[name] = explore.live_widget(name, background=False)
    box = live_boxes[name]
    widget = live_controls(box)[control]
    image = box.children[-2]
    ex = REGISTRY[name]
    default = ex.sliders[control].default
    assert widget.value == default
    before = png_pixels(image.value)
    inert = []
    try:
        for value in moves(ex.sliders[control]):
            widget.value = value
            if changed(png_pixels(image.value), before) == 0:
                inert.append(value)
            widget.value = default
    finally:
        widget.value = default
    assert box.live.error is None, box.live.error
    assert not inert, (f"{name}: moving {control!r} from {default!r} to {inert} does not change "
                       "the live figure (others at their defaults)")


@pytest.mark.parametrize(("name", "control"), _cases(static=True))
def test_every_static_control_changes_the_prerendered_frame(name, control):
    ex = REGISTRY[name]
    base = ex.defaults()
    fig, update = ex.render(None, **base)
    before = fig_pixels(fig)
    inert = []
    for value in ex.static_values(control):
        if value == base[control]:
            continue
        params = {**base, control: value}
        if update is not None:  # the path static_html takes
            with style.context():
                update(**params)
        else:
            fig, update = ex.render(fig, **params)
        if changed(fig_pixels(fig), before) == 0:
            inert.append(value)
    assert not inert, (f"{name}: the static frames at {control} = {inert} look the same as the "
                       f"default frame ({control} = {base[control]!r})")


# --- layout in JupyterLab ------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_live_controls_have_usable_widths(name):
    import ipywidgets as w

    box = explore.live_widget(name, background=False)
    for control, widget in live_controls(box).items():
        spec = REGISTRY[name].sliders[control]
        assert widget.description == spec.label
        assert widget.tooltip == spec.label  # the whole label on hover, should it be cut
        # ipywidgets' default slider is 300 px including its label: a long label left the
        # track 0 px wide in JupyterLab (the reader saw "NaN" while dragging).
        assert widget.layout.width == "100%", f"{name}.{control}: no full-width layout"
        width = widget.style.description_width
        assert width.startswith("min(40%,") and width.endswith("em)"), width
        if isinstance(spec, Choice):
            assert isinstance(widget, w.ToggleButtons)
            assert widget.style.button_width == "auto", "toggle buttons must fit their labels"
            assert "widget-inline-hbox" in widget._dom_classes, "label and buttons on one row"
            assert list(widget.options) == list(spec.options)
        else:
            assert isinstance(widget, w.IntSlider if spec.integer else w.FloatSlider)
            assert widget.continuous_update
            assert (widget.min, widget.max, widget.step) == pytest.approx((spec.min, spec.max, spec.step))
            if not spec.integer:
                shown = {format(v, widget.readout_format) for v in spec.values()}
                assert len(shown) == len(spec.values()), f"{name}.{control}: readout hides steps"


def test_slider_readout_shows_every_step():
    assert Slider(0.0, 0.3, 0.025, "x").format(0.025) == "0.025"
    assert Slider(0.5, 0.98, 0.04, "x").decimals == 2
    assert Slider(0, 10, 2, "x").format(4) == "4"


# --- redrawing: newest value only ------------------------------------------------------
def test_live_widget_redraws_the_newest_value_only():
    """Moves that arrive while a draw runs are skipped; the figure ends at the last one."""
    box = explore.live_widget("tariff", background=True)
    live = box.live
    assert isinstance(live, LiveFigure)
    slider = live_controls(box)["tariff"]
    values = list(REGISTRY["tariff"].sliders["tariff"].values())
    drag = values + values[::-1][1:] + [values[-1]]  # there and back, then a jump
    assert slider.value != drag[0] and all(a != b for a, b in zip(drag, drag[1:], strict=False))
    start = time.perf_counter()
    for v in drag:
        slider.value = v  # as a dragged slider does, one message after the other
    handled = time.perf_counter() - start
    assert live.wait(60), "the redraw worker did not finish"
    n_moves = len(drag)
    assert live.drawn + live.skipped == n_moves
    assert live.drawn < n_moves / 3, f"drew {live.drawn} of {n_moves} moves: stale values not skipped"
    # The handler only records the request: the kernel stays free for the next message.
    assert handled < 0.05 * n_moves, f"{handled:.2f} s to handle {n_moves} moves"
    fresh, _ = REGISTRY["tariff"].render(None, tariff=values[-1])
    fresh_png = png_pixels(style.png_bytes(fresh, fast=True))
    assert changed(png_pixels(box.children[-2].value), fresh_png) < 0.002 * 800 * 400


def test_live_widget_draws_in_the_caller_outside_a_kernel():
    box = explore.live_widget("tariff")  # no kernel here: synchronous
    assert not box.live.background
    image = box.children[-2]
    before = image.value
    live_controls(box)["tariff"].value = 0
    assert image.value != before and box.live.drawn == 1


def test_a_failing_redraw_is_shown_and_the_widget_recovers():
    def draw(fig, x):
        ax = fig.add_subplot()
        (line,) = ax.plot([0, 1], [0, x])

        def update(x):
            if x > 0.5:
                raise ValueError(f"x={x} is too large for this figure")
            line.set_ydata([0, x])

        return update

    ex = Explorer("test-failing", draw, {"x": Slider(0.0, 1.0, 0.1, "x")}, ("x",),
                  "A test figure that cannot be drawn above one half.", lambda x: f"x is {x}")
    for background in (False, True):
        box = explore.live_widget(ex, background=background)
        slider, status = box.children[0], box.children[1]
        slider.value = 0.9
        box.live.wait(30)
        assert "too large" in status.value and box.live.error
        slider.value = 0.2
        box.live.wait(30)
        assert status.value == "" and box.live.error is None


def test_fast_png_looks_like_the_full_quality_png():
    fig, _ = REGISTRY["migration_cap"].render()
    exact = fig_pixels(fig)
    fast = style.png_bytes(fig, fast=True)
    assert fast[:8] == b"\x89PNG\r\n\x1a\n"
    diff = np.abs(png_pixels(fast).astype(int) - exact.astype(int)).max(axis=-1)
    assert diff.mean() < 3 and (diff > 32).mean() < 0.002
    assert len(fast) < len(style.png_bytes(fig, colors=0))


def test_live_figure_worker_stops_when_idle():
    box = explore.live_widget("tariff_war", background=True)
    live_controls(box)["delta"].value = 0.9
    assert box.live.wait(60)
    worker = box.live._worker
    assert worker is None or not worker.is_alive() or worker.join(5) is None
    assert box.live._worker is None and box.live.drawn == 1


# --- specifications ---------------------------------------------------------------------
@pytest.mark.parametrize(("kwargs", "match"), [
    ({"min": float("nan"), "max": 1.0, "step": 0.1}, "min"),
    ({"min": 0.0, "max": float("nan"), "step": 0.1}, "max"),
    ({"min": 0.0, "max": 1.0, "step": float("nan")}, "step"),
    ({"min": 0.0, "max": float("inf"), "step": 0.1}, "max"),
    ({"min": 1.0, "max": 1.0, "step": 0.1}, "max"),
    ({"min": 1.0, "max": 0.0, "step": 0.1}, "max"),
    ({"min": 0.0, "max": 1.0, "step": 0.0}, "step"),
    ({"min": 0.0, "max": 1.0, "step": -0.1}, "step"),
    ({"min": 0.0, "max": 1.0, "step": 2.0}, "step"),
    ({"min": 0.0, "max": 1.0, "step": 0.3}, "step"),
    ({"min": 0.0, "max": 1.0, "step": 1e-5}, "step"),
    ({"min": 0.0, "max": 1.0, "step": 0.1, "value": 1.5}, "value"),
    ({"min": 0.0, "max": 1.0, "step": 0.1, "value": float("nan")}, "value"),
    ({"min": 0.0, "max": 1.0, "step": 0.1, "label": ""}, "label"),
    ({"min": "0", "max": 1.0, "step": 0.1}, "min"),
])
def test_slider_rejects_impossible_specifications(kwargs, match):
    with pytest.raises(ValueError, match=match):
        Slider(**{"label": "x", **kwargs})


def test_slider_accepts_steps_that_divide_the_range_in_floating_point():
    assert len(Slider(0.0, 0.3, 0.1, "x").values()) == 4
    assert len(Slider(0.5, 0.98, 0.04, "x").values()) == 13
    assert Slider(0.0, 1.0, 0.1, "x", value=0.35).default in (0.3, 0.4)


@pytest.mark.parametrize(("args", "match"), [
    (((), "x"), "options"),
    ((("only",), "x"), "options"),
    ((("a", "a"), "x"), "repeat"),
    ((("a", "b", "a"), "x"), "repeat"),
    ((("a", ""), "x"), "options"),
    (("ab", "x"), "options"),
    ((("a", "b"), ""), "label"),
    ((("a", "b"), "x", "c"), "value"),
])
def test_choice_rejects_impossible_specifications(args, match):
    with pytest.raises(ValueError, match=match):
        Choice(*args)
