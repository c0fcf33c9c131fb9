"""The book's calibrations: every example market, economy and game, defined once.

Each chapter works with a few examples: a goods market with a given supply
elasticity, a two-country economy with a given capital gap, a leakage game with
six countries. They are built here, on the ground floor next to the models,
and nowhere else: figures, answer checks, tests and the chapters themselves call
these functions, so a number changed here changes everywhere at once.

The naming rule: **one function per example, named after the model object it
returns, in snake_case** (``goods_market`` returns a
:class:`~migcoop.markets.LinearMarket` for goods, ``two_country_economy`` a
:class:`~migcoop.two_country.TwoCountryEconomy`), whose keyword parameters are
the quantities the chapter varies, named in the model's terms. The fixed numbers
behind them are the module's ``UPPER_CASE`` constants. Choices are identifiers
(``"receiver"``, ``"job_offer"``), never display text: labels for the reader
belong to ``migcoop.figures``.

Where a model's own defaults already are the book's baseline (the screening
model of chapter 3, the refugee regime of chapter 9), the calibration passes
them through, so the chapter still has one place to ask for its example.

This module imports only numpy and the model modules (no matplotlib).

Examples
--------
>>> from migcoop import calibrations
>>> round(calibrations.goods_market(3.0).national_optimum(), 4)   # an optimal tariff
13.3333
>>> e = calibrations.two_country_economy()
>>> round(float(e.sending_output(e.sending_labor)) / e.sending_labor, 9)
20.0
"""

from __future__ import annotations

import math
from functools import lru_cache

from ._validate import (
    LIMIT,
    check_choice,
    check_int,
    check_keywords,
    check_positive,
    check_range,
    check_share,
)
from .agreements import EnforcementDeal
from .capstone import CapstoneWorld
from .coordination import MAX_COUNTRIES, LeakageGame, SortingGame
from .diversion import DiversionModel
from .gains import GROUPINGS, YEARS, RegionalEconomy, WageGapMarket
from .markets import LinearMarket
from .readmission import ReadmissionGame
from .refugees import DeterrenceGame, FirstEntryRule, RefugeeRegime, StandardsGame
from .repeated import OneWayDeal
from .screening import ScreeningModel
from .temporary import TemporaryMigration
from .two_country import BrainDrainEconomy, TwoCountryEconomy

__all__ = [
    # chapter 1
    "HIGH_WAGE", "LOW_WAGE", "HIGH_SLOPE", "LOW_SLOPE",
    "gapminder_economy", "wage_gap_market",
    # chapter 2
    "GOODS_DEMAND_INTERCEPT", "GOODS_DEMAND_SLOPE", "FREE_TRADE_PRICE", "FREE_TRADE_QUANTITY",
    "MIGRANT_DEMAND_INTERCEPT", "MIGRANT_DEMAND_SLOPE", "HOME_WAGE", "RENT_KEPT",
    "goods_market", "migrant_labor_market",
    # chapter 3
    "RELUCTANT_SENDER_RIDDANCE_GAIN", "RELUCTANT_SENDER_COST",
    "screening_model", "reluctant_sender_screening_model",
    # chapter 4
    "BENEFIT", "CROWDING", "MIGRANT_RETURN", "leakage_game", "sorting_game",
    # chapter 5
    "RECEIVING_WORKERS", "SENDING_WORKERS", "SENDING_OUTPUT_PER_WORKER",
    "RESTRICTION_GAIN", "SENDING_GAIN", "two_country_economy", "one_way_deal",
    "BRAIN_DRAIN", "brain_drain_economy",
    # chapter 6
    "DIVERSION_DEMAND_INTERCEPT", "DIVERSION_DEMAND_SLOPE", "diversion_model",
    # chapter 7
    "EMPLOYMENT_SCREENS", "ROTATION_COST", "TWO_YEAR_STAYS", "temporary_arrangement",
    # chapter 8
    "READMISSION_SENDERS", "POOL_REALLOCATION", "SMALL_PROGRAMME_ABSORPTION",
    "readmission_game",
    "enforcement_deal",
    # chapter 9
    "refugee_regime", "standards_game", "deterrence_game", "first_entry_rule",
    # chapter 10
    "capstone_world",
]


