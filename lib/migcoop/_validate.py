"""Argument checks shared by every model module: one validation idiom for the library.

Every input the library accepts goes through one of the *specs* below, and every
frozen dataclass of parameters validates and normalises its fields with one call,
:func:`validate_fields`, in its ``__post_init__``::

    def __post_init__(self):
        validate_fields(self, demand_intercept=POSITIVE, supply_intercept=real(high=0.0),
                        rent_share=SHARE, cost_a=lambda s: real(0.0, s.choke_price))

A spec may be given as a function of the object when its range depends on fields
checked before it (keyword order is checking order). Methods and functions check
their arguments with the ``check_*`` functions, which accept numpy arrays and check
them element by element (models vectorise over arrays when a chapter plots a curve)
unless ``scalar=True``.

The rules, the same everywhere:

* A *real number* is an ``int`` or a ``float`` (numpy's included), never a bool, a
  string (not even ``"3"``), ``None`` or a complex number. It must be finite unless
  the parameter says that infinity means something (a cap of ``inf`` is no cap).
* Every real number lies within ``[-LIMIT, LIMIT]`` (``LIMIT = 1e12``) unless its
  parameter states a wider range: in the book's units (millions of people, billions
  of dollars) nothing larger describes an economy, and the models multiply and square
  their inputs, which must stay finite in floating point.
* A number that must be strictly positive (a range open at 0) must be at least
  ``TINY = 1e-12``: anything smaller is zero for the model's purposes, and dividing by
  it would overflow. The error message states the range in this form, e.g.
  ``[1e-12, 1e+12]``.
* Constructors take single numbers; where a method takes an array, every element
  must satisfy the rule.
* A *count* (countries, paths, years, a seed) is a whole number: an ``int``, or a
  ``float`` with no fractional part (``3.0`` is read as ``3``; ``2.5`` is an error).
  Every count has an upper bound, stated where the count is documented.
* A *seed* is a count in ``[0, 2**32 - 1]``.
* A *sequence* is an iterable other than a string, each element of the right kind.

Every failure raises ``ValueError`` whose message names the parameter, shows the bad
value and states what is allowed.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
from collections.abc import Iterable

import numpy as np

__all__ = [
    "LIMIT", "TINY", "SEED_MAX", "MAX_COUNT",
    "Spec", "Real", "Count", "Choice", "Instance", "Text", "Optional", "Sequence",
    "real", "count", "choice", "instance", "optional", "sequence",
    "ANY", "POSITIVE", "NONNEGATIVE", "SHARE", "SEED", "TEXT",
    "validate_fields", "replaced", "check_keywords",
    "check_range", "check_share", "check_positive", "check_int", "check_seed", "check_choice",
    "check_instance", "check_callable", "out", "out_bool",
]

LIMIT = 1e12
"""The largest magnitude of a real number a parameter takes, unless it states another."""
TINY = 1e-12
"""The smallest value of a number that must be strictly positive."""
SEED_MAX = 2**32 - 1
"""The largest seed of a random simulation."""
MAX_COUNT = 1_000_000
"""The upper bound of a count that states none."""

_INF = math.inf


# --- showing values and ranges -----------------------------------------------------
def _fmt(x: float) -> str:
    """The shortest of ``x``'s general formats that reads back as ``x`` (1e+12, 0.95)."""
    x = float(x)
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    for digits in (6, 10, 15):
        text = format(x, f".{digits}g")
        if float(text) == x:
            return text
    return format(x, ".17g")


