"""Tests of migcoop.coordination: the sorting band and the leakage game."""

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from migcoop import coordination as co
from migcoop.coordination import LeakageGame, SortingGame

FAST = settings(max_examples=60, deadline=None)


def fl(lo, hi):
    return st.floats(lo, hi, allow_subnormal=False)


@st.composite
def sorting_games(draw):
    return SortingGame(countries=draw(st.integers(2, 12)), pressure=draw(fl(0.5, 60.0)),
                       migrant_return=draw(fl(1.0, 30.0)), benefit=draw(fl(0.5, 10.0)),
                       crowding=draw(fl(0.2, 5.0)))


@st.composite
def leakage_games(draw, leakage=None):
    n = draw(st.integers(2, 10))
    return LeakageGame(countries=n, pressure=n * draw(fl(0.5, 8.0)),
                       leakage=draw(fl(0.0, 1.0)) if leakage is None else leakage,
                       benefit=draw(fl(0.5, 8.0)), crowding=draw(fl(0.5, 4.0)),
                       enforcement_cost=draw(fl(0.0, 40.0)))


@st.composite
def crowded_games(draw):
    """Games where several equilibria are common: pressure c = m*/K above the ideal intake,
    enforcement cost e = E h c**2 with K + E just above 1, and a lot of leakage."""
    n = draw(st.integers(4, 10))
    a, h = draw(fl(1.0, 6.0)), draw(fl(0.5, 3.0))
    k = draw(fl(0.35, 0.85))
    e_ = 1 - k + draw(fl(0.0, 0.3))
    c = a / h / k
    return LeakageGame(countries=n, pressure=n * c, leakage=draw(fl(0.8, 1.0)), benefit=a,
                       crowding=h, enforcement_cost=e_ * h * c**2)


def test_native_welfare_closed_form():
    m = np.linspace(0, 5, 11)
    assert np.allclose(co.native_welfare(m, 4.0, 2.0), 4 * m - m**2)
    assert co.native_welfare(2.0, 4.0, 2.0) == 4.0           # peak at a / h
    assert co.native_welfare(4.0, 4.0, 2.0) == 0.0           # as good as no migrants at 2 a / h


# =====================================================================================
# (a) the sorting band
# =====================================================================================
def test_sorting_band_by_hand():
    g = SortingGame(4, 20.0, 10.0, 4.0, 2.0)
    # Band in migrants: 2 a N / (h (N + 1)) = 3.2 to 2 a N / h = 16.
    assert np.allclose(g.band_migrants(), (3.2, 16.0))
    # r = w (1 - M / Lambda): 10 (1 - 16/20) = 2 and 10 (1 - 3.2/20) = 8.4.
    assert np.allclose(g.band(), (2.0, 8.4))
    assert g.joint_restriction() == 6.0
    assert math.isclose(g.migration(6.0) / 4, g.best_intake)


def test_sorting_payoffs_by_hand():
    g = SortingGame(4, 20.0, 10.0, 4.0, 2.0)
    p = g.payoffs(5.0)                       # M = 10, 2.5 each
    assert math.isclose(p.match, 4 * 2.5 - 2.5**2)
    assert math.isclose(p.undercut, 4 * 10 - 10**2)   # grabbing all 10 (> m* = 2)
    assert p.overshoot == 0.0 and p.is_equilibrium
    q = g.payoffs(9.5)                       # M = 1 < m*: undercut and take m* = 2
    assert math.isclose(q.undercut, 4.0) and not q.is_equilibrium


@FAST
@given(sorting_games())
def test_band_is_exactly_the_set_of_equilibria(g):
    lo, hi = g.band()
    r = np.linspace(0.0, g.migrant_return * 1.1, 301)
    eq = np.asarray(g.payoffs(r).is_equilibrium)
    span = g.migrant_return * 1e-6
    inside = (r >= lo + span) & (r <= hi - span)
    outside = (r < lo - span) | (r > hi + span)
    assert np.all(eq[inside])
    assert not np.any(eq[outside])
    if lo == hi == 0.0:
        assert bool(g.payoffs(0.0).is_equilibrium)