# =====================================================================================
# Chapter 1: the size of the prize
# =====================================================================================
HIGH_WAGE = 40.0
"""R's wage with no migrants in chapter 1's two labor markets ($ thousand a year)."""
LOW_WAGE = 10.0
"""S's wage with no emigrants in chapter 1's two labor markets ($ thousand a year)."""
HIGH_SLOPE = 1.0
"""Fall in R's wage per million migrants ($ thousand a year)."""
LOW_SLOPE = 0.5
"""Rise in S's wage per million emigrants ($ thousand a year)."""


@lru_cache(maxsize=64)
def _gapminder_economy(year: int, grouping: str) -> RegionalEconomy:
    return RegionalEconomy.from_gapminder(year, grouping)


def gapminder_economy(year: int, grouping: str = "region") -> RegionalEconomy:
    """The world of one Gapminder year, the economy of chapter 1's estimates.

    Parameters
    ----------
    year : a Gapminder year, 1952 to 2007 in steps of five.
    grouping : ``"region"`` (nine world regions, the chapter's default),
        ``"continent"`` (five) or ``"country"`` (142).

    Returns
    -------
    RegionalEconomy
        Population (persons) and GDP per capita ($ a year) of each group. Cached:
        figures ask for the same year many times, and the economy is immutable.

    Examples
    --------
    >>> w = gapminder_economy(2007)
    >>> len(w.names), round(w.full_mobility_gain(0.35), 3)     # the full gain: world GDP doubles
    (9, 0.999)
    """
    yr = check_int("year", year, YEARS[0], YEARS[-1])
    return _gapminder_economy(yr, check_choice("grouping", grouping, GROUPINGS))


def wage_gap_market(external_cost: float, low_wage: float = LOW_WAGE) -> WageGapMarket:
    """Chapter 1's two labor markets: R's wage ``40 - m``, S's wage ``low_wage + 0.5 m``.

    Parameters
    ----------
    external_cost : cost to R of one migrant beyond his wage (fiscal burden,
        congestion; $ thousand a year, >= 0).
    low_wage : S's wage before anyone leaves ($ thousand a year, >= 0, below 40).

    Returns
    -------
    WageGapMarket
        Wages in $ thousand a year, migrants in millions, gains in $ billion a year.

    Examples
    --------
    >>> m = wage_gap_market(3.0)
    >>> m.free_movement(), m.efficient_migration()
    (20.0, 18.0)
    """
    low_wage = check_range("low_wage", low_wage, 0.0, HIGH_WAGE, high_open=True, scalar=True)
    return WageGapMarket(HIGH_WAGE, low_wage, HIGH_SLOPE, LOW_SLOPE, external_cost)


# =====================================================================================
# Chapter 2: terms-of-trade externalities
# =====================================================================================
GOODS_DEMAND_INTERCEPT = 100.0
"""Imports demanded at a zero price in chapter 2's goods market (million units)."""
GOODS_DEMAND_SLOPE = 1.0
"""Fall in imports demanded per dollar of price (million units per $)."""
FREE_TRADE_PRICE = 50.0
"""The goods market's free-trade price ($ per unit)."""
FREE_TRADE_QUANTITY = 50.0
"""The goods market's free-trade imports (million units)."""
MIGRANT_DEMAND_INTERCEPT = 30.0
"""Migrants employers would hire at a zero wage in chapter 2's cap example (millions)."""
MIGRANT_DEMAND_SLOPE = 0.5
"""Fall in migrants hired per $ thousand of wage (millions per $ thousand a year)."""
HOME_WAGE = 10.0
"""Migrants' wage at home plus moving costs: below it none come ($ thousand a year)."""
RENT_KEPT = {"receiver": 1.0, "migrants": 0.0}
"""Share of a cap's rent the receiving country keeps, by who holds the visas:
``"receiver"`` (a visa fee, an auction, or visas held by its own employers, who are
its residents) or ``"migrants"`` (visas given free to the migrants or to recruiters abroad)."""


