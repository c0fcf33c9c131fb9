"""migcoop.temporary: why temporary migration eases the one-way problem."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migcoop.calibrations import temporary_arrangement, two_country_economy
from migcoop.repeated import OneWayDeal
from migcoop.screening import good_share_admitted
from migcoop.temporary import TemporaryMigration, ties_share
from migcoop.two_country import TwoCountryEconomy

FAST = settings(max_examples=60, deadline=None)
MODEL = temporary_arrangement()
rates = st.floats(0.0, 5.0)
shares = st.floats(0.0, 0.3)


def models():
    return st.builds(
        temporary_arrangement,
        migrants=st.floats(1.0, 30.0), settle_rate=st.floats(0.05, 1.0),
        citizen_weight=st.floats(0.0, 1.0), welfare_share=st.floats(0.0, 0.5),
        welfare_cost=st.floats(0.0, 5.0), family_cost=st.floats(0.0, 2.0),
        screen_tpr=st.floats(0.5, 1.0), screen_fpr=st.floats(0.0, 1.0),
        sender_screening_cost=st.floats(0.0, 1.0),
    )


def test_ties_share_closed_form():
    assert ties_share(0.0, 0.2) == 0.0
    assert ties_share(0.2, 0.2) == 0.5
    rho = np.array([0.1, 1.0, 10.0])
    assert np.allclose(ties_share(rho, 0.5), rho / (rho + 0.5))


@FAST
@given(models(), rates, shares)
def test_stakes_are_the_two_country_economy_s(model, rho, r):
    """S's and R's valuations are deal_stakes of chapter 5's economy with the
    steady-state remittance share rho*theta and citizen weight beta*theta."""
    o = model.outcome(rho, r)
    tau = ties_share(rho, model.settle_rate)
    econ = model.economy
    with_remit = TwoCountryEconomy(econ.capital_share, econ.receiving_capital,
                                   econ.receiving_labor, econ.sending_capital, econ.sending_labor,
                                   remittance_share=r * tau)
    stakes = with_remit.deal_stakes(model.migrants, external_cost=o.external_cost,
                                    migrant_weight=model.citizen_weight * tau)
    assert math.isclose(o.receiving_gain, stakes.receiving_value, rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(o.sending_gain + o.screening_cost, stakes.sending_gain,
                        rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(o.world_gain + o.screening_cost, stakes.world_gain,
                        rel_tol=1e-9, abs_tol=1e-9)


@FAST
@given(models(), rates)
def test_external_cost_closed_form(model, rho):
    q = good_share_admitted(model.welfare_share, model.screen_tpr, model.screen_fpr)
    tau = ties_share(rho, model.settle_rate)
    want = (1 - q) * model.welfare_cost + (1 - tau) * model.family_cost
    assert math.isclose(model.external_cost(rho), want, rel_tol=1e-12, abs_tol=1e-12)


@FAST
@given(models(), rates, rates, shares)
def test_receiver_gains_from_temporariness(model, a, b, r):
    lo, hi = sorted((a, b))
    assert model.outcome(hi, r).receiving_gain >= model.outcome(lo, r).receiving_gain - 1e-12


@FAST
@given(models(), rates, rates, shares)
def test_sender_gains_from_temporariness(model, a, b, r):
    """Monotone in the return rate while remittances stay below the migrants' gain
    per dollar earned (r <= 1 - w_S / w_R, here about 0.37), which always holds with beta = 0."""
    lo, hi = sorted((a, b))
    plain = model.replace(citizen_weight=0.0)
    assert plain.outcome(hi, r).sending_gain >= plain.outcome(lo, r).sending_gain - 1e-9
    assert model.outcome(hi, r).sending_gain >= model.outcome(lo, r).sending_gain - 1e-9


@FAST
@given(models(), shares)
def test_permanent_migration_only_costs_the_sender(model, r):
    """The one-way problem: with nobody returning, nothing comes home."""
    o = model.permanent(r)
    assert o.ties_share == 0.0 and o.remittances == 0.0 and o.citizen_value == 0.0
    assert math.isclose(o.sending_gain, -o.left_behind_loss - o.screening_cost)
    assert o.sending_gain < 0 and not o.acceptable_to_sender


@FAST
@given(models(), rates, shares, st.floats(0.0, 0.5))
def test_a_sharper_screen_lowers_the_welfare_cost(model, rho, r, cut):
    sharper = model.replace(screen_fpr=model.screen_fpr * (1 - cut))
    assert sharper.external_cost(rho) <= model.external_cost(rho) + 1e-12
    assert sharper.outcome(rho, r).receiving_gain >= model.outcome(rho, r).receiving_gain - 1e-12


@FAST
@given(models())
def test_receiver_boundary(model):
    rho = model.receiver_min_return_rate()
    if rho == 0:
        assert model.outcome(0.0, 0.1).acceptable_to_receiver
    elif math.isinf(rho):
        assert not model.outcome(1e6, 0.1).acceptable_to_receiver
    else:
        assert model.outcome(rho * 1.001 + 1e-9, 0.1).acceptable_to_receiver
        assert not model.outcome(rho * 0.999, 0.1).acceptable_to_receiver


@FAST
@given(models(), st.floats(0.01, 0.3))
def test_sender_boundaries(model, r):
    rho = model.sender_min_return_rate(r)
    if math.isfinite(rho) and rho > 0:
        assert model.outcome(rho * 1.001 + 1e-9, r).acceptable_to_sender
        assert not model.outcome(rho * 0.999, r).acceptable_to_sender
        need = model.sender_min_remittance_share(rho * 1.01)
        assert need <= r + 1e-9
    for x in (0.3, 1.0, 3.0):
        need = model.sender_min_remittance_share(x)
        if 0 < need < 1:
            assert model.outcome(x, min(need * 1.001 + 1e-9, 1.0)).acceptable_to_sender
            assert not model.outcome(x, need * 0.999).acceptable_to_sender


def test_the_chapter_s_story():
    seasonal, permanent = MODEL.outcome(1.0, 0.1), MODEL.permanent(0.1)
    assert not permanent.acceptable_to_sender and seasonal.acceptable_to_sender
    screened = MODEL.with_screen(0.95, 0.2)
    assert not seasonal.acceptable_to_receiver and screened.outcome(1.0, 0.1).acceptable_to_receiver
    assert screened.receiver_min_return_rate() < MODEL.receiver_min_return_rate()


def test_linkage_is_the_one_way_deal():
    deal = MODEL.linkage(0.5, 0.1)
    o = MODEL.outcome(0.5, 0.1)
    assert isinstance(deal, OneWayDeal)
    assert deal.restriction_gain == -o.receiving_gain and deal.sending_gain == o.sending_gain
    s = deal.summary()
    assert math.isclose(s.best_transfer, math.sqrt(-o.receiving_gain * o.sending_gain))


def test_outcome_broadcasts_to_a_grid():
    rho = np.linspace(0, 2, 5)[None, :]
    r = np.linspace(0, 0.2, 3)[:, None]
    grid = MODEL.outcome(rho, r)
    assert np.shape(grid.sending_gain) == (3, 5)
    assert math.isclose(grid.sending_gain[2, 4], MODEL.outcome(2.0, 0.2).sending_gain)
    assert grid.expected_stay[0, 0] == math.inf and grid.expected_stay[0, 2] == 1.0


@pytest.mark.parametrize("name, value", [
    ("migrants", -1.0), ("migrants", 50.0), ("migrants", float("nan")),
    ("settle_rate", 0.0), ("settle_rate", float("inf")),
    ("citizen_weight", 1.5), ("welfare_share", 1.0), ("welfare_cost", -1.0),
    ("family_cost", float("nan")), ("screen_tpr", 0.0), ("screen_fpr", 1.2),
    ("sender_screening_cost", -0.1), ("worker_weight", -1.0), ("migrants", np.array([1.0, 2.0])),
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
    with pytest.raises(ValueError, match="remittance_share"):
        MODEL.sender_min_return_rate(-0.1)
    with pytest.raises(ValueError, match="return_rate.*single real number"):
        MODEL.linkage(np.array([0.5, 1.0]), 0.1)
    with pytest.raises(ValueError, match="capital_share"):
        two_country_economy(capital_share=1.0)
