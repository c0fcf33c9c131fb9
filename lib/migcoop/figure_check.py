"""Is every piece of text in a figure legible? A check from matplotlib's own extents.

:func:`text_problems` reads where matplotlib put each piece of text (tick labels, axis
labels, titles, texts and annotations, legends) after a draw and reports, in words:

* **overlap**: two visible texts, or a text and a legend, whose boxes overlap, within
  one axes or across axes (a legend counts as one box; its own entries are inside it),
  and a text or legend of one axes that runs into the plotting area of another (the
  book shows each axes as its own panel);
* **outside**: a text or a legend that leaves the figure, even in part;
* **hides data**: a text (its background box when it has one) or a legend that covers
  data of its own axes: at least ``2 px`` of a visible data line, or the middle of a
  marker or a scatter point (see :data:`LINE_PX` and :data:`MARKER_SHARE`);
* **contrast**: text whose colour, blended with its alpha over its background (its box,
  the legend's frame, the axes and the figure), has a contrast ratio below
  ``min_contrast`` (WCAG 2: 4.5 for body text);
* **small**: text set in fewer than ``min_pt`` points.

What counts as data: lines drawn in data coordinates (``ax.plot``, ``ax.step``,
``ax.scatter``). Reference lines that span the axes (``axhline``, ``axvline``, whose
transform is partly in axes coordinates), grid lines, spines, an annotation's own
arrow, patches (bars, shaded areas) and images are not data here: a legend on a shaded
band is fine, a legend on a curve is not. Lines and markers clipped by the axes count
only where they are drawn.

The figure must have been drawn in its current state (``fig.canvas.draw()``,
``fig.savefig``): tick labels and legend positions are set during a draw. A figure
changed since its last draw (matplotlib marks it *stale*) is laid out again first with
``fig.draw_without_rendering()`` (``draw`` overrides this). Checking a drawn two-panel
figure takes a few milliseconds, most of it laying out text; layouts are cached by
everything they depend on, so frames that repeat tick labels are checked faster.

>>> from migcoop import style
>>> fig = style.new_figure(4, 3)
>>> fig.subplots_adjust(left=0.2, bottom=0.2, right=0.95)
>>> ax = fig.subplots()
>>> _ = ax.plot([0, 1], [0, 1], label="a line")
>>> _ = ax.set(xlabel="x", ylabel="y")
>>> _ = ax.legend(loc="lower right", fontsize=10)
>>> text_problems(fig, min_pt=9)
[]
>>> _ = ax.text(0.5, 0.5, "on the line", fontsize=10)
>>> text_problems(fig, min_pt=9)  # doctest: +ELLIPSIS
["hides data: text 'on the line' (axes 0) covers ... of a line ..."]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from matplotlib.cbook import STEP_LOOKUP_MAP
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.text import Annotation, Text
from matplotlib.ticker import NullLocator
from matplotlib.transforms import _interval_contains_close

from ._validate import check_range

__all__ = ["text_problems", "examine", "contrast_ratio", "OVERLAP_PX", "LINE_PX", "MARKER_SHARE"]

OVERLAP_PX = 1.0
"""Two boxes overlap when they share more than this many pixels in both directions (and a
box leaves the figure when it passes the edge by more than this): extents are exact to a
pixel, and touching boxes are fine."""

LINE_PX = 2.0
"""A text or legend hides a data line when at least this many pixels of the line's drawn
length lie inside its box (the box shrunk by ``OVERLAP_PX`` on every side): a line that
only grazes a corner is fine, one that runs through the box is not."""

MARKER_SHARE = 0.5
"""A marker is hidden when its centre lies inside the box grown by this share of the
marker's radius, i.e. when roughly a third or more of it is covered."""

_DENSIFY_PX = 1.0  # a line is sampled every pixel of its drawn length
_SCATTER_RADIUS_PX = 3.0  # radius assumed for scatter points (their sizes vary)


@dataclass
class _Box:
    """A piece of text (or a legend) as the reader sees it: where, and what it is."""

    name: str
    extent: tuple  # (x0, y0, x1, y1) in display pixels: what covers others
    text_extent: tuple  # the glyphs alone (the bounds check)
    axes: int | None  # index in fig.axes of the owning axes (None: the figure)
    covers_data: bool  # texts and legends inside an axes can hide its data


def _ext(bbox) -> tuple:
    return (float(bbox.x0), float(bbox.y0), float(bbox.x1), float(bbox.y1))