def goods_market(elasticity: float) -> LinearMarket:
    """Chapter 2's import market for goods, with foreign supply of elasticity ``elasticity``.

    Home demand is ``q = 100 - p``; foreign supply is a straight line through the
    free-trade point (price 50, imports 50) with elasticity ``elasticity`` there.

    Parameters
    ----------
    elasticity : foreign supply elasticity at free trade (>= 1, so that nothing is
        supplied at a zero price; at most 1e10). The smaller it is, the more market
        power the importer has.

    Returns
    -------
    LinearMarket
        Prices in $ per unit, quantities in million units, welfare in $ million.

    Examples
    --------
    >>> m = goods_market(2.0)                    # supply q = 2 p - 50
    >>> m.equilibrium(0.0).quantity, m.equilibrium(0.0).seller_price   # free trade
    (50.0, 50.0)
    """
    e = check_range("elasticity", elasticity, 1.0, 1e10, scalar=True)
    return LinearMarket(GOODS_DEMAND_INTERCEPT, GOODS_DEMAND_SLOPE,
                        FREE_TRADE_QUANTITY * (1 - e), e)


def migrant_labor_market(supply_slope: float, external_cost: float,
                         rent_kept: float = 1.0) -> LinearMarket:
    """Chapter 2's market for migrant labor, the setting of a migration cap.

    Employers demand ``30 - 0.5 w`` million migrants at a wage ``w``; migrants supply
    ``supply_slope * (w - 10)`` million.

    Parameters
    ----------
    supply_slope : rise in migrants supplied per $ thousand of wage (millions, > 0, at
        most 1e11); the smaller it is, the more the receiving country can push the wage
        down.
    external_cost : cost to the receiving country of one migrant beyond his wage
        ($ thousand a year, >= 0).
    rent_kept : share of a cap's rent the receiving country keeps, in [0, 1]
        (:data:`RENT_KEPT`: 1 with a visa fee, an auction or visas held by its own
        employers; 0 with visas given free to the migrants).

    Returns
    -------
    LinearMarket
        Wages in $ thousand a year, migrants in millions, welfare in $ billion a year.

    Examples
    --------
    >>> m = migrant_labor_market(0.5, 8.0)
    >>> m.equilibrium(m.global_optimum()).quantity      # the world's best cap
    10.5
    >>> m.equilibrium(m.national_optimum()).quantity    # the receiving country's
    7.0
    """
    supply_slope = check_range("supply_slope", supply_slope, 0.0, LIMIT / HOME_WAGE,
                               low_open=True, scalar=True)
    rent_kept = check_share("rent_kept", rent_kept, scalar=True)
    return LinearMarket(MIGRANT_DEMAND_INTERCEPT, MIGRANT_DEMAND_SLOPE,
                        -supply_slope * HOME_WAGE, supply_slope,
                        external_cost=external_cost, rent_share=rent_kept)


# =====================================================================================
# Chapter 3: who screens migrants
# =====================================================================================
RELUCTANT_SENDER_RIDDANCE_GAIN = 8.0
"""Chapter 3's reluctant sender: its extra gain per costly emigrant c ($ thousand a year)."""
RELUCTANT_SENDER_COST = 2.0
"""Chapter 3's reluctant sender: its screening cost per applicant k_S ($ thousand)."""


def screening_model(**overrides) -> ScreeningModel:
    """Chapter 3's baseline screening model, with some parameters changed.

    The baseline is :class:`~migcoop.screening.ScreeningModel`'s defaults: 30 per
    cent costly applicants, a good type worth 10 and a costly one costing 20
    ($ thousand a year), the receiver's screen passing 90 and 60 per cent, the
    sender's 95 and 10 per cent. Chapter 3 uses it (and, through `enforcement_deal`, chapter 10).

    Parameters
    ----------
    **overrides : any :class:`~migcoop.screening.ScreeningModel` parameter
        (``costly_share``, ``sender_fpr``, ``sender_cost``, ...).

    Examples
    --------
    >>> screening_model().receiver_choice()
    'receiver'
    >>> screening_model(costly_share=0.45).noncooperative().quota
    0.0
    """
    return ScreeningModel(**check_keywords(ScreeningModel, overrides))


