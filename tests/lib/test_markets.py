"""migcoop.markets: closed forms, bad input, and the invariants stated in the docstrings of
LinearMarket (global_optimum, national_optimum, wedge_for_quantity), MarketOutcome and
tariff_game."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from migcoop import markets
from migcoop.markets import LinearMarket, optimal_tariff, tariff_game

SETTINGS = settings(max_examples=80, deadline=None)


@st.composite
def linear_markets(draw, rent=None, goods=False):
    a = draw(st.floats(5.0, 200.0))
    b = draw(st.floats(0.1, 5.0))
    d = draw(st.floats(0.05, 10.0))
    reservation = draw(st.floats(0.0, 0.8)) * a / b  # below the choke price
    c = -d * reservation
    e = draw(st.floats(0.0, 0.5)) * (a / b - reservation)
    theta = draw(st.floats(0.0, 1.0)) if rent is None else rent
    g = draw(st.floats(0.0, 0.3)) * (a / b - reservation) if goods else 0.0
    return LinearMarket(a, b, c, d, external_cost=e, rent_share=theta, goods_channel=g)


# --- closed forms ---------------------------------------------------------------
def test_free_trade_equilibrium_closed_form():
    m = LinearMarket(100.0, 1.0, -50.0, 2.0)
    out = m.equilibrium(0.0)
    assert out.seller_price == pytest.approx(50.0)
    assert out.quantity == pytest.approx(50.0)
    assert out.buyer_surplus == pytest.approx(50.0**2 / 2)
    assert out.seller_surplus == pytest.approx(50.0**2 / 4)


def test_inverse_elasticity_rule_textbook_case():
    # q = 100 - p, q = 2p - 50: t* = 150/8, by hand: q = 2t and q = (150 - 2t)/3.
    m = LinearMarket(100.0, 1.0, -50.0, 2.0)
    t = m.national_optimum()
    assert t == pytest.approx(18.75)
    out = m.equilibrium(t)
    assert t / out.seller_price == pytest.approx(1 / m.supply_elasticity(out.quantity))


@SETTINGS
@given(linear_markets(rent=1.0))
def test_inverse_elasticity_rule_holds_at_the_national_optimum(m):
    t = m.national_optimum()
    out = m.equilibrium(t)
    assume(out.quantity > 1e-6 * m.free_trade_quantity)
    markup = t - m.external_cost
    assert markup / out.seller_price == pytest.approx(1 / m.supply_elasticity(out.quantity), rel=1e-6)


@SETTINGS
@given(linear_markets())
def test_global_optimum_is_pigouvian(m):
    assert m.global_optimum() == pytest.approx(min(m.external_cost, m.prohibitive_wedge))


def test_optimal_tariff_is_inverse_elasticity():
    assert optimal_tariff(4.0) == 0.25
    assert optimal_tariff(math.inf) == 0.0
    assert np.allclose(optimal_tariff(np.array([1.0, 2.0, 5.0])), [1.0, 0.5, 0.2])


def test_local_content_cap():
    assert markets.cap_from_local_content(90.0, 0.9) == pytest.approx(10.0)
    assert markets.cap_from_local_content(10.0, 1.0) == 0.0


# --- invariants -----------------------------------------------------------------
@SETTINGS
@given(linear_markets(goods=True), st.floats(0.0, 1.5))
def test_world_welfare_is_maximal_at_global_optimum(m, frac):
    w = frac * m.prohibitive_wedge
    best = m.equilibrium(m.global_optimum()).world_welfare
    assert best >= m.equilibrium(w).world_welfare - 1e-9 * (1 + abs(best))


@SETTINGS
@given(linear_markets(goods=True), st.floats(0.0, 1.5))
def test_importer_welfare_is_maximal_at_national_optimum(m, frac):
    w = frac * m.prohibitive_wedge
    best = m.equilibrium(m.national_optimum()).importer_welfare
    assert best >= m.equilibrium(w).importer_welfare - 1e-9 * (1 + abs(best))


@SETTINGS
@given(linear_markets(rent=1.0, goods=True))
def test_national_exceeds_global_when_supply_not_perfectly_elastic(m):
    assume(m.global_optimum() < m.prohibitive_wedge * (1 - 1e-9))
    assert m.national_optimum() > m.global_optimum()


@SETTINGS
@given(linear_markets(goods=True), st.floats(0.0, 2.0))
def test_welfare_identities(m, frac):
    out = m.equilibrium(frac * m.prohibitive_wedge)
    assert out.world_welfare == pytest.approx(
        out.importer_welfare + out.seller_surplus + out.foreign_goods_loss, abs=1e-9)
    # The rent cancels: world welfare is total surplus minus external cost.
    total = out.buyer_surplus + out.quantity**2 / (2 * m.supply_slope) + out.revenue - out.external_cost
    assert out.world_welfare == pytest.approx(total, rel=1e-9, abs=1e-9)
    assert out.buyer_price == pytest.approx(out.seller_price + out.wedge)
    assert out.quantity >= 0


@SETTINGS
@given(linear_markets(), st.floats(0.0, 1.0))
def test_cap_and_equivalent_wedge_give_same_allocation(m, frac):
    cap = frac * m.free_trade_quantity
    a = m.with_cap(cap)
    b = m.equilibrium(m.wedge_for_quantity(cap))
    assert a.quantity == pytest.approx(cap, abs=1e-9 * (1 + cap))
    assert a.seller_price == pytest.approx(b.seller_price)
    assert a.buyer_price == pytest.approx(b.buyer_price)


@SETTINGS
@given(linear_markets(rent=1.0), st.floats(0.0, 10.0))
def test_goods_channel_moves_national_not_global_optimum(m, g):
    other = LinearMarket(m.demand_intercept, m.demand_slope, m.supply_intercept, m.supply_slope,
                         m.external_cost, 1.0, g)
    assert other.global_optimum() == m.global_optimum()
    assert other.national_optimum() >= m.national_optimum() - 1e-9


@SETTINGS
@given(linear_markets(rent=0.0))
def test_cap_with_rent_to_migrants_has_a_corner_optimum(m):
    q = m.equilibrium(m.national_optimum()).quantity
    assert q == pytest.approx(0.0, abs=1e-9) or q == pytest.approx(m.free_trade_quantity)


@SETTINGS
@given(linear_markets(), st.floats(0.0, 1.0))
def test_fee_and_auctioned_cap_are_equivalent(m, frac):
    """Tariffication for labor: auctioning the permits a fee leaves reproduces the fee."""
    fee = frac * m.prohibitive_wedge
    a = m.with_fee(fee)
    b = m.with_auctioned_cap(a.quantity)
    scale = 1 + abs(a.world_welfare) + abs(a.revenue)
    for field in ("quantity", "buyer_price", "seller_price", "revenue", "importer_welfare",
                  "seller_surplus", "world_welfare"):
        assert getattr(b, field) == pytest.approx(getattr(a, field), abs=1e-9 * scale), field
    if a.quantity > 1e-9 * m.free_trade_quantity:
        assert b.wedge == pytest.approx(fee, abs=1e-9 * (1 + fee))   # the auction clears at the fee


@SETTINGS
@given(linear_markets(), st.floats(0.0, 1.0))
def test_who_keeps_a_caps_rent_moves_only_the_rent(m, frac):
    """A cap with free permits differs from an auctioned one only by the rent that leaves."""
    cap = frac * m.free_trade_quantity
    free, sold = m.with_cap(cap), m.with_auctioned_cap(cap)
    assert free.quantity == pytest.approx(sold.quantity)
    assert free.world_welfare == pytest.approx(sold.world_welfare, abs=1e-9 * (1 + abs(sold.world_welfare)))
    lost = (1 - m.rent_share) * sold.revenue
    assert sold.importer_welfare - free.importer_welfare == pytest.approx(lost, abs=1e-9 * (1 + lost))
    # A fee is collected at home whatever the permits of a cap would do.
    assert m.with_fee(sold.wedge).importer_welfare == pytest.approx(sold.importer_welfare,
                                                                    abs=1e-9 * (1 + abs(lost)))


@SETTINGS
@given(linear_markets(rent=0.0))
def test_rent_abroad_corner_is_free_movement_iff_it_beats_no_trade(m):
    """With the rent abroad the importer's welfare is q^2/(2b) - e q, so it admits everyone
    when that is positive at free trade and no one when it is negative."""
    qf, b, e = m.free_trade_quantity, m.demand_slope, m.external_cost
    at_free = qf**2 / (2 * b) - e * qf
    assume(abs(at_free) > 1e-6 * (1 + qf**2 / b))
    q = m.equilibrium(m.national_optimum()).quantity
    assert q == pytest.approx(qf if at_free > 0 else 0.0, abs=1e-9 * (1 + qf))


def test_vectorised_equilibrium_matches_scalar():
    m = LinearMarket(30.0, 0.5, -5.0, 0.5, external_cost=4.0)
    ws = np.linspace(0, 60, 13)
    vec = m.equilibrium(ws)
    for i, w in enumerate(ws):
        one = m.equilibrium(float(w))
        assert vec.quantity[i] == pytest.approx(one.quantity)
        assert vec.world_welfare[i] == pytest.approx(one.world_welfare)


@SETTINGS
@given(linear_markets(rent=1.0))
def test_tariff_game_is_a_prisoners_dilemma_without_external_cost(m):
    m = LinearMarket(m.demand_intercept, m.demand_slope, m.supply_intercept, m.supply_slope)
    g = tariff_game(m)
    assert g.deviate > g.cooperate > g.punish > g.sucker
    assert g.payoffs[0, 1, 0] == pytest.approx(g.payoffs[1, 0, 1])  # symmetric


# --- bad input ------------------------------------------------------------------------
GOOD = {"demand_intercept": 100.0, "demand_slope": 1.0, "supply_intercept": -10.0,
        "supply_slope": 1.0}


@pytest.mark.parametrize("name,value", [
    ("demand_intercept", 0.0), ("demand_intercept", math.nan), ("demand_intercept", math.inf),
    ("demand_slope", -1.0), ("demand_slope", 0.0), ("supply_intercept", 5.0),
    ("supply_intercept", math.nan), ("supply_slope", 0.0), ("supply_slope", math.inf),
    ("external_cost", -0.5), ("external_cost", math.nan), ("rent_share", 1.5),
    ("rent_share", -0.1), ("goods_channel", -1.0),
])
def test_linear_market_rejects_bad_parameters(name, value):
    with pytest.raises(ValueError, match=name):
        LinearMarket(**{**GOOD, name: value})


def test_market_with_no_trade_is_rejected():
    with pytest.raises(ValueError, match="demand_intercept"):
        LinearMarket(10.0, 1.0, -20.0, 1.0)


def test_methods_reject_bad_input():
    m = LinearMarket(**GOOD)
    for call, name in [
        (lambda: m.equilibrium(-1.0), "wedge"), (lambda: m.equilibrium(math.nan), "wedge"),
        (lambda: m.equilibrium(np.array([1.0, -2.0])), "wedge"),
        (lambda: m.wedge_for_quantity(-1.0), "quantity"),
        (lambda: m.wedge_for_quantity(10 * m.free_trade_quantity), "quantity"),
        (lambda: m.with_cap(-3.0), "cap"), (lambda: m.supply_elasticity(0.0), "quantity"),
        (lambda: m.with_fee(-1.0), "fee"), (lambda: m.with_fee(math.nan), "fee"),
        (lambda: m.with_auctioned_cap(-2.0), "cap"),
        (lambda: optimal_tariff(0.0), "export_supply_elasticity"),
        (lambda: optimal_tariff(-2.0), "export_supply_elasticity"),
        (lambda: markets.cap_from_local_content(-1.0, 0.5), "native_employment"),
        (lambda: markets.cap_from_local_content(1.0, 0.0), "native_share"),
        (lambda: tariff_game("not a market"), "market"),
    ]:
        with pytest.raises(ValueError, match=name):
            call()