def _text_extent(t: Text, renderer):
    """``Text.get_window_extent`` at the figure's dpi, without its dpi round trip.

    The public method sets and restores ``fig.dpi`` around the layout, which clears
    every transform's cache and marks the figure stale; this is the same computation.
    """
    try:
        key = None if t.get_wrap() else (
            t.get_text(), hash(t.get_fontproperties()), t.get_rotation(), t.get_rotation_mode(),
            t.get_horizontalalignment(), t.get_verticalalignment(), t._multialignment,
            t._linespacing, t.get_usetex(), t.get_parse_math(), renderer.points_to_pixels(72.0),
            type(renderer))
        bbox = _LAYOUTS.get(key) if key is not None else None
        if bbox is None:
            bbox = t._get_layout(renderer)[0]
            if key is not None:
                if len(_LAYOUTS) > 4096:
                    _LAYOUTS.clear()
                _LAYOUTS[key] = bbox
        x, y = t.get_transform().transform(t.get_unitless_position())
    except AttributeError:  # pragma: no cover - a matplotlib without these internals
        return Text.get_window_extent(t, renderer)
    return bbox.translated(x, y)


_LAYOUTS: dict = {}
"""Text layouts (the box around the anchor) by everything they depend on but position:
tick labels and legends repeat from frame to frame, and laying text out is most of the
check's time."""


def _renderer(fig):
    get = getattr(fig.canvas, "get_renderer", None)
    return get() if callable(get) else fig._get_renderer()


def _shown(artist) -> bool:
    if not artist.get_visible():
        return False
    alpha = artist.get_alpha()
    return alpha is None or alpha > 0


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _composite(fg, bg) -> tuple:
    """``fg`` (RGBA) over an opaque ``bg`` (RGB)."""
    a = fg[3]
    return tuple(a * f + (1 - a) * b for f, b in zip(fg[:3], bg, strict=True))


@functools.lru_cache(maxsize=1024)
def _luminance(rgb: tuple) -> float:
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _ratio(fg: tuple, bg: tuple) -> float:
    """Contrast of two opaque RGB colours."""
    lf, lb = _luminance(fg), _luminance(bg)
    return (max(lf, lb) + 0.05) / (min(lf, lb) + 0.05)


def contrast_ratio(foreground, background="white") -> float:
    """The WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white).

    Any matplotlib colour is accepted; an alpha in ``foreground`` blends it over
    ``background`` first (the background's alpha is ignored: it is what lies behind).

    >>> round(contrast_ratio("black"), 1), round(contrast_ratio("#767676"), 2)
    (21.0, 4.54)
    """
    try:
        fg, bg = to_rgba(foreground), to_rgba(background)
    except ValueError as exc:
        raise ValueError(f"foreground={foreground!r}, background={background!r}: both must be "
                         f"matplotlib colours ({exc})") from None
    return _ratio(_composite(fg, bg[:3]), tuple(bg[:3]))


def _text_colour(t: Text, bg) -> tuple:
    rgba = list(to_rgba(t.get_color()))
    if t.get_alpha() is not None:
        rgba[3] *= t.get_alpha()
    return _composite(rgba, bg)


def _over(colour, alpha, bg) -> tuple:
    """A face colour (with its own alpha and an artist alpha) over the opaque ``bg``."""
    if colour is None:
        return bg
    rgba = list(to_rgba(colour))
    if alpha is not None:
        rgba[3] *= alpha
    return _composite(rgba, bg)


