"""migcoop.gains: the shipped data, closed forms, bad input, and the invariants stated in the
docstrings of the module, RegionalEconomy (gain, full_mobility_gain, outcome) and
WageGapMarket."""

import csv
import math
import re
from importlib.resources import files
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migcoop import gains
from migcoop.gains import RegionalEconomy, WageGapMarket
from migcoop.markets import LinearMarket

SETTINGS = settings(max_examples=60, deadline=None)
REGIONS = {
    "North America", "Latin America and Caribbean", "Western Europe", "Eastern Europe and Turkey",
    "Middle East and North Africa", "Sub-Saharan Africa", "South Asia", "East and Southeast Asia",
    "Japan and Oceania",
}


# --- the shipped CSV against its README ----------------------------------------------
def _csv_rows():
    path = files("migcoop").joinpath("data", gains.DATA_FILE)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        return header, list(reader)


def _readme():
    # The README sits beside the CSV in the source tree (only the CSV is package data).
    path = Path(__file__).resolve().parents[2] / "lib" / "migcoop" / "data" / "README.md"
    return path.read_text(encoding="utf-8")


def test_csv_has_the_documented_columns_and_row_count():
    header, rows = _csv_rows()
    assert tuple(header) == gains.DATA_COLUMNS
    assert len(rows) == gains.DATA_ROWS == 1704
    assert all(len(r) == len(header) for r in rows)
    readme = _readme()
    documented = re.search(r"rows \| (\d+) data rows", readme)
    assert documented and int(documented.group(1)) == len(rows)
    for column in header:
        assert f"`{column}`" in readme


def test_csv_is_a_full_country_year_grid_with_valid_values():
    rows = gains.load_gapminder()
    countries = {r.country for r in rows}
    assert len(countries) == 142
    assert {r.year for r in rows} == set(gains.YEARS)
    assert len({(r.country, r.year) for r in rows}) == len(rows)
    assert {r.region for r in rows} == REGIONS
    assert {r.continent for r in rows} == {"Africa", "Americas", "Asia", "Europe", "Oceania"}
    assert all(r.pop > 0 and r.gdp_per_capita > 0 and len(r.iso_alpha) == 3 for r in rows)
    # Each country keeps one region and continent in every year.
    for c in countries:
        assert len({(r.region, r.continent) for r in rows if r.country == c}) == 1


def test_readme_states_source_licence_and_derivation():
    readme = _readme()
    for needle in ("Gapminder", "CC-BY", "plotly", "tools/derive_gapminder.py"):
        assert needle in readme


def test_well_known_rows():
    by = {(r.country, r.year): r for r in gains.load_gapminder()}
    assert by["United States", 2007].region == "North America"
    assert by["Mexico", 2007].region == "Latin America and Caribbean"
    assert by["Kuwait", 1952].region == "Middle East and North Africa"
    assert by["India", 2007].region == "South Asia"
    assert by["India", 2007].pop > 1_000_000_000
    assert by["United States", 2007].gdp_per_capita > 10 * by["India", 2007].gdp_per_capita


def test_from_gapminder_aggregates_countries():
    rows = [r for r in gains.load_gapminder() if r.year == 1977]
    for grouping, n in (("region", 9), ("continent", 5), ("country", 142)):
        w = RegionalEconomy.from_gapminder(1977, grouping)
        assert len(w.names) == n and w.year == 1977 and w.grouping == grouping
        assert w.world_labor == pytest.approx(sum(r.pop for r in rows))
        assert w.world_output == pytest.approx(sum(r.pop * r.gdp_per_capita for r in rows))


# --- closed forms ------------------------------------------------------------------
def test_two_region_example_by_hand():
    # L = (1, 1), y = (1, 4), alpha = 1/2: full mobility puts 16/17 of labor in R and
    # world output per worker becomes [(1 + 16)/2]**(1/2), against 2.5 before.
    w = RegionalEconomy(("S", "R"), [1.0, 1.0], [1.0, 4.0])
    assert w.full_mobility_gain(0.5) == pytest.approx(math.sqrt(8.5) / 2.5 - 1)
    out = w.outcome(1.0, 0.5)
    assert out.labor[1] == pytest.approx(2 * 16 / 17)
    assert out.migrants == pytest.approx(1 - 2 / 17)
    # Half the log gap removed: labor shares are proportional to L_i * y_i**(phi/alpha) = y_i.
    half = w.outcome(0.5, 0.5)
    assert half.labor[1] / half.labor[0] == pytest.approx(4.0)
    assert half.wage_ratio == pytest.approx(2.0)


