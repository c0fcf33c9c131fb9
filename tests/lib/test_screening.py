"""Tests of migcoop.screening: closed forms, invariants, and rejection of bad input."""

import math
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from migcoop import repeated, screening
from migcoop.screening import ScreeningModel

FAST = settings(max_examples=60, deadline=None)


def fl(lo, hi):
    """Floats in [lo, hi] without subnormals (whose rounding is not the model's business)."""
    return st.floats(lo, hi, allow_subnormal=False)


share = fl(0.0, 0.9)
rate = fl(0.05, 1.0)
money = fl(0.0, 30.0)


@st.composite
def models(draw, **fixed):
    kw = {
        "costly_share": draw(fl(0.0, 0.8)),
        "good_value": draw(fl(0.5, 30.0)),
        "costly_harm": draw(money),
        "receiver_tpr": draw(rate),
        "receiver_fpr": draw(fl(0.0, 1.0)),
        "receiver_cost": draw(fl(0.0, 5.0)),
        "sender_tpr": draw(rate),
        "sender_fpr": draw(fl(0.0, 1.0)),
        "sender_cost": draw(fl(0.0, 5.0)),
        "sender_gain": draw(fl(0.0, 10.0)),
        "riddance_gain": draw(fl(0.0, 10.0)),
        "absorption": draw(fl(0.05, 5.0)),
    }
    kw.update(fixed)
    return ScreeningModel(**kw)


# --- closed forms --------------------------------------------------------------------
def test_pass_rate_and_mix_by_hand():
    # 30% costly; t = 0.9, f = 0.6: admit 0.63 + 0.18 = 0.81 of applicants, 7/9 good.
    assert math.isclose(screening.pass_rate(0.3, 0.9, 0.6), 0.81)
    assert math.isclose(screening.good_share_admitted(0.3, 0.9, 0.6), 0.63 / 0.81)
    # No screen admits the pool's own mix.
    assert math.isclose(screening.good_share_admitted(0.3, 1.0, 1.0), 0.7)
    # The mix depends on the screen only through t / f (same ray, same mix).
    assert math.isclose(screening.good_share_admitted(0.4, 0.8, 0.2),
                        screening.good_share_admitted(0.4, 0.4, 0.1))


def test_value_per_visa_by_hand():
    # q b - (1 - q) h - k / a with q = 7/9, a = 0.81, b = 10, h = 20, k = 1.
    v = screening.receiver_value_per_visa(0.3, 0.9, 0.6, 1.0, 10.0, 20.0)
    assert math.isclose(v, 7 / 9 * 10 - 2 / 9 * 20 - 1 / 0.81)
    # Vectorised over the costly share.
    s = np.linspace(0.0, 0.8, 5)
    vv = screening.receiver_value_per_visa(s, 1.0, 1.0, 0.0, 10.0, 20.0)
    assert np.allclose(vv, (1 - s) * 10 - s * 20)


def test_noncooperative_programme_is_receivers_optimum():
    m = ScreeningModel()
    v = m.screen("receiver").receiver_value
    assert m.receiver_choice() == "receiver"
    base = m.noncooperative()
    assert math.isclose(base.quota, v / m.absorption)
    assert math.isclose(base.receiver_welfare, v**2 / (2 * m.absorption))
    # No quota and no other unilateral screener does better for R.
    grid = np.linspace(0, 40, 401)
    for who in ("none", "receiver"):
        assert np.all(m.outcome(who, grid).receiver_welfare <= base.receiver_welfare + 1e-9)


def test_deal_terms_by_hand():
    m = ScreeningModel()
    t = m.deal_terms()
    sc = m.screen("sender")
    base = m.noncooperative()
    # S's bound: u_S n = U_N. R's bounds: v_S n - kappa n^2 / 2 = W_N.
    assert math.isclose(t.sender_min_quota * sc.sender_value, base.sender_welfare)
    for n in (t.receiver_min_quota, t.receiver_max_quota):
        w = sc.receiver_value * n - m.absorption * n**2 / 2
        assert math.isclose(w, base.receiver_welfare, rel_tol=1e-9)
    # The joint optimum J / kappa lies inside the range here, so it is the best deal.
    assert t.min_quota <= sc.joint_value / m.absorption <= t.max_quota
    assert math.isclose(t.best_quota, sc.joint_value / m.absorption)
    expected = sc.joint_value**2 / (2 * m.absorption) - base.joint_welfare
    assert math.isclose(t.value_of_cooperation, expected)
    assert math.isclose(m.cooperation_potential(), expected)


def test_shirking_threshold_is_grim_trigger():
    m = ScreeningModel()
    d = m.deal(10.0)
    cheat = d.quota * (m.sender_gain + m.riddance_gain * m.costly_share)
    want = repeated.min_discount_factor(d.sender_welfare, cheat, m.noncooperative().sender_welfare)
    assert math.isclose(m.shirking_threshold(10.0), want)
    assert 0 < want < 1


