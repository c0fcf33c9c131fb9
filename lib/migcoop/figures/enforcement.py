"""Figures for chapter 8 (:class:`migcoop.agreements.EnforcementDeal`): enforcement cooperation.

One explorer, ``enforcement_deal``, a ``draw(fig, **params)`` that returns an
in-place ``update(**params)``: the overstay rate against the partner's screening
effort; each party's gain against the visa reward, bilateral or open to every
source; and the gains at the chosen reward with the diversion loss. Plus two static
drawing functions the chapter uses: :func:`draw_reward_band` and
:func:`draw_diversion_by_premium`.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Polygon

from .. import calibrations, style
from ..explore import Choice, Slider, register

ARRANGEMENT_LABELS = {"bilateral (partner only)": "bilateral", "open to all sources": "open"}
"""The arrangement toggle's words for each of :data:`migcoop.agreements.ARRANGEMENT_TYPES`."""
REWARDS = np.linspace(0.0, 30.0, 121)
EFFORTS = np.linspace(0.0, 1.0, 101)
PARTIES = (  # field, label, colour, line style
    ("receiver_gain", "Receiver R", style.RECEIVING, "-"),
    ("partner_gain", "Partner B", style.SENDING, "--"),
    ("excluded_gain", "Others A", style.THIRD, ":"),
    ("world_gain", "World", style.WORLD, "-."),
)


def _alt(visa_reward, effort, arrangement, cost_premium):
    deal = calibrations.enforcement_deal(effort, cost_premium)
    o = deal.outcome(visa_reward, ARRANGEMENT_LABELS[arrangement])
    lo, hi = deal.reward_range()
    band = (f"B screens and R still gains for rewards from {lo:.1f} to {hi:.1f} thousand visas"
            if lo <= hi else "no reward makes both R and B gain")
    return (
        f"Enforcement deal, {arrangement}, with the sending side screening {effort:.0%} of "
        f"applicants and a reward of {visa_reward:g} thousand extra visas: {o.overstay_rate:.0%} "
        f"of admitted workers overstay, against {o.overstay_rate_status_quo:.0%} when R screens "
        f"alone. Gains in million dollars a year: R {o.receiver_gain:+.0f}, partner B "
        f"{o.partner_gain:+.0f}, other sources {o.excluded_gain:+.0f}, world {o.world_gain:+.0f}; "
        f"diversion loss {o.diversion_loss:.0f}. In the bilateral deal {band}."
    )


