"""One figure style for the whole book.

Colours are the Okabe-Ito palette (Okabe and Ito 2008), readable with every
common form of colour-blindness; every line also differs in dash or marker so
that a figure survives printing in grey. Figures are drawn on an opaque white
panel so they stay legible in the book's dark mode.
"""

from __future__ import annotations

import io

import numpy as np
from matplotlib.figure import Figure

# Okabe-Ito, named by role so chapters use colours consistently.
BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#6E6E6E"

PALETTE = (BLUE, VERMILION, GREEN, ORANGE, PURPLE, SKY, YELLOW, BLACK)

# Roles used across chapters.
RECEIVING = BLUE        # receiving / importing country
SENDING = VERMILION     # sending / exporting country, migrants
WORLD = BLACK           # world welfare
THIRD = GREEN           # third countries, excluded sources
SHADE_GAIN = SKY        # areas that are gains
SHADE_LOSS = ORANGE     # areas that are losses

WIDTH, HEIGHT, DPI = 8.0, 4.0, 100  # an 800 x 400 pixel figure

RC = {
    # Text at least as large as the captions under the figures (13 px) when a panel is shown
    # at 90% of its design size: 10.5 pt at 100 dpi is 14.6 px.
    "font.size": 11,
    "axes.titlesize": 11.5,
    "axes.labelsize": 11,
    "xtick.labelsize": 10.5,
    "ytick.labelsize": 10.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.fontsize": 10.5,
    "legend.frameon": True,
    "legend.framealpha": 0.85,
    "legend.edgecolor": "none",
    "lines.linewidth": 2.0,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
}


MARGINS = {"left": 0.085, "right": 0.98, "bottom": 0.125, "top": 0.96, "wspace": 0.3, "hspace": 0.35}


def new_figure(width: float = WIDTH, height: float = HEIGHT) -> Figure:
    """A figure outside pyplot (no global state), with the book's style applied.

    Margins are fixed (``MARGINS``; a drawing function may call
    ``fig.subplots_adjust`` to change them) rather than recomputed by a layout
    engine at every draw: that halves the render time of a two-panel figure and
    keeps the axes from jumping between frames when tick labels change.
    """
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with rc_context(RC):
        fig = Figure(figsize=(width, height), dpi=DPI)
        fig.subplots_adjust(**MARGINS)
    FigureCanvasAgg(fig)
    _show_figures_as_png()
    return fig


def png_bytes(fig, colors: int = 96, *, fast: bool = False) -> bytes:
    """Render ``fig`` with Agg to a PNG; with ``colors`` a compact palette PNG.

    Figures here use a few flat colours, so a 96-colour palette loses nothing visible
    and makes each image (and each static-slider frame) several times smaller.

    ``fast=True`` is for live redraws, where encoding time is what the reader waits for:
    a fast octree palette (up to 256 colours, no dithering: no visible difference on
    these figures) saved at zlib level 1 without ``optimize`` encodes an 800x400 figure
    in about 6 ms instead of 50-100 ms, and is a third the size of an RGB PNG.
    """
    from PIL import Image

    fig.canvas.draw()
    img = Image.fromarray(np.asarray(fig.canvas.buffer_rgba())[..., :3])
    if fast:
        img = img.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
        buf = io.BytesIO()
        img.save(buf, format="PNG", compress_level=1)
        return buf.getvalue()
    if colors:
        img = img.quantize(colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def _show_figures_as_png() -> None:
    """In IPython, display a ``Figure`` (made outside pyplot) as a PNG image.

    Without pyplot nothing registers a PNG formatter for figures, and a cell ending
    in a figure would show only its text repr, in the notebook and in the book.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    formatter = shell.display_formatter.formatters["image/png"]
    formatter.for_type(Figure, png_bytes)


def apply(ax) -> None:
    """Apply the book's axes style to ``ax`` (used by drawing functions)."""
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.grid(True, alpha=0.3)
    ax.set_facecolor("white")


def context():
    """A context manager applying the book's rc settings while a figure is drawn."""
    from matplotlib import rc_context

    return rc_context(RC)


def rect(x0, x1, y0, y1) -> list[tuple[float, float]]:
    """The corners of the rectangle ``[x0, x1] x [y0, y1]``, for a matplotlib ``Polygon``.

    Drawing functions shade areas (a rent, a deadweight loss) with polygons whose
    ``set_xy(rect(...))`` moves them in place when a slider changes.

    >>> rect(0, 2, 1, 3)
    [(0, 1), (2, 1), (2, 3), (0, 3)]
    """
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
