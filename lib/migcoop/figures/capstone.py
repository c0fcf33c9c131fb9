"""Figures for chapter 10 (:mod:`migcoop.capstone`): design an agreement every party accepts.

One explorer, ``design_agreement``, a ``draw(fig, **params)`` that returns an
in-place ``update(**params)``: each party's gain from the chosen design as bars,
beside a verdict board (who gains, the transfer, the patience the agreement needs,
and the closest arrangements in the record). Plus :func:`draw_verdict_grid`, the
verdict on all sixteen designs at once, and :func:`draw_transfer_direction`, which way
the least-patience transfer flows as the partner's cost premium rises.
"""

from __future__ import annotations

import functools

import numpy as np
from matplotlib.patches import Polygon

from .. import calibrations, style
from ..agreements import ARRANGEMENTS
from ..capstone import (
    ACCESS,
    PERMANENCE,
    CapstoneWorld,
    Design,
    all_designs,
    least_patience_transfer,
    patience_thresholds,
)
from ..explore import Choice, Slider, register
from ..repeated import OneWayDeal
from ..style import rect
from . import _layout
from .agreements import SHORT

# The toggles' words for the design's screener and linkage (migcoop.capstone's identifiers).
SCREENER_LABELS = {"yes": "sender", "no": "receiver"}
LINKAGE_LABELS = {"least-patience transfer": "transfer", "none": "none"}
WORD_COLOUR = {"gain": style.GREEN, "lose": style.VERMILION, "no change": style.GREY}
"""The verdict grid's cell colours; the board writes its words in their darker text
versions (:data:`migcoop.figures._layout.TEXT`), legible on white."""
GAUGE_Y = 0.07          # the patience gauge's height in the board's axes coordinates


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


def transfer_text(v) -> str:
    """The transfer, its size and its direction, in words."""
    if v.design.linkage != "transfer":
        return "Transfer: none (no linkage)"
    if v.transfer > 0:
        return f"Transfer: {v.transfer:.2f} from the sending side to R"
    if v.transfer < 0:
        return f"Transfer: {-v.transfer:.2f} from R to the sending side"
    return "Transfer: none needed" if v.accepted else "Transfer: none works"


def board_lines(v) -> list[tuple[str, str]]:
    """The verdict board as (text, colour) lines; every colour is legible on white."""
    word = {k: _layout.text_colour(c) for k, c in WORD_COLOUR.items()}
    lines = [
        (f"Receiving country: {v.receiver} ({v.receiving_gain:+.2f})", word[v.receiver]),
        (f"Partner: {v.partner} ({v.partner_gain:+.2f})", word[v.partner]),
        (f"Other sources: {v.others} ({v.others_gain:+.2f})", word[v.others]),
        (f"World: {v.world_gain:+.1f}, of which diversion {0.0 - v.diversion_loss:+.1f}",
         style.BLACK),
        (transfer_text(v), style.BLACK),
    ]
    if not v.accepted:
        lines.append(("Agreement: rejected (someone loses)", word["lose"]))
    elif v.self_enforcing:
        lines.append((f"Agreement: accepted, self-enforcing (δ ≥ {_need(v.min_delta)})",
                      word["gain"]))
    else:
        lines.append((f"Agreement: accepted, not self-enforcing (δ ≥ {_need(v.min_delta)})",
                      _layout.text_colour(style.ORANGE)))
    names = [SHORT.get(k, ARRANGEMENTS[k].name) for k in v.closest]
    shown = names[0] + (f" and {len(names) - 1} more" if len(names) > 1 else "") if names else ""
    lines.append((f"In the record: {shown if names else 'none'}", word["no change"]))
    return lines


def gauge_text(v) -> str:
    """The patience gauge in words."""
    return (f"Patience: R needs δ ≥ {_need(v.receiver_threshold)}, the sending side "
            f"δ ≥ {_need(v.sender_threshold)}; the governments' δ is {v.discount_factor:.2f}")


