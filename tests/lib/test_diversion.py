"""Tests of migcoop.diversion: Viner's creation and diversion, MFN, caps, as stated in the
docstrings of the module, DiversionModel (preferential, breakeven_cost_gap) and
DiversionOutcome."""

import math
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from migcoop.diversion import DiversionModel

FAST = settings(max_examples=60, deadline=None)


@st.composite
def setups(draw, barrier_type=None, cap=False):
    """A model (A the cheaper source), a barrier and a preference."""
    alpha = draw(st.floats(50.0, 500.0))
    beta = draw(st.floats(0.5, 5.0))
    choke = alpha / beta
    w_a = draw(st.floats(0.0, 0.5)) * choke
    w_b = w_a + draw(st.floats(0.0, 0.3)) * choke
    kind = barrier_type or draw(st.sampled_from(["revenue", "resource"]))
    tau = draw(st.floats(0.0, 1.0)) * (choke - w_b)
    pref = draw(st.floats(0.0, 1.0)) * tau
    cap_value = draw(st.floats(0.05, 1.5)) * alpha if cap else math.inf
    rent_share = draw(st.floats(0.0, 1.0)) if cap else 1.0
    model = DiversionModel(alpha, beta, w_a, w_b, kind, cap_value, rent_share)
    return model, tau, pref


# --- closed forms ---------------------------------------------------------------
def test_creation_and_diversion_formulas_for_a_full_preference():
    alpha, beta, w_a, w_b, tau = 100.0, 1.0, 10.0, 14.0, 10.0
    model = DiversionModel(alpha, beta, w_a, w_b)
    m0, m1 = alpha - beta * (w_a + tau), alpha - beta * w_b
    deal = model.preferential_deal(tau, tau)
    assert deal.before.from_a == m0 and deal.after.from_b == m1
    assert deal.creation == pytest.approx(0.5 * (w_a + tau - w_b) * (m1 - m0))
    assert deal.diversion == pytest.approx((w_b - w_a) * m0)
    assert deal.world_change == pytest.approx(deal.creation - deal.diversion)
    assert deal.world_change < 0 < deal.volume_change   # less welfare, more migrants


def test_preference_too_small_changes_nothing():
    model = DiversionModel(100.0, 1.0, 10.0, 14.0)
    for p in (0.0, 2.0, 4.0):   # ties go to A
        deal = model.preferential_deal(10.0, p)
        assert deal.after.from_b == 0.0
        assert deal.world_change == 0.0 and deal.volume_change == 0.0


def test_outcome_fields_under_mfn():
    model = DiversionModel(100.0, 2.0, 10.0, 14.0)
    o = model.mfn(5.0)
    assert o.supply_price == 15.0 and o.migrants == 70.0 and o.from_a == 70.0
    assert o.employer_surplus == pytest.approx(70.0**2 / 4)
    assert o.barrier_revenue == pytest.approx(350.0)
    assert o.world_welfare == pytest.approx(o.receiving_welfare)


def test_binding_cap_makes_preference_pure_diversion():
    model = DiversionModel(100.0, 1.0, 10.0, 14.0, cap=50.0)
    deal = model.preferential_deal(10.0, 10.0)
    assert deal.volume_change == 0.0 and deal.creation == 0.0
    assert deal.world_change == pytest.approx(-(14.0 - 10.0) * 50.0)
    assert model.breakeven_cost_gap(10.0) == 0.0


def test_cap_with_rents_to_migrants_puts_the_loss_on_the_excluded_source():
    model = DiversionModel(100.0, 1.0, 10.0, 14.0, cap=50.0, rent_share=0.0)
    deal = model.preferential_deal(10.0, 10.0)
    p_emp = 100.0 - 50.0
    assert deal.excluded_change == pytest.approx(-(p_emp - 10.0 - 10.0) * 50.0)
    assert deal.partner_change == pytest.approx((p_emp - 14.0) * 50.0)
    assert deal.receiving_change + deal.partner_change > 0   # the two parties gain together
    assert deal.world_change < 0                              # the world loses
    assert deal.world_change == pytest.approx(
        deal.receiving_change + deal.partner_change + deal.excluded_change)


def test_breakeven_cost_gap_closed_form():
    model = DiversionModel(100.0, 1.0, 10.0, 14.0)
    g = model.breakeven_cost_gap(10.0)
    m0 = 80.0
    # 1/2 beta (tau - g)^2 = g M0 for a full preference
    assert 0.5 * (10.0 - g) ** 2 == pytest.approx(g * m0)
    assert replace(model, cost_b=10.0 + g).preferential_deal(10.0, 10.0).world_change == pytest.approx(0.0, abs=1e-9)
    assert DiversionModel(100.0, 1.0, 10.0, 14.0, "resource").breakeven_cost_gap(10.0, 6.0) == 6.0


