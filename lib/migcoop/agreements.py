"""International agreements on migration: the record, and enforcement cooperation.

Two things the chapters on cooperation in practice (7 and 8) need.

**The record.** :func:`load_agreements` reads ``data/agreements.csv``, a small
dataset of the arrangements Sykes (2013, part II) uses as illustrations: the few
permanent ones (the EU, the Trans-Tasman Travel Arrangement, ECOWAS, and the moves in
COMESA and the Andean Community) and the far more common temporary ones (bilateral
labor agreements, NAFTA chapter 16, the US-Singapore FTA, GATS Mode 4), plus four
permanent arrangements the book adds because they cut against the article's reading
(the US Compacts of Free Association, the Mercosur Residence Agreement and CARICOM's
free movement of skilled nationals; column ``in_article``). Each row records facts
(members, year, permanent or temporary, skill focus, nondiscriminatory or
preferential, who selects the migrants, the welfare safeguard) and the theory's flags
derived from them: a one-way risk where members differ greatly in development, a
diversion risk where access is preferential. The development gap is not a judgement:
:func:`income_gap` measures it from the Gapminder income data the book ships
(:func:`migcoop.gains.load_gapminder`) by a stated rule, and the loader rejects a row
whose coding disagrees with the rule; only rows whose members the data do not cover
are coded from a cited source instead (:data:`OUTSIDE_THE_DATA`). Every row names its
sources; ``data/agreements_README.md`` documents the columns and the rule.
:func:`theory_check` sets the record beside the pattern the theory predicts. The
record is a handful of illustrations chosen by the article and the book, so the
comparison illustrates the theory; it does not test it.

**Enforcement cooperation.** :class:`EnforcementDeal` is the Canada-Jamaica
arrangement of part II.C (Brown 2009) in the book's models. R already runs a
seasonal programme with a partner source B, screening applicants itself (the
status quo of :class:`migcoop.screening.ScreeningModel`). Under a deal B screens a
share ``effort`` of its applicants and encourages return, and R rewards it with
extra visas. Other sources (A) could supply the same workers for ``cost_premium``
less each; a bilateral deal keeps them out, an arrangement open to every source on
the same terms lets employers hire from the cheapest, as the diversion model
(:class:`migcoop.diversion.DiversionModel`) decides. The difference in world
welfare is the migration-diversion loss.

Units of the enforcement model (those of :mod:`migcoop.screening`): visas in
thousands a year; values and costs in thousand dollars per worker a year; welfare
in million dollars a year.
"""

from __future__ import annotations

import csv
import functools
import io
import os
from collections import Counter
from dataclasses import dataclass, field, replace
from importlib.resources import files
from pathlib import Path

import numpy as np

from ._validate import (
    SHARE,
    check_choice,
    check_int,
    check_range,
    check_share,
    instance,
    real,
    sequence,
    validate_fields,
)
from ._validate import out as _out
from ._validate import out_bool as _bool
from .diversion import DiversionModel
from .gains import load_gapminder
from .repeated import _grim_threshold
from .screening import ScreeningModel, good_share_admitted

__all__ = [
    "DATA_FILE",
    "COLUMNS",
    "VOCABULARY",
    "Agreement",
    "load_agreements",
    "parse_agreements",
    "theory_check",
    "TheoryCheck",
    "ARRANGEMENTS",
    "GAP_YEAR",
    "GAP_THRESHOLD",
    "GAP_GROUPS",
    "OUTSIDE_THE_DATA",
    "IncomeGap",
    "income_gap",
    "gap_codings",
    "EnforcementDeal",
    "EnforcementOutcome",
]

DATA_FILE = "agreements.csv"
COLUMNS = ("key", "name", "members", "year", "status", "permanence", "skill_focus", "access",
           "selection", "development_gap", "welfare_safeguard", "one_way_risk",
           "diversion_risk", "in_article", "source")
#: The allowed values of each categorical column.
VOCABULARY = {
    "status": ("in force", "partly implemented", "adopted not in force"),
    "permanence": ("permanent", "temporary"),
    "skill_focus": ("all", "high", "low", "mixed"),
    "access": ("nondiscriminatory", "preferential"),
    "selection": ("migrants", "employers", "sending government",
                  "employers with sending government"),
    "development_gap": ("comparable", "large"),
    "welfare_safeguard": ("self-sufficiency test", "no benefits without residence",
                          "job on arrival", "skills or business purpose", "none specified"),
    "one_way_risk": ("yes", "no"),
    "diversion_risk": ("yes", "no"),
    "in_article": ("yes", "no"),
}
FIRST_YEAR, LAST_YEAR = 1945, 2013  # the record ends with the article


