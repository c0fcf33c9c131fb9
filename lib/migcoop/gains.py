"""The size of the prize: world output gains from letting labor move, on real data.

The model behind chapter 1. It has two parts.

**A calculation in the style of Hamilton and Whalley (1984).** The world is split
into regions. Region ``i`` has ``L_i`` workers and output per worker ``y_i``, and
produces with a Cobb-Douglas technology ``Y_i = Z_i * E_i**(1 - alpha)``, where
``E_i`` is labor in efficiency units and ``Z_i`` bundles the region's capital, land
and total factor productivity, which stay put (``alpha`` is the capital share, the
income share of everything that does not move). Labor is paid its marginal product.
Gaps in wages between regions are read as the result of barriers to moving; removing
a share ``phi`` of every (log) wage gap lets labor reallocate until the remaining
gaps are ``(1 - phi)`` times the original ones, holding the world's labor fixed. The
allocation has a closed form:

    E_i' / E = e_i * v_i**(phi/alpha) / sum_j e_j * v_j**(phi/alpha),

where ``e_i`` is region ``i``'s share of the world's efficiency units and ``v_i`` its
output per efficiency unit. With full mobility (``phi = 1``) world output per
efficiency unit is ``[sum_i e_i * v_i**(1/alpha)]**alpha``. The parameter
``portability`` is the part of the (log) productivity gap that a worker carries
with her (skills, health, education): ``v_i = y_i**(1 - portability)`` and each
worker of region ``i`` supplies ``y_i**portability`` efficiency units. At
``portability = 0`` all of the gap belongs to the place, as Hamilton and Whalley
assumed; at 1 it all belongs to the person and moving gains nothing.

**A one-market picture.** :class:`WageGapMarket` is the classic two-country diagram
of a high-wage country R and a low-wage country S, each with a linear marginal
product of labor schedule, written as a :class:`migcoop.markets.LinearMarket` in
which R's employers demand migrant workers and S's opportunity wage is the supply
price of migrants. An external cost per migrant (a net fiscal burden, congestion)
moves the efficient level of migration below free movement.

The data are the Gapminder extract (1952-2007, 142 countries) that the ``plotly``
package ships, reduced to a small CSV inside this package (see ``data/README.md``;
Gapminder, CC-BY 4.0). The loader reads it with the standard library only.

Units: people (workers), dollars per person per year, gains as fractions of world
GDP; in the one-market picture, millions of migrants, thousand dollars per
worker-year and billion dollars per year.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib.resources import files

import numpy as np

from ._validate import (
    LIMIT,
    NONNEGATIVE,
    POSITIVE,
    TEXT,
    TINY,
    check_choice,
    check_int,
    check_range,
    check_share,
    count,
    optional,
    real,
    sequence,
    validate_fields,
)
from .markets import LinearMarket

__all__ = [
    "DATA_COLUMNS",
    "DATA_FILE",
    "DATA_ROWS",
    "GROUPINGS",
    "PUBLISHED_ESTIMATES",
    "PUBLISHED_RANGE",
    "YEARS",
    "CountryYear",
    "GainsOutcome",
    "MigrationOutcome",
    "PublishedEstimate",
    "RegionalEconomy",
    "WageGapMarket",
    "load_gapminder",
]

DATA_FILE = "gapminder_regions.csv"
DATA_COLUMNS = ("country", "iso_alpha", "continent", "region", "year", "pop", "gdp_per_capita")
DATA_ROWS = 1704  # 142 countries x 12 years
YEARS = tuple(range(1952, 2008, 5))
GROUPINGS = ("region", "continent", "country")
MAX_REGIONS = 1000  # more than the world's countries


# --- published estimates ---------------------------------------------------------
@dataclass(frozen=True)
class PublishedEstimate:
    """A published estimate of the world gain from removing all barriers to labor mobility.

    Attributes
    ----------
    study : author and year, as cited.
    key : the study's key in the book's bibliography.
    gain_percent : the estimated gain, percent of world GDP.
    method : one line on how the estimate was made.
    """

    study: str
    key: str
    gain_percent: float
    method: str


#: Estimates of the gain from removing all barriers to labor mobility, as collected
#: in the survey of Clemens (2011, table 1), in percent of world GDP.
PUBLISHED_ESTIMATES = (
    PublishedEstimate("Hamilton and Whalley (1984)", "hamilton1984", 147.3,
                      "seven regions, GNP per capita, wages read as marginal products"),
    PublishedEstimate("Moses and Letnes (2004)", "moses2004", 96.5,
                      "Hamilton-Whalley method on later data"),
    PublishedEstimate("Iregui (2005)", "iregui2005", 67.0,
                      "multiregional computable general equilibrium model"),
)

#: The range the published estimates above span, percent of world GDP: (lowest, highest).
#: Computed from them, so a chapter's band and its prose cannot disagree. (Clemens 2011
#: summarises such estimates more loosely, as often between 50 and 150 per cent.)
PUBLISHED_RANGE = (min(e.gain_percent for e in PUBLISHED_ESTIMATES),
                   max(e.gain_percent for e in PUBLISHED_ESTIMATES))


# --- the data --------------------------------------------------------------------
@dataclass(frozen=True)
class CountryYear:
    """One row of the shipped Gapminder extract.

    Attributes
    ----------
    country, iso_alpha, continent : Gapminder's names and ISO 3166 alpha-3 code.
    region : one of nine world regions (see ``data/README.md``).
    year : calendar year (1952, 1957, ..., 2007).
    pop : population (persons).
    gdp_per_capita : GDP per person, inflation-adjusted dollars per year.
    """

    country: str
    iso_alpha: str
    continent: str
    region: str
    year: int
    pop: int
    gdp_per_capita: float


@functools.lru_cache(maxsize=1)
def load_gapminder() -> tuple[CountryYear, ...]:
    """Read the shipped Gapminder extract (standard library only; the result is cached).

    >>> rows = load_gapminder()
    >>> len(rows), rows[0].country, rows[0].year
    (1704, 'Afghanistan', 1952)
    """
    text = files("migcoop").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != DATA_COLUMNS:
        raise ValueError(f"{DATA_FILE} has columns {reader.fieldnames}, expected {list(DATA_COLUMNS)}")
    return tuple(
        CountryYear(r["country"], r["iso_alpha"], r["continent"], r["region"], int(r["year"]),
                    int(r["pop"]), float(r["gdp_per_capita"]))
        for r in reader
    )


# --- the Hamilton-Whalley style calculation ---------------------------------------
def _logsumexp(x, axis=-1):
    m = np.max(x, axis=axis, keepdims=True)
    return np.squeeze(m, axis=axis) + np.log(np.sum(np.exp(x - m), axis=axis))


@dataclass(frozen=True)
class GainsOutcome:
    """The world economy after a share of the wage gaps has been removed.

    Arrays are per region, in the order of ``RegionalEconomy.names``.

    Attributes
    ----------
    share_removed : the share ``phi`` of every (log) wage gap removed, in [0, 1].
    capital_share : the income share ``alpha`` of the factors that stay put.
    portability : share of the (log) productivity gap that moves with the worker.
    labor : people working in each region after reallocation (persons).
    emigrants : people who leave each region (persons, >= 0).
    output : output of each region after reallocation ($ per year).
    world_output, baseline_output : world output after and before ($ per year).
    gain : ``world_output / baseline_output - 1``, a fraction of world GDP.
    migrants : people who move, in total (persons).
    migrant_share : ``migrants`` as a share of world labor.
    wage_ratio : highest over lowest wage per efficiency unit after reform
        (the original ratio raised to the power ``1 - phi``).
    """

    share_removed: float
    capital_share: float
    portability: float
    labor: np.ndarray
    emigrants: np.ndarray
    output: np.ndarray
    world_output: float
    baseline_output: float
    gain: float
    migrants: float
    migrant_share: float
    wage_ratio: float


@dataclass(frozen=True, eq=False)
class RegionalEconomy:
    """Regions that differ in output per worker, with barriers that keep labor in place.

    Parameters
    ----------
    names : a name (a string) for each region; 1 to 1,000 regions.
    labor : workers in each region (persons, > 0). With Gapminder data this is the
        population: the calculation is per capita, not per worker.
    output_per_worker : output per worker in each region ($ per year, > 0).
    year : the data year, if any (for labels; a whole number from 0 to 9999).
    grouping : how countries were grouped into regions, if from data (a string).

    Examples
    --------
    Two equal regions, one four times as productive, capital share one half: full
    mobility moves labor until both have the same marginal product, and world output
    rises by [(1 + 4**2) / 2]**0.5 / 2.5 - 1, about 16.6 per cent.

    >>> w = RegionalEconomy(("S", "R"), [1.0, 1.0], [1.0, 4.0])
    >>> round(w.full_mobility_gain(0.5), 4)
    0.1662
    >>> round(w.outcome(1.0, 0.5).gain, 4)
    0.1662
    >>> round(float(w.outcome(1.0, 0.5).labor[1]), 4)      # R's share of the world's labor
    1.8824
    """

    names: tuple
    labor: np.ndarray
    output_per_worker: np.ndarray
    year: int | None = None
    grouping: str = "custom"

    def __post_init__(self):
        validate_fields(self, names=sequence(TEXT, 1, MAX_REGIONS),
                        labor=sequence(POSITIVE, 1, MAX_REGIONS),
                        output_per_worker=sequence(POSITIVE, 1, MAX_REGIONS),
                        year=optional(count(0, 9999)), grouping=TEXT)
        sizes = (len(self.names), self.labor.size, self.output_per_worker.size)
        if len(set(sizes)) != 1:
            raise ValueError(
                f"names, labor and output_per_worker must have one entry per region; got "
                f"{sizes[0]}, {sizes[1]} and {sizes[2]}"
            )

    @classmethod
    def from_gapminder(cls, year: int = 2007, grouping: str = "region") -> RegionalEconomy:
        """The world of one Gapminder year, grouped into regions, continents or countries.

        Labor is population and output per worker is GDP per capita, both aggregated
        over the countries of each group (output per worker of a group = its total GDP
        over its population).

        >>> w = RegionalEconomy.from_gapminder(2007)
        >>> len(w.names), w.names[0]
        (9, 'East and Southeast Asia')
        """
        yr = check_int("year", year, YEARS[0], YEARS[-1])
        if yr not in YEARS:
            raise ValueError(f"year={year!r} is not a Gapminder year; allowed: {list(YEARS)}")
        check_choice("grouping", grouping, GROUPINGS)
        pop: dict[str, float] = {}
        gdp: dict[str, float] = {}
        for r in load_gapminder():
            if r.year == yr:
                key = getattr(r, grouping)
                pop[key] = pop.get(key, 0.0) + r.pop
                gdp[key] = gdp.get(key, 0.0) + r.pop * r.gdp_per_capita
        names = tuple(sorted(pop))
        labor = np.array([pop[k] for k in names])
        y = np.array([gdp[k] for k in names]) / labor
        return cls(names, labor, y, year=yr, grouping=grouping)

    # --- aggregates -----------------------------------------------------------
    @property
    def world_labor(self) -> float:
        """Workers in the world (persons)."""
        return float(self.labor.sum())

    @property
    def world_output(self) -> float:
        """World output with today's barriers ($ per year)."""
        return float(np.dot(self.labor, self.output_per_worker))

    def _units(self, portability: float):
        """Efficiency shares ``e`` and log output per efficiency unit ``u`` (centred)."""
        logy = np.log(self.output_per_worker)
        ref = logy.max()
        log_h = portability * (logy - ref)                  # efficiency units per worker
        u = (1.0 - portability) * (logy - ref)              # log output per efficiency unit
        log_e = np.log(self.labor) + log_h
        log_e = log_e - _logsumexp(log_e)
        return log_e, u, log_h

    def _check(self, share_removed, capital_share, portability, *, scalar=False):
        """Vectorised over ``share_removed`` unless ``scalar``; the others are single numbers."""
        phi = check_share("share_removed", share_removed, scalar=scalar)
        a = check_range("capital_share", capital_share, 0.0, 1.0, low_open=True, high_open=True,
                        scalar=True)
        p = check_share("portability", portability, scalar=True)
        return phi, a, p

    # --- results ----------------------------------------------------------------
    def gain(self, share_removed, capital_share, portability=0.0):
        """World output gain, a fraction of world GDP, when a share ``phi`` of the gaps goes.

        The gain is zero at ``phi = 0``, never negative, rises with ``phi`` and is
        largest with every gap gone (:meth:`full_mobility_gain`). It is zero when output
        per worker is the same everywhere or the whole gap moves with the worker
        (``portability = 1``), and it does not change when every region's labor, or
        every region's output per worker, is scaled by a common factor. On the
        Gapminder data the curve lies above its chord: the first part of the gaps
        removed yields a disproportionate share of the whole gain.

        Vectorised over ``share_removed`` (an array gives an array).

        >>> w = RegionalEconomy(("S", "R"), [1.0, 1.0], [1.0, 4.0])
        >>> [round(float(g), 4) for g in w.gain([0.0, 0.5, 1.0], 0.5)]
        [0.0, 0.1384, 0.1662]
        """
        phi, a, p = self._check(share_removed, capital_share, portability)
        log_e, u, _ = self._units(p)
        beta = np.asarray(phi, dtype=float)[..., None] / a
        grow = _logsumexp(log_e + (1.0 + beta * (1.0 - a)) * u)
        spread = _logsumexp(log_e + beta * u)
        base = _logsumexp(log_e + u)
        g = np.expm1(grow - (1.0 - a) * spread - base)
        return float(g) if np.ndim(g) == 0 else g

    def full_mobility_gain(self, capital_share, portability=0.0) -> float:
        """The gain with every barrier gone, from the closed form.

        World output per efficiency unit becomes ``[sum_i e_i v_i**(1/alpha)]**alpha``
        (``e_i`` efficiency shares, ``v_i`` output per efficiency unit); the gain is its
        ratio to today's ``sum_i e_i v_i``, minus one. A power mean of order
        ``1/alpha``, it falls as the capital share rises. With ``portability = 0``,
        merging regions never raises it (aggregation hides the gaps inside a group), so
        on the Gapminder data
        continents give a smaller gain than regions, and regions than countries.
        """
        _, a, p = self._check(1.0, capital_share, portability, scalar=True)
        log_e, u, _ = self._units(p)
        return float(np.expm1(a * _logsumexp(log_e + u / a) - _logsumexp(log_e + u)))

    def outcome(self, share_removed, capital_share, portability=0.0) -> GainsOutcome:
        """Where everyone works, and what the world produces, after the reform (single numbers).

        People move but none appear or vanish: ``labor`` sums to the world's labor, and
        the wage gaps that remain are ``1 - share_removed`` times the original ones.
        """
        phi, a, p = self._check(share_removed, capital_share, portability, scalar=True)
        log_e, u, log_h = self._units(p)
        beta = phi / a
        log_e_new = log_e + beta * u
        log_e_new = log_e_new - _logsumexp(log_e_new)
        ratio = np.exp(log_e_new - log_e)                   # E_i' / E_i
        labor_eff = self.labor * np.exp(log_h)              # efficiency units (scaled)
        new_eff = labor_eff * ratio
        # People: movers out of a shrinking region carry that region's efficiency units.
        emigrants = np.maximum(labor_eff - new_eff, 0.0) / np.exp(log_h)
        immigrants_eff = np.maximum(new_eff - labor_eff, 0.0)
        # Newcomers' efficiency is a mix of the origins'; count them in people.
        moving_people = float(emigrants.sum())
        moving_eff = float(np.maximum(labor_eff - new_eff, 0.0).sum())
        per_unit = moving_people / moving_eff if moving_eff > 0 else 0.0
        # Stayers in a shrinking region are computed multiplicatively (no cancellation when
        # nearly everyone leaves); a growing region keeps its people and gains newcomers.
        labor = np.where(ratio < 1.0, self.labor * np.minimum(ratio, 1.0),
                         self.labor + immigrants_eff * per_unit)
        output = self.labor * self.output_per_worker * ratio ** (1.0 - a)
        world = float(output.sum())
        base = self.world_output
        spread = float(np.exp((1.0 - phi) * (u.max() - u.min())))
        return GainsOutcome(
            share_removed=phi, capital_share=a, portability=p, labor=labor,
            emigrants=emigrants, output=output, world_output=world, baseline_output=base,
            gain=world / base - 1.0, migrants=moving_people,
            migrant_share=moving_people / self.world_labor, wage_ratio=spread,
        )