@register(
    "enforcement_deal",
    sliders={
        "visa_reward": Slider(0.0, 30.0, 2.5, "Visa reward (thousand extra visas a year)",
                              value=10.0),
        "effort": Slider(0.0, 1.0, 0.1, "Sender's screening effort (share screened)", value=1.0),
        "arrangement": Choice(tuple(ARRANGEMENT_LABELS), "Arrangement"),
        "cost_premium": Slider(0.5, 4.0, 0.5, "Partner's cost premium ($ thousand per worker)",
                               value=2.0),
    },
    static=("visa_reward", "arrangement"),
    frames={"visa_reward": 7, "arrangement": 2},
    caption=(
        "Visas for enforcement. Left: the share of admitted workers who overstay, against the "
        "share of applicants the sending side screens; the dashed line is the receiving country "
        "screening alone. Middle: each party's gain against the visa reward under the chosen "
        "arrangement; the shaded band is the rewards at which both the receiving country and the "
        "partner gain in a bilateral deal. Right: the gains at the chosen reward, and the "
        "diversion loss: what the world gives up when the visas go to the partner rather than to "
        "the cheapest source."
    ),
    alt=_alt,
    size=(9.0, 4.0),
)
def draw_enforcement(fig, visa_reward, effort, arrangement, cost_premium):
    """Overstay against effort, gains against the reward, and the gains at the reward."""
    ax0, ax1, ax2 = fig.subplots(1, 3, gridspec_kw={"width_ratios": [0.8, 1.2, 0.9]})
    fig.subplots_adjust(left=0.07, right=0.99, bottom=0.16, top=0.97, wspace=0.38)

    (over,) = ax0.plot([], [], color=style.SENDING, label="Sender screens")
    alone = ax0.axhline(0, color=style.RECEIVING, ls="--", lw=1.5, label="R screens alone")
    (dot0,) = ax0.plot([], [], "o", color=style.SENDING, clip_on=False)
    ax0.set(xlim=(0, 1), ylim=(0, 32), xlabel="Sender's screening effort",
            ylabel="Workers who overstay (%)")
    ax0.legend(loc="upper right", fontsize=8)

    band = Polygon([(0, 0)] * 4, color=style.GREEN, alpha=0.12, lw=0,
                   label="R, B gain (bilateral)")
    ax1.add_patch(band)
    lines = {}
    for fld, label, colour, ls in PARTIES:
        (lines[fld],) = ax1.plot([], [], color=colour, ls=ls, label=label)
    ax1.axhline(0, color=style.GREY, lw=1)
    at = ax1.axvline(visa_reward, color=style.BLACK, lw=1, ls=":")
    ax1.set(xlim=(0, REWARDS[-1]), xlabel="Visa reward (thousand visas a year)",
            ylabel="Gain ($ million a year)")
    ax1.legend(loc="upper left", fontsize=7.5, ncol=2, columnspacing=1.0)

    names = ["R", "Partner\nB", "Others\nA", "World", "Diver-\nsion"]
    colours = [style.RECEIVING, style.SENDING, style.THIRD, style.WORLD, style.SHADE_LOSS]
    bars = ax2.bar(range(5), np.zeros(5), color=colours)
    for b, h in zip(bars, ("", "//", "..", "", "xx"), strict=True):
        b.set_hatch(h)
        b.set_edgecolor("white")
    ax2.axhline(0, color=style.GREY, lw=1)
    ax2.set_xticks(range(5))
    ax2.set_xticklabels(names, fontsize=7.5)
    ax2.set(xlabel="At the chosen reward", ylabel="$ million a year")
    labels = [ax2.text(i, 0, "", ha="center", fontsize=7.5) for i in range(5)]

    def update(visa_reward, effort, arrangement, cost_premium):
        deal = calibrations.enforcement_deal(effort, cost_premium)
        kind = ARRANGEMENT_LABELS[arrangement]
        over.set_data(EFFORTS * 1.0, 100 * np.asarray(deal.overstay_rate(EFFORTS)))
        alone.set_ydata([100 * deal.overstay_rate_status_quo()] * 2)
        dot0.set_data([effort], [100 * deal.overstay_rate()])
        curve = deal.outcome(REWARDS, kind)
        both = [deal.outcome(REWARDS, k) for k in ("bilateral", "open")]
        for fld, *_ in PARTIES:
            lines[fld].set_data(REWARDS, getattr(curve, fld))
        lo = min(min(float(np.min(getattr(c, f))) for f, *_ in PARTIES) for c in both)
        hi = max(max(float(np.max(getattr(c, f))) for f, *_ in PARTIES) for c in both)
        lo, hi = min(lo, 0.0), max(hi, 0.0)
        pad = 0.08 * (hi - lo)
        top = hi + 0.42 * (hi - lo)  # headroom for the legend
        ax1.set_ylim(lo - pad, top)
        r_lo, r_hi = deal.reward_range()
        if r_lo <= r_hi:
            band.set_xy([(r_lo, lo - pad), (r_hi, lo - pad), (r_hi, top), (r_lo, top)])
            band.set_visible(True)
        else:
            band.set_visible(False)
        at.set_xdata([visa_reward, visa_reward])
        o = deal.outcome(visa_reward, kind)
        values = [o.receiver_gain, o.partner_gain, o.excluded_gain, o.world_gain,
                  -o.diversion_loss]
        for b, t, v in zip(bars, labels, values, strict=True):
            v = float(v) + 0.0  # no "-0" labels
            b.set_height(v)
            t.set_text(f"{v:+.0f}")
            t.set_position((b.get_x() + b.get_width() / 2, v + (0.02 if v >= 0 else -0.07)
                            * (hi - lo)))
        ax2.set_ylim(lo - pad, top)

    update(visa_reward, effort, arrangement, cost_premium)
    return update


def draw_reward_band(fig, cost_premium=2.0):
    """Static: the visa rewards both R and B accept, against the sender's effort."""
    ax = fig.subplots()
    efforts = np.linspace(0.2, 1.0, 33)
    lo, hi, need = [], [], []
    for e in efforts:
        deal = calibrations.enforcement_deal(e, cost_premium)
        a, b = deal.reward_range()
        lo.append(a)
        hi.append(b)
        need.append(deal.min_reward())
    lo, hi = np.array(lo), np.array(hi)
    ax.fill_between(efforts, lo, hi, where=lo <= hi, color=style.GREEN, alpha=0.2,
                    label="Both R and B gain")
    ax.plot(efforts, need, color=style.SENDING, ls="--", label="Least reward B accepts")
    ax.plot(efforts, hi, color=style.RECEIVING, label="Largest reward R accepts")
    ax.set(xlim=(efforts[0], 1), ylim=(0, None), xlabel="Sender's screening effort (share screened)",
           ylabel="Visa reward (thousand visas a year)")
    ax.legend(loc="upper left")
    return fig


def draw_diversion_by_premium(fig, visa_reward=10.0):
    """Static: world gain of the bilateral and the open deal against the partner's premium."""
    ax = fig.subplots()
    premiums = np.linspace(-2.0, 4.0, 61)
    bil, opn = [], []
    for p in premiums:
        deal = calibrations.enforcement_deal(1.0, p)
        bil.append(deal.outcome(visa_reward, "bilateral").world_gain)
        opn.append(deal.outcome(visa_reward, "open").world_gain)
    ax.plot(premiums, opn, color=style.THIRD, label="Open to all sources")
    ax.plot(premiums, bil, color=style.SENDING, ls="--", label="Bilateral (partner only)")
    ax.fill_between(premiums, bil, opn, color=style.SHADE_LOSS, alpha=0.35,
                    label="Diversion loss")
    ax.axvline(0, color=style.GREY, lw=1, ls=":")
    ax.set(xlim=(premiums[0], premiums[-1]),
           xlabel="Partner's cost premium over the cheapest source ($ thousand per worker)",
           ylabel="World gain ($ million a year)")
    ax.legend(loc="lower left")
    return fig