def test_full_mobility_closed_form_on_data():
    w = RegionalEconomy.from_gapminder(2007)
    s = w.labor / w.labor.sum()
    y = w.output_per_worker
    for a in (0.25, 1 / 3, 0.5):
        direct = (s @ y ** (1 / a)) ** a / (s @ y) - 1
        assert w.full_mobility_gain(a) == pytest.approx(direct, rel=1e-10)
        assert w.gain(1.0, a) == pytest.approx(direct, rel=1e-10)
        assert w.outcome(1.0, a).gain == pytest.approx(direct, rel=1e-10)


def test_published_estimates_are_in_the_published_range():
    lo, hi = gains.PUBLISHED_RANGE
    assert len(gains.PUBLISHED_ESTIMATES) >= 3
    assert all(lo <= e.gain_percent <= hi for e in gains.PUBLISHED_ESTIMATES)
    # The range is exactly what the estimates span (one range in the whole book).
    assert any(e.gain_percent == lo for e in gains.PUBLISHED_ESTIMATES)
    assert any(e.gain_percent == hi for e in gains.PUBLISHED_ESTIMATES)


# --- invariants ----------------------------------------------------------------------
@st.composite
def economies(draw):
    n = draw(st.integers(2, 8))
    labor = draw(st.lists(st.floats(0.1, 100.0), min_size=n, max_size=n))
    y = draw(st.lists(st.floats(0.5, 60.0), min_size=n, max_size=n))
    return RegionalEconomy(tuple(f"r{i}" for i in range(n)), labor, y)


shares = st.floats(0.0, 1.0)
alphas = st.floats(0.15, 0.85)


@SETTINGS
@given(economies(), alphas, st.floats(0.0, 0.9))
def test_gain_is_nonnegative_rising_and_largest_at_full_mobility(w, a, p):
    phis = np.linspace(0, 1, 41)
    g = w.gain(phis, a, p)
    assert g[0] == pytest.approx(0.0, abs=1e-12)
    assert np.all(np.diff(g) >= -1e-12)
    assert np.argmax(g) == len(g) - 1 or g[-1] >= g.max() - 1e-12
    assert w.full_mobility_gain(a, p) == pytest.approx(g[-1], rel=1e-9, abs=1e-12)


@SETTINGS
@given(economies(), shares, alphas, st.floats(0.0, 1.0))
def test_people_and_efficiency_units_are_conserved(w, phi, a, p):
    out = w.outcome(phi, a, p)
    assert out.labor.sum() == pytest.approx(w.world_labor, rel=1e-9)
    assert np.all(out.labor > 0) and np.all(out.emigrants >= 0)
    assert out.output.sum() == pytest.approx(out.world_output, rel=1e-12)
    assert out.gain == pytest.approx(w.gain(phi, a, p), rel=1e-9, abs=1e-12)
    assert 0 <= out.migrant_share <= 1


@SETTINGS
@given(economies(), shares, alphas)
def test_remaining_wage_gaps_are_the_share_not_removed(w, phi, a):
    out = w.outcome(phi, a)
    wage = (1 - a) * out.output / out.labor          # marginal product of labor
    before = (1 - a) * w.output_per_worker
    # log wage gaps shrink by the factor (1 - phi), up to a common level.
    lhs = np.log(wage) - np.log(wage[0])
    rhs = (1 - phi) * (np.log(before) - np.log(before[0]))
    assert np.allclose(lhs, rhs, atol=1e-6)


@SETTINGS
@given(economies(), st.floats(0.15, 0.8), st.floats(0.01, 0.15))
def test_full_mobility_gain_falls_as_the_immobile_share_rises(w, a, da):
    # A power mean of order 1/alpha falls as alpha rises.
    assert w.full_mobility_gain(a + da) <= w.full_mobility_gain(a) + 1e-12


@SETTINGS
@given(economies(), shares, alphas, st.floats(0.1, 10.0), st.floats(0.1, 10.0))
def test_gain_is_scale_free(w, phi, a, k_labor, k_y):
    scaled = RegionalEconomy(w.names, w.labor * k_labor, w.output_per_worker * k_y)
    assert scaled.gain(phi, a) == pytest.approx(w.gain(phi, a), rel=1e-9, abs=1e-12)


