"""Small result tables for the chapters: what a reader sees instead of raw ``print()``.

One public function, :func:`table`, takes a few rows and a header (units in the header,
e.g. ``"Gain ($ bn)"``) and returns a :class:`Table` that Jupyter, the book and nbval
display: an HTML ``<table>`` with a ``<caption>`` in the book and JupyterLab, a Markdown
table where Markdown is preferred, and aligned plain text everywhere else. Numbers are
rounded to a fixed number of significant digits, with thousands separators from 10,000 on;
whole numbers given as ``int`` are shown exactly.

>>> from migcoop.report import table
>>> print(table([["North", 1234.5678, 3], ["South", 0.012345, 12000]],
...             ["Region", "Output ($ bn)", "People (m)"], caption="Two regions"))
Two regions
Region  Output ($ bn)  People (m)
------  -------------  ----------
North            1230           3
South          0.0123      12,000
"""

from __future__ import annotations

import html
import math
import numbers

import numpy as np

from ._validate import _show, check_int

__all__ = ["table"]

MAX_ROWS = 200
"""The most rows a table takes: these are small tables, not data dumps."""
MAX_COLUMNS = 20
"""The most columns a table takes."""
BLANKS = ("", "-", "–", "—")
"""Strings that stand for "no value" in a column of numbers (it stays aligned right)."""
MAX_DIGITS = 15
"""The most significant digits a number is shown with (a float holds about 15)."""


def _text(name: str, value, *, what: str = "a non-empty string") -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name}={_show(value)} must be {what}")
    return value


def _items(name: str, value, low: int, high: int, what: str) -> list:
    """``value`` as a list of ``low`` to ``high`` elements (any sequence but a string)."""
    size = f"{low}" if low == high else f"{low} to {high}"
    if (isinstance(value, (str, bytes)) or not hasattr(value, "__len__")
            or not hasattr(value, "__iter__") or (isinstance(value, np.ndarray) and value.ndim == 0)):
        raise ValueError(f"{name}={_show(value)} must be a sequence of {size} {what}")
    items = list(value)
    if not low <= len(items) <= high:
        raise ValueError(f"{name}={_show(value)} has {len(items)} elements; it must have "
                         f"{size} {what}")
    return items


