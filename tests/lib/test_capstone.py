"""migcoop.capstone: the verdicts agree with the chapters' own models on their cases."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migcoop.agreements import ARRANGEMENTS, EnforcementDeal
from migcoop.calibrations import temporary_arrangement
from migcoop.capstone import ACCESS, PERMANENCE, CapstoneWorld, Design, all_designs
from migcoop.diversion import DiversionModel
from migcoop.repeated import OneWayDeal, min_discount_factor
from migcoop.screening import pass_rate

FAST = settings(max_examples=40, deadline=None)
WORLD = CapstoneWorld()
RHO, R = WORLD.temporary_return_rate, WORLD.remittance_share


def verdict(permanence="temporary", access="preferential", screener="sender", linkage="none",
            world=WORLD):
    return world.evaluate(Design(permanence, access, screener, linkage))


worlds = st.builds(
    lambda premium, rho, delta, r: CapstoneWorld(cost_premium=premium, temporary_return_rate=rho,
                                                 discount_factor=delta, remittance_share=r),
    st.floats(-0.3, 0.5), st.floats(0.1, 3.0), st.floats(0.0, 0.99), st.floats(0.0, 0.3),
)


def test_sixteen_designs():
    designs = all_designs()
    assert len(designs) == 16 and len(set(designs)) == 16
    assert len(WORLD.table()) == 16


# --- chapter 7: permanence, remittances and screening ------------------------------------
def test_chapter_7_permanent_deal_is_refused_by_the_sender():
    """Chapter 7 asserts: as a permanent arrangement, S loses (the one-way problem)."""
    ch7 = temporary_arrangement().permanent(R)
    assert not ch7.acceptable_to_sender
    for screener in ("receiver", "sender"):
        v = verdict("permanent", "preferential", screener)
        assert v.partner == "lose" and not v.accepted
        v = verdict("permanent", "nondiscriminatory", screener)
        assert v.others == "lose" and not v.accepted


def test_chapter_7_temporary_deal_is_welcome_to_the_sender():
    ch7 = temporary_arrangement().outcome(RHO, R)
    assert ch7.acceptable_to_sender
    assert verdict("temporary", "preferential", "receiver").partner == "gain"


def test_chapter_7_screening_for_employment_wins_the_receiver():
    """Chapter 7 asserts: unscreened seasonal migration costs R; screened, R gains."""
    unscreened = temporary_arrangement("none").outcome(RHO, R)
    screened = temporary_arrangement("job_offer").outcome(RHO, R)
    assert not unscreened.acceptable_to_receiver and screened.acceptable_to_receiver
    assert verdict("temporary", "nondiscriminatory", "receiver").receiver == "lose"
    assert verdict("temporary", "nondiscriminatory", "sender").receiver == "gain"


@FAST
@given(worlds, st.sampled_from(all_designs()))
def test_stakes_come_from_chapter_7_s_model(world, design):
    v = world.evaluate(design)
    model = world.arrangement(design)
    rho = 0.0 if design.permanence == "permanent" else world.temporary_return_rate

    def sending(m):
        return model.replace(migrants=m).outcome(rho, world.remittance_share).sending_gain if m else 0.0

    whole = model.outcome(rho, world.remittance_share)
    share_b = v.from_partner / world.migration.migrants
    assert math.isclose(v.receiving_gain, whole.receiving_gain - world.cost_premium * v.from_partner
                        + v.transfer, rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(v.partner_gain, sending(v.from_partner) - v.transfer * share_b,
                        rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(v.others_gain, sending(v.from_others) - v.transfer * (1 - share_b),
                        rel_tol=1e-9, abs_tol=1e-9)


# --- chapter 6: migration diversion ------------------------------------------------------
@FAST
@given(worlds, st.sampled_from(PERMANENCE), st.booleans())
def test_chapter_6_mfn_never_loses_to_preference(world, permanence, sender):
    screener = "sender" if sender else "receiver"
    pref = world.evaluate(Design(permanence, "preferential", screener, "none"))
    mfn = world.evaluate(Design(permanence, "nondiscriminatory", screener, "none"))
    assert mfn.diversion_loss == 0.0
    assert math.isclose(pref.diversion_loss, max(world.cost_premium, 0.0) * world.migration.migrants,
                        abs_tol=1e-9)
    if world.cost_premium != 0:   # (with equal costs, MFN splits the migrants: not comparable)
        assert mfn.world_gain >= pref.world_gain - 1e-9
        assert math.isclose(mfn.world_gain - pref.world_gain, pref.diversion_loss, abs_tol=1e-9)


def test_chapter_6_diversion_is_the_diversion_model_s_rectangle():
    m = WORLD.migration.migrants
    market = DiversionModel(100.0, 1.0, 10.0, 10.0 + WORLD.cost_premium, "resource", cap=m)
    rect = market.compare(market.mfn(0.0), market.outcome(50.0, 0.0)).diversion
    assert math.isclose(verdict(access="preferential").diversion_loss, rect)


# --- chapter 5: issue linkage and self-enforcement --------------------------------------
def test_chapter_5_transfer_and_patience():
    v0 = verdict("temporary", "preferential", "receiver", "none")
    v1 = verdict("temporary", "preferential", "receiver", "transfer")
    g_r, d_s = -v0.receiving_gain, v0.partner_gain
    assert 0 < g_r < d_s                                    # a one-way deal exists
    s = OneWayDeal(g_r, d_s).summary()
    assert math.isclose(v1.transfer, s.best_transfer) and math.isclose(v1.transfer, math.sqrt(g_r * d_s))
    assert math.isclose(v1.min_delta, s.min_delta) and math.isclose(v1.min_delta, math.sqrt(g_r / d_s))
    assert not v0.accepted and v1.accepted
    patient = WORLD.replace(discount_factor=min(s.min_delta + 0.05, 0.99))
    impatient = WORLD.replace(discount_factor=s.min_delta - 0.05)
    assert verdict("temporary", "preferential", "receiver", "transfer", patient).self_enforcing
    assert not verdict("temporary", "preferential", "receiver", "transfer", impatient).self_enforcing


def test_chapter_5_no_transfer_rescues_a_sender_who_loses():
    v = verdict("permanent", "preferential", "receiver", "transfer")
    assert v.transfer == 0.0 and not v.accepted and not v.self_enforcing


@FAST
@given(worlds, st.sampled_from(all_designs()))
def test_self_enforcement_closed_forms(world, design):
    v = world.evaluate(design)
    assert v.min_delta == max(v.receiver_threshold, v.sender_threshold)
    assert v.self_enforcing == (v.accepted and world.discount_factor >= v.min_delta)
    if v.transfer == 0 and v.receiving_gain < 0:
        assert math.isinf(v.receiver_threshold)
    if design.screener == "receiver" and v.transfer == 0:
        assert v.sender_threshold == 0.0                    # nothing to shirk, nothing to pay


def test_chapter_8_shirking_threshold():
    """The sending side that screens is tempted to stop for a period: delta >= K / gross."""
    v = verdict("temporary", "preferential", "sender")
    model = WORLD.arrangement(v.design)
    o = model.outcome(RHO, R)
    k = WORLD.screening.sender_cost * WORLD.migration.migrants / pass_rate(
        model.welfare_share, model.screen_tpr, model.screen_fpr)
    assert math.isclose(o.screening_cost, k)
    gross = o.sending_gain + k
    assert math.isclose(v.sender_threshold, k / gross)
    assert math.isclose(v.sender_threshold, min_discount_factor(gross - k, gross, 0.0))
    assert 0 < v.sender_threshold < 1


# --- chapter 8: bilateral against open ---------------------------------------------------
def test_chapter_8_orderings_agree():
    """Chapter 8's model and the capstone agree on who prefers the open arrangement."""
    ch8 = EnforcementDeal()
    b, o = ch8.outcome(10.0, "bilateral"), ch8.outcome(10.0, "open")
    pref = verdict("temporary", "preferential", "sender")
    mfn = verdict("temporary", "nondiscriminatory", "sender")
    assert (o.receiver_gain > b.receiver_gain) == (mfn.receiving_gain > pref.receiving_gain) is True
    assert (o.partner_gain < b.partner_gain) == (mfn.partner_gain < pref.partner_gain) is True
    assert (o.excluded_gain > b.excluded_gain) == (mfn.others_gain > pref.others_gain) is True
    assert (o.world_gain > b.world_gain) == (mfn.world_gain > pref.world_gain) is True
    assert b.diversion_loss > 0 and o.diversion_loss == 0
    assert pref.diversion_loss > 0 and mfn.diversion_loss == 0


