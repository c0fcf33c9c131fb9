"""The machinery behind :func:`migcoop.checks.check`.

How an answer is compared without the package knowing it
---------------------------------------------------------
Each exercise states the significant figures it wants (``Exercise.sigfigs``, default 3).
A number is rounded to that many figures and written in one canonical form
(``canonical(12.34, 3) == "1.23e+01"``); the package ships, for each exercise number, the
salted SHA-256 digests of the accepted roundings at the stated precision and at each
lower one (``_digests.py``, generated from the instructor's answer key). A student's
number is right when the digest of its rounding is among them. Near a rounding boundary
(within a hundredth of a last-digit unit) both neighbouring roundings are accepted, so an
answer computed with floating-point noise or rounded half-up by hand passes.

Because the comparison runs on the student's own number, the slips are tested the same
way: the number divided by 100 or 1000 (a unit slip), its negative (a sign slip), another
position's digests (numbers in the wrong order), fewer figures ("close"). Every message
names the number concerned, its unit and the precision asked for; none contains the
answer.
"""

from __future__ import annotations

import hashlib
import math
import re
import reprlib
import warnings

try:
    from . import _digests
except ImportError:  # before the first `make check-hashes`
    _digests = None
from .exercises import EXERCISES, Exercise

ZERO = 1e-9  # a number smaller than this in magnitude rounds to "0"
SLIP_FACTORS = (100.0, 1000.0, 1e6)
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}
_MISSING = object()
_repr = reprlib.Repr()
_repr.maxstring, _repr.maxother, _repr.maxlist, _repr.maxtuple = 40, 40, 6, 6


# --- canonical rounding and digests -----------------------------------------------------------
def close_precisions(sigfigs: int) -> range:
    """The lower precisions at which a number still counts as "close" (3 -> 2; 4 -> 3, 2)."""
    return range(sigfigs - 1, max(1, min(2, sigfigs - 1)) - 1, -1)


def canonical(x: float, sigfigs: int) -> str:
    """``x`` rounded to ``sigfigs`` significant figures, in one canonical string form."""
    if not math.isfinite(x):
        return "nan"
    if abs(x) < ZERO:
        return "0"
    return f"{x:.{sigfigs - 1}e}"


def accepted_roundings(x: float, sigfigs: int) -> set[str]:
    """The roundings of ``x`` that count as right: its own, and a neighbour when ``x`` lies
    within a hundredth of a last-digit unit of a rounding boundary."""
    if abs(x) < ZERO:
        return {"0"}
    step = 10.0 ** (math.floor(math.log10(abs(x))) - sigfigs + 1) / 100
    return {canonical(x, sigfigs), canonical(x - step, sigfigs), canonical(x + step, sigfigs)}


def digest(salt: str, label: str, index: int, rounding: str) -> str:
    """The salted digest of one rounding of number ``index`` of exercise ``label``."""
    return hashlib.sha256(f"{salt}|{label}|{index}|{rounding}".encode()).hexdigest()[:20]


def _matches(label: str, index: int, x: float, sigfigs: int) -> bool:
    if _digests is None or label not in _digests.DIGESTS:
        return False
    table = _digests.DIGESTS[label]
    if not 0 <= index < len(table) or sigfigs not in table[index] or not math.isfinite(x):
        return False
    return digest(_digests.SALT, label, index, canonical(x, sigfigs)) in table[index][sigfigs]


# --- reading what the student passed ----------------------------------------------------------
def _show(value) -> str:
    try:
        return _repr.repr(value)
    except Exception:  # a broken __repr__ must not break the check
        return f"<{type(value).__name__} object>"


def normalise_label(label) -> str | None:
    """``"EX 2-3"``, ``"ex_02_3"`` -> ``"ex-02-3"``; ``None`` when it is no label at all."""
    if not isinstance(label, str):
        return None
    m = re.fullmatch(r"\s*ex(?:ercise)?\s*[-_ .]?\s*(\d{1,2})\s*[-_ .]\s*(\d{1,2})\s*", label,
                     flags=re.I)
    return f"ex-{int(m.group(1)):02d}-{int(m.group(2))}" if m else None