@dataclass(frozen=True)
class Agreement:
    """One arrangement in the record (one row of ``data/agreements.csv``).

    Attributes
    ----------
    key : short identifier, e.g. ``"eu"``.
    name : the arrangement's name.
    members : the parties (a group is named when the source names a group).
    year : the year the arrangement (or the instrument that created it) began.
    status : "in force", "partly implemented" or "adopted not in force" (as of 2013).
    permanence : "permanent" (a right to stay and work indefinitely) or "temporary".
    skill_focus : "all", "high", "low" or "mixed".
    access : "nondiscriminatory" (MFN) or "preferential" (members only).
    selection : who selects the migrants: the migrants themselves, employers, the
        sending government, or employers with the sending government.
    development_gap : "comparable" or "large" gap in development among the members,
        measured from the income data by :func:`income_gap` (or, for the rows in
        :data:`OUTSIDE_THE_DATA`, coded from the cited source).
    welfare_safeguard : how the receiving side guards against welfare migration.
    one_way_risk : the theory's flag: a large development gap, so flows run one way.
    diversion_risk : the theory's flag: preferential access, so migration can be
        diverted from more efficient sources.
    in_article : whether Sykes (2013) discusses the arrangement (the book added the
        others because they cut against the article's reading).
    source : the sources of the row's facts.
    """

    key: str
    name: str
    members: tuple
    year: int
    status: str
    permanence: str
    skill_focus: str
    access: str
    selection: str
    development_gap: str
    welfare_safeguard: str
    one_way_risk: bool
    diversion_risk: bool
    in_article: bool
    source: str

    @property
    def permanent(self) -> bool:
        return self.permanence == "permanent"

    @property
    def welfare_guarded(self) -> bool:
        """Whether the arrangement has any safeguard against welfare migration."""
        return self.welfare_safeguard != "none specified"


# --- the development gap, measured from the income data the book ships ---------------
GAP_YEAR = 2007
"""The year the gap is measured: the last year of the Gapminder extract, the nearest to
the article (the record lists each arrangement's members as of 2013)."""
GAP_THRESHOLD = 3.0
"""A gap is "large" when the richest covered member's GDP per person is at least this
multiple of the poorest's. A convention of the book, not of the article: chapter 7 shows
which codings change at 2 and at 4."""
GAP_GROUPS = {
    "Central and Eastern European states": "Eastern Europe",
    "Eastern Caribbean states": None,
    "WTO members": "all",
}
"""Members named as a group in the record, and the countries of the extract that stand
for them: ``"Eastern Europe"`` is the extract's "Eastern Europe and Turkey" region
without Turkey; ``"all"`` is every country in the extract (which includes a few
countries that were not WTO members; the ratio is above 100 either way); ``None``: the
extract covers none of the group's members."""
NAME_ALIASES = {"Slovakia": "Slovak Republic",
                "Democratic Republic of the Congo": "Congo, Dem. Rep."}
"""The record's country names that Gapminder spells differently."""
OUTSIDE_THE_DATA = {
    "cofa_fsm_rmi": "The extract covers none of the Pacific members, only the United States. "
                    "Coded large on the record of the US Government Accountability Office "
                    "(GAO-06-590, 2006): economies that depend on public spending funded "
                    "largely by US assistance, with limited development prospects.",
    "cofa_palau": "The extract covers only the United States. Coded large like the other "
                  "Compacts: Palau, also a former part of the US-administered Trust "
                  "Territory, relies on Compact assistance.",
}
"""Rows whose development gap the income data cannot measure (fewer than two members
covered), with the reason and the source of the coding the row uses instead."""


@dataclass(frozen=True)
class IncomeGap:
    """The development gap among an arrangement's members, measured from the income data.

    Attributes
    ----------
    year : the Gapminder year of the incomes compared.
    covered : ``(country, GDP per person)`` pairs of the members the extract covers,
        richest first (inflation-adjusted dollars a year, as in the extract).
    missing : members (or groups) the extract does not cover.
    ratio : richest covered member's GDP per person over the poorest's, or ``None``
        when fewer than two members are covered (the gap cannot be measured).
    threshold : the ratio at and above which the gap counts as large.
    coding : ``"large"``, ``"comparable"``, or ``None`` when the ratio is ``None``.
    """

    year: int
    covered: tuple
    missing: tuple
    ratio: float | None
    threshold: float
    coding: str | None


