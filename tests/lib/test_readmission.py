"""migcoop.readmission: a quota that shrinks with the sender's overstay rate (chapter 8).

Closed forms checked against brute force (the sender's best effort maximises its payoff on
a fine grid; the receiver's patience is the grim-trigger ratio of payoffs computed from
scratch), and the model's invariants as hypothesis properties.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migcoop import calibrations as cal
from migcoop import repeated
from migcoop.readmission import ReadmissionGame

GRID = np.linspace(0.0, 1.0, 20001)
SETTINGS = settings(max_examples=60, deadline=None)


@st.composite
def games(draw):
    """A game with parameters across their economically plausible ranges."""
    return ReadmissionGame(
        base_overstay=draw(st.floats(0.02, 1.0)),
        sender_gain=draw(st.floats(0.5, 30.0)),
        effort_cost=draw(st.floats(0.0, 30.0)),
        effort_curvature=draw(st.floats(1.0, 200.0)),
        sender_discount=draw(st.floats(0.05, 0.99)),
        good_value=draw(st.floats(0.0, 30.0)),
        overstay_harm=draw(st.floats(0.0, 60.0)),
        absorption=draw(st.floats(0.05, 5.0)),
        receiver_discount=draw(st.floats(0.0, 0.99)),
        reallocation=draw(st.floats(0.0, 1.0)),
    )


def sender_payoff(game, effort, slope, base_quota):
    """S's discounted payoff from effort this year: next year's visas less this year's cost."""
    quota = base_quota - slope * game.base_overstay * (1 - effort)
    cost = game.effort_cost * effort + game.effort_curvature * effort**2 / 2
    return game.sender_discount * game.sender_gain * quota - cost


# --- closed forms ---------------------------------------------------------------------------
def test_baseline_closed_forms():
    g = cal.readmission_game()
    lev = 0.9 * 8.0 * 0.2
    assert g.threshold_slope() == pytest.approx(4.0 / lev)
    assert g.slope_for_effort(1.0) == pytest.approx(44.0 / lev)
    assert g.effort(10.0) == pytest.approx((lev * 10.0 - 4.0) / 40.0)
    assert g.max_effort(3.0) == pytest.approx((0.9 * 8.0 * 3.0 - 4.0) / 40.0)
    assert g.flat_quota() == pytest.approx((10.0 - 35.0 * 0.2) / 0.5)
    assert g.cash_cost(1.0) == pytest.approx(44.0 / 0.9)
    assert g.sender_patience(1.0, 40.0) == pytest.approx(44.0 / (8.0 * 0.2 * 40.0))


def test_effort_maximises_the_senders_payoff():
    g = cal.readmission_game()
    for slope in (0.0, 2.0, 5.0, 17.0, 30.0, 45.0, 60.0):
        best = GRID[np.argmax(sender_payoff(g, GRID, slope, 20.0))]
        assert g.effort(slope) == pytest.approx(best, abs=1e-4)


def test_outcome_by_hand():
    g = cal.readmission_game()
    o = g.outcome(25.0, 18.0)
    e = (0.9 * 8.0 * 0.2 * 25.0 - 4.0) / 40.0
    over = 0.2 * (1 - e)
    n = 18.0 - 25.0 * over
    v = 10.0 - 35.0 * over
    assert (o.effort, o.overstay_rate, o.quota) == pytest.approx((e, over, n))
    assert o.receiver_welfare == pytest.approx(v * n - 0.25 * n**2)
    assert o.sender_welfare == pytest.approx(8.0 * n - 4.0 * e - 20.0 * e**2)
    cut = 25.0 * 0.2 * e
    cost = (v * n - 0.25 * n**2) - (v * (n - cut) - 0.25 * (n - cut) ** 2)
    flat = g.flat().receiver_welfare
    w = o.receiver_welfare
    assert o.cut_if_shirk == pytest.approx(cut)
    assert o.receiver_patience == pytest.approx(cost / (cost + w - flat))
    assert o.receiver_patience == pytest.approx(repeated.min_discount_factor(w, w + cost, flat))


