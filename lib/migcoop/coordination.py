"""Coordination among receiving countries: restrictions that spill over.

The models behind chapter 4. Several receiving countries face one pool of
would-be migrants. A migrant kept out of one country does not vanish: he or she
may try another. So each country's restriction changes the flow into the others,
and the countries' policies interact. Two simple models in the spirit of
Giordani and Ruta (2010, 2013) make the point; neither is their model.

:class:`SortingGame` is the article's own sketch (Sykes 2013, part I.A.3).
``N`` identical countries each set a restriction ``r`` (thousand dollars of cost
imposed on every migrant). Migrants, ``pressure`` of them with moving costs
spread evenly over ``[0, w]``, go wherever the net return ``w - r - moving cost``
is highest and positive, splitting equally among the countries tied at the
lowest restriction. A country that restricts more than the others gets nobody; one
that restricts less gets everybody. Any common policy inside a whole band is an
equilibrium, and only one of them is the receiving countries' joint optimum.

"Joint optimum" means best for the receiving countries taken together, which is what
their natives' welfare ``V`` measures. It is not *efficient* in the book's sense (world
welfare, counting the migrants and the countries they come from): no payoff here counts
what migrants gain from moving or what their home countries gain or lose.

:class:`LeakageGame` makes the restriction a continuous share ``r`` of arrivals
turned away, at an enforcement cost ``e * r``. Each migrant first heads for a
random country; one who is turned away tries again, with probability
``leakage``, at a country not yet tried, and otherwise goes home. Because
others' restrictions send more migrants one's way, restrictions are strategic
complements; with enough leakage there are several symmetric equilibria, ranked:
the more restrictive, the worse for every country.

In both, natives value ``m`` migrants (million a year) at
``V(m) = a m - h m**2 / 2`` ($ billion a year): concave, best at ``m* = a / h``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ._validate import (
    NONNEGATIVE,
    POSITIVE,
    SHARE,
    check_instance,
    check_int,
    check_positive,
    check_range,
    check_seed,
    check_share,
    count,
    sequence,
    validate_fields,
)
from ._validate import out as _out

__all__ = [
    "native_welfare",
    "SortingGame",
    "SortingPayoffs",
    "LeakageGame",
    "Flows",
    "Equilibrium",
    "EQUILIBRIUM_KINDS",
    "equilibrium_map",
    "simulate_flows",
]


MAX_COUNTRIES = 200  # the world has fewer than 200 countries
_COUNTRIES = count(2, MAX_COUNTRIES)
SIMULATION_LIMIT = 10_000_000  # simulated migrants times countries: arrays of this size


def native_welfare(migrants, benefit, crowding):
    """Natives' welfare from ``migrants`` (million a year): ``a m - h m**2 / 2`` ($ billion).

    Parameters
    ----------
    migrants : number admitted, ``m >= 0`` (million a year).
    benefit : ``a > 0``, the value of the first migrant (thousand $ a year).
    crowding : ``h > 0``, how fast the value of one more migrant falls (thousand $ a
        year per million migrants); the best intake is ``a / h``.

    >>> native_welfare(2.0, 4.0, 2.0)      # the peak, at a / h = 2
    4.0
    """
    m = check_range("migrants", migrants, 0.0)
    a = check_positive("benefit", benefit)
    h = check_positive("crowding", crowding)
    return _out(a * np.asarray(m) - h * np.asarray(m) ** 2 / 2)


def _geometric(z, n: int):
    """``1 + z + ... + z**(n-1)`` for z in [0, 1] (vectorised; n terms)."""
    z = np.asarray(z, dtype=float)
    if n <= 0:
        return np.zeros_like(z)
    with np.errstate(divide="ignore", invalid="ignore"):
        closed = (1 - z**n) / (1 - z)
    return np.where(np.abs(1 - z) < 1e-9, float(n), closed)


# =====================================================================================
# (a) The article's sorting model: a band of equilibria
# =====================================================================================
@dataclass(frozen=True)
class SortingPayoffs:
    """One country's payoffs ($ billion a year) when the others all set ``restriction``.

    Attributes
    ----------
    restriction : the common restriction ``r`` (thousand $ per migrant).
    total_migrants : ``M(r)``, how many migrate at all (million a year).
    match : payoff from matching: a share ``M(r) / N``.
    undercut : best payoff from restricting a little less and taking every migrant
        (the supremum over lower restrictions; equal to ``match`` at ``r = 0``, where
        no country can be more open).
    overshoot : payoff from restricting more and getting nobody, ``V(0) = 0``.
    is_equilibrium : matching is at least as good as either deviation.
    """

    restriction: float
    total_migrants: float
    match: float
    undercut: float
    overshoot: float
    is_equilibrium: bool


@dataclass(frozen=True)
class SortingGame:
    """``N`` identical receivers competing for (or deflecting) one pool of migrants.

    Parameters
    ----------
    countries : number of receiving countries ``N`` (whole number, 2 to 200).
    pressure : would-be migrants ``Lambda`` (million a year, > 0).
    migrant_return : gross gain from migrating ``w`` (thousand $ a year, > 0); moving
        costs are spread evenly over ``[0, w]``, so ``M(r) = Lambda (1 - r / w)``.
    benefit, crowding : ``a`` and ``h`` of :func:`native_welfare` (> 0).

    Examples
    --------
    >>> g = SortingGame(countries=4, pressure=25.0, migrant_return=10.0, benefit=4.0, crowding=2.0)
    >>> round(g.joint_restriction(), 6)     # each country gets a / h = 2 million
    6.8
    >>> [round(x, 6) for x in g.band()]         # every common policy in here is an equilibrium
    [3.6, 8.72]
    """

    countries: int
    pressure: float
    migrant_return: float
    benefit: float
    crowding: float

    def __post_init__(self):
        validate_fields(self, countries=_COUNTRIES, pressure=POSITIVE, migrant_return=POSITIVE,
                        benefit=POSITIVE, crowding=POSITIVE)

    @property
    def best_intake(self) -> float:
        """Each country's ideal number of migrants, ``m* = a / h`` (million a year)."""
        return self.benefit / self.crowding

    def value(self, migrants):
        """:func:`native_welfare` with this game's ``a`` and ``h`` ($ billion a year)."""
        return native_welfare(migrants, self.benefit, self.crowding)

    def migration(self, restriction):
        """Migrants who move when the lowest restriction is ``r`` (>= 0): ``Lambda (1 - r/w)^+``."""
        r = check_range("restriction", restriction, 0.0)
        return _out(self.pressure * np.clip(1 - np.asarray(r) / self.migrant_return, 0.0, 1.0))

    def payoffs(self, restriction) -> SortingPayoffs:
        """Match, undercut and overshoot payoffs against a common ``restriction`` (vectorised)."""
        r = np.asarray(check_range("restriction", restriction, 0.0), dtype=float)
        total = np.asarray(self.migration(r))
        match = np.asarray(self.value(total / self.countries))
        best_grab = np.clip(self.best_intake, total, self.pressure)
        undercut = np.where(r > 0, np.asarray(self.value(best_grab)), match)
        overshoot = np.zeros_like(match)
        tol = 1e-12 * (1 + np.abs(match))
        eq = (match >= undercut - tol) & (match >= overshoot - tol)
        return SortingPayoffs(
            restriction=_out(r), total_migrants=_out(total), match=_out(match),
            undercut=_out(undercut), overshoot=_out(overshoot),
            is_equilibrium=bool(eq) if eq.ndim == 0 else eq,
        )

    def band_migrants(self) -> tuple[float, float]:
        """Total migration consistent with a positive-restriction equilibrium.

        ``2 a N / (h (N + 1)) <= M <= 2 a N / h``: below the band a country gains by
        undercutting and taking everyone, above it by shutting its door.
        """
        n, m_star = self.countries, self.best_intake
        return 2 * m_star * n / (n + 1), 2 * m_star * n

    def band(self) -> tuple[float, float]:
        """The least and the most restrictive common policies that are equilibria.

        A whole interval of restrictions (thousand $ per migrant) is self-sustaining.
        When pressure is below the band, only ``r = 0`` is (every country wants more
        migrants than it gets); with no pressure problem at all the band starts at 0.
        """
        lo_m, hi_m = self.band_migrants()
        lam, w = self.pressure, self.migrant_return
        if lam <= lo_m:
            return 0.0, 0.0
        low = w * (1 - min(hi_m, lam) / lam)
        high = w * (1 - lo_m / lam)
        return float(low), float(high)

    def joint_restriction(self) -> float:
        """The receiving countries' joint optimum: the common restriction that gives every
        country its ideal intake ``m*`` (thousand $ per migrant).

        It lies inside :meth:`band`; 0 when even open borders bring too few migrants. It
        maximises every receiving country's welfare, not world welfare: migrants' own
        gains are not counted.
        """
        target = self.countries * self.best_intake
        if self.pressure <= target:
            return 0.0
        return float(self.migrant_return * (1 - target / self.pressure))

    def efficient_restriction(self) -> float:
        """Former name of :meth:`joint_restriction`, kept so that older notebooks run.

        The book no longer calls this policy efficient (see the module docstring).
        """
        return self.joint_restriction()


