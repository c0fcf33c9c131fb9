"""Bad input, everywhere: the one validation idiom of ``migcoop._validate``.

Every public constructor, function and method of the model modules must reject bad
input at the call with a ``ValueError`` that names the parameter, shows the bad value
and states what is allowed (the rules in the docstring of ``migcoop._validate``), and
valid input must give results without NaN, and without infinity except where the
docstring says that infinity means something.

Constructors are found by introspection over each module's ``__all__``, so a new class
is covered as soon as it is exported; functions and methods need valid example
arguments in ``VALID`` below, and a test fails when a new one lacks them.
"""

from __future__ import annotations

import ast
import dataclasses
import doctest
import functools
import importlib
import inspect
import math
import re
import sys
from importlib.resources import files
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from migcoop import _validate

MODULE_NAMES = ["markets", "repeated", "two_country", "screening", "coordination", "diversion",
                "refugees", "gains", "agreements", "temporary", "capstone", "readmission",
                "calibrations", "report"]
MODULES = [importlib.import_module(f"migcoop.{name}") for name in MODULE_NAMES]
LIB = Path(_validate.__file__).parent

FEW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SOME = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


# =====================================================================================
# Discovery
# =====================================================================================
def _public(mod):
    """(name, object) for the module's ``__all__`` plus its other public functions."""
    names = list(mod.__all__)
    for name, obj in vars(mod).items():
        if (not name.startswith("_") and inspect.isfunction(obj)
                and obj.__module__ == mod.__name__ and name not in names):
            names.append(name)
    return [(name, getattr(mod, name)) for name in names]


def _classes():
    seen = {}
    for mod in MODULES:
        for _, obj in _public(mod):
            if isinstance(obj, type) and dataclasses.is_dataclass(obj):
                seen.setdefault(obj, None)
    return list(seen)


CLASSES = _classes()
PARAMETER_CLASSES = [c for c in CLASSES if "__post_init__" in vars(c)]


def _qualname(obj) -> str:
    mod = obj.__module__.removeprefix("migcoop.")
    return f"{mod}.{obj.__qualname__}"


def _callables():
    """Every public function and method that takes arguments: (qualified name, owner, name)."""
    out = {}
    for mod in MODULES:
        for _, obj in _public(mod):
            if inspect.isfunction(obj) and obj.__module__ == mod.__name__:
                out[_qualname(obj)] = (None, obj)
            elif obj in PARAMETER_CLASSES:
                for attr, raw in vars(obj).items():
                    func = raw.__func__ if isinstance(raw, (classmethod, staticmethod)) else raw
                    if attr.startswith("_") or not inspect.isfunction(func):
                        continue
                    out[_qualname(func)] = (obj, attr)
    return {k: v for k, v in out.items() if _arguments(v) or k.endswith(".replace")}


def _arguments(entry):
    owner, obj = entry
    func = obj if owner is None else getattr(owner, obj)
    params = list(inspect.signature(func).parameters.values())
    return [p for p in params if p.name not in ("self", "cls")]


# =====================================================================================
# Baselines: a valid instance of each parameter class
# =====================================================================================
def _names_class(func: ast.expr, name: str) -> bool:
    if isinstance(func, ast.Name):
        return func.id == name
    return isinstance(func, ast.Attribute) and _names_class(func.value, name)


@functools.cache
def baseline(cls):
    """``cls()``, or else the first instance built in its docstring's examples."""
    try:
        return cls()
    except TypeError:
        pass
    namespace = dict(vars(sys.modules[cls.__module__]))
    for example in doctest.DocTestParser().get_examples(cls.__doc__ or ""):
        tree = ast.parse(example.source)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _names_class(node.func, cls.__name__):
                try:
                    obj = eval(compile(ast.Expression(node), "<example>", "eval"), namespace)
                except Exception:  # noqa: BLE001 - names defined by later examples
                    continue
                if isinstance(obj, cls):
                    return obj
        exec(compile(tree, "<example>", "exec"), namespace)
    raise AssertionError(f"{cls.__name__}: give it defaults for every field, or an Examples "
                         "section that builds one, so that its bad-input tests can run")


def _kind(field: dataclasses.Field) -> str:
    kinds = {"float": "real", "int": "count", "str": "text", "int | None": "optional count",
             "np.ndarray": "reals", "tuple": "names"}
    return kinds.get(str(field.type), "instance")


