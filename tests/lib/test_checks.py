"""migcoop.checks: right answers pass at the stated precision, slips get teaching messages,
check() never raises, and the package hands out no answer.

The expected values come from the instructor's answer key (tools/answer_key.py), which is
not part of the installed package.
"""

import importlib
import inspect
import math
import pkgutil
import re
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import migcoop.checks
from migcoop.checks import ANSWERS, EXERCISES, check, verdict
from migcoop.checks.core import accepted_roundings, canonical, close_precisions

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import answer_key  # noqa: E402  (instructor-only, outside the package)

VALUES = answer_key.answer_values()
LABELS = sorted(EXERCISES)
MULTI = [label for label in LABELS if len(EXERCISES[label].parts) > 1]
SINGLE = [label for label in LABELS if len(EXERCISES[label].parts) == 1]


def numbers(label):
    v = VALUES[label]
    return v if isinstance(v, tuple) else (v,)


def unit_step(x, sigfigs):
    """One unit in the last stated digit of ``x``."""
    return 10.0 ** (math.floor(math.log10(abs(x))) - sigfigs + 1)


def right(label, i, x):
    return canonical(x, EXERCISES[label].sigfigs) in accepted_roundings(numbers(label)[i],
                                                                         EXERCISES[label].sigfigs)


def as_given(label, nums):
    return nums[0] if len(nums) == 1 else tuple(nums)


# --- the registry and the key agree -------------------------------------------------------
def test_key_and_registry_cover_the_same_exercises():
    assert set(VALUES) == set(EXERCISES) and ANSWERS is EXERCISES
    for label in LABELS:
        assert len(numbers(label)) == len(EXERCISES[label].parts), label
        assert all(math.isfinite(x) for x in numbers(label)), label


def test_digests_are_up_to_date():
    """_digests.py is what `make check-hashes` writes from the answer key today."""
    assert not answer_key.digests_stale(), "lib/migcoop/checks/_digests.py is stale: run `make check-hashes`"


def exercise_bodies():
    bodies = {}
    for path in sorted((ROOT / "chapters").glob("[0-9][0-9]_*.md")):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"(`{3,})\{exercise\} [^\n]*\n:label: (ex-\d\d-\d+)\n(.*?)\n\1",
                             text, flags=re.S):
            bodies[m.group(2)] = m.group(3)
    return bodies


@pytest.mark.parametrize("label", LABELS)
def test_exercise_text_states_the_precision_and_names_the_numbers(label):
    body = exercise_bodies()[label]
    spec = EXERCISES[label]
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
    stated = re.findall(r"to (\w+) significant figures?", body)
    assert stated == [words[spec.sigfigs]], f"{label}: state the precision once: {stated}"
    call = re.search(rf'check\("{label}", \(?([^`]*?)\)?\)`', body)
    assert call, f"{label}: the text shows the check() call"
    assert tuple(n.strip() for n in call.group(1).split(",")) == spec.names


# --- the exact answer passes, a wrong one fails -----------------------------------------------
@pytest.mark.parametrize("label", LABELS)
def test_right_answers_pass(label, capsys):
    nums = numbers(label)
    n = EXERCISES[label].sigfigs
    assert check(label, as_given(label, nums)) is True
    assert "correct" in capsys.readouterr().out
    # at the stated precision, written as a student would, and with floating-point noise
    rounded = [float(answer_key.format_sig(x, n)) for x in nums]
    assert verdict(label, as_given(label, rounded))[0], (label, rounded)
    for noise in (1 + 1e-12, 1 - 1e-12):
        assert verdict(label, as_given(label, [x * noise for x in nums]))[0]
    assert verdict(label, list(nums))[0] and verdict(label, np.array(nums))[0]


@pytest.mark.parametrize("label", LABELS)
def test_wrong_answers_fail_without_revealing(label, capsys):
    nums = numbers(label)
    wrong = [x * 1.37 + 0.5 for x in nums]
    assert check(label, as_given(label, wrong)) is False
    out = capsys.readouterr().out
    assert "not yet" in out and "Hint:" in out
    n = EXERCISES[label].sigfigs
    for x in nums:
        if x != 0:
            assert answer_key.format_sig(x, n) not in re.findall(r"-?\d+(?:\.\d+)?", out), out


@pytest.mark.parametrize("label", SINGLE)
def test_one_number_in_a_tuple_list_or_array_is_one_number(label):
    x = numbers(label)[0]
    for given_ in ((x,), [x], np.array([x]), np.array([[x]]), np.float32(x) if x else x):
        ok, msg = verdict(label, given_)
        assert ok or isinstance(given_, np.float32), msg


