"""migcoop.checks: every answer computes, verdicts are right, slips get clear messages."""

import numpy as np
import pytest

from migcoop.checks import ANSWERS, check, expected
from migcoop.checks.core import verdict


@pytest.mark.parametrize("label", sorted(ANSWERS))
def test_every_answer_computes_a_finite_number(label):
    value = np.asarray(expected(label), dtype=float)
    assert value.size >= 1 and np.all(np.isfinite(value))


@pytest.mark.parametrize("label", sorted(ANSWERS))
def test_expected_answer_is_accepted_and_a_wrong_one_is_not(label, capsys):
    value = expected(label)
    assert check(label, value) is True
    assert "correct" in capsys.readouterr().out
    wrong = np.asarray(value, dtype=float) * 1.37 + 0.5
    assert check(label, wrong.tolist() if wrong.ndim else float(wrong)) is False
    assert "not yet" in capsys.readouterr().out


def test_slips_get_specific_messages():
    label = "ex-02-2"
    want = expected(label)
    assert "factor of 100" in verdict(label, want * 100)[1]
    assert "sign" in verdict(label, -want)[1]
    assert "number" in verdict(label, "eighteen")[1]
    assert "expected 1 number" in verdict(label, (1.0, 2.0))[1]
    assert "no checkable exercise" in verdict("ex-99-9", 1.0)[1].lower()
    assert "no checkable exercise" in verdict(None, 1.0)[1].lower()
    assert "finite" in verdict(label, float("nan"))[1]


def test_check_never_raises(capsys):
    for label, given in [("ex-02-2", object()), ("ex-02-2", None), (3, 1.0), ("ex-02-3", [1])]:
        assert check(label, given) is False
    out = capsys.readouterr().out
    assert "Traceback" not in out


def test_expected_rejects_unknown_label():
    with pytest.raises(ValueError, match="label"):
        expected("ex-00-0")