def test_vectorised_outcome():
    model = DiversionModel(100.0, 1.0, 10.0, 14.0)
    prefs = np.linspace(0, 10, 11)
    deals = model.preferential_deal(10.0, prefs)
    for i, p in enumerate(prefs):
        assert deals.world_change[i] == pytest.approx(model.preferential_deal(10.0, p).world_change)


# --- invariants -----------------------------------------------------------------
@FAST
@given(setups(cap=True))
def test_identities(setup):
    model, tau, pref = setup
    deal = model.preferential_deal(tau, pref)
    assert deal.world_change == pytest.approx(
        deal.after.world_welfare - deal.before.world_welfare, rel=1e-9, abs=1e-7)
    for o in (deal.before, deal.after):
        assert o.from_a + o.from_b == pytest.approx(o.migrants)
        assert o.migrants <= model.cap + 1e-9
        assert o.world_welfare == pytest.approx(o.receiving_welfare + o.rent_a + o.rent_b)


@FAST
@given(setups(cap=True), st.floats(0.0, 1.0))
def test_mfn_liberalisation_never_lowers_world_welfare(setup, frac):
    model, tau, _ = setup
    change = model.mfn_liberalisation(tau, frac * tau)
    assert change.world_change >= -1e-9 * max(1.0, abs(change.before.world_welfare))
    assert change.volume_change >= 0
    assert change.diversion <= 1e-9 * max(1.0, abs(change.before.world_welfare))


@FAST
@given(setups(cap=True))
def test_preference_never_lowers_volume(setup):
    model, tau, pref = setup
    assert model.preferential_deal(tau, pref).volume_change >= 0


@FAST
@given(setups(barrier_type="resource", cap=True))
def test_resource_cost_barrier_preference_gains(setup):
    model, tau, pref = setup
    change = model.preferential_deal(tau, pref)
    assert change.world_change >= -1e-9 * max(1.0, abs(change.before.world_welfare))


@FAST
@given(setups(barrier_type="revenue"))
def test_revenue_barrier_deal_sign_follows_breakeven_gap(setup):
    model, tau, pref = setup
    gap = model.cost_b - model.cost_a
    assume(pref > 0 and gap < pref)
    g_star = model.breakeven_cost_gap(tau, pref)
    assume(abs(gap - g_star) > 1e-6 * max(1.0, g_star))
    change = model.preferential_deal(tau, pref).world_change
    assert (change > 0) == (gap < g_star)


@FAST
@given(setups(barrier_type="revenue", cap=True))
def test_binding_cap_preference_is_pure_diversion(setup):
    model, tau, pref = setup
    before = model.mfn(tau)
    assume(model.demand(before.supply_price) > model.cap)   # the cap binds
    deal = model.preferential_deal(tau, pref)
    assert deal.volume_change == pytest.approx(0.0, abs=1e-9)
    assert deal.creation == pytest.approx(0.0, abs=1e-6)
    assert deal.world_change == pytest.approx(
        -(model.cost_b - model.cost_a) * model.cap * (deal.after.from_b > 0), abs=1e-6)


# --- a channel of B's own outside the cap (TN, E-3) -------------------------------
def test_separate_quota_under_a_binding_cap_only_creates():
    """Cap 50 binds at A's delivered price 20; B's own channel (price 24) adds 10 places."""
    model = DiversionModel(100.0, 1.0, 10.0, 14.0, cap=50.0)
    own = model.separate_quota(barrier=10.0, quota=10.0)
    assert own.before.migrants == 50.0 and own.after.from_a == 50.0 and own.after.from_b == 10.0
    # creation: the trapezoid between demand (50 at x = 50, 40 at x = 60) and B's cost 14
    assert own.creation == pytest.approx(10.0 * ((50.0 + 40.0) / 2 - 14.0))
    assert own.diversion == pytest.approx(0.0, abs=1e-9)
    assert own.world_change == pytest.approx(own.creation)
    # no limit on B's channel: B is hired until the demand price falls to 24 (76 migrants)
    tn = model.separate_quota(barrier=10.0, quota=math.inf)
    assert tn.after.migrants == pytest.approx(76.0)
    assert tn.world_change == pytest.approx(26.0 * ((50.0 + 24.0) / 2 - 14.0))
    # the same places added to the cap for every source come from A and gain more
    mfn = model.compare(model.mfn(10.0), replace(model, cap=60.0).mfn(10.0))
    assert mfn.world_change == pytest.approx(10.0 * ((50.0 + 40.0) / 2 - 10.0))
    assert mfn.world_change - own.world_change == pytest.approx((14.0 - 10.0) * 10.0)


def test_separate_quota_with_free_visas_lowers_the_capped_migrants_rent():
    model = DiversionModel(100.0, 1.0, 10.0, 14.0, cap=50.0, rent_share=0.0)
    own = model.separate_quota(barrier=10.0, quota=10.0)
    # the employers' wage falls from P(50) = 50 to P(60) = 40: A's 50 migrants lose 10 each
    assert own.excluded_change == pytest.approx(-500.0)
    assert own.world_change == pytest.approx(
        own.receiving_change + own.partner_change + own.excluded_change)


