"""``migcoop.static_figure``: the built book's explorers, every control live, as vector panels.

An explorer's figure is drawn once at its defaults as inline SVG, one ``<svg>`` per panel (an
axes with its labels and legend), so a phone stacks the panels and shows each near its design
size, and a 2x screen or the print edition gets vector sharpness. Every control gets a
position grid (:func:`grids`): the main control(s) at the explorer's usual
resolution, every other slider at its two ends and its default, every choice at each option
(a slider whose positions do not step evenly is offered as buttons with its values).
For every combination the drawing's ``update`` runs and the SVG is compared, group by group,
with the default drawing; a frame is the list of groups that differ. Frames are stored in
chunks, one per combination of the non-main controls, as small script files loaded on demand
(``_static/explorers/<id>/<chunk>.js``, works from ``file://``) so the page itself carries
only the default drawing. ``_assets/migcoop-explorer.js`` swaps the groups in place.
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import json
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import numpy as np
from matplotlib.legend import Legend

from . import figure_check, style

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)
_G = f"{{{SVG_NS}}}g"
_DEFS = f"{{{SVG_NS}}}defs"
PT_PER_PX = 72.0 / style.DPI  # matplotlib writes SVG in points; the design is in CSS px at DPI
OTHER_POSITIONS = 3  # a non-main slider: its two ends and its default (or middle)
PANEL_PAD_PX = 6     # design px around a panel's axes and text (markers over the edge)
OTHER_STRETCH = 3    # no more, even when the default is off the middle (then value buttons)
REUSE_AXES = True    # reuse an unchanged axis's default markup (tests compare with False)
# Processes that draw an explorer's frames (the build machine's cores, at most 2 by default).
JOBS = int(os.environ.get("MIGCOOP_JOBS", min(2, os.cpu_count() or 1)))

_NUMBER = re.compile(r"(-?\d+\.\d{2,})")
_FONT = re.compile(r"font-family: [^;\"]*;? ?")
_DEF_REF = re.compile(r"(url\(#|href=\"#|id=\")([pm][0-9a-f]{10})")


def _round(match: re.Match) -> str:
    text = f"{float(match.group(1)):.1f}"
    return "0" if text in ("0.0", "-0.0") else text.removesuffix(".0")


def even_subset(values: list, default, limit: int, stretch: int | None = None) -> list:
    """Evenly stepped positions of ``values`` with both ends and ``default``, at most ``limit``.

    The finest such grid with at most ``limit`` positions; if none lands on ``default``, the
    coarsest with at most ``stretch`` positions (more frames, but even steps). Only when no
    even grid of at most ``stretch`` positions holds the default is it added to an evenly
    stepped set (the slider then shows its real, uneven spacing).

    >>> even_subset([0, 1, 2, 3, 4, 5, 6, 7, 8], 4, 5)
    [0, 2, 4, 6, 8]
    >>> even_subset([0, 1, 2, 3, 4, 5, 6], 2, 3, 4)
    [0, 2, 4, 6]
    >>> even_subset([0, 1, 2, 3, 4, 5, 6, 7], 3, 3, 4)
    [0, 3, 7]
    """
    values = list(values)
    if not values or sorted(values) != values or len(set(values)) != len(values):
        raise ValueError(f"values={values!r} must be a non-empty increasing list of positions")
    if default not in values:
        raise ValueError(f"default={default!r} must be one of values={values!r}")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 2:
        raise ValueError(f"limit={limit!r} must be an integer of at least 2 (both ends)")
    if stretch is not None and (isinstance(stretch, bool) or not isinstance(stretch, int)
                                or stretch < limit):
        raise ValueError(f"stretch={stretch!r} must be None or an integer of at least limit={limit}")
    n = len(values) - 1
    if len(values) <= limit:
        return values
    i = values.index(default)
    steps = [k for k in range(1, n + 1) if n % k == 0]
    fits = [k for k in steps if n // k + 1 <= limit and i % k == 0 and n // k + 1 >= min(limit, 3)]
    if fits:
        return [values[j] for j in range(0, n + 1, min(fits))]
    wider = [k for k in steps if n // k + 1 <= (stretch or limit) and i % k == 0 and n // k >= 2]
    if wider:
        return [values[j] for j in range(0, n + 1, max(wider))]
    coarse = [k for k in steps if n // k + 1 <= limit and n // k >= 2]
    if limit <= 3 or not coarse:
        mid = [i] if 0 < i < n else [n // 2]
        return [values[j] for j in sorted({0, *mid, n})]
    return [values[j] for j in sorted({*range(0, n + 1, min(coarse)), i})]


@dataclass
class StaticFigure:
    """An explorer rendered for the static page: the page's HTML and the chunk scripts."""

    uid: str
    html: str
    chunks: dict = field(default_factory=dict)   # chunk index -> script text
    frames: int = 0
    problems: list = field(default_factory=list)
    characters: set = field(default_factory=set)