def _gauge_x(x: float) -> float:
    """A threshold's place on the gauge (those of 1 or more, or never, at its right end)."""
    return 1.0 if not np.isfinite(x) or x >= 1 else float(x)


def _alt(permanence, access, sender_screens, linkage, discount_factor, cost_premium,
         return_rate):
    v = calibrations.capstone_world(cost_premium, return_rate, discount_factor).evaluate(
        _design(permanence, access, sender_screens, linkage))
    board = "; ".join(text for text, _ in board_lines(v))
    return (f"Verdict on a {v.design.describe()} agreement (gains in billion dollars a year, "
            f"discount factor {discount_factor:g}, partner's cost premium {cost_premium:g} "
            f"thousand dollars): {board}. {gauge_text(v)}.")


@register(
    "design_agreement",
    sliders={
        "permanence": Choice(PERMANENCE, "Right to stay", value="temporary"),
        "access": Choice(ACCESS, "Access", value="preferential"),
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
        "partner and the other sources (billion $ a year, after any transfer and screening "
        "cost), from the book's models; the dashed box is the transfer, received or paid by "
        "the receiving country. Right: the verdict board (who gains, the transfer and its "
        "direction, whether the agreement is self-enforcing at the chosen discount factor, "
        "the arrangements in the record that share its design) and, below it, the patience "
        "gauge: the least discount factor each side needs, against the governments' own."
    ),
    alt=_alt,
    size=(8.0, 4.6),
)
def draw_design(fig, permanence, access, sender_screens, linkage, discount_factor,
                cost_premium, return_rate):
    """Each party's gain, the verdict board and the patience gauge."""
    ax, board = fig.subplots(1, 2, gridspec_kw={"width_ratios": [0.75, 1.25]})
    _layout.margins(fig, top=8, bottom=72, left=0.085, right=0.99, wspace=0.12)
    names = ["Receiving\ncountry", "Partner", "Other\nsources"]
    colours = [style.RECEIVING, style.SENDING, style.THIRD]
    bars = ax.bar(range(3), np.zeros(3), color=colours)
    for b, h in zip(bars, ("", "//", ".."), strict=True):
        b.set_hatch(h)
        b.set_edgecolor("white")
    paid = Polygon([(0, 0)] * 4, fill=False, ec=style.BLACK, ls="--", lw=1.2,
                   label="Transfer to or from R")
    ax.add_patch(paid)
    ax.axhline(0, color=style.GREY, lw=1)
    ax.set_xticks(range(3))
    ax.set_xticklabels(names)
    ax.set(xlim=(-0.6, 2.6), xlabel="Party", ylabel="Gain ($ bn a year)")
    values = [ax.text(i, 0, "", ha="center") for i in range(3)]
    _layout.legend_below(ax, ncol=1, lines=2)

    board.set_axis_off()
    board.set(xlim=(0, 1), ylim=(0, 1))
    title = board.text(0.0, 1.0, "", fontweight="bold", va="top")
    rows = [board.text(0.0, 0.8 - 0.085 * i, "", va="top") for i in range(7)]
    # The patience gauge: delta from 0 to 1, each side's threshold and the governments' delta;
    # its ends are labelled beside the line, so no marker can sit on a label.
    x0, x1 = 0.1, 0.8

    def at(x):
        return x0 + (x1 - x0) * x

    board.plot([x0, x1], [GAUGE_Y, GAUGE_Y], color=style.GREY, lw=2)
    board.text(x0 - 0.02, GAUGE_Y, "δ: 0", ha="right", va="center")
    board.text(x1 + 0.02, GAUGE_Y, "1 (never)", ha="left", va="center")
    r_mark, = board.plot([], [], "v", color=style.RECEIVING, ms=8, label="R needs")
    s_mark, = board.plot([], [], "^", color=style.SENDING, ms=8, label="sending side needs")
    chosen, = board.plot([], [], color=style.BLACK, lw=1.5, label="chosen δ")
    board.legend(handles=[r_mark, s_mark, chosen], loc="lower center", ncol=3,
                 frameon=False, bbox_to_anchor=(0.5, GAUGE_Y + 0.06), handlelength=1.2,
                 borderaxespad=0.0, columnspacing=1.0)

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
        paid.set_visible(v.transfer != 0)
        d = v.design
        who = "the sending side screens" if d.screener == "sender" else "R screens alone"
        link = "least-patience transfer" if d.linkage == "transfer" else "no transfer"
        title.set_text(f"A {d.permanence}, {d.access} agreement;\n{who}, {link}")
        for t, (text, colour) in zip(rows, board_lines(v), strict=True):
            t.set_text(text)
            t.set_color(colour)
        r_mark.set_data([at(_gauge_x(v.receiver_threshold))], [GAUGE_Y + 0.03])
        s_mark.set_data([at(_gauge_x(v.sender_threshold))], [GAUGE_Y - 0.03])
        chosen.set_data([at(discount_factor)] * 2, [GAUGE_Y - 0.045, GAUGE_Y + 0.045])

    update(permanence, access, sender_screens, linkage, discount_factor, cost_premium,
           return_rate)
    return update


