"""Tests of migcoop.two_country: closed forms, Borjas's published numbers, and the invariants
stated in the docstrings of the module, TwoCountryEconomy (efficient_migration,
breakeven_transfer_rate, voluntary_migration), TwoCountryOutcome, GroupGains,
BrainDrainEconomy and immigration_surplus."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from migcoop.two_country import (
    BrainDrainEconomy,
    TwoCountryEconomy,
    borjas_accounts,
    immigration_surplus,
)

FAST = settings(max_examples=60, deadline=None)


def economy(**kw):
    base = dict(capital_share=1 / 3, receiving_capital=300.0, receiving_labor=100.0,
                sending_capital=60.0, sending_labor=80.0)
    base.update(kw)
    return TwoCountryEconomy(**base)


economies = st.builds(
    TwoCountryEconomy,
    capital_share=st.floats(0.15, 0.6),
    receiving_capital=st.floats(50.0, 500.0),
    receiving_labor=st.floats(20.0, 200.0),
    sending_capital=st.floats(5.0, 100.0),
    sending_labor=st.floats(20.0, 200.0),
    receiving_tfp=st.floats(1.0, 2.5),
    sending_tfp=st.floats(0.5, 1.0),
)


# --- closed forms ---------------------------------------------------------------
def test_efficient_migration_closed_form():
    # alpha = 1/2, A = 1: k_i = K_i, m* = (L_S K_R - L_R K_S) / (K_R + K_S)
    e = TwoCountryEconomy(0.5, 100.0, 100.0, 25.0, 100.0)
    assert e.efficient_migration() == pytest.approx((100 * 100 - 100 * 25) / 125)
    o = e.outcome(e.efficient_migration())
    assert o.receiving_wage == pytest.approx(o.sending_wage)


def test_wages_are_marginal_products():
    e = economy(receiving_tfp=1.4)
    m, h = 10.0, 1e-5
    mpl_r = (e.receiving_output(e.receiving_labor + m + h) - e.receiving_output(e.receiving_labor + m - h)) / (2 * h)
    mpl_s = (e.sending_output(e.sending_labor - m + h) - e.sending_output(e.sending_labor - m - h)) / (2 * h)
    assert e.receiving_wage(m) == pytest.approx(mpl_r, rel=1e-7)
    assert e.sending_wage(m) == pytest.approx(mpl_s, rel=1e-7)


def test_no_migration_when_receiving_wage_is_not_higher():
    e = TwoCountryEconomy(0.3, 50.0, 100.0, 50.0, 100.0)  # identical countries
    assert e.efficient_migration() == 0.0
    assert e.wage_gap == pytest.approx(1.0)


def test_immigration_surplus_published_values():
    # Borjas (1995): s = 0.7, e = 0.3, m = 0.1 gives a surplus of about 0.1% of GDP,
    # a loss to native workers of about 1.9% and a gain to capital of about 2.0%.
    assert immigration_surplus(0.7, 0.3, 0.1) == pytest.approx(0.001, rel=0.06)
    acc = borjas_accounts(0.7, 0.3, 0.1)
    assert acc.native_labor_loss == pytest.approx(0.019, rel=0.01)
    assert acc.capital_gain == pytest.approx(0.020, rel=0.01)


@FAST
@given(st.floats(0.0, 1.0), st.floats(0.0, 2.0), st.floats(0.001, 0.99))
def test_borjas_accounts_identities(s, e, m):
    acc = borjas_accounts(s, e, m)
    assert acc.surplus == pytest.approx(0.5 * s * e * m**2)
    assert acc.capital_gain - acc.native_labor_loss == pytest.approx(acc.surplus, abs=1e-12)
    assert acc.redistribution_ratio == pytest.approx(2 * (1 - m) / m)
    assert immigration_surplus(s, e, m) == pytest.approx(acc.surplus)


def test_borjas_ratio_infinite_without_immigrants():
    assert math.isinf(borjas_accounts(0.7, 0.3, 0.0).redistribution_ratio)


@FAST
@given(st.floats(0.2, 0.5), st.floats(0.002, 0.02))
def test_borjas_formula_approximates_the_cobb_douglas_surplus(alpha, share):
    # In a Cobb-Douglas economy labor's share is 1 - alpha and the wage elasticity alpha;
    # for a small immigrant share Borjas's triangle approximates the exact natives' gain.
    e = TwoCountryEconomy(alpha, 300.0, 100.0, 10.0, 1000.0, receiving_tfp=2.0)
    m = share * 100.0 / (1 - share)  # immigrants / (natives + immigrants) = share
    assume(m < e.efficient_migration())
    exact = e.gains(m).receiving_natives / e.outcome(m).receiving_output
    approx = immigration_surplus(1 - alpha, alpha, share)
    assert exact == pytest.approx(approx, rel=0.1)


# --- invariants (the module and TwoCountryEconomy docstrings) --------------------
@FAST
@given(economies, st.floats(0.01, 1.0))
def test_groups_gain_and_lose_as_migration_rises_to_efficient_level(e, frac):
    m_star = e.efficient_migration()
    assume(m_star > 1e-3)
    g = e.gains(frac * m_star)
    assert g.migrant_workers > 0            # migrants gain
    assert g.receiving_capital > 0          # receiving owners gain
    assert g.receiving_workers < 0          # receiving workers lose
    assert g.receiving_natives > 0          # the immigration surplus
    assert g.receiving_capital > -g.receiving_workers
    assert g.left_behind_workers > 0        # labor is scarcer at home
    assert g.sending_capital < 0            # sending owners lose
    assert g.left_behind < 0                # stayers as a whole lose without transfers
    assert g.world > 0


@FAST
@given(economies, st.floats(0.0, 0.99))
def test_accounting_identities(e, frac):
    m = frac * e.sending_labor
    o = e.outcome(m)
    assert o.world_output == pytest.approx(o.receiving_natives + o.migrant_income + o.left_behind)
    assert o.receiving_output == pytest.approx(
        o.receiving_capital_income + o.receiving_native_labor_income + o.migrant_earnings)
    g = e.gains(m)
    total = (g.receiving_natives + g.migrant_workers + g.left_behind)
    assert total == pytest.approx(g.world, rel=1e-9, abs=1e-9)


@FAST
@given(economies, st.floats(0.0, 0.95))
def test_world_output_peaks_where_wages_equalise(e, frac):
    m_star = e.efficient_migration()
    best = e.outcome(m_star).world_output
    assert best >= e.outcome(frac * e.sending_labor).world_output - 1e-9 * best
    # the slope of world output is the wage gap
    m, h = frac * e.sending_labor, 1e-4
    assume(m > h and m + h < e.sending_labor)
    slope = (e.outcome(m + h).world_output - e.outcome(m - h).world_output) / (2 * h)
    assert slope == pytest.approx(e.receiving_wage(m) - e.sending_wage(m), rel=1e-4, abs=1e-6)


@FAST
@given(economies, st.floats(0.05, 1.0), st.floats(0.0, 0.5))
def test_breakeven_tax_makes_left_behind_whole_and_migrants_still_gain(e, frac, remit):
    m = frac * e.efficient_migration()
    assume(m > 1e-3)
    rate = e.breakeven_transfer_rate(m)
    assert 0 < rate < 1
    assume(remit <= rate)
    e2 = TwoCountryEconomy(e.capital_share, e.receiving_capital, e.receiving_labor,
                           e.sending_capital, e.sending_labor, e.receiving_tfp, e.sending_tfp,
                           remittance_share=remit)
    tax = e2.breakeven_emigration_tax(m)
    assert tax == pytest.approx(rate - remit, abs=1e-12)
    e3 = TwoCountryEconomy(e.capital_share, e.receiving_capital, e.receiving_labor,
                           e.sending_capital, e.sending_labor, e.receiving_tfp, e.sending_tfp,
                           remittance_share=remit, emigration_tax=tax)
    g = e3.gains(m)
    scale = e3.outcome(m).migrant_earnings
    assert g.left_behind == pytest.approx(0.0, abs=1e-9 * scale)
    assert g.migrant_workers > 0


def test_breakeven_rate_zero_without_migration_and_vectorised():
    e = economy()
    ms = np.array([0.0, 5.0, 10.0])
    rates = e.breakeven_transfer_rate(ms)
    assert rates[0] == 0.0
    assert rates[1] == pytest.approx(e.breakeven_transfer_rate(5.0))
    assert np.all(np.diff(rates) > 0)


def test_remittances_beyond_breakeven_need_no_tax():
    e = economy(remittance_share=0.9)
    assert e.breakeven_emigration_tax(5.0) == 0.0


@FAST
@given(economies, st.floats(0.0, 0.8))
def test_voluntary_migration(e, tax):
    e2 = TwoCountryEconomy(e.capital_share, e.receiving_capital, e.receiving_labor,
                           e.sending_capital, e.sending_labor, e.receiving_tfp, e.sending_tfp,
                           emigration_tax=tax)
    m = e2.voluntary_migration()
    assert m <= e.efficient_migration() + 1e-9
    if tax == 0:
        assert m == pytest.approx(e.efficient_migration())
    if m > 0:
        assert (1 - tax) * e2.receiving_wage(m) == pytest.approx(e2.sending_wage(m), rel=1e-9)


def test_deal_stakes():
    e = economy(receiving_tfp=1.3)
    m = 0.5 * e.efficient_migration()
    g = e.gains(m)
    plain = e.deal_stakes(m)
    assert plain.restriction_gain == pytest.approx(-g.receiving_natives)
    assert plain.sending_gain == pytest.approx(g.left_behind)
    assert plain.sending_gain < 0          # a government counting only stayers loses
    weighted = e.deal_stakes(m, external_cost=2.0, worker_weight=3.0, migrant_weight=1.0)
    assert weighted.restriction_gain == pytest.approx(
        2.0 * m - g.receiving_capital - 3.0 * g.receiving_workers)
    assert weighted.sending_gain == pytest.approx(g.left_behind + g.migrant_workers)
    assert weighted.world_gain == pytest.approx(g.world - 2.0 * m)


def test_outcome_vectorises():
    e = economy()
    ms = np.linspace(0, 30, 7)
    arr = e.outcome(ms)
    for i, m in enumerate(ms):
        assert arr.left_behind[i] == pytest.approx(e.outcome(m).left_behind)
        assert arr.receiving_wage[i] == pytest.approx(e.outcome(m).receiving_wage)


# --- the brain drain ------------------------------------------------------------
brain = st.builds(
    BrainDrainEconomy,
    capital_share=st.floats(0.1, 0.4),
    skilled_share=st.floats(0.1, 0.4),
    capital=st.floats(10.0, 500.0),
    skilled=st.floats(5.0, 50.0),
    unskilled=st.floats(20.0, 200.0),
    skilled_wage_abroad=st.floats(0.0, 50.0),
)


@FAST
@given(brain, st.floats(0.01, 0.9))
def test_brain_drain_hurts_the_unskilled_and_those_left_behind(b, frac):
    h = frac * b.skilled
    o, o0 = b.outcome(h), b.outcome(0.0)
    assert o.unskilled_wage < o0.unskilled_wage
    assert o.unskilled_gain < 0
    assert o.skilled_wage > o0.skilled_wage
    assert o.capital_income < o0.capital_income
    assert o.left_behind_gain < 0


def test_brain_drain_complementarity_closed_form():
    b = BrainDrainEconomy(0.3, 0.25, 100.0, 20.0, 80.0, tfp=1.5)
    h = 1e-6
    y0 = b.outcome(0.0).output
    dwu_dh = (b.outcome(0.0).unskilled_wage - b.outcome(h).unskilled_wage) / h
    assert dwu_dh == pytest.approx(0.25 * 0.45 * y0 / (20.0 * 80.0), rel=1e-4)


def test_brain_drain_breakeven_rate():
    b = BrainDrainEconomy(0.3, 0.3, 100.0, 20.0, 80.0, skilled_wage_abroad=20.0)
    rate = b.breakeven_transfer_rate(4.0)
    assert 0 < rate < 1
    b2 = BrainDrainEconomy(0.3, 0.3, 100.0, 20.0, 80.0, skilled_wage_abroad=20.0,
                           emigration_tax=rate)
    assert b2.outcome(4.0).left_behind_gain == pytest.approx(0.0, abs=1e-9)
    none_abroad = BrainDrainEconomy(0.3, 0.3, 100.0, 20.0, 80.0)
    assert math.isinf(none_abroad.breakeven_transfer_rate(4.0))
    assert none_abroad.breakeven_transfer_rate(0.0) == 0.0


# --- bad input --------------------------------------------------------------------
GOOD = dict(capital_share=0.3, receiving_capital=100.0, receiving_labor=100.0,
            sending_capital=20.0, sending_labor=100.0)


@pytest.mark.parametrize("name,value", [
    ("capital_share", 0.0), ("capital_share", 1.0), ("capital_share", float("nan")),
    ("receiving_capital", -1.0), ("receiving_capital", float("inf")), ("receiving_capital", 0.0),
    ("receiving_labor", 0.0), ("sending_capital", float("nan")), ("sending_labor", -5.0),
    ("receiving_tfp", 0.0), ("sending_tfp", float("inf")),
    ("remittance_share", 1.5), ("remittance_share", -0.1), ("emigration_tax", float("nan")),
    ("emigration_tax", 2.0),
])
def test_economy_rejects_bad_parameters(name, value):
    with pytest.raises(ValueError, match=name):
        TwoCountryEconomy(**{**GOOD, name: value})


def test_transfers_above_earnings_rejected():
    with pytest.raises(ValueError, match="remittance_share \\+ emigration_tax"):
        TwoCountryEconomy(**GOOD, remittance_share=0.6, emigration_tax=0.5)


@pytest.mark.parametrize("m", [-1.0, 100.0, 150.0, float("nan"), float("inf")])
def test_outcome_rejects_bad_migrants(m):
    e = TwoCountryEconomy(**GOOD)
    for method in (e.outcome, e.gains, e.receiving_wage, e.sending_wage,
                   e.breakeven_transfer_rate, e.breakeven_emigration_tax, e.deal_stakes):
        with pytest.raises(ValueError, match="migrants"):
            method(m)


@pytest.mark.parametrize("kw,name", [
    ({"external_cost": -1.0}, "external_cost"), ({"worker_weight": float("nan")}, "worker_weight"),
    ({"migrant_weight": 1.5}, "migrant_weight"),
])
def test_deal_stakes_rejects_bad_weights(kw, name):
    with pytest.raises(ValueError, match=name):
        TwoCountryEconomy(**GOOD).deal_stakes(5.0, **kw)


@pytest.mark.parametrize("args,name", [
    ((1.5, 0.3, 0.1), "labor_share"), ((float("nan"), 0.3, 0.1), "labor_share"),
    ((0.7, -0.3, 0.1), "wage_elasticity"), ((0.7, float("inf"), 0.1), "wage_elasticity"),
    ((0.7, 0.3, 1.0), "immigrant_share"), ((0.7, 0.3, -0.1), "immigrant_share"),
])
def test_borjas_rejects_bad_input(args, name):
    with pytest.raises(ValueError, match=name):
        immigration_surplus(*args)
    with pytest.raises(ValueError, match=name):
        borjas_accounts(*args)


BD = dict(capital_share=0.3, skilled_share=0.3, capital=100.0, skilled=20.0, unskilled=80.0)


@pytest.mark.parametrize("name,value", [
    ("capital_share", 0.0), ("skilled_share", 1.0), ("capital", -1.0), ("skilled", 0.0),
    ("unskilled", float("nan")), ("tfp", float("inf")), ("skilled_wage_abroad", -1.0),
    ("remittance_share", 1.1), ("emigration_tax", -0.2),
])
def test_brain_drain_rejects_bad_parameters(name, value):
    with pytest.raises(ValueError, match=name):
        BrainDrainEconomy(**{**BD, name: value})


def test_brain_drain_rejects_shares_summing_to_one_and_bad_emigrants():
    with pytest.raises(ValueError, match="capital_share \\+ skilled_share"):
        BrainDrainEconomy(**{**BD, "capital_share": 0.5, "skilled_share": 0.5})
    b = BrainDrainEconomy(**BD)
    for h in (-1.0, 20.0, float("nan")):
        with pytest.raises(ValueError, match="emigrants"):
            b.outcome(h)