def _cell(name: str, value):
    """A cell: a string, or a real number that is not NaN (``inf`` shows as ``∞``)."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if isinstance(value, np.str_):
        value = str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name}={_show(value)} must be a string or a real number "
                         "(not a bool, None or a sequence)")
    if isinstance(value, (int, np.integer)):
        return int(value)
    x = float(value)
    if math.isnan(x):
        raise ValueError(f"{name}={_show(value)} must be a string or a real number, not NaN")
    return x


def _grouped(text: str, x: float) -> str:
    """``text`` without its thousands separators when ``|x| < 10,000`` (a year, 2007)."""
    return text.replace(",", "") if abs(x) < 10_000 else text


def _number(x, digits: int) -> str:
    """``x`` to ``digits`` significant digits, with thousands separators from 10,000 on
    (ints exactly)."""
    if isinstance(x, int):
        return _grouped(f"{x:,d}", x)
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if x == 0:
        return "0"
    rounded = float(f"{x:.{digits - 1}e}")  # rounding may carry into the next power of ten
    exponent = math.floor(math.log10(abs(rounded)))
    if exponent < -4 or exponent >= 15:
        return f"{rounded:.{digits - 1}e}"
    decimals = max(digits - 1 - exponent, 0)
    return _grouped(f"{rounded:,.{decimals}f}", rounded)


class Table:
    """A small table of results, shown as HTML, Markdown or plain text (build it with
    :func:`table`)."""

    __slots__ = ("header", "rows", "caption", "digits")

    def __init__(self, header: tuple, rows: tuple, caption: str | None, digits: tuple):
        self.header, self.rows, self.caption, self.digits = header, rows, caption, digits

    def cells(self) -> list[list[str]]:
        """The body as formatted text, row by row."""
        return [[c if isinstance(c, str) else _number(c, d) for c, d in zip(row, self.digits, strict=True)]
                for row in self.rows]

    def _numeric(self) -> list[bool]:
        """Whether each column holds numbers, and at most blanks or dashes besides (such a
        column is aligned right)."""
        return [any(not isinstance(row[j], str) for row in self.rows)
                and all(not isinstance(row[j], str) or row[j].strip() in BLANKS for row in self.rows)
                for j in range(len(self.header))]

    def __str__(self) -> str:
        body = self.cells()
        widths = [max(len(h), *(len(r[j]) for r in body)) for j, h in enumerate(self.header)]
        right = self._numeric()

        def line(cells):
            return "  ".join(c.rjust(w) if r else c.ljust(w)
                             for c, w, r in zip(cells, widths, right, strict=True)).rstrip()

        lines = [self.caption] if self.caption else []
        lines += [line(self.header), "  ".join("-" * w for w in widths)]
        lines += [line(r) for r in body]
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_markdown_(self) -> str:
        def esc(text: str) -> str:
            return html.escape(text, quote=False).replace("|", "\\|")

        right = self._numeric()
        lines = [f"**{esc(self.caption)}**", ""] if self.caption else []
        lines.append("| " + " | ".join(esc(h) for h in self.header) + " |")
        lines.append("|" + "|".join("---:" if r else ":---" for r in right) + "|")
        lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in self.cells()]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        pad = "padding: 0.25em 0.75em"
        styles = [f' style="{pad}; text-align: right; font-variant-numeric: tabular-nums"' if r
                  else f' style="{pad}; text-align: left"' for r in self._numeric()]
        out = ['<table class="migcoop-table">']
        if self.caption:
            out.append(f"<caption>{html.escape(self.caption)}</caption>")
        out.append("<thead><tr>" + "".join(
            f'<th scope="col"{s}>{html.escape(h)}</th>'
            for h, s in zip(self.header, styles, strict=True)) + "</tr></thead>")
        out.append("<tbody>")
        for row, raw in zip(self.cells(), self.rows, strict=True):
            tds = [f"<td{s}>{html.escape(c if isinstance(v, str) else c.replace('-', '−'))}</td>"
                   for c, v, s in zip(row, raw, styles, strict=True)]   # numbers: a true minus
            out.append("<tr>" + "".join(tds) + "</tr>")
        out.append("</tbody></table>")
        return "\n".join(out)


def table(rows, header, *, caption: str | None = None, digits=3) -> Table:
    """A small table of results for a reader: a few rows, units in the header.

    Parameters
    ----------
    rows : sequence of sequences
        1 to 200 rows, each with one cell per column of ``header``. A cell is a string
        (shown as it is) or a real number: an ``int`` is shown exactly, a float to
        ``digits`` significant digits; both with thousands separators from 10,000 on (a year
        stays 2007). ``inf`` shows as
        ``∞``; NaN, bools and ``None`` are rejected.
    header : sequence of str
        1 to 20 non-empty column titles; put the units here, e.g. ``"Gain ($ bn)"``.
    caption : str or None
        What the table shows, above it (the HTML ``<caption>``).
    digits : int or sequence of int
        Significant digits of the floats, in ``[1, 15]``: one number for every column, or
        one per column of ``header``.

    Returns
    -------
    Table
        Displayed by Jupyter as HTML (``_repr_html_``), Markdown (``_repr_markdown_``) or
        plain text (``str``).

    Examples
    --------
    >>> t = table([["tariff", 2.5], ["quota", 40.0]], ["Instrument", "Level"], digits=2)
    >>> t.cells()
    [['tariff', '2.5'], ['quota', '40']]
    >>> table([[0.25, 51.91]], ["Share", "Gain (%)"], digits=[2, 3]).cells()
    [['0.25', '51.9']]
    """
    head = tuple(_text(f"header[{j}]", h) for j, h in
                 enumerate(_items("header", header, 1, MAX_COLUMNS, "column titles")))
    body = []
    for i, row in enumerate(_items("rows", rows, 1, MAX_ROWS, "rows")):
        if (isinstance(row, (str, bytes)) or not hasattr(row, "__len__")
                or not hasattr(row, "__iter__")):
            raise ValueError(f"rows[{i}]={_show(row)} must be a sequence of {len(head)} cells "
                             "(one per column of header)")
        cells = list(row)
        if len(cells) != len(head):
            raise ValueError(f"rows[{i}]={_show(row)} has {len(cells)} cells; it must have "
                             f"{len(head)}, one per column of header")
        body.append(tuple(_cell(f"rows[{i}][{j}]", c) for j, c in enumerate(cells)))
    if caption is not None:
        caption = _text("caption", caption, what="None or a non-empty string")
    if isinstance(digits, (str, bytes)) or not hasattr(digits, "__iter__"):
        digits = (check_int("digits", digits, 1, MAX_DIGITS),) * len(head)
    else:
        items = _items("digits", digits, len(head), len(head), "whole numbers, one per column")
        digits = tuple(check_int(f"digits[{j}]", d, 1, MAX_DIGITS) for j, d in enumerate(items))
    return Table(head, tuple(body), caption, digits)