@FAST
@given(sorting_games())
def test_joint_optimum_lies_in_the_band(g):
    lo, hi = g.band()
    r = g.joint_restriction()
    assert lo - 1e-9 <= r <= hi + 1e-9
    if g.pressure > g.countries * g.best_intake:
        assert math.isclose(g.migration(r) / g.countries, g.best_intake, rel_tol=1e-9)
        # and matching there beats matching at any other common policy
        grid = np.linspace(0, g.migrant_return, 201)
        assert np.all(np.asarray(g.payoffs(grid).match) <= g.payoffs(r).match + 1e-9)


@FAST
@given(st.integers(2, 30), fl(0.5, 10.0), fl(0.2, 5.0))
def test_band_widens_with_more_countries(n, a, h):
    small = SortingGame(n, 100.0, 10.0, a, h)
    large = SortingGame(n + 1, 100.0, 10.0, a, h)
    lo1, hi1 = (x / n for x in small.band_migrants())
    lo2, hi2 = (x / (n + 1) for x in large.band_migrants())
    assert lo2 < lo1 and math.isclose(hi1, hi2)     # per-country intake: [2m*/(N+1), 2m*]


# =====================================================================================
# (b) the leakage game
# =====================================================================================
def test_arrivals_closed_form_and_large_n_limit():
    g = LeakageGame(4, 8.0, 0.5, 4.0, 2.0, 1.0)
    z = 0.5 * 0.6
    assert math.isclose(g.arrivals(0.6), 2.0 * (1 + z + z**2 + z**3))
    assert g.arrivals(0.0) == 2.0
    big = LeakageGame(200, 400.0, 0.5, 4.0, 2.0, 1.0)  # the most countries allowed
    assert math.isclose(big.arrivals(0.6), 2.0 / (1 - z), rel_tol=1e-9)
    # Full leakage and full refusal: everyone tries everywhere.
    assert math.isclose(LeakageGame(5, 10.0, 1.0, 4.0, 2.0, 1.0).arrivals(1.0), 10.0)


@pytest.mark.parametrize("restrictions,leakage", [
    ([0.5] * 4, 0.8),
    ([0.2, 0.6, 0.6, 0.6, 0.6], 0.9),
    ([0.3, 0.3, 0.3], 1.0),
])
def test_closed_forms_match_following_migrants(restrictions, leakage):
    n = len(restrictions)
    sim = co.simulate_flows(restrictions, leakage, pressure=float(n), migrants=200_000, seed=1)
    q = restrictions[-1]
    g = LeakageGame(n, float(n), leakage, 4.0, 2.0, 1.0)
    # Arrivals at a country do not depend on its own restriction.
    assert abs(sim["arrivals"][0] - g.arrivals(q)) < 0.01 * g.arrivals(q) + 0.01
    if len(set(restrictions)) == 1:
        f = g.flows(q)
        for key in ("admitted_first", "admitted_diverted", "stayed_home"):
            assert abs(float(sim[key]) - getattr(f, key)) < 0.02


@FAST
@given(leakage_games(), fl(0.0, 1.0))
def test_migrants_are_conserved(g, q):
    f = g.flows(q)
    assert math.isclose(f.total, g.pressure, rel_tol=1e-9)
    assert math.isclose(f.admitted_first + f.admitted_diverted + f.stayed_home, g.pressure,
                        rel_tol=1e-9)
    assert f.admitted_first >= -1e-12 and f.admitted_diverted >= -1e-9 and f.stayed_home >= -1e-12


@FAST
@given(leakage_games())
def test_best_responses_are_strategic_complements(g):
    q = np.linspace(0, 1, 201)
    br = np.asarray(g.best_response(q))
    assert np.all(np.diff(br) >= -1e-12)
    assert np.all((br >= 0) & (br < 1))


