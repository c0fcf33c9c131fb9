"""The built book's explorers (migcoop.static_figure): every control live, frames that are
exactly the drawing they stand for, and position grids that keep the promises of issue 16.

The build renders every explorer at every position (tests/book/test_explorer_frames.py reads
its report); here a few small explorers are rendered in full to check the machinery."""

import json
import re
from itertools import product
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import migcoop.figures  # noqa: F401  (registers every explorer)
from migcoop import explore, static_figure
from migcoop.explore import REGISTRY, Choice, Slider

SMALL = ["tariff", "coordination_band", "agreements_map"]  # a slider each, a choice, a map


# --- position grids ---------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(n=st.integers(1, 40), data=st.data(), limit=st.integers(2, 15))
def test_even_subset_keeps_ends_and_default(n, data, limit):
    values = list(range(n + 1))
    default = data.draw(st.integers(0, n))
    stretch = data.draw(st.integers(limit, 2 * limit))
    out = static_figure.even_subset(values, default, limit, stretch)
    assert out == sorted(set(out)) and out[0] == 0 and out[-1] == n and default in out
    steps = set(np.diff(out).tolist())
    if len(steps) == 1:   # an even grid: within the stretch
        assert len(out) <= max(stretch, 3) or len(values) <= limit
    else:  # uneven only when no even grid of 3 to `stretch` positions holds the default
        assert not any(n % k == 0 and default % k == 0 and 3 <= n // k + 1 <= stretch
                       for k in range(1, n + 1)), (out, stretch)


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_control_has_a_grid_with_its_ends_default_and_options(name):
    ex = REGISTRY[name]
    grid = static_figure.grids(ex, {})
    assert set(grid) == set(ex.sliders), "every control is live in the static page"
    for key, positions in grid.items():
        control = ex.sliders[key]
        if isinstance(control, Choice):
            assert positions == list(control.options)
            continue
        values = [v.item() if hasattr(v, "item") else v for v in control.values()]
        assert positions[0] == values[0] and positions[-1] == values[-1]
        assert control.default in positions
        if key in ex.static:   # the main control keeps (at least) its resolution
            assert len(positions) >= min(len(values), ex.frames.get(key, explore.MAX_FRAMES)) \
                or len(positions) >= 3


# --- the rendered page and its frames ------------------------------------------------------
@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = {}
    for name in SMALL:
        out[name] = static_figure.build(REGISTRY[name], {}, f"mx-{name.replace('_', '-')}-test")
    return out


def chunk_data(text):
    m = re.fullmatch(r'migcoopChunk\("([^"]+)",(\d+),(.*)\);\n', text, flags=re.S)
    assert m, text[:80]
    return m.group(1), int(m.group(2)), json.loads(m.group(3))


@pytest.mark.parametrize("name", SMALL)
def test_page_has_every_control_and_panels_at_design_size(rendered, name):
    ex, result = REGISTRY[name], rendered[name]
    grid = static_figure.grids(ex, {})
    html = result.html
    for key, positions in grid.items():
        assert f'data-name="{key}"' in html, key
        steps = np.diff(np.asarray(positions, dtype=object if isinstance(ex.sliders[key], Choice)
                                   else float)) if not isinstance(ex.sliders[key], Choice) else []
        if isinstance(ex.sliders[key], Choice) or not np.allclose(steps, steps[0]):
            block = re.search(rf'data-name="{key}".*?</div></div>', html, flags=re.S).group(0)
            assert block.count("<button") == len(positions)
            assert block.count('aria-pressed="true"') == 1
        else:  # an even slider: its step is the grid's
            tag = re.search(rf'<input type="range" id="[^"]*-{key}"[^>]*>', html).group(0)
            assert float(re.search(r'step="([^"]+)"', tag).group(1)) == pytest.approx(steps[0])
    panels = re.findall(r'<svg class="migcoop-panel" viewBox="([^"]+)" width="(\d+)"', html)
    assert panels, "no panel"
    for box, width in panels:
        w = float(box.split()[2])
        assert abs(int(width) - w / static_figure.PT_PER_PX) <= 1, (box, width)
    assert "<figcaption>" in html and 'role="img"' in html and "aria-label=" in html