def grids(ex, fixed: dict) -> dict:
    """Every control's static positions, main control(s) first (``fixed`` ones left out)."""
    from .explore import MAX_FRAMES, Choice, Explorer

    if not isinstance(ex, Explorer):
        raise ValueError(f"ex={ex!r} must be an Explorer (migcoop.explore.REGISTRY holds them)")
    import inspect

    params = [p for p in inspect.signature(ex.draw).parameters if p != "fig"]
    unknown = sorted(set(fixed) - set(params)) if isinstance(fixed, dict) else None
    if unknown is None or unknown:
        raise ValueError(f"fixed={fixed!r} must be a dict of the drawing's parameters {params}")

    out = {}
    for name in [*ex.static, *[k for k in ex.sliders if k not in ex.static]]:
        control = ex.sliders[name]
        if name in fixed:
            continue
        if isinstance(control, Choice):
            out[name] = list(control.options)
            continue
        main = name in ex.static
        limit = ex.frames.get(name, (MAX_FRAMES if len(ex.static) == 1 else 6) if main
                              else OTHER_POSITIONS)
        out[name] = even_subset([v.item() if hasattr(v, "item") else v for v in control.values()],
                                control.default, limit, 2 * limit if main else OTHER_STRETCH)
    return out


def _assign_gids(fig, uid: str) -> list:
    """Name every top-level artist by its place, so a frame's SVG groups match the default's.

    Returns the panels: per visible axes, the gids of its direct children in drawing order.
    """
    fig.set_gid(f"{uid}-fig")
    panels = []
    for i, ax in enumerate(a for a in fig.axes if a.get_visible()):
        ax.set_gid(f"{uid}-p{i}")
        for j, child in enumerate(ax.get_children()):
            child.set_gid(f"{uid}-p{i}-{j}")
        panels.append(ax)
    for j, artist in enumerate([*fig.texts, *fig.legends, *fig.patches, *fig.lines, *fig.images]):
        artist.set_gid(f"{uid}-f{j}")
    return panels


def _svg(fig) -> ET.Element:
    from matplotlib import rc_context

    buf = io.BytesIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "migcoop"}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return ET.fromstring(buf.getvalue())


def _compact(markup: str, uid: str) -> str:
    markup = _NUMBER.sub(_round, markup)
    markup = _FONT.sub("", markup)
    markup = re.sub(r"\s+", " ", markup).replace("> <", "><").replace(" />", "/>")
    markup = markup.replace(f' xmlns="{SVG_NS}"', "").replace(f' xmlns:xlink="{XLINK_NS}"', "")
    markup = markup.replace("ns0:", "").replace("ns1:", "")
    markup = _DEF_REF.sub(lambda m: f"{m.group(1)}{uid}-{m.group(2)}", markup)
    return re.sub(r' id="(?!mx-)[^"]*"', "", markup)  # matplotlib's own ids repeat across figures


def _tostring(el) -> str:
    tail, el.tail = el.tail, None   # the white space after an element is not part of it
    try:
        return ET.tostring(el, encoding="unicode", short_empty_elements=True)
    finally:
        el.tail = tail


