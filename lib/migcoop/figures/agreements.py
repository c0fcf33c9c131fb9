"""Figures for chapter 7 (:mod:`migcoop.agreements`): the record of migration agreements.

One explorer, ``agreements_map``, a ``draw(fig, **params)`` that returns an in-place
``update(**params)``: the arrangements of the record placed against the theory
(permanent or temporary, comparable or unequal members), by year. The chapter's
temporary-migration figures are in :mod:`migcoop.figures.temporary`.
"""

from __future__ import annotations

from matplotlib.lines import Line2D

from .. import style
from ..agreements import VOCABULARY, load_agreements
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
    "gats_mode4": "GATS Mode 4",
}
COLOUR_BY = {"who selects": "selection", "welfare safeguard": "welfare_safeguard",
             "skill focus": "skill_focus"}
CATEGORY_COLOURS = (style.BLUE, style.VERMILION, style.GREEN, style.ORANGE, style.PURPLE)
N_KEYS = max(len(VOCABULARY[c]) for c in COLOUR_BY.values())
FADED = 0.18
DISPLAY = {  # shorter legend labels for long category names
    "employers with sending government": "employers + sending gov.",
    "no benefits without residence": "benefits need residence",
    "skills or business purpose": "skills or business entry",
    "self-sufficiency test": "self-sufficiency test",
}


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
            places.append((a, col + 0.05, row + 0.9 - i * 0.115))
    return places


def _map_alt(year, colour_by):
    rows = [a for a in load_agreements() if a.year <= year]
    perm = [SHORT.get(a.key, a.name) for a in rows if a.permanent]
    temp = [a for a in rows if not a.permanent]
    unequal = [a for a in rows if a.one_way_risk]
    return (
        f"Map of the migration arrangements in force or adopted by {year}, coloured by "
        f"{colour_by}: {len(rows)} of {len(load_agreements())} in the record. Permanent ones "
        f"({', '.join(perm) if perm else 'none yet'}) all join members at comparable levels of "
        f"development; the quadrant for permanent arrangements among unequal members is empty. "
        f"{len(temp)} are temporary, and all {len(unequal)} arrangements among unequal members are "
        f"temporary."
    )


@register(
    "agreements_map",
    sliders={
        "year": Slider(1965, 2015, 5, "Arrangements adopted by the year", value=2015),
        "colour_by": Choice(tuple(COLOUR_BY), "Colour by"),
    },
    static="year",
    caption=(
        "The record against the theory. Each arrangement sits in the quadrant of its members' "
        "development gap (columns) and its permanence (rows); filled circles are preferential "
        "(members only), the open square is nondiscriminatory. The theory predicts that the top "
        "right quadrant, permanent arrangements among unequal members, stays empty. Arrangements "
        "adopted after the chosen year are faded."
    ),
    alt=_map_alt,
    size=(8.0, 4.4),
)
def draw_agreements_map(fig, year, colour_by):
    """The arrangements of the record in the theory's quadrants."""
    ax = fig.subplots()
    fig.subplots_adjust(left=0.08, right=0.72, bottom=0.16, top=0.97)
    ax.set(xlim=(0, 2), ylim=(0, 2), xticks=[0.5, 1.5], yticks=[0.5, 1.5])
    ax.set_xticklabels(["Comparable development\n(flows both ways)",
                        "Large development gap\n(one-way flows)"])
    ax.set_yticklabels(["Temporary", "Permanent"], rotation=90, va="center")
    ax.set_xlabel("Development gap among members")
    ax.set_ylabel("Right to stay")
    ax.grid(False)
    ax.tick_params(length=0)
    ax.axhline(1, color=style.GREY, lw=1)
    ax.axvline(1, color=style.GREY, lw=1)
    ax.text(1.5, 1.5, "none in the record:\nthe one-way problem\npredicts this is empty",
            ha="center", va="center", fontsize=9, color=style.GREY, style="italic")
    count = ax.text(0.02, 0.03, "", transform=ax.transAxes, fontsize=8.5, color=style.BLACK,
                    bbox={"fc": "white", "ec": "none", "alpha": 0.85})
    artists = []
    for a, x, y in _layout():
        marker = "s" if a.access == "nondiscriminatory" else "o"
        (pt,) = ax.plot([x], [y], marker, ms=8, mew=1.8)
        if marker == "s":
            pt.set_markerfacecolor("white")
        label = f"{SHORT.get(a.key, a.name)} ({a.year})"
        txt = ax.text(x + 0.05, y, label, va="center", fontsize=7.5)
        artists.append((a, pt, txt))
    keys = [Line2D([], [], marker="o", ls="", color=style.GREY, label=" ") for _ in range(N_KEYS)]
    keys += [Line2D([], [], marker="o", ls="", color=style.BLACK, label="preferential"),
             Line2D([], [], marker="s", ls="", color=style.BLACK, mfc="white",
                    label="nondiscriminatory (MFN)")]
    legend = fig.legend(handles=keys, loc="center left", bbox_to_anchor=(0.73, 0.5),
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