def reluctant_sender_screening_model(**overrides) -> ScreeningModel:
    """Chapter 3's second scenario: a sender glad to see costly types go, with dear screening.

    The baseline with the sender's extra gain per costly emigrant raised to
    :data:`RELUCTANT_SENDER_RIDDANCE_GAIN` (c = 8) and its screening cost to
    :data:`RELUCTANT_SENDER_COST` (k_S = 2 thousand dollars per applicant).

    Parameters
    ----------
    **overrides : any other :class:`~migcoop.screening.ScreeningModel` parameter.

    Examples
    --------
    >>> m = reluctant_sender_screening_model(sender_fpr=0.0)
    >>> m.riddance_gain, m.sender_cost, m.deal_terms().exists
    (8.0, 2.0, False)
    """
    params = {"riddance_gain": RELUCTANT_SENDER_RIDDANCE_GAIN,
              "sender_cost": RELUCTANT_SENDER_COST, **check_keywords(ScreeningModel, overrides)}
    return ScreeningModel(**params)


# =====================================================================================
# Chapter 4: restrictions that spill over
# =====================================================================================
BENEFIT = 2.0
"""Natives' value of the first migrant, ``a`` in ``V(m) = a m - h m**2 / 2``
($ thousand a year); with :data:`CROWDING` the ideal intake is 2 million a year."""
CROWDING = 1.0
"""How fast the value of one more migrant falls, ``h`` ($ thousand a year per million)."""
MIGRANT_RETURN = 10.0
"""The sorting game's gross gain from migrating, ``w`` ($ thousand a year)."""


def leakage_game(leakage: float, pressure: float, countries: int,
                 enforcement_cost: float) -> LeakageGame:
    """Chapter 4's leakage game, with the would-be migrants counted per country.

    Parameters
    ----------
    leakage : probability that a migrant turned away tries another country, in [0, 1].
    pressure : would-be migrants heading first for each country (million a year, > 0);
        the game's total is ``pressure * countries``.
    countries : number of receiving countries (whole number, 2 to 200).
    enforcement_cost : yearly cost of turning away every arrival ($ billion, >= 0).

    Returns
    -------
    LeakageGame
        With natives valuing migrants at ``2 m - m**2 / 2`` ($ billion a year).

    Examples
    --------
    >>> g = leakage_game(0.9, 6.0, 6, 25.0)            # the explorer's start
    >>> [round(eq.restriction, 2) for eq in g.equilibria()]
    [0.0, 0.05, 0.84]
    """
    n = check_int("countries", countries, 2, MAX_COUNTRIES)
    pressure = check_range("pressure", pressure, 0.0, LIMIT / n, low_open=True, scalar=True)
    return LeakageGame(countries=n, pressure=pressure * n, leakage=leakage, benefit=BENEFIT,
                       crowding=CROWDING, enforcement_cost=enforcement_cost)


def sorting_game(countries: int, pressure: float) -> SortingGame:
    """Chapter 4's sorting game (the article's own sketch).

    Parameters
    ----------
    countries : number of receiving countries (whole number, 2 to 200).
    pressure : would-be migrants in all (million a year, > 0), with moving costs spread
        evenly up to the gross gain :data:`MIGRANT_RETURN`.

    Returns
    -------
    SortingGame
        Restrictions in $ thousand per migrant, welfare in $ billion a year.

    Examples
    --------
    >>> lo, hi = sorting_game(4, 25.0).band()
    >>> round(lo, 6), round(hi, 6)              # $ thousand per migrant
    (3.6, 8.72)
    """
    return SortingGame(countries=check_int("countries", countries, 2, MAX_COUNTRIES),
                       pressure=pressure, migrant_return=MIGRANT_RETURN,
                       benefit=BENEFIT, crowding=CROWDING)


# =====================================================================================
# Chapter 5: the one-way problem (also chapters 7 and 10)
# =====================================================================================
RECEIVING_WORKERS = 150.0
"""Native workers in the receiving country R (millions)."""
SENDING_WORKERS = 50.0
"""Workers in the sending country S before anyone moves (millions)."""
SENDING_OUTPUT_PER_WORKER = 20.0
"""Output per worker in S before anyone moves ($ thousand a year), whatever the capital share."""
RESTRICTION_GAIN = 2.0
"""Chapter 5's example deal: what R gains each year by restricting, G_R ($ billion)."""
SENDING_GAIN = 8.0
"""Chapter 5's example deal: what S gains each year from R's opening, Delta_S ($ billion)."""


