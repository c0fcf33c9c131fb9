"""Figures for chapter 5 (:mod:`migcoop.two_country`, :mod:`migcoop.repeated`): the one-way
problem.

Three explorers, each a ``draw(fig, **params)`` that returns an in-place
``update(**params)``:

* ``one_way_groups``: who gains and who loses as migration rises to the efficient
  level in a two-country economy, with remittances and an emigration tax;
* ``one_way_deal``: the discount factors and transfers that make a one-way deal
  self-enforcing, with a marker the reader moves;
* ``borjas_surplus``: Borjas's immigration surplus, a small net gain riding on a
  large redistribution from workers to capital.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Polygon

from .. import calibrations, style
from ..explore import Slider, register
from ..repeated import OneWayDeal, deviation_value
from ..two_country import borjas_accounts
from . import _layout

# =============================================================================
SHARE_GRID = np.linspace(0.0, 1.25, 126)  # migration as a share of the efficient level

GROUPS = (  # field of GroupGains, legend label, colour, line style
    ("receiving_capital", "R capital owners", style.BLUE, "-"),
    ("receiving_workers", "R native workers", style.SKY, "--"),
    ("migrant_workers", "Migrants (kept pay)", style.ORANGE, "-"),
    ("left_behind_workers", "S workers who stay", style.VERMILION, "--"),
    ("sending_capital", "S capital owners", style.PURPLE, ":"),
    ("left_behind", "All left behind", style.VERMILION, "-"),
    ("world", "World output", style.WORLD, "-."),
)
BARS = (  # field, short label, colour
    ("receiving_capital", "R capital", style.BLUE),
    ("receiving_workers", "R workers", style.SKY),
    ("migrant_workers", "Migrants", style.ORANGE),
    ("left_behind_workers", "S workers", style.VERMILION),
    ("sending_capital", "S capital", style.PURPLE),
    ("transfers_home", "Sent home", style.GREEN),
    ("left_behind", "Left behind", style.VERMILION),
)


def _groups_alt(capital_share, capital_gap, remittance_share, emigration_tax):
    e = calibrations.two_country_economy(capital_share, capital_gap, remittance_share,
                                         emigration_tax)
    m = e.efficient_migration()
    g = e.gains(m)
    need = float(e.breakeven_emigration_tax(m))
    verdict = "gain" if g.left_behind > 0 else "lose"
    return (
        f"Gains and losses by group with capital share {capital_share:.2f}, R having "
        f"{capital_gap:g} times S's capital per worker, remittances of {remittance_share:.0%} and an "
        f"emigration tax of {emigration_tax:.1%}. At the efficient level of {m:.1f} million migrants "
        f"R's capital owners gain {g.receiving_capital:.0f} and R's workers lose "
        f"{-g.receiving_workers:.0f} billion dollars a year, migrants gain {g.migrant_workers:.0f}, "
        f"and those left behind in S {verdict} {abs(g.left_behind):.0f}; world output rises by "
        f"{g.world:.0f} and peaks there. A tax of {need:.1%} would make those left behind whole."
    )


@register(
    "one_way_groups",
    sliders={
        "capital_share": Slider(0.25, 0.45, 0.05, "Capital share α", value=0.35),
        "capital_gap": Slider(2.0, 10.0, 1.0, "Capital per worker, R relative to S", value=4.0),
        "remittance_share": Slider(0.0, 0.1, 0.02, "Remittances (share of migrants' pay)",
                                   value=0.0),
        "emigration_tax": Slider(0.0, 0.2, 0.02, "Emigration tax (share of migrants' pay)",
                                 value=0.0),
    },
    static="emigration_tax",
    caption=(
        "Who gains from migration. Left: each group's gain or loss (billion $ a year) against "
        "migration as a share of the level that equalises wages; the dotted vertical line marks that "
        "efficient level, where world output peaks. Right: the same gains at the efficient level, "
        "with the remittances and emigration tax sent home and the total for everyone left behind in "
        "the sending country."
    ),
    alt=_groups_alt,
    size=(8.0, 4.8),
)
def draw_groups(fig, capital_share, capital_gap, remittance_share, emigration_tax):
    """Group gains against migration, and a bar chart at the efficient level."""
    ax, ax2 = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.45, 1]})
    lines = {}
    for field, label, colour, ls in GROUPS:
        lw = 3.0 if field == "left_behind" else 1.8
        (lines[field],) = ax.plot([], [], color=colour, ls=ls, lw=lw, label=label)
    ax.axhline(0, color=style.GREY, lw=1)
    ax.axvline(100, color=style.GREY, ls=":", lw=1.2)
    ax.set(xlim=(0, 125), xlabel="Migration (% of the wage-equalising level)",
           ylabel="Gain since no migration ($ billion a year)")
    _layout.legend_below(ax, ncol=2)

    y = np.arange(len(BARS))[::-1]
    bars = ax2.barh(y, np.zeros(len(BARS)), color=[c for _, _, c in BARS], height=0.7)
    bars[-1].set_hatch("//")
    bars[-1].set_edgecolor(style.BLACK)
    ax2.axvline(0, color=style.GREY, lw=1)
    ax2.set_yticks(y)
    ax2.set_yticklabels([lab for _, lab, _ in BARS])
    ax2.set_ylabel("Group, at the efficient level")
    ax2.set_xlabel("Gain ($ billion a year)")
    ax2.grid(axis="y", visible=False)
    note = _layout.note(ax)
    _layout.margins(fig, top=40, bottom=104, left=0.1, right=0.975, wspace=0.5)

    def update(capital_share, capital_gap, remittance_share, emigration_tax):
        e = calibrations.two_country_economy(capital_share, capital_gap, remittance_share,
                                             emigration_tax)
        m_star = e.efficient_migration()
        # up to a quarter beyond the efficient level, or until 98% of S's workers have left
        shares = SHARE_GRID * min(1.0, 0.98 * e.sending_labor / (SHARE_GRID[-1] * m_star))
        g = e.gains(shares * m_star)
        lo, hi = 0.0, 0.0
        for field, *_ in GROUPS:
            y = np.asarray(getattr(g, field))
            lines[field].set_data(100 * shares, y)
            lo, hi = min(lo, float(y.min())), max(hi, float(y.max()))
        pad = 0.08 * (hi - lo)
        ax.set_ylim(lo - pad, hi + pad)
        at = e.gains(m_star)
        vals = [float(getattr(at, f)) for f, _, _ in BARS]
        for bar, v in zip(bars, vals, strict=True):
            bar.set_width(v)
        blo, bhi = min(0.0, *vals), max(0.0, *vals)
        bpad = 0.08 * (bhi - blo)
        ax2.set_xlim(blo - bpad, bhi + bpad)
        need = float(e.breakeven_emigration_tax(m_star))
        note.set_text(
            f"{m_star:.1f} million move (wage gap before: {e.wage_gap:.2f}×)\n"
            f"tax that makes those left behind whole: {need:.1%}"
        )

    update(capital_share, capital_gap, remittance_share, emigration_tax)
    return update


# =============================================================================
DELTA_GRID = np.linspace(0.02, 1.0, 197)
T_MAX = 12.0


def _deal_alt(delta, transfer, restriction_gain, sending_gain):
    deal = OneWayDeal(restriction_gain, sending_gain)
    s = deal.summary()
    r_ok = delta >= deal.receiving_threshold(transfer)
    s_ok = delta >= deal.sending_threshold(transfer)
    if r_ok and s_ok:
        verdict = "the deal holds"
    elif not r_ok and not s_ok:
        verdict = "neither side keeps the deal"
    elif not r_ok:
        verdict = "the receiving country would rather restrict and pocket the payment"
    else:
        verdict = "the sending country would rather stop paying"
    best = (f"the transfer needing least patience is {s.best_transfer:.2f}, at a discount factor of "
            f"{s.min_delta:.2f}" if s.exists else "no transfer works at any discount factor below one")
    return (
        f"Feasible one-way deals when the receiving country gains {restriction_gain:g} billion dollars "
        f"a year by restricting and the sending country gains {sending_gain:g} from liberalisation: "
        f"the shaded region between the curves T = {restriction_gain:g}/δ and T = {sending_gain:g}δ; "
        f"{best}. The marker at discount factor {delta:.2f} and transfer {transfer:g}: {verdict}."
    )


@register(
    "one_way_deal",
    sliders={
        "delta": Slider(0.1, 0.9, 0.1, "Discount factor δ", value=0.6),
        "transfer": Slider(0.0, 10.0, 1.0, "Transfer T from S to R ($ billion a year)", value=4.0),
        "restriction_gain": Slider(0.5, 5.0, 0.5, "R's gain from restricting G_R ($ bn a year)",
                                   value=2.0),
        "sending_gain": Slider(2.0, 12.0, 1.0, "S's gain from liberalisation ΔS ($ bn a year)",
                               value=8.0),
    },
    static=("delta", "transfer"),
    frames={"delta": 9, "transfer": 6},
    caption=(
        "A one-way deal: R opens its borders and S pays a transfer T each year (trade concessions, "
        "help with enforcement). Left: R keeps the deal above the curve T = G_R/δ, S keeps paying below "
        "the line T = ΔS·δ; the shaded region is where both do, and the star is the transfer that "
        "needs the least patience. On the bottom edge (T = 0, reciprocity alone) nothing holds. Right: "
        "each side's yearly value of keeping the deal against cheating once and facing the status "
        "quo for ever."
    ),
    alt=_deal_alt,
    size=(8.0, 4.6),
)
def draw_deal(fig, delta, transfer, restriction_gain, sending_gain):
    """The (δ, T) region of self-enforcing one-way deals and each side's incentive."""
    ax, ax2 = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.3, 1]})
    region = Polygon([(0, 0)] * 3, color=style.SHADE_GAIN, alpha=0.45, label="Deal holds")
    ax.add_patch(region)
    (r_curve,) = ax.plot([], [], color=style.RECEIVING, label="R's minimum: T = G_R/δ")
    (s_curve,) = ax.plot([], [], color=style.SENDING, ls="--", label="S's maximum: T = ΔS·δ")
    (star,) = ax.plot([], [], "*", color=style.BLACK, ms=13, label="Least patience",
                      clip_on=False, zorder=4)
    (marker,) = ax.plot([], [], "o", color=style.BLACK, mfc="white", mew=2, ms=9,
                        label="The chosen deal", clip_on=False, zorder=5)
    ax.axhline(0, color=style.SENDING, lw=3, alpha=0.5, label="T = 0: no δ works")
    verdict = _layout.note(ax)
    ax.set(xlim=(0, 1), ylim=(0, T_MAX), xlabel="Discount factor δ",
           ylabel="Transfer T ($ billion a year)")
    _layout.legend_below(ax, ncol=2)

    x = np.array([0.0, 1.0, 2.5, 3.5])
    colours = [style.GREEN, style.VERMILION, style.GREEN, style.VERMILION]
    bars = ax2.bar(x, np.zeros(4), color=colours, width=0.9)
    for b in (bars[1], bars[3]):
        b.set_hatch("//")
    ax2.set_xticks(x)
    ax2.set_xticklabels(["R\nkeeps", "R\ncheats", "S\nkeeps", "S\ncheats"])
    ax2.axhline(0, color=style.GREY, lw=1)
    ax2.set_xlabel("Choice (cheat: gain once,\nthen the status quo)")
    ax2.set_ylabel("Value per year ($ billion)")
    _layout.margins(fig, top=40, bottom=88, left=0.085, right=0.98, wspace=0.3)

    def update(delta, transfer, restriction_gain, sending_gain):
        deal = OneWayDeal(restriction_gain, sending_gain)
        low = restriction_gain / DELTA_GRID
        high = sending_gain * DELTA_GRID
        r_curve.set_data(DELTA_GRID, np.minimum(low, 2 * T_MAX))
        s_curve.set_data(DELTA_GRID, high)
        ok = low <= high
        if ok.any():
            d = DELTA_GRID[ok]
            d = np.concatenate([[np.sqrt(restriction_gain / sending_gain)], d])
            top = np.minimum(sending_gain * d, 2 * T_MAX)
            bottom = restriction_gain / d
            region.set_xy(np.column_stack([np.concatenate([d, d[::-1]]),
                                           np.concatenate([bottom, top[::-1]])]))
            region.set_visible(True)
        else:
            region.set_xy([(0, 0)] * 3)
            region.set_visible(False)
        s = deal.summary()
        if s.exists:
            star.set_data([s.min_delta], [s.best_transfer])
        else:
            star.set_data([], [])
        marker.set_data([delta], [transfer])
        r = deal.receiving_payoffs(transfer)
        sp = deal.sending_payoffs(transfer)
        r_ok, s_ok = delta >= r.threshold, delta >= sp.threshold
        if r_ok and s_ok:
            text = "deal holds"
        elif transfer == 0:
            text = "no transfer: R will not open"
        elif not r_ok and not s_ok:
            text = "both would break the deal"
        elif not r_ok:
            text = "R would restrict, keep the payment"
        else:
            text = "S would stop paying"
        need = "none below 1" if not s.exists else f"{s.min_delta:.2f} at T = {s.best_transfer:.2f}"
        verdict.set_text(f"δ = {delta:.2f}, T = {transfer:g}: {text}\nleast patience: {need}")
        vals = [r.cooperate, deviation_value(delta, r.deviate, r.punish),
                sp.cooperate, deviation_value(delta, sp.deviate, sp.punish)]
        for bar, v in zip(bars, vals, strict=True):
            bar.set_height(v)
        lo, hi = min(0.0, *vals), max(0.0, *vals)
        pad = 0.1 * max(hi - lo, 1.0)
        ax2.set_ylim(lo - pad, hi + pad)

    update(delta, transfer, restriction_gain, sending_gain)
    return update