class _Collector:
    def __init__(self, fig, renderer, min_pt, min_contrast):
        self.fig, self.renderer = fig, renderer
        self.min_pt, self.min_contrast = min_pt, min_contrast
        self.boxes: list[_Box] = []
        self.problems: list[str] = []
        self.fig_bg = _over(fig.patch.get_facecolor(), None, (1.0, 1.0, 1.0))

    # --- one text: size, contrast, and its box ---------------------------------------
    def style_checks(self, t: Text, name: str, bg) -> None:
        size = t.get_fontsize()
        if size < self.min_pt - 1e-9:
            self.problems.append(f"small: {name} is {size:g} pt (at least {self.min_pt:g})")
        ratio = _ratio(_text_colour(t, bg), bg)
        if ratio < self.min_contrast:
            self.problems.append(f"contrast: {name} is {ratio:.2f}:1 on its background "
                                 f"(at least {self.min_contrast:g}:1)")

    def text(self, t: Text, kind: str, axes: int | None, bg, *, inside: bool) -> None:
        if not _shown(t) or not t.get_text().strip():
            return
        if isinstance(t, Annotation) and not t._check_xy(self.renderer):
            return  # an annotation whose point is outside the axes is not drawn
        where = "figure" if axes is None else f"axes {axes}"
        name = f"{kind} {_short(t.get_text())!r} ({where})"
        glyphs = _text_extent(t, self.renderer)  # an annotation's arrow excluded
        if t.get_clip_on() and t.get_clip_box() is not None:
            clip = t.get_clip_box()
            if (glyphs.x1 <= clip.x0 or glyphs.x0 >= clip.x1 or glyphs.y1 <= clip.y0
                    or glyphs.y0 >= clip.y1):
                return  # clipped away entirely
        extent = _ext(glyphs)
        patch = t.get_bbox_patch()
        if patch is not None and patch.get_visible():  # placed by the last draw
            extent = _ext(patch.get_window_extent(self.renderer))
            bg = _over(patch.get_facecolor(), None, bg)
        self.style_checks(t, name, bg)
        self.boxes.append(_Box(name, extent, _ext(glyphs), axes, inside))

    def legend(self, leg: Legend, axes: int | None, bg) -> None:
        if not _shown(leg):
            return
        entries = [x.get_text() for x in leg.get_texts() if _shown(x) and x.get_text().strip()]
        title = leg.get_title()
        if _shown(title) and title.get_text().strip():
            entries.insert(0, title.get_text())
        if not entries:
            return
        where = "figure" if axes is None else f"axes {axes}"
        name = f"legend [{_short(', '.join(entries), 50)}] ({where})"
        frame = leg.get_frame()
        inner = _over(frame.get_facecolor(), None, bg) if frame.get_visible() else bg
        for x in [title, *leg.get_texts()]:
            if _shown(x) and x.get_text().strip():
                self.style_checks(x, f"legend entry {_short(x.get_text())!r} ({where})", inner)
        extent = _ext(leg.get_window_extent(self.renderer))
        self.boxes.append(_Box(name, extent, extent, axes, axes is not None))

    # --- the figure ---------------------------------------------------------------------
    def collect(self) -> None:
        fig = self.fig
        for i, ax in enumerate(fig.axes):
            if not ax.get_visible():
                continue
            ax_bg = _over(ax.patch.get_facecolor(), None, self.fig_bg) if ax.patch.get_visible() \
                else self.fig_bg
            if ax.axison:
                for letter, axis in (("x", ax.xaxis), ("y", ax.yaxis)):
                    if not axis.get_visible():
                        continue
                    for tick in _drawn_ticks(axis):
                        for lab in (tick.label1, tick.label2):
                            self.text(lab, f"{letter} tick label", i, self.fig_bg, inside=False)
                    self.text(axis.label, f"{letter} label", i, self.fig_bg, inside=False)
                    self.text(axis.offsetText, f"{letter} offset", i, self.fig_bg, inside=False)
            for title in (ax.title, ax._left_title, ax._right_title):
                self.text(title, "title", i, self.fig_bg, inside=False)
            for t in ax.texts:
                self.text(t, "annotation" if isinstance(t, Annotation) else "text", i, ax_bg,
                          inside=True)
            leg = ax.get_legend()
            if leg is not None:
                self.legend(leg, i, ax_bg)
        for t in fig.texts:
            self.text(t, "figure text", None, self.fig_bg, inside=False)
        for attr in ("_suptitle", "_supxlabel", "_supylabel"):
            t = getattr(fig, attr, None)
            if t is not None:
                self.text(t, "figure title", None, self.fig_bg, inside=False)
        for leg in fig.legends:
            self.legend(leg, None, self.fig_bg)

    def check_bounds(self) -> None:
        f = self.fig.bbox
        tol = OVERLAP_PX
        for b in self.boxes:
            x0, y0, x1, y1 = b.text_extent
            out = {"left": f.x0 - x0, "right": x1 - f.x1, "bottom": f.y0 - y0, "top": y1 - f.y1}
            over = {k: v for k, v in out.items() if v > tol}
            if over:
                sides = ", ".join(f"{k} by {v:.0f} px" for k, v in over.items())
                self.problems.append(f"outside: {b.name} leaves the figure ({sides})")

    def check_overlaps(self) -> None:
        n = len(self.boxes)
        if n < 2:
            return
        e = np.array([b.extent for b in self.boxes])
        w = np.minimum(e[:, None, 2], e[None, :, 2]) - np.maximum(e[:, None, 0], e[None, :, 0])
        h = np.minimum(e[:, None, 3], e[None, :, 3]) - np.maximum(e[:, None, 1], e[None, :, 1])
        hit = (w > OVERLAP_PX) & (h > OVERLAP_PX)
        for i, j in zip(*np.nonzero(np.triu(hit, 1)), strict=True):
            a, b = self.boxes[i], self.boxes[j]
            self.problems.append(f"overlap: {a.name} and {b.name} "
                                 f"({w[i, j]:.0f} x {h[i, j]:.0f} px)")

    def check_panels(self) -> None:
        """Text of one axes inside another axes' plotting area (each is its own panel)."""
        areas = [(i, _ext(ax.bbox)) for i, ax in enumerate(self.fig.axes) if ax.get_visible()]
        t = OVERLAP_PX
        for b in self.boxes:
            if b.axes is None:
                continue
            x0, y0, x1, y1 = b.extent
            own = _ext(self.fig.axes[b.axes].bbox)
            for j, (a0, c0, a1, c1) in areas:
                if j == b.axes or (a0, c0, a1, c1) == own:  # itself, or a twin sharing its area
                    continue
                w, h = min(x1, a1) - max(x0, a0), min(y1, c1) - max(y0, c0)
                if w > t and h > t:
                    self.problems.append(f"overlap: {b.name} runs into the plotting area of "
                                         f"axes {j} ({w:.0f} x {h:.0f} px)")

    def check_data(self) -> None:
        by_axes: dict[int, list[_Box]] = {}
        for b in self.boxes:
            if b.covers_data and b.axes is not None:
                by_axes.setdefault(b.axes, []).append(b)
        for i, boxes in by_axes.items():
            ax = self.fig.axes[i]
            shapes = _data_shapes(ax)
            for b in boxes:
                x0, y0, x1, y1 = b.extent
                for label, points, kind, radius in shapes:
                    if kind == "line":
                        t = OVERLAP_PX
                        inside = ((points[:, 0] > x0 + t) & (points[:, 0] < x1 - t)
                                  & (points[:, 1] > y0 + t) & (points[:, 1] < y1 - t))
                        covered = (int(inside.sum()) - 1) * _DENSIFY_PX
                        if covered >= LINE_PX:
                            self.problems.append(f"hides data: {b.name} covers {covered:.0f} px "
                                                 f"of a line {label}")
                    else:
                        g = MARKER_SHARE * radius
                        inside = ((points[:, 0] > x0 - g) & (points[:, 0] < x1 + g)
                                  & (points[:, 1] > y0 - g) & (points[:, 1] < y1 + g))
                        k = int(inside.sum())
                        if k:
                            what = "a marker" if k == 1 else f"{k} markers"
                            self.problems.append(f"hides data: {b.name} covers {what} {label}")


