"""``migcoop.figure_check.text_problems``: each defect it reports, built on purpose in a small
figure and found; a clean figure passes; bad arguments are refused; every explorer of the book
is clean at its defaults and at the ends of its controls; and the check is fast."""

from __future__ import annotations

import time

import matplotlib
import matplotlib.colors
import numpy as np
import pytest
from matplotlib.figure import Figure

import migcoop.figures  # noqa: F401  (registers every explorer)
from migcoop import style
from migcoop.explore import REGISTRY, Slider
from migcoop.figure_check import contrast_ratio, text_problems

matplotlib.use("Agg")


def figure(width=4.0, height=3.0, panels=1, **adjust):
    fig = style.new_figure(width, height)
    fig.subplots_adjust(**{"right": 0.92, "top": 0.92, **adjust})
    with style.context():
        axes = fig.subplots(1, panels, squeeze=False)[0]
    for ax in axes:
        ax.set(xlim=(0, 10), ylim=(0, 10), xlabel="x", ylabel="y")
    return fig, list(axes)


def drawn(fig):
    fig.canvas.draw()
    return fig


def kinds(problems):
    return sorted({p.split(":")[0] for p in problems})


# --- a clean figure --------------------------------------------------------------------
def test_a_clean_figure_passes():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    ax.plot([0, 10], [0, 5], label="a line")
    ax.plot([2, 4], [1, 2], "o", label="points")
    ax.axhline(9.5, color="grey")
    with style.context():
        ax.legend(loc="upper left")
        ax.text(9.5, 0.5, "a note", ha="right")
    assert text_problems(drawn(fig)) == []


# --- (a) overlaps ------------------------------------------------------------------------
def test_two_texts_on_top_of_each_other_overlap():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    ax.text(5, 5, "first text", fontsize=11)
    ax.text(5.3, 5.1, "second text", fontsize=11)
    problems = text_problems(drawn(fig))
    assert kinds(problems) == ["overlap"]
    assert "'first text'" in problems[0] and "'second text'" in problems[0]


def test_a_text_over_a_legend_overlaps():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    ax.plot([], [], label="an entry of the legend")
    ax.legend(loc="upper left", fontsize=11)
    ax.text(0.05, 0.93, "a note over it", transform=ax.transAxes, va="top", fontsize=11)
    problems = text_problems(drawn(fig))
    assert any(p.startswith("overlap") and "legend [an entry" in p for p in problems)


def test_a_legend_entry_is_not_an_overlap_with_its_own_legend():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    for k in range(3):
        ax.plot([], [], label=f"entry {k}")
    ax.legend(loc="upper left", fontsize=11, title="A title")
    assert text_problems(drawn(fig)) == []


def test_overlap_across_panels_is_found():
    """The right panel's y label runs into the left panel's plotting area and legend."""
    fig, (left, right) = figure(8, 3, panels=2, left=0.1, bottom=0.17, wspace=0.02)
    left.plot([], [], label="legend of the left panel")
    left.legend(loc="upper right", fontsize=11)
    right.set_ylabel("a long label of the right panel", fontsize=11)
    problems = text_problems(drawn(fig))
    across = [p for p in problems if p.startswith("overlap") and "(axes 0)" in p and "(axes 1)" in p]
    assert across, problems


def test_a_label_inside_the_next_panel_is_found():
    """The right panel's y label lies inside the left panel's plotting area."""
    fig, (left, right) = figure(8, 3, panels=2, left=0.1, bottom=0.17, wspace=0.05)
    right.set_yticks([2, 8], ["a long tick label", "another long one"], fontsize=11)
    problems = text_problems(drawn(fig))
    assert any("runs into the plotting area of axes 0" in p for p in problems), problems


def test_crowded_tick_labels_overlap():
    fig, (ax,) = figure(3, 2.5, left=0.2, bottom=0.2)
    ax.set_xticks(np.arange(11), [f"label {k}" for k in range(11)], fontsize=11)
    problems = text_problems(drawn(fig))
    assert any(p.startswith("overlap") and "x tick label" in p for p in problems)


