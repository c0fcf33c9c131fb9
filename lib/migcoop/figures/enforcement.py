"""Figures for chapter 8 (:mod:`migcoop.readmission`): enforcement cooperation in practice.

One explorer, ``readmission_rule``, a ``draw(fig, **params)`` that returns an
in-place ``update(**params)``: the sending country's best effort against the slope of
a quota rule that shrinks with its overstay rate, and each country's yearly welfare
under the rule beside its welfare under the receiving country's best flat quota.
Plus :func:`draw_stake`, the chapter's static figure: effort against the slope for
several discount factors, and the most effort any rule can buy against the base quota.
"""

from __future__ import annotations

import numpy as np

from .. import calibrations, style
from ..explore import Slider, register
from . import _layout

SLOPES = np.linspace(0.0, 60.0, 241)
DISCOUNTS = (0.5, 0.7, 0.9)
CURVATURES = (20.0, 40.0, 80.0)


def _game(effort_curvature):
    return calibrations.readmission_game(effort_curvature=effort_curvature)


def _alt(slope, base_quota, effort_curvature):
    game = _game(effort_curvature)
    o, flat = game.outcome(slope, base_quota), game.flat()
    full = float(game.slope_for_effort(1.0))
    return (
        f"Quota rule with base quota {base_quota:g} thousand visas, slope {slope:g} thousand visas "
        f"per unit of overstay rate, and a sender whose effort cost rises by {effort_curvature:g} "
        f"million dollars a year. Left: the sender's best effort rises in a straight line from "
        f"zero at a slope of {game.threshold_slope():.1f} to full effort at {full:.1f}; at the "
        f"chosen slope it is {o.effort:.0%}, and {o.overstay_rate:.1%} of its nationals due to "
        f"leave do not. Right: yearly welfare against the slope; at the chosen slope the quota is "
        f"{o.quota:.1f} thousand visas, the receiving country gets {o.receiver_welfare:.0f} million "
        f"dollars against {flat.receiver_welfare:.0f} with its best flat quota of "
        f"{flat.quota:.0f} thousand, and the sending country {o.sender_welfare:.0f} against "
        f"{flat.sender_welfare:.0f}."
    )