def draw_verdict_grid(fig, w: CapstoneWorld | None = None):
    """Static: the verdict on all sixteen designs, one row each."""
    w = calibrations.capstone_world() if w is None else w
    ax = fig.subplots()
    fig.subplots_adjust(left=0.47, right=0.98, bottom=0.08, top=0.88)
    designs = all_designs()
    cols = ["Receiving\ncountry", "Partner", "Other\nsources", "Transfer", "Accepted",
            "Self-\nenforcing"]
    paid = {"to the receiving country": "to R", "to the sending side": "from R", "none": "—"}
    for i, d in enumerate(designs):
        v = w.evaluate(d)
        y = len(designs) - 1 - i
        cells = [v.receiver, v.partner, v.others, "no change",
                 "gain" if v.accepted else "lose",
                 "gain" if v.self_enforcing else "lose"]
        for j, word in enumerate(cells):
            ax.add_patch(Polygon(rect(j, j + 1, y, y + 1), fc=WORD_COLOUR[word],
                                 alpha=0.35 if word != "no change" else 0.12, ec="white"))
            text = {"gain": "yes" if j >= 4 else "gains", "lose": "no" if j >= 4 else "loses",
                    "no change": "—"}[word]
            ax.text(j + 0.5, y + 0.5, paid[v.direction] if j == 3 else text, ha="center",
                    va="center")
    ax.set(xlim=(0, len(cols)), ylim=(0, len(designs)))
    ax.set_xticks(np.arange(len(cols)) + 0.5)
    ax.set_xticklabels(cols)
    ax.xaxis.tick_top()
    ax.set_yticks(np.arange(len(designs)) + 0.5)
    labels = []
    for d in designs[::-1]:
        link = "transfer" if d.linkage == "transfer" else "no transfer"
        access = "MFN" if d.access == "nondiscriminatory" else "preferential"
        labels.append(f"{d.permanence}, {access}, {d.screener} screens, {link}")
    ax.set_yticklabels(labels)
    ax.tick_params(length=0)
    ax.grid(False)
    ax.set_xlabel("Verdict from the book's models")
    ax.set_ylabel("Design")
    return fig