def two_country_economy(capital_share: float = 0.35, capital_gap: float = 4.0,
                        remittance_share: float = 0.0,
                        emigration_tax: float = 0.0) -> TwoCountryEconomy:
    """The two-country economy of chapters 5, 7 and 10.

    R has 150 million workers and S 50 million; technology is the same in both
    (``A = 1``); R has ``capital_gap`` times as much capital per worker as S; S's
    capital is scaled so that its output per worker is $20 thousand a year before
    anyone moves, whatever the capital share.

    Parameters
    ----------
    capital_share : capital's share of output, alpha, in [0.05, 0.95] (below 0.05 S's
        capital per worker, ``20**(1/alpha)``, would outgrow any number the model takes).
    capital_gap : R's capital per worker relative to S's (> 0).
    remittance_share : share of migrants' pay sent home, in [0, 1].
    emigration_tax : share of migrants' pay collected by S's government, in [0, 1].

    Returns
    -------
    TwoCountryEconomy
        Workers in millions, output and incomes in $ billion a year.

    Examples
    --------
    >>> e = two_country_economy()
    >>> round(float(e.sending_output(50.0)) / 50.0, 9)     # output per worker in S
    20.0
    >>> 0 < e.efficient_migration() < e.sending_labor      # some, not all, of S's workers
    True
    """
    a = check_range("capital_share", capital_share, 0.05, 0.95, scalar=True)
    gap = check_range("capital_gap", capital_gap, 0.0, low_open=True, scalar=True)
    k_s = SENDING_OUTPUT_PER_WORKER ** (1 / a)  # capital per worker in S
    return TwoCountryEconomy(
        capital_share=a,
        receiving_capital=RECEIVING_WORKERS * gap * k_s,
        receiving_labor=RECEIVING_WORKERS,
        sending_capital=SENDING_WORKERS * k_s,
        sending_labor=SENDING_WORKERS,
        remittance_share=remittance_share,
        emigration_tax=emigration_tax,
    )


def one_way_deal(restriction_gain: float = RESTRICTION_GAIN,
                 sending_gain: float = SENDING_GAIN) -> OneWayDeal:
    """Chapter 5's example of a one-way deal: R opens up, S pays a yearly transfer.

    Parameters
    ----------
    restriction_gain : G_R, what R gains each year by keeping its restriction ($ billion).
    sending_gain : Delta_S, what S's government gains each year from R's opening ($ billion).

    Examples
    --------
    >>> one_way_deal().summary()
    DealSummary(exists=True, best_transfer=4.0, min_delta=0.5)
    """
    return OneWayDeal(restriction_gain=restriction_gain, sending_gain=sending_gain)


BRAIN_DRAIN = {"capital_share": 0.3, "skilled_share": 0.2, "capital": 1000.0,
               "skilled": 5.0, "unskilled": 45.0, "tfp": 6.8}
"""Chapter 5's brain-drain economy: capital's share 0.3, skilled labor's 0.2, 5 million
skilled and 45 million unskilled workers (capital and TFP in arbitrary units)."""


def brain_drain_economy(abroad_wage_ratio: float = 3.0,
                        emigration_tax: float = 0.0) -> BrainDrainEconomy:
    """Chapter 5's sending economy whose skilled workers can emigrate.

    Parameters
    ----------
    abroad_wage_ratio : what a skilled emigrant earns abroad, as a multiple of the
        skilled wage at home before anyone leaves (>= 0, at most 1e6).
    emigration_tax : share of the emigrants' pay abroad collected for those left
        behind, in [0, 1].

    Returns
    -------
    BrainDrainEconomy
        Workers in millions, wages in thousand dollars a year.

    Examples
    --------
    >>> b = brain_drain_economy()
    >>> home, fifth = b.outcome(0.0), b.outcome(1.0)       # a fifth of the skilled leave
    >>> round(100 * (fifth.unskilled_wage / home.unskilled_wage - 1), 1)
    -4.4
    """
    ratio = check_range("abroad_wage_ratio", abroad_wage_ratio, 0.0, 1e6, scalar=True)
    home_wage = BrainDrainEconomy(**BRAIN_DRAIN).outcome(0.0).skilled_wage
    return BrainDrainEconomy(**BRAIN_DRAIN, skilled_wage_abroad=ratio * home_wage,
                             emigration_tax=emigration_tax)