@functools.lru_cache(maxsize=1)
def _incomes() -> tuple[dict, dict, tuple]:
    """(GDP per person by (country, year), countries by region, the extract's years)."""
    income, regions = {}, {}
    for r in load_gapminder():
        income[(r.country, r.year)] = r.gdp_per_capita
        regions.setdefault(r.region, set()).add(r.country)
    years = tuple(sorted({y for _, y in income}))
    return income, {k: tuple(sorted(v)) for k, v in regions.items()}, years


def _stand_ins(member: str) -> tuple:
    """The extract's countries that stand for ``member`` (empty if none)."""
    income, regions, years = _incomes()
    group = GAP_GROUPS.get(member, member)
    if group is None:
        return ()
    if group == "all":
        return tuple(sorted({c for c, _ in income}))
    if group == "Eastern Europe":
        return tuple(c for c in regions["Eastern Europe and Turkey"] if c != "Turkey")
    name = NAME_ALIASES.get(group, group)
    return (name,) if (name, years[-1]) in income else ()


def income_gap(members, year: int = GAP_YEAR, threshold: float = GAP_THRESHOLD) -> IncomeGap:
    """Measure the development gap among ``members`` from the Gapminder extract.

    The rule (``data/agreements_README.md``): take every member the extract covers
    (a group stands for the extract's countries listed in :data:`GAP_GROUPS`), compare
    the GDP per person of the richest and the poorest in ``year``, and call the gap
    large when the ratio is at least ``threshold``. Members the extract does not cover
    are left out and listed in ``missing``.

    Parameters
    ----------
    members : an :class:`Agreement`, or a sequence of member names (strings).
    year : a year of the extract (1952, 1957, ..., 2007).
    threshold : ratio of incomes (richest over poorest) at which a gap counts as
        large, in [1, 1e12].

    Returns
    -------
    IncomeGap

    Examples
    --------
    >>> g = income_gap(["Australia", "New Zealand"])
    >>> g.coding, [c for c, _ in g.covered]
    ('comparable', ['Australia', 'New Zealand'])
    >>> income_gap(["United States", "Palau"]).ratio is None
    True
    """
    names = _member_names(members.members if isinstance(members, Agreement) else members)
    income, _, years = _incomes()
    year = check_int("year", year, years[0], years[-1])
    if year not in years:
        raise ValueError(f"year={year} is not a year of the income data "
                         f"({years[0]}, {years[1]}, ..., {years[-1]})")
    threshold = float(check_range("threshold", threshold, 1.0, 1e12, scalar=True))
    covered, missing = {}, []
    for m in names:
        found = [c for c in _stand_ins(m) if (c, year) in income]
        if not found:
            missing.append(m)
        for c in found:
            covered[c] = income[(c, year)]
    ranked = tuple(sorted(covered.items(), key=lambda kv: (-kv[1], kv[0])))
    if len(ranked) < 2:
        return IncomeGap(year, ranked, tuple(missing), None, threshold, None)
    ratio = ranked[0][1] / ranked[-1][1]
    return IncomeGap(year, ranked, tuple(missing), ratio, threshold,
                     "large" if ratio >= threshold else "comparable")


def _member_names(names) -> tuple:
    if isinstance(names, str) or not hasattr(names, "__iter__"):
        raise ValueError(f"members={names!r} must be an Agreement or a sequence of member names")
    out = tuple(names)
    if not out or not all(isinstance(n, str) and n.strip() for n in out):
        raise ValueError(f"members={names!r} must be a non-empty sequence of non-empty names")
    return out