@pytest.mark.parametrize("name", SMALL)
def test_chunks_hold_every_combination_with_its_own_alt_text(rendered, name):
    ex, result = REGISTRY[name], rendered[name]
    grid = static_figure.grids(ex, {})
    main = [k for k in ex.static if k in grid]
    others = [k for k in grid if k not in main]
    n_chunks = int(np.prod([len(grid[k]) for k in others])) if others else 1
    per_chunk = int(np.prod([len(grid[k]) for k in main]))
    assert sorted(result.chunks) == list(range(n_chunks))
    assert result.frames == n_chunks * per_chunk
    base = {**ex.defaults()}
    for c, combo in enumerate(product(*(grid[k] for k in others))):
        uid, index, data = chunk_data(result.chunks[c])
        assert uid == result.uid and index == c
        assert len(data["f"]) == per_chunk
        for f, main_combo in zip(data["f"], product(*(grid[k] for k in main)), strict=True):
            params = {**base, **dict(zip(others, combo, strict=True)),
                      **dict(zip(main, main_combo, strict=True))}
            assert f[0] == ex.alt(**params)
            for op in f[1:]:
                assert 0 <= op[1] < len(data["s"])
                assert op[0].startswith((result.uid, "=" + result.uid)), op[0]
        alts = [f[0] for f in data["f"]]
        assert len(set(alts)) == len(alts), "every frame needs its own alt text"
    assert not result.problems, result.problems[:5]


def test_reused_axes_and_legends_draw_exactly_what_a_full_draw_does(monkeypatch):
    """Reusing unchanged axes and legends is an optimisation only: byte-identical output."""
    for name in ("tariff_war", "tariff"):   # axes that change, legends that do not
        ex = REGISTRY[name]
        fast = static_figure.build(ex, {}, "mx-same")
        monkeypatch.setattr(static_figure, "REUSE_AXES", False)
        full = static_figure.build(ex, {}, "mx-same")
        monkeypatch.setattr(static_figure, "REUSE_AXES", True)
        assert fast.html == full.html and fast.chunks == full.chunks, name


def test_workers_change_nothing(monkeypatch):
    ex = REGISTRY["coordination_band"]
    monkeypatch.setattr(static_figure, "JOBS", 2)
    two = static_figure.build(ex, {}, "mx-jobs")
    monkeypatch.setattr(static_figure, "JOBS", 1)
    one = static_figure.build(ex, {}, "mx-jobs")
    assert one.html == two.html and one.chunks == two.chunks and one.frames == two.frames


def test_fixed_parameters_leave_the_page(tmp_path, monkeypatch):
    monkeypatch.setenv(explore.FRAMES_ENV, str(tmp_path))
    html = explore.static_html("tariff", elasticity=4.0)
    assert 'data-name="elasticity"' not in html and 'data-name="tariff"' in html
    uid = re.search(r'<figure class="migcoop-explorer" id="([^"]+)"', html).group(1)
    folder = tmp_path / "explorers" / uid
    report = json.loads((folder / "report.json").read_text())
    assert report["frames"] == len(static_figure.grids(REGISTRY["tariff"], {"elasticity": 4.0})["tariff"])
    assert report["chunks"] == 1 and (folder / "0.js").exists() and not report["problems"]


def test_static_html_needs_a_frames_folder(monkeypatch):
    monkeypatch.delenv(explore.FRAMES_ENV, raising=False)
    with pytest.raises(ValueError, match=explore.FRAMES_ENV):
        explore.static_html("tariff")


def test_uneven_positions_become_value_buttons():
    ex = REGISTRY["tariff"]   # elasticity 1 to 8 with default 2: positions 1, 2, 8
    assert static_figure.grids(ex, {})["elasticity"] == [1.0, 2.0, 8.0]
    html = static_figure._control_html(ex, "mx-t", "elasticity", [1.0, 2.0, 8.0], 2.0)
    assert 'type="range"' not in html and html.count("<button") == 3
    assert '<button type="button" data-index="1" aria-pressed="true">2.0</button>' in html


def test_custom_slider_is_honoured():
    ex = REGISTRY["tariff"]
    sub = explore.Explorer(ex.name, ex.draw, {"tariff": Slider(0.0, 20.0, 10.0, "t", value=10.0),
                                              "elasticity": ex.sliders["elasticity"]},
                           ex.static, ex.caption, ex.alt, ex.size, {})
    assert static_figure.grids(sub, {})["tariff"] == [0.0, 10.0, 20.0]


def test_font_subset_covers_every_character_a_figure_draws(rendered):
    import matplotlib
    from fontTools.ttLib import TTFont
    font = Path(matplotlib.get_data_path()) / "fonts/ttf/DejaVuSans.ttf"
    cmap = TTFont(str(font)).getBestCmap()
    chars = set().union(*(r.characters for r in rendered.values()))
    assert chars and all(ord(ch) in cmap or ch.isspace() for ch in chars)


def test_bad_arguments_are_named():
    for args, name in [(([], 0, 3), "values"), (([0, 2, 1], 0, 3), "values"),
                       (([0, 1, 2], 5, 3), "default"), (([0, 1, 2], 1, 1), "limit"),
                       (([0, 1, 2], 1, 3, 2), "stretch")]:
        with pytest.raises(ValueError, match=name):
            static_figure.even_subset(*args)
    with pytest.raises(ValueError, match="ex="):
        static_figure.grids("tariff", {})
    with pytest.raises(ValueError, match="fixed="):
        static_figure.grids(REGISTRY["tariff"], {"nonsense": 1})
