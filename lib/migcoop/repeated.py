"""Self-enforcing agreements: when does the threat of reversion sustain cooperation?

In an infinitely repeated game with discount factor delta, a "grim trigger"
agreement -- cooperate until someone deviates, then play the one-shot Nash
equilibrium for ever -- holds if and only if the one-period gain from cheating
is no larger than the discounted loss from the punishment that follows:

    deviate - cooperate <= delta / (1 - delta) * (cooperate - punish),

that is ``delta >= (deviate - cooperate) / (deviate - punish)``. Sykes (2013,
part I.B) stresses that an agreement on migration, like a trade agreement
(Bagwell and Staiger 2002, ch. 6), must be self-enforcing in this sense.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._validate import ANY, NONNEGATIVE, check_range, check_share, real, validate_fields
from ._validate import out as _out

__all__ = [
    "min_discount_factor",
    "is_self_enforcing",
    "deviation_value",
    "StagePayoffs",
    "OneWayDeal",
    "DealSummary",
    "TransferBounds",
    "ReciprocalDeal",
]


def min_discount_factor(cooperate, deviate, punish):
    """The smallest discount factor at which grim-trigger cooperation is self-enforcing.

    Parameters
    ----------
    cooperate : per-period payoff when everyone keeps the agreement.
    deviate : payoff in the period a player cheats while the others cooperate.
    punish : per-period payoff once cooperation has broken down (the one-shot Nash).

    All three in the same units (welfare per period). Returns 0 when cheating pays
    nothing; a value of 1 or more (``inf`` when ``deviate == punish``) means that no
    discount factor below one sustains cooperation, because cooperating is no better
    than the punishment.

    >>> min_discount_factor(cooperate=3.0, deviate=5.0, punish=1.0)
    0.5
    >>> min_discount_factor(cooperate=3.0, deviate=2.0, punish=1.0)
    0.0
    """
    c = check_range("cooperate", cooperate)
    d = check_range("deviate", deviate)
    p = check_range("punish", punish)
    return _grim_threshold(c, d, p)


def _grim_threshold(cooperate, deviate, punish):
    """:func:`min_discount_factor` without the checks, for payoffs a model computed."""
    c, d, p = (np.asarray(x, dtype=float) for x in (cooperate, deviate, punish))
    temptation = d - c
    stake = d - p
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = np.where(stake > 0, temptation / np.where(stake > 0, stake, 1.0), math.inf)
    result = np.where(temptation <= 0, 0.0, ratio)
    return float(result) if result.ndim == 0 else result


def is_self_enforcing(delta, cooperate, deviate, punish) -> bool:
    """Whether a discount factor ``delta`` in [0, 1) sustains grim-trigger cooperation.

    All four arguments are single numbers (see :func:`min_discount_factor` for a curve).

    >>> is_self_enforcing(0.6, 3.0, 5.0, 1.0)
    True
    """
    dl = check_share("delta", delta, open_high=True, scalar=True)
    c = check_range("cooperate", cooperate, scalar=True)
    d = check_range("deviate", deviate, scalar=True)
    p = check_range("punish", punish, scalar=True)
    return bool(dl >= _grim_threshold(c, d, p))


def deviation_value(delta, deviate, punish):
    """The per-period value of cheating once and then facing the punishment for ever.

    ``(1 - delta) * deviate + delta * punish``: the present value of the deviation
    path, expressed per period, so that it compares with ``cooperate`` directly.
    Cooperation is self-enforcing when ``cooperate`` is at least this value, that is
    when ``delta >= min_discount_factor(cooperate, deviate, punish)``.

    Parameters
    ----------
    delta : discount factor in [0, 1]; vectorised.
    deviate, punish : the payoff in the period of cheating and every period after
        (as in :func:`min_discount_factor`).

    >>> deviation_value(0.5, deviate=5.0, punish=1.0)
    3.0
    >>> deviation_value(0.5, 5.0, 1.0) <= 3.0 and is_self_enforcing(0.5, 3.0, 5.0, 1.0)
    True
    """
    d = np.asarray(check_share("delta", delta), dtype=float)
    dev = check_range("deviate", deviate)
    pun = check_range("punish", punish)
    return _out((1 - d) * dev + d * pun)


# --- the one-way problem: a deal in which only one side wants access -------------
# A one-way deal's gains and transfers may be far larger than other numbers (deals are
# built from a model's stakes), but the best transfer sqrt(G_R * Delta_S) must stay finite.
STAKE_LIMIT = 1e150
_STAKE = real(-STAKE_LIMIT, STAKE_LIMIT)


@dataclass(frozen=True)
class StagePayoffs:
    """One side's per-period payoffs in a grim-trigger deal ($ bn a year).

    Attributes
    ----------
    cooperate : both keep the deal.
    deviate : this side cheats for one period while the other still keeps it.
    punish : the status quo both return to after a breach (0 by normalisation).
    threshold : the smallest discount factor at which this side keeps the deal,
        :func:`min_discount_factor` of the three (``inf`` when none does).
    """

    cooperate: float
    deviate: float
    punish: float
    threshold: float


@dataclass(frozen=True)
class TransferBounds:
    """The transfers that keep a one-way deal self-enforcing at a given discount factor.

    Attributes
    ----------
    delta : the discount factor.
    lowest : the smallest transfer R accepts, ``G_R / delta``.
    highest : the largest transfer S is willing to keep paying, ``delta * Delta_S``.
    feasible : whether ``lowest <= highest``: some transfer works.
    """

    delta: float
    lowest: float
    highest: float
    feasible: bool


@dataclass(frozen=True)
class DealSummary:
    """The best a one-way deal can do.

    Attributes
    ----------
    exists : whether some transfer sustains the deal at some discount factor below 1.
    best_transfer : the transfer that needs the least patience, ``sqrt(G_R * Delta_S)``
        ($ bn a year; 0 when R needs no payment, or when no payment could work).
    min_delta : the least discount factor that sustains the deal with that transfer,
        ``sqrt(G_R / Delta_S)`` (0 when R needs no payment; ``inf`` when S gains nothing).
    """

    exists: bool
    best_transfer: float
    min_delta: float


@dataclass(frozen=True)
class OneWayDeal:
    """A one-way migration deal: R liberalises, S pays a per-period transfer T.

    Only S's people want to move, so R has nothing to gain from access to S's labor
    market; S can pay only in another currency (issue linkage: trade or investment
    concessions, help with enforcement), here a transfer ``T`` per period. Each period
    both choose at once whether to keep the deal; a breach sends both back to the
    status quo (R restricts, S pays nothing, payoffs normalised to 0) for ever.

    * R keeps the deal: ``cooperate = T - G_R``, ``deviate = T`` (restrict and still
      collect this period's payment), ``punish = 0``, so it needs ``delta >= G_R / T``.
    * S keeps the deal: ``cooperate = Delta_S - T``, ``deviate = Delta_S`` (stop paying
      while R is still open), ``punish = 0``, so it needs ``delta >= T / Delta_S``.

    A transfer works at ``delta`` iff ``G_R / delta <= T <= delta * Delta_S``; some delta
    below 1 admits one iff ``G_R < Delta_S``; the transfer that needs the least patience
    is ``sqrt(G_R * Delta_S)``, with ``delta = sqrt(G_R / Delta_S)``. Without a transfer
    (pure migration-for-migration reciprocity with one-way flows) no delta works.

    Parameters
    ----------
    restriction_gain : G_R, what R gains each period by keeping its restriction rather
        than liberalising ($ bn a year; any number of magnitude up to 1e150, <= 0 meaning
        R would open up on its own).
    sending_gain : Delta_S, what S's government gains each period from R's
        liberalisation as it counts gains ($ bn a year; any number of magnitude up to
        1e150, <= 0 meaning S would pay nothing for it). Transfers are >= 0 and at most
        1e150 too.

    Notes
    -----
    A simple model in the spirit of the self-enforcing trade agreements of Bagwell and
    Staiger (2002, ch. 6), applied to the one-way problem of Sykes (2013, part I.B.1).

    Examples
    --------
    >>> deal = OneWayDeal(restriction_gain=2.0, sending_gain=8.0)
    >>> deal.summary()
    DealSummary(exists=True, best_transfer=4.0, min_delta=0.5)
    >>> deal.threshold(0.0)             # no transfer: nothing sustains the deal
    inf
    >>> bool(deal.holds(0.6, 4.0)), bool(deal.holds(0.4, 4.0))
    (True, False)
    """

    restriction_gain: float
    sending_gain: float

    def __post_init__(self):
        validate_fields(self, restriction_gain=_STAKE, sending_gain=_STAKE)

    def receiving_payoffs(self, transfer) -> StagePayoffs:
        """R's stage payoffs and threshold at ``transfer`` (>= 0, $ bn a year); vectorised."""
        t = np.asarray(check_range("transfer", transfer, 0.0, STAKE_LIMIT), dtype=float)
        coop, dev, pun = t - self.restriction_gain, t, np.zeros_like(t)
        return StagePayoffs(_out(coop), _out(dev), _out(pun),
                            _out(_grim_threshold(coop, dev, pun)))

    def sending_payoffs(self, transfer) -> StagePayoffs:
        """S's stage payoffs and threshold at ``transfer`` (>= 0, $ bn a year); vectorised."""
        t = np.asarray(check_range("transfer", transfer, 0.0, STAKE_LIMIT), dtype=float)
        coop = self.sending_gain - t
        dev = np.full_like(t, self.sending_gain)
        pun = np.zeros_like(t)
        return StagePayoffs(_out(coop), _out(dev), _out(pun),
                            _out(_grim_threshold(coop, dev, pun)))

    def receiving_threshold(self, transfer):
        """The least delta at which R keeps the deal: ``G_R / T`` (``inf`` at T = 0)."""
        return self.receiving_payoffs(transfer).threshold

    def sending_threshold(self, transfer):
        """The least delta at which S keeps paying: ``T / Delta_S``."""
        return self.sending_payoffs(transfer).threshold

    def threshold(self, transfer):
        """The least delta at which both keep the deal with ``transfer``; vectorised."""
        return _out(np.maximum(self.receiving_threshold(transfer), self.sending_threshold(transfer)))

    def holds(self, delta, transfer):
        """Whether the deal with ``transfer`` is self-enforcing at ``delta`` in [0, 1).

        ``delta`` and ``transfer`` broadcast, so a grid of both gives the feasible region.
        """
        d = np.asarray(check_share("delta", delta, open_high=True), dtype=float)
        ok = d >= np.asarray(self.threshold(transfer))
        return bool(ok) if ok.ndim == 0 else ok

    def transfer_bounds(self, delta) -> TransferBounds:
        """The band of transfers ``[G_R / delta, delta * Delta_S]`` that work at ``delta``.

        ``delta`` in (0, 1); vectorised. When R needs no payment the lower bound is 0.
        """
        d = np.asarray(check_range("delta", delta, 0.0, 1.0, low_open=True, high_open=True),
                       dtype=float)
        low = np.maximum(self.restriction_gain, 0.0) / d
        high = d * self.sending_gain
        feasible = (low <= high) | (low == 0)
        return TransferBounds(_out(d), _out(low), _out(np.maximum(high, 0.0)),
                              bool(feasible) if feasible.ndim == 0 else feasible)

    def summary(self) -> DealSummary:
        """Whether a deal exists, the transfer that needs least patience, and that patience."""
        g, s = self.restriction_gain, self.sending_gain
        if g <= 0:
            return DealSummary(exists=True, best_transfer=0.0, min_delta=0.0)
        if s <= 0:
            return DealSummary(exists=False, best_transfer=0.0, min_delta=math.inf)
        ratio = g / s  # overflows only when s is vanishingly small: take the roots apart
        delta = math.sqrt(ratio) if math.isfinite(ratio) else math.sqrt(g) / math.sqrt(s)
        return DealSummary(exists=delta < 1, best_transfer=math.sqrt(g * s), min_delta=delta)


@dataclass(frozen=True)
class ReciprocalDeal:
    """Migration for migration: each country opens its labor market to the other's workers.

    Country i gives up ``restriction_gain_i`` by opening up and gains ``access_gain_i``
    when the other opens to its people. Keeping the deal is worth ``access - restriction``
    a period; cheating (closing while the other stays open) is worth ``access`` once;
    the status quo is 0. So country i needs ``delta >= restriction_gain_i / access_gain_i``.
    With flows in both directions (the EU, Australia and New Zealand) both ratios can be
    below 1. When nobody wants to move from S to R, R's access gain is 0 and no
    discount factor keeps R in the deal: the one-way problem.

    Parameters
    ----------
    receiving_restriction_gain, sending_restriction_gain : each country's per-period gain
        from keeping its own restriction ($ bn a year, any finite number).
    receiving_access_gain, sending_access_gain : each country's per-period gain from the
        other opening to its people ($ bn a year, >= 0).

    Examples
    --------
    >>> ReciprocalDeal(1.0, 4.0, 1.0, 4.0).thresholds()        # symmetric: 1/4 each
    (0.25, 0.25)
    >>> ReciprocalDeal(1.0, 0.0, 1.0, 4.0).thresholds()        # one-way flows
    (inf, 0.25)
    """

    receiving_restriction_gain: float
    receiving_access_gain: float
    sending_restriction_gain: float
    sending_access_gain: float

    def __post_init__(self):
        validate_fields(self, receiving_restriction_gain=ANY, receiving_access_gain=NONNEGATIVE,
                        sending_restriction_gain=ANY, sending_access_gain=NONNEGATIVE)

    @classmethod
    def symmetric(cls, restriction_gain, access_gain) -> ReciprocalDeal:
        """Two mirror-image countries (the trade-agreement benchmark)."""
        return cls(restriction_gain, access_gain, restriction_gain, access_gain)

    def payoffs(self) -> tuple[StagePayoffs, StagePayoffs]:
        """(R's, S's) stage payoffs and thresholds."""
        out = []
        for g, v in ((self.receiving_restriction_gain, self.receiving_access_gain),
                     (self.sending_restriction_gain, self.sending_access_gain)):
            out.append(StagePayoffs(v - g, v, 0.0, float(_grim_threshold(v - g, v, 0.0))))
        return out[0], out[1]

    def thresholds(self) -> tuple[float, float]:
        """(R's, S's) least discount factors; ``inf`` means none below 1 works."""
        r, s = self.payoffs()
        return r.threshold, s.threshold

    def min_delta(self) -> float:
        """The least discount factor at which both keep the deal."""
        return max(self.thresholds())

    def holds(self, delta) -> bool:
        """Whether both keep the deal at ``delta`` in [0, 1)."""
        d = check_share("delta", delta, open_high=True, scalar=True)
        return bool(d >= self.min_delta())