def _fields():
    return [(cls, f) for cls in PARAMETER_CLASSES for f in dataclasses.fields(cls)]


FIELDS = _fields()


def _id(pair):
    cls, f = pair
    return f"{cls.__name__}.{f.name}"


# =====================================================================================
# What a good message looks like
# =====================================================================================
RANGE = re.compile(r"(?:in|range) ([\[(])([^,\]]+), ([^\])]+)([\])])( or inf)?")


def _shows(message: str, value) -> bool:
    """Whether ``message`` shows ``value`` (or, for a sequence, one of its elements)."""
    if isinstance(value, bool) or value is None:
        return repr(value) in message
    if isinstance(value, int) and abs(value) >= 10**20:
        return "digits" in message
    if isinstance(value, float):
        return repr(value) in message or format(value, ".10g") in message
    if isinstance(value, (list, tuple, np.ndarray)):
        items = list(np.asarray(value, dtype=object).ravel())
        return ("array(" in message or "[" in message
                or any(_shows(message, x) for x in items))
    if isinstance(value, (int, str, bytes, complex)):
        return repr(value) in message
    return type(value).__name__ in message


def assert_rejects(call, name: str, value):
    """``call()`` raises a ValueError naming ``name``, showing ``value``, saying what is allowed."""
    with pytest.raises(ValueError) as info:
        call()
    message = str(info.value)
    assert name in message, message
    assert _shows(message, value), message
    assert any(w in message for w in ("allowed", "must be", "must have", "must hold",
                                      "not one of", "not parameters")), message


def _probe(cls, name: str, value="probe") -> str:
    """The message for a bad ``value`` of ``name`` (it states the allowed range or values)."""
    with pytest.raises(ValueError) as info:
        dataclasses.replace(baseline(cls), **{name: value})
    return str(info.value)


def _range(message: str):
    m = RANGE.search(message)
    assert m, f"no allowed range in: {message}"
    lo, hi = float(m.group(2)), float(m.group(3))
    return lo, m.group(1) == "(", hi, m.group(4) == ")", bool(m.group(5))


# =====================================================================================
# 1. The one mechanism
# =====================================================================================
def test_no_hand_written_setattr_or_duplicated_helpers():
    """``validate_fields`` is the only place that sets a frozen dataclass's fields."""
    offenders = []
    for path in sorted(LIB.rglob("*.py")):
        if path.name == "_validate.py":
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in (r"object\.__setattr__", r"^def _out\(", r"^def _bool\("):
            if re.search(pattern, text, flags=re.M):
                offenders.append(f"{path.relative_to(LIB)}: {pattern}")
    assert not offenders


def _returned_or_held() -> str:
    """Return annotations of every public callable, and the types held by public constants."""
    parts = []
    for mod in MODULES:
        for _, obj in _public(mod):
            obj = inspect.unwrap(obj) if callable(obj) and not isinstance(obj, type) else obj
            funcs = [obj] if inspect.isfunction(obj) else []
            if isinstance(obj, type):
                for raw in vars(obj).values():
                    raw = raw.fget if isinstance(raw, property) else raw
                    raw = getattr(raw, "func", raw)
                    funcs.append(getattr(raw, "__func__", raw))
            parts += [str(getattr(f, "__annotations__", {}).get("return", "")) for f in funcs]
            if isinstance(obj, (tuple, list, dict)):
                values = obj.values() if isinstance(obj, dict) else obj
                parts += [type(v).__name__ for v in values]
    return " ".join(parts)


def test_every_exported_dataclass_is_validated_or_a_result():
    """A dataclass users build validates its fields; the others are what the library returns."""
    returned = _returned_or_held()
    unvalidated = [c.__name__ for c in CLASSES if "__post_init__" not in vars(c)
                   and not re.search(rf"\b{c.__name__}\b", returned)]
    assert not unvalidated
    assert all(c.__dataclass_params__.frozen for c in PARAMETER_CLASSES)
    assert len(PARAMETER_CLASSES) >= 17