def _row(raw: dict, line: int) -> Agreement:
    key = (raw.get("key") or "").strip()
    where = f"row {line} ({key or 'no key'})"
    for col in COLUMNS:
        if not (raw.get(col) or "").strip():
            raise ValueError(f"{DATA_FILE} {where}: column {col!r} is empty")
    for col, allowed in VOCABULARY.items():
        if raw[col] not in allowed:
            raise ValueError(f"{DATA_FILE} {where}: {col}={raw[col]!r} is not one of {list(allowed)}")
    try:
        year = int(raw["year"])
    except ValueError:
        raise ValueError(f"{DATA_FILE} {where}: year={raw['year']!r} must be a whole number") from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"{DATA_FILE} {where}: year={year} is outside the allowed range "
                         f"[{FIRST_YEAR}, {LAST_YEAR}]")
    members = tuple(m.strip() for m in raw["members"].split(";") if m.strip())
    one_way = raw["one_way_risk"] == "yes"
    diversion = raw["diversion_risk"] == "yes"
    if one_way != (raw["development_gap"] == "large"):
        raise ValueError(f"{DATA_FILE} {where}: one_way_risk={raw['one_way_risk']!r} contradicts "
                         f"development_gap={raw['development_gap']!r} (a large gap is the risk)")
    if diversion != (raw["access"] == "preferential"):
        raise ValueError(f"{DATA_FILE} {where}: diversion_risk={raw['diversion_risk']!r} contradicts "
                         f"access={raw['access']!r} (preferential access is the risk)")
    measured = income_gap(members)
    if key in OUTSIDE_THE_DATA:
        if measured.coding is not None:
            raise ValueError(f"{DATA_FILE} {where}: the income data cover {len(measured.covered)} "
                             f"members, so the gap must be measured, not listed in OUTSIDE_THE_DATA")
    elif measured.coding is None:
        raise ValueError(f"{DATA_FILE} {where}: the income data cover {len(measured.covered)} of its "
                         f"members (at least 2 needed); development_gap cannot be measured")
    elif measured.coding != raw["development_gap"]:
        raise ValueError(f"{DATA_FILE} {where}: development_gap={raw['development_gap']!r} contradicts "
                         f"the income data: richest to poorest member {measured.ratio:.2f} in "
                         f"{measured.year} ({measured.coding!r} at the threshold {GAP_THRESHOLD})")
    return Agreement(key, raw["name"], members, year, raw["status"], raw["permanence"],
                     raw["skill_focus"], raw["access"], raw["selection"], raw["development_gap"],
                     raw["welfare_safeguard"], one_way, diversion, raw["in_article"] == "yes",
                     raw["source"])


def parse_agreements(text: str) -> tuple[Agreement, ...]:
    """Parse and validate the CSV text of the record; raise ``ValueError`` naming the bad cell.

    >>> rows = parse_agreements(files("migcoop").joinpath("data", DATA_FILE).read_text("utf-8"))
    >>> rows[0].key, rows[0].permanent
    ('eu', True)
    """
    if not isinstance(text, str):
        raise ValueError(f"text={text!r} must be the CSV text")
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ValueError(f"{DATA_FILE} has columns {reader.fieldnames}, expected {list(COLUMNS)}")
    rows = tuple(_row(raw, i) for i, raw in enumerate(reader, start=2))
    if not rows:
        raise ValueError(f"{DATA_FILE} has no rows")
    dupes = [k for k, n in Counter(r.key for r in rows).items() if n > 1]
    if dupes:
        raise ValueError(f"{DATA_FILE}: key={dupes[0]!r} appears more than once")
    return rows


@functools.lru_cache(maxsize=4)
def _load(path: str | None) -> tuple[Agreement, ...]:
    if path is None:
        text = files("migcoop").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return parse_agreements(text)


def load_agreements(path=None) -> tuple[Agreement, ...]:
    """The record of arrangements (standard library only; cached).

    ``path`` (a string or a path) reads another file with the same columns instead of
    the shipped one.

    >>> rows = load_agreements()
    >>> sum(r.in_article for r in rows), sum(not r.in_article for r in rows)
    (13, 4)
    """
    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise ValueError(f"path={path!r} must be a file path (a string or a pathlib.Path) or None")
    return _load(None if path is None else str(path))


#: The record as a dict from key to :class:`Agreement`, in file order.
ARRANGEMENTS = {a.key: a for a in load_agreements()}


@dataclass(frozen=True)
class TheoryCheck:
    """The record set against the theory of part I.

    Attributes
    ----------
    permanent, temporary : keys of the permanent and temporary arrangements.
    permanent_with_one_way_risk : permanent arrangements among unequal members; the
        theory predicts none (the one-way problem rules them out).
    unequal_pairs_temporary : share of arrangements among unequal members that are
        temporary (the theory predicts all).
    unguarded_temporary : temporary arrangements with no welfare safeguard (predicted none).
    preferential : keys of arrangements open to members only (a diversion risk).
    nondiscriminatory : keys of arrangements open to all on MFN terms.
    consistent : the record shows no arrangement the theory rules out.
    outside_the_data : keys whose development gap is coded from a cited source because
        the income data do not cover enough of their members (:data:`OUTSIDE_THE_DATA`).
    """

    permanent: tuple
    temporary: tuple
    permanent_with_one_way_risk: tuple
    unequal_pairs_temporary: float
    unguarded_temporary: tuple
    preferential: tuple
    nondiscriminatory: tuple
    consistent: bool
    outside_the_data: tuple = ()