def _split(root: ET.Element, uid: str, defs: dict) -> dict:
    """Group id -> compact markup for every unit that a frame may replace.

    Units: each direct child of each panel's axes group, and each figure-level artist.
    ``<defs>`` anywhere (markers, clip paths) are moved out into ``defs`` (by id, shared).
    """
    for parent in root.iter():
        for child in list(parent):
            if child.tag == _DEFS:
                for d in child:
                    if d.get("id"):
                        defs.setdefault(d.get("id"), _compact(_tostring(d), uid))
                parent.remove(child)
    fig_group = next(g for g in root.iter(_G) if g.get("id") == f"{uid}-fig")
    units = {}
    for child in fig_group:
        gid = child.get("id", "")
        if re.fullmatch(rf"{re.escape(uid)}-p\d+", gid):
            units[gid] = [(c.get("id", ""), _compact(_tostring(c), uid)) for c in child]
        elif gid.startswith(f"{uid}-f"):
            units[gid] = [(gid, _compact(_tostring(child), uid))]
    return units


def _restore_axes(before: list, children: list, gone: set) -> list:
    """A panel's units with each skipped axis put back as the default drawing had it.

    ``before`` is the default drawing's (id, markup) list, ``children`` the frame's without
    the axes in ``gone``. Each axis returns right after the unit that preceded it in the
    default drawing (drawing order is z-order, which an update does not change); units that
    appear or disappear in this frame (an artist made visible or hidden) stay as drawn.
    """
    out = list(children)
    ids = [i for i, _ in out]
    for k, (i, markup) in enumerate(before):
        if i not in gone:
            continue
        prev = next((p for p, _ in reversed(before[:k]) if p in ids), None)
        at = ids.index(prev) + 1 if prev is not None else 0
        out.insert(at, (i, markup))
        ids.insert(at, i)
    return out


def _panel_boxes(fig, panels, text_boxes, figure_artists) -> tuple[list, dict]:
    """Each panel's box in SVG points (x, y, w, h) and the panel each figure-level artist joins.

    A panel is its axes' box and every text and legend of that axes as just drawn
    (``text_boxes`` from :func:`migcoop.figure_check.examine`, in display pixels), with a
    margin for markers drawn over the axes' edge.
    """
    index = {id(ax): k for k, ax in enumerate(panels)}
    boxes = [list(_ext(ax.bbox)) for ax in panels]
    for axes, (x0, y0, x1, y1) in text_boxes:
        k = index.get(id(fig.axes[axes])) if axes is not None else None
        if k is not None:
            b = boxes[k]
            boxes[k] = [min(b[0], x0), min(b[1], y0), max(b[2], x1), max(b[3], y1)]
    renderer = fig.canvas.get_renderer()
    owner = {}
    for artist in figure_artists:
        if not artist.get_visible():
            continue
        bb = artist.get_window_extent(renderer)
        cx, cy = (bb.x0 + bb.x1) / 2, (bb.y0 + bb.y1) / 2
        dist = [max(b[0] - cx, 0, cx - b[2]) + max(b[1] - cy, 0, cy - b[3]) for b in boxes]
        k = int(np.argmin(dist))
        owner[artist.get_gid()] = k
        b = boxes[k]
        boxes[k] = [min(b[0], bb.x0), min(b[1], bb.y0), max(b[2], bb.x1), max(b[3], bb.y1)]
    fig_w, fig_h = fig.get_figwidth() * fig.dpi, fig.get_figheight() * fig.dpi
    height_pt = fig.get_figheight() * 72.0
    pt = 72.0 / fig.dpi
    pad = PANEL_PAD_PX * PT_PER_PX / pt
    out = []
    for x0, y0, x1, y1 in boxes:
        x0, y0 = max(x0 - pad, 0), max(y0 - pad, 0)
        x1, y1 = min(x1 + pad, fig_w), min(y1 + pad, fig_h)
        out.append([x0 * pt, height_pt - y1 * pt, (x1 - x0) * pt, (y1 - y0) * pt])
    return out, owner


def _ext(bbox) -> list:
    return [float(bbox.x0), float(bbox.y0), float(bbox.x1), float(bbox.y1)]


def _union(a, b):
    x0, y0 = min(a[0], b[0]), min(a[1], b[1])
    return [x0, y0, max(a[0] + a[2], b[0] + b[2]) - x0, max(a[1] + a[3], b[1] + b[3]) - y0]