def test_admitted_mix_matches_a_simulation():
    rng = np.random.default_rng(3)
    s, t, f = 0.35, 0.85, 0.2
    costly = rng.random(400_000) < s
    passed = np.where(costly, rng.random(costly.size) < f, rng.random(costly.size) < t)
    assert abs(passed.mean() - screening.pass_rate(s, t, f)) < 0.003
    assert abs((~costly[passed]).mean() - screening.good_share_admitted(s, t, f)) < 0.003


# --- the chapter's three results --------------------------------------------------
@FAST
@given(models(), fl(0.0, 1.0))
def test_without_a_reward_the_sender_does_not_screen(m, extra):
    """At the status-quo quota, screening only costs S (fees, riddance)."""
    sc, base = m.screen("sender"), m.noncooperative()
    r_mix = m.screen(m.receiver_choice()).good_share
    assume(base.quota > 1e-6)
    assume(sc.good_share >= r_mix)                      # S's screen is at least as selective
    assume(m.sender_cost > 1e-3)                        # and screening costs S something
    assert not m.deal(0.0).acceptable_to_sender
    assert m.deal_terms().min_reward > 0


@FAST
@given(models(), fl(0.0, 1.0), fl(0.0, 1.0))
def test_better_sender_information_raises_the_potential(m, f1, f2):
    """Lower false-positive rate at S: more value to share, when screening is cheap enough."""
    lo, hi = sorted((f1, f2))
    b, h, c = m.good_value, m.costly_harm, m.riddance_gain
    assume(b + h >= c)
    assume(m.sender_cost <= (1 - m.costly_share) * m.sender_tpr * (b + h - c))
    better = replace(m, sender_fpr=lo)
    worse = replace(m, sender_fpr=hi)
    assert better.cooperation_potential() >= worse.cooperation_potential() - 1e-9


@FAST
@given(models(), fl(0.05, 1.0), fl(0.05, 1.0))
def test_higher_sender_true_positive_rate_raises_the_potential(m, t1, t2):
    lo, hi = sorted((t1, t2))
    assume(m.good_value + m.costly_harm >= m.riddance_gain)
    low = replace(m, sender_tpr=lo)
    high = replace(m, sender_tpr=hi)
    assert high.cooperation_potential() >= low.cooperation_potential() - 1e-9


def test_a_programme_can_exist_only_with_cooperation():
    m = ScreeningModel(costly_share=0.45)
    assert m.screen("none").receiver_value < 0 and m.screen("receiver").receiver_value < 0
    assert m.noncooperative().quota == 0.0
    terms = m.deal_terms()
    assert terms.exists and terms.min_reward == 0.0 and terms.max_quota > 0
    assert m.regime == "programme only with cooperation"
    assert ScreeningModel(costly_share=0.95).regime == "no programme"


@FAST
@given(models())
def test_regime_is_consistent(m):
    terms, base = m.deal_terms(), m.noncooperative()
    assert m.regime in screening.REGIMES
    if base.quota == 0:
        assert m.regime in screening.REGIMES[:2]
        assert (m.regime == "programme only with cooperation") == terms.exists
    else:
        assert (m.regime == "cooperation enlarges the programme") == terms.exists


# --- invariants ------------------------------------------------------------------------
@FAST
@given(models(), fl(0.0, 60.0))
def test_identities(m, quota):
    for who in screening.SCREENERS:
        out = m.outcome(who, quota)
        sc = m.screen(who)
        assert math.isclose(out.admitted_good + out.admitted_costly, quota, abs_tol=1e-9)
        assert math.isclose(out.applicants * sc.pass_rate, quota, rel_tol=1e-9, abs_tol=1e-9)
        assert math.isclose(out.joint_welfare, out.receiver_welfare + out.sender_welfare,
                            rel_tol=1e-9, abs_tol=1e-9)
        assert 0 <= sc.good_share <= 1 and 0 < sc.pass_rate <= 1


@FAST
@given(models(), st.lists(fl(0.0, 80.0), min_size=1, max_size=8))
def test_acceptability_matches_the_deal_range(m, rewards):
    t = m.deal_terms()
    d = m.deal(np.array(rewards))
    quota = np.asarray(d.quota)
    inside = (quota >= t.min_quota * (1 + 1e-7) + 1e-9) & (quota <= t.max_quota * (1 - 1e-7) - 1e-9)
    outside = (quota < t.min_quota * (1 - 1e-6) - 1e-6) | (quota > t.max_quota * (1 + 1e-6) + 1e-6)
    acc = np.asarray(d.acceptable)
    assert np.all(acc[inside & (quota > 0)])
    assert not np.any(acc[outside & (quota > 1e-6)])
    # The verdicts agree with the welfare comparisons they stand for.
    stakes = 1e-7 * (1 + abs(m.noncooperative().receiver_welfare) + abs(m.noncooperative().sender_welfare))
    ok_r, ok_s = np.asarray(d.acceptable_to_receiver), np.asarray(d.acceptable_to_sender)
    assert np.all(np.asarray(d.receiver_gain)[ok_r] >= -stakes)
    assert np.all(np.asarray(d.sender_gain)[ok_s] >= -stakes)
    assert np.all(np.asarray(d.receiver_gain)[~ok_r & (quota > 1e-6)] < stakes)
    assert np.all(np.asarray(d.sender_gain)[~ok_s & (quota > 1e-6)] < stakes)
    assert np.allclose(np.asarray(d.joint_gain),
                       np.asarray(d.receiver_gain) + np.asarray(d.sender_gain))