@pytest.mark.parametrize("cls", PARAMETER_CLASSES, ids=lambda c: c.__name__)
def test_validation_normalises_fields(cls):
    """Numbers are stored as floats, counts as ints, whatever number type was given."""
    obj = baseline(cls)
    for f in dataclasses.fields(cls):
        value = getattr(obj, f.name)
        kind = _kind(f)
        if kind == "real":
            assert type(value) is float, (f.name, value)
            again = dataclasses.replace(obj, **{f.name: np.float64(value)})
            assert type(getattr(again, f.name)) is float
            if value.is_integer() and abs(value) < 2**53:
                again = dataclasses.replace(obj, **{f.name: int(value)})
                assert type(getattr(again, f.name)) is float
        elif kind == "count":
            assert type(value) is int, (f.name, value)
            again = dataclasses.replace(obj, **{f.name: float(value)})    # 3.0 is read as 3
            assert getattr(again, f.name) == value and type(getattr(again, f.name)) is int


# =====================================================================================
# 2. Every constructor rejects bad values, one parameter at a time
# =====================================================================================
NUMBER_BAD = [math.nan, -math.inf, 10**400, -(10**400), "3", "2.5", np.array([1.0, 2.0]),
              [1.0], None, True, False, 1 + 0j, object()]
COUNT_BAD = [2.5, math.nan, math.inf, 10**400, "3", np.array([2, 3]), None, True, -1, 1 + 0j]
TEXT_BAD = [3, None, True, ["x"], 2.5]
INSTANCE_BAD = ["x", None, 3, 1.5, object()]
REALS_BAD = [5, None, "12", [1.0, math.nan], [1.0, -1.0], [1.0, math.inf], ["1", "2"],
             [[1.0, 2.0], [3.0, 4.0]], [True, False], [10**400, 1.0], []]
NAMES_BAD = [5, None, "ab", [1, 2], [], [None, "b"]]


def _bad_values(cls, field):
    """A strategy of values that ``field`` of ``cls`` must reject."""
    kind, name = _kind(field), field.name
    if kind in ("real", "count", "optional count"):
        generic = NUMBER_BAD if kind == "real" else COUNT_BAD
        if kind == "optional count":
            generic = [v for v in generic if v is not None]
        lo, lo_open, hi, hi_open, allow_inf = _range(_probe(cls, name))
        if allow_inf:
            generic = [v for v in generic if not (isinstance(v, float) and v == math.inf)]
        else:
            generic = [*generic, math.inf]
        if kind == "real":
            outside = st.one_of(
                st.floats(max_value=lo, exclude_max=not lo_open, allow_nan=False,
                          allow_infinity=False),
                st.floats(min_value=hi, exclude_min=not hi_open, allow_nan=False,
                          allow_infinity=False))
        else:
            outside = st.one_of(st.integers(max_value=int(lo) - 1),
                                st.integers(min_value=int(hi) + 1))
        return st.one_of(st.sampled_from(generic), outside)
    if kind == "text":
        message = _probe(cls, name, 3)
        extra = ["no such option"] if "not one of" in message else [""]
        return st.sampled_from(TEXT_BAD + extra)
    if kind == "reals":
        return st.sampled_from(REALS_BAD)
    if kind == "names":
        return st.sampled_from(NAMES_BAD)
    return st.sampled_from(INSTANCE_BAD)


@pytest.mark.parametrize("pair", FIELDS, ids=_id)
@SOME
@given(data=st.data())
def test_constructors_reject_bad_values(pair, data):
    cls, field = pair
    value = data.draw(_bad_values(cls, field), label=field.name)
    base = baseline(cls)
    assert_rejects(lambda: dataclasses.replace(base, **{field.name: value}), field.name, value)


@pytest.mark.parametrize("pair", [p for p in FIELDS if _kind(p[1]) == "real"], ids=_id)
def test_stated_range_ends_are_honoured(pair):
    """The ends of the range a message states are accepted when closed, rejected when open."""
    cls, field = pair
    lo, lo_open, hi, hi_open, _ = _range(_probe(cls, field.name))
    base = baseline(cls)
    for end, is_open in ((lo, lo_open), (hi, hi_open)):
        if is_open:
            assert_rejects(lambda e=end: dataclasses.replace(base, **{field.name: e}),
                           field.name, end)
        else:
            try:
                obj = dataclasses.replace(base, **{field.name: end})
            except ValueError as exc:     # the end is fine; a rule across fields is not
                own = str(exc).startswith(f"{field.name}=")
                assert not (own and "allowed range" in str(exc)), str(exc)
            else:
                assert getattr(obj, field.name) == end