def theory_check(rows=None) -> TheoryCheck:
    """Set the record (default: the shipped one) beside the theory's predictions.

    ``rows`` is any sequence of :class:`Agreement` (for instance only the article's own
    illustrations, ``[a for a in load_agreements() if a.in_article]``).

    >>> t = theory_check()
    >>> len(t.permanent) + len(t.temporary) == len(load_agreements())
    True
    >>> t.nondiscriminatory
    ('gats_mode4',)
    """
    rows = load_agreements() if rows is None else sequence(instance(Agreement))("rows", rows)
    perm = tuple(r.key for r in rows if r.permanent)
    temp = tuple(r.key for r in rows if not r.permanent)
    bad = tuple(r.key for r in rows if r.permanent and r.one_way_risk)
    unequal = [r for r in rows if r.one_way_risk]
    share = (sum(not r.permanent for r in unequal) / len(unequal)) if unequal else 1.0
    unguarded = tuple(r.key for r in rows if not r.permanent and not r.welfare_guarded)
    return TheoryCheck(
        permanent=perm, temporary=temp, permanent_with_one_way_risk=bad,
        unequal_pairs_temporary=share, unguarded_temporary=unguarded,
        preferential=tuple(r.key for r in rows if r.diversion_risk),
        nondiscriminatory=tuple(r.key for r in rows if not r.diversion_risk),
        consistent=not bad and not unguarded,
        outside_the_data=tuple(r.key for r in rows if r.key in OUTSIDE_THE_DATA),
    )


def gap_codings(threshold: float = GAP_THRESHOLD, rows=None) -> dict:
    """Each arrangement's development gap at another ``threshold`` (a ratio of incomes,
    richest over poorest member, in [1, 1e12]): ``{key: "large" or "comparable"}``.

    Rows outside the income data (:data:`OUTSIDE_THE_DATA`) keep the coding the record
    gives them. This is how chapter 7 shows which codings hang on the book's threshold.

    >>> loose, strict = gap_codings(2.0), gap_codings(10.0)
    >>> loose["ttta"], strict["gats_mode4"]
    ('comparable', 'large')
    """
    threshold = float(check_range("threshold", threshold, 1.0, 1e12, scalar=True))
    rows = load_agreements() if rows is None else sequence(instance(Agreement))("rows", rows)
    return {r.key: (r.development_gap if r.key in OUTSIDE_THE_DATA
                    else income_gap(r, threshold=threshold).coding) for r in rows}


# =====================================================================================
# Enforcement cooperation: visas for screening, bilateral or open to all sources
# =====================================================================================
ARRANGEMENT_TYPES = ("bilateral", "open")
_EPS = 1e-9
MAX_COST = 1e11  # thousand $ a year: the diversion model that decides who supplies needs
#                  employers' demand to exceed twice the costs within its 1e12 range


@dataclass(frozen=True)
class EnforcementOutcome:
    """An enforcement deal at a given visa reward (arrays if the reward is an array).

    Welfare changes are against the status quo (R screens B's applicants itself and
    grants its own best quota), in $ million a year; visas in thousands a year.

    Attributes
    ----------
    arrangement : "bilateral" (the partner B only) or "open" (any source on the same terms).
    visa_reward : visas over the status-quo quota.
    effort : share of applicants the sending side screens.
    quota : visas in the programme.
    from_partner, from_others : visas filled from B and from the other sources (A).
    overstay_rate : share of admitted workers who overstay or otherwise break the terms.
    overstay_rate_status_quo : the same with R screening alone.
    receiver_gain : R's change in welfare, net of the extra cost of B's workers.
    partner_gain : B's government's change in welfare.
    excluded_gain : the other sources' governments' change in welfare.
    world_gain : the sum of the three.
    diversion_loss : world welfare of the open arrangement minus this one, at the same
        quota (0 for the open arrangement, ``cost_premium * quota`` when B supplies
        although A is cheaper).
    acceptable_to_receiver, acceptable_to_partner : each at least as well off.
    partner_patience : the discount factor B needs to keep screening rather than shirk
        (:meth:`migcoop.screening.ScreeningModel.shirking_threshold`); for the open
        arrangement, that of whichever source supplies.
    """

    arrangement: str
    visa_reward: float
    effort: float
    quota: float
    from_partner: float
    from_others: float
    overstay_rate: float
    overstay_rate_status_quo: float
    receiver_gain: float
    partner_gain: float
    excluded_gain: float
    world_gain: float
    diversion_loss: float
    acceptable_to_receiver: bool
    acceptable_to_partner: bool
    partner_patience: float