def _numbers(value) -> tuple[tuple[float, ...] | None, str]:
    """``(numbers, "")`` or ``(None, why it is not a number or numbers)``."""
    if isinstance(value, (str, bytes)):
        try:
            float(value)
            return None, f"the text {_show(value)}, not a number: drop the quotes"
        except (TypeError, ValueError):
            return None, f"the text {_show(value)}, not a number"
    if isinstance(value, (dict, set, frozenset)):
        return None, "a dict or set: give the numbers as a tuple, in the order the exercise asks"
    if value is None:
        return None, "None (did the cell that computes it run, and does your function return it?)"
    items = _flatten(value)
    if items is None:
        return None, f"{_show(value)} ({type(value).__name__}), not a number"
    out = []
    for item in items:
        if isinstance(item, (bool, str, bytes)) or type(item).__name__ == "bool_":
            return None, f"{_show(item)} inside it, which is not a number"
        if isinstance(item, complex) or "complex" in type(item).__name__:
            if complex(item).imag != 0:
                return None, f"the complex number {_show(item)}; the answer is real"
            item = complex(item).real
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out.append(float(item))
        except OverflowError:
            return None, f"{_show(item)}, a number too large to be a floating-point number"
        except (TypeError, ValueError):
            return None, f"{_show(item)} ({type(item).__name__}), not a number"
    if not out:
        return None, "empty"
    return tuple(out), ""


def _flatten(value, depth: int = 0):
    """The scalars in ``value`` (a number, a sequence or an array of them), or ``None``."""
    if depth > 4:
        return None
    if hasattr(value, "ndim") and hasattr(value, "tolist"):  # numpy arrays and scalars
        try:
            value = value.tolist()
        except Exception:
            return None
    if isinstance(value, (list, tuple)):
        out = []
        for v in value:
            sub = _flatten(v, depth + 1)
            if sub is None:
                return None
            out.extend(sub)
        return out
    if isinstance(value, (str, bytes, dict, set, frozenset)) or value is None:
        return None
    if hasattr(value, "__iter__") and not hasattr(value, "__float__"):
        try:
            return _flatten(list(value), depth + 1)
        except Exception:
            return None
    return [value]


# --- the verdict ---------------------------------------------------------------------------
def _precision(spec: Exercise) -> str:
    return f"{WORDS.get(spec.sigfigs, spec.sigfigs)} significant figure{'s' if spec.sigfigs > 1 else ''}"


def _what(spec: Exercise, i: int) -> str:
    if len(spec.parts) == 1:
        return "Your answer"
    return f"{spec.parts[i][0]} (the {ORDINALS.get(i + 1, f'#{i + 1}')} number)"


def _asks(spec: Exercise) -> str:
    if len(spec.parts) == 1:
        name, unit = spec.parts[0]
        return (f'one number, {name} ({unit}), to {_precision(spec)}: '
                f'check("{spec.label}", {name})')
    names = ", ".join(spec.names)
    units = "; ".join(f"{n} in {u}" for n, u in spec.parts)
    return (f"{len(spec.parts)} numbers, in this order, each to {_precision(spec)}: "
            f'check("{spec.label}", ({names})) ({units})')


def _slip_message(spec: Exercise, factor: float) -> str:
    for f, msg in spec.slips:
        if math.isclose(f, factor, rel_tol=1e-9):
            return msg
    if factor in (100.0, 0.01):
        return "A per cent where a fraction is asked for, or the reverse?"
    if factor in (1000.0, 0.001):
        return "Thousands where millions are asked for (or millions for billions), or the reverse?"
    return "Millions where units are asked for, or the reverse?"


def _diagnose(spec: Exercise, i: int, x: float, nums: tuple[float, ...]):
    """What is wrong with number ``i`` (``x``): ``(message, needs_hint, swapped_with)``."""
    label, n, what = spec.label, spec.sigfigs, _what(spec, i)
    unit = spec.parts[i][1]
    for j in range(len(spec.parts)):
        if j != i and _matches(label, j, x, n):
            if _matches(label, i, nums[j], n):
                return (f"{spec.parts[i][0]} and {spec.parts[j][0]} are swapped: give the numbers "
                        f"in the order ({', '.join(spec.names)}).", False, j)
            return (f"{what} is the right value for {spec.parts[j][0]}, not for {spec.parts[i][0]}: "
                    f"give the numbers in the order ({', '.join(spec.names)}).", False, None)
    for factor in SLIP_FACTORS:
        for f in (factor, 1 / factor):
            if _matches(label, i, x / f, n):
                size = "large" if f > 1 else "small"
                return (f"{what} is {factor:g} times too {size}; the unit asked for is {unit}. "
                        f"{_slip_message(spec, f)}", False, None)
    if x != 0 and _matches(label, i, -x, n):
        return (f"{what} has the right size but the wrong sign: is it a gain or a loss, a rise "
                "or a fall?", False, None)
    for k in close_precisions(n):
        if _matches(label, i, x, k):
            return (f"{what} is close: it is right to {WORDS.get(k, k)} significant "
                    f"figure{'s' if k > 1 else ''}, but the exercise asks for {_precision(spec)}. "
                    "Keep full precision through the calculation and round only at the end.", False,
                    None)
    return f"{what} is not right yet.", True, None