def test_cross_field_rules_name_the_parameters():
    from migcoop.gains import RegionalEconomy
    from migcoop.markets import LinearMarket
    from migcoop.two_country import TwoCountryEconomy

    with pytest.raises(ValueError, match="demand_intercept/demand_slope"):
        LinearMarket(10.0, 1.0, -20.0, 1.0)
    with pytest.raises(ValueError, match="remittance_share \\+ emigration_tax"):
        TwoCountryEconomy(0.3, 1.0, 1.0, 1.0, 1.0, remittance_share=0.7, emigration_tax=0.7)
    with pytest.raises(ValueError, match="one entry per region"):
        RegionalEconomy(("a", "b"), [1.0, 2.0, 3.0], [1.0, 2.0, 3.0])


# =====================================================================================
# 3. Functions and methods reject bad arguments
# =====================================================================================
def _csv_text():
    return files("migcoop").joinpath("data", "agreements.csv").read_text(encoding="utf-8")


def _valid():
    from migcoop.agreements import load_agreements
    from migcoop.capstone import Design
    from migcoop.coordination import LeakageGame
    from migcoop.diversion import DiversionModel
    from migcoop.markets import LinearMarket

    mfn = baseline(DiversionModel).mfn(8.0)
    return {
        "quantity": 10.0, "wedge": 5.0, "fee": 5.0, "cap": 20.0, "native_employment": 80.0,
        "native_share": 0.8, "export_supply_elasticity": 4.0, "market": baseline(LinearMarket),
        "cooperate": 3.0, "deviate": 5.0, "punish": 1.0, "delta": 0.6, "transfer": 4.0,
        "restriction_gain": 1.0, "access_gain": 4.0, "sending_gain": 8.0, "labor": 100.0,
        "receiving_gain": -1.0, "screening_cost": 0.5,
        "migrants": 10.0, "emigrants": 5.0, "external_cost": 1.0, "worker_weight": 1.0,
        "migrant_weight": 0.5, "labor_share": 0.7, "wage_elasticity": 0.3,
        "immigrant_share": 0.1, "screener": "sender", "quota": 5.0, "visa_reward": 5.0,
        "costly_share": 0.3, "tpr": 0.9, "fpr": 0.6, "cost_per_applicant": 1.0,
        "good_value": 10.0, "costly_harm": 20.0, "shares": [0.2, 0.5], "fprs": [0.1, 0.5],
        "benefit": 2.0, "crowding": 1.0, "restriction": 0.5, "own": 0.5, "others": 0.5,
        "resolution": 101, "game": baseline(LeakageGame), "leakages": [0.2, 0.9],
        "costs": [10.0, 25.0], "restrictions": [0.5, 0.5, 0.5], "leakage": 0.5,
        "pressure": 3.0, "seed": 1, "price": 10.0, "barrier_a": 5.0, "barrier_b": 5.0,
        "barrier": 8.0, "preference": 4.0, "cut": 4.0, "before": mfn, "after": mfn,
        "partner_barrier": 4.0,
        "load": 50.0, "method": "auto", "years": 10.0, "paths": 50, "progress": None,
        "discount": 0.9, "start": 0.5, "rounds": 3, "economic_share": 0.3, "hosts": 10,
        "discriminability": 1.5, "refugee_value": 1.0, "migrant_cost": 1.0,
        "sensitivity": 3.0, "altruism": 10.0, "cost": 1.0, "protection": 10.0,
        "every": 0.5, "stream": None, "z": 0.5, "year": 2007, "grouping": "region",
        "share_removed": 0.5, "capital_share": 0.35, "portability": 0.2, "path": None,
        "text": _csv_text(), "rows": list(load_agreements()), "effort": 0.5,
        "arrangement": "open", "return_rate": 1.0, "remittance_share": 0.1,
        "voluntary_return_rate": 0.1,
        "settle_rate": 0.2, "design": Design(), "elasticity": 2.0, "supply_slope": 0.5,
        "rent_kept": 1.0, "countries": 6, "enforcement_cost": 25.0, "low_wage": 10.0,
        "capital_gap": 4.0, "emigration_tax": 0.0, "abroad_wage_ratio": 3.0,
        "cost_a": 10.0, "cost_b": 13.0, "barrier_type": "revenue", "rent_share": 1.0,
        "screen": "none", "cost_premium": 0.1, "discount_factor": 0.9,
        "slope": 20.0, "base_quota": 20.0, "sender": "baseline",
        "members": ["Mexico", "Canada"], "threshold": 3.0,
    }