def test_separate_quota_without_cap_or_limit_is_a_preference():
    model = DiversionModel(120.0, 4.0, 10.0, 13.0)
    for pref in (0.0, 2.0, 3.5, 8.0):
        own = model.separate_quota(8.0, math.inf, 8.0 - pref)
        deal = model.preferential_deal(8.0, pref)
        for field in ("volume_change", "creation", "diversion", "world_change"):
            assert getattr(own, field) == pytest.approx(getattr(deal, field), abs=1e-9), field


@FAST
@given(setups(cap=True), st.floats(0.0, 1.0), st.floats(0.0, 2.0))
def test_separate_quota_identities(setup, quota_share, barrier_ratio):
    model, tau, _ = setup
    quota = quota_share * model.demand_intercept
    own = model.separate_quota(tau, quota, barrier_ratio * tau)
    after = own.after
    assert own.volume_change >= -1e-9                       # a channel only adds places
    assert after.from_a + after.from_b == pytest.approx(after.migrants)
    assert after.from_a <= own.before.from_a + 1e-9
    assert after.migrants - own.before.migrants <= quota + 1e-9
    assert own.world_change == pytest.approx(after.world_welfare - own.before.world_welfare,
                                             rel=1e-9, abs=1e-7)
    assert own.world_change == pytest.approx(own.creation - own.diversion, rel=1e-9, abs=1e-7)
    assert after.world_welfare == pytest.approx(after.receiving_welfare + after.rent_a + after.rent_b)


@FAST
@given(setups(cap=True), st.floats(0.0, 1.0), st.floats(1.0, 2.0))
def test_separate_quota_that_employers_use_last_never_diverts(setup, quota_share, barrier_ratio):
    """B's own channel at least as dear to employers as the capped one: pure creation, which
    an MFN increase of the cap by the same number of places matches or beats."""
    model, tau, _ = setup
    quota = quota_share * model.demand_intercept
    partner_barrier = barrier_ratio * tau + (model.cost_a - model.cost_b)
    assume(partner_barrier >= 0)
    own = model.separate_quota(tau, quota, partner_barrier)
    scale = 1e-9 * max(1.0, abs(own.before.world_welfare))
    assert own.diversion == pytest.approx(0.0, abs=1e-6 * max(1.0, abs(own.before.world_welfare)))
    assert own.world_change >= -scale
    if math.isfinite(model.cap):
        raised = replace(model, cap=model.cap + quota)
        mfn = model.compare(model.mfn(tau), raised.mfn(tau))
        assert mfn.world_change >= own.world_change - 1e-6 * max(1.0, abs(own.before.world_welfare))


def test_separate_quota_rejects_bad_arguments():
    model = DiversionModel(100.0, 1.0, 10.0, 14.0, cap=50.0)
    for bad in (-1.0, float("nan")):
        with pytest.raises(ValueError, match="quota"):
            model.separate_quota(10.0, bad)
        with pytest.raises(ValueError, match="partner_barrier"):
            model.separate_quota(10.0, 5.0, bad)
    with pytest.raises(ValueError, match="partner_barrier"):
        model.separate_quota(10.0, 5.0, float("inf"))


# --- bad input --------------------------------------------------------------------
GOOD = dict(demand_intercept=100.0, demand_slope=1.0, cost_a=10.0, cost_b=14.0)


@pytest.mark.parametrize("name,value", [
    ("demand_intercept", 0.0), ("demand_intercept", float("nan")), ("demand_slope", -1.0),
    ("demand_slope", float("inf")), ("cost_a", -1.0), ("cost_a", 100.0), ("cost_b", float("nan")),
    ("cost_b", 200.0), ("barrier_type", "tariff"), ("cap", 0.0), ("cap", -5.0),
    ("cap", float("nan")), ("rent_share", 1.5), ("rent_share", -0.1),
])
def test_model_rejects_bad_parameters(name, value):
    with pytest.raises(ValueError, match=name):
        DiversionModel(**{**GOOD, name: value})


def test_methods_reject_bad_arguments():
    model = DiversionModel(**GOOD)
    for bad in (-1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="barrier"):
            model.mfn(bad)
        with pytest.raises(ValueError, match="barrier_a"):
            model.outcome(bad, 1.0)
        with pytest.raises(ValueError, match="barrier_b"):
            model.outcome(1.0, bad)
        with pytest.raises(ValueError, match="preference"):
            model.preferential_deal(10.0, bad)
        with pytest.raises(ValueError, match="cut"):
            model.mfn_liberalisation(10.0, bad)
    with pytest.raises(ValueError, match="preference"):
        model.preferential_deal(5.0, 6.0)
    with pytest.raises(ValueError, match="cut"):
        model.mfn_liberalisation(5.0, 6.0)
    with pytest.raises(ValueError, match="preference"):
        model.breakeven_cost_gap(5.0, 6.0)
    with pytest.raises(ValueError, match="before"):
        model.compare("x", model.mfn(1.0))
