"""Argument checks shared by every model module.

Each check raises ``ValueError`` naming the parameter, the bad value and the
allowed range, so a reader who drags a value out of bounds learns what went
wrong instead of getting a silent NaN. The checks accept numbers or numpy
arrays (models vectorise over arrays when a chapter plots a curve).
"""

from __future__ import annotations

import math

import numpy as np

_INF = math.inf


def _describe(low: float, high: float, low_open: bool, high_open: bool) -> str:
    left = "(" if low_open or low == -_INF else "["
    right = ")" if high_open or high == _INF else "]"
    lo = "-inf" if low == -_INF else f"{low:g}"
    hi = "inf" if high == _INF else f"{high:g}"
    return f"{left}{lo}, {hi}{right}"


def check_range(
    name: str,
    value,
    low: float = -_INF,
    high: float = _INF,
    *,
    low_open: bool = False,
    high_open: bool = False,
    allow_inf: bool = False,
):
    """Return ``value`` (a float or float array) if it lies in the range, else raise.

    ``low_open``/``high_open`` exclude the end points. NaN is never allowed;
    infinity only when ``allow_inf`` is true (and the range admits it).
    """
    if isinstance(value, bool):
        raise ValueError(f"{name}={value!r} must be a number in {_describe(low, high, low_open, high_open)}")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(
            f"{name}={value!r} must be a number in {_describe(low, high, low_open, high_open)}"
        ) from None
    allowed = _describe(low, high, low_open, high_open)
    bad = np.isnan(arr)
    if not allow_inf:
        bad |= np.isinf(arr)
    bad |= (arr <= low) if low_open else (arr < low)
    bad |= (arr >= high) if high_open else (arr > high)
    if np.any(bad):
        shown = arr if arr.ndim == 0 else arr[bad].flat[0]
        raise ValueError(f"{name}={float(shown)!r} is outside the allowed range {allowed}")
    return float(arr) if arr.ndim == 0 else arr


def check_share(name: str, value, *, open_low: bool = False, open_high: bool = False):
    """A share or probability in [0, 1] (ends optionally excluded)."""
    return check_range(name, value, 0.0, 1.0, low_open=open_low, high_open=open_high)


def check_positive(name: str, value, *, allow_zero: bool = False, allow_inf: bool = False):
    """A strictly positive number (or non-negative with ``allow_zero``)."""
    return check_range(name, value, 0.0, _INF, low_open=not allow_zero, allow_inf=allow_inf)


def check_int(name: str, value, low: int, high: int | None = None) -> int:
    """A whole number in [low, high]."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            hi = "inf" if high is None else str(high)
            raise ValueError(f"{name}={value!r} must be a whole number in [{low}, {hi}]")
    if value < low or (high is not None and value > high):
        hi = "inf" if high is None else str(high)
        raise ValueError(f"{name}={value!r} is outside the allowed range [{low}, {hi}]")
    return int(value)


def check_choice(name: str, value, options) -> str:
    """One of a fixed set of options."""
    if value not in options:
        raise ValueError(f"{name}={value!r} is not one of the allowed values {sorted(options)}")
    return value