@dataclass(frozen=True)
class EnforcementDeal:
    """Visas for enforcement: the Canada-Jamaica arrangement, bilateral or open to all.

    Parameters
    ----------
    screening : the screening model of chapter 3 for a source's applicants (every
        source's government knows its own people equally well); its ``good_value`` is
        a worker's value to R when hired from the cheapest source.
    cost_premium : how much more a worker from the partner B costs R's employers than
        one from the cheapest other source A (travel, recruitment, wages; thousand $
        per worker a year). Positive: B is the less efficient source; negative: B is
        the cheaper one. At least ``-supply_cost``, at most 1e11.
    effort : share of its applicants the sending side screens (the rest it waves
        through), in [0, 1]. Its screen is a mix of its best screen and none: true-
        and false-positive rates ``1 - effort (1 - t_S)`` and ``1 - effort (1 - f_S)``,
        cost ``effort k_S`` per applicant.
    supply_cost : what a worker from A costs employers (thousand $ a year, > 0, at most
        1e11), the diversion model's ``cost_a``; only the premium matters for welfare.

    Notes
    -----
    A simple model in the spirit of Brown (2009) on outsourcing immigration compliance
    and of Sykes (2013, part II.C), built from the screening model (a stand-in for
    Fernandez-Huertas Moraga 2008) and the diversion model (after Viner 1950 and
    Lipsey 1957). The status quo follows the historical programme: R already hires
    from B, screening its applicants itself; the other sources have no access.

    Examples
    --------
    >>> deal = EnforcementDeal()
    >>> round(EnforcementDeal(effort=0.5).min_reward(), 3)   # visas B needs to screen half
    0.475
    >>> b = deal.outcome(10.0, "bilateral")
    >>> o = deal.outcome(10.0, "open")
    >>> b.acceptable_to_partner, b.acceptable_to_receiver
    (True, True)
    >>> round(b.diversion_loss, 6) == round(2.0 * b.quota, 6), o.diversion_loss
    (True, 0.0)
    >>> o.partner_gain < 0 < o.excluded_gain        # the partner loses its visas to A
    True
    """

    screening: ScreeningModel = field(default_factory=ScreeningModel)
    cost_premium: float = 2.0
    effort: float = 1.0
    supply_cost: float = 10.0

    def __post_init__(self):
        validate_fields(self, screening=instance(ScreeningModel),
                        supply_cost=real(0.0, MAX_COST, low_open=True),
                        cost_premium=lambda d: real(-d.supply_cost, MAX_COST), effort=SHARE)

    # --- the pieces ------------------------------------------------------------------
    def sender_screen(self) -> tuple[float, float, float]:
        """The sending side's (true-positive rate, false-positive rate, cost per applicant)."""
        s, e = self.screening, self.effort
        return (1 - e * (1 - s.sender_tpr), 1 - e * (1 - s.sender_fpr), e * s.sender_cost)

    @property
    def model(self) -> ScreeningModel:
        """The screening model with the sending side screening at ``effort``."""
        t, f, k = self.sender_screen()
        return replace(self.screening, sender_tpr=t, sender_fpr=f, sender_cost=k)

    def overstay_rate(self, effort=None):
        """Share of admitted workers who overstay, with the sender screening at ``effort``.

        ``effort`` in [0, 1] (default: this deal's); vectorised.
        """
        e = self.effort if effort is None else check_share("effort", effort)
        s = self.screening
        e = np.asarray(e, dtype=float)
        t, f = 1 - e * (1 - s.sender_tpr), 1 - e * (1 - s.sender_fpr)
        return _out(1 - np.asarray(good_share_admitted(s.costly_share, t, f)))

    def overstay_rate_status_quo(self) -> float:
        """Share of admitted workers who overstay when R screens alone."""
        s = self.screening
        who = s.receiver_choice()
        t, f = (s.receiver_tpr, s.receiver_fpr) if who == "receiver" else (1.0, 1.0)
        return float(1 - good_share_admitted(s.costly_share, t, f))

    def min_reward(self) -> float:
        """The smallest visa reward at which B prefers to screen (``inf`` if none works)."""
        return float(self.model.deal_terms().min_reward)

    def reward_range(self) -> tuple[float, float]:
        """(smallest, largest) reward acceptable to both R and B in the bilateral deal.

        The largest is what R can give before screening stops paying for the extra
        visas, net of B's cost premium on them; the range is empty (min > max) when no
        deal exists.
        """
        rewards = np.linspace(0.0, 60.0, 6001)
        d = self.outcome(rewards, "bilateral")
        ok = np.asarray(d.acceptable_to_receiver) & np.asarray(d.acceptable_to_partner)
        if not ok.any():
            return (np.inf, -np.inf)
        return float(rewards[ok][0]), float(rewards[ok][-1])

    def _supplier(self, quota, arrangement):
        """(share of the quota from B, diversion loss) when the quota binds.

        Employers would hire more than the quota at these wages, so the diversion
        model's cap binds and both answers scale with the quota: the model is solved
        once for a cap of one thousand visas.
        """
        cost_a, cost_b = self.supply_cost, self.supply_cost + self.cost_premium
        choke = 2 * max(cost_a, cost_b) + 1.0
        market = DiversionModel(demand_intercept=choke + 2.0, demand_slope=1.0, cost_a=cost_a,
                                cost_b=cost_b, barrier_type="resource", cap=1.0)
        open_ = market.mfn(0.0)
        after = market.outcome(choke, 0.0) if arrangement == "bilateral" else open_  # A barred
        n = np.asarray(quota, dtype=float)
        share_b = np.where(n > 0, float(after.from_b), 0.0)
        return share_b, float(market.compare(open_, after).diversion) * n

    # --- the deal -----------------------------------------------------------------
    def outcome(self, visa_reward, arrangement: str = "bilateral") -> EnforcementOutcome:
        """The deal with ``visa_reward`` extra visas (thousands; at least minus the
        status-quo quota), ``arrangement`` "bilateral" or "open"; vectorised over rewards."""
        kind = check_choice("arrangement", arrangement, ARRANGEMENT_TYPES)
        model = self.model
        base = model.noncooperative()
        d = model.deal(visa_reward)
        n = np.asarray(d.quota, dtype=float)
        share_b, diversion = self._supplier(n, kind)
        prem = self.cost_premium
        # Status quo: B supplies base.quota with R screening; R pays B's premium on them.
        r_base = base.receiver_welfare - prem * base.quota
        r_now = np.asarray(d.receiver_welfare) - prem * share_b * n
        s_now = np.asarray(d.sender_welfare)      # the screening source's welfare
        partner = share_b * s_now - base.sender_welfare
        excluded = (1 - share_b) * s_now
        receiver = r_now - r_base
        world = receiver + partner + excluded
        scale = 1e-9 * (1 + abs(base.receiver_welfare) + abs(base.sender_welfare))
        # The screening source keeps screening if the deal beats one period of shirking
        # (no screening cost, costly types at their population share) and then the
        # status quo for ever: B's status quo is its old programme, A's is nothing.
        sc = model
        cheat = n * (sc.sender_gain + sc.riddance_gain * sc.costly_share)
        patience = np.where(share_b > 0.5,
                            np.asarray(model.shirking_threshold(visa_reward), dtype=float),
                            np.asarray(_grim_threshold(s_now, cheat, 0.0), dtype=float))
        return EnforcementOutcome(
            arrangement=kind, visa_reward=_out(d.visa_reward), effort=self.effort, quota=_out(n),
            from_partner=_out(share_b * n), from_others=_out((1 - share_b) * n),
            overstay_rate=float(self.overstay_rate()),
            overstay_rate_status_quo=self.overstay_rate_status_quo(),
            receiver_gain=_out(receiver), partner_gain=_out(partner), excluded_gain=_out(excluded),
            world_gain=_out(world), diversion_loss=_out(diversion),
            acceptable_to_receiver=_bool(receiver >= -scale),
            acceptable_to_partner=_bool(partner >= -scale), partner_patience=_out(patience),
        )