def _drawn_ticks(axis) -> list:
    """The ticks the last draw drew (``Axis._update_ticks`` without re-labelling them)."""
    ticks = []
    for kw, locator, locs, every in (
            (axis._major_tick_kw, axis.get_major_locator(), axis.get_majorticklocs, axis.majorTicks),
            (axis._minor_tick_kw, axis.get_minor_locator(), axis.get_minorticklocs, axis.minorTicks)):
        if axis._tick_group_visible(kw) and not isinstance(locator, NullLocator):
            ticks += every[:len(locs())]
    if not ticks:
        return []
    low, high = sorted(axis.get_view_interval())
    trans = axis.get_transform()
    interval = trans.transform([low, high])
    out = []
    for tick in ticks:
        try:
            loc = trans.transform(tick.get_loc())
        except AssertionError:  # masked values of some scales, as matplotlib does
            continue
        if _interval_contains_close(interval, loc):
            out.append(tick)
    return out


def _line_label(line) -> str:
    lab = line.get_label()
    return f"{lab!r}" if lab and not lab.startswith("_") else "(unlabelled)"


def _clip(points: np.ndarray, artist) -> np.ndarray:
    box = artist.get_clip_box() if artist.get_clip_on() else None
    if box is None or len(points) == 0:
        return points
    keep = ((points[:, 0] >= box.x0 - 0.5) & (points[:, 0] <= box.x1 + 0.5)
            & (points[:, 1] >= box.y0 - 0.5) & (points[:, 1] <= box.y1 + 0.5))
    return points[keep]


