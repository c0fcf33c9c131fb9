"""migcoop.refugees: closed forms, simulation and bad input, and the invariants stated in the
docstrings of the module, RefugeeRegime (breakdown_load, pooling_factor, simulate) and
StandardsGame."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from migcoop import refugees
from migcoop.refugees import RefugeeRegime, StandardsGame, protection_levels, upper_tail

SETTINGS = settings(max_examples=60, deadline=None)
FEW = settings(max_examples=25, deadline=None)


# --- the public good --------------------------------------------------------------------
def test_protection_levels_closed_form():
    lv = protection_levels(10, 10.0, 2.0)
    assert lv.nash == 5.0 and lv.efficient == 50.0
    assert lv.nash_total == 50.0 and lv.efficient_total == 500.0
    assert lv.nash_welfare == pytest.approx(10 * 10 * 5 - 2 * 25 / 2)
    assert lv.efficient_welfare == pytest.approx(10 * 10 * 50 - 2 * 2500 / 2)
    arr = protection_levels(4, np.array([1.0, 2.0]), 1.0)
    assert np.allclose(arr.nash, [1.0, 2.0]) and np.allclose(arr.efficient, [4.0, 8.0])


@SETTINGS
@given(st.integers(2, 50), st.floats(0.1, 50.0), st.floats(0.05, 10.0), st.floats(0.0, 3.0))
def test_nash_is_below_efficient_and_efficient_maximises_welfare(n, a, k, frac):
    lv = protection_levels(n, a, k)
    assert lv.nash < lv.efficient
    assert lv.efficient_welfare >= refugees.host_welfare(frac * lv.efficient, n, a, k) - 1e-9
    assert lv.efficient_welfare > lv.nash_welfare
    # Nash: best reply of one host, others fixed, is alpha / k whatever the others do.
    q = np.linspace(0, 3 * lv.nash, 3001)
    own = a * q - k * q**2 / 2
    assert q[np.argmax(own)] == pytest.approx(lv.nash, abs=3 * lv.nash / 3000)


# --- expected payoffs and the trigger strategy ---------------------------------------
def test_expected_min_closed_forms_against_numerical_integration():
    b, p, s = 30.0, 0.2, 40.0
    x = np.linspace(0, 4000, 400_001)
    dens = np.exp(-x / s) / s
    for level in (10.0, 30.0, 55.0, 140.0):
        m1, m2 = refugees._expected_min(b, p, s, level)
        shock = np.minimum(b + x, level)
        want1 = (1 - p) * min(b, level) + p * np.trapezoid(shock * dens, x)
        want2 = (1 - p) * min(b, level) ** 2 + p * np.trapezoid(shock**2 * dens, x)
        assert m1 == pytest.approx(want1, rel=1e-5)
        assert m2 == pytest.approx(want2, rel=1e-5)


def test_default_regime_by_hand():
    r = RefugeeRegime()   # N=10, alpha=10, k=1, b=30, p=0.1, s=40, delta=0.9
    v = r.cooperation_value()
    # E[a] = 34, E[a^2] = 900 + 2*30*4 + 0.1*2*1600 = 1460; Nash protects 10 every year.
    assert v.convention == pytest.approx(10 * 10 * 34 - 1460 / 2)
    assert v.nash == pytest.approx(10 * 10 * 10 - 100 / 2)
    assert v.breakdown_load == pytest.approx(10 + math.sqrt(2 * 9 * 1720))
    one = 0.1 * math.exp(-(v.breakdown_load - 30) / 40)
    assert r.breach_probability() == pytest.approx(1 - (1 - one) ** 10)


@st.composite
def regimes(draw, sharing=True, capped=False):
    return RefugeeRegime(
        hosts=draw(st.integers(2, 15)),
        altruism=draw(st.floats(1.0, 20.0)),
        cost=draw(st.floats(0.2, 3.0)),
        base_arrivals=draw(st.floats(0.0, 60.0)),
        shock_prob=draw(st.floats(0.01, 0.5)),
        shock_size=draw(st.floats(5.0, 120.0)),
        discount=draw(st.floats(0.3, 0.97)),
        burden_share=draw(st.floats(0.0, 1.0)) if sharing else 0.0,
        cap=draw(st.floats(5.0, 400.0)) if capped else math.inf,
    )


@SETTINGS
@given(regimes())
def test_breakdown_load_balances_temptation_and_stake(r):
    v = r.cooperation_value()
    assume(v.stake > 0)
    d = r.discount
    assert r.temptation(v.breakdown_load) == pytest.approx(d / (1 - d) * v.stake, rel=1e-9)
    assert r.temptation(0.99 * v.breakdown_load) <= d / (1 - d) * v.stake


@SETTINGS
@given(regimes(), st.floats(0.001, 0.02))
def test_more_patience_raises_the_breakdown_load(r, dd):
    assume(r.discount + dd < 1)
    later = r.replace(discount=r.discount + dd)
    assert later.breakdown_load() >= r.breakdown_load()
    assert later.breach_probability() <= r.breach_probability() + 1e-15


@SETTINGS
@given(regimes(sharing=False), st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_burden_sharing_raises_the_stake_and_lowers_the_breach_probability(r, b1, b2):
    lo, hi = sorted((b1, b2))
    a, b = r.replace(burden_share=lo), r.replace(burden_share=hi)
    assert b.pooling_factor <= a.pooling_factor + 1e-15
    assert b.cooperation_value().stake >= a.cooperation_value().stake - 1e-9
    assert b.breakdown_load() >= a.breakdown_load() - 1e-9
    assert (b.breach_probability("quadrature")
            <= a.breach_probability("quadrature") + 1e-15)


@SETTINGS
@given(regimes(sharing=False))
def test_quadrature_agrees_with_the_exact_breach_probability(r):
    exact = r.breach_probability()
    approx = r.breach_probability("quadrature")
    se = math.sqrt(max(exact * (1 - exact), 1e-12) / refugees.QUADRATURE_DRAWS)
    assert abs(approx - exact) <= 5 * se + 1e-4


@SETTINGS
@given(regimes(sharing=False, capped=True))
def test_capped_moments_match_quadrature(r):
    m1, m2, lost = r._obligation_moments()
    load = np.minimum(r._quadrature_loads(), r.cap)
    assert m1 == pytest.approx(load.mean(), rel=0.05, abs=0.5)
    assert lost == pytest.approx(r.mean_arrivals - m1, rel=1e-12, abs=1e-12)
    assert lost >= 0


@FEW
@given(regimes(sharing=False))
def test_a_cap_at_the_self_enforcing_level_never_breaks(r):
    c = r.self_enforcing_cap()
    capped = r.replace(cap=c)
    assert c <= capped.breakdown_load() + 1e-9
    assert capped.breach_probability() == 0.0
    assert capped.simulate(years=30, paths=200, seed=3).share_surviving == 1.0


@FEW
@given(regimes(), st.floats(1.0, 3.0))
def test_a_cap_above_the_efficient_load_weakly_raises_survival_on_every_path(r, mult):
    cap = mult * r.efficient_protection()
    open_, capped = r.simulate(25, 200, seed=5), r.replace(cap=cap).simulate(25, 200, seed=5)
    assert np.all(capped.breakdown_year >= open_.breakdown_year)


# --- the simulation -------------------------------------------------------------------
def test_simulation_is_reproducible_and_matches_the_closed_form():
    r = RefugeeRegime(discount=0.85)
    a = r.simulate(years=120, paths=4000, seed=11)
    b = r.simulate(years=120, paths=4000, seed=11)
    c = r.simulate(years=120, paths=4000, seed=12)
    assert np.array_equal(a.breakdown_year, b.breakdown_year)
    assert not np.array_equal(a.breakdown_year, c.breakdown_year)
    h = r.breach_probability()
    assert a.survival[0] == 1.0 and np.all(np.diff(a.survival) <= 0)
    se = math.sqrt(h * (1 - h) / np.minimum(a.breakdown_year, 120).sum())
    assert abs(a.hazard - h) < 4 * se
    t = np.array([10, 40, 80])
    exact = r.survival(t)
    assert np.all(np.abs(a.survival[t] - exact) < 4 * np.sqrt(exact * (1 - exact) / 4000) + 1e-3)
    finite = a.breakdown_year[np.isfinite(a.breakdown_year)]
    assert np.all(finite >= 1) and np.all(finite <= 120) and np.all(finite == np.round(finite))


def test_simulation_is_vectorised_over_paths_and_reports_progress():
    calls = []
    r = RefugeeRegime(discount=0.97)
    sim = r.simulate(years=200, paths=5000, seed=0,
                     progress=lambda done, total, alive: calls.append((done, total, alive)))
    assert 1 <= len(calls) <= 200 // 20 + 1          # one call per block of years, not per path
    assert calls[-1][0] == 200 and calls[-1][1] == 200
    assert sim.paths == 5000 and sim.breakdown_year.shape == (5000,)


def test_text_progress_is_silent_for_short_runs():
    import io
    buf = io.StringIO()
    report = refugees.text_progress(after=10.0, stream=buf)
    report(5, 10, 0.5)
    report(10, 10, 0.4)
    assert buf.getvalue() == ""
    buf = io.StringIO()
    report = refugees.text_progress(after=0.0, every=0.0, stream=buf)
    report(5, 10, 0.5)
    report(10, 10, 0.4)
    assert "10/10 years" in buf.getvalue() and "40.0%" in buf.getvalue()


@FEW
@given(regimes(sharing=False), st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.floats(0.01, 0.02))
def test_pathwise_monotone_in_patience_and_burden_sharing(r, b1, b2, dd):
    assume(r.discount + dd < 1)
    lo, hi = sorted((b1, b2))
    base = r.replace(burden_share=lo).simulate(30, 300, seed=2)
    shared = r.replace(burden_share=hi).simulate(30, 300, seed=2)
    patient = r.replace(burden_share=lo, discount=r.discount + dd).simulate(30, 300, seed=2)
    assert np.all(shared.breakdown_year >= base.breakdown_year)
    assert np.all(patient.breakdown_year >= base.breakdown_year)


def test_bigger_surges_break_the_convention_sooner_over_the_books_range():
    r = RefugeeRegime()
    for delta in (0.7, 0.8, 0.9, 0.95):
        h = [r.replace(discount=delta, shock_size=s).breach_probability()
             for s in np.linspace(10, 100, 19)]
        assert np.all(np.diff(h) >= 0)


# --- the standards game ------------------------------------------------------------------
def test_upper_tail_matches_math_erfc():
    z = np.linspace(-6, 6, 241)
    want = np.array([0.5 * math.erfc(x / math.sqrt(2)) for x in z])
    assert np.allclose(upper_tail(z), want, atol=2e-7)


def test_cooperative_standard_is_the_likelihood_ratio_threshold():
    g = StandardsGame(economic_share=0.4, discriminability=2.0, refugee_value=1.5,
                      migrant_cost=0.8)
    want = 1.0 + math.log((0.4 / 0.6) * 0.8 / 1.5) / 2.0
    assert g.cooperative_standard() == pytest.approx(want)
    z = np.linspace(-3, 5, 80_001)
    joint = g.payoff(z, z)
    assert z[np.argmax(joint)] == pytest.approx(want, abs=1e-3)


@st.composite
def games(draw):
    return StandardsGame(
        economic_share=draw(st.floats(0.1, 0.9)),
        hosts=draw(st.integers(3, 50)),
        discriminability=draw(st.floats(1.0, 3.0)),
        refugee_value=draw(st.floats(0.5, 2.0)),
        migrant_cost=draw(st.floats(0.5, 2.0)),
        sensitivity=draw(st.floats(0.0, 4.0)),
    )


@FEW
@given(games())
def test_nash_standard_is_a_fixed_point_and_stricter_than_cooperative(g):
    zn, zc = g.nash_standard(), g.cooperative_standard()
    assert g.best_response(zn) == pytest.approx(zn, abs=1e-3)
    if g.sensitivity > 0.05:
        assert zn > zc
    else:
        assert zn == pytest.approx(zc, abs=0.02)


@FEW
@given(games())
def test_standards_are_strategic_complements_and_ratchet_up(g):
    zn, zc = g.nash_standard(), g.cooperative_standard()
    others = np.linspace(zc - 1, zn + 1, 25)
    br = g.best_response(others)
    assert np.all(np.diff(br) >= -1e-5)
    path = g.ratchet(rounds=6)
    assert path[0] == pytest.approx(zc)
    assert np.all(np.diff(path) >= -1e-5)
    assert np.all(path <= zn + 1e-3)


@SETTINGS
@given(games(), st.floats(0.01, 0.05))
def test_more_economic_migrants_raise_the_equilibrium_standard(g, dw):
    assume(g.economic_share + dw <= 0.95)
    more = StandardsGame(g.economic_share + dw, g.hosts, g.discriminability, g.refugee_value,
                         g.migrant_cost, g.sensitivity)
    assert more.nash_standard() > g.nash_standard()
    assert more.cooperative_standard() > g.cooperative_standard()
    assert more.equilibrium().refugees_protected_nash < g.equilibrium().refugees_protected_nash


def test_detection_needed_for_a_deal_on_standards():
    g = StandardsGame()
    gain, stake = g.shading_gain(), g.cooperation_stake()
    assert gain > 0 and stake > 0
    for d in (0.5, 0.8, 0.95):
        assert g.min_detection_probability(d) == pytest.approx(gain * (1 - d) / (d * stake))
    assert g.min_detection_probability(0.95) < g.min_detection_probability(0.5)


# --- bad input --------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, name", [
    ({"hosts": 1}, "hosts"), ({"hosts": 2.5}, "hosts"), ({"altruism": -1.0}, "altruism"),
    ({"altruism": float("nan")}, "altruism"), ({"cost": 0.0}, "cost"),
    ({"cost": float("inf")}, "cost"), ({"base_arrivals": -1.0}, "base_arrivals"),
    ({"shock_prob": 1.5}, "shock_prob"), ({"shock_size": 0.0}, "shock_size"),
    ({"discount": 1.0}, "discount"), ({"discount": -0.1}, "discount"),
    ({"burden_share": 1.2}, "burden_share"), ({"cap": 0.0}, "cap"),
    ({"cap": float("nan")}, "cap"),
])
def test_regime_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=name):
        RefugeeRegime(**kwargs)


def test_regime_methods_reject_bad_input():
    r = RefugeeRegime()
    with pytest.raises(ValueError, match="load"):
        r.temptation(-1.0)
    with pytest.raises(ValueError, match="years"):
        r.survival(float("nan"))
    with pytest.raises(ValueError, match="years"):
        r.simulate(years=0)
    with pytest.raises(ValueError, match="paths"):
        r.simulate(paths=0)
    with pytest.raises(ValueError, match="seed"):
        r.simulate(seed=-1)
    with pytest.raises(ValueError, match="progress"):
        r.simulate(years=5, paths=5, progress="yes")
    with pytest.raises(ValueError, match="method"):
        r.breach_probability("guess")
    with pytest.raises(ValueError, match="nonsense"):
        r.replace(nonsense=1)
    for args, name in [((0, 1.0, 1.0), "hosts"), ((3, -1.0, 1.0), "altruism"),
                       ((3, 1.0, 0.0), "cost")]:
        with pytest.raises(ValueError, match=name):
            protection_levels(*args)
    with pytest.raises(ValueError, match="protection"):
        refugees.host_welfare(-1.0, 3, 1.0, 1.0)


@pytest.mark.parametrize("kwargs, name", [
    ({"economic_share": 0.99}, "economic_share"), ({"economic_share": -0.1}, "economic_share"),
    ({"hosts": 1}, "hosts"), ({"discriminability": 0.0}, "discriminability"),
    ({"refugee_value": float("nan")}, "refugee_value"), ({"migrant_cost": -1.0}, "migrant_cost"),
    ({"sensitivity": -0.5}, "sensitivity"),
])
def test_standards_game_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=name):
        StandardsGame(**kwargs)


def test_standards_methods_reject_bad_input():
    g = StandardsGame()
    with pytest.raises(ValueError, match="own"):
        g.payoff(float("nan"), 0.0)
    with pytest.raises(ValueError, match="others"):
        g.best_response(float("inf"))
    with pytest.raises(ValueError, match="rounds"):
        g.ratchet(rounds=-1)
    with pytest.raises(ValueError, match="discount"):
        g.min_detection_probability(1.0)
