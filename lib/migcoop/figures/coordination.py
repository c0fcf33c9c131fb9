"""Figures for chapter 4 (:mod:`migcoop.coordination`): receiving countries whose
restrictions spill over onto each other.

Two explorers, each a ``draw(fig, **params)`` that returns an in-place
``update(**params)``:

* ``coordination_best_response``: the leakage game. A country's best restriction
  against the others' common restriction, with the symmetric equilibria where it
  crosses the diagonal and the receiving countries' joint optimum; beside it, each country's
  welfare when all keep a common policy and what a lone deviator gets instead;
* ``coordination_band``: the article's sorting model. A country's payoff from
  matching, undercutting or overshooting a common restriction, with the band of
  common policies that are equilibria, and the intake per country.

Plus static figures drawn by plain functions: :func:`draw_flows` (where the
migrants end up) and :func:`draw_equilibrium_map` (which kind of equilibria each
leakage and enforcement cost gives).
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Polygon

from .. import calibrations, style
from ..coordination import EQUILIBRIUM_KINDS, LeakageGame, equilibrium_map
from ..explore import Slider, register
from ..style import rect
from . import _layout


def _describe_equilibria(g: LeakageGame) -> str:
    eqs = g.equilibria()
    shown = ", ".join(f"{e.restriction:.2f}" for e in eqs)
    return f"{len(eqs)} equilibri{'um' if len(eqs) == 1 else 'a'} at {shown}"


# =====================================================================================
Q_GRID = np.linspace(0.0, 1.0, 201)


def _br_alt(leakage, pressure, countries, enforcement_cost):
    g = calibrations.leakage_game(leakage, pressure, countries, enforcement_cost)
    eqs = g.equilibria()
    joint = g.joint_restriction()
    worst, best = eqs[-1], eqs[0]
    lo, hi = float(g.best_response(0.0)), float(g.best_response(1.0))
    shape = (f"the best response is flat at {lo:.2f} whatever the others do" if hi - lo < 5e-3 else
             f"the best response rises from {lo:.2f} to {hi:.2f} as the others restrict more")
    ranked = ""
    if len(eqs) > 1:
        ranked = (f" Each country gets {best.welfare:.1f} billion dollars a year in the least "
                  f"restrictive and {worst.welfare:.1f} in the most restrictive.")
    return (
        f"Best responses with {int(countries)} receiving countries, {pressure:g} million would-be "
        f"migrants per country, leakage {leakage:.1f} and an enforcement cost of "
        f"{enforcement_cost:g} billion dollars: {shape}, with {_describe_equilibria(g)} (share "
        f"turned away).{ranked} The receiving countries' joint optimum "
        f"turns away {joint:.2f} and gives each country "
        f"{float(g.common_welfare(joint)):.1f}; a lone country gains "
        f"{float(g.deviation_gain(joint)):.1f} by leaving it."
    )


@register(
    "coordination_best_response",
    sliders={
        "leakage": Slider(0.0, 1.0, 0.1, "Leakage λ (share of the refused who try again)",
                          value=0.9),
        "pressure": Slider(3.0, 8.0, 0.25, "Would-be migrants per country c (million a year)",
                           value=6.0),
        "countries": Slider(2, 12, 1, "Number of receiving countries N", value=6),
        "enforcement_cost": Slider(0.0, 50.0, 1.0, "Enforcement cost e ($ billion for r = 1)",
                                   value=25.0),
    },
    static="leakage",
    caption=(
        "Restrictions that spill over. Left: the share of arrivals a country turns away, best "
        "against the share the others turn away; symmetric equilibria lie where the curve meets the "
        "diagonal (filled: stable, open: unstable) and the star marks the receiving countries' joint "
        "optimum, the common policy best for all of them together. Right: each country's welfare in billion dollars a year when all keep a common policy, and "
        "what a country gets by leaving it alone for its best response; the shaded gap is the gain "
        "from deviating, zero exactly at the equilibria."
    ),
    alt=_br_alt,
    size=(8.0, 4.6),
)
def draw_best_response(fig, leakage, pressure, countries, enforcement_cost):
    """Best responses and symmetric equilibria; common welfare against a lone deviator's."""
    ax, ax2 = fig.subplots(1, 2)
    ax.plot([0, 1], [0, 1], color=style.GREY, ls=":", lw=1.2, label="Diagonal: all alike")
    (br,) = ax.plot([], [], color=style.RECEIVING, label="Best response")
    (stable,) = ax.plot([], [], "o", color=style.BLACK, ms=8, label="Stable equilibrium",
                        clip_on=False, zorder=4)
    (unstable,) = ax.plot([], [], "o", mfc="white", mec=style.BLACK, ms=8,
                          label="Unstable equilibrium", clip_on=False, zorder=4)
    (eff,) = ax.plot([], [], "*", color=style.GREEN, ms=14, label="Joint optimum",
                     zorder=5, clip_on=False)
    note = _layout.note(ax)
    ax.set(xlim=(0, 1), ylim=(0, 1), aspect="equal",
           xlabel="Others' restriction q\n(share turned away)",
           ylabel="Best restriction r (share turned away)")
    _layout.legend_below(ax, ncol=2, lines=2)

    gap = Polygon([(0, 0)] * 3, color=style.SHADE_LOSS, alpha=0.4, label="Gain from deviating")
    ax2.add_patch(gap)
    (common,) = ax2.plot([], [], color=style.RECEIVING, label="All keep the policy")
    (deviate,) = ax2.plot([], [], color=style.SENDING, ls="--", label="One deviates")
    (eq_w,) = ax2.plot([], [], "o", color=style.BLACK, ms=6)
    (eff_w,) = ax2.plot([], [], "*", color=style.GREEN, ms=13)
    ax2.axhline(0, color=style.GREY, lw=0.8)
    ax2.set(xlim=(0, 1), xlabel="Common restriction\n(share turned away)",
            ylabel="Welfare per country ($ billion a year)")
    _layout.legend_below(ax2, ncol=1, lines=2)
    _layout.margins(fig, top=24, bottom=102, wspace=0.4)

    def update(leakage, pressure, countries, enforcement_cost):
        g = calibrations.leakage_game(leakage, pressure, countries, enforcement_cost)
        br.set_data(Q_GRID, g.best_response(Q_GRID))
        eqs = g.equilibria()
        st = [e.restriction for e in eqs if e.stable]
        un = [e.restriction for e in eqs if not e.stable]
        stable.set_data(st, st)
        unstable.set_data(un, un)
        r_joint = g.joint_restriction()
        eff.set_data([r_joint], [r_joint])
        note.set_text(_describe_equilibria(g))
        w = np.asarray(g.common_welfare(Q_GRID))
        d = np.asarray(g.deviation_payoff(Q_GRID))
        common.set_data(Q_GRID, w)
        deviate.set_data(Q_GRID, d)
        gap.set_xy(np.column_stack([np.concatenate([Q_GRID, Q_GRID[::-1]]),
                                    np.concatenate([d, w[::-1]])]))
        eq_w.set_data([e.restriction for e in eqs], [e.welfare for e in eqs])
        eff_w.set_data([r_joint], [float(g.common_welfare(r_joint))])
        lo, hi = float(min(w.min(), d.min())), float(max(w.max(), d.max()))
        pad = 0.08 * max(hi - lo, 1.0)
        ax2.set_ylim(lo - pad, hi + pad)

    update(leakage, pressure, countries, enforcement_cost)
    return update