@FAST
@given(leakage_games(), fl(0.0, 1.0))
def test_best_response_is_a_best_reply(g, q):
    s = np.linspace(0, 1, 401)
    best = g.payoff(g.best_response(q), q)
    assert np.all(np.asarray(g.payoff(s, q)) <= best + 1e-9 * (1 + abs(best)))


@FAST
@given(leakage_games())
def test_equilibria_are_fixed_points_and_deviation_gains_vanish_there(g):
    eqs = g.equilibria()
    assert len(eqs) >= 1
    for eq in eqs:
        assert abs(g.best_response(eq.restriction) - eq.restriction) < 1e-7
        assert g.deviation_gain(eq.restriction) < 1e-6 * (1 + abs(eq.welfare))
    q = np.linspace(0, 1, 101)
    assert np.all(np.asarray(g.deviation_gain(q)) >= 0)


@FAST
@given(leakage_games(leakage=0.0))
def test_no_leakage_means_a_unique_equilibrium(g):
    eqs = g.equilibria()
    assert len(eqs) == 1
    assert math.isclose(eqs[0].restriction, float(g.best_response(0.0)), abs_tol=1e-9)


def test_there_is_always_an_equilibrium_even_on_a_knife_edge():
    # K + E = 1 exactly: a lone country at open borders is indifferent about restricting.
    g = LeakageGame(2, 12.0, 0.0, 2.0, 1.0, 24.0)
    eqs = g.equilibria()
    assert len(eqs) == 1 and eqs[0].restriction < 1e-9
    assert g.equilibrium_count() == 1


def test_enough_leakage_gives_several_equilibria():
    low = LeakageGame(6, 21.6, 0.3, 4.0, 2.0, 12.0)
    high = LeakageGame(6, 21.6, 0.9, 4.0, 2.0, 12.0)
    assert len(low.equilibria()) == 1
    eqs = high.equilibria()
    assert len(eqs) == 3
    assert [e.stable for e in eqs] == [True, False, True]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(crowded_games())
def test_more_restrictive_equilibria_are_worse_for_every_country(g):
    eqs = g.equilibria()
    assume(len(eqs) >= 2)
    w = [e.welfare for e in eqs]
    assert all(x > y for x, y in zip(w, w[1:], strict=False))


@FAST
@given(leakage_games())
def test_binding_commitment_reaches_the_joint_optimum(g):
    r = g.joint_restriction()
    best = float(g.common_welfare(r))
    grid = np.linspace(0, 1, 501)
    assert np.all(np.asarray(g.common_welfare(grid)) <= best + 1e-9 * (1 + abs(best)))
    assert all(e.welfare <= best + 1e-9 * (1 + abs(best)) for e in g.equilibria())



def test_former_name_of_the_joint_optimum_still_works():
    """``efficient_restriction`` was the first edition's name (chapter 10 and old notebooks)."""
    g = SortingGame(4, 20.0, 10.0, 4.0, 2.0)
    assert g.efficient_restriction() == g.joint_restriction()
    lg = LeakageGame(6, 36.0, 0.5, 2.0, 1.0, 5.0)
    assert lg.efficient_restriction() == lg.joint_restriction() > 0


# --- bad input -------------------------------------------------------------------------
SORT = {"countries": 4, "pressure": 20.0, "migrant_return": 10.0, "benefit": 4.0, "crowding": 2.0}
LEAK = {"countries": 4, "pressure": 16.0, "leakage": 0.5, "benefit": 4.0, "crowding": 2.0,
        "enforcement_cost": 5.0}
BAD_SORT = {"countries": [1, 0, 2.5, math.nan], "pressure": [0.0, -1.0, math.nan, math.inf],
            "migrant_return": [0.0, math.nan], "benefit": [0.0, -2.0, math.inf],
            "crowding": [0.0, math.nan]}
BAD_LEAK = {"countries": [1, -3, 3.5], "pressure": [0.0, math.nan], "leakage": [-0.1, 1.1, math.nan],
            "benefit": [0.0, math.nan], "crowding": [-1.0, math.inf],
            "enforcement_cost": [-1.0, math.nan, math.inf]}