def test_tick_labels_outside_the_view_are_not_counted():
    """Ticks the locator places outside the limits are not drawn, so they cannot overlap."""
    fig, (ax,) = figure(left=0.15, bottom=0.2)
    ax.set_xticks([-5, 5, 15], ["hidden left", "shown", "hidden right"], fontsize=11)
    ax.set_xlim(0, 10)
    # a note where the right tick label would sit if it were drawn
    ax.annotate("note", xy=(15, 0), xycoords="data", annotation_clip=False, xytext=(0, -14),
                textcoords="offset points", ha="center", va="top", fontsize=11)
    problems = text_problems(drawn(fig))
    assert not any("hidden" in p for p in problems), problems


# --- (b) leaving the figure ----------------------------------------------------------
def test_text_leaving_the_figure_is_found():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    ax.text(9, 5, "a verdict that runs off the image", fontsize=11)
    problems = text_problems(drawn(fig))
    assert any(p.startswith("outside") and "right by" in p for p in problems)


def test_a_legend_leaving_the_figure_is_found():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    ax.plot([], [], label="entry")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=11)
    problems = text_problems(drawn(fig))
    assert any(p.startswith("outside") and "legend" in p for p in problems)


# --- (c) hiding data -------------------------------------------------------------------
def test_a_legend_over_a_line_hides_data():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    ax.plot([0, 10], [9, 9], label="a line under the legend")
    ax.legend(loc="upper left", fontsize=11)
    problems = text_problems(drawn(fig))
    assert any(p.startswith("hides data") and "'a line under the legend'" in p for p in problems)


def test_a_text_box_over_a_marker_hides_data():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    ax.plot([5], [5], "o", label="the chosen point")
    ax.text(5, 5, "note", ha="center", va="center", fontsize=11, bbox={"fc": "white"})
    problems = text_problems(drawn(fig))
    assert any("covers a marker 'the chosen point'" in p for p in problems)


def test_a_text_over_a_scatter_point_hides_data():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    ax.scatter([2, 8], [2, 8], label="scatter")
    ax.text(8, 8, "xx", ha="center", va="center", fontsize=11)
    problems = text_problems(drawn(fig))
    assert any(p.startswith("hides data") and "marker" in p for p in problems)


def test_a_line_that_passes_beside_a_legend_is_fine():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    ax.plot([0, 10], [1, 1], label="low line")
    ax.legend(loc="upper left", fontsize=11)
    assert text_problems(drawn(fig)) == []


def test_reference_lines_grid_and_an_annotations_own_arrow_are_not_data():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    ax.plot([], [], label="entry")
    ax.axhline(9.3, color="grey")
    ax.axvline(1.0, color="grey")
    ax.legend(loc="upper left", fontsize=11)
    ax.annotate("arrow's text", xy=(8, 2), xytext=(5, 5), fontsize=11,
                arrowprops={"arrowstyle": "->"})
    assert text_problems(drawn(fig)) == []


def test_a_line_clipped_away_under_the_legend_does_not_count():
    """Data outside the axes (clipped) is not drawn, so a legend there hides nothing."""
    fig, (ax,) = figure(left=0.15, bottom=0.17, right=0.6)
    ax.plot([0, 30], [9, 9], label="line")        # runs past the right edge, clipped
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=11)
    assert text_problems(drawn(fig)) == []


def test_a_line_through_a_legend_in_steps_is_found():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    ax.step([0, 2, 10], [9, 9, 1], where="post", label="steps")
    ax.legend(loc="upper right", fontsize=11)
    problems = text_problems(drawn(fig))
    assert any(p.startswith("hides data") and "'steps'" in p for p in problems)


# --- (d) contrast ------------------------------------------------------------------------
def test_contrast_ratio_follows_wcag():
    assert contrast_ratio("black") == pytest.approx(21.0)
    assert contrast_ratio("white") == pytest.approx(1.0)
    assert contrast_ratio("#767676") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(style.GREEN) < 4.5 < contrast_ratio("#00704F")
    assert contrast_ratio((0, 0, 0, 0.18)) < 2        # faded black blends into white
    with pytest.raises(ValueError, match="foreground"):
        contrast_ratio("not a colour")