@FAST
@given(models())
def test_best_deal_is_best_among_acceptable_quotas(m):
    t = m.deal_terms()
    assert t.value_of_cooperation >= 0
    if not t.exists:
        assert t.value_of_cooperation == 0
        return
    assert t.min_quota - 1e-9 <= t.best_quota <= t.max_quota + 1e-9
    grid = np.linspace(t.min_quota, t.max_quota, 101)
    joint = m.outcome("sender", grid).joint_welfare
    best = m.outcome("sender", t.best_quota).joint_welfare
    assert np.all(joint <= best + 1e-7 * (1 + abs(best)))
    assert t.value_of_cooperation <= max(m.cooperation_potential(), 0) + 1e-7


@FAST
@given(models())
def test_information_that_dominates_is_worth_having(m):
    """If S's screen is better on both rates (and above chance), R gains from it for free."""
    assume(m.sender_tpr >= m.receiver_tpr and m.sender_fpr <= m.receiver_fpr)
    assume(m.sender_tpr >= m.sender_fpr)
    v_s = m.screen("sender").receiver_value
    assert v_s >= m.noncooperative_value() - 1e-9 or m.noncooperative_value() == 0


# --- bad input -------------------------------------------------------------------------
FIELDS = {
    "costly_share": [-0.1, 1.0, math.nan, math.inf],
    "good_value": [-1.0, math.nan, math.inf],
    "costly_harm": [-1.0, math.nan],
    "receiver_tpr": [0.0, 1.5, math.nan],
    "receiver_fpr": [-0.1, 1.1, math.nan],
    "receiver_cost": [-0.5, math.inf],
    "sender_tpr": [0.0, -0.2, math.nan],
    "sender_fpr": [1.2, math.nan],
    "sender_cost": [-1.0, math.nan],
    "sender_gain": [-1.0, math.inf],
    "riddance_gain": [-0.1, math.nan],
    "absorption": [0.0, -1.0, math.nan, math.inf],
}


@pytest.mark.parametrize("name,bad", [(k, v) for k, vs in FIELDS.items() for v in vs])
def test_model_rejects_bad_parameters(name, bad):
    with pytest.raises(ValueError, match=name):
        ScreeningModel(**{name: bad})


def test_model_rejects_arrays_and_non_numbers():
    with pytest.raises(ValueError, match="costly_share"):
        ScreeningModel(costly_share=np.array([0.1, 0.2]))
    with pytest.raises(ValueError, match="absorption"):
        ScreeningModel(absorption="big")


def test_functions_reject_bad_input():
    m = ScreeningModel()
    with pytest.raises(ValueError, match="screener"):
        m.screen("customs")
    with pytest.raises(ValueError, match="quota"):
        m.outcome("sender", -1.0)
    with pytest.raises(ValueError, match="quota"):
        m.outcome("sender", math.nan)
    with pytest.raises(ValueError, match="visa_reward"):
        m.deal(-100.0)
    with pytest.raises(ValueError, match="visa_reward"):
        m.shirking_threshold(math.inf)
    with pytest.raises(ValueError, match="costly_share"):
        screening.pass_rate(1.0, 0.5, 0.5)
    with pytest.raises(ValueError, match="tpr"):
        screening.good_share_admitted(0.3, 0.0, 0.5)
    with pytest.raises(ValueError, match="fpr"):
        screening.pass_rate(0.3, 0.5, math.nan)
    with pytest.raises(ValueError, match="cost_per_applicant"):
        screening.receiver_value_per_visa(0.3, 0.9, 0.5, -1.0, 10.0, 20.0)
    with pytest.raises(ValueError, match="costly_harm"):
        screening.receiver_value_per_visa(0.3, 0.9, 0.5, 1.0, 10.0, math.inf)


def test_regime_grid_matches_each_model():
    shares, fprs = [0.01, 0.2, 0.5, 0.7], [0.1, 0.5]
    grid = screening.regime_grid(shares, fprs, sender_cost=1.0)
    assert grid.shape == (2, 4)
    for i, f in enumerate(fprs):
        for j, s in enumerate(shares):
            m = ScreeningModel(costly_share=s, sender_fpr=f, sender_cost=1.0)
            assert screening.REGIMES[grid[i, j]] == m.regime
