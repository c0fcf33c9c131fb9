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
from . import _layout as _layout_mod

# =====================================================================================
# The agreements map
# =====================================================================================
SHORT = {
    "eu": "EU", "ttta": "Trans-Tasman", "ecowas": "ECOWAS", "comesa": "COMESA",
    "andean": "Andean Community", "germany_cee": "Germany–CEE",
    "canada_sawp": "Canada SAWP", "philippines_uk": "Philippines–UK",
    "philippines_norway": "Philippines–Norway", "us_philippines": "US–Philippines",
    "nafta_ch16": "NAFTA ch. 16", "us_singapore": "US–Singapore FTA",
    "gats_mode4": "GATS Mode 4", "cofa_fsm_rmi": "Compacts: FSM, RMI",
    "cofa_palau": "Compact: Palau", "mercosur_residence": "Mercosur",
    "caricom_skills": "CARICOM skills",
}
"""Short names of the record's arrangements, as the map and the capstone's verdict show them
(the year and the income gap are shown beside them, so no name repeats its year)."""
COLOUR_BY = {"who selects": "selection", "welfare safeguard": "welfare_safeguard",
             "skill focus": "skill_focus", "status in 2013": "status"}
CATEGORY_COLOURS = (style.BLUE, style.VERMILION, style.GREEN, style.ORANGE, style.PURPLE)
N_KEYS = max(len(VOCABULARY[c]) for c in COLOUR_BY.values())
FADED = 0.18
LATER = "#767676"   # the labels of arrangements adopted after the chosen year (4.5:1)
DISPLAY = {  # shorter legend labels for long category names
    "employers with sending government": "employers + sender",
    "no benefits without residence": "benefits need residence",
    "skills or business purpose": "skills or business entry",
    "self-sufficiency test": "self-sufficiency test",
    "adopted not in force": "adopted, not in force",
}
YEARS = Slider(1965, 2010, 5, "Arrangements adopted by the year", value=2010)
"""The map's year control spans the record: its first arrangement dates from 1966 and
its last from 2009 (the record ends with the article, in 2013)."""


SPLIT = 0.82
"""Where the map's columns meet: the comparable column (four arrangements, names on two
lines) is narrower than the unequal one (thirteen, on one line each)."""
STEP = {0: 0.24, 1: 0.125}  # vertical step between arrangements in a column's quadrants


def _layout():
    """Each arrangement's marker position: column = development gap, row = permanence."""
    rows = sorted(load_agreements(), key=lambda a: (a.year, a.key))
    slots = {}
    for a in rows:
        col = 0 if a.development_gap == "comparable" else 1
        row = 1 if a.permanent else 0
        slots.setdefault((col, row), []).append(a)
    places = []
    for (col, row), items in slots.items():
        x0 = 0.0 if col == 0 else SPLIT
        for i, a in enumerate(items):
            places.append((a, x0 + 0.025, row + 0.92 - i * STEP[col]))
    return places


def _label(a) -> str:
    """Name, year and income gap; on two lines in the narrow comparable column."""
    sep = "\n" if a.development_gap == "comparable" else " "
    return f"{SHORT.get(a.key, a.name)}{sep}{a.year} {_gap_text(a)}".rstrip()


def _gap_text(a) -> str:
    """The income ratio (×3.8, ×178), or nothing when the data do not cover the members."""
    g = income_gap(a)
    if g.ratio is None:
        return ""
    return f"×{g.ratio:.0f}" if g.ratio >= 10 else f"×{g.ratio:.1f}"


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
    size=(4.5, 5.6),
)
def draw_agreements_map(fig, year, colour_by):
    """The arrangements of the record in the theory's quadrants."""
    ax = fig.subplots()
    _layout_mod.margins(fig, top=10, bottom=140, left=0.092, right=0.995)
    ax.set(xlim=(0, 2), ylim=(0, 2), xticks=[SPLIT / 2, (SPLIT + 2) / 2], yticks=[0.5, 1.5])
    ax.set_xticklabels(["Comparable\nincomes", f"Income ratio ≥ {GAP_THRESHOLD:g}\n(one-way flows)"])
    ax.set_yticklabels(["Temporary", "Permanent"], rotation=90, va="center")
    ax.set_xlabel(f"Development gap among members\n(GDP per person, {GAP_YEAR})")
    ax.set_ylabel("Right to stay")
    ax.grid(False)
    ax.tick_params(length=0)
    ax.axhline(1, color=style.GREY, lw=1)
    ax.axvline(SPLIT, color=style.GREY, lw=1)
    ax.text(1.97, 1.03, "predicted empty by\nthe one-way problem", ha="right", va="bottom",
            color=_layout_mod.text_colour(style.GREY), style="italic")
    count = ax.text(0.03, 0.03, "", fontsize=10.5)
    artists = []
    for a, x, y in _layout():
        if a.key in OUTSIDE_THE_DATA:
            marker = "D"
        else:
            marker = "s" if a.access == "nondiscriminatory" else "o"
        (pt,) = ax.plot([x], [y], marker, ms=7, mew=1.8)
        if a.access == "nondiscriminatory":
            pt.set_markerfacecolor("white")
        txt = ax.text(x + 0.032, y, _label(a), va="center", fontsize=10.5, linespacing=1.1)
        artists.append((a, pt, txt))
    kinds = [Line2D([], [], marker="o", ls="", color=style.BLACK, label="preferential"),
             Line2D([], [], marker="s", ls="", color=style.BLACK, mfc="white",
                    label="open to all (MFN)"),
             Line2D([], [], marker="D", ls="", color=style.BLACK, label="gap from a source")]

    def update(year, colour_by):
        col = COLOUR_BY[colour_by]
        cats = VOCABULARY[col]
        colour = dict(zip(cats, CATEGORY_COLOURS, strict=False))
        for a, pt, txt in artists:
            c = colour[getattr(a, col)]
            adopted = a.year <= year
            pt.set_color(c)
            if a.access == "nondiscriminatory":
                pt.set_markerfacecolor("white")
            pt.set_alpha(1.0 if adopted else FADED)
            # Not yet adopted: grey, still legible (4.5:1 on white), markers faded.
            txt.set_color(style.BLACK if adopted else LATER)
        shown = sum(a.year <= year for a, _, _ in artists)
        count.set_text(f"adopted by {year}:\n{shown} of {len(artists)}")
        keys = [Line2D([], [], marker="o", ls="", color=CATEGORY_COLOURS[i],
                       label=DISPLAY.get(c, c)) for i, c in enumerate(cats)]
        with style.context():  # a new legend each time: the book's sizes whoever calls
            _layout_mod.legend_below(ax, handles=keys + kinds, ncol=2, lines=3,
                                     title=colour_by.capitalize())

    update(year, colour_by)
    return update
