"""Figures for chapter 10 (:mod:`migcoop.capstone`): design an agreement every party accepts.

One explorer, ``design_agreement``, a ``draw(fig, **params)`` that returns an
in-place ``update(**params)``: each party's gain from the chosen design as bars,
beside a verdict board (who gains, the transfer, the patience the agreement needs,
and the closest arrangements in the record). Plus :func:`draw_verdict_grid`, the
verdict on all sixteen designs at once.
"""

from __future__ import annotations

import functools

import numpy as np
from matplotlib.patches import Polygon

from .. import calibrations, style
from ..agreements import ARRANGEMENTS
from ..capstone import ACCESS, PERMANENCE, CapstoneWorld, Design, all_designs
from ..explore import Choice, Slider, register
from ..style import rect
from .agreements import SHORT

# The toggles' words for the design's screener and linkage (migcoop.capstone's identifiers).
SCREENER_LABELS = {"yes": "sender", "no": "receiver"}
LINKAGE_LABELS = {"none": "none", "transfer from the sending side": "transfer"}
WORD_COLOUR = {"gain": style.GREEN, "lose": style.VERMILION, "no change": style.GREY}


@functools.lru_cache(maxsize=64)
def _gain_range(cost_premium, return_rate):
    """Lowest and highest gain of any party over the sixteen designs (δ does not move gains)."""
    every = [x for u in calibrations.capstone_world(cost_premium, return_rate).table()
             for x in (u.receiving_gain, u.partner_gain, u.others_gain)]
    return min(min(every), 0.0), max(max(every), 0.0)


def _design(permanence, access, sender_screens, linkage) -> Design:
    return Design(permanence, access, SCREENER_LABELS[sender_screens], LINKAGE_LABELS[linkage])


def _need(x: float) -> str:
    return "never" if not np.isfinite(x) or x >= 1 else f"{x:.2f}"


def board_lines(v) -> list[tuple[str, str]]:
    """The verdict board as (text, colour) lines."""
    lines = [
        (f"Receiving country: {v.receiver} ({v.receiving_gain:+.2f})", WORD_COLOUR[v.receiver]),
        (f"Partner: {v.partner} ({v.partner_gain:+.2f})", WORD_COLOUR[v.partner]),
        (f"Other sources: {v.others} ({v.others_gain:+.2f})", WORD_COLOUR[v.others]),
        (f"World: {v.world_gain:+.1f}, of which diversion {-v.diversion_loss:+.1f}", style.BLACK),
        (f"Transfer to R: {v.transfer:.2f}" if v.design.linkage == "transfer"
         else "Transfer to R: none", style.BLACK),
    ]
    if not v.accepted:
        lines.append(("Agreement: rejected (someone loses)", style.VERMILION))
    elif v.self_enforcing:
        lines.append((f"Agreement: accepted, self-enforcing (needs δ ≥ {_need(v.min_delta)})",
                      style.GREEN))
    else:
        lines.append((f"Agreement: accepted, not self-enforcing (needs δ ≥ {_need(v.min_delta)})",
                      style.ORANGE))
    names = [SHORT.get(k, ARRANGEMENTS[k].name) for k in v.closest]
    shown = ", ".join(names[:2]) + (f" and {len(names) - 2} more" if len(names) > 2 else "")
    lines.append((f"Same design in the record: {shown if names else 'none'}", style.GREY))
    return lines


def _alt(permanence, access, sender_screens, linkage, discount_factor, cost_premium,
         return_rate):
    v = calibrations.capstone_world(cost_premium, return_rate, discount_factor).evaluate(
        _design(permanence, access, sender_screens, linkage))
    board = "; ".join(text for text, _ in board_lines(v))
    return (f"Verdict on a {v.design.describe()} agreement (gains in billion dollars a year, "
            f"discount factor {discount_factor:g}, partner's cost premium {cost_premium:g} "
            f"thousand dollars): {board}.")