# =====================================================================================
# Chapter 6: migration diversion
# =====================================================================================
DIVERSION_DEMAND_INTERCEPT = 120.0
"""Migrants R's employers would hire at a zero wage in chapter 6's market (thousands)."""
DIVERSION_DEMAND_SLOPE = 4.0
"""Fall in migrants hired per $ thousand of wage (thousands per $ thousand a year)."""


def diversion_model(cost_a: float = 10.0, cost_b: float = 13.0, barrier_type: str = "revenue",
                    cap: float = math.inf, rent_share: float = 1.0) -> DiversionModel:
    """Chapter 6's market: employers hire ``120 - 4 P`` thousand migrants at a wage ``P``.

    Parameters
    ----------
    cost_a : supply price of migrants from the efficient source A ($ thousand a year).
    cost_b : supply price of migrants from the partner B ($ thousand a year).
    barrier_type : ``"revenue"`` (a fee R collects) or ``"resource"`` (red tape).
    cap : overall cap on migrants from all sources (thousands; ``inf`` for none).
    rent_share : share of a binding cap's rent R keeps, in [0, 1].

    Returns
    -------
    DiversionModel
        Migrants in thousands, welfare in $ million a year.

    Examples
    --------
    >>> d = diversion_model().preferential_deal(barrier=8.0, preference=8.0)
    >>> d.before.migrants, d.after.migrants
    (48.0, 68.0)
    """
    return DiversionModel(DIVERSION_DEMAND_INTERCEPT, DIVERSION_DEMAND_SLOPE, cost_a, cost_b,
                          barrier_type, cap, rent_share)


# =====================================================================================
# Chapter 7: permanent and temporary migration (also chapter 10)
# =====================================================================================
EMPLOYMENT_SCREENS = {"none": (1.0, 1.0), "lax_check": (0.95, 0.6), "job_offer": (0.95, 0.2),
                      "strict": (0.9, 0.05)}
"""Chapter 7's employment screens, as (true-positive, false-positive) rates: the share
of applicants who will work, and of those who will not, who get a visa. ``"none"``;
``"job_offer"``, a job offer required before a visa (the chapter's screen); and, for
comparison, a lax check and a strict one."""

ROTATION_COST = 0.1
"""Chapter 7's illustrative rotation cost: what R's employers spend to recruit and train
each replacement worker, in thousand dollars (so $100). An assumption chosen for the
illustration, small beside the immigration surplus per migrant; the calibration itself
(:func:`temporary_arrangement`) has none."""

TWO_YEAR_STAYS = 0.5
"""The return rate (per year) of chapter 7's reference temporary arrangement: visas of two
years on average, the length of Germany's contract-worker agreements."""


def temporary_arrangement(screen: str = "none", **changes) -> TemporaryMigration:
    """Chapter 7's arrangement: chapter 5's economy, 10 million migrants in R.

    The other parameters are :class:`~migcoop.temporary.TemporaryMigration`'s
    defaults (ties cut at 20 per cent a year, S counting nothing for its emigrants,
    10 per cent of applicants who would not work, ...). Settled migrants send nothing
    home, nobody goes home before his visa ends and replacements cost nothing: the
    chapter's baseline, whose permanent arrangement S rejects; chapter 7 varies all
    three (``settled_remittance_share``, ``voluntary_return_rate``, ``rotation_cost``).
    Chapter 10 builds on it.

    Parameters
    ----------
    screen : the employment screen, a key of :data:`EMPLOYMENT_SCREENS` (``"none"``,
        ``"job_offer"``, ...).
    **changes : any other :class:`~migcoop.temporary.TemporaryMigration` parameter
        (``migrants``, ``settle_rate``, ``citizen_weight``, ``economy``, ...),
        including the screen's own rates.

    Returns
    -------
    TemporaryMigration
        Migrants in millions, gains in $ billion a year.

    Examples
    --------
    >>> model = temporary_arrangement()
    >>> model.permanent(0.1).acceptable_to_sender          # the one-way problem
    False
    >>> temporary_arrangement(settled_remittance_share=0.05).permanent(0.1).acceptable_to_sender
    True
    >>> model.outcome(1.0, 0.1).acceptable_to_sender       # stays of one year
    True
    >>> temporary_arrangement("job_offer").outcome(1.0, 0.1).acceptable_to_receiver
    True
    """
    tpr, fpr = EMPLOYMENT_SCREENS[check_choice("screen", screen, EMPLOYMENT_SCREENS)]
    params = {"economy": two_country_economy(), "screen_tpr": tpr, "screen_fpr": fpr,
              **check_keywords(TemporaryMigration, changes)}
    return TemporaryMigration(**params)


