"""Tests of the one-way and reciprocal deals in migcoop.repeated, as the docstrings of
OneWayDeal (and its methods) and ReciprocalDeal state them."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from migcoop.repeated import OneWayDeal, ReciprocalDeal, min_discount_factor

FAST = settings(max_examples=60, deadline=None)
gains = st.floats(0.01, 100.0)


@FAST
@given(gains, gains, st.floats(0.01, 200.0))
def test_thresholds_closed_forms(g, s, t):
    deal = OneWayDeal(g, s)
    assert deal.receiving_threshold(t) == pytest.approx(g / t)
    assert deal.sending_threshold(t) == pytest.approx(t / s)
    assert deal.threshold(t) == pytest.approx(max(g / t, t / s))
    r = deal.receiving_payoffs(t)
    assert (r.cooperate, r.deviate, r.punish) == pytest.approx((t - g, t, 0.0))
    assert r.threshold == pytest.approx(min_discount_factor(t - g, t, 0.0))


@FAST
@given(gains, gains)
def test_no_transfer_no_deal(g, s):
    # with one-way flows and nothing but migration to trade, no delta sustains the deal
    deal = OneWayDeal(g, s)
    assert math.isinf(deal.threshold(0.0))
    assert not deal.holds(0.999, 0.0)


@FAST
@given(gains, gains)
def test_best_transfer_and_its_delta(g, s):
    deal = OneWayDeal(g, s)
    summary = deal.summary()
    assert summary.best_transfer == pytest.approx(math.sqrt(g * s))
    assert summary.min_delta == pytest.approx(math.sqrt(g / s))
    assert summary.exists == (g < s)
    # at the best transfer both sides need the same patience
    t = summary.best_transfer
    assert deal.receiving_threshold(t) == pytest.approx(deal.sending_threshold(t))
    # and no other transfer needs less
    grid = np.linspace(0.001, 3 * t, 400)
    assert np.min(deal.threshold(grid)) >= summary.min_delta * (1 - 1e-9)


@FAST
@given(gains, gains, st.floats(0.01, 0.99), st.floats(0.0, 200.0))
def test_holds_iff_transfer_in_band(g, s, delta, t):
    deal = OneWayDeal(g, s)
    lo, hi = g / delta, delta * s
    assume(abs(t - lo) > 1e-9 * max(1, lo) and abs(t - hi) > 1e-9 * max(1, hi))
    assert deal.holds(delta, t) == (lo <= t <= hi)
    bounds = deal.transfer_bounds(delta)
    assert bounds.lowest == pytest.approx(lo)
    assert bounds.highest == pytest.approx(hi)
    assert bounds.feasible == (lo <= hi)


@FAST
@given(gains, gains, st.floats(0.01, 0.99))
def test_band_nonempty_iff_patient_enough(g, s, delta):
    deal = OneWayDeal(g, s)
    assume(abs(delta - math.sqrt(g / s)) > 1e-9)
    assert deal.transfer_bounds(delta).feasible == (delta > math.sqrt(g / s))


def test_region_grid_broadcasts():
    deal = OneWayDeal(2.0, 8.0)
    deltas = np.linspace(0.05, 0.95, 19)[None, :]
    transfers = np.linspace(0.0, 10.0, 21)[:, None]
    region = deal.holds(deltas, transfers)
    assert region.shape == (21, 19)
    expected = (transfers >= 2.0 / deltas) & (transfers <= 8.0 * deltas)
    clear = (np.abs(transfers - 2.0 / deltas) > 1e-9) & (np.abs(transfers - 8.0 * deltas) > 1e-9)
    assert np.array_equal(region[clear], expected[clear])


def test_edge_cases():
    # R gains from opening up on its own: no payment needed
    assert OneWayDeal(-1.0, 5.0).summary().min_delta == 0.0
    assert OneWayDeal(-1.0, 5.0).holds(0.0, 0.0)
    # S's government counts only a loss: no transfer works
    no = OneWayDeal(1.0, -2.0).summary()
    assert not no.exists and math.isinf(no.min_delta)
    assert not OneWayDeal(1.0, -2.0).holds(0.99, 0.5)
    # R needs more than S will ever pay
    assert not OneWayDeal(9.0, 4.0).summary().exists


def test_reciprocal_deal():
    sym = ReciprocalDeal.symmetric(1.0, 4.0)
    assert sym.thresholds() == pytest.approx((0.25, 0.25))
    assert sym.holds(0.3) and not sym.holds(0.2)
    r, s = sym.payoffs()
    assert (r.cooperate, r.deviate, r.punish) == (3.0, 4.0, 0.0)
    one_way = ReciprocalDeal(1.0, 0.0, 1.0, 4.0)
    assert math.isinf(one_way.min_delta())
    assert not one_way.holds(0.999)


@FAST
@given(gains, gains)
def test_symmetric_threshold_is_restriction_over_access(g, v):
    # a value of 1 or more means no discount factor below one works
    assert ReciprocalDeal.symmetric(g, v).min_delta() == pytest.approx(g / v)


@pytest.mark.parametrize("args,name", [
    ((float("nan"), 1.0), "restriction_gain"), ((1.0, float("inf")), "sending_gain"),
])
def test_one_way_rejects_bad_gains(args, name):
    with pytest.raises(ValueError, match=name):
        OneWayDeal(*args)


def test_one_way_rejects_bad_arguments():
    deal = OneWayDeal(2.0, 8.0)
    for bad in (-1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="transfer"):
            deal.threshold(bad)
    for bad in (1.0, -0.1, float("nan")):
        with pytest.raises(ValueError, match="delta"):
            deal.holds(bad, 1.0)
    for bad in (0.0, 1.0):
        with pytest.raises(ValueError, match="delta"):
            deal.transfer_bounds(bad)


@pytest.mark.parametrize("i,name", [
    (0, "receiving_restriction_gain"), (1, "receiving_access_gain"),
    (2, "sending_restriction_gain"), (3, "sending_access_gain"),
])
def test_reciprocal_rejects_bad_input(i, name):
    args = [1.0, 4.0, 1.0, 4.0]
    args[i] = -1.0 if "access" in name else float("nan")
    with pytest.raises(ValueError, match=name):
        ReciprocalDeal(*args)
    with pytest.raises(ValueError, match="delta"):
        ReciprocalDeal.symmetric(1.0, 4.0).holds(1.5)
