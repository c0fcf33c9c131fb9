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
* ``linkage``: "none", or "transfer" (the sending side pays R a transfer each
  period, the issue linkage of chapter 5, set at the level that needs the least
  patience).

:meth:`CapstoneWorld.evaluate` returns a :class:`Verdict` that takes each answer
from the chapter whose model asks that question:

* each side's stake, permanent or temporary, screened or not: chapter 7's
  :class:`migcoop.temporary.TemporaryMigration` (built on chapter 5's two-country
  economy and chapter 3's screening arithmetic);
* who supplies the migrants and what diversion costs the world: chapter 6's
  :class:`migcoop.diversion.DiversionModel` with the programme as a binding cap;
* the transfer and whether the deal is self-enforcing: chapter 5's
  :class:`migcoop.repeated.OneWayDeal` and :func:`migcoop.repeated.min_discount_factor`,
  with the sending side tempted, as in chapter 8, to stop screening for a period.

Every source is an economy like the partner's; the partner's workers cost R's
employers ``cost_premium`` more each (travel, recruitment), so the partner is the
less efficient source when the premium is positive. Units: migrants in millions,
per-migrant amounts in thousand dollars a year, gains in billion dollars a year.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

from ._validate import (
    POSITIVE,
    SHARE,
    check_instance,
    choice,
    instance,
    real,
    replaced,
    validate_fields,
)
from .agreements import MAX_COST, load_agreements
from .diversion import DiversionModel
from .repeated import OneWayDeal, _grim_threshold
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
    "all_designs",
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
    transfer : the transfer the sending side pays R each year ($ bn; 0 without linkage
        or when none is needed or none works).
    receiver_threshold, sender_threshold : the least discount factor at which R, and the
        sending side (paying and screening), keep the agreement (0: no temptation; >= 1
        or ``inf``: never).
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
        if design.linkage == "transfer" and g_r < 0 < sending:
            deal = OneWayDeal(restriction_gain=-g_r, sending_gain=sending)
            summary = deal.summary()
            transfer = summary.best_transfer if summary.exists else 0.0
        share_b = m_b / (m_b + m_a) if m_b + m_a > 0 else 0.0
        r_gain = g_r + transfer
        p_gain = s_b - transfer * share_b
        a_gain = s_a - transfer * (1 - share_b)
        world = float(whole.world_gain) - premium
        # Self-enforcement: R keeps the deal if it gains each period, or for a transfer
        # if patient enough; the sending side is tempted to stop paying and screening.
        if transfer > 0:
            r_need = float(OneWayDeal(-g_r, sending).receiving_threshold(transfer))
        else:
            r_need = 0.0 if r_gain >= -_TOL else math.inf
        gross = sending + screening
        s_need = float(_grim_threshold(gross - screening - transfer, gross, 0.0))
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