# --- the one-market picture -------------------------------------------------------
@dataclass(frozen=True)
class MigrationOutcome:
    """The two labor markets when ``migrants`` workers have moved from S to R.

    Every field is a float, or an array for an array of migrant numbers.

    Attributes
    ----------
    migrants : workers who moved (millions).
    high_wage : R's wage, its marginal product of labor (thousand $ per worker-year).
    low_wage : S's wage (thousand $ per worker-year).
    wage_gap : ``high_wage - low_wage``, the barrier's wedge (thousand $).
    output_gain : the rise in world output from the move ($ bn per year): the area
        between R's and S's marginal product schedules up to ``migrants``.
    external_cost : nonpecuniary cost borne in R, ``external_cost * migrants`` ($ bn).
    world_gain : ``output_gain - external_cost`` ($ bn per year).
    receiving_surplus : R natives' gain, the immigration surplus ($ bn per year).
    migrant_gain : migrants' and S's gain together, the emigration surplus ($ bn per year).
    """

    migrants: float
    high_wage: float
    low_wage: float
    wage_gap: float
    output_gain: float
    external_cost: float
    world_gain: float
    receiving_surplus: float
    migrant_gain: float


@dataclass(frozen=True)
class WageGapMarket:
    """A high-wage country R and a low-wage country S, with linear wage schedules.

    R's wage falls by ``high_slope`` for every million migrants who arrive; S's wage
    rises by ``low_slope`` for every million who leave. In the language of
    :class:`migcoop.markets.LinearMarket`, R's employers demand migrant workers and
    S's wage is the price at which migrants are supplied.

    Parameters
    ----------
    high_wage : R's wage with no migrants (thousand $ per worker-year, > ``low_wage``).
    low_wage : S's wage with no emigrants (thousand $ per worker-year, >= 0).
    high_slope : fall in R's wage per million migrants (thousand $, > 0, from
        ``high_wage / 1e12`` to ``high_wage / 1e-12``, so that R's wage reaches zero
        between 1e-12 and 1e12 million migrants, the range :meth:`market` can hold).
    low_slope : rise in S's wage per million emigrants (thousand $, > 0, and at least
        ``low_wage / 1e12``, for the same reason).
    external_cost : nonpecuniary cost to R per migrant (thousand $ per year, >= 0):
        a net fiscal burden, congestion of public facilities.

    Examples
    --------
    >>> m = WageGapMarket(40.0, 10.0, 1.0, 0.5, external_cost=3.0)
    >>> m.free_movement(), m.efficient_migration()
    (20.0, 18.0)
    >>> round(m.outcome(18.0).world_gain, 6)    # = (30 - 3)**2 / (2 * 1.5)
    243.0
    """

    high_wage: float = 40.0
    low_wage: float = 10.0
    high_slope: float = 1.0
    low_slope: float = 0.5
    external_cost: float = 0.0

    def __post_init__(self):
        validate_fields(self, high_wage=POSITIVE, low_wage=NONNEGATIVE,
                        high_slope=lambda m: real(max(m.high_wage / LIMIT, TINY),
                                                  min(m.high_wage / TINY, LIMIT)),
                        low_slope=lambda m: real(max(m.low_wage / LIMIT, TINY)),
                        external_cost=NONNEGATIVE)
        if self.high_wage <= self.low_wage:
            raise ValueError(
                f"high_wage={self.high_wage!r} must exceed low_wage={self.low_wage!r}: "
                "otherwise no one gains from moving"
            )

    def market(self) -> LinearMarket:
        """The same economy as a :class:`~migcoop.markets.LinearMarket` for migrant labor."""
        return LinearMarket(  # min/max: wage / slope may round just past LIMIT
            demand_intercept=min(max(self.high_wage / self.high_slope, TINY), LIMIT),
            demand_slope=1.0 / self.high_slope,
            supply_intercept=max(-self.low_wage / self.low_slope, -LIMIT),
            supply_slope=1.0 / self.low_slope,
            external_cost=self.external_cost,
        )

    @property
    def productivity_gap(self) -> float:
        """The wage gap before anyone moves (thousand $ per worker-year)."""
        return self.high_wage - self.low_wage

    def free_movement(self) -> float:
        """Migrants when nothing stops them: wages equalise (millions).

        ``(high_wage - low_wage) / (high_slope + low_slope)``, the free-trade quantity of
        :meth:`market`.
        """
        return self.productivity_gap / (self.high_slope + self.low_slope)

    def efficient_migration(self) -> float:
        """Migrants that maximise world output net of the external cost (millions).

        Migration should go on while the wage gap exceeds the external cost, so the
        efficient wedge is the external cost itself (a Pigouvian wedge), and the
        efficient number is positive exactly when the productivity gap exceeds it.
        """
        gap = max(self.productivity_gap - self.external_cost, 0.0)
        return gap / (self.high_slope + self.low_slope)

    def outcome(self, migrants) -> MigrationOutcome:
        """Both markets when ``migrants`` (millions, 0 to free movement) have moved."""
        mk = self.market()
        m = check_range("migrants", migrants, 0.0, self.free_movement() * (1 + 1e-12))
        out = mk.with_cap(m)
        ext = out.external_cost
        world = out.world_welfare
        return MigrationOutcome(
            migrants=out.quantity, high_wage=out.buyer_price, low_wage=out.seller_price,
            wage_gap=out.wedge, output_gain=world + ext, external_cost=ext, world_gain=world,
            receiving_surplus=out.buyer_surplus, migrant_gain=out.seller_surplus + out.revenue,
        )
