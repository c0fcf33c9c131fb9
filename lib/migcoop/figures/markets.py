"""Figures for chapter 2 (:mod:`migcoop.markets`): tariffs, migration caps and the tariff war.

Three explorers, each a ``draw(fig, **params)`` that returns an in-place
``update(**params)``:

* ``tariff``: a large country's import market with the terms-of-trade
  rectangle and the deadweight triangles, beside welfare against the tariff;
* ``migration_cap``: the market for migrant labor under a cap, beside the
  receiving country's, the migrants' and world welfare against the cap;
* ``tariff_war``: the payoff matrix of two countries and the patience needed
  to keep free trade self-enforcing.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Polygon

from .. import calibrations, style
from ..explore import Choice, Slider, register
from ..markets import tariff_game
from ..repeated import deviation_value, min_discount_factor
from ..style import rect
from . import _layout

RENT_LABELS = {"receiving country (a fee, an auction, or its own employers)": "receiver",
               "migrants (visas given free to them)": "migrants"}
"""The rent toggle's words for who keeps a cap's rent (keys of ``calibrations.RENT_KEPT``).
Visas handed free to the receiving country's employers keep the rent at home too: the
employers are its residents."""


def _labor_market(supply_slope, external_cost, rent_label):
    """The cap explorer's market, with the rent toggle's label turned into a share."""
    kept = calibrations.RENT_KEPT[RENT_LABELS[rent_label]]
    return calibrations.migrant_labor_market(supply_slope, external_cost, kept)


# =============================================================================
TARIFF_GRID = np.linspace(0.0, 60.0, 241)


def _tariff_alt(tariff, elasticity):
    m = calibrations.goods_market(elasticity)
    out = m.equilibrium(tariff)
    t_star = m.national_optimum()
    dw = out.importer_welfare - m.equilibrium(0.0).importer_welfare
    return (
        f"Import market and welfare at a specific tariff of {tariff:g} dollars with foreign supply "
        f"elasticity {elasticity:g}: imports fall from 50 to {out.quantity:.1f} million units, "
        f"buyers pay {out.buyer_price:.1f} and foreign sellers receive {out.seller_price:.1f}. "
        f"The importer's welfare changes by {dw:+.0f} million dollars; its best tariff is "
        f"{t_star:.1f}, while the world is best off at zero."
    )


@register(
    "tariff",
    sliders={
        "tariff": Slider(0.0, 40.0, 2.0, "Specific tariff t ($ per unit)", value=16.0),
        "elasticity": Slider(1.0, 8.0, 0.5, "Foreign supply elasticity at free trade ε₀", value=2.0),
    },
    static="tariff",
    frames={"tariff": 11},
    caption=(
        "A large country's tariff. Left: the import market; the blue rectangle is the part of the "
        "tariff revenue paid by foreign sellers through a lower price (the terms-of-trade gain), the "
        "orange triangles are the deadweight loss. Right: the importer's and the world's welfare "
        "relative to free trade as the tariff rises; the dashed line marks the importer's optimal tariff."
    ),
    alt=_tariff_alt,
    size=(8.0, 4.6),
)
def draw_tariff(fig, tariff, elasticity):
    """The import market under a tariff, and welfare against the tariff."""
    ax, ax2 = fig.subplots(1, 2)
    q = np.linspace(0, 100, 2)
    ax.plot(q, (calibrations.GOODS_DEMAND_INTERCEPT - q) / calibrations.GOODS_DEMAND_SLOPE,
            color=style.RECEIVING, label="Home demand")
    (supply,) = ax.plot([], [], color=style.SENDING, label="Foreign supply")
    (supply_t,) = ax.plot([], [], color=style.SENDING, ls="--", label="Supply + tariff")
    tot = Polygon(rect(0, 1, 0, 1), color=style.SHADE_GAIN, alpha=0.6, label="Terms-of-trade gain")
    paid = Polygon(rect(0, 1, 0, 1), color=style.GREY, alpha=0.25, label="Paid by home buyers")
    dwl1 = Polygon([(0, 0)] * 3, color=style.SHADE_LOSS, alpha=0.8, label="Deadweight loss")
    dwl2 = Polygon([(0, 0)] * 3, color=style.SHADE_LOSS, alpha=0.8)
    for p in (tot, paid, dwl1, dwl2):
        ax.add_patch(p)
    ax.axhline(calibrations.FREE_TRADE_PRICE, color=style.GREY, lw=1, ls=":")
    note = _layout.note(ax)
    ax.set(xlim=(0, 100), ylim=(0, 100), xlabel="Imports (million units)",
           ylabel="Price ($ per unit)")
    _layout.legend_below(ax, ncol=2)

    (importer,) = ax2.plot([], [], color=style.RECEIVING, label="Importer")
    (world,) = ax2.plot([], [], color=style.WORLD, ls="-.", label="World")
    (dot_i,) = ax2.plot([], [], "o", color=style.RECEIVING)
    (dot_w,) = ax2.plot([], [], "s", color=style.WORLD)
    best = ax2.axvline(0, color=style.RECEIVING, ls="--", lw=1, label="Its optimal tariff")
    best_label = _layout.note(ax2)
    ax2.axhline(0, color=style.GREY, lw=1)
    ax2.set(xlim=(0, 60), ylim=(-700, 400), xlabel="Specific tariff t ($ per unit)",
            ylabel="Welfare change vs free trade ($ million)")
    _layout.legend_below(ax2, handles=[importer, world, best], ncol=2)
    _layout.margins(fig, top=36, bottom=90, wspace=0.32)

    def update(tariff, elasticity):
        m = calibrations.goods_market(elasticity)
        qq = np.array([max(0.0, m.supply_intercept), 100.0])
        supply.set_data(qq, m.supply_price(qq))
        supply_t.set_data(qq, m.supply_price(qq) + tariff)
        out = m.equilibrium(tariff)
        x, pb, ps = out.quantity, out.buyer_price, out.seller_price
        p0, q0 = calibrations.FREE_TRADE_PRICE, calibrations.FREE_TRADE_QUANTITY
        tot.set_xy(rect(0, x, ps, p0))
        paid.set_xy(rect(0, x, p0, pb))
        dwl1.set_xy([(x, pb), (q0, p0), (x, p0)])
        dwl2.set_xy([(x, p0), (q0, p0), (x, ps)])
        note.set_text(f"buyers pay {pb:.1f}, sellers get {ps:.1f}\nimports {x:.1f} million")
        base = m.equilibrium(0.0)
        curve = m.equilibrium(TARIFF_GRID)
        importer.set_data(TARIFF_GRID, curve.importer_welfare - base.importer_welfare)
        world.set_data(TARIFF_GRID, curve.world_welfare - base.world_welfare)
        dot_i.set_data([tariff], [out.importer_welfare - base.importer_welfare])
        dot_w.set_data([tariff], [out.world_welfare - base.world_welfare])
        t_star = m.national_optimum()
        best.set_xdata([t_star, t_star])
        best_label.set_text(f"importer's optimal tariff: {t_star:.1f}")

    update(tariff, elasticity)
    return update


# =============================================================================
CAP_GRID = np.linspace(0.0, 20.0, 201)


def _cap_alt(cap, external_cost, supply_slope, rent):
    m = _labor_market(supply_slope, external_cost, rent)
    out = m.with_cap(cap)
    q_nat = m.equilibrium(m.national_optimum()).quantity
    q_glob = m.equilibrium(m.global_optimum()).quantity
    return (
        f"Migrant labor market and welfare with a cap of {cap:g} million migrants, an external cost "
        f"of {external_cost:g} thousand dollars per migrant and the rent kept by the {rent}: "
        f"{out.quantity:.1f} million migrants come (free movement would bring "
        f"{m.free_trade_quantity:.1f}); employers pay {out.buyer_price:.1f} and migrants receive "
        f"{out.seller_price:.1f} thousand dollars a year. The world is best off at "
        f"{q_glob:.1f} million migrants, the receiving country alone at {q_nat:.1f} million."
    )


@register(
    "migration_cap",
    sliders={
        "cap": Slider(0.0, 20.0, 1.0, "Migration cap (million migrants)", value=8.0),
        "external_cost": Slider(0.0, 20.0, 1.0, "External cost e ($ thousand per migrant)", value=5.0),
        "supply_slope": Slider(0.25, 2.0, 0.25, "Migrant supply slope (million per $ thousand)",
                               value=0.5),
        "rent": Choice(tuple(RENT_LABELS), "Who keeps the cap's rent"),
    },
    static="cap",
    frames={"cap": 11},
    caption=(
        "A cap on migrant workers. Left: employers' demand for migrant labor and the migrants' supply; "
        "the cap drives a wedge between the wage employers pay and the wage migrants receive, and the "
        "shaded rectangle is the cap's rent. Right: welfare of the receiving country, of the migrants "
        "and of the world against the cap; dashed lines mark the receiving country's best cap and the "
        "world's best cap."
    ),
    alt=_cap_alt,
    size=(8.0, 4.6),
)
def draw_migration_cap(fig, cap, external_cost, supply_slope, rent):
    """The migrant labor market under a cap, and welfare against the cap."""
    ax, ax2 = fig.subplots(1, 2)
    q = np.array([0.0, 30.0])
    ax.plot(q, (calibrations.MIGRANT_DEMAND_INTERCEPT - q) / calibrations.MIGRANT_DEMAND_SLOPE,
            color=style.RECEIVING, label="Employers' demand")
    (supply,) = ax.plot([], [], color=style.SENDING, label="Migrants' supply")
    (cost_line,) = ax.plot([], [], color=style.SENDING, ls=":", label="Supply + external cost")
    cap_line = ax.axvline(cap, color=style.BLACK, ls="--", lw=1.2, label="Cap")
    rent_patch = Polygon(rect(0, 1, 0, 1), color=style.SHADE_GAIN, alpha=0.5, label="Rent of the cap")
    ax.add_patch(rent_patch)
    note = _layout.note(ax)
    ax.set(xlim=(0, 30), ylim=(0, 60), xlabel="Migrant workers (million)",
           ylabel="Wage ($ thousand per year)")
    _layout.legend_below(ax, ncol=2)

    (rec,) = ax2.plot([], [], color=style.RECEIVING, label="Receiving country")
    (mig,) = ax2.plot([], [], color=style.SENDING, ls="--", label="Migrants")
    (wor,) = ax2.plot([], [], color=style.WORLD, ls="-.", label="World")
    marks = [ax2.plot([], [], m, color=c)[0] for m, c in
             (("o", style.RECEIVING), ("^", style.SENDING), ("s", style.WORLD))]
    nat = ax2.axvline(0, color=style.RECEIVING, ls="--", lw=1, label="R's best cap")
    glob = ax2.axvline(0, color=style.WORLD, ls=":", lw=1.2, label="World's best")
    ax2.set(xlim=(0, 20), ylim=(-150, 600), xlabel="Migration cap (million migrants)",
            ylabel="Welfare ($ billion per year)")
    _layout.legend_below(ax2, ncol=2)
    _layout.margins(fig, top=36, bottom=90, wspace=0.32)

    def update(cap, external_cost, supply_slope, rent):
        m = _labor_market(supply_slope, external_cost, rent)
        qq = np.array([0.0, 30.0])
        supply.set_data(qq, m.supply_price(qq))
        cost_line.set_data(qq, m.supply_price(qq) + external_cost)
        out = m.with_cap(cap)
        x = out.quantity
        cap_line.set_xdata([cap, cap])
        rent_patch.set_xy(rect(0, x, out.seller_price, out.buyer_price))
        note.set_text(f"employers pay {out.buyer_price:.1f}, migrants get {out.seller_price:.1f}\n"
                      f"{x:.1f} million migrants")
        curve = m.with_cap(CAP_GRID)
        rec.set_data(CAP_GRID, curve.importer_welfare)
        mig.set_data(CAP_GRID, curve.seller_surplus)
        wor.set_data(CAP_GRID, curve.world_welfare)
        for mark, y in zip(marks, (out.importer_welfare, out.seller_surplus, out.world_welfare),
                           strict=True):
            mark.set_data([cap], [y])
        q_nat = m.equilibrium(m.national_optimum()).quantity
        q_glob = m.equilibrium(m.global_optimum()).quantity
        nat.set_xdata([q_nat, q_nat])
        glob.set_xdata([q_glob, q_glob])

    update(cap, external_cost, supply_slope, rent)
    return update


# =============================================================================
DELTA_GRID = np.linspace(0.0, 1.0, 101)


def _war_alt(delta, elasticity):
    g = tariff_game(calibrations.goods_market(elasticity))
    need = min_discount_factor(g.cooperate, g.deviate, g.punish)
    verdict = "holds" if delta >= need else "breaks down"
    return (
        f"Tariff war with foreign supply elasticity {elasticity:g}: free trade pays each country "
        f"{g.cooperate:.0f}, a tariff war {g.punish:.0f}, cheating once {g.deviate:.0f} million dollars. "
        f"Free trade is self-enforcing for discount factors of at least {need:.2f}; at {delta:.2f} it {verdict}."
    )


@register(
    "tariff_war",
    sliders={
        "delta": Slider(0.0, 0.95, 0.05, "Discount factor δ", value=0.5),
        "elasticity": Slider(1.0, 8.0, 0.5, "Foreign supply elasticity at free trade ε₀", value=2.0),
    },
    static="delta",
    frames={"delta": 10},
    caption=(
        "The tariff war. Left: each country's welfare (million $ per year) in the one-shot game where "
        "each chooses free trade or its optimal tariff; the bold cell is the Nash equilibrium. Right: the "
        "per-period value of keeping free trade against cheating once and facing a tariff war for ever, "
        "by discount factor; free trade is self-enforcing to the right of the dashed line."
    ),
    alt=_war_alt,
    size=(8.0, 4.4),
)
def draw_tariff_war(fig, delta, elasticity):
    """The one-shot payoff matrix and the discount factor that sustains free trade."""
    ax, ax2 = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.2]})
    ax.set(xlim=(0, 2), ylim=(0, 2), xticks=[0.5, 1.5], yticks=[0.5, 1.5])
    ax.set_xticklabels(["Free trade", "Optimal tariff"])
    ax.set_yticklabels(["Optimal tariff", "Free trade"])
    ax.set_xlabel("Country 2's policy")
    ax.set_ylabel("Country 1's policy")
    ax.grid(False)
    ax.tick_params(length=0)
    cells = {}
    for i in range(2):
        for j in range(2):
            y = 1.5 - i
            ax.add_patch(Polygon(rect(j, j + 1, y - 0.5, y + 0.5), fill=False, ec=style.GREY))
            cells[i, j] = ax.text(j + 0.5, y, "", ha="center", va="center")
    nash = Polygon(rect(1, 2, 0, 1), fill=False, ec=style.BLACK, lw=3)
    ax.add_patch(nash)

    (coop,) = ax2.plot([], [], color=style.GREEN, label="Keep free trade")
    (cheat,) = ax2.plot([], [], color=style.VERMILION, ls="--", label="Cheat, then war")
    (dot,) = ax2.plot([], [], "o", color=style.BLACK)
    need_line = ax2.axvline(0.5, color=style.GREY, ls="--", lw=1, label="Least δ needed")
    verdict = _layout.note(ax2)
    ax2.set(xlim=(0, 1), xlabel="Discount factor δ",
            ylabel="Value per period ($ million per year)")
    _layout.legend_below(ax2, handles=[coop, cheat, need_line], ncol=2)
    _layout.margins(fig, top=24, bottom=72, left=0.16, wspace=0.35)

    def update(delta, elasticity):
        g = tariff_game(calibrations.goods_market(elasticity))
        for (i, j), t in cells.items():
            a, b = g.payoffs[i, j]
            t.set_text(f"{a:,.0f} , {b:,.0f}")
            t.set_fontweight("bold" if (i, j) == (1, 1) else "normal")
        cheat_value = deviation_value(DELTA_GRID, g.deviate, g.punish)
        coop.set_data(DELTA_GRID, np.full_like(DELTA_GRID, g.cooperate))
        cheat.set_data(DELTA_GRID, cheat_value)
        need = float(min_discount_factor(g.cooperate, g.deviate, g.punish))
        need_line.set_xdata([need, need])
        dot.set_data([delta], [g.cooperate])
        holds = delta >= need
        verdict.set_text(f"need δ ≥ {need:.2f}: free trade {'holds' if holds else 'breaks down'}")
        lo, hi = g.punish, g.deviate
        pad = 0.1 * (hi - lo)
        ax2.set_ylim(lo - pad, hi + pad)

    update(delta, elasticity)
    return update


# =============================================================================
RENT_SHARE_GRID = np.linspace(0.0, 1.0, 101)


def draw_best_cap_by_rent_share(fig, external_costs=(5.0, 20.0), supply_slope=0.5):
    """Static figure: the receiving country's best cap against the share of the rent it keeps.

    For each external cost, a solid line gives the number of migrants the receiving country
    would admit on its own (its national optimum) as the share of the cap's rent it keeps
    rises from 0 to 1, and a dotted line of the same colour the world's best number, which
    does not depend on who keeps the rent; a grey line marks free movement. Returns
    ``{external_cost: (national, world)}``, the arrays drawn (million migrants).
    """
    ax = fig.subplots()
    lines = {}
    free = None
    for i, e in enumerate(external_costs):
        ms = [calibrations.migrant_labor_market(supply_slope, e, th) for th in RENT_SHARE_GRID]
        national = np.array([m.equilibrium(m.national_optimum()).quantity for m in ms])
        world = np.full_like(national, ms[0].equilibrium(ms[0].global_optimum()).quantity)
        free = ms[0].free_trade_quantity
        colour = style.PALETTE[i % len(style.PALETTE)]
        ax.plot(RENT_SHARE_GRID, national, color=colour,
                label=f"Receiving country's best, e = {e:g}")
        ax.plot(RENT_SHARE_GRID, world, color=colour, ls=":", lw=1.6,
                label=f"World's best, e = {e:g}")
        lines[e] = (national, world)
    ax.axhline(free, color=style.GREY, ls="--", lw=1, label="Free movement")
    ax.set(xlim=(0, 1), ylim=(-0.5, free * 1.45), xlabel="Share of the cap's rent the receiving "
           "country keeps θ", ylabel="Migrants admitted (million)")
    ax.legend(loc="upper right", ncols=2)
    return lines