@SETTINGS
@given(st.integers(2, 6), st.floats(1.0, 50.0), shares, alphas)
def test_no_gap_no_gain_and_fully_portable_skills_no_gain(n, y, phi, a):
    w = RegionalEconomy(tuple("abcdef"[:n]), np.arange(1.0, n + 1), np.full(n, y))
    assert w.gain(phi, a) == pytest.approx(0.0, abs=1e-12)
    v = RegionalEconomy(("a", "b"), [1.0, 2.0], [1.0, 9.0])
    assert v.gain(phi, a, portability=1.0) == pytest.approx(0.0, abs=1e-12)


@SETTINGS
@given(economies(), alphas)
def test_merging_two_regions_never_raises_the_full_gain(w, a):
    # Aggregating hides the gaps inside the merged region (Jensen's inequality; with all
    # of the gap tied to place, as in Hamilton and Whalley).
    labor = w.labor[0] + w.labor[1]
    y = (w.labor[0] * w.output_per_worker[0] + w.labor[1] * w.output_per_worker[1]) / labor
    merged = RegionalEconomy(("merged",) + w.names[2:], np.r_[labor, w.labor[2:]],
                             np.r_[y, w.output_per_worker[2:]])
    assert merged.full_mobility_gain(a) <= w.full_mobility_gain(a) * (1 + 1e-12) + 1e-12


def test_finer_groupings_give_larger_gains_on_the_data():
    for year in gains.YEARS:
        for a in (0.25, 0.35, 0.5):
            full = [RegionalEconomy.from_gapminder(year, g).full_mobility_gain(a)
                    for g in ("continent", "region", "country")]
            assert full[0] < full[1] < full[2]


def test_first_part_of_the_gap_yields_a_disproportionate_share_on_the_data():
    # Every grouping: the gain curve lies above its chord (phi * full gain). Regions:
    # concave once the first 15% of the gap is gone, and half the gap removed gives
    # at least three quarters of the whole gain.
    phis = np.linspace(0, 1, 101)
    late = phis >= 0.15
    for year in gains.YEARS:
        for grouping in gains.GROUPINGS:
            w = RegionalEconomy.from_gapminder(year, grouping)
            for a in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
                g = w.gain(phis, a)
                assert np.all(g >= phis * g[-1] - 1e-12), (year, grouping, a)
                if grouping == "region":
                    assert np.all(np.diff(g[late], 2) <= 1e-12), (year, a)
                    assert g[50] >= 0.75 * g[-1], (year, a)


# --- the one-market picture -----------------------------------------------------------
@st.composite
def wage_markets(draw):
    low = draw(st.floats(0.0, 30.0))
    high = low + draw(st.floats(1.0, 60.0))
    return WageGapMarket(high, low, draw(st.floats(0.1, 5.0)), draw(st.floats(0.1, 5.0)),
                         external_cost=draw(st.floats(0.0, 1.5)) * (high - low))


def test_wage_gap_market_closed_forms():
    m = WageGapMarket(40.0, 10.0, 1.0, 0.5, external_cost=6.0)
    assert m.free_movement() == pytest.approx(30 / 1.5)
    assert m.efficient_migration() == pytest.approx(24 / 1.5)
    out = m.outcome(10.0)
    assert out.high_wage == pytest.approx(30.0) and out.low_wage == pytest.approx(15.0)
    assert out.output_gain == pytest.approx(30 * 10 - 1.5 * 100 / 2)
    assert out.world_gain == pytest.approx(out.output_gain - 60.0)
    assert out.receiving_surplus == pytest.approx(1.0 * 100 / 2)
    assert out.migrant_gain == pytest.approx(out.output_gain - out.receiving_surplus)
    lm = m.market()
    assert isinstance(lm, LinearMarket)
    assert lm.global_optimum() == pytest.approx(6.0)


@SETTINGS
@given(wage_markets(), st.floats(0.0, 1.0))
def test_efficient_migration_maximises_world_gain(m, frac):
    best = m.outcome(m.efficient_migration()).world_gain
    assert best >= m.outcome(frac * m.free_movement()).world_gain - 1e-9
    assert best >= -1e-9
    lm = m.market()
    assert m.efficient_migration() == pytest.approx(
        lm.equilibrium(lm.global_optimum()).quantity, rel=1e-9, abs=1e-9)
    assert m.free_movement() == pytest.approx(lm.free_trade_quantity, rel=1e-12)


