"""One linear market with a policy wedge: tariffs on goods, fees or caps on migrants.

The model behind chapter 2. An importing country (for labor: the receiving
country, whose employers hire migrant workers) buys from foreign sellers (for
labor: the migrants themselves) whose supply curve slopes upward. A wedge
between what buyers pay and what sellers receive -- a specific tariff, a
migration fee, or the wedge a quota creates -- lowers the sellers' price, so
part of its cost falls on foreigners. That is the terms-of-trade externality of
Sykes (2013, part I.A.1), after Bickerdike (1906), Johnson (1953) and Bagwell and
Staiger (2002).

Who keeps the wedge's rent decides whether the importer gains. A tariff or a fee
is collected by the importer's government; a cap's rent goes to whoever holds the
permits (``rent_share``): the importer's government if it sells or auctions them,
its own employers if they get them free (both count as the importing country), the
foreign sellers (migrants, or recruiters abroad) if they do. A fee ``t`` and an
auction of the ``q(t)`` permits it leaves give the same allocation and the same
revenue (:meth:`LinearMarket.with_fee`, :meth:`LinearMarket.with_auctioned_cap`):
the labor-market counterpart of tariffication. This refinement is the book's, not
the article's.

Units are generic: quantities in millions of units (or of migrant workers per
year), prices in thousands of dollars per unit (per worker-year), welfare in
billions of dollars per year.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ._validate import (
    LIMIT,
    NONNEGATIVE,
    POSITIVE,
    SHARE,
    check_instance,
    check_positive,
    check_range,
    check_share,
    real,
    validate_fields,
)
from ._validate import out as _out

__all__ = [
    "LinearMarket",
    "MarketOutcome",
    "TariffGame",
    "cap_from_local_content",
    "optimal_tariff",
    "tariff_game",
]


@dataclass(frozen=True)
class MarketOutcome:
    """The market at one wedge (every field a float, or an array for an array of wedges).

    Attributes
    ----------
    wedge : buyer price minus seller price (thousand $ per unit).
    quantity : units traded (millions; for labor, migrants).
    buyer_price, seller_price : prices paid and received (thousand $ per unit).
    buyer_surplus : importing country's buyers' (employers') surplus ($ bn).
    seller_surplus : foreign sellers' (migrants') surplus, including any rent of a
        cap that they keep ($ bn).
    revenue : the whole wedge rent, ``wedge * quantity`` ($ bn).
    external_cost : the nonpecuniary cost of the traded units borne by the importer ($ bn).
    goods_gain : the importer's gain through cheaper imported goods (the goods-market
        channel), paid by the sending country's producers ($ bn).
    importer_welfare : buyer surplus + kept rent + goods gain - external cost ($ bn).
    foreign_goods_loss : the sending country's loss through the goods channel, ``-goods_gain``.
    world_welfare : importer welfare + seller surplus + foreign goods loss ($ bn).

    The rent and the goods gain are transfers, so ``world_welfare`` is also the buyers'
    and sellers' surplus plus the whole rent less the external cost, whoever keeps the
    rent. ``buyer_price == seller_price + wedge``, and ``quantity`` is never negative.
    """

    wedge: float
    quantity: float
    buyer_price: float
    seller_price: float
    buyer_surplus: float
    seller_surplus: float
    revenue: float
    external_cost: float
    goods_gain: float
    importer_welfare: float
    foreign_goods_loss: float
    world_welfare: float


@dataclass(frozen=True)
class LinearMarket:
    """A linear import market with a wedge between buyer and seller prices.

    Quantity demanded is ``demand_intercept - demand_slope * buyer_price``; quantity
    supplied by foreigners is ``supply_intercept + supply_slope * seller_price``; and
    ``buyer_price = seller_price + wedge``.

    Parameters
    ----------
    demand_intercept : units demanded at a zero price (millions, > 0).
    demand_slope : fall in units demanded per thousand-dollar rise in price (> 0).
    supply_intercept : units supplied at a zero price (<= 0: sellers need a positive
        price, for migrants a wage that covers moving costs, before any come).
    supply_slope : rise in units supplied per thousand-dollar rise in price (> 0). A
        steeper foreign supply curve (smaller slope) means more market power for the
        importer.
    external_cost : nonpecuniary cost to the importing country per unit (per migrant:
        fiscal burden, congestion), in thousand $ (>= 0). Zero for goods.
    rent_share : share of the wedge rent the importing country keeps, in [0, 1]. A
        tariff or fee: 1. A cap whose visas go free to migrants or intermediaries: 0.
    goods_channel : the importer's gain, in thousand $, per migrant kept out, because
        lower wages in the sending country make its exports cheaper (>= 0). A transfer
        from the sending country, so it never changes world welfare (nor the global
        optimum), while it never lowers the national optimum.

    Examples
    --------
    >>> m = LinearMarket(100.0, 1.0, 0.0, 1.0)
    >>> round(m.equilibrium(0.0).quantity, 6)        # free trade
    50.0
    >>> round(m.national_optimum(), 6)               # a positive optimal tariff
    33.333333
    >>> m.global_optimum()                           # free trade is efficient
    0.0
    """

    demand_intercept: float
    demand_slope: float
    supply_intercept: float
    supply_slope: float
    external_cost: float = 0.0
    rent_share: float = 1.0
    goods_channel: float = 0.0

    def __post_init__(self):
        validate_fields(self, demand_intercept=POSITIVE, demand_slope=POSITIVE,
                        supply_intercept=real(high=0.0), supply_slope=POSITIVE,
                        external_cost=NONNEGATIVE, rent_share=SHARE, goods_channel=NONNEGATIVE)
        if self.choke_price <= self.reservation_price:
            raise ValueError(
                f"demand_intercept/demand_slope={self.choke_price:g} must exceed "
                f"-supply_intercept/supply_slope={self.reservation_price:g}: "
                "otherwise nothing is ever traded"
            )

    # --- the two curves -------------------------------------------------
    @property
    def choke_price(self) -> float:
        """Buyer price at which demand falls to zero (thousand $)."""
        return self.demand_intercept / self.demand_slope

    @property
    def reservation_price(self) -> float:
        """Seller price below which nothing is supplied (thousand $)."""
        return -self.supply_intercept / self.supply_slope

    @property
    def free_trade_quantity(self) -> float:
        """Units traded with no wedge (millions)."""
        b, d = self.demand_slope, self.supply_slope
        return (self.demand_intercept * d + self.supply_intercept * b) / (b + d)

    @property
    def prohibitive_wedge(self) -> float:
        """The smallest wedge that stops all trade (thousand $)."""
        return self.choke_price - self.reservation_price

    def demand_price(self, quantity):
        """Buyer price at which ``quantity`` units are demanded (inverse demand)."""
        q = np.asarray(check_range("quantity", quantity), dtype=float)
        return (self.demand_intercept - q) / self.demand_slope

    def supply_price(self, quantity):
        """Seller price at which ``quantity`` units are supplied (inverse supply)."""
        q = np.asarray(check_range("quantity", quantity), dtype=float)
        return (q - self.supply_intercept) / self.supply_slope

    def supply_elasticity(self, quantity):
        """Foreign supply elasticity ``(dq/dp) * p / q`` at ``quantity`` (> 0 units)."""
        q = check_positive("quantity", quantity)
        return self.supply_slope * self.supply_price(q) / q

    # --- outcomes ---------------------------------------------------------
    def equilibrium(self, wedge) -> MarketOutcome:
        """The market when buyers pay ``wedge`` (thousand $, >= 0) more than sellers get.

        Vectorised: an array of wedges gives arrays in every field.
        """
        w = check_range("wedge", wedge, 0.0, max(self.prohibitive_wedge, LIMIT))
        b, d = self.demand_slope, self.supply_slope
        p_s = (self.demand_intercept - self.supply_intercept - b * w) / (b + d)
        q = self.supply_intercept + d * p_s
        shut = q <= 0
        q = np.where(shut, 0.0, q)
        p_s = np.where(shut, self.reservation_price, p_s)
        p_b = p_s + w
        buyer = q**2 / (2 * b)
        producer = q**2 / (2 * d)
        revenue = w * q
        external = self.external_cost * q
        goods = self.goods_channel * (self.free_trade_quantity - q)
        importer = buyer + self.rent_share * revenue + goods - external
        seller = producer + (1 - self.rent_share) * revenue
        world = importer + seller - goods
        return MarketOutcome(
            wedge=_out(w), quantity=_out(q), buyer_price=_out(p_b), seller_price=_out(p_s),
            buyer_surplus=_out(buyer), seller_surplus=_out(seller), revenue=_out(revenue),
            external_cost=_out(external), goods_gain=_out(goods), importer_welfare=_out(importer),
            foreign_goods_loss=_out(-goods), world_welfare=_out(world),
        )

    def wedge_for_quantity(self, quantity):
        """The wedge that holds trade to ``quantity`` (a cap, 0 to free-trade level).

        A cap of ``q`` units and this wedge give the same allocation: the wedge is
        the cap's "tariff equivalent" (thousand $).
        """
        q = check_range("quantity", quantity, 0.0, self.free_trade_quantity * (1 + 1e-12))
        return np.maximum(self.demand_price(q) - self.supply_price(q), 0.0)

    def with_cap(self, cap) -> MarketOutcome:
        """The market under a quota of ``cap`` units (a non-binding cap changes nothing)."""
        c = check_range("cap", cap, 0.0)
        return self.equilibrium(self.wedge_for_quantity(np.minimum(c, self.free_trade_quantity)))

    def with_fee(self, fee) -> MarketOutcome:
        """The market under a fee of ``fee`` per unit (thousand $, >= 0) that the importer collects.

        For goods, a specific tariff; for migrants, a visa fee or a levy on the employers
        who hire them. The importing country's government collects the whole rent,
        ``fee * quantity``, whatever ``rent_share`` says about the permits of a cap.
        Vectorised over ``fee``.
        """
        f = check_range("fee", fee, 0.0, max(self.prohibitive_wedge, LIMIT))
        return replace(self, rent_share=1.0).equilibrium(f)

    def with_auctioned_cap(self, cap) -> MarketOutcome:
        """The market when the importer's government auctions ``cap`` permits (units, >= 0).

        Buyers (for labor, employers) bid for the permits; the price that clears the
        auction is the cap's tariff equivalent, :meth:`LinearMarket.wedge_for_quantity` (the
        outcome's ``wedge``), and its proceeds, the whole quota rent, stay with the
        importing country. So auctioning the ``q`` permits that a fee ``t`` leaves
        reproduces the fee's allocation, prices, revenue and welfare exactly: the
        auction is a fee whose level the market finds. Vectorised over ``cap``.

        Examples
        --------
        >>> m = LinearMarket(100.0, 1.0, 0.0, 1.0, rent_share=0.0)  # a cap's permits go abroad
        >>> fee = m.with_fee(20.0)
        >>> auction = m.with_auctioned_cap(fee.quantity)
        >>> float(fee.quantity), float(auction.wedge)    # the auction clears at the fee
        (40.0, 20.0)
        >>> bool(np.isclose(auction.importer_welfare, fee.importer_welfare))
        True
        >>> bool(m.with_cap(40.0).importer_welfare < fee.importer_welfare)  # free permits abroad
        True
        """
        c = check_range("cap", cap, 0.0)
        return replace(self, rent_share=1.0).with_cap(c)

    def global_optimum(self) -> float:
        """The wedge that maximises world welfare: the Pigouvian wedge ``external_cost``.

        Some restriction is efficient exactly when each unit imposes an external cost
        (a wedge above the prohibitive wedge changes nothing, so the answer is at most that).
        """
        return float(min(self.external_cost, self.prohibitive_wedge))

    def national_optimum(self) -> float:
        """The wedge that maximises the importing country's welfare alone.

        With ``rent_share = 1`` this is the Pigouvian wedge plus a terms-of-trade markup
        ``q / supply_slope``; as an ad valorem rate on the seller price the markup is
        ``1 / supply elasticity`` (the inverse-elasticity rule of Bickerdike 1906), so it
        exceeds the global optimum whenever some trade remains there. With little rent
        kept, the importer's welfare is convex in the quota and the best policy is a
        corner (no trade, or a cap that does not bind), which may be more or less
        restrictive than the global optimum.
        """
        b, d, th = self.demand_slope, self.supply_slope, self.rent_share
        e = self.external_cost + self.goods_channel
        candidates = [0.0, self.free_trade_quantity]
        curvature = (1 - 2 * th) / b - 2 * th / d
        if curvature < 0:
            q = (th * (self.choke_price + self.supply_intercept / d) - e) / -curvature
            if 0 < q < self.free_trade_quantity:
                candidates.append(q)
        wedges = np.array([float(self.wedge_for_quantity(q)) for q in candidates])
        welfare = np.asarray(self.equilibrium(wedges).importer_welfare)
        return float(wedges[int(np.argmax(welfare))])

    def terms_of_trade_gain(self, wedge) -> float:
        """What the wedge takes from foreign sellers on the units still traded ($ bn).

        The rectangle ``(free-trade seller price - seller price) * quantity``.
        """
        out = self.equilibrium(wedge)
        p0 = self.equilibrium(0.0).seller_price
        return (p0 - out.seller_price) * out.quantity

    def deadweight_loss(self, wedge) -> float:
        """World welfare lost relative to the global optimum ($ bn, >= 0)."""
        best = self.equilibrium(self.global_optimum()).world_welfare
        return best - self.equilibrium(wedge).world_welfare


def optimal_tariff(export_supply_elasticity):
    """The optimal ad valorem tariff ``1 / elasticity`` of foreign export supply.

    The inverse-elasticity rule (Bickerdike 1906): a country facing perfectly elastic
    foreign supply (elasticity ``inf``) has no market power and its optimal tariff is
    zero. Johnson (1953) asks what happens when the other country retaliates.

    >>> optimal_tariff(4.0)
    0.25
    >>> optimal_tariff(float("inf"))
    0.0
    """
    eps = check_positive("export_supply_elasticity", export_supply_elasticity, allow_inf=True)
    return 1.0 / eps


def cap_from_local_content(native_employment, native_share):
    """The migrant cap implied by "a share ``native_share`` of employment must be native".

    A local-content rule for labor: with ``N`` native workers employed, the rule allows
    at most ``N * (1 - share) / share`` migrants (same units as ``native_employment``).

    >>> round(cap_from_local_content(80.0, 0.8), 9)
    20.0
    """
    n = check_positive("native_employment", native_employment, allow_zero=True)
    s = check_share("native_share", native_share, open_low=True)
    return n * (1 - s) / s


@dataclass(frozen=True)
class TariffGame:
    """Two mirror-image countries each choosing a wedge on its imports.

    ``payoffs[i, j]`` is (country 1's, country 2's) welfare when country 1 plays ``i``
    and country 2 plays ``j``; action 0 cooperates (the global optimum wedge: free
    trade when there is no external cost) and action 1 plays the national optimum.
    """

    cooperate_wedge: float
    defect_wedge: float
    payoffs: np.ndarray
    cooperate: float
    deviate: float
    punish: float
    sucker: float

    @property
    def is_prisoners_dilemma(self) -> bool:
        """Defecting is dominant, yet mutual defection is worse for both than cooperation."""
        return self.deviate > self.cooperate > self.punish > self.sucker


def tariff_game(market: LinearMarket) -> TariffGame:
    """The one-shot tariff (or migration-restriction) game of two symmetric countries.

    Each country imports in one copy of ``market`` and exports in the mirror copy, so
    its payoff is its importer welfare at its own wedge plus its sellers' surplus at
    the other country's wedge (Johnson 1953; Bagwell and Staiger 2002, ch. 2). The
    payoffs are symmetric, and without an external cost the game is a prisoners'
    dilemma: the national optimum is dominant, yet both do better at free trade.

    >>> g = tariff_game(LinearMarket(100.0, 1.0, 0.0, 1.0))
    >>> g.is_prisoners_dilemma
    True
    """
    check_instance("market", market, LinearMarket)
    wedges = (market.global_optimum(), market.national_optimum())
    outs = [market.equilibrium(w) for w in wedges]
    pay = np.empty((2, 2, 2))
    for i in range(2):
        for j in range(2):
            first = outs[i].importer_welfare + outs[j].seller_surplus + outs[j].foreign_goods_loss
            second = outs[j].importer_welfare + outs[i].seller_surplus + outs[i].foreign_goods_loss
            pay[i, j] = (first, second)
    return TariffGame(
        cooperate_wedge=wedges[0], defect_wedge=wedges[1], payoffs=pay,
        cooperate=float(pay[0, 0, 0]), deviate=float(pay[1, 0, 0]),
        punish=float(pay[1, 1, 0]), sucker=float(pay[0, 1, 0]),
    )
