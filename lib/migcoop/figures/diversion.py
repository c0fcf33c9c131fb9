"""Figures for chapter 6 (:mod:`migcoop.diversion`): migration diversion.

One explorer, ``diversion``: R's demand for migrant labor with the supply prices
of an efficient source A and a preferred partner B, the common (MFN) barrier and
B's preference, the creation and diversion areas shaded and the change in world
welfare written on the figure; beside it, world welfare against the size of the
barrier cut, preferential and MFN. Plus two static drawing functions used by the
chapter: :func:`draw_cap_accounts` and :func:`draw_breakeven`.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.patches import Polygon

from .. import calibrations, style
from ..explore import Choice, Slider, register
from ..style import rect
from . import _layout

# The explorer's toggles: the reader's words for each barrier type and overall cap.
BARRIER_LABELS = {"fee (revenue)": "revenue", "red tape (resource cost)": "resource"}
CAP_LABELS = {"none": math.inf, "40 thousand": 40.0}


def _model(cost_a, cost_b, barrier_label, cap_label):
    return calibrations.diversion_model(cost_a, cost_b, BARRIER_LABELS[barrier_label],
                                        CAP_LABELS[cap_label])


def _break_at_switch(x, y, switched):
    """Insert a gap (NaN) where the supplying source changes, so a jump is not drawn as a line."""
    x, y, switched = np.asarray(x, float), np.asarray(y, float), np.asarray(switched, bool)
    cuts = np.flatnonzero(switched[1:] != switched[:-1]) + 1
    return np.insert(x, cuts, np.nan), np.insert(y, cuts, np.nan)


def _alt(preference, cost_a, cost_b, barrier, barrier_type, overall_cap):
    model = _model(cost_a, cost_b, barrier_type, overall_cap)
    p = preference / 100 * barrier
    d = model.preferential_deal(barrier, p)
    who = "B's migrants replace A's" if d.after.from_b > 0 and d.before.from_a > 0 else (
        "nothing changes: A's migrants remain cheaper" if d.after.from_b == 0 else
        "B already supplied everyone, and the cut only lowers its barrier")
    mfn = model.mfn_liberalisation(barrier, p)
    cap = "" if overall_cap == "none" else f", under an overall cap of {overall_cap}"
    return (
        f"Migration diversion with source A at {cost_a:g} and partner B at {cost_b:g} thousand dollars, a "
        f"{barrier_type} barrier of {barrier:g}{cap}, and B's barrier cut by {p:g}: {who}. Migrants go from "
        f"{d.before.migrants:.0f} to {d.after.migrants:.0f} thousand; creation {d.creation:+.0f}, diversion "
        f"{-d.diversion:+.0f}, world welfare {d.world_change:+.0f} million dollars a year, against "
        f"{mfn.world_change:+.0f} for the same cut for every source."
    )


@register(
    "diversion",
    sliders={
        "preference": Slider(0.0, 100.0, 10.0, "B's preference (% of the barrier removed)",
                             value=100.0),
        "cost_a": Slider(6.0, 12.0, 1.0, "Source A's supply price w_A ($ thousand)", value=10.0),
        "cost_b": Slider(10.0, 20.0, 1.0, "Partner B's supply price w_B ($ thousand)", value=13.0),
        "barrier": Slider(2.0, 14.0, 1.0, "Barrier on every migrant τ ($ thousand)", value=8.0),
        "barrier_type": Choice(tuple(BARRIER_LABELS), "Barrier"),
        "overall_cap": Choice(tuple(CAP_LABELS), "Overall cap on migrants"),
    },
    static=("preference", "barrier_type"),
    frames={"preference": 11, "barrier_type": 2},
    caption=(
        "A preferential migration deal. Left: employers' demand for migrant workers, the supply prices "
        "of source A and of the partner B (solid) and the prices employers face once the barrier is "
        "added (dashed). Blue: migration created by the deal (a gain); orange: the higher real cost of "
        "the migrants who now come from B instead of A (a loss); hatched blue: red tape no longer "
        "incurred (a gain, only when the barrier is a resource cost). Right: the change in world "
        "welfare against the size of the barrier cut, granted to B alone or to every source (MFN)."
    ),
    alt=_alt,
    size=(8.0, 5.1),
)
def draw_diversion(fig, preference, cost_a, cost_b, barrier, barrier_type, overall_cap):
    """The Viner diagram for a preferential migration deal, and welfare against the cut."""
    ax, ax2 = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.3, 1]})
    intercept, slope = calibrations.DIVERSION_DEMAND_INTERCEPT, calibrations.DIVERSION_DEMAND_SLOPE
    q = np.array([0.0, intercept])
    ax.plot(q, (intercept - q) / slope, color=style.RECEIVING, label="Employers' demand")
    creation = Polygon([(0, 0)] * 4, color=style.SHADE_GAIN, alpha=0.75, label="Creation (gain)")
    diversion = Polygon(rect(0, 1, 0, 1), color=style.SHADE_LOSS, alpha=0.75,
                        label="Diversion (loss)")
    saving = Polygon(rect(0, 1, 0, 1), fc=style.SHADE_GAIN, ec=style.BLUE, alpha=0.5, hatch="//",
                     label="Red tape saved (gain)")
    for patch in (creation, diversion, saving):
        ax.add_patch(patch)
    (w_a,) = ax.plot([], [], color=style.THIRD, lw=1.8, label="A: supply price")
    (w_b,) = ax.plot([], [], color=style.SENDING, lw=1.8, label="B: supply price")
    (p_a,) = ax.plot([], [], color=style.THIRD, ls="--", lw=1.5, label="A: + barrier")
    (p_b,) = ax.plot([], [], color=style.SENDING, ls="--", lw=1.5, label="B: + barrier − cut")
    cap_line = ax.axvline(40.0, color=style.BLACK, ls=":", lw=1.5)
    (before,) = ax.plot([], [], "o", color=style.BLACK, mfc="white", ms=7, clip_on=False, zorder=4)
    (after,) = ax.plot([], [], "o", color=style.BLACK, ms=7, clip_on=False, zorder=4)
    note = _layout.note(ax)
    ax.set(xlim=(0, 100), ylim=(0, 30), xlabel="Migrant workers (thousand a year)",
           ylabel="Wage ($ thousand a year)")
    _layout.legend_below(ax, ncol=2, handles=[creation, diversion, saving,
                                               ax.lines[0], w_a, w_b, p_a, p_b])

    (deal_curve,) = ax2.plot([], [], color=style.SENDING, label="Cut for B only")
    (mfn_curve,) = ax2.plot([], [], color=style.WORLD, ls="-.", label="Cut for all (MFN)")
    # The chosen cut's markers reach the right edge at a full preference: not clipped.
    (deal_dot,) = ax2.plot([], [], "o", color=style.SENDING, ms=7, clip_on=False, zorder=4)
    (mfn_dot,) = ax2.plot([], [], "s", color=style.WORLD, ms=6, clip_on=False, zorder=4)
    ax2.axhline(0, color=style.GREY, lw=1)
    ax2.set(xlabel="Barrier cut ($ thousand per migrant)",
            ylabel="World welfare change ($ million a year)")
    _layout.legend_below(ax2, ncol=1)
    _layout.margins(fig, top=56, bottom=102, left=0.075, right=0.975, wspace=0.32)

    def update(preference, cost_a, cost_b, barrier, barrier_type, overall_cap):
        model = _model(cost_a, cost_b, barrier_type, overall_cap)
        cut = preference / 100 * barrier
        d = model.preferential_deal(barrier, cut)
        b0, b1 = d.before, d.after
        x = np.array([0.0, calibrations.DIVERSION_DEMAND_INTERCEPT])
        w_a.set_data(x, [cost_a, cost_a])
        w_b.set_data(x, [cost_b, cost_b])
        p_a.set_data(x, [cost_a + barrier] * 2)
        p_b.set_data(x, [cost_b + barrier - cut] * 2)
        cap_line.set_visible(overall_cap != "none")
        m0, m1 = b0.migrants, b1.migrants
        r0, r1 = b0.real_cost, b1.real_cost
        top0, top1 = model.demand_price(m0), model.demand_price(m1)
        creation.set_xy([(m0, r1), (m0, top0), (m1, top1), (m1, r1)])
        creation.set_visible(m1 > m0)
        lost = r1 > r0
        diversion.set_xy(rect(0, m0, r0, r1) if lost else rect(0, 0, 0, 0))
        diversion.set_visible(bool(lost))
        saving.set_xy(rect(0, m0, r1, r0) if r1 < r0 else rect(0, 0, 0, 0))
        saving.set_visible(bool(r1 < r0))
        before.set_data([m0], [b0.employer_wage])
        after.set_data([m1], [b1.employer_wage])
        if b1.from_b > 0 and b0.from_a > 0:
            who = "B's migrants replace A's"
        elif b1.from_b == 0:
            who = "A still cheaper, no switch"
        else:
            who = "B supplied already"
        second = (f"diversion {-d.diversion:+.0f}" if d.diversion >= 0 else
                  f"red tape saved {-d.diversion:+.0f}")
        note.set_text(
            f"{who}\nmigrants {m0:.0f} → {m1:.0f} thousand; world {d.world_change:+.0f}\n"
            f"creation {d.creation:+.0f}, {second} ($ million)"
        )
        cuts = np.linspace(0.0, barrier, 121)
        deal_all = model.preferential_deal(barrier, cuts)
        deals = np.asarray(deal_all.world_change)
        mfns = model.mfn_liberalisation(barrier, cuts).world_change
        deal_curve.set_data(*_break_at_switch(cuts, deals, np.asarray(deal_all.after.from_b) > 0))
        mfn_curve.set_data(cuts, mfns)
        deal_dot.set_data([cut], [d.world_change])
        mfn_dot.set_data([cut], [model.mfn_liberalisation(barrier, cut).world_change])
        lo = min(0.0, float(np.min(deals)), float(np.min(mfns)))
        hi = max(0.0, float(np.max(deals)), float(np.max(mfns)))
        pad = 0.08 * max(hi - lo, 1.0)
        ax2.set_ylim(lo - pad, hi + pad)
        ax2.set_xlim(0, barrier)

    update(preference, cost_a, cost_b, barrier, barrier_type, overall_cap)
    return update


# --- static figures for the chapter -------------------------------------------
def draw_cap_accounts(fig, cost_a=10.0, cost_b=13.0, barrier=4.0, cap=40.0):
    """Bars: who gains and loses from a full preference under a binding overall cap.

    Two panels: quota rent kept by R (left) and handed to the migrants (right).
    Returns the two :class:`~migcoop.diversion.WelfareChange` results.
    """
    axes = fig.subplots(1, 2, sharey=True)
    fig.subplots_adjust(left=0.1, right=0.985, bottom=0.2, top=0.9, wspace=0.08)
    labels = ["R", "B's\nmigrants", "A's\nmigrants", "World"]
    colours = [style.RECEIVING, style.SENDING, style.THIRD, style.WORLD]
    results = []
    for ax, share, title in zip(axes, (1.0, 0.0), ("Quota rent kept by R (visa fee or auction)",
                                                   "Quota rent kept by migrants (free visas)"),
                                strict=True):
        model = calibrations.diversion_model(cost_a, cost_b, "revenue", cap, rent_share=share)
        d = model.preferential_deal(barrier, barrier)
        vals = [d.receiving_change, d.partner_change, d.excluded_change, d.world_change]
        bars = ax.bar(np.arange(4), vals, color=colours, width=0.7)
        bars[-1].set_hatch("//")
        bars[-1].set_facecolor("white")
        bars[-1].set_edgecolor(style.BLACK)
        for i, v in enumerate(vals):
            ax.text(i, v + (8 if v >= 0 else -8), f"{v:+.0f}", ha="center",
                    va="bottom" if v >= 0 else "top")
        ax.axhline(0, color=style.GREY, lw=1)
        ax.set_xticks(np.arange(4))
        ax.set_xticklabels(labels)
        ax.set_title(title)
        ax.set_xlabel("Group")
        results.append(d)
    axes[0].set_ylabel("Change ($ million a year)")
    lo = min(min(r.receiving_change, r.partner_change, r.excluded_change, r.world_change)
             for r in results)
    hi = max(max(r.receiving_change, r.partner_change, r.excluded_change, r.world_change)
             for r in results)
    axes[0].set_ylim(lo - 0.15 * (hi - lo), hi + 0.15 * (hi - lo))
    return results


def draw_breakeven(fig, cost_a=10.0, barrier=8.0):
    """World welfare change of a full preference against B's cost disadvantage, both barriers.

    Returns the break-even cost gap for the fee.
    """
    ax = fig.subplots()
    fig.subplots_adjust(left=0.1, right=0.98, bottom=0.15, top=0.96)
    gaps = np.linspace(0.0, barrier * 1.2, 121)
    for kind, colour, ls, label in (("revenue", style.SENDING, "-", "Fee (revenue)"),
                                    ("resource", style.RECEIVING, "--", "Red tape (resource cost)")):
        deals = [calibrations.diversion_model(cost_a, cost_a + g, kind)
                 .preferential_deal(barrier, barrier) for g in gaps]
        y = [float(d.world_change) for d in deals]
        switched = [float(d.after.from_b) > 0 for d in deals]
        ax.plot(*_break_at_switch(gaps, y, switched), color=colour, ls=ls, label=label)
    g_star = calibrations.diversion_model(cost_a, cost_a + 1.0).breakeven_cost_gap(barrier)
    ax.axvline(g_star, color=style.GREY, ls=":", lw=1.2)
    ax.text(g_star + 0.1, ax.get_ylim()[1] * 0.9 if ax.get_ylim()[1] > 0 else 0, f"break-even gap {g_star:.2f}", color=style.GREY, va="top")
    ax.axvline(barrier, color=style.BLACK, ls=":", lw=1)
    ax.text(barrier - 0.1, ax.get_ylim()[1] * 0.9, "gap = barrier:\nno effect beyond", va="top",
            ha="right")
    ax.axhline(0, color=style.GREY, lw=1)
    ax.set(xlabel="B's cost disadvantage w_B − w_A ($ thousand per migrant)",
           ylabel="World welfare change ($ million a year)", xlim=(0, gaps[-1]))
    ax.legend(loc="lower left")
    return g_star
