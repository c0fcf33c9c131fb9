"""Where the words go in the book's figures: outside the data.

A legend or a note inside the plotting area covers a curve at some slider position, and
at the book's text size (the captions' size) there is little room left inside a panel
of four inches. So a panel keeps its plotting area for data: its legend sits under its
x label (:func:`legend_below`) or over it (:func:`legend_above`), and a number that
changes with the sliders is written as the panel's title (:func:`note`). Everything
belongs to the panel's axes, so the built book, which shows each axes as its own image,
keeps every panel's words with it. ``migcoop.figure_check.text_problems`` checks the
result at every pre-rendered frame.
"""

from __future__ import annotations

from matplotlib.colors import to_hex
from matplotlib.transforms import offset_copy

from .. import style

TEXT = {
    style.BLUE: style.BLUE,        # 5.2:1 on white already
    style.VERMILION: "#B34F00",    # 5.2:1 (the line colour is 3.9:1)
    style.GREEN: "#00704F",        # 6.1:1 (3.4:1)
    style.ORANGE: "#8A5D00",       # 5.8:1 (2.3:1)
    style.PURPLE: "#A24A7C",       # 5.5:1 (3.1:1)
    style.SKY: "#1B6A99",          # 5.9:1 (2.3:1)
    style.GREY: "#595959",         # 7.0:1 (5.1:1, but grey text reads faint)
    style.BLACK: style.BLACK,
}
"""Darker versions of the Okabe-Ito colours for text: at least 4.5:1 on white (WCAG), the
same hue as the line or marker a text names. Lines and markers keep the palette."""


def text_colour(colour) -> str:
    """The text version of a palette colour (:data:`TEXT`); other colours unchanged."""
    hexed = to_hex(colour).upper()
    return next((t for c, t in TEXT.items() if c.upper() == hexed), colour)

# Points from an axes' bottom edge to just under a one-line x label over one line of tick
# labels (ticks 3.5 + pad 3.5 + tick labels + label pad 4 + label, at the book's sizes,
# measured: 32.5), and what each further line of tick labels or of the x label adds.
BELOW_PT = 36.0
LINE_PT = 15.5

_COMPACT = {"frameon": False, "borderaxespad": 0.0, "borderpad": 0.2, "handlelength": 1.8,
            "handletextpad": 0.5, "columnspacing": 1.0, "labelspacing": 0.3}


def legend_below(ax, *, ncol: int = 2, lines: int = 1, handles=None, **kw):
    """A legend centred under the x label of ``ax``, in ``ncol`` columns.

    ``lines`` counts the lines under the axes (tick labels and x label) beyond one each.
    """
    drop = BELOW_PT + LINE_PT * (lines - 1)
    where = offset_copy(ax.transAxes, fig=ax.figure, y=-drop, units="points")
    args = {"handles": handles} if handles is not None else {}
    return ax.legend(**args, **{"loc": "upper center", "bbox_to_anchor": (0.5, 0.0),
                                "bbox_transform": where, "ncol": ncol, **_COMPACT, **kw})


def legend_above(ax, *, ncol: int = 2, handles=None, **kw):
    """A legend over the plotting area of ``ax`` (its title stays free only if unused)."""
    where = offset_copy(ax.transAxes, fig=ax.figure, y=4.0, units="points")
    args = {"handles": handles} if handles is not None else {}
    return ax.legend(**args, **{"loc": "lower center", "bbox_to_anchor": (0.5, 1.0),
                                "bbox_transform": where, "ncol": ncol, **_COMPACT, **kw})


def note(ax, loc: str = "left"):
    """The panel's title, used for a number that moves with the sliders; returns its Text."""
    return ax.set_title(" ", loc=loc)


def margins(fig, *, top: float, bottom: float, **kw) -> None:
    """Set the figure's top and bottom margins in points (room for titles, labels, legends)."""
    height = fig.get_figheight() * 72.0
    fig.subplots_adjust(top=1.0 - top / height, bottom=bottom / height, **kw)
