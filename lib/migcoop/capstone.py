"""Design an agreement every party accepts: the book's models put together.

The model behind chapter 10. A reader chooses four features of an agreement
between a receiving country R and a partner source country S (other sources, A,
stand outside unless the agreement is open to them):

* ``permanence``: "permanent" (migrants may stay for good) or "temporary"
  (they go home at the return rate ``temporary_return_rate``);
* ``access``: "nondiscriminatory" (the same terms for every source, so employers
  hire from the cheapest) or "preferential" (the visas are the partner's);
* ``screener``: "receiver" (R admits on its own checks) or "sender" (the sending
  side screens its applicants, as Jamaica does for Canada, and bears the cost);
* ``linkage``: "none", or "transfer": a transfer each period, in whichever
  direction needs the least patience (:func:`least_patience_transfer`). It runs from
  the sending side to R, chapter 5's issue linkage, when R loses from the programme;
  and from R to the sending side, as aid or development money for cooperation on
  migration control does in practice, when R gains and the sending side must be kept
  screening or kept in.

:meth:`CapstoneWorld.evaluate` returns a :class:`Verdict` that takes each answer
from the chapter whose model asks that question:

* each side's stake, permanent or temporary, screened or not: chapter 7's
  :class:`migcoop.temporary.TemporaryMigration` (built on chapter 5's two-country
  economy and chapter 3's screening arithmetic);
* who supplies the migrants and what diversion costs the world: chapter 6's
  :class:`migcoop.diversion.DiversionModel` with the programme as a binding cap;
* the transfer and whether the deal is self-enforcing: chapter 2's grim trigger
  (:func:`migcoop.repeated.min_discount_factor`), with each side tempted for a period
  to stop paying, the sending side (as in chapter 3) to stop screening, and a side
  that loses from the programme itself to leave it. With no screening cost and R
  losing, the least-patience transfer is chapter 5's ``sqrt(G_R * Delta_S)``
  (:class:`migcoop.repeated.OneWayDeal`); :func:`least_patience_transfer` gives it in
  general, in closed form.

**The least-patience transfer.** Write ``G`` for R's gain from the programme before
any transfer (negative when R loses), ``S`` for the sending side's gain net of its
screening cost ``K`` (so ``B = S + K`` is its gain before screening costs), and ``T``
for the transfer (positive: the sending side pays R; negative: R pays). With
``x+ = max(x, 0)`` and ``x- = max(-x, 0)``, each side's grim-trigger threshold is
(temptation over what a breach puts at stake)::

    delta_R(T) = (G- + T-) / (G+ + T+),      delta_S(T) = (K + B- + T+) / (B+ + T-),

``delta_R`` falling and ``delta_S`` rising in ``T``, so the transfer that minimises
the larger is where they cross:

* ``G < 0``: ``T* = (sqrt(K**2 + 4 G_R B) - K) / 2`` with ``G_R = -G``, paid to R,
  and ``delta* = G_R / T*`` (``sqrt(G_R S)`` and ``sqrt(G_R / S)`` when ``K = 0``);
* ``G > 0``: ``T* = -(sqrt(B+**2 + 4 G (K + B-)) - B+) / 2``, paid by R, and
  ``delta* = -T* / G`` (no transfer when ``K = 0`` and ``S >= 0``; the mirror image
  ``-sqrt(G (-S))`` when the sending side loses even before screening);
* ``G = 0``: ``T* = 0``.

In every case ``delta* < 1``, so that some discount factor sustains the deal, exactly
when the joint gain ``G + S`` is positive.

Every source is an economy like the partner's; the partner's workers cost R's
employers ``cost_premium`` more each (travel, recruitment), so the partner is the
less efficient source when the premium is positive. Units: migrants in millions,
per-migrant amounts in thousand dollars a year, gains in billion dollars a year.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

import numpy as np

from ._validate import (
    LIMIT,
    POSITIVE,
    SHARE,
    check_instance,
    check_range,
    choice,
    instance,
    real,
    replaced,
    validate_fields,
)
from ._validate import out as _out
from .agreements import MAX_COST, load_agreements
from .diversion import DiversionModel
from .repeated import _grim_threshold
from .screening import ScreeningModel
from .temporary import TemporaryMigration

__all__ = [
    "PERMANENCE",
    "ACCESS",
    "SCREENERS",
    "LINKAGE",
    "Design",
    "Verdict",
    "CapstoneWorld",
    "TransferDeal",
    "Thresholds",
    "all_designs",
    "least_patience_transfer",
    "patience_thresholds",
]

PERMANENCE = ("permanent", "temporary")
ACCESS = ("nondiscriminatory", "preferential")
SCREENERS = ("receiver", "sender")
LINKAGE = ("none", "transfer")
_TOL = 1e-9


def _sign_word(x: float) -> str:
    return "gain" if x > _TOL else ("lose" if x < -_TOL else "no change")


@dataclass(frozen=True)
class Design:
    """The four choices of an agreement (see the module docstring)."""

    permanence: str = "temporary"
    access: str = "nondiscriminatory"
    screener: str = "sender"
    linkage: str = "none"

    def __post_init__(self):
        validate_fields(self, permanence=choice(PERMANENCE), access=choice(ACCESS),
                        screener=choice(SCREENERS), linkage=choice(LINKAGE))

    def describe(self) -> str:
        link = "with a transfer" if self.linkage == "transfer" else "no transfer"
        return (f"{self.permanence}, {self.access}, screened by the "
                f"{'sending side' if self.screener == 'sender' else 'receiving country'}, {link}")


def all_designs() -> tuple[Design, ...]:
    """The sixteen designs, in a fixed order."""
    return tuple(Design(*c) for c in itertools.product(PERMANENCE, ACCESS, SCREENERS, LINKAGE))


def _pos(x):
    return np.maximum(x, 0.0)


def _neg(x):
    return np.maximum(-x, 0.0)


def _stakes(receiving_gain, sending_gain, screening_cost):
    g = check_range("receiving_gain", receiving_gain, -LIMIT, LIMIT, scalar=True)
    s = check_range("sending_gain", sending_gain, -LIMIT, LIMIT, scalar=True)
    k = check_range("screening_cost", screening_cost, 0.0, LIMIT, scalar=True)
    return g, s, k


def patience_thresholds(receiving_gain, sending_gain, screening_cost, transfer) -> Thresholds:
    """Each side's grim-trigger threshold for a signed ``transfer``; vectorised in it.

    A period's deviation: R stops paying (if it pays) and leaves the programme if it
    loses from it; the sending side stops paying (if it pays), stops screening (saving
    ``screening_cost``) and leaves the programme if it loses from it. A breach returns
    both to the status quo (0) for ever. So, with ``B = sending_gain + screening_cost``,

    ``delta_R = (G- + T-) / (G+ + T+)`` and ``delta_S = (K + B- + T+) / (B+ + T-)``

    (0 when there is no temptation, ``inf`` when a breach costs nothing; a value of 1
    or more means no discount factor below one sustains the deal).

    Parameters
    ----------
    receiving_gain : G, R's gain from the programme before any transfer ($ bn a year).
    sending_gain : S, the sending side's gain, net of its screening cost and before any
        transfer ($ bn a year).
    screening_cost : K >= 0, what the sending side spends screening each year and saves
        by shirking for a period ($ bn a year).
    transfer : T, paid each year by the sending side to R (negative: paid by R to the
        sending side) ($ bn a year); a number or an array.

    Returns
    -------
    Thresholds
        ``receiver_threshold`` and ``sender_threshold``, floats or arrays shaped like
        ``transfer``.

    Examples
    --------
    >>> patience_thresholds(-2.0, 8.0, 0.0, 4.0)      # chapter 5's one-way deal
    Thresholds(receiver_threshold=0.5, sender_threshold=0.5)
    >>> patience_thresholds(3.0, 5.0, 1.0, 0.0).sender_threshold   # R gains; screening tempts
    0.16666666666666666
    """
    g, s, k = _stakes(receiving_gain, sending_gain, screening_cost)
    t = np.asarray(check_range("transfer", transfer, -LIMIT, LIMIT), dtype=float)
    b = s + k
    d_r = _grim_threshold(g + t, _pos(g) + _pos(t), 0.0)
    d_s = _grim_threshold(s - t, _pos(b) + _neg(t), 0.0)
    return Thresholds(_out(d_r), _out(d_s))


@dataclass(frozen=True)
class Thresholds:
    """Each side's least discount factor (:func:`patience_thresholds`).

    Attributes
    ----------
    receiver_threshold : R's (0: no temptation; >= 1 or ``inf``: never).
    sender_threshold : the sending side's, likewise.
    """

    receiver_threshold: float
    sender_threshold: float


@dataclass(frozen=True)
class TransferDeal:
    """The transfer that needs the least patience (see :func:`least_patience_transfer`).

    Attributes
    ----------
    transfer : T*, paid each year by the sending side to R; negative when R pays the
        sending side ($ bn a year; 0 when none is needed).
    receiver_threshold, sender_threshold : each side's least discount factor at T*.
    min_delta : the larger of the two, the least patience any transfer allows.
    exists : ``min_delta < 1``: some discount factor below one sustains the deal
        (equivalently, the joint gain ``receiving_gain + sending_gain`` is positive).
    """

    transfer: float
    receiver_threshold: float
    sender_threshold: float
    min_delta: float
    exists: bool

    @property
    def direction(self) -> str:
        """Who pays: "to the receiving country", "to the sending side" or "none"."""
        if self.transfer > 0:
            return "to the receiving country"
        return "to the sending side" if self.transfer < 0 else "none"


def _positive_root(p: float, x: float, y: float) -> float:
    """The root ``z >= 0`` of ``z**2 + p z - x y = 0`` (``p, x, y >= 0``), computed without
    cancellation as ``2 x y / (sqrt(p**2 + 4 x y) + p)`` (and without underflow when the
    product ``x y`` is tiny)."""
    xy = x * y
    if xy == 0 and (x == 0 or y == 0):
        return 0.0
    if xy > 1e-290:
        return 2.0 * xy / (math.sqrt(p * p + 4.0 * xy) + p)
    r = math.sqrt(x) * math.sqrt(y)
    return 2.0 * r * (r / (math.hypot(p, 2.0 * r) + p))


def least_patience_transfer(receiving_gain, sending_gain, screening_cost=0.0) -> TransferDeal:
    """The signed transfer that minimises the larger of the two sides' thresholds.

    R's threshold falls and the sending side's rises as the transfer to R grows
    (:func:`patience_thresholds`), so the minimum of the larger is where they cross.
    With ``G`` = ``receiving_gain``, ``S`` = ``sending_gain``, ``K`` =
    ``screening_cost`` and ``B = S + K``:

    * R loses (``G < 0``): ``T* = (sqrt(K**2 + 4 (-G) B) - K) / 2 > 0``, paid to R,
      needing ``delta* = -G / T*``; with ``K = 0`` this is chapter 5's
      ``sqrt(G_R S)`` (:meth:`migcoop.repeated.OneWayDeal.summary`), and a positive
      ``K`` lowers it: a screening sender is already tempted by what it saves;
    * R gains (``G > 0``): ``T* = -(sqrt(B+**2 + 4 G (K + B-)) - B+) / 2 <= 0``, paid
      by R, needing ``delta* = -T* / G``: R buys the sending side's screening, or its
      participation, with part of its own gain;
    * ``G = 0``: no transfer.

    When R loses and ``B <= 0`` no transfer sustains anything (``min_delta = inf``).
    ``exists`` (``min_delta < 1``) holds exactly when ``G + S > 0``.

    Parameters
    ----------
    receiving_gain : G, R's gain from the programme before any transfer ($ bn a year).
    sending_gain : S, the sending side's gain net of screening costs, before any
        transfer ($ bn a year).
    screening_cost : K >= 0, the sending side's yearly screening cost ($ bn a year).

    Returns
    -------
    TransferDeal

    Notes
    -----
    The book's extension of the one-way deal of Sykes (2013, part I.B.1) and of
    chapter 5, with the sending side's screening of chapter 3 (after Brown 2009) and
    transfers in both directions; grim-trigger punishment as in Bagwell and Staiger
    (2002, ch. 6).

    Examples
    --------
    >>> least_patience_transfer(-2.0, 8.0)              # chapter 5: sqrt(2 * 8)
    TransferDeal(transfer=4.0, receiver_threshold=0.5, sender_threshold=0.5, min_delta=0.5, exists=True)
    >>> d = least_patience_transfer(-2.0, 5.0, 1.0)     # the sender screens: less than sqrt(10)
    >>> d.transfer, round(d.min_delta, 4), d.direction
    (3.0, 0.6667, 'to the receiving country')
    >>> d = least_patience_transfer(2.0, 1.0, 2.0)      # R gains: R pays for the screening
    >>> d.transfer, d.min_delta, d.direction
    (-1.0, 0.5, 'to the sending side')
    """
    g, s, k = _stakes(receiving_gain, sending_gain, screening_cost)
    b = s + k
    bp, bm = max(b, 0.0), max(-b, 0.0)
    if g < 0 < b:
        # the positive root of T**2 + K T - G_R B = 0 (none works if B <= 0: T = 0)
        t = _positive_root(k, -g, b)
    elif g > 0:
        # the positive root u of u**2 + B+ u - G (K + B-) = 0; T = -u
        t = -_positive_root(bp, g, k + bm)
    else:
        t = 0.0
    th = patience_thresholds(g, s, k, t)
    d_r, d_s = th.receiver_threshold, th.sender_threshold
    need_delta = max(d_r, d_s)
    return TransferDeal(float(t), d_r, d_s, need_delta, bool(need_delta < 1))


@dataclass(frozen=True)
class Verdict:
    """What a design gives each party, and whether it holds.

    Attributes
    ----------
    design : the :class:`Design`.
    return_rate : the migrants' return rate (0 for a permanent agreement).
    from_partner, from_others : migrants from the partner and from other sources (millions).
    receiving_gain : R's gain, including any transfer ($ bn a year).
    partner_gain, others_gain : the partner's and the other sources' governments' gains,
        net of screening costs and of any transfer they pay ($ bn a year).
    world_gain : change in world output less external, screening and extra hiring
        costs ($ bn a year; transfers cancel).
    diversion_loss : what the world loses because the partner rather than the cheapest
        source supplies (the diversion model's rectangle, $ bn a year).
    transfer : the transfer the sending side pays R each year, negative when R pays the
        sending side ($ bn; with linkage, :func:`least_patience_transfer`; 0 without
        linkage or when none is needed or none works).
    receiver_threshold, sender_threshold : the least discount factor at which R, and the
        sending side (paying or paid, and screening), keep the agreement
        (:func:`patience_thresholds`; 0: no temptation; >= 1 or ``inf``: never).
    min_delta : the larger of the two.
    discount_factor : the governments' discount factor.
    receiver, partner, others : "gain", "lose" or "no change".
    accepted : R gains, the partner does not lose, and the sources that send do not lose.
    self_enforcing : accepted, and ``discount_factor >= min_delta``.
    closest : keys of the arrangements in the record (:mod:`migcoop.agreements`) with the
        same permanence and access (and, if the sending side screens, a sending government
        that selects).
    """

    design: Design
    return_rate: float
    from_partner: float
    from_others: float
    receiving_gain: float
    partner_gain: float
    others_gain: float
    world_gain: float
    diversion_loss: float
    transfer: float
    receiver_threshold: float
    sender_threshold: float
    min_delta: float
    discount_factor: float
    receiver: str
    partner: str
    others: str
    accepted: bool
    self_enforcing: bool
    closest: tuple

    @property
    def direction(self) -> str:
        """Who receives the transfer: "to the receiving country", "to the sending side" or "none"."""
        if self.transfer > 0:
            return "to the receiving country"
        return "to the sending side" if self.transfer < 0 else "none"


def _book_arrangement() -> TemporaryMigration:
    """Chapter 7's arrangement, :func:`migcoop.calibrations.temporary_arrangement`.

    Imported when called, not when this module loads: the calibrations sit above the
    models and import this module.
    """
    from .calibrations import temporary_arrangement

    return temporary_arrangement()


@dataclass(frozen=True)
class CapstoneWorld:
    """The world in which designs are judged.

    Parameters
    ----------
    migration : chapter 7's arrangement (economy, migrants, ties, welfare costs); its
        own screen fields are ignored: the screen comes from the design. Default:
        the book's, :func:`migcoop.calibrations.temporary_arrangement`.
    screening : chapter 3's screening model, for the screens: R's own checks use its
        ``receiver_tpr``/``receiver_fpr``, the sending side's its ``sender_tpr``,
        ``sender_fpr`` and ``sender_cost`` (thousand $ per applicant). The default
        gives R no useful checks of its own (rates of 1): it cannot tell who will work;
        the sending side screens at $100 per applicant.
    temporary_return_rate : rho for a temporary agreement (per year, > 0).
    remittance_share : share of earnings migrants with ties send home, in [0, 1].
    cost_premium : what a partner's worker costs R's employers above one from the
        cheapest other source (thousand $ a year; negative if the partner is cheaper,
        at least ``-supply_cost``, at most 1e11).
    supply_cost : what a worker from the cheapest other source costs (thousand $, > 0,
        at most 1e11; only the premium matters for welfare).
    discount_factor : delta, in [0, 1).

    Examples
    --------
    >>> world = CapstoneWorld()
    >>> world.evaluate(Design("permanent", "preferential", "receiver", "none")).partner
    'lose'
    >>> v = world.evaluate(Design("temporary", "nondiscriminatory", "sender", "none"))
    >>> v.receiver, v.accepted, v.self_enforcing
    ('gain', True, True)
    """

    migration: TemporaryMigration = field(default_factory=_book_arrangement)
    screening: ScreeningModel = field(default_factory=lambda: ScreeningModel(
        receiver_tpr=1.0, receiver_fpr=1.0, sender_cost=0.1))
    temporary_return_rate: float = 1.0
    remittance_share: float = 0.1
    cost_premium: float = 0.1
    supply_cost: float = 10.0
    discount_factor: float = 0.9

    def __post_init__(self):
        validate_fields(self, migration=instance(TemporaryMigration),
                        screening=instance(ScreeningModel), temporary_return_rate=POSITIVE,
                        remittance_share=SHARE, supply_cost=real(0.0, MAX_COST, low_open=True),
                        cost_premium=lambda w: real(-w.supply_cost, MAX_COST),
                        discount_factor=real(0.0, 1.0, high_open=True))

    def replace(self, **changes) -> CapstoneWorld:
        """A copy with some parameters changed (validated again)."""
        return replaced(self, changes)

    # --- the pieces -------------------------------------------------------------------
    def arrangement(self, design: Design) -> TemporaryMigration:
        """Chapter 7's model with the design's screen (and who pays for it)."""
        check_instance("design", design, Design)
        s = self.screening
        if design.screener == "sender":
            return self.migration.replace(screen_tpr=s.sender_tpr, screen_fpr=s.sender_fpr,
                                          sender_screening_cost=s.sender_cost)
        return self.migration.replace(screen_tpr=s.receiver_tpr, screen_fpr=s.receiver_fpr,
                                      sender_screening_cost=0.0)

    def allocation(self, design: Design) -> tuple[float, float, float]:
        """(migrants from the partner, from other sources, diversion loss) for the design.

        The programme is a binding cap on the diversion model's market: preferential
        access bars the other sources; nondiscriminatory access lets the cheapest supply
        (with equal costs employers are indifferent and the sources share equally).
        """
        check_instance("design", design, Design)
        m = self.migration.migrants
        if m == 0:
            return 0.0, 0.0, 0.0
        cost_a, cost_b = self.supply_cost, self.supply_cost + self.cost_premium
        choke = 2 * max(cost_a, cost_b) + 1.0
        # The cap binds, so both answers scale with it: solve for a cap of one and scale.
        market = DiversionModel(demand_intercept=choke + 2.0, demand_slope=1.0, cost_a=cost_a,
                                cost_b=cost_b, barrier_type="resource", cap=1.0)
        open_ = market.mfn(0.0)
        after = market.outcome(choke, 0.0) if design.access == "preferential" else open_
        from_b = float(after.from_b) * m
        if design.access == "nondiscriminatory" and self.cost_premium == 0:
            from_b = m / 2
        diversion = float(market.compare(open_, after).diversion) * m
        return from_b, m - from_b, diversion

    def closest(self, design: Design) -> tuple:
        """Keys of recorded arrangements that share the design's permanence and access."""
        check_instance("design", design, Design)
        out = []
        for a in load_agreements():
            if a.permanence != design.permanence or a.access != design.access:
                continue
            if design.screener == "sender" and "sending government" not in a.selection:
                continue
            out.append(a.key)
        return tuple(out)

    # --- the verdict ------------------------------------------------------------------
    def evaluate(self, design: Design) -> Verdict:
        """Judge ``design``: each party's gain, the transfer, and self-enforcement."""
        check_instance("design", design, Design)
        rho = 0.0 if design.permanence == "permanent" else self.temporary_return_rate
        r = self.remittance_share
        model = self.arrangement(design)
        m_b, m_a, diversion = self.allocation(design)
        whole = model.outcome(rho, r)
        premium = self.cost_premium * m_b
        g_r = float(whole.receiving_gain) - premium        # R's gain before any transfer

        def side(m):
            if m <= 0:
                return 0.0, 0.0
            o = model.replace(migrants=m).outcome(rho, r)
            return float(o.sending_gain), float(o.screening_cost)

        (s_b, k_b), (s_a, k_a) = side(m_b), side(m_a)
        sending, screening = s_b + s_a, k_b + k_a           # net of screening costs
        transfer = 0.0
        if design.linkage == "transfer":
            # the signed transfer that needs the least patience; none if nothing works
            deal = least_patience_transfer(g_r, sending, screening)
            transfer = deal.transfer if deal.exists else 0.0
        share_b = m_b / (m_b + m_a) if m_b + m_a > 0 else 0.0
        r_gain = g_r + transfer
        p_gain = s_b - transfer * share_b
        a_gain = s_a - transfer * (1 - share_b)
        world = float(whole.world_gain) - premium
        # Self-enforcement (grim trigger): each side is tempted for a period to stop
        # paying, the sending side to stop screening, and a side that loses to leave.
        th = patience_thresholds(g_r, sending, screening, transfer)
        r_need, s_need = th.receiver_threshold, th.sender_threshold
        need = max(r_need, s_need)
        supplying_ok = all(g >= -_TOL for g, m in ((p_gain, m_b), (a_gain, m_a)) if m > 0)
        accepted = bool(r_gain > _TOL and p_gain >= -_TOL and supplying_ok)
        return Verdict(
            design=design, return_rate=rho, from_partner=m_b, from_others=m_a,
            receiving_gain=r_gain, partner_gain=p_gain, others_gain=a_gain, world_gain=world,
            diversion_loss=diversion, transfer=transfer, receiver_threshold=r_need,
            sender_threshold=s_need, min_delta=need, discount_factor=self.discount_factor,
            receiver=_sign_word(r_gain), partner=_sign_word(p_gain), others=_sign_word(a_gain),
            accepted=accepted, self_enforcing=bool(accepted and self.discount_factor >= need),
            closest=self.closest(design),
        )

    def table(self) -> tuple[Verdict, ...]:
        """The verdict on every one of the sixteen designs."""
        return tuple(self.evaluate(d) for d in all_designs())

    def min_settled_remittance_share(self, design: Design) -> float:
        """The least share of their earnings settled migrants must send home for ``design``
        to be accepted (chapter 7's ``settled_remittance_share``, rho_s).

        R's gain does not depend on rho_s and each source's gain is affine in it, so the
        boundary follows from the gains at rho_s = 0 and 1. With linkage the design is
        accepted once the joint gain ``G + S`` is positive (then some transfer, in one
        direction or the other, leaves both better off, :func:`least_patience_transfer`);
        without, once R gains and no source that sends migrants loses. Returns 0 if the
        design is accepted even when settled migrants send nothing, ``inf`` if no share in
        [0, 1] is enough. The voluntary return rate and the rest are the world's own
        (``migration``); a temporary design's own return rate counts as well.

        Examples
        --------
        >>> world = CapstoneWorld()
        >>> world.min_settled_remittance_share(Design("temporary", "preferential", "sender"))
        0.0
        >>> world.min_settled_remittance_share(Design("permanent", "preferential", "sender"))
        inf
        """
        check_instance("design", design, Design)
        plain = Design(design.permanence, design.access, design.screener, "none")
        at = [self.replace(migration=self.migration.replace(settled_remittance_share=x))
              .evaluate(plain) for x in (0.0, 1.0)]

        def boundary(v0: float, v1: float, strict: bool) -> float:
            if v0 > 0 or (v0 >= 0 and not strict):
                return 0.0
            if v1 <= v0:
                return math.inf
            x = -v0 / (v1 - v0)
            return x if x <= 1 else math.inf

        g = at[0].receiving_gain
        if design.linkage == "transfer":
            return boundary(*(g + v.partner_gain + v.others_gain for v in at), strict=True)
        if g <= _TOL:
            return math.inf
        need = [boundary(*(v.partner_gain for v in at), strict=False)] if at[0].from_partner else []
        if at[0].from_others:
            need.append(boundary(*(v.others_gain for v in at), strict=False))
        return max(need, default=0.0)