@SETTINGS
@given(wage_markets(), st.floats(0.01, 10.0))
def test_external_cost_lowers_efficient_migration_but_not_below_zero(m, de):
    more = WageGapMarket(m.high_wage, m.low_wage, m.high_slope, m.low_slope,
                         m.external_cost + de)
    assert more.efficient_migration() <= m.efficient_migration() + 1e-12
    if m.external_cost < m.productivity_gap:
        assert 0 < m.efficient_migration() <= m.free_movement()
        if m.external_cost > 1e-9 * m.productivity_gap:
            assert m.efficient_migration() < m.free_movement()
    else:
        assert m.efficient_migration() == 0
    assert m.efficient_migration() <= m.free_movement()


@SETTINGS
@given(wage_markets(), st.floats(0.0, 1.0))
def test_wage_gap_market_matches_linear_market(m, frac):
    q = frac * m.free_movement()
    out = m.outcome(q)
    gap = m.productivity_gap
    slope = m.high_slope + m.low_slope
    assert out.wage_gap == pytest.approx(gap - slope * q, abs=1e-9)
    assert out.output_gain == pytest.approx(gap * q - slope * q * q / 2, rel=1e-9, abs=1e-9)
    assert out.world_gain == pytest.approx(out.receiving_surplus + out.migrant_gain
                                           - out.external_cost, rel=1e-9, abs=1e-9)


# --- bad input --------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, name", [
    ({"labor": [1.0, float("nan")]}, "labor"),
    ({"labor": [1.0, -1.0]}, "labor"),
    ({"labor": [1.0, float("inf")]}, "labor"),
    ({"output_per_worker": [0.0, 2.0]}, "output_per_worker"),
    ({"output_per_worker": [1.0, float("nan")]}, "output_per_worker"),
    ({"labor": [1.0, 2.0, 3.0]}, "labor"),
    ({"year": -5}, "year"),
])
def test_regional_economy_rejects_bad_input(kwargs, name):
    base = {"names": ("a", "b"), "labor": [1.0, 2.0], "output_per_worker": [1.0, 3.0]}
    with pytest.raises(ValueError, match=name):
        RegionalEconomy(**{**base, **kwargs})


@pytest.mark.parametrize("args, name", [
    ((1.5, 0.3), "share_removed"), ((-0.1, 0.3), "share_removed"),
    ((float("nan"), 0.3), "share_removed"), ((0.5, 0.0), "capital_share"),
    ((0.5, 1.0), "capital_share"), ((0.5, float("inf")), "capital_share"),
    ((0.5, 0.3, -0.1), "portability"), ((0.5, 0.3, 1.2), "portability"),
])
def test_gain_functions_reject_bad_input(args, name):
    w = RegionalEconomy(("a", "b"), [1.0, 2.0], [1.0, 3.0])
    for f in (w.gain, w.outcome):
        with pytest.raises(ValueError, match=name):
            f(*args)
    if name != "share_removed":
        with pytest.raises(ValueError, match=name):
            w.full_mobility_gain(*args[1:])


def test_from_gapminder_rejects_bad_input():
    with pytest.raises(ValueError, match="year"):
        RegionalEconomy.from_gapminder(1953)
    with pytest.raises(ValueError, match="year"):
        RegionalEconomy.from_gapminder(2010)
    with pytest.raises(ValueError, match="grouping"):
        RegionalEconomy.from_gapminder(2007, "planet")


@pytest.mark.parametrize("kwargs, name", [
    ({"high_wage": float("nan")}, "high_wage"), ({"high_wage": 5.0}, "high_wage"),
    ({"low_wage": -1.0}, "low_wage"), ({"high_slope": 0.0}, "high_slope"),
    ({"low_slope": -1.0}, "low_slope"), ({"external_cost": -0.5}, "external_cost"),
    ({"external_cost": float("inf")}, "external_cost"),
])
def test_wage_gap_market_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=name):
        WageGapMarket(**kwargs)


def test_outcome_rejects_more_migrants_than_free_movement():
    m = WageGapMarket()
    with pytest.raises(ValueError, match="migrants"):
        m.outcome(m.free_movement() + 1.0)
    with pytest.raises(ValueError, match="migrants"):
        m.outcome(-1.0)