def _texts(fig) -> set:
    chars = set()
    for t in fig.findobj(lambda a: hasattr(a, "get_text") and a.get_visible()):
        chars.update(str(t.get_text()))
    return chars


def build(ex, fixed: dict, uid: str) -> StaticFigure:
    """Render ``ex`` for the static page: default drawing, per-panel SVG, chunked frames.

    Every frame's text is checked as drawn (:func:`migcoop.figure_check.examine`: overlaps,
    text off the figure, size, contrast); the problems, with the frame's parameters, are
    collected in ``problems``. Text is measured without font hinting, as a browser lays out
    the SVG's text at any zoom (hinted widths at 72 dpi run a few per cent wide).
    """
    from matplotlib import rc_context

    with rc_context({"text.hinting": "no_hinting"}):
        return _build(ex, fixed, uid)


def _build(ex, fixed: dict, uid: str) -> StaticFigure:
    base = {**ex.defaults(), **fixed}
    grid = grids(ex, fixed)
    main = [k for k in ex.static if k in grid] or [next(iter(grid))]
    others = [k for k in grid if k not in main]
    fig = style.new_figure(*ex.size)
    # Drawn at 72 dpi, the SVG backend's own: the text extents that the SVG draw leaves behind
    # are then the ones `check` measures, with no second layout of each frame.
    fig.set_dpi(72)
    fig, update = ex.render(fig, **base)
    result = StaticFigure(uid=uid, html="")
    defs: dict = {}

    reusable_state: dict = {}   # gid -> state of an axis or legend in the default drawing

    def signature(artist):
        if isinstance(artist, Legend):
            if artist._loc == 0:   # "best": placed anew at every draw
                return None
            return ("legend", tuple(t.get_text() for t in artist.get_texts()),
                    artist.get_title().get_text(), artist._loc,
                    tuple(artist.get_bbox_to_anchor().bounds))
        ax = artist.axes
        lims = ax.get_xlim() if artist is ax.xaxis else ax.get_ylim()
        return (tuple(lims), artist.get_scale(), tuple(artist.get_majorticklocs()),
                tuple(t.get_text() for t in artist.get_majorticklabels()), artist.label.get_text(),
                artist.get_label_position(), artist.get_ticks_position())

    def reusable(panels):
        for ax in panels:
            yield ax.xaxis
            yield ax.yaxis
            if ax.get_legend() is not None:
                yield ax.get_legend()

    def draw(params, *, skip_axes=True):
        nonlocal fig, update
        if update is not None:
            with style.context():
                update(**params)
        else:
            fig, update = ex.render(fig, **params)
        panels = _assign_gids(fig, uid)
        # An axis (ticks, tick labels, grid, label) or a legend drawn as in the default drawing
        # is not drawn again: its default markup is reused. They are most of the drawing time.
        skipped = []
        for artist in reusable(panels) if skip_axes and REUSE_AXES else ():
            state = reusable_state.get(artist.get_gid())
            if artist.get_visible() and state is not None and state == signature(artist):
                artist.set_visible(False)
                skipped.append(artist)
        try:
            root = _svg(fig)
            # As drawn: a reused axis was checked in the default drawing; a reused legend
            # stands where it stood there, and is checked against this frame's data.
            for artist in skipped:
                if isinstance(artist, Legend):
                    artist.set_visible(True)
            problems, text_boxes = figure_check.examine(fig, draw=False)
            result.problems += [f"{ex.name} {params}: {p}" for p in problems]
        finally:
            for artist in skipped:
                artist.set_visible(True)
        units = _split(root, uid, defs)
        if skipped:
            gone = {a.get_gid() for a in skipped}
            for gid, children in units.items():
                before = base_units.get(gid) if base_units else None
                if before is None or not gone & {i for i, _ in before}:
                    continue
                units[gid] = _restore_axes(before, children, gone)
        if not reusable_state:
            reusable_state.update({a.get_gid(): signature(a) for a in reusable(panels)})
        boxes, owner = _panel_boxes(fig, panels, text_boxes, [*fig.texts, *fig.legends])
        result.characters |= _texts(fig)
        return units, boxes, owner

    base_units = None
    base_units, base_boxes, base_owner = draw(base, skip_axes=False)
    base_alt = ex.alt(**base)
    chunk_sizes = [len(grid[k]) for k in others]
    main_sizes = [len(grid[k]) for k in main]
    combos = list(itertools.product(*(grid[k] for k in others)))
    base_problems, result.problems = result.problems, []

    def render_chunks(indices) -> dict:
        """Draw every frame of the chunks ``indices``; what the page needs from them."""
        view = [list(b) for b in base_boxes]
        chunks = {}
        for c in indices:
            strings: dict[str, int] = {}
            frames = []
            for main_combo in itertools.product(*(grid[k] for k in main)):
                params = {**base, **dict(zip(others, combos[c], strict=True)),
                          **dict(zip(main, main_combo, strict=True))}
                result.frames += 1
                if params == base:
                    frames.append([base_alt])
                    continue
                units, boxes, owner = draw(params)
                view = [_union(v, b) for v, b in zip(view, boxes, strict=True)]
                frames.append([ex.alt(**params), *_frame_ops(units, owner, base_units, base_owner,
                                                              strings)])
            table = sorted(strings, key=strings.get)
            chunks[c] = ("migcoopChunk(" + json.dumps(uid) + "," + str(c) + "," +
                         json.dumps({"s": table, "f": frames}, separators=(",", ":")) + ");\n")
        return {"chunks": chunks, "view": view, "defs": defs, "frames": result.frames,
                "problems": result.problems, "characters": result.characters}

    jobs = min(JOBS, len(combos))
    if jobs > 1:
        parts = _in_workers(render_chunks, [range(w, len(combos), jobs) for w in range(jobs)])
    else:
        parts = [render_chunks(range(len(combos)))]
    view = [list(b) for b in base_boxes]
    result.frames, result.problems = 0, base_problems
    for part in parts:
        result.chunks.update(part["chunks"])
        view = [_union(v, b) for v, b in zip(view, part["view"], strict=True)]
        for k, d in part["defs"].items():
            defs.setdefault(k, d)
        result.frames += part["frames"]
        result.problems += part["problems"]
        result.characters |= part["characters"]
    result.chunks = dict(sorted(result.chunks.items()))
    result.html = _page_html(ex, uid, grid, main, others, base, base_units, base_owner, view, defs,
                             base_alt, chunk_sizes, main_sizes)
    return result


