"""migcoop.refugees: closed forms, simulation and bad input, and the invariants stated in the
docstrings of the module, RefugeeRegime (breakdown_load, pooling_factor, simulate) and
StandardsGame."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from migcoop import refugees
from migcoop.refugees import (
    DeterrenceGame,
    FirstEntryRule,
    RefugeeRegime,
    StandardsGame,
    protection_levels,
    upper_tail,
)

SETTINGS = settings(max_examples=60, deadline=None)
FEW = settings(max_examples=25, deadline=None)


# --- the public good --------------------------------------------------------------------
def test_protection_levels_closed_form():
    lv = protection_levels(10, 10.0, 2.0)
    assert lv.nash == 5.0 and lv.joint == 50.0
    assert lv.nash_total == 50.0 and lv.joint_total == 500.0
    assert lv.nash_welfare == pytest.approx(10 * 10 * 5 - 2 * 25 / 2)
    assert lv.joint_welfare == pytest.approx(10 * 10 * 50 - 2 * 2500 / 2)
    arr = protection_levels(4, np.array([1.0, 2.0]), 1.0)
    assert np.allclose(arr.nash, [1.0, 2.0]) and np.allclose(arr.joint, [4.0, 8.0])


@SETTINGS
@given(st.integers(2, 50), st.floats(0.1, 50.0), st.floats(0.05, 10.0), st.floats(0.0, 3.0))
def test_nash_is_below_the_joint_optimum_which_maximises_welfare(n, a, k, frac):
    lv = protection_levels(n, a, k)
    assert lv.nash < lv.joint
    assert lv.joint_welfare >= refugees.host_welfare(frac * lv.joint, n, a, k) - 1e-9
    assert lv.joint_welfare > lv.nash_welfare
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
    cap = mult * r.joint_protection()
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


# --- movement and deterrence ------------------------------------------------------------
@st.composite
def deterrence_games(draw):
    return DeterrenceGame(
        hosts=draw(st.integers(2, 30)),
        altruism=draw(st.floats(0.0, 30.0)),
        cost=draw(st.floats(0.1, 5.0)),
        arrivals=draw(st.floats(1.0, 120.0)),
        redirect=draw(st.floats(0.0, 1.0)),
        deterrence_cost=draw(st.floats(10.0, 20_000.0)),
    )


SHARES = np.linspace(0.0, 1.0, 20_001)


def test_deterrence_by_hand():
    g = DeterrenceGame(hosts=4, altruism=2.0, cost=1.0, arrivals=10.0, redirect=0.25,
                       deterrence_cost=100.0)
    o = g.outcome(0.4, 0.2)
    # own load 10(1 - 0.4 + 0.25*0.2) = 6.5; another host gets 10(1 - 0.2 + 0.25*(0.4 + 2*0.2)/3)
    assert o.own_load == pytest.approx(6.5)
    assert o.other_load == pytest.approx(10 * (1 - 0.2 + 0.25 * 0.8 / 3))
    assert o.unprotected == pytest.approx(0.75 * 10 * (0.4 + 3 * 0.2))
    assert o.own_welfare == pytest.approx(2 * o.total_protection - 6.5**2 / 2 - 100 * 0.16 / 2)
    # best response (100(1 + 0.25y) - 2*0.75*10) / (100 + 100) at y = 0.2
    assert g.best_response(0.2) == pytest.approx((100 * 1.05 - 15) / 200)
    assert g.nash_deterrence() == pytest.approx((100 - 15) / (100 + 75))
    # arrivals 10 exceed the joint optimum N alpha / k = 8, so the hosts jointly deter a little
    assert g.joint_deterrence() == pytest.approx(0.75 * 10 * (10 - 8) / (100 + 100 * 0.75**2))
    assert g.replace(arrivals=8.0).joint_deterrence() == 0.0


@SETTINGS
@given(deterrence_games(), st.floats(0.0, 1.0))
def test_best_response_maximises_the_hosts_own_welfare(g, others):
    w = g.outcome(SHARES, others).own_welfare
    assert g.best_response(others) == pytest.approx(SHARES[np.argmax(w)], abs=1e-4)


@SETTINGS
@given(deterrence_games())
def test_nash_deterrence_is_the_fixed_point_and_the_joint_optimum_maximises_welfare(g):
    zn, zj = g.nash_deterrence(), g.joint_deterrence()
    assert g.best_response(zn) == pytest.approx(zn, abs=1e-9)
    joint = g.outcome(SHARES, SHARES).own_welfare
    assert zj == pytest.approx(SHARES[np.argmax(joint)], abs=1e-4)
    eq = g.equilibrium()
    assert eq.welfare_nash <= eq.welfare_joint + 1e-9 * (1 + abs(eq.welfare_joint))
    assert zn >= zj - 1e-12                    # hosts keep away more than they jointly would
    assert eq.protection_nash <= eq.protection_joint + 1e-9


@SETTINGS
@given(deterrence_games(), st.floats(0.0, 0.9), st.floats(0.0, 1.0), st.floats(0.01, 0.1))
def test_one_hosts_deterrence_lowers_protection_and_raises_the_others_load(g, x, y, dx):
    before, after = g.outcome(x, y), g.outcome(x + dx, y)
    n, a0, mu = g.hosts, g.arrivals, g.redirect
    assert after.total_protection - before.total_protection == pytest.approx(-(1 - mu) * a0 * dx)
    assert after.other_load - before.other_load == pytest.approx(mu * a0 * dx / (n - 1))
    assert after.own_load < before.own_load
    # every refugee is protected by someone or kept away unprotected
    for o in (before, after):
        assert o.own_load + (n - 1) * o.other_load == pytest.approx(o.total_protection)
        assert o.total_protection + o.unprotected == pytest.approx(n * a0)


@SETTINGS
@given(deterrence_games())
def test_deterrence_is_a_best_response_when_others_host_and_choices_are_complements(g):
    br0 = g.best_response(0.0)
    binds = g.cost * g.arrivals > g.altruism * (1 - g.redirect)
    assert (br0 > 0) == binds or br0 == pytest.approx(0.0, abs=1e-12)
    if g.arrivals > g.altruism / g.cost:           # the Convention asks more than Nash
        assert br0 > 0
    assert np.all(np.diff(g.best_response(np.linspace(0, 1, 101))) >= -1e-15)


@SETTINGS
@given(deterrence_games())
def test_when_arrivals_are_below_the_joint_optimum_deterrence_hurts_every_host(g):
    assume(g.arrivals * g.cost <= g.hosts * g.altruism)
    eq = g.equilibrium()
    assert eq.joint == 0.0
    assert eq.welfare_nash <= eq.welfare_convention + 1e-9 * (1 + abs(eq.welfare_convention))
    assert eq.protection_nash <= eq.protection_convention


def test_with_full_redirection_deterrence_only_shifts_the_burden():
    g = DeterrenceGame(redirect=1.0)
    eq = g.equilibrium()
    assert eq.nash > 0 and eq.joint == 0.0
    assert eq.protection_nash == pytest.approx(eq.protection_convention)
    assert eq.welfare_nash < eq.welfare_convention


# --- a first-entry rule --------------------------------------------------------------------
@st.composite
def entry_rules(draw, paid=False):
    r = draw(regimes(sharing=False))
    return FirstEntryRule(regime=r, frontline=draw(st.integers(1, r.hosts - 1)),
                          entry_rule=draw(st.floats(0.0, 1.0)),
                          solidarity=draw(st.floats(0.0, 3000.0)) if paid else 0.0)


@SETTINGS
@given(regimes(sharing=False), st.data())
def test_without_the_rule_the_regime_returns(r, data):
    rule = FirstEntryRule(regime=r, frontline=data.draw(st.integers(1, r.hosts - 1)))
    v = rule.values()
    assert rule.multipliers == (1.0, 1.0)
    assert v.frontline_stake == pytest.approx(r.cooperation_value().stake, abs=1e-9)
    assert v.frontline_breakdown_load == pytest.approx(r.breakdown_load())
    assert rule.breach_probability() == pytest.approx(r.breach_probability(), rel=1e-9, abs=1e-15)


@SETTINGS
@given(entry_rules(paid=True))
def test_the_rule_moves_load_without_changing_its_total(rule):
    mf, mi = rule.multipliers
    n, nf = rule.regime.hosts, rule.frontline
    assert nf * mf + (n - nf) * mi == pytest.approx(n)
    assert mf >= 1 >= mi >= 0
    # the payments balance: what frontline hosts receive, interior hosts pay
    free = rule.replace(solidarity=0.0).values()
    v = rule.values()
    assert nf * (v.frontline_stake - free.frontline_stake) == pytest.approx(
        -(n - nf) * (v.interior_stake - free.interior_stake), rel=1e-9, abs=1e-6)


def test_frontline_stake_against_simulated_years():
    r = RefugeeRegime()
    rule = FirstEntryRule(regime=r, frontline=3, entry_rule=0.3)
    mf, mi = rule.multipliers
    rng = np.random.default_rng(7)
    a = r.base_arrivals + r.shock_size * rng.standard_exponential(2_000_000) * (
        rng.random(2_000_000) < r.shock_prob)
    c = r.nash_protection()
    convention = r.altruism * r.hosts * a.mean() - r.cost * (mf * a) ** 2 / 2
    nash = (r.altruism * (3 * np.minimum(mf * a, c).mean() + 7 * np.minimum(mi * a, c).mean())
            - r.cost * np.minimum(mf * a, c) ** 2 / 2)
    assert rule.values().frontline_stake == pytest.approx(convention.mean() - nash.mean(), rel=0.02)


@SETTINGS
@given(entry_rules(), st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_a_stronger_rule_raises_the_frontline_breach_probability(rule, z1, z2):
    # The book's range: even a normal year's arrivals are at least twice what a host would
    # protect alone (three times in the chapter). Closer to the Nash level a rule can raise the
    # frontline's stake instead: after a collapse the interior hosts, holding fewer refugees,
    # protect fewer, which makes the Convention worth more to the frontline.
    assume(rule.regime.base_arrivals >= 2 * rule.regime.nash_protection())
    lo, hi = sorted((z1, z2))
    weak, strong = rule.replace(entry_rule=lo).values(), rule.replace(entry_rule=hi).values()
    assert strong.frontline_breach >= weak.frontline_breach - 1e-12
    assert strong.interior_breach <= weak.interior_breach + 1e-12


@SETTINGS
@given(entry_rules(), st.floats(0.0, 5000.0), st.floats(0.0, 5000.0))
def test_a_solidarity_payment_protects_the_frontline_at_the_interiors_expense(rule, x1, x2):
    lo, hi = sorted((x1, x2))
    low, high = rule.replace(solidarity=lo).values(), rule.replace(solidarity=hi).values()
    assert high.frontline_breach <= low.frontline_breach + 1e-15
    assert high.interior_breach >= low.interior_breach - 1e-15
    assert high.frontline_breakdown_load >= low.frontline_breakdown_load


def test_the_books_rule_makes_the_convention_more_fragile():
    r = RefugeeRegime()
    for nf in (2, 3, 5):
        h = [FirstEntryRule(regime=r, frontline=nf, entry_rule=z).breach_probability()
             for z in np.linspace(0, 0.5, 26)]
        assert np.all(np.diff(h) >= 0) and h[-1] > h[0]


def test_first_entry_rule_rejects_bad_input():
    with pytest.raises(ValueError, match="regime"):
        FirstEntryRule(regime=RefugeeRegime(burden_share=0.3))
    with pytest.raises(ValueError, match="regime"):
        FirstEntryRule(regime=RefugeeRegime(cap=100.0))
    with pytest.raises(ValueError, match="frontline"):
        FirstEntryRule(frontline=10)
    with pytest.raises(ValueError, match="entry_rule"):
        FirstEntryRule(entry_rule=1.5)
    with pytest.raises(ValueError, match="solidarity"):
        FirstEntryRule(solidarity=-1.0)
    with pytest.raises(ValueError, match="years"):
        FirstEntryRule().survival(-1.0)
    with pytest.raises(ValueError, match="others"):
        DeterrenceGame().best_response(1.5)
    with pytest.raises(ValueError, match="own"):
        DeterrenceGame().outcome(-0.1, 0.0)
    with pytest.raises(ValueError, match="redirect"):
        DeterrenceGame(redirect=1.1)
    with pytest.raises(ValueError, match="arrivals"):
        DeterrenceGame(arrivals=0.0)


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