def transfer_curves(w: CapstoneWorld, design: Design, premiums) -> dict:
    """The least-patience transfer and the patience it needs, against the partner's premium.

    For each premium: R's gain ``G`` and the sending side's ``S`` without a transfer, its
    screening cost ``K``, the least-patience transfer ``T*`` and its ``delta*``; chapter 5's
    ``sqrt(G_R S)`` (where R loses) and the patience it needs once ``K`` is counted; and the
    patience needed with no transfer. Arrays (NaN where a quantity is undefined).
    """
    plain = Design(design.permanence, design.access, design.screener, "none")
    out = {k: [] for k in ("G", "S", "K", "T", "delta", "sqrt_T", "sqrt_delta", "none_delta")}
    for p in premiums:
        wp = w.replace(cost_premium=float(p))
        v = wp.evaluate(plain)
        rho = v.return_rate
        k = sum(wp.arrangement(plain).replace(migrants=x).outcome(rho, wp.remittance_share)
                .screening_cost for x in (v.from_partner, v.from_others) if x > 0)
        g, s = v.receiving_gain, v.partner_gain + v.others_gain
        deal = least_patience_transfer(g, s, k)
        out["G"].append(g)
        out["S"].append(s)
        out["K"].append(float(k))
        out["T"].append(deal.transfer)
        out["delta"].append(deal.min_delta)
        if g < 0 < s:
            t5 = OneWayDeal(-g, s).summary().best_transfer
            th = patience_thresholds(g, s, k, t5)
            out["sqrt_T"].append(t5)
            out["sqrt_delta"].append(max(th.receiver_threshold, th.sender_threshold))
        else:
            out["sqrt_T"].append(np.nan)
            out["sqrt_delta"].append(np.nan)
        th0 = patience_thresholds(g, s, k, 0.0)
        out["none_delta"].append(max(th0.receiver_threshold, th0.sender_threshold))
    return {k: np.asarray(v, dtype=float) for k, v in out.items()}


def draw_transfer_direction(fig, w: CapstoneWorld | None = None, design: Design | None = None,
                            premiums=None):
    """Static: which way the least-patience transfer flows, and the patience it needs.

    Left: the transfer against the partner's cost premium (above zero the sending side
    pays R, below R pays the sending side), beside chapter 5's ``sqrt(G_R S)``. Right:
    the least discount factor with the least-patience transfer, with chapter 5's transfer
    and with none. Default: the temporary, preferential design in which the sending side
    screens.
    """
    w = calibrations.capstone_world() if w is None else w
    design = Design("temporary", "preferential", "sender", "transfer") if design is None else design
    premiums = np.linspace(0.0, 0.3, 61) if premiums is None else np.asarray(premiums, float)
    c = transfer_curves(w, design, premiums)
    left, right = fig.subplots(1, 2)
    _layout.margins(fig, top=40, bottom=88, left=0.085, right=0.98, wspace=0.3)
    left.axhline(0, color=style.GREY, lw=1)
    left.plot(premiums, c["T"], color=style.BLACK, lw=2, label="Least-patience transfer T*")
    left.plot(premiums, c["sqrt_T"], color=style.ORANGE, lw=1.8, ls="--",
              label="Chapter 5's √(G_R·S)")
    cross = premiums[np.argmax(c["G"] < 0)] if np.any(c["G"] < 0) else None
    for ax in (left, right):
        if cross is not None:
            ax.axvline(cross, color=style.GREY, ls=":", lw=1)
    left.set_title("above zero the sending side pays R,\nbelow zero R pays the sending side",
                   loc="left")
    left.set(xlabel="Partner's cost premium\n($ thousand per worker)",
             ylabel="Transfer to R ($ bn a year)")
    _layout.legend_below(left, ncol=1, lines=2)
    right.plot(premiums, c["delta"], color=style.BLACK, lw=2, label="With T*")
    right.plot(premiums, c["sqrt_delta"], color=style.ORANGE, lw=1.8, ls="--",
               label="With √(G_R·S)")
    none = np.where(c["none_delta"] < 1, c["none_delta"], np.nan)
    right.plot(premiums, none, color=style.SKY, lw=1.8, ls="-.", label="With no transfer")
    right.set(xlabel="Partner's cost premium\n($ thousand per worker)",
              ylabel="Least discount factor δ", ylim=(0, None))
    _layout.legend_below(right, ncol=2, lines=2)
    return fig
