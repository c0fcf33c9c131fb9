"""migcoop.temporary: when temporary migration eases the one-way problem."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from migcoop.calibrations import temporary_arrangement, two_country_economy
from migcoop.repeated import OneWayDeal
from migcoop.screening import good_share_admitted, pass_rate
from migcoop.temporary import TemporaryMigration, ties_share
from migcoop.two_country import TwoCountryEconomy

FAST = settings(max_examples=60, deadline=None)
MODEL = temporary_arrangement()
rates = st.floats(0.0, 5.0)
shares = st.floats(0.0, 0.3)


SETTLED = st.floats(0.0, 0.3)
VOLUNTARY = st.floats(0.0, 0.5)
ROTATION = st.one_of(st.just(0.0), st.floats(1e-3, 2.0))


def models(settled=SETTLED, voluntary=VOLUNTARY, rotation=ROTATION):
    return st.builds(
        temporary_arrangement,
        migrants=st.floats(1.0, 30.0), settle_rate=st.floats(0.05, 1.0),
        citizen_weight=st.floats(0.0, 1.0), welfare_share=st.floats(0.0, 0.5),
        welfare_cost=st.floats(0.0, 5.0), family_cost=st.floats(0.0, 2.0),
        screen_tpr=st.floats(0.5, 1.0), screen_fpr=st.floats(0.0, 1.0),
        sender_screening_cost=st.floats(0.0, 1.0), settled_remittance_share=settled,
        voluntary_return_rate=voluntary, rotation_cost=rotation,
    )


def baseline_models():
    """The first edition's model: settled migrants send nothing, nobody leaves early, no rotation cost."""
    return models(st.just(0.0), st.just(0.0), st.just(0.0))


def pieces(model):
    """(A, L, E, G, world) of the model's two-country economy, computed here from chapter 5."""
    econ = model.economy
    g, o = econ.gains(model.migrants), econ.outcome(model.migrants)
    surplus = g.receiving_capital + model.worker_weight * g.receiving_workers
    return surplus, -g.left_behind, o.migrant_earnings, g.migrant_workers, g.world


def screening(model):
    if model.sender_screening_cost == 0:
        return 0.0
    return model.sender_screening_cost * model.migrants / pass_rate(
        model.welfare_share, model.screen_tpr, model.screen_fpr)


# --- ties -------------------------------------------------------------------------------
def test_ties_share_closed_form():
    assert ties_share(0.0, 0.2) == 0.0
    assert ties_share(0.2, 0.2) == 0.5
    gamma = np.array([0.1, 1.0, 10.0])
    assert np.allclose(ties_share(gamma, 0.5), gamma / (gamma + 0.5))
    # voluntary return and the programme's return are the same for the share with ties
    assert np.allclose(ties_share(gamma, 0.5, 0.3), (gamma + 0.3) / (gamma + 0.8))
    assert ties_share(0.0, 0.2, 0.2) == 0.5


@FAST
@given(rates, rates, st.floats(0.05, 1.0))
def test_ties_share_steady_state(gamma, nu, phi):
    """theta solves the flow balance: newcomers with ties (replacing all who go home, tied
    or settled) equal those who cut ties plus the tied who go home."""
    theta = ties_share(gamma, phi, nu)
    inflow = gamma + nu                       # per migrant abroad, all replaced by the tied
    outflow = (gamma + nu + phi) * theta      # the tied who leave or settle
    assert math.isclose(inflow, outflow, rel_tol=1e-12, abs_tol=1e-12)