def test_ideal_rule_for_full_effort():
    g = cal.readmission_game()
    rule = g.ideal_rule(1.0)
    assert rule.effort == pytest.approx(1.0) and rule.overstay_rate == pytest.approx(0.0)
    assert rule.quota == pytest.approx(10.0 / 0.5)          # v(1) / kappa
    assert rule.receiver_welfare == pytest.approx(10.0**2 / (2 * 0.5))
    assert rule.slope == pytest.approx(g.slope_for_effort(1.0))


def test_flat_quota_is_the_best_quota_without_effort():
    g = cal.readmission_game()
    quotas = np.linspace(0.0, 20.0, 4001)
    v0 = float(g.visa_value(0.0))
    assert g.flat().receiver_welfare == pytest.approx(np.max(v0 * quotas - 0.25 * quotas**2), abs=1e-4)
    no_programme = cal.readmission_game(overstay_harm=60.0)
    assert no_programme.flat_quota() == 0.0 and no_programme.flat().receiver_welfare == 0.0


def test_reallocation_removes_the_cost_of_cutting():
    pooled = cal.readmission_game(reallocation=1.0)
    assert pooled.outcome(45.0, 10.0).receiver_patience == 0.0
    alone = cal.readmission_game().outcome(45.0, 10.0)
    some = cal.readmission_game(reallocation=cal.POOL_REALLOCATION).outcome(45.0, 10.0)
    assert 0 < some.receiver_patience < alone.receiver_patience < 1


def test_bad_rules_are_rejected_by_name():
    g = cal.readmission_game()
    with pytest.raises(ValueError, match="slope=.*base_quota"):
        g.outcome(60.0, 10.0)          # would take away more than the whole quota
    with pytest.raises(ValueError, match="effort"):
        g.ideal_rule(1.5)
    with pytest.raises(ValueError, match="sender"):
        cal.readmission_game("nobody")


# --- properties -------------------------------------------------------------------------------
@SETTINGS
@given(games(), st.floats(0.0, 500.0), st.floats(0.0, 500.0))
def test_effort_rises_with_the_slope(game, a, b):
    lo, hi = sorted((a, b))
    assert 0.0 <= game.effort(lo) <= game.effort(hi) <= 1.0
    assert game.overstay_rate(game.effort(hi)) <= game.overstay_rate(game.effort(lo))


@SETTINGS
@given(games())
def test_no_link_no_effort(game):
    assert game.effort(0.0) == 0.0
    assert game.effort(game.threshold_slope()) == pytest.approx(0.0, abs=1e-9)
    assert game.effort(game.slope_for_effort(1.0)) == pytest.approx(1.0)


@SETTINGS
@given(games(), st.floats(0.001, 1.0))
def test_slope_for_effort_inverts_the_best_response(game, target):
    slope = game.slope_for_effort(target)
    assert game.effort(slope) == pytest.approx(target, rel=1e-9, abs=1e-9)
    assert game.effort(slope * (1 - 1e-6)) <= target
    assert game.sender_patience(target, slope) == pytest.approx(game.sender_discount, rel=1e-9)


@SETTINGS
@given(games(), st.floats(0.001, 1.0), st.floats(0.1, 400.0))
def test_patience_condition_matches_the_best_response(game, target, slope):
    """S makes at least ``target`` effort exactly when its discount factor meets the condition."""
    need = game.sender_patience(target, slope)
    makes = game.effort(slope) >= target * (1 - 1e-9)
    assert makes == (game.sender_discount >= need * (1 - 1e-9))


@SETTINGS
@given(games(), st.floats(0.0, 300.0))
def test_no_rule_buys_more_than_the_stake(game, base_quota):
    top = game.max_effort(base_quota)
    slopes = np.linspace(0.0, base_quota / game.base_overstay, 201)
    assert np.all(np.asarray(game.effort(slopes)) <= top + 1e-12)
    assert game.effort(base_quota / game.base_overstay) == pytest.approx(top)