@pytest.mark.parametrize("name,bad", [(k, v) for k, vs in BAD_SORT.items() for v in vs])
def test_sorting_game_rejects_bad_parameters(name, bad):
    with pytest.raises(ValueError, match=name):
        SortingGame(**{**SORT, name: bad})


@pytest.mark.parametrize("name,bad", [(k, v) for k, vs in BAD_LEAK.items() for v in vs])
def test_leakage_game_rejects_bad_parameters(name, bad):
    with pytest.raises(ValueError, match=name):
        LeakageGame(**{**LEAK, name: bad})


def test_functions_reject_bad_input():
    s, g = SortingGame(**SORT), LeakageGame(**LEAK)
    with pytest.raises(ValueError, match="restriction"):
        s.payoffs(-1.0)
    with pytest.raises(ValueError, match="restriction"):
        s.migration(math.nan)
    for bad in (-0.1, 1.5, math.nan):
        with pytest.raises(ValueError, match="others"):
            g.best_response(bad)
        with pytest.raises(ValueError, match="restriction"):
            g.flows(bad)
        with pytest.raises(ValueError, match="own"):
            g.payoff(bad, 0.5)
        with pytest.raises(ValueError, match="restriction"):
            g.common_welfare(bad)
    with pytest.raises(ValueError, match="resolution"):
        g.equilibrium_count(2)
    with pytest.raises(ValueError, match="migrants"):
        co.native_welfare(-1.0, 4.0, 2.0)
    with pytest.raises(ValueError, match="benefit"):
        co.native_welfare(1.0, 0.0, 2.0)
    with pytest.raises(ValueError, match="crowding"):
        co.native_welfare(1.0, 4.0, math.nan)
    with pytest.raises(ValueError, match="restrictions"):
        co.simulate_flows([0.5], 0.5)
    with pytest.raises(ValueError, match="restrictions"):
        co.simulate_flows([0.5, 1.2], 0.5)
    with pytest.raises(ValueError, match="leakage"):
        co.simulate_flows([0.5, 0.5], 2.0)
    with pytest.raises(ValueError, match="migrants"):
        co.simulate_flows([0.5, 0.5], 0.5, migrants=0)


@FAST
@given(leakage_games())
def test_fast_count_agrees_with_the_equilibria(g):
    eqs = g.equilibria()
    # Only a tangency (best response touching the diagonal) could make them differ.
    assume(all(abs(g.best_response(min(e.restriction + 2e-3, 1.0)) - min(e.restriction + 2e-3, 1.0))
               > 1e-9 for e in eqs))
    assert g.equilibrium_count(2001) == len(eqs)


# --- the kinds of equilibria and their map (chapter 4's figure) ----------------------
def test_equilibrium_kind_and_map():
    g = LeakageGame(6, 36.0, 0.9, 2.0, 1.0, 25.0)
    assert g.equilibrium_kind() == "several" and len(g.equilibria()) >= 2
    open_ = LeakageGame(6, 36.0, 0.2, 2.0, 1.0, 40.0)
    assert open_.equilibrium_kind() == "open" and open_.equilibria()[0].restriction < 1e-9
    tight = LeakageGame(6, 36.0, 0.5, 2.0, 1.0, 10.0)
    assert tight.equilibrium_kind() == "restrictive" and len(tight.equilibria()) == 1
    leaks, costs = [0.2, 0.5, 0.9], [10.0, 25.0, 40.0]
    grid = co.equilibrium_map(g, leaks, costs)
    assert grid.shape == (3, 3) and grid.dtype.kind == "i"
    for i, e in enumerate(costs):
        for j, lam in enumerate(leaks):
            game = LeakageGame(6, 36.0, lam, 2.0, 1.0, e)
            assert co.EQUILIBRIUM_KINDS[grid[i, j]] == game.equilibrium_kind()
    with pytest.raises(ValueError, match="game"):
        co.equilibrium_map("a game", leaks, costs)