def _frame_ops(units, owner, base_units, base_owner, strings) -> list:
    """A frame as edits of the default drawing: ``[id, string]`` replaces one unit's markup,
    ``["=" + group, string]`` a whole panel group's content (when its units changed order)."""
    ops = []
    for gid, children in units.items():
        before = base_units.get(gid)
        if before == children:
            continue
        if before is not None and [i for i, _ in before] == [i for i, _ in children] \
                and owner.get(gid, -1) == base_owner.get(gid, -1):
            for (cid, new), (_, old) in zip(children, before, strict=True):
                if new != old:
                    ops.append([cid, strings.setdefault(new, len(strings))])
        else:
            inner = "".join(m for _, m in children)
            ops.append(["=" + gid, strings.setdefault(inner, len(strings))])
    return ops


_WORK = None


def _run_work(indices):
    return _WORK(indices)


def _in_workers(work, slices) -> list:
    """``work(indices)`` for each slice in forked processes (the drawing state is inherited).

    Falls back to one process where ``fork`` is unavailable.
    """
    import multiprocessing

    global _WORK
    if "fork" not in multiprocessing.get_all_start_methods():
        return [work([i for s in slices for i in s])]
    _WORK = work
    try:
        with multiprocessing.get_context("fork").Pool(len(slices)) as pool:
            return pool.map(_run_work, slices)
    finally:
        _WORK = None


