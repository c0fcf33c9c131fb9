"""migcoop.capstone: the verdicts agree with the chapters' own models on their cases."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migcoop.agreements import ARRANGEMENTS, EnforcementDeal, load_agreements
from migcoop.calibrations import temporary_arrangement
from migcoop.capstone import (
    ACCESS,
    PERMANENCE,
    CapstoneWorld,
    Design,
    all_designs,
    least_patience_transfer,
    patience_thresholds,
)
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
    sending = v.partner_gain + v.others_gain
    if design.screener == "receiver" and v.transfer <= 0 and sending >= 0:
        assert v.sender_threshold == 0.0                    # nothing to shirk, nothing to pay
    if v.transfer == 0 and sending < -1e-9:
        assert math.isinf(v.sender_threshold)               # a sender who loses leaves


@FAST
@given(worlds, st.sampled_from(all_designs()))
def test_linkage_pays_the_least_patience_transfer(world, design):
    """With linkage, the verdict's transfer is the least-patience one, in either direction."""
    linked = world.evaluate(Design(design.permanence, design.access, design.screener, "transfer"))
    plain = world.evaluate(Design(design.permanence, design.access, design.screener, "none"))
    k = sum(world.arrangement(design).replace(migrants=x).outcome(
        linked.return_rate, world.remittance_share).screening_cost
        for x in (plain.from_partner, plain.from_others) if x > 0)
    g, s = plain.receiving_gain, plain.partner_gain + plain.others_gain
    deal = least_patience_transfer(g, s, k)
    assert linked.transfer == (deal.transfer if deal.exists else 0.0)
    if deal.exists:
        assert math.isclose(linked.min_delta, deal.min_delta, rel_tol=1e-9, abs_tol=1e-12)
        assert linked.min_delta <= plain.min_delta + 1e-12   # linkage never asks more patience
        assert (linked.transfer > 0) == (g < 0)             # paid to R exactly when R loses
    assert math.isclose(linked.world_gain, plain.world_gain, rel_tol=1e-12, abs_tol=1e-12)


# --- the least-patience transfer, both directions ---------------------------------------
# Gains of any sign (magnitudes from a thousand dollars to $50 bn a year, or exactly 0).
stakes = st.one_of(st.just(0.0), st.floats(1e-6, 50.0), st.floats(-50.0, -1e-6))
costs = st.one_of(st.just(0.0), st.floats(1e-6, 20.0))


def numerical_minimum(g, s, k):
    """min over T of max(delta_R, delta_S), by a grid and two finer grids around its best."""
    scale = abs(g) + abs(s) + k + 1.0
    lo, hi = -4 * scale, 4 * scale
    best_t, best = 0.0, math.inf
    for _ in range(3):
        t = np.linspace(lo, hi, 40_001)
        th = patience_thresholds(g, s, k, t)
        worst = np.maximum(th.receiver_threshold, th.sender_threshold)
        i = int(np.argmin(worst))
        if worst[i] < best:
            best_t, best = float(t[i]), float(worst[i])
        step = (hi - lo) / 40_000
        lo, hi = t[i] - 2 * step, t[i] + 2 * step
    return best_t, best


@settings(max_examples=150, deadline=None)
@given(stakes, stakes, costs)
def test_least_patience_transfer_is_the_numerical_minimum(g, s, k):
    deal = least_patience_transfer(g, s, k)
    _, best = numerical_minimum(g, s, k)
    assert deal.min_delta == max(deal.receiver_threshold, deal.sender_threshold)
    th = patience_thresholds(g, s, k, deal.transfer)
    assert (deal.receiver_threshold, deal.sender_threshold) == (th.receiver_threshold, th.sender_threshold)
    if math.isinf(best):
        assert math.isinf(deal.min_delta)
    else:
        assert deal.min_delta <= best + 1e-9 * max(1.0, best)


