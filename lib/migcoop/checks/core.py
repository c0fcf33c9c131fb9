"""The machinery behind ``migcoop.checks.check``.

An answer is registered with a function that computes the expected value from
the models, a relative tolerance suited to the quantity, a unit, and a hint that
points to the concept (never the number). :func:`check` prints a verdict and never
raises for a student's slip: a bad label or an answer of the wrong type gets a
clear message.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Answer:
    """One checkable exercise answer.

    ``compute()`` returns the expected number (or tuple of numbers); ``rtol`` is the
    relative tolerance; ``atol`` an absolute one for answers near zero; ``unit`` the
    unit the answer is expected in; ``hint`` a pointer to the concept; ``scale_hints``
    maps a factor to a message for common slips (a percentage given as a fraction:
    ``{100: "..."}``).
    """

    label: str
    compute: Callable[[], object]
    hint: str
    unit: str = ""
    rtol: float = 1e-3
    atol: float = 1e-9
    scale_hints: tuple = ()


ANSWERS: dict[str, Answer] = {}


def answer(label: str, *, hint: str, unit: str = "", rtol: float = 1e-3, atol: float = 1e-9,
           scale_hints: dict | None = None):
    """Decorator registering ``compute`` as the expected answer of exercise ``label``."""

    def decorate(compute):
        ANSWERS[label] = Answer(label, compute, hint, unit, rtol, atol,
                                tuple((scale_hints or {}).items()))
        return compute

    return decorate


def expected(label: str):
    """The expected answer of exercise ``label`` (for instructors and tests)."""
    if label not in ANSWERS:
        raise ValueError(f"label={label!r} is not a checkable exercise; known: {sorted(ANSWERS)}")
    return ANSWERS[label].compute()


def _as_numbers(value):
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None
    return arr


def verdict(label: str, given) -> tuple[bool, str]:
    """``(correct, message)`` for an answer; what :func:`check` prints."""
    if not isinstance(label, str) or label not in ANSWERS:
        known = ", ".join(sorted(ANSWERS))
        return False, f"There is no checkable exercise called {label!r}. Checkable exercises: {known}."
    a = ANSWERS[label]
    want = np.asarray(a.compute(), dtype=float)
    got = _as_numbers(given)
    unit = f" {a.unit}" if a.unit else ""
    if got is None or isinstance(given, (str, bytes, bool)):
        in_unit = f" (in{unit})" if unit else ""
        return False, (f"{label}: the answer should be a number{in_unit}"
                       f"{' (several numbers: a tuple)' if want.ndim else ''}, not {given!r}.")
    if got.shape != want.shape:
        n = want.size
        return False, (f"{label}: expected {n} number{'s' if n > 1 else ''}{unit}, "
                       f"got {got.size}. Give them in the order the exercise asks for.")
    if not np.all(np.isfinite(got)):
        return False, f"{label}: the answer {given!r} is not a finite number."
    if np.allclose(got, want, rtol=a.rtol, atol=a.atol):
        return True, f"{label}: correct."
    msgs = []
    for factor, msg in a.scale_hints:
        if np.allclose(got, want * factor, rtol=a.rtol, atol=a.atol):
            msgs.append(msg)
    if not msgs and np.allclose(got, -want, rtol=a.rtol, atol=a.atol) and np.any(want != 0):
        msgs.append("The size is right but the sign is not: is this a gain or a loss, a rise or a fall?")
    if not msgs:
        for factor in (100.0, 0.01, 1000.0, 0.001):
            if np.allclose(got, want * factor, rtol=a.rtol, atol=a.atol):
                msgs.append(f"Off by a factor of {factor:g}: check the units{unit and ' (' + unit.strip() + ')'}.")
                break
    rel = f" (within {a.rtol:.1%})" if a.rtol >= 1e-3 and not math.isclose(a.rtol, 1e-3) else ""
    tail = " ".join(msgs) if msgs else f"Hint: {a.hint}"
    return False, f"{label}: not yet{rel}. {tail}"


def check(label: str, answer) -> bool:
    """Print whether ``answer`` to exercise ``label`` is right, with a hint if not.

    Returns ``True`` or ``False``; never raises for a wrong label or type.
    """
    ok, msg = verdict(label, answer)
    print(("✔ " if ok else "✘ ") + msg)
    return ok