# =====================================================================================
R_GRID = np.linspace(0.0, calibrations.MIGRANT_RETURN, 401)
SORT_YLIM = (-6.0, 3.0)


def _band_alt(countries, pressure):
    g = calibrations.sorting_game(countries, pressure)
    lo, hi = g.band()
    lo_m, hi_m = (x / g.countries for x in g.band_migrants())
    return (
        f"The sorting model with {int(countries)} receiving countries and {pressure:g} million "
        f"would-be migrants: every common restriction from {lo:.1f} to {hi:.1f} thousand dollars "
        f"per migrant is an equilibrium, giving each country between {max(lo_m, 0):.1f} and "
        f"{min(hi_m, g.pressure / g.countries):.1f} million migrants; the receiving countries' "
        f"joint optimum, {g.joint_restriction():.1f}, gives each its ideal "
        f"{g.best_intake:.0f} million."
    )


@register(
    "coordination_band",
    sliders={
        "countries": Slider(2, 10, 1, "Number of receiving countries N", value=4),
        "pressure": Slider(10.0, 60.0, 5.0, "Would-be migrants Λ (million a year)", value=20.0),
    },
    static="countries",
    caption=(
        "The article's sorting model. Left: a country's welfare, in billion dollars a year, when all "
        "others keep a common restriction and it matches them, undercuts them slightly (and receives "
        "every migrant) or overshoots them (and receives none); the shaded band holds the common "
        "restrictions where matching is best, every one an equilibrium, and the star the receiving "
        "countries' joint optimum. Right: migrants per country at each common restriction against "
        "the ideal intake."
    ),
    alt=_band_alt,
    size=(8.0, 4.6),
)
def draw_band(fig, countries, pressure):
    """Match, undercut and overshoot payoffs against a common restriction, with the band."""
    ax, ax2 = fig.subplots(1, 2)
    band = Polygon(rect(0, 1, -1e3, 1e3), color=style.SHADE_GAIN, alpha=0.35,
                   label="Equilibrium band")
    band2 = Polygon(rect(0, 1, -1e3, 1e3), color=style.SHADE_GAIN, alpha=0.35)
    ax.add_patch(band)
    ax2.add_patch(band2)
    (match,) = ax.plot([], [], color=style.RECEIVING, label="Match (share)")
    (under,) = ax.plot([], [], color=style.SENDING, ls="--", label="Undercut (take all)")
    ax.axhline(0, color=style.BLACK, ls=":", lw=1.5, label="Overshoot (none)")
    (star,) = ax.plot([], [], "*", color=style.GREEN, ms=14, label="Joint optimum")
    ax.set(xlim=(0, calibrations.MIGRANT_RETURN), ylim=SORT_YLIM,
           xlabel="Common restriction r\n($ thousand per migrant)",
           ylabel="A country's welfare ($ billion a year)")
    _layout.legend_below(ax, ncol=2, lines=2)

    (intake,) = ax2.plot([], [], color=style.RECEIVING, label="Migrants per country")
    ax2.axhline(calibrations.BENEFIT / calibrations.CROWDING, color=style.GREEN, ls="-.",
                label="Ideal intake m*")
    (star2,) = ax2.plot([], [], "*", color=style.GREEN, ms=14)
    ax2.set(xlim=(0, calibrations.MIGRANT_RETURN),
            xlabel="Common restriction r\n($ thousand per migrant)",
            ylabel="Migrants per country (million a year)")
    _layout.legend_below(ax2, ncol=1, lines=2)
    _layout.margins(fig, top=12, bottom=102, wspace=0.32)

    def update(countries, pressure):
        g = calibrations.sorting_game(countries, pressure)
        p = g.payoffs(R_GRID)
        match.set_data(R_GRID, p.match)
        under.set_data(R_GRID, p.undercut)
        lo, hi = g.band()
        width = max(hi - lo, calibrations.MIGRANT_RETURN * 0.004)  # one point still shows
        for poly in (band, band2):
            poly.set_xy(rect(lo, lo + width, -1e3, 1e3))
        r = g.joint_restriction()
        star.set_data([r], [float(g.payoffs(r).match)])
        per = np.asarray(g.migration(R_GRID)) / g.countries
        intake.set_data(R_GRID, per)
        star2.set_data([r], [float(g.migration(r)) / g.countries])
        ax2.set_ylim(0, max(per.max(), 2.2 * g.best_intake) * 1.05)

    update(countries, pressure)
    return update