def _show(value) -> str:
    """``repr(value)``, shortened when it is long (a huge int, a big array)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**20:
        digits = len(str(abs(value)))
        return f"{'-' if value < 0 else ''}{str(abs(value))[:6]}...({digits} digits)"
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a value whose repr fails is still shown
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 80 else text[:60] + "..." + text[-10:]


def _kind(value) -> str:
    """What ``value`` is, for a message: "a string", "None", "a bool", ..."""
    if value is None:
        return "None"
    if isinstance(value, (bool, np.bool_)):
        return "a bool"
    if isinstance(value, (str, bytes, np.str_)):
        return "a string"
    if isinstance(value, np.ndarray):
        return f"an array of {value.dtype} of shape {value.shape}"
    if isinstance(value, (list, tuple)):
        return f"a sequence of {len(value)} values"
    if isinstance(value, complex | np.complexfloating):
        return "a complex number"
    noun = type(value).__name__
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _is_sequence(value) -> bool:
    if isinstance(value, (str, bytes, np.str_)):
        return False
    if isinstance(value, np.ndarray):
        return value.ndim > 0
    return isinstance(value, Iterable) and hasattr(value, "__len__")


# --- specs -------------------------------------------------------------------------
class Spec:
    """A check for one value: ``spec(name, value)`` returns it normalised or raises."""

    __slots__ = ()

    def __call__(self, name: str, value):  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError


class Real(Spec):
    """A real number in a range (see the module docstring for the rules).

    An infinite end stands for the default, ``-LIMIT`` or ``LIMIT``; a finite end is
    taken as stated (a parameter may admit a wider range). ``low_open`` with ``low == 0``
    means "at least :data:`TINY`"; other open ends are plain strict inequalities.
    ``allow_inf`` admits ``+inf`` besides the range.
    """

    __slots__ = ("low", "high", "low_open", "high_open", "allow_inf")

    def __init__(self, low: float = -LIMIT, high: float = LIMIT, *, low_open: bool = False,
                 high_open: bool = False, allow_inf: bool = False):
        # An infinite end means the default one; a finite end is taken as stated.
        low = -LIMIT if low == -_INF else float(low)
        high = LIMIT if high == _INF else float(high)
        if low_open and low == 0.0:
            low, low_open = TINY, False
        self.low, self.high = low, high
        self.low_open, self.high_open, self.allow_inf = low_open, high_open, allow_inf

    def describe(self) -> str:
        left = "(" if self.low_open else "["
        right = ")" if self.high_open else "]"
        text = f"{left}{_fmt(self.low)}, {_fmt(self.high)}{right}"
        return text + " or inf" if self.allow_inf else text

    def _bad(self, x: np.ndarray) -> np.ndarray:
        ok = (x > self.low) if self.low_open else (x >= self.low)
        ok &= (x < self.high) if self.high_open else (x <= self.high)
        if self.allow_inf:
            ok |= x == _INF
        return ~ok  # NaN compares false, so it is always bad

    def _type_error(self, name: str, value, single: bool = True) -> ValueError:
        what = "a single real number" if single else "real numbers"
        return ValueError(f"{name}={_show(value)} must be {what} in {self.describe()}, "
                          f"not {_kind(value)}")

    def _range_error(self, name: str, shown) -> ValueError:
        return ValueError(f"{name}={shown} is outside the allowed range {self.describe()}")

    def _scalar(self, name: str, value) -> float:
        """Convert one value to a float (no range check); reject what is not a real number."""
        if isinstance(value, np.ndarray) and value.ndim == 0:
            value = value[()]
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
            raise self._type_error(name, value)
        try:
            return float(value)
        except OverflowError:  # an int too large for a float
            raise self._range_error(name, _show(value)) from None

    def _ok(self, x: float) -> bool:
        """Whether the float ``x`` is allowed (plain comparisons: NaN is never allowed)."""
        if self.allow_inf and x == _INF:
            return True
        above = x > self.low if self.low_open else x >= self.low
        below = x < self.high if self.high_open else x <= self.high
        return above and below

    def __call__(self, name: str, value) -> float:
        """A single real number in the range, as a float."""
        if type(value) is not float and _is_sequence(value):
            raise self._type_error(name, value)
        x = value if type(value) is float else self._scalar(name, value)
        if not self._ok(x):
            raise self._range_error(name, _show(x))
        return x

    def each(self, name: str, value):
        """A number or an array of numbers, each in the range: a float or a float array."""
        if not _is_sequence(value):
            return self(name, value)
        if isinstance(value, np.ndarray) and value.dtype.kind in "iuf":
            arr = value.astype(float)
        elif isinstance(value, np.ndarray) and value.dtype.kind != "O":
            raise self._type_error(name, value, single=False)
        else:
            try:
                obj = np.asarray(value, dtype=object)
            except (TypeError, ValueError):
                raise self._type_error(name, value, single=False) from None
            arr = np.empty(obj.shape, dtype=float)
            for idx, item in np.ndenumerate(obj):
                if (isinstance(item, (bool, np.bool_)) or not isinstance(item, numbers.Real)
                        or _is_sequence(item)):
                    raise ValueError(f"{name} contains {_show(item)}: it must hold real numbers "
                                     f"in {self.describe()}, not {_kind(item)}")
                try:
                    arr[idx] = float(item)
                except OverflowError:  # an int too large for a float
                    raise ValueError(f"{name} contains {_show(item)}, outside the allowed range "
                                     f"{self.describe()}") from None
        bad = self._bad(arr)
        if np.any(bad):
            first = float(arr[bad].flat[0])
            raise ValueError(f"{name} contains {_show(first)}, outside the allowed range "
                             f"{self.describe()}")
        return arr


class Count(Spec):
    """A whole number in ``[low, high]``; a float with no fractional part is accepted."""

    __slots__ = ("low", "high")

    def __init__(self, low: int, high: int):
        self.low, self.high = int(low), int(high)

    def describe(self) -> str:
        return f"[{self.low}, {self.high}]"

    def __call__(self, name: str, value) -> int:
        if isinstance(value, np.ndarray) and value.ndim == 0:
            value = value[()]
        if (isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real)
                or _is_sequence(value)):
            raise ValueError(f"{name}={_show(value)} must be a whole number in "
                             f"{self.describe()}, not {_kind(value)}")
        if not isinstance(value, (int, np.integer)):
            x = float(value)
            if not (math.isfinite(x) and x.is_integer()):
                raise ValueError(f"{name}={_show(value)} must be a whole number in "
                                 f"{self.describe()}")
        n = int(value)
        if not self.low <= n <= self.high:
            raise ValueError(f"{name}={_show(value)} is outside the allowed range {self.describe()}")
        return n


class Choice(Spec):
    """One of a fixed set of strings."""

    __slots__ = ("options",)

    def __init__(self, options):
        self.options = tuple(options)

    def describe(self) -> str:
        return str(list(self.options))

    def __call__(self, name: str, value) -> str:
        if not isinstance(value, str) or value not in self.options:
            raise ValueError(f"{name}={_show(value)} is not one of the allowed values "
                             f"{self.describe()}")
        return value


class Instance(Spec):
    """An instance of a class (a model built elsewhere)."""

    __slots__ = ("cls",)

    def __init__(self, cls: type):
        self.cls = cls

    def describe(self) -> str:
        return f"a {self.cls.__name__}"

    def __call__(self, name: str, value):
        if not isinstance(value, self.cls):
            raise ValueError(f"{name}={_show(value)} must be {self.describe()}, not {_kind(value)}")
        return value


class Text(Spec):
    """A non-empty string."""

    __slots__ = ()

    def describe(self) -> str:
        return "a non-empty string"

    def __call__(self, name: str, value) -> str:
        if not isinstance(value, str) or not value:
            raise ValueError(f"{name}={_show(value)} must be {self.describe()}")
        return value


class Optional(Spec):
    """``None``, or a value that passes ``spec``."""

    __slots__ = ("spec",)

    def __init__(self, spec: Spec):
        self.spec = spec

    def describe(self) -> str:
        return f"None or {self.spec.describe()}"

    def __call__(self, name: str, value):
        return None if value is None else self.spec(name, value)


class Sequence(Spec):
    """An iterable (not a string) of ``min_len`` to ``max_len`` elements, each passing ``element``.

    Returns a tuple, or a read-only 1-D float array when ``element`` is a :class:`Real`.
    """

    __slots__ = ("element", "min_len", "max_len")

    def __init__(self, element: Spec, min_len: int = 1, max_len: int = MAX_COUNT):
        self.element, self.min_len, self.max_len = element, min_len, max_len

    def describe(self) -> str:
        what = ("real numbers in " + self.element.describe() if isinstance(self.element, Real)
                else f"elements each {self.element.describe()}")
        return f"a sequence of {self.min_len} to {self.max_len} {what}"

    def __call__(self, name: str, value):
        if isinstance(value, np.ndarray) and value.ndim != 1:
            raise ValueError(f"{name}={_show(value)} must be {self.describe()}, not {_kind(value)}")
        if not _is_sequence(value) and not (isinstance(value, Iterable)
                                            and not isinstance(value, (str, bytes))):
            raise ValueError(f"{name}={_show(value)} must be {self.describe()}, not {_kind(value)}")
        items = list(value)
        if not self.min_len <= len(items) <= self.max_len:
            raise ValueError(f"{name}={_show(value)} has {len(items)} elements; it must be "
                             f"{self.describe()}")
        if isinstance(self.element, Real):
            if any(_is_sequence(x) for x in items):
                raise ValueError(f"{name}={_show(value)} must be {self.describe()} (one level)")
            arr = np.asarray(self.element.each(name, np.asarray(items, dtype=object)), dtype=float)
            arr.setflags(write=False)
            return arr
        return tuple(self.element(f"{name}[{i}]", x) for i, x in enumerate(items))


def real(low: float = -LIMIT, high: float = LIMIT, *, low_open: bool = False,
         high_open: bool = False, allow_inf: bool = False) -> Real:
    """A real number in ``[low, high]`` (ends open on request)."""
    return Real(low, high, low_open=low_open, high_open=high_open, allow_inf=allow_inf)


def count(low: int, high: int) -> Count:
    """A whole number in ``[low, high]``."""
    return Count(low, high)


def choice(options) -> Choice:
    """One of ``options``."""
    return Choice(options)


def instance(cls: type) -> Instance:
    """An instance of ``cls``."""
    return Instance(cls)


def optional(spec: Spec) -> Optional:
    """``None`` or a value passing ``spec``."""
    return Optional(spec)


def sequence(element: Spec, min_len: int = 1, max_len: int = MAX_COUNT) -> Sequence:
    """A sequence of values each passing ``element``."""
    return Sequence(element, min_len, max_len)


ANY = real()
"""Any real number in ``[-LIMIT, LIMIT]``."""
POSITIVE = real(0.0, low_open=True)
"""A strictly positive number, in ``[TINY, LIMIT]``."""
NONNEGATIVE = real(0.0)
"""A number in ``[0, LIMIT]``."""
SHARE = real(0.0, 1.0)
"""A share or probability in ``[0, 1]``."""
SEED = count(0, SEED_MAX)
"""The seed of a random simulation."""
TEXT = Text()
"""A non-empty string."""


# --- frozen dataclasses ------------------------------------------------------------
def validate_fields(obj, /, **specs) -> None:
    """Check and normalise every field of the frozen dataclass ``obj`` in place.

    Call it first in ``__post_init__`` with one spec per field (a :class:`Spec`, or a
    function of ``obj`` returning one, for a range that depends on fields checked
    before it). Each field is replaced by its normalised value (an ``int`` count is an
    ``int``, a number a ``float``); the first bad field raises ``ValueError``.
    """
    names = [f.name for f in dataclasses.fields(obj)]
    missing, unknown = set(names) - set(specs), set(specs) - set(names)
    if missing or unknown:
        raise TypeError(f"{type(obj).__name__}: validate_fields needs one spec per field; "
                        f"missing {sorted(missing)}, unknown {sorted(unknown)}")
    for name, spec in specs.items():
        if not isinstance(spec, Spec):
            spec = spec(obj)
        object.__setattr__(obj, name, spec(name, getattr(obj, name)))


def check_keywords(cls: type, changes: dict, exclude=()) -> dict:
    """``changes``, if every key names a field of the dataclass ``cls`` (other than ``exclude``)."""
    names = {f.name for f in dataclasses.fields(cls)} - set(exclude)
    unknown = sorted(set(changes) - names)
    if unknown:
        raise ValueError(f"{', '.join(unknown)}: not parameters of {cls.__name__} that can be "
                         f"set here; allowed: {sorted(names)}")
    return changes


def replaced(obj, changes: dict):
    """A copy of the dataclass ``obj`` with ``changes`` (validated again by its ``__post_init__``)."""
    return dataclasses.replace(obj, **check_keywords(type(obj), changes))


# --- arguments of functions and methods --------------------------------------------
def check_range(name: str, value, low: float = -_INF, high: float = _INF, *,
                low_open: bool = False, high_open: bool = False, allow_inf: bool = False,
                scalar: bool = False):
    """``value`` (a number, or an array checked element by element) if it lies in the range.

    Returns a float, or a float array for an array. ``scalar=True`` rejects arrays.
    """
    spec = Real(low, high, low_open=low_open, high_open=high_open, allow_inf=allow_inf)
    return spec(name, value) if scalar else spec.each(name, value)


def check_share(name: str, value, *, open_low: bool = False, open_high: bool = False,
                scalar: bool = False):
    """A share or probability in [0, 1] (ends optionally excluded); arrays element by element."""
    return check_range(name, value, 0.0, 1.0, low_open=open_low, high_open=open_high,
                       scalar=scalar)


def check_positive(name: str, value, *, allow_zero: bool = False, allow_inf: bool = False,
                   scalar: bool = False):
    """A strictly positive number (or non-negative with ``allow_zero``); arrays element by element."""
    return check_range(name, value, 0.0, _INF, low_open=not allow_zero, allow_inf=allow_inf,
                       scalar=scalar)


def check_int(name: str, value, low: int, high: int | None = None) -> int:
    """A whole number in ``[low, high]`` (``high`` defaults to :data:`MAX_COUNT`)."""
    return Count(low, MAX_COUNT if high is None else high)(name, value)


def check_seed(name: str, value) -> int:
    """The seed of a random simulation, a whole number in ``[0, 2**32 - 1]``."""
    return SEED(name, value)


def check_choice(name: str, value, options) -> str:
    """One of a fixed set of strings."""
    return Choice(options)(name, value)


def check_instance(name: str, value, cls: type):
    """An instance of ``cls``."""
    return Instance(cls)(name, value)


def check_callable(name: str, value, *, allow_none: bool = False):
    """A callable (or ``None`` with ``allow_none``)."""
    if value is None and allow_none:
        return None
    if not callable(value):
        raise ValueError(f"{name}={_show(value)} must be a callable"
                         + (" or None" if allow_none else ""))
    return value


# --- results -------------------------------------------------------------------------
def out(x):
    """A float for a scalar, a float array for an array: results mirror their input."""
    return float(x) if np.ndim(x) == 0 else np.asarray(x, dtype=float)


def out_bool(x):
    """A bool for a scalar, a bool array for an array."""
    return bool(x) if np.ndim(x) == 0 else np.asarray(x, dtype=bool)