# =====================================================================================
# Chapter 8: enforcement cooperation
# =====================================================================================
READMISSION_SENDERS = {
    "eager": {"effort_curvature": 20.0},
    "baseline": {},
    "reluctant": {"effort_curvature": 80.0, "effort_cost": 12.0},
}
"""Chapter 8's three senders under one common rule: how each differs from the baseline
:class:`~migcoop.readmission.ReadmissionGame` (effort costs in $ million a year)."""

POOL_REALLOCATION = 0.8
"""Share of a cut quota that other senders take up when many compete for one pool of visas
(chapter 8's Korea-like case; 0, the model's default, is a bilateral arrangement)."""

SMALL_PROGRAMME_ABSORPTION = 4.0
"""Chapter 8's receiver that wants few workers: absorption ``kappa`` eight times the baseline's
($ million per (thousand visas) squared), so its ideal programme is smaller than the stake a
rule needs to buy full effort."""


def readmission_game(sender: str = "baseline", **overrides) -> ReadmissionGame:
    """Chapter 8's readmission game: a quota that shrinks with the overstay rate.

    The baseline is :class:`~migcoop.readmission.ReadmissionGame`'s defaults: 20 per
    cent of the sender's nationals due to leave do not when it makes no effort; a visa
    is worth 8 to the sender ($ thousand a year); effort costs it ``4 e + 40 e**2 / 2``
    ($ million a year); its discount factor is 0.9; a worker who leaves on time is worth
    10 to the receiver and one who does not costs it 25 ($ thousand a year); absorption
    ``kappa = 0.5``; the receiver's discount factor 0.8; no reallocation.

    Parameters
    ----------
    sender : one of :data:`READMISSION_SENDERS` ("eager", "baseline", "reluctant").
    **overrides : any :class:`~migcoop.readmission.ReadmissionGame` parameter
        (``sender_discount``, ``reallocation``, ...), applied after ``sender``'s.

    Returns
    -------
    ReadmissionGame
        Quotas in thousand visas a year, welfare in $ million a year.

    Examples
    --------
    >>> readmission_game().effort(0.0)
    0.0
    >>> readmission_game("eager").effort_curvature
    20.0
    """
    base = READMISSION_SENDERS[check_choice("sender", sender, READMISSION_SENDERS)]
    return ReadmissionGame(**{**base, **check_keywords(ReadmissionGame, overrides)})


def enforcement_deal(effort: float = 1.0, cost_premium: float = 2.0) -> EnforcementDeal:
    """The visas-for-enforcement deal on chapter 3's screening model (used by chapter 10).

    Parameters
    ----------
    effort : share of its applicants the sending side screens, in [0, 1].
    cost_premium : how much more a worker from the partner B costs R's employers than
        one from the cheapest source ($ thousand a year).

    Returns
    -------
    EnforcementDeal
        Visas in thousands a year, gains in $ million a year.

    Examples
    --------
    >>> round(enforcement_deal(effort=0.5).min_reward(), 3)   # visas B needs to screen half
    0.475
    >>> enforcement_deal().outcome(10.0, "open").diversion_loss
    0.0
    """
    return EnforcementDeal(screening=screening_model(), effort=effort, cost_premium=cost_premium)


