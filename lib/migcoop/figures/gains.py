"""Figures for chapter 1 (:mod:`migcoop.gains`): the gain from letting labor move, in one
market and in the world.

Two explorers, each a ``draw(fig, **params)`` returning an in-place ``update``:

* ``world_gain``: the world output gain against the share of wage gaps removed, for a
  capital share and a Gapminder year, beside the published estimates;
* ``wage_gap_market``: a high-wage and a low-wage country, the gain from migration and
  how an external cost per migrant moves the efficient level below free movement.

Plus plain drawing functions for the chapter's static figures.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Polygon

from .. import calibrations, style
from ..explore import Slider, register
from ..gains import GROUPINGS, PUBLISHED_ESTIMATES, PUBLISHED_RANGE, YEARS
from . import _layout

PHI = np.linspace(0.0, 1.0, 101)
GROUP_LABELS = {"region": "9 regions", "continent": "5 continents",
                "country": "142 countries"}
SHORT = {"hamilton1984": "Hamilton-Whalley", "moses2004": "Moses-Letnes", "iregui2005": "Iregui"}


def _full_gain(year, grouping, capital_share):
    return calibrations.gapminder_economy(year, grouping).full_mobility_gain(capital_share)


# =============================================================================
def _world_alt(capital_share, year):
    w = calibrations.gapminder_economy(year)
    g = w.gain(PHI, capital_share)
    half = g[50] / g[-1]
    others = ", ".join(f"{e.study} {e.gain_percent:.0f}%" for e in PUBLISHED_ESTIMATES)
    return (
        f"World output gain against the share of wage gaps removed, Gapminder {year}, capital share "
        f"{capital_share:.2f}: removing every gap raises world output by {100 * g[-1]:.0f} per cent, "
        f"and removing half of each gap already gives {100 * half:.0f} per cent of that. With 5 "
        f"continents the full gain is {100 * _full_gain(year, 'continent', capital_share):.0f}"
        f" per cent, with 142 countries {100 * _full_gain(year, 'country', capital_share):.0f}"
        f" per cent; published estimates: {others}."
    )


@register(
    "world_gain",
    sliders={
        "capital_share": Slider(0.25, 0.6, 0.05, "Capital share α", value=0.35),
        "year": Slider(1952, 2007, 5, "Gapminder year", value=2007),
    },
    static=("capital_share", "year"),
    frames={"capital_share": 8, "year": 2},
    caption=(
        "The size of the prize. Left: the rise in world output, in per cent of world GDP, when a "
        "share of every wage gap between nine world regions is removed and workers move until "
        "the remaining gaps hold; the dashed line is the straight line to the full gain, and the "
        f"shaded band is the range of the published estimates, {PUBLISHED_RANGE[0]:.0f} to "
        f"{PUBLISHED_RANGE[1]:.0f} per cent. Right: the full gain with "
        "the world split into regions, continents or countries (solid), beside published estimates "
        "(hatched)."
    ),
    alt=_world_alt,
    size=(8.0, 4.4),
)
def draw_world_gain(fig, capital_share, year):
    """Gain against the share of gaps removed, and the full gain beside published estimates."""
    ax, ax2 = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.15, 1]})
    lo, hi = PUBLISHED_RANGE
    ax.axhspan(lo, hi, color=style.GREY, alpha=0.12, lw=0, label="Published range")
    (curve,) = ax.plot([], [], color=style.WORLD, label="Gain, 9 regions")
    (chord,) = ax.plot([], [], color=style.GREY, ls="--", lw=1.2, label="Straight line")
    (half_dot,) = ax.plot([], [], "o", color=style.SENDING, label="Half of each gap")
    note = _layout.note(ax)
    ax.set(xlim=(0, 1), ylim=(0, 175), xlabel="Share of each wage gap removed φ",
           ylabel="World output gain (% of world GDP)")
    _layout.legend_below(ax, ncol=2)

    labels = [GROUP_LABELS[g] for g in GROUPINGS] + [SHORT.get(e.key, e.study) for e in PUBLISHED_ESTIMATES]
    ypos = np.arange(len(labels))[::-1]
    colours = [style.BLUE] * len(GROUPINGS) + [style.SKY] * len(PUBLISHED_ESTIMATES)
    bars = ax2.barh(ypos, np.zeros(len(labels)), color=colours, height=0.6)
    for bar, e in zip(bars[len(GROUPINGS):], PUBLISHED_ESTIMATES, strict=True):
        bar.set_width(e.gain_percent)
        bar.set_hatch("//")
    values = [ax2.text(0, y, "", va="center") for y in ypos]
    ax2.axvspan(lo, hi, color=style.GREY, alpha=0.12, lw=0)
    ax2.set_yticks(ypos, labels)
    ax2.set(xlim=(0, 300), xlabel="Gain from full mobility\n(% of world GDP)",
            ylabel="Model (solid) or study (hatched)")
    ax2.grid(axis="y", visible=False)
    _layout.margins(fig, top=36, bottom=72, left=0.09, right=0.97, wspace=0.62)

    def update(capital_share, year):
        w = calibrations.gapminder_economy(year)
        g = 100 * w.gain(PHI, capital_share)
        curve.set_data(PHI, g)
        chord.set_data([0, 1], [0, g[-1]])
        half_dot.set_data([0.5], [g[50]])
        note.set_text(f"{int(year)}, α = {capital_share:.2f}: full gain {g[-1]:.0f}%\n"
                      f"half of each gap gives {100 * g[50] / g[-1]:.0f}% of it")
        full = [100 * _full_gain(year, grp, capital_share) for grp in GROUPINGS]
        full += [e.gain_percent for e in PUBLISHED_ESTIMATES]
        for bar, text, v, y in zip(bars, values, full, ypos, strict=True):
            bar.set_width(v)
            text.set_position((v + 4, y))
            text.set_text(f"{v:.0f}%")

    update(capital_share, year)
    return update


# =============================================================================
M_MAX = 30.0


def _market_alt(external_cost, low_wage):
    m = calibrations.wage_gap_market(external_cost, low_wage)
    best, free = m.efficient_migration(), m.free_movement()
    g_best, g_free = m.outcome(best).world_gain, m.outcome(free).world_gain
    return (
        f"Two labor markets with an external cost of {external_cost:g} thousand dollars per migrant and "
        f"a home wage of {low_wage:g}: free movement would bring {free:.1f} million migrants and a "
        f"world gain of {g_free:.0f} billion dollars a year; the efficient number is {best:.1f} million, "
        f"with a gain of {g_best:.0f} billion."
    )


@register(
    "wage_gap_market",
    sliders={
        "external_cost": Slider(0.0, 36.0, 3.0, "External cost e ($ thousand per migrant)", value=6.0),
        "low_wage": Slider(0.0, 30.0, 5.0, "Wage in S with no emigration ($ thousand)", value=10.0),
    },
    static="external_cost",
    frames={"external_cost": 13},
    caption=(
        "Migration from a low-wage to a high-wage country. Left: R's wage falls and S's wage rises as "
        "workers move; the dotted line adds the external cost per migrant to S's wage. The blue area is "
        "the world's gain at the efficient level of migration, the orange triangle what free movement "
        "would waste beyond it. Right: the world's gain against the number of migrants."
    ),
    alt=_market_alt,
    size=(8.0, 4.6),
)
def draw_wage_gap_market(fig, external_cost, low_wage):
    """The two-country migration diagram and the world gain against migration."""
    ax, ax2 = fig.subplots(1, 2)
    m_grid = np.array([0.0, M_MAX])
    (high,) = ax.plot(m_grid, calibrations.HIGH_WAGE - calibrations.HIGH_SLOPE * m_grid,
                      color=style.RECEIVING, label="Wage in R")
    (low,) = ax.plot([], [], color=style.SENDING, ls="--", label="Wage in S")
    (low_e,) = ax.plot([], [], color=style.SENDING, ls=":", label="S + external cost")
    gain = Polygon([(0, 0)] * 3, color=style.SHADE_GAIN, alpha=0.55, label="World gain")
    waste = Polygon([(0, 0)] * 3, color=style.SHADE_LOSS, alpha=0.7, label="Lost by free movement")
    ax.add_patch(gain)
    ax.add_patch(waste)
    eff_line = ax.axvline(0, color=style.BLACK, lw=1, ls="-.", label="Efficient level")
    note = _layout.note(ax)
    ax.set(xlim=(0, M_MAX), ylim=(0, 80), xlabel="Migrants from S to R (million)",
           ylabel="Wage ($ thousand per worker-year)")
    _layout.legend_below(ax, ncol=2)

    grid = np.linspace(0, M_MAX, 121)
    (world,) = ax2.plot([], [], color=style.WORLD, label="Net gain")
    (gross,) = ax2.plot([], [], color=style.GREY, ls="--", label="Output gain")
    (dot_e,) = ax2.plot([], [], "o", color=style.BLACK, label="Efficient")
    (dot_f,) = ax2.plot([], [], "s", color=style.SENDING, label="Free movement")
    ax2.axhline(0, color=style.GREY, lw=1)
    ax2.set(xlim=(0, M_MAX), ylim=(-450, 650), xlabel="Migrants from S to R (million)",
            ylabel="World gain ($ billion per year)")
    _layout.legend_below(ax2, ncol=2)
    _layout.margins(fig, top=24, bottom=90, wspace=0.32)

    def update(external_cost, low_wage):
        m = calibrations.wage_gap_market(external_cost, low_wage)
        low.set_data(m_grid, low_wage + m.low_slope * m_grid)
        low_e.set_data(m_grid, low_wage + external_cost + m.low_slope * m_grid)
        best, free = m.efficient_migration(), m.free_movement()
        wr = m.high_wage - m.high_slope * best
        gain.set_xy([(0, m.high_wage), (best, wr), (0, low_wage + external_cost)])
        wf = m.high_wage - m.high_slope * free
        waste.set_xy([(best, wr), (free, wf), (free, wf + external_cost)])
        eff_line.set_xdata([best, best])
        note.set_text(f"efficient {best:.1f} million, free movement {free:.1f}")
        x = grid[grid <= free]
        x = np.append(x, free)
        out = m.outcome(x)
        world.set_data(x, out.world_gain)
        gross.set_data(x, out.output_gain)
        dot_e.set_data([best], [m.outcome(best).world_gain])
        dot_f.set_data([free], [m.outcome(free).world_gain])

    update(external_cost, low_wage)
    return update


# =============================================================================
def draw_gain_by_year(fig, alphas=(0.3, 0.4, 0.5)):
    """Static figure: the full-mobility gain in every Gapminder year, for several capital shares."""
    ax = fig.subplots()
    lo, hi = PUBLISHED_RANGE
    ax.axhspan(lo, hi, color=style.GREY, alpha=0.12, lw=0, label="Published range")
    markers = ("o", "s", "^", "D")
    dashes = ("-", "--", "-.", ":")
    years = np.array(YEARS)
    rows = {}
    for i, a in enumerate(alphas):
        g = np.array([100 * calibrations.gapminder_economy(y).full_mobility_gain(a) for y in YEARS])
        rows[a] = g
        ax.plot(years, g, ls=dashes[i % 4], marker=markers[i % 4], color=style.PALETTE[i],
                label=f"α = {a:.2f}")
    ax.set(xlabel="Year (Gapminder data)", ylabel="Gain from full mobility (% of world GDP)",
           xlim=(1950, 2009), ylim=(0, 170))
    ax.legend(loc="upper right", ncols=2)
    return rows


def draw_migrants_needed(fig, year=2007, alpha=0.35):
    """Static figure: the gain and the share of the world's people who move, against phi."""
    ax = fig.subplots()
    w = calibrations.gapminder_economy(year)
    outs = [w.outcome(p, alpha) for p in PHI]
    gain = np.array([100 * o.gain for o in outs])
    moved = np.array([100 * o.migrant_share for o in outs])
    ax.plot(moved, gain, color=style.WORLD, label=f"{year}, α = {alpha:.2f}")
    for p in (0.1, 0.25, 0.5, 1.0):
        i = int(round(p * 100))
        ax.plot(moved[i], gain[i], "o", color=style.SENDING)
        ax.annotate(f"φ = {p:g}", (moved[i], gain[i]), textcoords="offset points",
                    xytext=(6, -12))
    ax.set(xlabel="People who move (% of the world's population)",
           ylabel="World output gain (% of world GDP)", xlim=(0, 1.1 * moved.max()),
           ylim=(0, None))
    ax.legend(loc="lower right")
    return moved, gain