@register(
    "design_agreement",
    sliders={
        "permanence": Choice(PERMANENCE, "Right to stay", value="temporary"),
        "access": Choice(ACCESS, "Access", value="nondiscriminatory"),
        "sender_screens": Choice(tuple(SCREENER_LABELS), "The sending side screens"),
        "linkage": Choice(tuple(LINKAGE_LABELS), "Issue linkage"),
        "discount_factor": Slider(0.05, 0.95, 0.05, "Discount factor δ", value=0.9),
        "cost_premium": Slider(0.0, 0.3, 0.05, "Partner's cost premium ($ thousand per worker)",
                               value=0.1),
        "return_rate": Slider(0.25, 2.0, 0.25, "Return rate if temporary (per year)", value=1.0),
    },
    static=("permanence", "access"),
    caption=(
        "Design an agreement. Left: what the chosen design gives the receiving country, the "
        "partner and the other sources (billion $ a year, after any transfer and screening cost), "
        "from the book's models. Right: the verdict board: who gains, the transfer, whether the "
        "agreement is self-enforcing at the chosen discount factor, and the arrangements in the "
        "record that share its design."
    ),
    alt=_alt,
    size=(9.0, 4.0),
)
def draw_design(fig, permanence, access, sender_screens, linkage, discount_factor,
                cost_premium, return_rate):
    """Each party's gain, and the verdict board."""
    ax, board = fig.subplots(1, 2, gridspec_kw={"width_ratios": [0.8, 1.2]})
    fig.subplots_adjust(left=0.08, right=0.99, bottom=0.14, top=0.96, wspace=0.1)
    names = ["Receiving\ncountry", "Partner", "Other\nsources"]
    colours = [style.RECEIVING, style.SENDING, style.THIRD]
    bars = ax.bar(range(3), np.zeros(3), color=colours)
    for b, h in zip(bars, ("", "//", ".."), strict=True):
        b.set_hatch(h)
        b.set_edgecolor("white")
    paid = Polygon([(0, 0)] * 4, fill=False, ec=style.BLACK, ls="--", lw=1.2,
                   label="Transfer received")
    ax.add_patch(paid)
    ax.axhline(0, color=style.GREY, lw=1)
    ax.set_xticks(range(3))
    ax.set_xticklabels(names, fontsize=8.5)
    ax.set(xlim=(-0.6, 2.6), xlabel="Party", ylabel="Gain ($ bn a year)")
    values = [ax.text(i, 0, "", ha="center", fontsize=8) for i in range(3)]
    ax.legend(loc="upper right", fontsize=8)

    board.set_axis_off()
    board.set(xlim=(0, 1), ylim=(0, 1))
    title = board.text(0.0, 0.99, "", fontsize=10, fontweight="bold", va="top")
    rows = [board.text(0.0, 0.8 - 0.11 * i, "", fontsize=9.5, va="top") for i in range(7)]

    def update(permanence, access, sender_screens, linkage, discount_factor, cost_premium,
               return_rate):
        w = calibrations.capstone_world(cost_premium, return_rate, discount_factor)
        v = w.evaluate(_design(permanence, access, sender_screens, linkage))
        gains = [v.receiving_gain, v.partner_gain, v.others_gain]
        for b, g in zip(bars, gains, strict=True):
            b.set_height(g)
        # One scale for all sixteen designs at these parameters, so toggles compare.
        lo, hi = _gain_range(cost_premium, return_rate)
        pad = 0.12 * (hi - lo)
        ax.set_ylim(lo - pad, hi + pad)
        for i, (t, g) in enumerate(zip(values, gains, strict=True)):
            t.set_text(f"{g:+.2f}")
            t.set_position((i, g + (0.02 if g >= 0 else -0.07) * (hi - lo)))
        before = v.receiving_gain - v.transfer
        paid.set_xy([(-0.4, before), (0.4, before), (0.4, v.receiving_gain),
                     (-0.4, v.receiving_gain)])
        paid.set_visible(v.transfer > 0)
        d = v.design
        who = "the sending side" if d.screener == "sender" else "the receiving country"
        link = "with a transfer" if d.linkage == "transfer" else "no transfer"
        title.set_text(f"A {d.permanence}, {d.access} agreement,\nscreened by {who}, {link}")
        for t, (text, colour) in zip(rows, board_lines(v), strict=True):
            t.set_text(text)
            t.set_color(colour)

    update(permanence, access, sender_screens, linkage, discount_factor, cost_premium,
           return_rate)
    return update


def draw_verdict_grid(fig, w: CapstoneWorld | None = None):
    """Static: the verdict on all sixteen designs, one row each."""
    w = calibrations.capstone_world() if w is None else w
    ax = fig.subplots()
    fig.subplots_adjust(left=0.43, right=0.98, bottom=0.1, top=0.93)
    designs = all_designs()
    cols = ["Receiving\ncountry", "Partner", "Other\nsources", "Accepted", "Self-\nenforcing"]
    for i, d in enumerate(designs):
        v = w.evaluate(d)
        y = len(designs) - 1 - i
        cells = [v.receiver, v.partner, v.others,
                 "gain" if v.accepted else "lose",
                 "gain" if v.self_enforcing else "lose"]
        for j, word in enumerate(cells):
            ax.add_patch(Polygon(rect(j, j + 1, y, y + 1), fc=WORD_COLOUR[word],
                                 alpha=0.35 if word != "no change" else 0.12, ec="white"))
            text = {"gain": "yes" if j >= 3 else "gains", "lose": "no" if j >= 3 else "loses",
                    "no change": "—"}[word]
            ax.text(j + 0.5, y + 0.5, text, ha="center", va="center", fontsize=8)
    ax.set(xlim=(0, len(cols)), ylim=(0, len(designs)))
    ax.set_xticks(np.arange(len(cols)) + 0.5)
    ax.set_xticklabels(cols, fontsize=8)
    ax.xaxis.tick_top()
    ax.set_yticks(np.arange(len(designs)) + 0.5)
    labels = []
    for d in designs[::-1]:
        link = "transfer" if d.linkage == "transfer" else "no transfer"
        access = "MFN" if d.access == "nondiscriminatory" else "preferential"
        labels.append(f"{d.permanence}, {access}, {d.screener} screens, {link}")
    ax.set_yticklabels(labels, fontsize=7.5)
    ax.tick_params(length=0)
    ax.grid(False)
    ax.set_xlabel("Verdict from the book's models")
    ax.set_ylabel("Design")
    return fig