# Where a name means something else in one callable.
OVERRIDES = {
    "refugees.text_progress": {"after": 1.5},
    "refugees.RefugeeRegime.simulate": {"years": 20},
    "coordination.simulate_flows": {"migrants": 1000},
    "report.table": {"rows": [["a", 1.5, 2]], "header": ["x", "y", "z"], "caption": "A table",
                     "digits": 3},
}
COUNTS = {"hosts", "countries", "paths", "rounds", "resolution", "year", "digits"}
KIND_IN = {"refugees.RefugeeRegime.simulate": {"years": "count"},
           "coordination.simulate_flows": {"migrants": "count"},
           "refugees.text_progress": {"after": "real"}}
CHOICES = {"screener", "method", "arrangement", "grouping", "barrier_type", "screen", "sender"}
INSTANCES = {"market", "game", "before", "after", "design"}
SEQUENCES = {"restrictions", "shares", "fprs", "leakages", "costs", "rows", "members", "header"}
INF_OK = {"markets.optimal_tariff.export_supply_elasticity", "calibrations.diversion_model.cap",
          "diversion.DiversionModel.separate_quota.quota",
          "diversion.DiversionModel.with_separate_quota.quota"}
SPECIAL = {
    "text": [5, None, b"key,name"], "path": [5, 2.5, ["a"]],
    "stream": [5, "out.txt"], "progress": [5, "print"], "caption": [5, "", ["a"], b"x"],
}

CALLABLES = _callables()


def _resolve(qualname):
    owner, obj = CALLABLES[qualname]
    if owner is None:
        return obj
    raw = vars(owner)[obj]
    return getattr(owner if isinstance(raw, (classmethod, staticmethod)) else baseline(owner), obj)


@functools.cache
def _valid_kwargs(qualname) -> dict:
    valid = {**_valid(), **OVERRIDES.get(qualname, {})}
    out = {}
    for p in _arguments(CALLABLES[qualname]):
        if p.kind in (p.VAR_KEYWORD, p.VAR_POSITIONAL):
            continue
        out[p.name] = valid[p.name]
    return out


def _arg_kind(qualname, name) -> str:
    if name in KIND_IN.get(qualname, {}):
        return KIND_IN[qualname][name]
    if name in COUNTS:
        return "count"
    if name == "seed":
        return "seed"
    for kind, names in (("choice", CHOICES), ("instance", INSTANCES), ("sequence", SEQUENCES)):
        if name in names:
            return kind
    return "special" if name in SPECIAL else "real"


def test_every_callable_has_valid_example_arguments():
    missing = []
    valid = _valid()
    for qualname in CALLABLES:
        for p in _arguments(CALLABLES[qualname]):
            if p.kind in (p.VAR_KEYWORD, p.VAR_POSITIONAL):
                continue
            if p.name not in valid and p.name not in OVERRIDES.get(qualname, {}):
                missing.append(f"{qualname}({p.name})")
    assert not missing, f"add valid example arguments for {missing}"
    assert len(CALLABLES) >= 90


@pytest.mark.parametrize("qualname", list(CALLABLES))
def test_callables_accept_their_valid_arguments(qualname):
    _resolve(qualname)(**_valid_kwargs(qualname))


def _arg_cases():
    cases = []
    for qualname in CALLABLES:
        for p in _arguments(CALLABLES[qualname]):
            if p.kind == p.VAR_KEYWORD:
                cases.append((qualname, "**"))
            elif p.kind != p.VAR_POSITIONAL:
                cases.append((qualname, p.name))
    return cases


ARG_CASES = _arg_cases()


def _bad_arguments(qualname, name, default):
    kind = _arg_kind(qualname, name)
    if kind == "real":
        bad = ["3", True, math.nan, -math.inf, 10**400, 1 + 1j, [1.0, "x"], np.array(["1"]),
               object()]
        if f"{qualname}.{name}" not in INF_OK:
            bad.append(math.inf)
    elif kind == "count":
        bad = [2.5, "3", True, math.nan, math.inf, 10**400, -1, np.array([1, 2])]
    elif kind == "seed":
        bad = [1.5, "1", True, -1, 2**32, math.nan, np.array([1, 2])]
    elif kind == "choice":
        bad = ["no such option", 3, True, ["x"]]
    elif kind == "instance":
        bad = ["x", 3, 2.5]
    elif kind == "sequence":
        bad = [5, "ab", [], [None], [[0.5, 0.5]]]
    else:
        bad = list(SPECIAL[name])
    if default is not None:
        bad.append(None)
    return bad


