"""Every registered interactive figure: draws anywhere on its sliders, updates in place
to the same picture as a fresh draw (the static version: test_static_figure.py)."""


import numpy as np
import pytest

import migcoop.figures  # noqa: F401  (registers every explorer)
from migcoop import explore
from migcoop.explore import REGISTRY, Choice, Slider

NAMES = sorted(REGISTRY)


def random_params(ex, rng):
    out = {}
    for name, control in ex.sliders.items():
        vals = control.values()
        out[name] = vals[int(rng.integers(len(vals)))]
    return out


def pixels(fig):
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).copy()


def test_registry_is_not_empty():
    assert "tariff" in REGISTRY and len(REGISTRY) >= 3


@pytest.mark.parametrize("name", NAMES)
def test_explorer_metadata(name):
    ex = REGISTRY[name]
    assert ex.caption and len(ex.caption) > 40
    assert 1 <= len(ex.static) <= 2 and all(s in ex.sliders for s in ex.static)
    for control in ex.sliders.values():
        assert isinstance(control, (Slider, Choice))
        assert control.label
        assert control.default in list(control.values())
    alt = ex.alt(**ex.defaults())
    assert isinstance(alt, str) and len(alt) > 40


@pytest.mark.parametrize("name", NAMES)
def test_draws_at_random_slider_positions(name):
    ex = REGISTRY[name]
    rng = np.random.default_rng(abs(hash(name)) % 2**32)
    fig, update = ex.render()
    for ax in fig.axes:
        if ax.axison:
            assert ax.get_xlabel() and ax.get_ylabel(), f"{name}: every axis needs labels"
    for _ in range(6):
        params = random_params(ex, rng)
        fig, update = ex.render(fig, **params)
        fig.canvas.draw()
        assert ex.alt(**params)


@pytest.mark.parametrize("name", NAMES)
def test_update_in_place_matches_a_fresh_draw(name):
    ex = REGISTRY[name]
    rng = np.random.default_rng(7)
    fig, update = ex.render()
    if update is None:
        pytest.skip(f"{name} redraws from scratch (no in-place update)")
    for _ in range(3):
        params = random_params(ex, rng)
        update(**{**ex.defaults(), **params})
        moved = pixels(fig)
        fresh_fig, _ = ex.render(None, **params)
        fresh = pixels(fresh_fig)
        assert moved.shape == fresh.shape
        differing = np.mean(np.any(moved != fresh, axis=-1))
        assert differing < 0.002, f"{name}: update differs from a fresh draw on {differing:.2%} of pixels"


def test_slider_rejects_bad_ranges():
    for kwargs, name in [
        ({"min": 1.0, "max": 0.0, "step": 0.1, "label": "x"}, "max"),
        ({"min": 0.0, "max": 1.0, "step": 0.0, "label": "x"}, "step"),
        ({"min": 0.0, "max": 1.0, "step": 0.1, "label": "x", "value": 2.0}, "value"),
        ({"min": float("nan"), "max": 1.0, "step": 0.1, "label": "x"}, "min"),
    ]:
        with pytest.raises(ValueError, match=name):
            Slider(**kwargs)
    with pytest.raises(ValueError, match="options"):
        Choice(("only",), "x")


def test_explore_rejects_unknown_figures_and_parameters():
    with pytest.raises(ValueError, match="registered"):
        explore.explore("no-such-figure")
    with pytest.raises(ValueError, match="not a parameter"):
        explore.explore("tariff", nonsense=1.0)


def test_static_mode_follows_environment(monkeypatch):
    monkeypatch.setenv(explore.STATIC_ENV, "1")
    assert explore.static_mode()
    monkeypatch.setenv(explore.STATIC_ENV, "0")
    assert not explore.static_mode()


def test_live_widget_redraws_when_a_slider_moves():
    widget = explore.live_widget("tariff")
    image = widget.children[-2]
    before = image.value
    slider = widget.children[0]
    slider.value = slider.max
    assert image.value != before