# =====================================================================================
# (b) Leakage: a continuous restriction and Pareto-ranked equilibria
# =====================================================================================
@dataclass(frozen=True)
class Flows:
    """Where the migrants end up when every country turns away the share ``restriction``.

    Totals over all countries, million migrants a year (arrays for an array of
    restrictions).

    Attributes
    ----------
    restriction : the common share of arrivals turned away.
    arrivals_per_country : first tries plus diverted migrants arriving at a country.
    admitted_first : admitted at the first country they tried.
    admitted_diverted : admitted elsewhere after being turned away at least once.
    stayed_home : gave up after a refusal, or were refused everywhere.
    total : ``admitted_first + admitted_diverted + stayed_home``, which equals the
        pressure: migrants are conserved.
    """

    restriction: float
    arrivals_per_country: float
    admitted_first: float
    admitted_diverted: float
    stayed_home: float
    total: float


@dataclass(frozen=True)
class Equilibrium:
    """A symmetric Nash equilibrium of the leakage game.

    Attributes
    ----------
    restriction : the common share of arrivals each country turns away.
    arrivals : migrants arriving at each country (million a year).
    admitted : migrants each country admits (million a year).
    welfare : each country's welfare ($ billion a year).
    stable : the best response crosses the diagonal from above (slope below 1), so
        small mistakes die out instead of pushing countries to another equilibrium.
    """

    restriction: float
    arrivals: float
    admitted: float
    welfare: float
    stable: bool