def test_boundary_values_accept_both_roundings():
    # 0.002365 lies on a rounding boundary at three figures: 0.00236 and 0.00237 both pass
    assert accepted_roundings(0.002365, 3) == {"2.36e-03", "2.37e-03"}
    assert accepted_roundings(0.0023625, 3) == {"2.36e-03"}
    assert accepted_roundings(18.75, 3) == {"1.87e+01", "1.88e+01"}
    assert accepted_roundings(18.7, 3) == {"1.87e+01"}
    assert accepted_roundings(1e-15, 3) == {"0"} and canonical(-0.0, 3) == "0"
    assert list(close_precisions(3)) == [2] and list(close_precisions(4)) == [3, 2]
    assert list(close_precisions(1)) == []


# --- the messages that teach ----------------------------------------------------------------
@pytest.mark.parametrize("label", ["ex-02-2", "ex-02-3", "ex-06-2"])
def test_missing_answer_gets_a_sentence(label, capsys):
    assert check(label) is False
    out = capsys.readouterr().out
    assert "pass your answer" in out and "significant figures" in out
    assert f'check("{label}"' in out
    for name in EXERCISES[label].names:
        assert name in out


@pytest.mark.parametrize("label", MULTI)
def test_says_which_number_is_wrong(label):
    nums = numbers(label)
    spec = EXERCISES[label]
    for i in range(len(nums)):
        bad = list(nums)
        bad[i] = nums[i] * 1.37 + 0.5
        if any(right(label, j, bad[i]) for j in range(len(nums))):
            continue
        ok, msg = verdict(label, tuple(bad))
        assert not ok
        assert f"{spec.parts[i][0]} (the " in msg and "is not right yet" in msg, msg
        for j in range(len(nums)):
            if j != i:
                assert re.search(rf"{re.escape(spec.parts[j][0])} \(the \w+ number\) is right", msg), msg


def close_value(label, i):
    """A value right to fewer figures than asked but not to the stated precision, or None."""
    x, n = numbers(label)[i], EXERCISES[label].sigfigs
    if x == 0:
        return None
    u = unit_step(x, n)
    for k in (3, -3, 2, -2, 4, -4):
        y = x + k * u
        if not right(label, i, y) and canonical(y, n - 1) in accepted_roundings(x, n - 1):
            return y
    return None


@pytest.mark.parametrize("label", LABELS)
def test_close_when_right_to_fewer_figures(label):
    nums, tried = numbers(label), 0
    for i in range(len(nums)):
        y = close_value(label, i)
        if y is None:
            continue
        given_ = list(nums)
        given_[i] = y
        ok, msg = verdict(label, as_given(label, given_))
        assert not ok and "is close" in msg and "two significant figures" in msg, msg
        tried += 1
    assert tried or all(x == 0 for x in nums)


@pytest.mark.parametrize("label", MULTI)
def test_swapped_order_is_spotted(label):
    nums = numbers(label)
    if right(label, 0, nums[1]):  # the two first numbers are equal at this precision
        pytest.skip("first two numbers agree at the stated precision")
    given_ = (nums[1], nums[0], *nums[2:])
    ok, msg = verdict(label, given_)
    assert not ok and "swapped" in msg, msg
    assert "Hint" not in msg


@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize("factor", [100.0, 0.01, 1000.0, 0.001])
def test_unit_slip_in_one_number(label, factor):
    nums = numbers(label)
    spec = EXERCISES[label]
    for i, x in enumerate(nums):
        if x == 0:
            continue
        given_ = list(nums)
        given_[i] = x * factor
        ok, msg = verdict(label, as_given(label, given_))
        assert not ok
        word = "large" if factor > 1 else "small"
        assert f"{max(factor, 1 / factor):g} times too {word}" in msg, msg
        assert spec.parts[i][1] in msg
        for j in range(len(nums)):
            if j != i:
                assert f"{spec.parts[j][0]} (the" in msg and "is right" in msg


def test_specific_slip_messages():
    assert "not as a fraction" in verdict("ex-01-3", (VALUES["ex-01-3"][0] / 100, VALUES["ex-01-3"][1]))[1]
    assert "fractions" in verdict("ex-05-4", (VALUES["ex-05-4"][0] * 100, VALUES["ex-05-4"][1]))[1]
    assert "millions of migrants" in verdict("ex-02-3", (VALUES["ex-02-3"][0] * 1000, VALUES["ex-02-3"][1]))[1]