def _page_html(ex, uid, grid, main, others, base, units, owner, view, defs, alt, chunk_sizes,
               main_sizes) -> str:
    panels = []
    for i, box in enumerate(view):
        gid = f"{uid}-p{i}"
        content = [m for _, m in units.get(gid, [])]
        content += [units[fgid][0][1] for fgid, k in owner.items() if k == i and fgid in units]
        x, y, w, h = (round(v, 1) for v in box)
        width_px = round(w / PT_PER_PX)
        height_px = round(h / PT_PER_PX)
        panels.append(
            f'<svg class="migcoop-panel" viewBox="{x} {y} {w} {h}" width="{width_px}" '
            f'height="{height_px}" style="--w:{width_px}px" aria-hidden="true" focusable="false">'
            f'<g id="{gid}">{"".join(content)}</g></svg>')
    defs_svg = ('<svg class="migcoop-defs" width="0" height="0" aria-hidden="true" '
                f'focusable="false"><defs>{"".join(defs.values())}</defs></svg>')
    controls = [_control_html(ex, uid, name, grid[name], base[name]) for name in grid]
    state = {"uid": uid, "main": main, "others": others,
             "sizes": {k: len(grid[k]) for k in grid}, "chunk_sizes": chunk_sizes,
             "main_sizes": main_sizes}
    printed = "; ".join(f"{ex.sliders[k].label} = {ex.sliders[k].format(base[k])}" for k in grid)
    return "\n".join([
        f'<figure class="migcoop-explorer" id="{uid}" data-state=\'{html.escape(json.dumps(state))}\'>',
        f'<div class="migcoop-controls">{"".join(controls)}</div>',
        f'<div class="migcoop-figure" role="img" aria-label="{html.escape(alt)}">',
        defs_svg, *panels, "</div>",
        f"<figcaption>{html.escape(ex.caption)}"
        f'<span class="migcoop-print-only" hidden> Printed at {html.escape(printed)}.</span>'
        "</figcaption>",
        "</figure>"])


def _toggle_buttons(cid, name, label, texts, pressed, extra_class) -> str:
    """A labelled group of toggle buttons, the one at index ``pressed`` pressed."""
    buttons = "".join(
        f'<button type="button" data-index="{i}" aria-pressed="{str(i == pressed).lower()}">'
        f"{html.escape(str(t))}</button>" for i, t in enumerate(texts))
    return (f'<div class="migcoop-control migcoop-choice{extra_class}" data-name="{name}">'
            f'<span class="migcoop-label" id="{cid}-label">{label}</span>'
            f'<div role="group" aria-labelledby="{cid}-label">{buttons}</div></div>')


def _control_html(ex, uid, name, positions, value) -> str:
    from .explore import Choice

    control = ex.sliders[name]
    cid = f"{uid}-{name}"
    label = html.escape(control.label)
    if isinstance(control, Choice):
        return _toggle_buttons(cid, name, label, list(positions), positions.index(value), "")
    labels = [control.format(v) for v in positions]
    pos = positions.index(value)
    gaps = np.diff(np.asarray(positions, dtype=float))
    if not np.allclose(gaps, gaps[0], rtol=1e-9, atol=1e-12):
        # Positions that do not step evenly are offered as labelled values, not as a slider
        # whose evenly spaced stops would hide uneven steps.
        return _toggle_buttons(cid, name, label, labels, pos, " migcoop-values")
    step = control.format(gaps[0])
    ticks = "".join(f'<option value="{v}"></option>' for v in positions)
    return (f'<div class="migcoop-control" data-name="{name}">'
            f'<label for="{cid}">{label}</label>'
            f'<input type="range" id="{cid}" min="{positions[0]}" max="{positions[-1]}" '
            f'step="{step}" value="{positions[pos]}" list="{cid}-ticks" '
            f"data-values='{json.dumps(positions)}' data-labels='{html.escape(json.dumps(labels))}' "
            f'aria-valuetext="{html.escape(labels[pos])}">'
            f'<datalist id="{cid}-ticks">{ticks}</datalist>'
            f'<output for="{cid}" aria-live="polite">{html.escape(labels[pos])}</output></div>')


def uid_for(ex, fixed: dict) -> str:
    """A page-wide and book-wide id: the explorer's name and a digest of its configuration."""
    config = json.dumps({"name": ex.name, "controls": {k: repr(c) for k, c in ex.sliders.items()},
                         "fixed": {k: repr(v) for k, v in sorted(fixed.items())}}, sort_keys=True)
    return f"mx-{ex.name.replace('_', '-')}-{hashlib.sha1(config.encode()).hexdigest()[:6]}"