def test_low_contrast_text_is_found():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    ax.text(1, 8, "Okabe-Ito green", color=style.GREEN, fontsize=11)
    ax.text(1, 5, "darker green", color="#00704F", fontsize=11)
    ax.text(1, 2, "faded", color="black", alpha=0.2, fontsize=11)
    problems = [p for p in text_problems(drawn(fig)) if p.startswith("contrast")]
    assert len(problems) == 2
    assert any("'Okabe-Ito green'" in p for p in problems)
    assert any("'faded'" in p for p in problems)


def test_legend_text_contrast_is_checked():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    ax.plot([], [], label="entry")
    leg = ax.legend(loc="upper left", fontsize=11, labelcolor=style.ORANGE)
    assert matplotlib.colors.same_color(leg.get_texts()[0].get_color(), style.ORANGE)
    problems = text_problems(drawn(fig))
    assert any(p.startswith("contrast: legend entry 'entry'") for p in problems)


# --- (e) size ----------------------------------------------------------------------------
def test_small_text_is_found_against_min_pt():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    ax.text(1, 5, "tiny", fontsize=7)
    ax.tick_params(labelsize=11)
    ax.xaxis.label.set_fontsize(11)
    ax.yaxis.label.set_fontsize(11)
    drawn(fig)
    problems = text_problems(fig, min_pt=10)
    assert problems == ["small: text 'tiny' (axes 0) is 7 pt (at least 10)"]
    assert text_problems(fig, min_pt=7) == []


# --- the draw -----------------------------------------------------------------------------
def test_a_changed_figure_is_laid_out_again():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    note = ax.text(1, 5, "short", fontsize=11)
    assert text_problems(drawn(fig)) == []
    note.set_text("a much longer note that now leaves the figure")
    assert fig.stale
    assert any(p.startswith("outside") for p in text_problems(fig))
    assert not fig.stale


def test_hidden_empty_and_clipped_texts_are_ignored():
    fig, (ax,) = figure(left=0.15, bottom=0.17)
    ax.text(5, 5, "hidden", fontsize=4).set_visible(False)
    ax.text(5, 5, "   ", fontsize=4)
    ax.text(50, 5, "clipped away", fontsize=4, clip_on=True)
    assert text_problems(drawn(fig)) == []


# --- arguments ---------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, name", [
    ({"min_pt": 0}, "min_pt"), ({"min_pt": -3}, "min_pt"), ({"min_pt": float("nan")}, "min_pt"),
    ({"min_pt": "10"}, "min_pt"), ({"min_contrast": 0.5}, "min_contrast"),
    ({"min_contrast": 22}, "min_contrast"), ({"draw": "yes"}, "draw"), ({"draw": 1}, "draw"),
])
def test_bad_arguments_are_refused(kwargs, name):
    fig, _ = figure()
    with pytest.raises(ValueError, match=name):
        text_problems(fig, **kwargs)


@pytest.mark.parametrize("bad", [None, "figure", object(), Figure])
def test_only_a_figure_is_checked(bad):
    with pytest.raises(ValueError, match="fig="):
        text_problems(bad)


# --- the book's explorers ----------------------------------------------------------------
def _positions(ex):
    """Defaults, then each control alone at its ends (every option of a choice)."""
    base = ex.defaults()
    out = [base]
    for name, control in ex.sliders.items():
        values = list(control.values())
        ends = [values[0], values[-1]] if isinstance(control, Slider) else values
        out += [{**base, name: v} for v in ends if v != base[name]]
    return out


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_explorer_has_legible_text(name):
    """At its defaults and with each control at its ends, text is legible (the whole
    sample of the parameter space is checked when the book is built)."""
    ex = REGISTRY[name]
    fig, update = ex.render()
    found = []
    for params in _positions(ex):
        with style.context():
            update(**params)
        fig.canvas.draw()
        found += [f"{params}: {p}" for p in text_problems(fig)]
    assert not found, "\n".join(found[:20])


def test_checking_a_drawn_two_panel_figure_is_fast():
    """A few milliseconds per frame (a loose bound here: the machine may be busy)."""
    fig, update = REGISTRY["tariff"].render()
    times = []
    for _ in range(15):
        fig.canvas.draw()
        start = time.process_time()
        text_problems(fig)
        times.append(time.process_time() - start)
    assert np.median(times) < 0.025