def test_closest_arrangements_come_from_the_record():
    v = verdict("temporary", "preferential", "sender")
    assert "canada_sawp" in v.closest
    assert all(ARRANGEMENTS[k].permanence == "temporary" for k in v.closest)
    assert verdict("temporary", "nondiscriminatory", "receiver").closest == ("gats_mode4",)
    assert verdict("permanent", "nondiscriminatory", "receiver").closest == ()
    assert set(verdict("permanent", "preferential", "receiver").closest) == {
        "eu", "ttta", "ecowas", "comesa", "andean"}


def test_a_good_design_exists_and_bad_ones_fail():
    good = [v for v in WORLD.table() if v.self_enforcing]
    assert good and all(v.design.permanence == "temporary" for v in good)
    assert all(not v.accepted for v in WORLD.table() if v.design.permanence == "permanent")


def test_equal_costs_split_an_open_programme():
    v = verdict(access="nondiscriminatory", world=WORLD.replace(cost_premium=0.0))
    assert math.isclose(v.from_partner, v.from_others)


@pytest.mark.parametrize("kwargs, name", [
    ({"permanence": "forever"}, "permanence"), ({"access": "mfn"}, "access"),
    ({"screener": "both"}, "screener"), ({"linkage": "aid"}, "linkage"),
])
def test_design_rejects_bad_choices(kwargs, name):
    with pytest.raises(ValueError, match=name):
        Design(**kwargs)


@pytest.mark.parametrize("kwargs, name", [
    ({"temporary_return_rate": 0.0}, "temporary_return_rate"),
    ({"remittance_share": 1.5}, "remittance_share"),
    ({"cost_premium": float("nan")}, "cost_premium"),
    ({"cost_premium": -11.0}, "cost_premium"),
    ({"discount_factor": 1.0}, "discount_factor"),
    ({"supply_cost": -1.0}, "supply_cost"),
    ({"migration": None}, "migration"),
    ({"screening": 3}, "screening"),
    ({"discount_factor": np.array([0.5, 0.6])}, "discount_factor"),
])
def test_world_rejects_bad_parameters(kwargs, name):
    with pytest.raises(ValueError, match=name):
        CapstoneWorld(**kwargs)


def test_evaluate_rejects_a_non_design():
    with pytest.raises(ValueError, match="design"):
        WORLD.evaluate(("temporary", "preferential"))
    assert set(ACCESS) == {"nondiscriminatory", "preferential"}
