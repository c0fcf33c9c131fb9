"""Migration diversion: when a preferential deal brings migrants from the wrong source.

The model behind chapter 6. A receiving country R hires migrant workers; its
employers' demand for them is linear,

    M = demand_intercept - demand_slope * P,

where P is what employers pay per migrant. Two source countries can supply as many
migrants as R wants at constant supply prices ``cost_a`` (source A) and ``cost_b``
(source B): the wage that just draws a worker away from home, covering what he
gives up there and the cost of moving. With ``cost_a < cost_b``, A is the more
efficient source: its workers add the same value in R at a lower cost to the world.

R puts a barrier on each migrant (a visa fee, a paperwork burden, a wait). Under a
most-favoured-nation (MFN) policy every source faces the same barrier, so the
cheaper source A supplies everyone. A preferential deal cuts the barrier for the
partner B only; if the cut exceeds ``cost_b - cost_a``, B's workers become the
cheaper ones for R's employers and replace A's. Following Viner (1950) and Lipsey
(1957) on trade diversion, and Sykes (2013, part I.B.2) on its migration analogue,
the world gains the *creation* triangle (more migrants hired) and loses the
*diversion* rectangle (the existing migrants now come at a higher real cost):

    creation  = integral of (demand price - real cost) over the new migrants,
    diversion = (change in real cost per migrant) * migrants before.

Two kinds of barrier differ in what the barrier is:

* ``"revenue"``: a fee R collects. It is a transfer, not a cost to the world, so the
  real cost of a migrant is his supply price and diversion costs ``cost_b - cost_a``
  per migrant. A preferential deal can lower world welfare; an MFN cut never does.
* ``"resource"``: red tape that uses up real resources. The barrier is part of the
  real cost, so a deal that lowers the delivered cost always gains.

An overall ``cap`` on migrants from all sources can bind; while it binds, a
preference changes only where the migrants come from (pure diversion). The quota
rent (what employers would pay above the delivered cost) goes to R in the share
``rent_share`` and to the admitted migrants otherwise.

A preference can also take the form of a channel of B's own *outside* the cap: a
separate quota (``DiversionModel.separate_quota``; ``inf`` for none, as for the US TN
status of Canadian and Mexican professionals, a number for the E-3 status of
Australians). Such a channel adds places instead of moving them: while employers still
prefer A's capped places, it only creates. It diverts only where B's own channel is
cheaper to employers than the capped one, so that B's migrants also take jobs A's
would have filled.

Sources earn no rent outside a binding cap (their supply is perfectly elastic), so
without a cap R's welfare is the world's. Units: migrants in thousands a year,
wages and costs in thousand dollars per migrant-year, welfare in millions of
dollars a year.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from ._validate import (
    POSITIVE,
    SHARE,
    check_instance,
    check_positive,
    check_range,
    choice,
    real,
    validate_fields,
)
from ._validate import out as _out

__all__ = ["DiversionModel", "DiversionOutcome", "WelfareChange", "BARRIER_TYPES"]

BARRIER_TYPES = ("revenue", "resource")


@dataclass(frozen=True)
class DiversionOutcome:
    """R's market for migrant labor under given barriers on the two sources.

    Every field is a float, or an array when the barriers are arrays.

    Attributes
    ----------
    barrier_a, barrier_b : the barrier per migrant each source faces (thousand $).
    supply_price : the delivered cost to employers of the cheaper source, supply price
        plus barrier (thousand $). Ties go to A: a preference must strictly undercut.
    employer_wage : what employers pay per migrant; above ``supply_price`` only when
        the cap binds (thousand $).
    migrants, from_a, from_b : migrants hired in total and from each source (thousands).
    real_cost : the world's real cost per migrant hired: the supply price, plus the
        barrier when it is a resource cost (thousand $).
    employer_surplus : R's employers' surplus ($ m).
    barrier_revenue : the fee R collects (0 for a resource-cost barrier) ($ m).
    barrier_cost : resources used up by a resource-cost barrier (0 for a fee) ($ m).
    quota_rent : employer wage less delivered cost, times migrants, when the cap
        binds ($ m).
    receiving_welfare : employer surplus + fee revenue + R's share of the quota rent.
    rent_a, rent_b : the migrants' share of the quota rent, by source ($ m).
    world_welfare : R's welfare plus the migrants' rents: the value of the migrants'
        work to R's employers less its real cost ($ m).
    """

    barrier_a: float
    barrier_b: float
    supply_price: float
    employer_wage: float
    migrants: float
    from_a: float
    from_b: float
    real_cost: float
    employer_surplus: float
    barrier_revenue: float
    barrier_cost: float
    quota_rent: float
    receiving_welfare: float
    rent_a: float
    rent_b: float
    world_welfare: float


@dataclass(frozen=True)
class WelfareChange:
    """What a policy change does, split into creation and diversion.

    Attributes
    ----------
    before, after : the two outcomes.
    volume_change : change in the number of migrants (thousands).
    creation : value of the extra migrants to employers less their real cost ($ m).
    diversion : change in real cost per migrant times the migrants hired before ($ m);
        a loss when positive, a saving when negative.
    world_change : ``creation - diversion``, the change in world welfare ($ m).
    receiving_change : change in R's welfare ($ m).
    partner_change, excluded_change : change in the rents of B's and of A's
        migrants ($ m; zero unless a cap binds and migrants keep some rent).
    """

    before: DiversionOutcome
    after: DiversionOutcome
    volume_change: float
    creation: float
    diversion: float
    world_change: float
    receiving_change: float
    partner_change: float
    excluded_change: float


@dataclass(frozen=True)
class DiversionModel:
    """R's demand for migrant labor and two sources that supply it at constant cost.

    Parameters
    ----------
    demand_intercept : migrants R's employers would hire at a zero wage (thousands, > 0).
    demand_slope : fall in migrants hired per thousand-dollar rise in what employers
        pay (thousands per thousand $, > 0).
    cost_a : supply price of migrants from source A, outside the deal (thousand $,
        >= 0, below the choke price ``demand_intercept / demand_slope``).
    cost_b : supply price of migrants from source B, the deal's partner (same range).
        Diversion is a loss when ``cost_b > cost_a``.
    barrier_type : ``"revenue"`` (a fee R collects) or ``"resource"`` (red tape that
        uses up resources).
    cap : an overall cap on migrants from all sources (thousands, > 0; ``inf`` for none).
    rent_share : share of the quota rent of a binding cap that R keeps, in [0, 1]; the
        rest goes to the migrants admitted.

    Notes
    -----
    A simple model in the spirit of Viner (1950) and Lipsey (1957) on customs unions,
    applied to migration as Sykes (2013, part I.B.2) suggests.

    Examples
    --------
    >>> model = DiversionModel(demand_intercept=100.0, demand_slope=1.0,
    ...                        cost_a=10.0, cost_b=14.0)
    >>> deal = model.preferential_deal(barrier=10.0, preference=10.0)
    >>> deal.volume_change, deal.creation, deal.diversion, deal.world_change
    (6.0, 18.0, 320.0, -302.0)
    >>> model.mfn_liberalisation(barrier=10.0, cut=10.0).world_change > 0
    True
    """

    demand_intercept: float
    demand_slope: float
    cost_a: float
    cost_b: float
    barrier_type: str = "revenue"
    cap: float = math.inf
    rent_share: float = 1.0

    def __post_init__(self):
        def below_choke(model):
            return real(0.0, model.choke_price, high_open=True)

        validate_fields(self, demand_intercept=POSITIVE, demand_slope=POSITIVE,
                        cost_a=below_choke, cost_b=below_choke,
                        barrier_type=choice(BARRIER_TYPES),
                        cap=real(0.0, low_open=True, allow_inf=True), rent_share=SHARE)

    # --- the demand curve ----------------------------------------------------
    @property
    def choke_price(self) -> float:
        """The wage at which employers hire no migrants (thousand $)."""
        return self.demand_intercept / self.demand_slope

    def demand(self, price):
        """Migrants hired when employers pay ``price`` (thousands; never negative)."""
        p = np.asarray(check_range("price", price), dtype=float)
        return _out(np.maximum(self.demand_intercept - self.demand_slope * p, 0.0))

    def demand_price(self, migrants):
        """What employers would pay for the marginal migrant at ``migrants`` (>= 0, thousand $)."""
        m = np.asarray(check_positive("migrants", migrants, allow_zero=True), dtype=float)
        return _out((self.demand_intercept - m) / self.demand_slope)

    def _area(self, m):
        """Integral of the demand price from 0 to ``m`` ($ m)."""
        m = np.asarray(m, dtype=float)
        return (self.demand_intercept * m - m**2 / 2) / self.demand_slope

    # --- outcomes ---------------------------------------------------------------
    def outcome(self, barrier_a, barrier_b) -> DiversionOutcome:
        """The market when source A faces ``barrier_a`` and B faces ``barrier_b``.

        Barriers in thousand $ per migrant (>= 0); arrays broadcast.
        """
        ta = np.asarray(check_positive("barrier_a", barrier_a, allow_zero=True), dtype=float)
        tb = np.asarray(check_positive("barrier_b", barrier_b, allow_zero=True), dtype=float)
        ta, tb = np.broadcast_arrays(ta, tb)
        price_a, price_b = self.cost_a + ta, self.cost_b + tb
        b_wins = price_b < price_a
        price = np.where(b_wins, price_b, price_a)
        cost = np.where(b_wins, self.cost_b, self.cost_a)
        barrier = np.where(b_wins, tb, ta)
        m = np.minimum(np.maximum(self.demand_intercept - self.demand_slope * price, 0.0), self.cap)
        wage = np.where(m > 0, np.maximum((self.demand_intercept - m) / self.demand_slope, price),
                        price)
        rent = (wage - price) * m
        resource = self.barrier_type == "resource"
        revenue = np.zeros_like(m) if resource else barrier * m
        wasted = barrier * m if resource else np.zeros_like(m)
        real = cost + barrier if resource else cost
        surplus = m**2 / (2 * self.demand_slope)
        kept = self.rent_share * rent
        to_migrants = rent - kept
        receiving = surplus + revenue + kept
        rent_a = np.where(b_wins, 0.0, to_migrants)
        rent_b = np.where(b_wins, to_migrants, 0.0)
        return DiversionOutcome(
            barrier_a=_out(ta), barrier_b=_out(tb), supply_price=_out(price),
            employer_wage=_out(wage), migrants=_out(m), from_a=_out(np.where(b_wins, 0.0, m)),
            from_b=_out(np.where(b_wins, m, 0.0)), real_cost=_out(real),
            employer_surplus=_out(surplus), barrier_revenue=_out(revenue),
            barrier_cost=_out(wasted), quota_rent=_out(rent), receiving_welfare=_out(receiving),
            rent_a=_out(rent_a), rent_b=_out(rent_b),
            world_welfare=_out(receiving + rent_a + rent_b),
        )

    def mfn(self, barrier) -> DiversionOutcome:
        """The same barrier on every source (most-favoured-nation treatment)."""
        return self.outcome(barrier, barrier)

    def preferential(self, barrier, preference) -> DiversionOutcome:
        """B's barrier cut by ``preference`` (thousand $, 0 to ``barrier``); A's unchanged.

        A preference never lowers the number of migrants; under a binding cap it changes
        only where they come from.
        """
        t = np.asarray(check_positive("barrier", barrier, allow_zero=True), dtype=float)
        p = np.asarray(check_positive("preference", preference, allow_zero=True), dtype=float)
        if np.any(p > t):
            raise ValueError(f"preference={float(np.max(p))!r} is outside the allowed range "
                             f"[0, barrier={float(np.max(t)):g}]: a preference cannot exceed the barrier")
        return self.outcome(t, t - p)

    def compare(self, before: DiversionOutcome, after: DiversionOutcome) -> WelfareChange:
        """Split the move from ``before`` to ``after`` into creation and diversion."""
        check_instance("before", before, DiversionOutcome)
        check_instance("after", after, DiversionOutcome)
        m0, m1 = np.asarray(before.migrants), np.asarray(after.migrants)
        r0, r1 = np.asarray(before.real_cost), np.asarray(after.real_cost)
        creation = self._area(m1) - self._area(m0) - r1 * (m1 - m0)
        diversion = (r1 - r0) * m0
        return WelfareChange(
            before=before, after=after, volume_change=_out(m1 - m0), creation=_out(creation),
            diversion=_out(diversion), world_change=_out(creation - diversion),
            receiving_change=_out(np.asarray(after.receiving_welfare) - before.receiving_welfare),
            partner_change=_out(np.asarray(after.rent_b) - before.rent_b),
            excluded_change=_out(np.asarray(after.rent_a) - before.rent_a),
        )

    def with_separate_quota(self, barrier, quota, partner_barrier=None) -> DiversionOutcome:
        """The market when B also has a channel of its own, outside the overall cap.

        The general channel is open to both sources at ``barrier`` and limited by the
        model's ``cap``; as under :meth:`mfn`, the cheaper source fills it (ties go to A).
        B's own channel admits up to ``quota`` of B's migrants (thousands; ``inf`` for no
        limit) at ``partner_barrier`` per migrant (thousand $; default ``barrier``), and
        they do not count against the cap. Employers fill the channel that is cheaper to
        them first. Where both sources supply, ``real_cost`` is the average real cost
        per migrant; ``barrier_b`` is the barrier of B's own channel. Arrays broadcast.

        Parameters
        ----------
        barrier : barrier per migrant in the general channel (thousand $, >= 0).
        quota : places in B's own channel (thousands a year, >= 0, ``inf`` for no limit).
        partner_barrier : barrier per migrant in B's own channel (thousand $, >= 0).
        """
        t = np.asarray(check_positive("barrier", barrier, allow_zero=True), dtype=float)
        q = np.asarray(check_positive("quota", quota, allow_zero=True, allow_inf=True),
                       dtype=float)
        tb = t if partner_barrier is None else np.asarray(
            check_positive("partner_barrier", partner_barrier, allow_zero=True), dtype=float)
        t, q, tb = np.broadcast_arrays(t, q, tb)
        a, b = self.demand_intercept, self.demand_slope
        resource = self.barrier_type == "resource"
        general_is_b = self.cost_b < self.cost_a          # the same barrier, so B must be cheaper
        cost_general = self.cost_b if general_is_b else self.cost_a
        price_general, price_own = cost_general + t, self.cost_b + tb
        own_first = price_own < price_general               # ties go to the general channel
        first_price = np.where(own_first, price_own, price_general)
        second_price = np.where(own_first, price_general, price_own)
        first_cap = np.where(own_first, q, self.cap)
        second_cap = np.where(own_first, self.cap, q)
        n1 = np.clip(a - b * first_price, 0.0, first_cap)
        n2 = np.clip(a - b * second_price - n1, 0.0, second_cap)
        n_own, n_general = np.where(own_first, n1, n2), np.where(own_first, n2, n1)
        m = n_own + n_general
        wage = np.where(m > 0, (a - m) / b, first_price)
        rent_general = (wage - price_general) * n_general
        rent_own = (wage - price_own) * n_own
        rent = rent_general + rent_own
        revenue = np.zeros_like(m) if resource else t * n_general + tb * n_own
        wasted = t * n_general + tb * n_own if resource else np.zeros_like(m)
        real_general = cost_general + (t if resource else 0.0)
        real_own = self.cost_b + (tb if resource else 0.0)
        total_real = real_general * n_general + real_own * n_own
        average_real = np.where(m > 0, total_real / np.where(m > 0, m, 1.0),
                                np.where(own_first, real_own, real_general))
        share = 1.0 - self.rent_share
        rent_a = np.zeros_like(m) if general_is_b else share * rent_general
        rent_b = share * (rent_own + (rent_general if general_is_b else 0.0))
        receiving = m**2 / (2 * b) + revenue + self.rent_share * rent
        from_b = n_own + (n_general if general_is_b else 0.0)
        return DiversionOutcome(
            barrier_a=_out(t), barrier_b=_out(tb),
            supply_price=_out(np.minimum(price_general, price_own)), employer_wage=_out(wage),
            migrants=_out(m), from_a=_out(m - from_b), from_b=_out(from_b),
            real_cost=_out(average_real), employer_surplus=_out(m**2 / (2 * b)),
            barrier_revenue=_out(revenue), barrier_cost=_out(wasted), quota_rent=_out(rent),
            receiving_welfare=_out(receiving), rent_a=_out(rent_a), rent_b=_out(rent_b),
            world_welfare=_out(receiving + rent_a + rent_b),
        )

    def separate_quota(self, barrier, quota, partner_barrier=None) -> WelfareChange:
        """Effect of giving B a channel of its own outside the cap, from an MFN ``barrier``.

        The new migrants all come through B's own channel, so *creation* is the value of
        the extra migrants to employers less their real cost there; *diversion* is the
        rest, the extra real cost of the migrants who would have come anyway (zero while
        employers still prefer the capped channel). With no cap and no limit on B's
        channel it is the same as a preference of ``barrier - partner_barrier``
        (:meth:`preferential_deal`). Arguments as in :meth:`with_separate_quota`.

        Examples
        --------
        >>> capped = DiversionModel(100.0, 1.0, 10.0, 14.0, cap=50.0)
        >>> own = capped.separate_quota(barrier=10.0, quota=10.0)
        >>> own.volume_change, own.diversion == 0, own.world_change > 0
        (10.0, True, True)
        """
        before = self.mfn(barrier)
        after = self.with_separate_quota(barrier, quota, partner_barrier)
        m0, m1 = np.asarray(before.migrants), np.asarray(after.migrants)
        tb = np.asarray(after.barrier_b)
        real_own = self.cost_b + (tb if self.barrier_type == "resource" else 0.0)
        creation = self._area(m1) - self._area(m0) - real_own * (m1 - m0)
        world = np.asarray(after.world_welfare) - np.asarray(before.world_welfare)
        return WelfareChange(
            before=before, after=after, volume_change=_out(m1 - m0), creation=_out(creation),
            diversion=_out(creation - world), world_change=_out(world),
            receiving_change=_out(np.asarray(after.receiving_welfare) - before.receiving_welfare),
            partner_change=_out(np.asarray(after.rent_b) - before.rent_b),
            excluded_change=_out(np.asarray(after.rent_a) - before.rent_a),
        )

    def preferential_deal(self, barrier, preference) -> WelfareChange:
        """Effect of cutting B's barrier by ``preference`` from a common ``barrier``."""
        return self.compare(self.mfn(barrier), self.preferential(barrier, preference))

    def mfn_liberalisation(self, barrier, cut) -> WelfareChange:
        """Effect of cutting every source's barrier by ``cut`` (0 to ``barrier``)."""
        t = np.asarray(check_positive("barrier", barrier, allow_zero=True), dtype=float)
        c = np.asarray(check_positive("cut", cut, allow_zero=True), dtype=float)
        if np.any(c > t):
            raise ValueError(f"cut={float(np.max(c))!r} is outside the allowed range "
                             f"[0, barrier={float(np.max(t)):g}]")
        return self.compare(self.mfn(t), self.mfn(t - c))

    def breakeven_cost_gap(self, barrier, preference=None) -> float:
        """The largest cost gap ``cost_b - cost_a`` at which the deal does not lower world welfare.

        For a preference of ``preference`` (default: the whole ``barrier``) and this
        model's ``cost_a``: a partner whose cost exceeds ``cost_a`` by less than the
        answer brings a deal that gains; by more (but less than ``preference``, beyond
        which the preference changes nothing), a deal that loses. With a fee and no cap,
        it solves ``beta x**2 / 2 + (beta (tau - p) + M0) x = p M0`` for the fall ``x`` in
        the wage employers pay, the gap being ``p - x``. With a resource-cost barrier
        every effective preference gains, so the answer is ``preference``.
        """
        t = check_positive("barrier", barrier, allow_zero=True, scalar=True)
        p = t if preference is None else check_range("preference", preference, 0.0, t, scalar=True)
        if self.barrier_type == "resource" or p == 0:
            return float(p)
        m0 = float(self.mfn(t).migrants)
        if math.isinf(self.cap):
            b = self.demand_slope
            lin = b * (t - p) + m0
            x = (-lin + math.sqrt(lin**2 + 2 * b * p * m0)) / b
            return float(min(max(p - x, 0.0), self.choke_price - self.cost_a))

        def change(gap: float) -> float:
            model = replace(self, cost_b=self.cost_a + gap)
            return float(model.preferential_deal(t, p).world_change)

        hi = min(p, self.choke_price - self.cost_a) * (1 - 1e-12)
        if change(0.0) <= 0:
            return 0.0
        if change(hi) >= 0:
            return float(hi)
        lo = 0.0
        for _ in range(80):
            mid = (lo + hi) / 2
            if change(mid) >= 0:
                lo = mid
            else:
                hi = mid
        return float(lo)