@pytest.mark.parametrize("qualname,name", ARG_CASES, ids=[f"{q}:{n}" for q, n in ARG_CASES])
def test_callables_reject_bad_arguments(qualname, name):
    func = _resolve(qualname)
    valid = _valid_kwargs(qualname)
    if name == "**":
        with pytest.raises(ValueError, match="no_such_parameter: not parameters of"):
            func(**valid, no_such_parameter=1.0)
        return
    default = inspect.signature(func).parameters[name].default
    default = "required" if default is inspect.Parameter.empty else default
    for value in _bad_arguments(qualname, name, default):
        assert_rejects(lambda v=value: func(**{**valid, name: v}), name, value)


@pytest.mark.parametrize("qualname,name",
                         [(q, n) for q, n in ARG_CASES if n != "**"
                          and _arg_kind(q, n) == "real"],
                         ids=[f"{q}:{n}" for q, n in ARG_CASES if n != "**"
                              and _arg_kind(q, n) == "real"])
def test_an_array_is_used_elementwise_or_rejected_by_name(qualname, name):
    """Where a scalar belongs an array raises a ValueError naming the argument; where the
    method vectorises, an array of good values gives results that match the scalar call."""
    func = _resolve(qualname)
    valid = _valid_kwargs(qualname)
    good = valid[name]
    arr = np.array([good, good])
    try:
        result = func(**{**valid, name: arr})
    except ValueError as exc:
        assert name in str(exc), str(exc)
        return
    _assert_no_nan(result, qualname)


@pytest.mark.parametrize("qualname,name",
                         [(q, n) for q, n in ARG_CASES if n != "**"
                          and _arg_kind(q, n) in ("count", "seed")])
def test_whole_number_floats_are_counts(qualname, name):
    """A count or a seed given as a float with no fractional part is read as the int."""
    func = _resolve(qualname)
    valid = _valid_kwargs(qualname)
    func(**{**valid, name: float(valid[name])})
    assert_rejects(lambda: func(**{**valid, name: valid[name] + 0.5}), name,
                   valid[name] + 0.5)


# =====================================================================================
# 4. Valid input gives finite results
# =====================================================================================
# Results that a docstring says may be infinite (a threshold no discount factor meets, a
# ratio with nothing to divide by, no cap, a standard that admits everyone, ...).
MAY_BE_INFINITE = {
    "threshold", "thresholds", "receiving_threshold", "sending_threshold", "min_delta",
    "shirking_threshold", "partner_patience", "receiver_threshold", "sender_threshold",
    "redistribution_ratio", "expected_stay", "breakeven_transfer_rate", "sender_min_quota",
    "receiver_min_quota", "min_quota", "min_reward", "max_reward", "reward_range",
    "receiver_min_ties", "receiver_min_return_rate", "sender_min_remittance_share",
    "sender_min_return_rate", "receiver_return_window", "receiver_best_return_rate",
    "joint_best_return_rate", "permanent_min_settled_share", "expected_lifetime", "min_detection_probability", "nash",
    "cooperative", "nash_standard", "cooperative_standard", "breakdown_year", "cap",
    "min_discount_factor", "equilibrium_standards", "sender_patience", "receiver_patience",
    "min_settled_remittance_share",
}


def _numbers(result, path="result"):
    """(path, array) for every number inside ``result`` (dataclasses, tuples, dicts)."""
    if isinstance(result, (bool, str, np.bool_)) or result is None or callable(result):
        return []
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        out = []
        for f in dataclasses.fields(result):
            out += _numbers(getattr(result, f.name), f.name)
        return out
    if isinstance(result, dict):
        return [x for k, v in result.items() for x in _numbers(v, str(k))]
    if isinstance(result, (tuple, list)):
        return [x for v in result for x in _numbers(v, path)]
    arr = np.asarray(result)
    if arr.dtype.kind in "iuf":
        return [(path, arr.astype(float))]
    return []


def _assert_no_nan(result, where, may_be_infinite=MAY_BE_INFINITE):
    for path, arr in _numbers(result, where.rsplit(".", 1)[-1]):
        assert not np.isnan(arr).any(), f"{where}: NaN in {path}"
        if path not in may_be_infinite:
            assert np.isfinite(arr).all(), f"{where}: infinite {path}"


