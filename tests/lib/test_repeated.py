"""migcoop.repeated (grim trigger): closed form, invariants and bad input."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migcoop.repeated import is_self_enforcing, min_discount_factor

payoff = st.floats(-1e3, 1e3)


def test_closed_form():
    assert min_discount_factor(3.0, 5.0, 1.0) == pytest.approx(0.5)
    assert min_discount_factor(3.0, 2.0, 1.0) == 0.0  # no temptation
    assert min_discount_factor(1.0, 5.0, 1.0) >= 1  # cooperating is no better than punishment
    assert min_discount_factor(1.0, 5.0, 5.0) == math.inf


@settings(max_examples=100, deadline=None)
@given(payoff, st.floats(0.01, 100.0), st.floats(0.01, 100.0), st.floats(0.0, 0.999))
def test_threshold_is_where_cheating_stops_paying(c, temptation, loss, delta):
    d, p = c + temptation, c - loss
    need = min_discount_factor(c, d, p)
    assert 0 < need < 1
    # Present value of cooperating vs cheating once then being punished for ever.
    coop = c / (1 - delta)
    cheat = d + delta * p / (1 - delta)
    if delta > need + 1e-9:
        assert coop > cheat
    elif delta < need - 1e-9:
        assert coop < cheat
    assert is_self_enforcing(delta, c, d, p) == (delta >= need)


@settings(max_examples=60, deadline=None)
@given(payoff, st.floats(0.01, 100.0), st.floats(0.01, 100.0), st.floats(0.01, 50.0))
def test_threshold_rises_with_the_temptation(c, temptation, loss, extra):
    p = c - loss
    assert min_discount_factor(c, c + temptation + extra, p) > min_discount_factor(c, c + temptation, p)


def test_vectorised():
    out = min_discount_factor(np.array([3.0, 3.0]), np.array([5.0, 4.0]), np.array([1.0, 1.0]))
    assert np.allclose(out, [0.5, 1 / 3])


@pytest.mark.parametrize("args,name", [
    ((math.nan, 1.0, 0.0), "cooperate"), ((1.0, math.inf, 0.0), "deviate"),
    ((1.0, 2.0, math.nan), "punish"),
])
def test_bad_payoffs(args, name):
    with pytest.raises(ValueError, match=name):
        min_discount_factor(*args)


@pytest.mark.parametrize("delta", [-0.1, 1.0, 1.5, math.nan])
def test_bad_delta(delta):
    with pytest.raises(ValueError, match="delta"):
        is_self_enforcing(delta, 3.0, 5.0, 1.0)


@settings(max_examples=60, deadline=None)
@given(st.floats(0.0, 1.0), payoff, payoff, payoff)
def test_deviation_value_decides_self_enforcement(delta, a, b, c):
    """Keeping the deal beats cheating once exactly when delta clears the threshold
    (with the usual order: punishment <= cooperation <= cheating)."""
    from migcoop.repeated import deviation_value

    punish, cooperate, deviate = sorted((a, b, c))
    value = deviation_value(delta, deviate, punish)
    assert value == pytest.approx((1 - delta) * deviate + delta * punish)
    need = min_discount_factor(cooperate, deviate, punish)
    if delta < 1 and abs(cooperate - value) > 1e-6 * (1 + abs(deviate) + abs(punish)):
        assert (cooperate >= value) == (delta >= need)
    grid = deviation_value(np.linspace(0, 1, 5), deviate, punish)
    assert np.shape(grid) == (5,)