def verdict(label, answer=_MISSING) -> tuple[bool, str]:
    """``(correct, message)`` for ``answer`` to exercise ``label``: what :func:`check` prints.

    Never raises: a missing answer, an unknown label or something that is not a number gets a
    sentence that says what to pass instead.
    """
    try:
        return _verdict(label, answer)
    except Exception as exc:  # pragma: no cover - the last line of defence
        return False, (f"check() could not read this answer ({type(exc).__name__}). Pass the "
                       'exercise label and a number or a tuple of numbers: check("ex-02-2", 18.7).')


def _verdict(label, answer) -> tuple[bool, str]:
    key = normalise_label(label)
    if key is None or key not in EXERCISES:
        known = ", ".join(sorted(EXERCISES))
        if not isinstance(label, str):
            if isinstance(answer, str) and normalise_label(answer) in EXERCISES:
                return False, (f"The label comes first: check({answer!r}, {_show(label)}).")
            return False, ("check() needs the exercise's label first, then your answer, for "
                           f'example check("ex-02-2", t). Checkable exercises: {known}.')
        if key is not None and key.startswith("ex-"):
            return False, (f"{label} has no number to check: check() knows the computational "
                           f"exercises ({known}); conceptual answers and explorations are "
                           "discussed, not checked.")
        return False, f"There is no checkable exercise called {_show(label)}. Checkable exercises: {known}."
    spec = EXERCISES[key]
    if _digests is None or key not in _digests.DIGESTS:
        return False, (f"{key}: this copy of migcoop has no answer digest for the exercise; "
                       "the instructor regenerates them with `make check-hashes`.")
    if answer is _MISSING:
        return False, f"{key}: pass your answer after the label. This exercise asks for {_asks(spec)}."
    nums, why = _numbers(answer)
    if nums is None:
        return False, f"{key}: your answer is {why}. This exercise asks for {_asks(spec)}."
    if not all(math.isfinite(v) for v in nums):
        return False, (f"{key}: your answer {_show(answer)} contains a value that is not a finite "
                       "number (nan or inf): something in the calculation divided by zero or "
                       "took the log of a non-positive number.")
    want = len(spec.parts)
    if len(nums) != want:
        msg = f"{key}: you gave {len(nums)} number{'s' if len(nums) != 1 else ''}; this exercise asks for {_asks(spec)}."
        if len(nums) == 1:
            right = [spec.parts[j][0] for j in range(want) if _matches(key, j, nums[0], spec.sigfigs)]
            if right:
                msg += f" (Your number is right for {right[0]}.)"
        return False, msg
    n = spec.sigfigs
    ok = [_matches(key, i, x, n) for i, x in enumerate(nums)]
    if all(ok):
        scope = "" if want == 1 else ("both numbers " if want == 2 else f"all {want} numbers ") + "are "
        return True, f"{key}: correct ({scope}right to {_precision(spec)})."
    lines, needs_hint, swapped = [], False, set()
    for i, x in enumerate(nums):
        if i in swapped:
            continue
        if ok[i]:
            lines.append(f"{_what(spec, i)} is right.")
            continue
        msg, hint, partner = _diagnose(spec, i, x, nums)
        if partner is not None:
            swapped.add(partner)
        lines.append(msg)
        needs_hint |= hint
    if needs_hint:
        lines.append(f"Hint: {spec.hint}")
    return False, f"{key}: not yet. " + " ".join(lines)


def check(label, answer=_MISSING) -> bool:
    """Print whether ``answer`` to exercise ``label`` is right, with a hint if it is not.

    Parameters
    ----------
    label : the exercise's label, e.g. ``"ex-02-2"``.
    answer : a number, or a tuple of numbers in the order the exercise asks for them. A
        one-element tuple, list or array counts as one number. The exercise states the
        significant figures it wants (three unless it says otherwise); that rounding of
        your number is compared.

    Returns
    -------
    ``True`` when every number is right, else ``False``. It never raises: a missing or
    malformed answer or an unknown label gets a sentence that says what to pass. When an
    answer is wrong it says which number, and spots numbers in the wrong order, a unit or
    percentage slip, a wrong sign, and answers right only to fewer figures than asked;
    otherwise it gives a hint. It never shows the answer.

    Examples
    --------
    >>> check("ex-02-2")            # doctest: +ELLIPSIS
    ✘ ex-02-2: pass your answer after the label. This exercise asks for one number, t ...
    False
    """
    ok, msg = verdict(label, answer)
    try:
        print(("✔ " if ok else "✘ ") + msg)
    except Exception:  # pragma: no cover - a closed or broken stdout
        pass
    return ok