def _field_strategy(cls, field):
    kind = _kind(field)
    base = getattr(baseline(cls), field.name)
    if kind == "real":
        lo, lo_open, hi, hi_open, allow_inf = _range(_probe(cls, field.name))
        inside = st.floats(lo, hi, exclude_min=lo_open, exclude_max=hi_open)
        ends = [x for x, is_open in ((lo, lo_open), (hi, hi_open)) if not is_open]
        return st.one_of(inside, st.sampled_from(ends + [base] + ([math.inf] if allow_inf else [])))
    if kind == "count":
        lo, _, hi, _, _ = _range(_probe(cls, field.name))
        return st.one_of(st.integers(int(lo), min(int(hi), int(lo) + 12)), st.just(int(hi)))
    if kind == "text":
        message = _probe(cls, field.name, 3)
        m = re.search(r"allowed values (\[.*\])", message)
        return st.sampled_from(ast.literal_eval(m.group(1))) if m else st.just(base)
    return st.just(base)


# Methods called with their defaults in the finiteness test, with smaller sizes where the
# default would make the test slow.
SMALL = {"simulate": {"years": 10, "paths": 20}}
SKIP = {"replace", "table", "self_enforcing_cap", "reward_range"}    # slow, or no numbers


def _no_argument_members(cls):
    out = []
    for attr, raw in vars(cls).items():
        if attr.startswith("_") or attr in SKIP:
            continue
        func = raw.fget if isinstance(raw, property) else getattr(raw, "func", raw)
        if isinstance(raw, (classmethod, staticmethod)) or not callable(func):
            continue
        params = list(inspect.signature(func).parameters.values())[1:]
        if all(p.default is not inspect.Parameter.empty or p.kind in (p.VAR_KEYWORD,)
               for p in params):
            out.append((attr, isinstance(raw, property) or not inspect.isfunction(raw)))
    return out


@pytest.mark.parametrize("cls", PARAMETER_CLASSES, ids=lambda c: c.__name__)
@FEW
@given(data=st.data())
def test_valid_parameters_give_finite_results(cls, data):
    """Over each parameter's whole stated range, no method returns NaN, nor infinity unless
    its docstring says that infinity means something; none fails on the model's own numbers."""
    values = {f.name: data.draw(_field_strategy(cls, f), label=f.name)
              for f in dataclasses.fields(cls)}
    try:
        obj = cls(**values)
    except ValueError:          # a rule across parameters; each alone was valid
        assume(False)
    for attr, is_attribute in _no_argument_members(cls):
        member = getattr(obj, attr)
        result = member if is_attribute else member(**SMALL.get(attr, {}))
        _assert_no_nan(result, f"{cls.__name__}.{attr}")
    for qualname, (owner, attr) in CALLABLES.items():
        if owner is not cls or attr in SKIP or isinstance(vars(cls)[attr], classmethod):
            continue
        try:
            result = getattr(obj, attr)(**_valid_kwargs(qualname))
        except ValueError:      # the example argument is outside this instance's range
            continue
        _assert_no_nan(result, qualname)


REAL_ARGS = [(q, n) for q, n in ARG_CASES if n != "**" and _arg_kind(q, n) == "real"]


def _argument_range(qualname, name):
    func = _resolve(qualname)
    with pytest.raises(ValueError) as info:
        func(**{**_valid_kwargs(qualname), name: "probe"})
    return _range(str(info.value))


@pytest.mark.parametrize("qualname,name", REAL_ARGS, ids=[f"{q}:{n}" for q, n in REAL_ARGS])
@FEW
@given(data=st.data())
def test_valid_arguments_give_finite_results(qualname, name, data):
    """Any value in an argument's stated range gives a result without NaN (nor infinity,
    unless documented); a value that another argument rules out names one of the arguments."""
    lo, lo_open, hi, hi_open, allow_inf = _argument_range(qualname, name)
    ends = [x for x, is_open in ((lo, lo_open), (hi, hi_open)) if not is_open]
    value = data.draw(st.one_of(st.floats(lo, hi, exclude_min=lo_open, exclude_max=hi_open),
                                st.sampled_from(ends + ([math.inf] if allow_inf else []))),
                      label=name)
    func = _resolve(qualname)
    try:
        result = func(**{**_valid_kwargs(qualname), name: value})
    except ValueError as exc:
        arguments = [p.name for p in _arguments(CALLABLES[qualname])]
        assert any(a in str(exc) for a in arguments), str(exc)
        return
    _assert_no_nan(result, qualname)