@SETTINGS
@given(games(), st.floats(0.0, 1.0))
def test_the_ideal_rule_for_an_effort(game, target):
    rule = game.ideal_rule(target)
    assert rule.effort == pytest.approx(target, abs=1e-9)
    assert rule.cut_if_shirk <= rule.quota + 1e-9                     # a sender loses only what it has
    assert rule.base_quota >= rule.slope * game.base_overstay * (1 - 1e-12)
    assert rule.quota >= float(game.stake_quota(target)) * (1 - 1e-9) - 1e-9
    # Where the stake does not bind, R gets its ideal programme and beats the flat quota.
    ideal = max(float(game.visa_value(target)), 0.0) / game.absorption
    if ideal >= float(game.stake_quota(target)):
        assert rule.quota == pytest.approx(ideal)
        assert rule.receiver_welfare >= game.flat().receiver_welfare - 1e-9 * (1 + rule.receiver_welfare)


@SETTINGS
@given(games())
def test_best_rule_beats_every_other_rule_and_the_flat_quota(game):
    best = game.best_rule()
    scale = 1e-7 * (1 + abs(best.receiver_welfare))
    assert best.receiver_welfare >= game.flat().receiver_welfare - scale
    brute = max(game.ideal_rule(float(e)).receiver_welfare for e in np.linspace(0.0, 1.0, 401))
    assert best.receiver_welfare >= brute - scale


def test_when_the_stake_binds_the_rule_can_lose_to_the_flat_quota():
    """A receiver that wants few workers must grant a larger programme to make the threat
    bite; buying full effort can then cost it more than it saves."""
    small = cal.readmission_game(absorption=4.0)
    assert small.stake_quota(1.0) > small.visa_value(1.0) / small.absorption
    assert small.ideal_rule(1.0).receiver_welfare < small.flat().receiver_welfare
    best = small.best_rule()
    assert 0 < best.effort < 1 and best.receiver_welfare > small.flat().receiver_welfare


@SETTINGS
@given(games(), st.floats(0.0, 1.0))
def test_cash_costs_the_receiver_what_the_visa_rule_does_not(game, target):
    """A bonus that buys effort ``e`` pays ``e (psi + chi e) / delta`` a year, at least the
    effort's cost to S; a one-off payment buys none (effort needs a future reward)."""
    cash = game.cash_cost(target)
    assert cash >= float(game.effort_cost_of(target)) - 1e-9
    bonus = (game.effort_cost + game.effort_curvature * target) / (game.sender_discount * game.base_overstay)
    assert cash == pytest.approx(bonus * game.base_overstay * target, rel=1e-9, abs=1e-12)


@SETTINGS
@given(games(), st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_reallocation_makes_the_threat_cheaper(game, target, share):
    rule = game.ideal_rule(target)
    steeper = game.outcome(rule.slope * 1.5, rule.base_quota + rule.slope * game.base_overstay)
    for o in (rule, steeper):
        a = ReadmissionGame(**{**game.__dict__, "reallocation": 0.0}).outcome(o.slope, o.base_quota)
        b = ReadmissionGame(**{**game.__dict__, "reallocation": share}).outcome(o.slope, o.base_quota)
        assert b.receiver_patience <= a.receiver_patience + 1e-12
        assert math.isnan(a.receiver_patience) is False


@SETTINGS
@given(games(), st.floats(0.0, 1.0), st.floats(1.0, 3.0))
def test_receiver_patience_is_a_probability_when_the_rule_pays(game, target, steeper):
    """Below 1 when the rule beats the flat quota; ``inf`` when it does not and a cut costs R."""
    rule = game.ideal_rule(target)
    o = game.outcome(rule.slope * steeper, rule.base_quota + rule.slope * (steeper - 1) * game.base_overstay)
    flat = game.flat().receiver_welfare
    if o.receiver_welfare > flat + 1e-9 * (1 + abs(flat)):
        assert 0.0 <= o.receiver_patience < 1.0
        assert o.credible == (game.receiver_discount >= o.receiver_patience)
    elif o.receiver_patience > 0:
        assert o.receiver_patience == math.inf and not o.credible