@pytest.mark.parametrize("label", LABELS)
def test_sign_slip(label):
    nums = numbers(label)
    for i, x in enumerate(nums):
        if x == 0 or right(label, i, -x):
            continue
        given_ = list(nums)
        given_[i] = -x
        ok, msg = verdict(label, as_given(label, given_))
        assert not ok and "wrong sign" in msg, msg


@pytest.mark.parametrize("given_, expect", [
    ("eighteen", "not a number"),
    ("18.75", "drop the quotes"),
    (None, "None"),
    (True, "not a number"),
    ({"t": 1.0}, "tuple"),
    ([], "empty"),
    (float("nan"), "finite"),
    (float("inf"), "finite"),
    (1 + 2j, "complex"),
    ((1.0, 2.0), "asks for one number"),
    (10**400, "too large"),
])
def test_malformed_answers_get_sentences(given_, expect):
    ok, msg = verdict("ex-02-2", given_)
    assert not ok and expect in msg, msg


def test_labels():
    x = VALUES["ex-02-2"]
    assert verdict("EX-2-2", x)[0] and verdict("ex_02_2", x)[0] and verdict(" ex-02-2 ", x)[0]
    assert "no number to check" in verdict("ex-02-1", 1.0)[1]
    assert "no checkable exercise" in verdict("ex-99", 1.0)[1]
    assert "label first" in verdict(18.75)[1] and "label first" in verdict(None, 1.0)[1]
    assert "label comes first" in verdict(18.75, "ex-02-2")[1]
    one = verdict("ex-02-3", VALUES["ex-02-3"][1])[1]
    assert "2 numbers" in one and "right for q_R" in one


# --- never raises ------------------------------------------------------------------------
class Weird:
    def __repr__(self):
        raise RuntimeError("broken repr")

    def __float__(self):
        raise ArithmeticError("broken float")


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.complex_numbers(), st.text(max_size=8), st.binary(max_size=4),
                    st.builds(Weird), st.just(object()), st.just(np.float64("nan")))
answers = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.tuples(inner, inner),
    st.dictionaries(st.text(max_size=3), inner, max_size=2),
    st.lists(st.floats(allow_nan=False), max_size=4).map(np.array)), max_leaves=8)
labels = st.one_of(st.sampled_from(LABELS), st.text(max_size=10), st.integers(), st.none(),
                   st.builds(Weird))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(label=labels, answer=answers)
def test_check_never_raises(label, answer):
    ok, msg = verdict(label, answer)
    assert isinstance(ok, bool) and isinstance(msg, str) and msg


@settings(max_examples=200, deadline=None)
@given(label=st.sampled_from(LABELS), data=st.data())
def test_numbers_never_raise(label, data):
    n = len(EXERCISES[label].parts)
    nums = data.draw(st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=n, max_size=n))
    ok, msg = verdict(label, tuple(nums))
    assert isinstance(ok, bool) and msg.startswith(label)


def test_check_prints_and_returns(capsys):
    assert check("ex-02-2", Weird()) is False
    out = capsys.readouterr().out
    assert out.startswith("✘") and "Traceback" not in out


# --- no answers in reach ---------------------------------------------------------------------
def submodules():
    mods = [migcoop.checks]
    for info in pkgutil.iter_modules(migcoop.checks.__path__):
        mods.append(importlib.import_module(f"migcoop.checks.{info.name}"))
    return mods


def test_checks_package_computes_nothing_from_the_models():
    for mod in submodules():
        src = inspect.getsource(mod)
        imported = re.findall(r"^\s*(?:from|import)\s+([.\w]+)", src, flags=re.M)
        allowed = {"__future__", "dataclasses", "hashlib", "math", "re", "reprlib", "warnings",
                   "typing", ".", ".core", ".exercises", "._digests", ".._validate"}
        assert set(imported) <= allowed, (mod.__name__, set(imported) - allowed)
    assert not hasattr(migcoop.checks, "expected")


def contains_answer(obj, targets, depth=0):
    if depth > 4:
        return False
    if isinstance(obj, (bool, str, bytes)) or obj is None:
        return False
    if isinstance(obj, (int, float, np.floating, np.integer)):
        return any(math.isclose(float(obj), t, rel_tol=1e-6) for t in targets)
    if isinstance(obj, dict):
        return any(contains_answer(v, targets, depth + 1) for v in obj.values())
    if isinstance(obj, (list, tuple, set, np.ndarray)):
        return any(contains_answer(v, targets, depth + 1) for v in list(obj))
    if hasattr(obj, "__dataclass_fields__"):
        return any(contains_answer(getattr(obj, f), targets, depth + 1) for f in obj.__dataclass_fields__)
    return False