# =============================================================================
def _borjas_alt(labor_share, wage_elasticity, immigrant_share):
    acc = borjas_accounts(labor_share, wage_elasticity, immigrant_share)
    ratio = ("" if immigrant_share == 0 else
             f" For every dollar of net gain, {acc.redistribution_ratio:.0f} dollars move from workers to capital.")
    return (
        f"Borjas's immigration surplus with labor share {labor_share:.2f}, wage elasticity "
        f"{wage_elasticity:.1f} and immigrants {immigrant_share:.1%} of the labor force: native workers "
        f"lose {acc.native_labor_loss:.2%} of GDP, capital gains {acc.capital_gain:.2%}, and natives "
        f"as a whole gain {acc.surplus:.3%}.{ratio}"
    )


@register(
    "borjas_surplus",
    sliders={
        "labor_share": Slider(0.5, 0.8, 0.05, "Labor share s", value=0.7),
        "wage_elasticity": Slider(0.1, 1.0, 0.1, "Wage elasticity e (magnitude)", value=0.3),
        "immigrant_share": Slider(0.0, 0.3, 0.025, "Immigrant share m", value=0.1),
    },
    static="immigrant_share",
    frames={"immigrant_share": 7},
    caption=(
        "Borjas's immigration surplus. Left: the receiving country's demand for labor; immigrants "
        "push the wage down, and the orange rectangle is what native workers lose to owners of "
        "capital, while the small blue triangle is the natives' net gain. Right: the same areas as "
        "shares of GDP."
    ),
    alt=_borjas_alt,
    size=(8.0, 4.6),
)
def draw_borjas(fig, labor_share, wage_elasticity, immigrant_share):
    """Borjas's labor-market diagram and the surplus beside the redistribution."""
    ax, ax2 = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.3, 1]})
    (demand,) = ax.plot([], [], color=style.RECEIVING, label="Demand for labor")
    transfer = Polygon([(0, 0)] * 4, color=style.SHADE_LOSS, alpha=0.7,
                       label="Workers' loss to capital")
    surplus = Polygon([(0, 0)] * 3, color=style.SHADE_GAIN, alpha=0.9,
                      label="Immigration surplus")
    ax.add_patch(transfer)
    ax.add_patch(surplus)
    (natives_line,) = ax.plot([], [], color=style.GREY, ls=":", lw=1.2, label="Natives employed")
    (total_line,) = ax.plot([], [], color=style.SENDING, ls="--", lw=1.2,
                            label="With immigrants")
    ax.set(xlim=(0, 1.05), ylim=(0.5, 1.3),
           xlabel="Employment (share of the labor\nforce after immigration)",
           ylabel="Wage (index, before immigration = 1)")
    _layout.legend_below(ax, ncol=2, lines=2,
                         handles=[demand, natives_line, total_line, transfer, surplus])

    labels = ["Workers'\nloss", "Capital's\ngain", "Net gain\n(surplus)"]
    bars = ax2.bar(np.arange(3), np.zeros(3), color=[style.SHADE_LOSS, style.RECEIVING, style.SHADE_GAIN],
                   width=0.7)
    bars[0].set_hatch("//")
    ax2.set_xticks(np.arange(3))
    ax2.set_xticklabels(labels)
    ax2.axhline(0, color=style.GREY, lw=1)
    ax2.set_xlabel("Borjas's accounts")
    ax2.set_ylabel("Share of GDP (%)")
    values = [ax2.text(i, 0, "", ha="center") for i in range(3)]
    note = _layout.note(ax2)
    _layout.margins(fig, top=40, bottom=102, left=0.085, right=0.98, wspace=0.3)

    def update(labor_share, wage_elasticity, immigrant_share):
        m, e = immigrant_share, wage_elasticity
        natives = 1 - m
        w1 = 1 - e * m                      # the wage after immigration
        x = np.array([0.0, 1.05])
        demand.set_data(x, 1 - e * (x - natives))
        transfer.set_xy([(0, w1), (natives, w1), (natives, 1.0), (0, 1.0)])
        surplus.set_xy([(natives, w1), (1.0, w1), (natives, 1.0)])
        natives_line.set_data([natives, natives], [0.5, 1.0])
        total_line.set_data([1.0, 1.0], [0.5, w1])
        acc = borjas_accounts(labor_share, wage_elasticity, immigrant_share)
        vals = [-100 * acc.native_labor_loss + 0.0, 100 * acc.capital_gain + 0.0,
                100 * acc.surplus + 0.0]   # + 0.0: no "-0.00%"
        lo, hi = min(vals), max(vals)
        span = max(hi - lo, 1.0)
        for bar, t, v in zip(bars, values, vals, strict=True):
            bar.set_height(v)
            t.set_position((bar.get_x() + bar.get_width() / 2,
                            v + (0.03 if v >= 0 else -0.03) * span))
            t.set_va("bottom" if v >= 0 else "top")
            t.set_text(f"{v:+.2f}%" if abs(v) >= 0.01 or v == 0 else f"{v:+.3f}%")
        ax2.set_ylim(lo - 0.2 * span, hi + 0.2 * span)
        note.set_text("no immigrants: no change" if m == 0 else
                      f"{acc.redistribution_ratio:.0f} dollars moved\nper dollar of net gain")

    update(labor_share, wage_elasticity, immigrant_share)
    return update


__all__ = ["draw_groups", "draw_deal", "draw_borjas"]
