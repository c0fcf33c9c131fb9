"""International agreements on migration: the record, and enforcement cooperation.

Two things the chapters on cooperation in practice (7 and 8) need.

**The record.** :func:`load_agreements` reads ``data/agreements.csv``, a small
dataset of the arrangements Sykes (2013, part II) discusses: the few permanent
ones (the EU, the Trans-Tasman Travel Arrangement, ECOWAS, and the moves in COMESA
and the Andean Community) and the far more common temporary ones (bilateral labor
agreements, NAFTA chapter 16, the US-Singapore FTA, GATS Mode 4). Each row records
facts (members, year, permanent or temporary, skill focus, nondiscriminatory or
preferential, who selects the migrants, the welfare safeguard) and the theory's
flags derived from them: a one-way risk where members differ greatly in
development, a diversion risk where access is preferential. Every row names its
sources; ``data/agreements_README.md`` documents the columns. :func:`theory_check`
tests the pattern the theory predicts against the record.

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
    check_share,
    instance,
    real,
    sequence,
    validate_fields,
)
from ._validate import out as _out
from ._validate import out_bool as _bool
from .diversion import DiversionModel
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
    "EnforcementDeal",
    "EnforcementOutcome",
]

DATA_FILE = "agreements.csv"
COLUMNS = ("key", "name", "members", "year", "status", "permanence", "skill_focus", "access",
           "selection", "development_gap", "welfare_safeguard", "one_way_risk",
           "diversion_risk", "source")
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
    development_gap : "comparable" or "large" gap in development among the members.
    welfare_safeguard : how the receiving side guards against welfare migration.
    one_way_risk : the theory's flag: a large development gap, so flows run one way.
    diversion_risk : the theory's flag: preferential access, so migration can be
        diverted from more efficient sources.
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
    source: str

    @property
    def permanent(self) -> bool:
        return self.permanence == "permanent"

    @property
    def welfare_guarded(self) -> bool:
        """Whether the arrangement has any safeguard against welfare migration."""
        return self.welfare_safeguard != "none specified"


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
    return Agreement(key, raw["name"], members, year, raw["status"], raw["permanence"],
                     raw["skill_focus"], raw["access"], raw["selection"], raw["development_gap"],
                     raw["welfare_safeguard"], one_way, diversion, raw["source"])


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
    >>> len(rows), sum(r.permanent for r in rows)
    (13, 5)
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
    """

    permanent: tuple
    temporary: tuple
    permanent_with_one_way_risk: tuple
    unequal_pairs_temporary: float
    unguarded_temporary: tuple
    preferential: tuple
    nondiscriminatory: tuple
    consistent: bool


def theory_check(rows=None) -> TheoryCheck:
    """Set the record (default: the shipped one) against the theory's predictions.

    >>> t = theory_check()
    >>> t.permanent_with_one_way_risk, t.unequal_pairs_temporary, t.consistent
    ((), 1.0, True)
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
    )


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
