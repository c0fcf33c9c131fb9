"""migcoop.report: the formatting of numbers, the three displays (HTML, Markdown, text),
and bad input."""

import math
import re
from html.parser import HTMLParser

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migcoop import report
from migcoop.report import table


# --- numbers ------------------------------------------------------------------------
@pytest.mark.parametrize("x,digits,shown", [
    (3.785982682, 3, "3.79"),
    (168.75, 3, "169"),
    (1234.5678, 3, "1230"),       # separators from 10,000 on
    (-12345.6, 3, "-12,300"),
    (16_000_000.0, 3, "16,000,000"),
    (12_345_678.9, 4, "12,350,000"),
    (0.5, 3, "0.500"),
    (0.012345, 3, "0.0123"),
    (999.96, 3, "1000"),           # rounding carries into the next power of ten
    (9999.6, 4, "10,000"),
    (9.996, 3, "10.0"),
    (-2.5, 2, "-2.5"),
    (0.0, 3, "0"),
    (-0.0, 3, "0"),
    (1.5e-7, 2, "1.5e-07"),
    (2.0e16, 2, "2.0e+16"),
    (math.inf, 3, "∞"),
    (-math.inf, 3, "-∞"),
    (1_234_567, 3, "1,234,567"),   # an int is shown exactly
    (2007, 3, "2007"),             # a year has no separator
    (np.int64(42), 1, "42"),
    (np.float32(0.25), 2, "0.25"),
])
def test_numbers_have_fixed_significant_digits_and_separators(x, digits, shown):
    assert table([[x]], ["v"], digits=digits).cells() == [[shown]]


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=-1e14, max_value=1e14, allow_nan=False).filter(lambda v: abs(v) > 1e-4),
       st.integers(1, 15))
def test_a_shown_float_reads_back_within_its_rounding(x, digits):
    shown = table([[x]], ["v"], digits=digits).cells()[0][0]
    back = float(shown.replace(",", ""))
    assert math.isclose(back, x, rel_tol=0.5 * 10.0 ** (1 - digits) + 1e-12)
    assert len(re.sub(r"^-?0\.0*|[^0-9]", "", shown)) >= min(digits, 1)


# --- the displays -------------------------------------------------------------------
ROWS = [["Efficient", 15.0, 168.75], ["Free movement", 20.0, 150.0]]
HEADER = ["Regime", "Migrants (m)", "World gain ($ bn)"]


def test_plain_text_is_aligned_with_the_caption_above():
    text = str(table(ROWS, HEADER, caption="Efficient versus free movement"))
    assert text.splitlines() == [
        "Efficient versus free movement",
        "Regime         Migrants (m)  World gain ($ bn)",
        "-------------  ------------  -----------------",
        "Efficient              15.0                169",
        "Free movement          20.0                150",
    ]
    assert repr(table(ROWS, HEADER)) == str(table(ROWS, HEADER))
    assert not str(table(ROWS, HEADER)).startswith("None")


class _Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text, self.styles = [], {}, {}
        self._open = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("caption", "th", "td"):
            self._open = tag
            self.text.setdefault(tag, []).append("")
            self.styles.setdefault(tag, []).append(dict(attrs).get("style", ""))

    def handle_endtag(self, tag):
        self._open = None

    def handle_data(self, data):
        if self._open:
            self.text[self._open][-1] += data


def test_html_is_a_table_with_caption_header_and_right_aligned_numbers():
    page = table(ROWS, HEADER, caption="Efficient <and> free")._repr_html_()
    p = _Cells()
    p.feed(page)
    assert p.tags[:2] == ["table", "caption"]
    assert p.text["caption"] == ["Efficient <and> free"]          # escaped, read back as text
    assert "<and>" not in page
    assert p.text["th"] == HEADER
    assert p.text["td"] == ["Efficient", "15.0", "169", "Free movement", "20.0", "150"]
    aligned = ["right" in s for s in p.styles["td"]]
    assert aligned == [False, True, True, False, True, True]
    assert 'scope="col"' in page
    # A negative number gets a true minus sign in HTML.
    assert ">−2.50<" in table([[-2.5]], ["v"])._repr_html_()