# =====================================================================================
def draw_flows(fig, game: LeakageGame):
    """Where the would-be migrants end up, against the common share turned away (static)."""
    q = np.linspace(0.0, 1.0, 201)
    f = game.flows(q)
    ax = fig.subplots()
    first = np.asarray(f.admitted_first)
    div = np.asarray(f.admitted_diverted)
    home = np.asarray(f.stayed_home)
    ax.fill_between(q, 0, first, color=style.RECEIVING, alpha=0.75,
                    label="Admitted where they first tried")
    ax.fill_between(q, first, first + div, color=style.SKY, alpha=0.75, hatch="//",
                    label="Admitted after a refusal elsewhere")
    ax.fill_between(q, first + div, first + div + home, color=style.SHADE_LOSS, alpha=0.75,
                    hatch="..", label="Stayed home")
    ax.set(xlim=(0, 1), ylim=(0, game.pressure * 1.02),
           xlabel="Common restriction (share of arrivals turned away)",
           ylabel="Would-be migrants (million a year)")
    ax.legend(loc="lower left")
    return f


KIND_LABELS = {"open": "only open borders", "restrictive": "only a restrictive equilibrium",
               "several": "several equilibria"}
"""The legend's words for each of :data:`migcoop.coordination.EQUILIBRIUM_KINDS`."""
KIND_COLOURS = (style.SKY, style.SHADE_LOSS, style.GREEN)


def draw_equilibrium_map(fig, pressure: float = 6.0, countries: int = 6, leakages=None,
                         costs=None, mark=None):
    """Which kind of equilibria each (leakage, enforcement cost) pair has (static)."""
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    leakages = np.linspace(0.0, 1.0, 41) if leakages is None else np.asarray(leakages)
    costs = np.linspace(0.0, 50.0, 51) if costs is None else np.asarray(costs)
    # The map's leakage and cost replace the game's own (placeholders here).
    grid = equilibrium_map(calibrations.leakage_game(0.0, pressure, countries, 0.0), leakages,
                           costs)
    ax = fig.subplots()
    dl, de = leakages[1] - leakages[0], costs[1] - costs[0]
    ax.imshow(grid, origin="lower", aspect="auto", interpolation="nearest",
              cmap=ListedColormap(KIND_COLOURS), vmin=-0.5, vmax=2.5,
              extent=(leakages[0] - dl / 2, leakages[-1] + dl / 2, costs[0] - de / 2,
                      costs[-1] + de / 2))
    ax.contourf(leakages, costs, (grid == 2).astype(float), levels=[0.5, 1.5], colors="none",
                hatches=["//"])
    handles = [Patch(facecolor=c, edgecolor=style.BLACK, lw=0.3, hatch="//" if k == 2 else None,
                     label=KIND_LABELS[kind])
               for k, (c, kind) in enumerate(zip(KIND_COLOURS, EQUILIBRIUM_KINDS, strict=True))]
    if mark is not None:
        (star,) = ax.plot([mark[0]], [mark[1]], "*", color=style.BLACK, ms=13, ls="none",
                          label="The explorer's starting point")
        handles.append(star)
    fig.subplots_adjust(left=0.1, right=0.62)
    ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.03, 0.5), frameon=False)
    ax.set(xlabel="Leakage λ (share of the refused who try again)",
           ylabel="Enforcement cost e\n($ billion a year for r = 1)")
    ax.grid(False)
    return grid