@register(
    "readmission_rule",
    sliders={
        "slope": Slider(0.0, 60.0, 5.0, "Slope η (thousand visas per unit of overstay rate)",
                        value=20.0),
        "base_quota": Slider(12.0, 30.0, 2.0, "Base quota n₀ (thousand visas a year)", value=20.0),
        "effort_curvature": Slider(10.0, 80.0, 10.0, "Rise of S's effort cost χ ($ million a year)",
                                   value=40.0),
    },
    static=("slope", "effort_curvature"),
    frames={"slope": 7, "effort_curvature": 8},
    caption=(
        "A quota that shrinks with the overstay rate. Left: the sending country's best effort on "
        "return against the slope of the rule (thousand visas withdrawn per unit of its overstay "
        "rate); the dotted lines mark the slope below which it does nothing and the slope from "
        "which it does all it can. Right: each country's yearly welfare under the rule (solid: "
        "receiving country R; dashed: sending country S) against the slope, beside its welfare "
        "under R's best flat quota (dotted)."
    ),
    alt=_alt,
    size=(8.0, 4.2),
)
def draw_rule(fig, slope, base_quota, effort_curvature):
    """S's best effort and both countries' welfare against the rule's slope."""
    ax0, ax1 = fig.subplots(1, 2)
    _layout.margins(fig, top=12, bottom=72, left=0.085, right=0.98, wspace=0.32)

    (effort_line,) = ax0.plot([], [], color=style.SENDING, label="S's best effort")
    low = ax0.axvline(0, color=style.GREY, ls=":", lw=1.2, label="Where effort starts, is full")
    high = ax0.axvline(0, color=style.GREY, ls=":", lw=1.2)
    (dot0,) = ax0.plot([], [], "o", color=style.SENDING, clip_on=False)
    ax0.set(xlim=(0, SLOPES[-1]), ylim=(0, 1.05), xlabel="Slope η (thousand visas per unit rate)",
            ylabel="Effort e (share of full effort)")
    _layout.legend_below(ax0, ncol=1)

    lines = {}
    for key, colour, ls, label in (("receiver", style.RECEIVING, "-", "R under the rule"),
                                   ("sender", style.SENDING, "--", "S under the rule"),
                                   ("receiver_flat", style.RECEIVING, ":", "R, flat quota"),
                                   ("sender_flat", style.SENDING, ":", "S, flat quota")):
        (lines[key],) = ax1.plot([], [], color=colour, ls=ls, label=label)
    (dot_r,) = ax1.plot([], [], "o", color=style.RECEIVING, clip_on=False, zorder=4)
    (dot_s,) = ax1.plot([], [], "o", color=style.SENDING, clip_on=False, zorder=4)
    ax1.axhline(0, color=style.GREY, lw=1)
    ax1.set(xlim=(0, SLOPES[-1]), xlabel="Slope η (thousand visas per unit rate)",
            ylabel="Welfare ($ million a year)")
    _layout.legend_below(ax1, ncol=2)

    def update(slope, base_quota, effort_curvature):
        game = _game(effort_curvature)
        curve = game.outcome(SLOPES, base_quota)
        here, flat = game.outcome(slope, base_quota), game.flat()
        effort_line.set_data(SLOPES, curve.effort)
        low.set_xdata([game.threshold_slope()] * 2)
        high.set_xdata([float(game.slope_for_effort(1.0))] * 2)
        high.set_visible(bool(game.slope_for_effort(1.0) <= SLOPES[-1]))
        dot0.set_data([slope], [here.effort])
        lines["receiver"].set_data(SLOPES, curve.receiver_welfare)
        lines["sender"].set_data(SLOPES, curve.sender_welfare)
        lines["receiver_flat"].set_data(SLOPES[[0, -1]], [flat.receiver_welfare] * 2)
        lines["sender_flat"].set_data(SLOPES[[0, -1]], [flat.sender_welfare] * 2)
        dot_r.set_data([slope], [here.receiver_welfare])
        dot_s.set_data([slope], [here.sender_welfare])
        values = np.concatenate([curve.receiver_welfare, curve.sender_welfare,
                                 [flat.receiver_welfare, flat.sender_welfare, 0.0]])
        lo, hi = float(np.min(values)), float(np.max(values))
        pad = 0.08 * (hi - lo)
        ax1.set_ylim(lo - pad, hi + pad)

    update(slope, base_quota, effort_curvature)
    return update


def draw_stake(fig):
    """Static: effort against the slope for three discount factors, and the stake limit."""
    ax0, ax1 = fig.subplots(1, 2)
    fig.subplots_adjust(right=0.97, bottom=0.14, wspace=0.3)
    styles = ("-", "--", "-.")
    for delta, ls in zip(DISCOUNTS, styles, strict=True):
        game = calibrations.readmission_game(sender_discount=delta)
        ax0.plot(SLOPES, game.effort(SLOPES), color=style.SENDING, ls=ls, label=f"δ = {delta:g}")
    ax0.set(xlim=(0, SLOPES[-1]), ylim=(0, 1.05), xlabel="Slope η (thousand visas per unit rate)",
            ylabel="S's best effort e")
    ax0.legend(loc="lower right", title="S's discount factor")
    quotas = np.linspace(0.0, 15.0, 301)
    for chi, ls in zip(CURVATURES, styles, strict=True):
        game = calibrations.readmission_game(effort_curvature=chi)
        ax1.plot(quotas, game.max_effort(quotas), color=style.RECEIVING, ls=ls, label=f"χ = {chi:g}")
    ax1.set(xlim=(0, quotas[-1]), ylim=(0, 1.05), xlabel="Base quota n₀ (thousand visas a year)",
            ylabel="Most effort any rule can buy")
    ax1.legend(loc="lower right", title="Rise of S's cost")
    return fig