@dataclass(frozen=True)
class LeakageGame:
    """``N`` receivers choosing how many arrivals to turn away, when the turned-away try elsewhere.

    Parameters
    ----------
    countries : number of receiving countries ``N`` (whole number, 2 to 200).
    pressure : would-be migrants ``Lambda`` (million a year, > 0); each first heads
        for a country at random, so ``c = Lambda / N`` arrive first at each.
    leakage : probability ``lambda`` in [0, 1] that a migrant who is turned away tries
        another country not yet tried (otherwise he or she goes home).
    benefit, crowding : ``a`` and ``h`` of :func:`native_welfare` (> 0).
    enforcement_cost : ``e >= 0``, the yearly cost ($ billion) of turning away all
        arrivals; a country turning away the share ``r`` pays ``e r`` (border
        guards, detention, processing: a capacity cost that does not fall when
        fewer people come).

    A country turns away the share ``r`` in [0, 1] of those who arrive. When the other
    countries all turn away ``q``, a country receives
    ``X(q) = c (1 + (lambda q) + ... + (lambda q)**(N-1))`` whatever it does itself
    (migrants never retry a country that refused them), admits ``(1 - r) X(q)``
    and gets ``V((1 - r) X(q)) - e r``.

    Examples
    --------
    >>> g = LeakageGame(countries=6, pressure=36.0, leakage=0.9, benefit=2.0, crowding=1.0,
    ...                 enforcement_cost=25.0)
    >>> [round(eq.restriction, 2) for eq in g.equilibria()]
    [0.0, 0.05, 0.84]
    >>> eqs = g.equilibria()
    >>> eqs[0].welfare > eqs[-1].welfare          # the most restrictive is worst for all
    True
    """

    countries: int
    pressure: float
    leakage: float
    benefit: float
    crowding: float
    enforcement_cost: float

    def __post_init__(self):
        validate_fields(self, countries=_COUNTRIES, pressure=POSITIVE, leakage=SHARE,
                        benefit=POSITIVE, crowding=POSITIVE, enforcement_cost=NONNEGATIVE)

    # --- primitives ---------------------------------------------------------------
    @property
    def first_arrivals(self) -> float:
        """``c = Lambda / N``: migrants who try each country first (million a year)."""
        return self.pressure / self.countries

    @property
    def best_intake(self) -> float:
        """Each country's ideal intake with no enforcement cost, ``m* = a / h`` (million)."""
        return self.benefit / self.crowding

    def value(self, migrants):
        """:func:`native_welfare` with this game's ``a`` and ``h`` ($ billion a year)."""
        return native_welfare(migrants, self.benefit, self.crowding)

    # unchecked array versions used by the solvers below (inputs already in [0, 1])
    def _x(self, q):
        return self.first_arrivals * _geometric(self.leakage * np.asarray(q, dtype=float),
                                                self.countries)

    def _br(self, q):
        x = self._x(q)
        raw = 1 - self.benefit / (self.crowding * x) - self.enforcement_cost / (self.crowding * x**2)
        return np.clip(raw, 0.0, 1.0)

    def _common(self, q):
        q = np.asarray(q, dtype=float)
        m = (1 - q) * self._x(q)
        return self.benefit * m - self.crowding * m**2 / 2 - self.enforcement_cost * q

    def arrivals(self, others):
        """Migrants arriving at a country when all the others turn away ``others`` (vectorised).

        ``X(q) = c * sum_{k<N} (lambda q)**k``: the first tries, plus those refused
        once, twice, ... elsewhere who try this country next. Nondecreasing in ``q``.
        """
        return _out(self._x(check_share("others", others)))

    def payoff(self, own, others):
        """A country's welfare ($ billion a year) turning away ``own`` while the others turn away ``others``."""
        r = np.asarray(check_share("own", own))
        x = np.asarray(self.arrivals(others))
        return _out(np.asarray(self.value((1 - r) * x)) - self.enforcement_cost * r)

    def best_response(self, others):
        """The share a country turns away when the others turn away ``others`` (vectorised).

        Welfare ``V((1 - r) X) - e r`` is concave in ``r``; the first-order condition
        ``X (h (1 - r) X - a) = e`` gives ``r = 1 - a / (h X) - e / (h X**2)``, cut to
        [0, 1]. Since ``X`` rises with ``others``, so does the best response: the
        restrictions are strategic complements.
        """
        return _out(self._br(check_share("others", others)))

    # --- common policies ----------------------------------------------------------
    def flows(self, restriction) -> Flows:
        """Where migrants end up when every country turns away ``restriction`` (vectorised).

        ``stayed_home`` is counted directly (those who give up after a refusal plus
        those refused by all ``N``), so ``total == pressure`` is a check, not a
        definition.
        """
        q = np.asarray(check_share("restriction", restriction), dtype=float)
        n, lam, c = self.countries, self.leakage, self.first_arrivals
        z = lam * q
        x = c * _geometric(z, n)
        first = self.pressure * (1 - q)
        admitted = n * (1 - q) * x
        home = self.pressure * (q * (1 - lam) * _geometric(z, n - 1) + q**n * lam ** (n - 1))
        return Flows(
            restriction=_out(q), arrivals_per_country=_out(x), admitted_first=_out(first),
            admitted_diverted=_out(admitted - first), stayed_home=_out(home),
            total=_out(admitted + home),
        )

    def common_welfare(self, restriction):
        """Each country's welfare when all turn away ``restriction`` ($ billion a year)."""
        return _out(self._common(check_share("restriction", restriction)))

    def deviation_payoff(self, restriction):
        """The best a lone country can do when all others keep ``restriction``."""
        q = check_share("restriction", restriction)
        return self.payoff(_out(self._br(q)), q)

    def deviation_gain(self, restriction):
        """What one country gains by leaving a common ``restriction`` for its best response (>= 0).

        Zero exactly at the symmetric equilibria; positive elsewhere, so a common
        policy that is not an equilibrium must be enforced.
        """
        gain = np.asarray(self.deviation_payoff(restriction)) - np.asarray(
            self.common_welfare(restriction))
        return _out(np.maximum(gain, 0.0))

    def efficient_restriction(self) -> float:
        """Former name of :meth:`joint_restriction`, kept so that older notebooks run.

        The book no longer calls this policy efficient (see the module docstring).
        """
        return self.joint_restriction()

    def joint_restriction(self) -> float:
        """The receiving countries' joint optimum: the common share turned away that
        maximises every country's welfare, in [0, 1].

        What a binding common commitment would pick: all countries at once, each
        counting what its refusals do to the others. It counts the receiving countries'
        welfare only, not the migrants' or their home countries'. Found on a grid, then
        refined by golden-section search around the best grid point.

        >>> g = LeakageGame(countries=6, pressure=36.0, leakage=0.9, benefit=2.0,
        ...                 crowding=1.0, enforcement_cost=25.0)
        >>> g.joint_restriction()               # stay open: refusals mostly move migrants around
        0.0
        """
        grid = np.linspace(0.0, 1.0, 401)
        w = self._common(grid)
        i = int(np.argmax(w))
        lo, hi = grid[max(i - 1, 0)], grid[min(i + 1, len(grid) - 1)]
        invphi = (np.sqrt(5) - 1) / 2
        a, b = hi - invphi * (hi - lo), lo + invphi * (hi - lo)
        fa, fb = float(self._common(a)), float(self._common(b))
        for _ in range(50):
            if fa >= fb:
                hi, b, fb = b, a, fa
                a = hi - invphi * (hi - lo)
                fa = float(self._common(a))
            else:
                lo, a, fa = a, b, fb
                b = lo + invphi * (hi - lo)
                fb = float(self._common(b))
        best = (lo + hi) / 2
        return float(best if self._common(best) >= w[i] else grid[i])

    def equilibrium_count(self, resolution: int = 801) -> int:
        """How many symmetric equilibria there are, counted on a grid (fast; for maps).

        Counts ``q = 0`` when it is an equilibrium and each sign change of
        ``best_response(q) - q`` between ``resolution`` grid points (3 to 1,000,000); agrees with
        ``len(equilibria())`` except where the best response only touches the diagonal.
        """
        n = check_int("resolution", resolution, 3, 1_000_000)
        grid = np.linspace(0.0, 1.0, n)
        grid[0] = 1e-9
        gap = self._br(grid) - grid
        corner = int(float(self._br(0.0)) <= grid[0])
        crossings = int(np.sum(np.sign(gap[:-1]) * np.sign(gap[1:]) < 0))
        return corner + crossings + int(np.sum(gap == 0))

    def equilibria(self) -> list[Equilibrium]:
        """Every symmetric Nash equilibrium, least restrictive first.

        A common ``q`` is an equilibrium when ``best_response(q) == q``. Found by
        bracketing sign changes of ``best_response(q) - q`` on a fine grid and
        bisecting; ``q = 0`` is an equilibrium when no country wants to turn anyone
        away even if no one else does.
        """
        grid = np.linspace(0.0, 1.0, 801)
        grid[0] = 1e-9  # just right of zero, so that a corner at 0 does not hide a crossing
        gap = self._br(grid) - grid
        at_zero = float(self._br(0.0))
        # q = 0 (or a point within 1e-9 of it, found exactly by iterating the best reply)
        roots = [float(self._br(at_zero))] if at_zero <= grid[0] else []
        roots.extend(grid[gap == 0].tolist())
        idx = np.nonzero(np.sign(gap[:-1]) * np.sign(gap[1:]) < 0)[0]
        lo, hi, glo = grid[idx], grid[idx + 1], gap[idx]
        for _ in range(36):
            mid = (lo + hi) / 2
            left = np.sign(self._br(mid) - mid) == np.sign(glo)
            lo, hi = np.where(left, mid, lo), np.where(left, hi, mid)
        roots.extend(((lo + hi) / 2).tolist())
        out = []
        for q in sorted(roots):
            if out and q - out[-1].restriction < 1e-7:
                continue
            a, b = max(q - 1e-6, 0.0), min(q + 1e-6, 1.0)
            slope = (float(self._br(b)) - float(self._br(a))) / (b - a)
            x = float(self._x(q))
            out.append(Equilibrium(restriction=float(q), arrivals=x, admitted=(1 - q) * x,
                                   welfare=float(self._common(q)), stable=bool(slope < 1)))
        return out

    def equilibrium_kind(self) -> str:
        """Which of :data:`EQUILIBRIUM_KINDS` this game's symmetric equilibria are.

        ``"open"``: open borders (``q = 0``) is the only equilibrium; ``"restrictive"``:
        the only equilibrium turns some arrivals away; ``"several"``: more than one
        (counted by :meth:`equilibrium_count`, so fast enough for a map).

        >>> g = LeakageGame(countries=6, pressure=36.0, leakage=0.9, benefit=2.0,
        ...                 crowding=1.0, enforcement_cost=25.0)
        >>> g.equilibrium_kind()
        'several'
        >>> replace(g, leakage=0.2).equilibrium_kind(), replace(g, enforcement_cost=10.0).equilibrium_kind()
        ('open', 'restrictive')
        """
        if self.equilibrium_count() >= 2:
            return "several"
        return "open" if float(self.best_response(0.0)) <= 1e-9 else "restrictive"