def _densify(xy: np.ndarray) -> np.ndarray:
    """Points every ``_DENSIFY_PX`` along a polyline in pixels (NaN rows break it)."""
    ok = np.isfinite(xy).all(axis=1)
    a, b = xy[:-1], xy[1:]
    seg_ok = ok[:-1] & ok[1:]
    a, b = a[seg_ok], b[seg_ok]
    if len(a) == 0:
        return xy[ok]
    length = np.hypot(*(b - a).T)
    n = np.maximum(np.ceil(length / _DENSIFY_PX).astype(int), 1)
    n = np.minimum(n, 20_000)
    idx = np.repeat(np.arange(len(a)), n)
    start = np.cumsum(n) - n
    frac = (np.arange(int(n.sum())) - start[idx]) / n[idx]
    pts = a[idx] + (b - a)[idx] * frac[:, None]
    return np.vstack([pts, b[-1:]])


def _data_shapes(ax) -> list:
    """(label, points in pixels, "line" or "marker", marker radius) for the axes' data."""
    shapes = []
    for line in ax.lines:
        if not _shown(line) or line.get_transform() != ax.transData:
            continue  # reference lines (axhline, axvline) are not data
        xy = np.column_stack([np.asarray(line.get_xdata(orig=False), float),
                              np.asarray(line.get_ydata(orig=False), float)])
        if len(xy) == 0:
            continue
        pix = ax.transData.transform(xy)
        label = _line_label(line)
        ls, lw = line.get_linestyle(), line.get_linewidth()
        if ls not in ("None", " ", "", "none") and lw > 0 and len(pix) >= 2:
            steps = STEP_LOOKUP_MAP.get(line.get_drawstyle())
            if steps is not None and line.get_drawstyle() != "default":
                sx, sy = steps(pix[:, 0], pix[:, 1])
                pix_line = np.column_stack([sx, sy])
            else:
                pix_line = pix
            pts = _clip(_densify(pix_line), line)
            if len(pts):
                shapes.append((label, pts, "line", 0.0))
        marker = line.get_marker()
        if marker not in (None, "None", " ", "", "none"):
            pts = _clip(pix[np.isfinite(pix).all(axis=1)], line)
            if len(pts):
                radius = line.get_markersize() * ax.figure.dpi / 72 / 2
                shapes.append((label, pts, "marker", radius))
    for coll in ax.collections:
        if not isinstance(coll, PathCollection) or not _shown(coll):
            continue
        offsets = np.asarray(coll.get_offsets(), float)
        if offsets.size == 0:
            continue
        pts = coll.get_offset_transform().transform(offsets)
        pts = _clip(pts[np.isfinite(pts).all(axis=1)], coll)
        if len(pts):
            shapes.append((_line_label(coll), pts, "marker", _SCATTER_RADIUS_PX))
    return shapes


def text_problems(fig, *, min_pt: float = 10.0, min_contrast: float = 4.5,
                  draw: bool | None = None) -> list[str]:
    """Every problem with the text of ``fig``, in words; an empty list when there is none.

    Reports overlaps, text leaving the figure, text or legends hiding data, text below
    ``min_contrast`` (WCAG contrast ratio, 1 to 21) and text smaller than ``min_pt``
    points (see the module docstring for what each means and its tolerance).

    ``draw``: ``None`` (default) lays the figure out again first when it changed since its
    last draw (``fig.stale``), ``True`` always does, ``False`` never does (for a caller that
    has just drawn the figure and only toggled what does not move text, such as an axis's
    visibility for an SVG export).
    """
    return examine(fig, min_pt=min_pt, min_contrast=min_contrast, draw=draw)[0]


def examine(fig, *, min_pt: float = 10.0, min_contrast: float = 4.5,
            draw: bool | None = None) -> tuple[list[str], list[tuple]]:
    """:func:`text_problems`, and where each piece of text and each legend is.

    Returns ``(problems, boxes)``; each box is ``(axes, (x0, y0, x1, y1))``: the index in
    ``fig.axes`` of the axes the text belongs to (``None`` for the figure's own) and its
    extent in display pixels. Arguments as for :func:`text_problems`.
    """
    if not isinstance(fig, Figure):
        raise ValueError(f"fig={fig!r} must be a matplotlib Figure")
    check_range("min_pt", min_pt, 0.0, 100.0, low_open=True, scalar=True)
    check_range("min_contrast", min_contrast, 1.0, 21.0, scalar=True)
    if draw is not None and not isinstance(draw, bool):
        raise ValueError(f"draw={draw!r} must be True, False or None (when stale)")
    if draw or (draw is None and fig.stale):
        fig.draw_without_rendering()
    c = _Collector(fig, _renderer(fig), float(min_pt), float(min_contrast))
    c.collect()
    c.check_bounds()
    c.check_overlaps()
    c.check_panels()
    c.check_data()
    seen, out = set(), []
    for p in c.problems:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out, [(b.axes, b.extent) for b in c.boxes]