# =====================================================================================
# Chapter 9: refugees
# =====================================================================================
def refugee_regime(**overrides) -> RefugeeRegime:
    """Chapter 9's hosts and refugee flows, with some parameters changed.

    The baseline is :class:`~migcoop.refugees.RefugeeRegime`'s defaults: ten hosts,
    altruism 10 ($ million per thousand protected), 30 thousand arrivals a year per
    host and a surge of 40 thousand on average hitting a host one year in ten.

    Parameters
    ----------
    **overrides : any :class:`~migcoop.refugees.RefugeeRegime` parameter
        (``hosts``, ``discount``, ``burden_share``, ...).

    Examples
    --------
    >>> r = refugee_regime()
    >>> r.nash_protection(), r.joint_protection(), r.mean_arrivals
    (10.0, 100.0, 34.0)
    """
    return RefugeeRegime(**check_keywords(RefugeeRegime, overrides))


def standards_game(**overrides) -> StandardsGame:
    """Chapter 9's game of standards of proof, with some parameters changed.

    The baseline is :class:`~migcoop.refugees.StandardsGame`'s defaults: 30 per cent
    economic migrants among claimants, ten hosts, discriminability 1.5 and
    migrants' pull to lax hosts 3.

    Parameters
    ----------
    **overrides : any :class:`~migcoop.refugees.StandardsGame` parameter.

    Examples
    --------
    >>> eq = standards_game().equilibrium()
    >>> eq.nash > eq.cooperative                 # standards shade upward
    True
    """
    return StandardsGame(**check_keywords(StandardsGame, overrides))


def deterrence_game(**overrides) -> DeterrenceGame:
    """Chapter 9's hosts that may keep refugees from arriving, with some parameters changed.

    The baseline is :class:`~migcoop.refugees.DeterrenceGame`'s defaults: the ten hosts,
    altruism and hosting cost of ``refugee_regime()``, whose 34 thousand expected
    arrivals a year per host are the would-be arrivals; half of the refugees a host keeps
    away reach another host; keeping all would-be arrivals away would cost a host
    1,000 million dollars a year (``deterrence_cost`` 2,000).

    Parameters
    ----------
    **overrides : any :class:`~migcoop.refugees.DeterrenceGame` parameter.

    Examples
    --------
    >>> g = deterrence_game()
    >>> g.arrivals == refugee_regime().mean_arrivals
    True
    """
    return DeterrenceGame(**check_keywords(DeterrenceGame, overrides))


def first_entry_rule(**overrides) -> FirstEntryRule:
    """Chapter 9's Convention with a first-entry rule, with some parameters changed.

    The baseline: the regime of ``refugee_regime()``, three of its ten hosts on the
    frontline, a rule that holds a tenth of the refugees to their country of first
    entry, and no solidarity payment.

    Parameters
    ----------
    **overrides : any :class:`~migcoop.refugees.FirstEntryRule` parameter
        (``regime``, ``frontline``, ``entry_rule``, ``solidarity``).

    Examples
    --------
    >>> rule = first_entry_rule()
    >>> rule.multipliers == (1.0 + 0.1 * (10 / 3 - 1), 0.9)
    True
    """
    changes = {"frontline": 3, "entry_rule": 0.1, **overrides}
    return FirstEntryRule(**check_keywords(FirstEntryRule, changes))


# =====================================================================================
# Chapter 10: designing an agreement
# =====================================================================================
def capstone_world(cost_premium: float = 0.1, return_rate: float = 1.0,
                   discount_factor: float = 0.9) -> CapstoneWorld:
    """Chapter 10's world: chapter 7's arrangement judged for each agreement design.

    Parameters
    ----------
    cost_premium : how much more a partner's worker costs than one from the cheapest
        other source ($ thousand a year).
    return_rate : share of migrants going home each year under a temporary agreement (> 0).
    discount_factor : the governments' discount factor, in [0, 1).

    Returns
    -------
    CapstoneWorld
        Gains in $ billion a year.

    Examples
    --------
    >>> from migcoop.capstone import Design
    >>> v = capstone_world().evaluate(Design("temporary", "nondiscriminatory", "sender", "none"))
    >>> v.receiver, v.accepted, v.self_enforcing
    ('gain', True, True)
    """
    return_rate = check_positive("return_rate", return_rate, scalar=True)
    return CapstoneWorld(migration=temporary_arrangement(), cost_premium=cost_premium,
                         temporary_return_rate=return_rate, discount_factor=discount_factor)