EQUILIBRIUM_KINDS = ("open", "restrictive", "several")
"""The kinds of symmetric equilibria a :class:`LeakageGame` can have
(:meth:`LeakageGame.equilibrium_kind`); :func:`equilibrium_map` gives their index."""


def equilibrium_map(game: LeakageGame, leakages, costs) -> np.ndarray:
    """The kind of equilibria of ``game`` at each leakage and enforcement cost.

    Parameters
    ----------
    game : the game whose other parameters (countries, pressure, valuation) are kept.
    leakages : leakage values, each in [0, 1] (the map's columns; 1 to 1,000 of them).
    costs : enforcement costs, each >= 0 ($ billion a year; the map's rows; 1 to 1,000).

    Returns
    -------
    numpy.ndarray
        Integers of shape ``(len(costs), len(leakages))``, each an index into
        :data:`EQUILIBRIUM_KINDS` (0 open, 1 restrictive, 2 several).

    Examples
    --------
    >>> g = LeakageGame(countries=6, pressure=36.0, leakage=0.9, benefit=2.0,
    ...                 crowding=1.0, enforcement_cost=25.0)
    >>> equilibrium_map(g, leakages=[0.2, 0.9], costs=[10.0, 25.0]).tolist()
    [[1, 1], [0, 2]]
    """
    check_instance("game", game, LeakageGame)
    leakages = sequence(SHARE, 1, 1000)("leakages", leakages)
    costs = sequence(NONNEGATIVE, 1, 1000)("costs", costs)
    out = np.empty((len(costs), len(leakages)), dtype=int)
    for i, e in enumerate(costs):
        for j, lam in enumerate(leakages):
            kind = replace(game, leakage=lam, enforcement_cost=e).equilibrium_kind()
            out[i, j] = EQUILIBRIUM_KINDS.index(kind)
    return out