# --- the valuations -----------------------------------------------------------------------
@FAST
@given(models(), rates, shares)
def test_stakes_are_the_two_country_economy_s(model, gamma, r):
    """R's and the world's valuations are chapter 5's deal stakes with the external cost
    e plus the turnover cost; S's are those of the economy in which migrants remit their
    steady-state average share, plus what the citizens with ties keep after their own
    remittances, weighted by beta."""
    o = model.outcome(gamma, r)
    tau = ties_share(gamma, model.settle_rate, model.voluntary_return_rate)
    r_avg = r * tau + model.settled_remittance_share * (1 - tau)
    econ = model.economy
    remitting = TwoCountryEconomy(econ.capital_share, econ.receiving_capital,
                                  econ.receiving_labor, econ.sending_capital, econ.sending_labor,
                                  remittance_share=r_avg)
    per_migrant = o.external_cost + model.rotation_cost * (gamma + model.voluntary_return_rate)
    stakes = remitting.deal_stakes(model.migrants, external_cost=per_migrant,
                                   worker_weight=model.worker_weight)
    _, _, earnings, gross, _ = pieces(model)
    citizens = model.citizen_weight * tau * (gross - r * earnings)
    assert math.isclose(o.receiving_gain, stakes.receiving_value, rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(o.sending_gain + o.screening_cost, stakes.sending_gain + citizens,
                        rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(o.world_gain + o.screening_cost, stakes.world_gain,
                        rel_tol=1e-9, abs_tol=1e-9)


@FAST
@given(models(), rates, shares)
def test_sender_valuation_closed_form(model, gamma, r):
    """V_S = Delta_L - K + rho_s E + theta E (rho_bar - rho_s), rho_bar = (1 - beta) rho + beta G/E."""
    _, loss, earnings, gross, _ = pieces(model)
    b, rs = model.citizen_weight, model.settled_remittance_share
    theta = (gamma + model.voluntary_return_rate) / (
        gamma + model.voluntary_return_rate + model.settle_rate)
    rho_bar = (1 - b) * r + b * gross / earnings
    want = -loss - screening(model) + rs * earnings + theta * earnings * (rho_bar - rs)
    assert math.isclose(model.outcome(gamma, r).sending_gain, want, rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(model.tied_value_share(r), rho_bar, rel_tol=1e-12, abs_tol=1e-15)


@FAST
@given(models(settled=st.just(0.0)), rates, shares, shares)
def test_remittances_are_a_transfer_when_beta_is_one(model, gamma, r1, r2):
    """With beta = 1 a remitted dollar moves from a citizen abroad to his family, both
    counted fully: S's valuation does not depend on the remittance share. (The first
    edition's beta theta (G_M - rho theta E) fails this: it subtracted only theta of the
    remittances from the migrants' gain.)"""
    full = model.replace(citizen_weight=1.0)
    a, b = full.outcome(gamma, r1).sending_gain, full.outcome(gamma, r2).sending_gain
    assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def test_citizen_value_counts_the_tied_migrants_gain_after_their_remittances():
    """One number worked by hand from chapter 5's economy: theta = 0.5, rho = 0.1, beta = 0.5."""
    model = temporary_arrangement(citizen_weight=0.5)
    _, loss, earnings, gross, _ = pieces(model)
    o = model.outcome(0.2, 0.1)                            # theta = 0.2 / 0.4
    assert o.ties_share == 0.5
    assert math.isclose(o.citizen_value, 0.5 * 0.5 * (gross - 0.1 * earnings), rel_tol=1e-12)
    assert math.isclose(o.sending_gain, -loss + 0.05 * earnings + o.citizen_value, rel_tol=1e-12)
    assert not math.isclose(o.citizen_value, 0.25 * (gross - 0.05 * earnings), rel_tol=1e-6)


@FAST
@given(baseline_models(), rates, shares)
def test_baseline_is_the_first_edition_model_when_beta_is_zero(model, gamma, r):
    """With rho_s = nu = c_r = 0 and beta = 0 nothing changed: V_S = Delta_L + rho theta E - K
    and V_R = A - e m, e = (1 - q) h + (1 - theta) c_f."""
    plain = model.replace(citizen_weight=0.0)
    surplus, loss, earnings, _, _ = pieces(plain)
    theta = gamma / (gamma + plain.settle_rate)
    q = good_share_admitted(plain.welfare_share, plain.screen_tpr, plain.screen_fpr)
    e = (1 - q) * plain.welfare_cost + (1 - theta) * plain.family_cost
    o = plain.outcome(gamma, r)
    assert math.isclose(o.sending_gain, -loss + r * theta * earnings - screening(plain),
                        rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(o.receiving_gain, surplus - e * plain.migrants, rel_tol=1e-9, abs_tol=1e-9)


@FAST
@given(models(), rates)
def test_external_cost_closed_form(model, gamma):
    q = good_share_admitted(model.welfare_share, model.screen_tpr, model.screen_fpr)
    tau = ties_share(gamma, model.settle_rate, model.voluntary_return_rate)
    want = (1 - q) * model.welfare_cost + (1 - tau) * model.family_cost
    assert math.isclose(model.external_cost(gamma), want, rel_tol=1e-12, abs_tol=1e-12)
    o = model.outcome(gamma, 0.1)
    assert math.isclose(o.turnover_cost,
                        model.rotation_cost * (gamma + model.voluntary_return_rate) * model.migrants,
                        rel_tol=1e-12, abs_tol=1e-12)


# --- permanent against temporary ------------------------------------------------------------
@FAST
@given(models(rotation=st.just(0.0)), rates, rates, shares)
def test_receiver_gains_from_temporariness_without_rotation_cost(model, a, b, r):
    lo, hi = sorted((a, b))
    assert model.outcome(hi, r).receiving_gain >= model.outcome(lo, r).receiving_gain - 1e-12


@FAST
@given(models(), rates, rates, shares)
def test_sender_ranks_stays_by_what_a_tied_migrant_is_worth(model, a, b, r):
    """S's valuation rises with the return rate when a migrant with ties is worth more to
    it than a settled one (rho_bar > rho_s), and falls when he is worth less."""
    lo, hi = sorted((a, b))
    v_lo, v_hi = model.outcome(lo, r).sending_gain, model.outcome(hi, r).sending_gain
    if model.tied_value_share(r) >= model.settled_remittance_share:
        assert v_hi >= v_lo - 1e-9
    else:
        assert v_hi <= v_lo + 1e-9


@FAST
@given(models(), st.floats(0.01, 5.0), shares)
def test_permanent_gap_closed_form_and_sign(model, gamma, r):
    gap = model.permanent_gap(gamma, r)
    direct = model.outcome(gamma, r).sending_gain - model.permanent(r).sending_gain
    assert math.isclose(gap, direct, rel_tol=1e-9, abs_tol=1e-9)
    diff = model.tied_value_share(r) - model.settled_remittance_share
    assume(abs(diff) > 1e-6)
    assert (gap > 0) == (diff > 0)


@FAST
@given(models(), st.floats(0.01, 5.0), shares, st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_voluntary_return_narrows_the_gap(model, gamma, r, a, b):
    lo, hi = sorted((a, b))
    gap_lo = model.replace(voluntary_return_rate=lo).permanent_gap(gamma, r)
    gap_hi = model.replace(voluntary_return_rate=hi).permanent_gap(gamma, r)
    assert abs(gap_hi) <= abs(gap_lo) + 1e-12


@FAST
@given(models(), shares, st.floats(0.0, 1.0))
def test_permanent_threshold_in_settled_remittances(model, r, nu):
    """At the least settled remittance share (when it lies strictly inside (0, 1)), S just
    breaks even from a permanent arrangement; a bit more and it gains, a bit less and it loses."""
    need = float(model.permanent_min_settled_share(r, nu))
    here = model.replace(voluntary_return_rate=nu)
    assert math.isclose(need, float(here.permanent_min_settled_share(r)), rel_tol=1e-12)
    if 1e-6 < need < 1 - 1e-6:
        at = here.replace(settled_remittance_share=need).permanent(r)
        assert abs(at.sending_gain) < 1e-7 * max(1.0, at.left_behind_loss)
        above = here.replace(settled_remittance_share=min(need * 1.001 + 1e-9, 1.0))
        below = here.replace(settled_remittance_share=need * 0.999)
        assert above.permanent(r).acceptable_to_sender
        assert not below.permanent(r).acceptable_to_sender
    elif need == 0:
        assert here.replace(settled_remittance_share=0.0).permanent(r).acceptable_to_sender


@FAST
@given(models(), shares, st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_voluntary_return_lowers_the_permanent_threshold_while_ties_are_worth_more(model, r, a, b):
    lo, hi = sorted((a, b))
    need_lo, need_hi = model.permanent_min_settled_share(r, lo), model.permanent_min_settled_share(r, hi)
    need = float(model.permanent_min_settled_share(r, 0.0))
    if model.tied_value_share(r) >= need:      # a tied migrant covers the loss on his own
        assert need_hi <= need_lo + 1e-12


@FAST
@given(baseline_models(), shares)
def test_first_edition_permanent_migration_only_costs_the_sender(model, r):
    """The one-way problem of the first edition: with nobody returning and settled
    migrants sending nothing, nothing comes home."""
    o = model.permanent(r)
    assert o.ties_share == 0.0 and o.remittances == 0.0 and o.citizen_value == 0.0
    assert math.isclose(o.sending_gain, -o.left_behind_loss - o.screening_cost)
    assert o.sending_gain < 0 and not o.acceptable_to_sender


# --- the receiving side ------------------------------------------------------------------
@FAST
@given(models(), rates, shares, st.floats(0.0, 0.5))
def test_a_sharper_screen_lowers_the_welfare_cost(model, gamma, r, cut):
    sharper = model.replace(screen_fpr=model.screen_fpr * (1 - cut))
    assert sharper.external_cost(gamma) <= model.external_cost(gamma) + 1e-12
    assert sharper.outcome(gamma, r).receiving_gain >= model.outcome(gamma, r).receiving_gain - 1e-12


@FAST
@given(models(rotation=st.floats(0.01, 2.0)))
def test_receiver_best_return_rate_is_the_maximum(model):
    """The closed form sqrt(phi c_f / c_r) - phi - nu meets the first-order condition and
    beats every other return rate."""
    best = model.receiver_best_return_rate()
    grid = np.linspace(0.0, max(3 * best, 5.0), 2001)
    values = model.outcome(grid, 0.1).receiving_gain
    at_best = model.outcome(best, 0.1).receiving_gain
    assert at_best >= values.max() - 1e-9
    x = best + model.voluntary_return_rate
    if best > 0:      # interior: the first-order condition holds
        marginal = model.settle_rate * model.family_cost / (x + model.settle_rate) ** 2
        assert math.isclose(marginal, model.rotation_cost, rel_tol=1e-9)
        h = 1e-5 * max(best, 1e-3)
        slope = (model.outcome(best + h, 0.1).receiving_gain
                 - model.outcome(best - h, 0.1).receiving_gain) / (2 * h)
        assert abs(slope) < 1e-5 * model.migrants


@FAST
@given(models(rotation=st.floats(0.01, 2.0)), st.floats(1.01, 10.0))
def test_best_stay_rises_with_the_rotation_cost(model, factor):
    dearer = model.replace(rotation_cost=model.rotation_cost * factor)
    assert dearer.receiver_best_return_rate() <= model.receiver_best_return_rate() + 1e-12


def test_best_return_rate_without_rotation_cost():
    assert math.isinf(MODEL.receiver_best_return_rate())
    assert MODEL.replace(family_cost=0.0).receiver_best_return_rate() == 0.0
    dear = MODEL.replace(rotation_cost=MODEL.family_cost / MODEL.settle_rate)  # c_r = c_f / phi
    assert dear.receiver_best_return_rate() == 0.0                            # permanence is best


@FAST
@given(models(rotation=st.floats(0.01, 2.0)), shares)
def test_joint_best_return_rate_is_the_maximum_of_the_sum(model, r):
    best = model.joint_best_return_rate(r)
    assume(math.isfinite(best))
    grid = np.linspace(0.0, max(3 * best, 5.0), 2001)
    o = model.outcome(grid, r)
    at = model.outcome(best, r)
    assert at.receiving_gain + at.sending_gain >= (o.receiving_gain + o.sending_gain).max() - 1e-9
    if model.tied_value_share(r) >= model.settled_remittance_share:
        assert best >= model.receiver_best_return_rate() - 1e-12     # S values ties too


@FAST
@given(models())
def test_receiver_window(model):
    window = model.receiver_return_window()
    if window is None:
        assert math.isinf(model.receiver_min_return_rate())
        grid = np.linspace(0.0, 50.0, 2001)
        assert not np.any(model.outcome(grid, 0.1).acceptable_to_receiver)
        return
    lo, hi = window
    assert lo == model.receiver_min_return_rate()
    if model.rotation_cost == 0:
        assert math.isinf(hi)
    best = model.receiver_best_return_rate()
    if math.isfinite(best):
        assert lo - 1e-9 <= best <= hi + 1e-9
        assert model.outcome(best, 0.1).acceptable_to_receiver
    if lo > 0:
        assert model.outcome(lo * 1.001 + 1e-9, 0.1).acceptable_to_receiver or lo * 1.001 > hi
        assert not model.outcome(lo * 0.999, 0.1).acceptable_to_receiver
    if math.isfinite(hi) and 0 < hi < 1e9:
        assert not model.outcome(hi * 1.001 + 1e-9, 0.1).acceptable_to_receiver
        assert model.outcome(max(hi * 0.999, lo), 0.1).acceptable_to_receiver


@FAST
@given(models(rotation=st.just(0.0)))
def test_receiver_min_ties_without_rotation_cost(model):
    """theta_R* = 1 - (A/m - (1 - q) h) / c_f, clipped to [0, 1], or inf."""
    surplus = pieces(model)[0]
    q = good_share_admitted(model.welfare_share, model.screen_tpr, model.screen_fpr)
    room = surplus / model.migrants - (1 - q) * model.welfare_cost
    got = model.receiver_min_ties()
    if room >= model.family_cost:
        assert got == 0.0
    elif room <= 0:
        assert math.isinf(got)
    else:
        assert math.isclose(got, 1 - room / model.family_cost, rel_tol=1e-9)


# --- the sending side's boundaries -----------------------------------------------------------
@FAST
@given(models(), st.floats(0.01, 0.3))
def test_sender_boundaries(model, r):
    gamma = model.sender_min_return_rate(r)
    if math.isfinite(gamma) and gamma > 0:
        assert model.outcome(gamma * 1.001 + 1e-9, r).acceptable_to_sender
        assert not model.outcome(gamma * 0.999, r).acceptable_to_sender
        need = model.sender_min_remittance_share(gamma * 1.01)
        assert need <= r + 1e-9
    elif gamma == 0:
        assert model.permanent(r).acceptable_to_sender
    for x in (0.3, 1.0, 3.0):
        need = model.sender_min_remittance_share(x)
        if 0 < need < 1:
            assert model.outcome(x, min(need * 1.001 + 1e-9, 1.0)).acceptable_to_sender
            assert not model.outcome(x, need * 0.999).acceptable_to_sender


# --- the chapter -------------------------------------------------------------------------
def test_the_chapter_s_story():
    seasonal, permanent = MODEL.outcome(1.0, 0.1), MODEL.permanent(0.1)
    assert not permanent.acceptable_to_sender and seasonal.acceptable_to_sender
    screened = MODEL.with_screen(0.95, 0.2)
    assert not seasonal.acceptable_to_receiver and screened.outcome(1.0, 0.1).acceptable_to_receiver
    assert screened.receiver_min_return_rate() < MODEL.receiver_min_return_rate()
    # Settled migrants who still send a little home are enough for S, but permanence only
    # matches temporariness for S when they send as much as migrants with ties.
    need = MODEL.permanent_min_settled_share(0.1)
    assert 0 < need < 0.1
    assert MODEL.replace(settled_remittance_share=0.1).permanent_gap(1.0, 0.1) == 0.0


def test_linkage_is_the_one_way_deal():
    deal = MODEL.linkage(0.5, 0.1)
    o = MODEL.outcome(0.5, 0.1)
    assert isinstance(deal, OneWayDeal)
    assert deal.restriction_gain == -o.receiving_gain and deal.sending_gain == o.sending_gain
    s = deal.summary()
    assert math.isclose(s.best_transfer, math.sqrt(-o.receiving_gain * o.sending_gain))


def test_outcome_broadcasts_to_a_grid():
    gamma = np.linspace(0, 2, 5)[None, :]
    r = np.linspace(0, 0.2, 3)[:, None]
    grid = MODEL.outcome(gamma, r)
    assert np.shape(grid.sending_gain) == (3, 5)
    assert math.isclose(grid.sending_gain[2, 4], MODEL.outcome(2.0, 0.2).sending_gain)
    assert grid.expected_stay[0, 0] == math.inf and grid.expected_stay[0, 2] == 1.0
    leaving = MODEL.replace(voluntary_return_rate=0.25).outcome(gamma, r)
    assert leaving.expected_stay[0, 0] == 4.0 and leaving.expected_stay[0, 2] == 1 / 1.25


# --- bad input ---------------------------------------------------------------------------
@pytest.mark.parametrize("name, value", [
    ("migrants", -1.0), ("migrants", 50.0), ("migrants", float("nan")),
    ("settle_rate", 0.0), ("settle_rate", float("inf")),
    ("citizen_weight", 1.5), ("welfare_share", 1.0), ("welfare_cost", -1.0),
    ("family_cost", float("nan")), ("screen_tpr", 0.0), ("screen_fpr", 1.2),
    ("sender_screening_cost", -0.1), ("worker_weight", -1.0), ("migrants", np.array([1.0, 2.0])),
    ("settled_remittance_share", -0.1), ("settled_remittance_share", 1.5),
    ("voluntary_return_rate", -0.1), ("voluntary_return_rate", float("inf")),
    ("rotation_cost", -1.0), ("rotation_cost", float("nan")),
])
def test_rejects_bad_parameters(name, value):
    with pytest.raises(ValueError, match=name):
        temporary_arrangement(**{name: value})


def test_rejects_bad_economy_and_arguments():
    with pytest.raises(ValueError, match="economy"):
        TemporaryMigration("economy")
    econ = two_country_economy()
    remitting = TwoCountryEconomy(econ.capital_share, econ.receiving_capital,
                                  econ.receiving_labor, econ.sending_capital, econ.sending_labor,
                                  remittance_share=0.1)
    with pytest.raises(ValueError, match="remittance_share"):
        TemporaryMigration(remitting)
    for args, name in [((-0.1, 0.1), "return_rate"), ((1.0, 1.5), "remittance_share"),
                       ((float("nan"), 0.1), "return_rate"), ((1.0, float("inf")), "remittance_share")]:
        with pytest.raises(ValueError, match=name):
            MODEL.outcome(*args)
    with pytest.raises(ValueError, match="settle_rate"):
        ties_share(1.0, 0.0)
    with pytest.raises(ValueError, match="voluntary_return_rate"):
        ties_share(1.0, 0.2, -1.0)
    with pytest.raises(ValueError, match="remittance_share"):
        MODEL.sender_min_return_rate(-0.1)
    with pytest.raises(ValueError, match="return_rate.*single real number"):
        MODEL.linkage(np.array([0.5, 1.0]), 0.1)
    with pytest.raises(ValueError, match="remittance_share"):
        MODEL.tied_value_share(1.2)
    with pytest.raises(ValueError, match="remittance_share"):
        MODEL.joint_best_return_rate(-0.5)
    with pytest.raises(ValueError, match="voluntary_return_rate"):
        MODEL.permanent_min_settled_share(0.1, -0.2)
    with pytest.raises(ValueError, match="return_rate"):
        MODEL.permanent_gap(float("nan"), 0.1)
    with pytest.raises(ValueError, match="capital_share"):
        two_country_economy(capital_share=1.0)
