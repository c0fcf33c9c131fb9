"""Figures for chapter 7 (:mod:`migcoop.agreements`): the record of migration agreements.

One explorer, ``agreements_map``, a ``draw(fig, **params)`` that returns an in-place
``update(**params)``: the arrangements of the record placed against the theory
(permanent or temporary; comparable or unequal members, the gap measured from the
Gapminder incomes of 2007 by :func:`migcoop.agreements.income_gap`), by year. The
chapter's temporary-migration figures are in :mod:`migcoop.figures.temporary`.
"""

from __future__ import annotations

from matplotlib.lines import Line2D

from .. import style
from ..agreements import (
    GAP_THRESHOLD,
    GAP_YEAR,
    OUTSIDE_THE_DATA,
    VOCABULARY,
    income_gap,
    load_agreements,
)
from ..explore import Choice, Slider, register

# =====================================================================================
# The agreements map
# =====================================================================================
SHORT = {
    "eu": "EU", "ttta": "Trans-Tasman (TTTA)", "ecowas": "ECOWAS", "comesa": "COMESA",
    "andean": "Andean Community", "germany_cee": "Germany–CEE contract work",
    "canada_sawp": "Canada SAWP", "philippines_uk": "Philippines–UK nurses",
    "philippines_norway": "Philippines–Norway health", "us_philippines": "US–Philippines 1968",
    "nafta_ch16": "NAFTA ch. 16", "us_singapore": "US–Singapore FTA ch. 11",
    "gats_mode4": "GATS Mode 4", "cofa_fsm_rmi": "US Compacts: FSM, RMI",
    "cofa_palau": "US Compact: Palau", "mercosur_residence": "Mercosur Residence",
    "caricom_skills": "CARICOM skilled nationals",
}
COLOUR_BY = {"who selects": "selection", "welfare safeguard": "welfare_safeguard",
             "skill focus": "skill_focus", "status in 2013": "status"}
CATEGORY_COLOURS = (style.BLUE, style.VERMILION, style.GREEN, style.ORANGE, style.PURPLE)
N_KEYS = max(len(VOCABULARY[c]) for c in COLOUR_BY.values())
FADED = 0.18
DISPLAY = {  # shorter legend labels for long category names
    "employers with sending government": "employers + sending gov.",
    "no benefits without residence": "benefits need residence",
    "skills or business purpose": "skills or business entry",
    "self-sufficiency test": "self-sufficiency test",
    "adopted not in force": "adopted, not in force",
}
YEARS = Slider(1965, 2010, 5, "Arrangements adopted by the year", value=2010)
"""The map's year control spans the record: its first arrangement dates from 1966 and
its last from 2009 (the record ends with the article, in 2013)."""


def _layout():
    """Each arrangement's position: column = development gap, row = permanence."""
    rows = sorted(load_agreements(), key=lambda a: (a.year, a.key))
    slots = {}
    for a in rows:
        col = 0 if a.development_gap == "comparable" else 1
        row = 1 if a.permanent else 0
        slots.setdefault((col, row), []).append(a)
    places = []
    for (col, row), items in slots.items():
        for i, a in enumerate(items):
            places.append((a, col + 0.05, row + 0.9 - i * 0.11))
    return places


def _gap_text(a) -> str:
    g = income_gap(a)
    return "gap not measured" if g.ratio is None else f"×{g.ratio:.1f}"


def _map_alt(year, colour_by):
    record = load_agreements()
    rows = [a for a in record if a.year <= year]
    names = lambda items: ", ".join(SHORT.get(a.key, a.name) for a in items) or "none"  # noqa: E731
    quad = {(p, u): [a for a in rows if a.permanent == p and a.one_way_risk == u]
            for p in (True, False) for u in (True, False)}
    return (
        f"Map of the migration arrangements adopted by {year}, coloured by {colour_by}: "
        f"{len(rows)} of the {len(record)} in the record. The development gap is the ratio of the "
        f"richest to the poorest member's income in {GAP_YEAR}, large from {GAP_THRESHOLD:g} up. "
        f"Permanent among comparable members: {names(quad[True, False])}. Permanent among unequal "
        f"members, the quadrant the one-way problem predicts empty: {names(quad[True, True])}. "
        f"Temporary among unequal members: {names(quad[False, True])}. Temporary among "
        f"comparable members: {names(quad[False, False])}."
    )