# =====================================================================================
def simulate_flows(restrictions, leakage, pressure=1.0, migrants=100_000, seed=0):
    """Follow individual migrants through the leakage model (a check on the closed forms).

    Each of ``migrants`` simulated migrants tries the countries in a uniformly random
    order; country ``j`` turns him or her away with probability ``restrictions[j]``;
    after a refusal he or she tries the next country with probability ``leakage`` and
    otherwise goes home. Counts are scaled so that they sum to ``pressure``.

    ``restrictions`` lists one share in [0, 1] per country (2 to 200 countries);
    ``migrants`` is a whole number from 1 to 1,000,000, and ``migrants`` times the
    number of countries at most 10,000,000 (the simulation holds arrays of that size);
    ``seed`` is a whole number in [0, 2**32 - 1].

    Returns a dict of arrays (million a year): ``arrivals`` and ``admitted`` per
    country, and the totals ``admitted_first``, ``admitted_diverted``, ``stayed_home``.

    >>> out = simulate_flows([0.0, 0.0, 0.0], leakage=0.5, pressure=3.0, migrants=1000)
    >>> float(out["stayed_home"]), float(out["admitted"].sum())
    (0.0, 3.0)
    """
    r = np.array(sequence(SHARE, 2, MAX_COUNTRIES)("restrictions", restrictions))
    lam = check_share("leakage", leakage, scalar=True)
    pressure = check_positive("pressure", pressure, scalar=True)
    migrants = check_int("migrants", migrants, 1, 1_000_000)
    n = r.size
    if migrants * n > SIMULATION_LIMIT:
        raise ValueError(f"migrants={migrants} with {n} countries is outside the allowed range: "
                         f"migrants times countries must be at most {SIMULATION_LIMIT:,}")
    scale = pressure / migrants
    rng = np.random.default_rng(check_seed("seed", seed))
    order = np.argsort(rng.random((migrants, n)), axis=1)
    active = np.ones(migrants, dtype=bool)
    arrivals = np.zeros(n)
    admitted = np.zeros(n)
    first = 0.0
    for k in range(n):
        where = order[:, k]
        arrivals += np.bincount(where[active], minlength=n)
        refused = rng.random(migrants) < r[where]
        taken = active & ~refused
        admitted += np.bincount(where[taken], minlength=n)
        if k == 0:
            first = float(taken.sum())
        go_on = rng.random(migrants) < lam
        active = active & refused & go_on
    total_admitted = admitted.sum()
    return {
        "arrivals": arrivals * scale,
        "admitted": admitted * scale,
        "admitted_first": np.asarray(first * scale),
        "admitted_diverted": np.asarray((total_admitted - first) * scale),
        "stayed_home": np.asarray((migrants - total_admitted) * scale),
    }