def test_no_public_name_returns_an_answer():
    """Call every public callable of migcoop.checks and its modules with each label (and a
    label and a guess) and inspect every public constant: no answer value comes back."""
    for mod in submodules():
        for name in dir(mod):
            if name.startswith("_"):
                continue
            obj = getattr(mod, name)
            if inspect.ismodule(obj) or inspect.isclass(obj):
                continue
            for label in LABELS:
                targets = [x for x in numbers(label) if abs(x) > 1e-6 and x not in (1.0, 2.0, 3.0)]
                if not callable(obj):
                    assert not contains_answer(obj, targets), f"{mod.__name__}.{name} holds {label}"
                    continue
                for args in ((label,), (label, 1.0), (label, (1.0, 2.0)), ()):
                    try:
                        out = obj(*args)
                    except Exception:
                        continue
                    assert not contains_answer(out, targets), f"{mod.__name__}.{name}{args}"
                    if isinstance(out, tuple) and len(out) == 2 and isinstance(out[1], str):
                        for t in targets:
                            n = EXERCISES[label].sigfigs
                            assert answer_key.format_sig(t, n) not in re.findall(r"-?\d+\.\d+", out[1])


def test_hints_name_no_answer():
    for label in LABELS:
        spec = EXERCISES[label]
        text = " ".join([spec.hint, *(m for _, m in spec.slips)])
        for x in numbers(label):
            if abs(x) > 1e-6 and x not in (1.0, 2.0, 3.0, 0.5):
                for k in (2, 3):
                    shown = answer_key.format_sig(x, k)
                    assert not re.search(rf"(?<![\d.]){re.escape(shown)}(?![\d])", text), (label, shown)


def test_digest_file_holds_no_plain_numbers():
    text = (ROOT / "lib" / "migcoop" / "checks" / "_digests.py").read_text(encoding="utf-8")
    body = text.split("DIGESTS = {", 1)[1]
    assert not re.search(r"\d\.\d", body), "digests only"


# --- the printable key ---------------------------------------------------------------------
def test_format_sig():
    assert answer_key.format_sig(18.75, 3) == "18.8"
    assert answer_key.format_sig(0.5, 3) == "0.500"
    assert answer_key.format_sig(1234.5, 3) == "1230"
    assert answer_key.format_sig(-0.0023625, 3) in {"-0.00236", "-0.00237"}
    assert answer_key.format_sig(0.0, 3) == "0"


def test_answer_key_records_every_exercise():
    records = {r["label"]: r for r in answer_key.key_records()}
    assert set(EXERCISES) <= set(records)
    for label in LABELS:
        r = records[label]
        assert r["kind"] == "Computational" and r["title"]
        assert [p["name"] for p in r["parts"]] == list(EXERCISES[label].names)
    others = [r for r in records.values() if r["label"] not in EXERCISES]
    assert others and all(r["model_answer"] for r in others)
    page = answer_key._html(list(records.values()))
    assert "instructor only" in page and page.count("<tr>") >= len(records)


def distinctive(x: float) -> bool:
    """An answer worth guarding: not a round number that appears everywhere (2, 0.5, 7.5)."""
    return abs(x) > 1e-6 and not (abs(x) <= 12 and round(x * 4, 9).is_integer())


def test_library_examples_show_no_answer():
    """The installed package's doctest examples (shown in the library reference page) never
    print an exercise's answer."""
    import doctest

    import migcoop

    targets = {(label, x) for label in LABELS for x in numbers(label) if distinctive(x)}
    finder = doctest.DocTestFinder(exclude_empty=True)
    hits = []
    for info in pkgutil.walk_packages(migcoop.__path__, "migcoop."):
        if info.name.startswith("migcoop.checks"):
            continue
        mod = importlib.import_module(info.name)
        for test in finder.find(mod):
            for ex in test.examples:
                for num in re.findall(r"-?\d+\.?\d*(?:e-?\d+)?", ex.want):
                    y = float(num)
                    hits += [(test.name, label, num) for label, x in targets
                             if math.isclose(y, x, rel_tol=5e-4)]
    assert not hits, f"doctest output shows an exercise's answer: {hits}"