@register(
    "agreements_map",
    sliders={
        "year": YEARS,
        "colour_by": Choice(tuple(COLOUR_BY), "Colour by"),
    },
    static="year",
    caption=(
        "The record beside the theory. Each arrangement sits in the quadrant of its members' "
        f"development gap (columns; the ratio of the richest to the poorest member's GDP per "
        f"person in {GAP_YEAR}, large from {GAP_THRESHOLD:g} up, shown after each name) and its "
        "permanence (rows). Circles are preferential (members only), the open square is "
        "nondiscriminatory, diamonds are arrangements whose members the income data do not "
        "cover (gap coded from a cited source). The one-way problem predicts the top right "
        "quadrant empty. Arrangements adopted after the chosen year are faded."
    ),
    alt=_map_alt,
    size=(8.0, 4.8),
)
def draw_agreements_map(fig, year, colour_by):
    """The arrangements of the record in the theory's quadrants."""
    ax = fig.subplots()
    fig.subplots_adjust(left=0.08, right=0.70, bottom=0.15, top=0.97)
    ax.set(xlim=(0, 2), ylim=(0, 2), xticks=[0.5, 1.5], yticks=[0.5, 1.5])
    ax.set_xticklabels(["Comparable incomes\n(flows both ways)",
                        f"Income ratio ≥ {GAP_THRESHOLD:g}\n(one-way flows)"])
    ax.set_yticklabels(["Temporary", "Permanent"], rotation=90, va="center")
    ax.set_xlabel(f"Development gap among members (GDP per person, {GAP_YEAR})")
    ax.set_ylabel("Right to stay")
    ax.grid(False)
    ax.tick_params(length=0)
    ax.axhline(1, color=style.GREY, lw=1)
    ax.axvline(1, color=style.GREY, lw=1)
    ax.text(1.97, 1.04, "the one-way problem predicts this quadrant empty", ha="right",
            va="bottom", fontsize=7.5, color=style.GREY, style="italic")
    count = ax.text(0.02, 0.03, "", transform=ax.transAxes, fontsize=8.5, color=style.BLACK,
                    bbox={"fc": "white", "ec": "none", "alpha": 0.85})
    artists = []
    for a, x, y in _layout():
        if a.key in OUTSIDE_THE_DATA:
            marker = "D"
        else:
            marker = "s" if a.access == "nondiscriminatory" else "o"
        (pt,) = ax.plot([x], [y], marker, ms=7, mew=1.8)
        if a.access == "nondiscriminatory":
            pt.set_markerfacecolor("white")
        label = f"{SHORT.get(a.key, a.name)} ({a.year}; {_gap_text(a)})"
        txt = ax.text(x + 0.05, y, label, va="center", fontsize=7)
        artists.append((a, pt, txt))
    keys = [Line2D([], [], marker="o", ls="", color=style.GREY, label=" ") for _ in range(N_KEYS)]
    keys += [Line2D([], [], marker="o", ls="", color=style.BLACK, label="preferential"),
             Line2D([], [], marker="s", ls="", color=style.BLACK, mfc="white",
                    label="nondiscriminatory (MFN)"),
             Line2D([], [], marker="D", ls="", color=style.BLACK,
                    label="gap outside the data")]
    legend = fig.legend(handles=keys, loc="center left", bbox_to_anchor=(0.71, 0.5),
                        fontsize=8, title=" ", title_fontsize=8.5)

    def update(year, colour_by):
        col = COLOUR_BY[colour_by]
        cats = VOCABULARY[col]
        colour = dict(zip(cats, CATEGORY_COLOURS, strict=False))
        for a, pt, txt in artists:
            c = colour[getattr(a, col)]
            alpha = 1.0 if a.year <= year else FADED
            pt.set_color(c)
            if a.access == "nondiscriminatory":
                pt.set_markerfacecolor("white")
            pt.set_alpha(alpha)
            txt.set_alpha(alpha)
        legend.set_title(colour_by.capitalize())
        shown = sum(a.year <= year for a, _, _ in artists)
        count.set_text(f"adopted by {year}: {shown} of {len(artists)}")
        for i, (handle, text) in enumerate(zip(legend.legend_handles[:N_KEYS],
                                               legend.get_texts()[:N_KEYS], strict=True)):
            used = i < len(cats)
            handle.set_visible(used)
            text.set_visible(used)
            if used:
                handle.set_color(CATEGORY_COLOURS[i])
                text.set_text(DISPLAY.get(cats[i], cats[i]))

    update(year, colour_by)
    return update