@settings(max_examples=150, deadline=None)
@given(stakes, stakes, costs)
def test_least_patience_closed_forms(g, s, k):
    deal = least_patience_transfer(g, s, k)
    b = s + k
    assert deal.exists == (g + s > 1e-9 * (abs(g) + abs(s) + 1)) or abs(g + s) < 1e-6
    if g < 0 < b:                                          # paid to R: T**2 + K T = G_R B
        t = deal.transfer
        assert t > 0 and math.isclose(t * t + k * t, -g * b, rel_tol=1e-9)
        assert math.isclose(deal.receiver_threshold, deal.sender_threshold, rel_tol=1e-9, abs_tol=1e-12)
        if k == 0:                                         # chapter 5's sqrt(G_R * S)
            summary = OneWayDeal(-g, s).summary()
            assert math.isclose(t, summary.best_transfer, rel_tol=1e-12)
            assert math.isclose(deal.min_delta, summary.min_delta, rel_tol=1e-12)
        else:                                              # screening lowers it below sqrt
            assert t < math.sqrt(-g * b)
    if g > 0:
        assert deal.transfer <= 0                           # never paid to a gaining R
        if k == 0 and s >= 0:
            assert deal.transfer == 0 and deal.min_delta == 0
        if k > 0 or s < 0:                                  # R pays: u**2 + B+ u = G (K + B-)
            u = -deal.transfer
            assert u > 0 and math.isclose(u * u + max(b, 0) * u, g * (k + max(-b, 0)), rel_tol=1e-9)
            assert math.isclose(deal.receiver_threshold, deal.sender_threshold, rel_tol=1e-9, abs_tol=1e-12)
        if b <= 0:                                          # the mirror of chapter 5
            assert math.isclose(-deal.transfer, math.sqrt(g * -s), rel_tol=1e-9)
    if g < 0 and b <= 0:
        assert math.isinf(deal.min_delta) and deal.transfer == 0 and not deal.exists


def test_least_patience_worked_cases():
    """Values worked by hand: K = 1, G_R = 2, B = 6 gives T**2 + T - 12 = 0, T = 3."""
    d = least_patience_transfer(-2.0, 5.0, 1.0)
    assert d.transfer == 3.0 and math.isclose(d.min_delta, 2 / 3) and d.exists
    assert d.direction == "to the receiving country"
    d = least_patience_transfer(2.0, 1.0, 2.0)              # u**2 + 3u - 4 = 0, u = 1
    assert d.transfer == -1.0 and d.min_delta == 0.5 and d.direction == "to the sending side"
    d = least_patience_transfer(4.0, -1.0, 0.0)             # the sender loses 1: R pays 2
    assert d.transfer == -2.0 and d.min_delta == 0.5
    assert least_patience_transfer(3.0, 2.0).transfer == 0.0
    assert least_patience_transfer(0.0, 2.0, 1.0).transfer == 0.0
    assert not least_patience_transfer(-3.0, 2.0).exists    # G_R > S: nothing works


@pytest.mark.parametrize("args, name", [
    ((float("nan"), 1.0, 0.0), "receiving_gain"), ((1.0, float("inf"), 0.0), "sending_gain"),
    ((1.0, 1.0, -0.5), "screening_cost"), ((1.0, 1.0, "1"), "screening_cost"),
    ((np.array([1.0, 2.0]), 1.0, 0.0), "receiving_gain"),
])
def test_least_patience_rejects_bad_input(args, name):
    with pytest.raises(ValueError, match=name):
        least_patience_transfer(*args)
    with pytest.raises(ValueError, match=name):
        patience_thresholds(*args, 0.0)


def test_patience_thresholds_reject_a_bad_transfer():
    with pytest.raises(ValueError, match="transfer"):
        patience_thresholds(1.0, 1.0, 0.0, float("nan"))


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
    permanent = set(verdict("permanent", "preferential", "receiver").closest)
    assert permanent == {a.key for a in load_agreements()
                         if a.permanence == "permanent" and a.access == "preferential"}
    assert {"eu", "ttta", "ecowas", "comesa", "andean"} <= permanent   # the article's five


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


# --- permanent against temporary: a threshold in settled migrants' remittances -----------
@settings(max_examples=25, deadline=None)
@given(st.sampled_from(all_designs()), st.floats(0.0, 0.3), st.floats(0.0, 0.3))
def test_settled_remittance_threshold_separates_accepted_from_rejected(design, premium, nu):
    world = WORLD.replace(cost_premium=premium,
                          migration=WORLD.migration.replace(voluntary_return_rate=nu))
    x = world.min_settled_remittance_share(design)

    def accepted(share):
        return world.replace(migration=world.migration.replace(
            settled_remittance_share=share)).evaluate(design).accepted

    if x == 0:
        assert accepted(0.0) or accepted(1e-9)
    elif math.isinf(x):
        assert not accepted(1.0)
    else:
        assert 0 < x <= 1
        assert accepted(min(x + 1e-6, 1.0)) and not accepted(max(x - 1e-6, 0.0))


def test_permanent_designs_turn_on_settled_migrants_remittances():
    """With linkage a permanent design is accepted once settled migrants remit enough; without
    it, R still loses whatever they remit, because families settle (no voluntary return)."""
    for access in ACCESS:
        linked = Design("permanent", access, "sender", "transfer")
        alone = Design("permanent", access, "sender", "none")
        x = WORLD.min_settled_remittance_share(linked)
        assert 0 < x < 0.1
        assert math.isinf(WORLD.min_settled_remittance_share(alone))
    eager = WORLD.replace(migration=WORLD.migration.replace(voluntary_return_rate=0.1))
    assert eager.min_settled_remittance_share(linked) < x    # voluntary return lowers it