def test_a_column_of_numbers_with_dashes_is_aligned_right():
    t = table([["a", 1.5, "x"], ["b", "–", 2.0], ["c", "", "y"]], ["k", "v", "w"])
    assert t._repr_markdown_().splitlines()[1] == "|:---|---:|:---|"
    assert str(t).splitlines()[2:] == ["a  1.50  x", "b     –  2.00", "c        y"]
    assert table([["–"], [""]], ["v"])._repr_markdown_().splitlines()[1] == "|:---|"  # no number
    p = _Cells()
    p.feed(t._repr_html_())
    assert ["right" in s for s in p.styles["td"]] == [False, True, False] * 3


def test_no_caption_no_caption_element():
    assert "<caption>" not in table(ROWS, HEADER)._repr_html_()


def test_markdown_is_a_pipe_table():
    md = table(ROWS, HEADER, caption="Two | regimes")._repr_markdown_()
    lines = md.splitlines()
    assert lines[0] == "**Two \\| regimes**"
    assert lines[2] == "| Regime | Migrants (m) | World gain ($ bn) |"
    assert lines[3] == "|:---|---:|---:|"
    assert lines[4] == "| Efficient | 15.0 | 169 |"


def test_strings_are_shown_as_given_and_arrays_are_rows():
    t = table(np.array([[1.0, 2.0], [3.0, 4.0]]), ("a", "b"), digits=2)
    assert t.cells() == [["1.0", "2.0"], ["3.0", "4.0"]]
    assert table([("x", "1.23456789")], ["a", "b"]).cells() == [["x", "1.23456789"]]


def test_only_table_is_public():
    assert report.__all__ == ["table"]


# --- bad input ----------------------------------------------------------------------
@pytest.mark.parametrize("kwargs,name", [
    ({"rows": []}, "rows"),
    ({"rows": 5}, "rows"),
    ({"rows": "ab"}, "rows"),
    ({"rows": [[1.0, 2.0]] * 201}, "rows"),
    ({"rows": [[1.0]]}, "rows[0]"),                    # one cell short
    ({"rows": [[1.0, 2.0, 3.0, 4.0]]}, "rows[0]"),      # one too many
    ({"rows": [None]}, "rows[0]"),
    ({"rows": ["abc"]}, "rows[0]"),
    ({"rows": [[1.0, 2.0, math.nan]]}, "rows[0][2]"),
    ({"rows": [[1.0, True, 2.0]]}, "rows[0][1]"),
    ({"rows": [[None, 1.0, 2.0]]}, "rows[0][0]"),
    ({"rows": [[1.0, [2.0], 3.0]]}, "rows[0][1]"),
    ({"rows": [[1.0, 2.0, 1 + 1j]]}, "rows[0][2]"),
    ({"header": []}, "header"),
    ({"header": "abc"}, "header"),
    ({"header": 3}, "header"),
    ({"header": ["a", "", "c"]}, "header[1]"),
    ({"header": ["a", 2, "c"]}, "header[1]"),
    ({"header": [f"c{i}" for i in range(21)]}, "header"),
    ({"caption": ""}, "caption"),
    ({"caption": 5}, "caption"),
    ({"caption": ["a"]}, "caption"),
    ({"digits": 0}, "digits"),
    ({"digits": 16}, "digits"),
    ({"digits": 2.5}, "digits"),
    ({"digits": "3"}, "digits"),
    ({"digits": True}, "digits"),
    ({"digits": [2, 3]}, "digits"),                    # one per column, or one for all
    ({"digits": [2, 3, 0]}, "digits[2]"),
    ({"digits": [2, 3, 2.5]}, "digits[2]"),
    ({"digits": np.array([[1, 2, 3]])}, "digits"),
])
def test_bad_input_names_the_parameter(kwargs, name):
    args = {"rows": [[1.0, 2.0, 3.0]], "header": ["a", "b", "c"], **kwargs}
    with pytest.raises(ValueError) as info:
        table(**args)
    message = str(info.value)
    assert message.startswith(name), message
    assert any(w in message for w in ("must be", "must have", "allowed range")), message


def test_a_whole_float_is_a_count_of_digits():
    assert table([[1.23456]], ["v"], digits=2.0).cells() == [["1.2"]]


def test_digits_per_column():
    t = table([[0.25, 51.9123, 7.0]], ["a", "b", "c"], digits=(2, 3, 1))
    assert t.cells() == [["0.25", "51.9", "7"]]
    assert table([[0.25, 51.9123]], ["a", "b"], digits=np.array([2, 4])).cells() == [["0.25", "51.91"]]
