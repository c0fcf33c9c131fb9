"""Refugee protection as a public good, and why the Convention can unravel.

The model behind chapter 9: a simple model in the spirit of Bubb, Kremer and Levine
(2011), who read the 1951 Refugee Convention and its 1967 Protocol as an agreement
among altruistic host countries to supply a public good. It is a stand-in, not
their model. Sykes (2013, part II.D) names three ways such cooperation breaks down;
this module has one piece for each.

**Protection as a public good.** ``N`` host countries each value every refugee
protected anywhere at ``alpha`` and bear a hosting cost ``k * q**2 / 2`` for the
``q`` refugees they protect themselves. Acting alone a host protects ``alpha / k``
(the Nash level); the receiving countries' joint optimum, which counts the benefit to
all ``N`` hosts, is ``N * alpha / k``. (It is not the efficient level in the sense of
the rest of the book, which would also count the refugees' own gain from safety.) The
Convention's duty of non-refoulement, as the model reads it, means protecting all who
arrive.

**Shocks in refugee flows.** Arrivals at each host are ``b`` in a normal year plus,
with probability ``p``, a surge of exponentially distributed size with mean ``s``.
Under a grim-trigger agreement a host keeps the Convention in a year unless the
one-year saving from turning refugees away, ``k/2 * (load - alpha/k)**2``, exceeds
the discounted value of continued cooperation. That gives a breakdown load; a year in
which any host's load exceeds it ends the Convention. Burden sharing (a share
``beta`` of each host's arrivals pooled and resettled equally) and a cap on each
host's obligation both make a breach less likely. :meth:`RefugeeRegime.simulate`
is a seeded Monte Carlo of the time until breakdown, vectorised over paths.

**Shading on the standard of proof.** :class:`StandardsGame`: hosts choose the
evidence a claimant must show; economic migrants, a share ``omega`` of claimants,
are worth less to hosts than refugees and go where standards are laxest. Tightening
diverts them to other hosts, so standards are strategic complements, ratchet up from
the cooperative level, and end up too strict; a larger ``omega`` makes them stricter.

**Movement and deterrence** (the book's extension). :class:`DeterrenceGame`: the
Convention binds a host only towards refugees who reach it, so a host can shade its
obligation by keeping people from arriving (visas, carrier sanctions, interdiction,
offshore processing) instead of refusing them at the border. A host that keeps away a
share ``xi`` of the refugees heading for it sends a share ``Pi`` of them on to the
other hosts and leaves the rest without protection. Deterrence is a best response
whenever arrivals exceed what a host would protect alone, deterrence choices are
strategic complements, total protection falls, and every host ends up worse off.

**A first-entry rule** (the book's extension). :class:`FirstEntryRule`: geography in
its simplest form. A rule that makes the ``N_F`` frontline hosts, where refugees first
arrive, responsible for them scales each frontline host's load up by
``1 + Theta (N / N_F - 1)`` and each interior host's down by ``1 - Theta``; the
Convention's breakdown condition is then applied to each kind of host. A stronger
rule raises the frontline hosts' breach probability, and a solidarity payment from
interior to frontline hosts while the Convention holds lowers it.

Units: refugees in thousands per host per year; money in million dollars per year,
so ``alpha`` is in million dollars per thousand refugees protected (thousand dollars
per refugee) and ``k`` in million dollars per (thousand refugees) squared.
"""

from __future__ import annotations

import functools
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ._validate import (
    LIMIT,
    NONNEGATIVE,
    POSITIVE,
    SHARE,
    check_callable,
    check_choice,
    check_int,
    check_positive,
    check_range,
    check_seed,
    check_share,
    count,
    instance,
    real,
    replaced,
    validate_fields,
)
from ._validate import out as _out

__all__ = [
    "BreakdownSimulation",
    "CooperationValue",
    "DeterrenceEquilibrium",
    "DeterrenceGame",
    "DeterrenceOutcome",
    "FirstEntryRule",
    "FrontlineValues",
    "ProtectionLevels",
    "RefugeeRegime",
    "StandardsEquilibrium",
    "StandardsGame",
    "equilibrium_standards",
    "protection_levels",
    "text_progress",
]

MAX_HOSTS = 200
MAX_YEARS = 10_000  # simulated years per path
MAX_PATHS = 1_000_000  # simulated paths
MAX_DRAWS_PER_YEAR = 5_000_000  # paths x hosts: each simulated year holds arrays this large
MAX_DRAWS = 2_000_000_000  # years x paths x hosts: about a minute of simulation
MAX_DISCRIMINABILITY = 40.0  # standard deviations: beyond it the two groups never overlap
MAX_SENSITIVITY = 100.0  # exp(sensitivity) must stay far from overflow
_DISCRIMINABILITY = real(0.0, MAX_DISCRIMINABILITY, low_open=True)
_SENSITIVITY = real(0.0, MAX_SENSITIVITY)
QUADRATURE_DRAWS = 20_000  # common random numbers for probabilities without a closed form


# --- the public good ---------------------------------------------------------------
@dataclass(frozen=True)
class ProtectionLevels:
    """Protection with and without cooperation (floats, or arrays for array inputs).

    Attributes
    ----------
    nash : refugees each host protects acting alone, ``alpha / k`` (thousands per year).
    joint : each host's protection at the receiving countries' joint optimum,
        ``N * alpha / k`` (thousands per year): what maximises the hosts' summed welfare.
        It is not the efficient level of the book's other chapters, which would also
        count the refugees' own gain from safety and so be higher still.
    nash_total, joint_total : the same summed over the ``N`` hosts.
    nash_welfare, joint_welfare : each host's welfare when every host protects the
        Nash or the jointly optimal amount ($ million per year).
    """

    nash: float
    joint: float
    nash_total: float
    joint_total: float
    nash_welfare: float
    joint_welfare: float


def host_welfare(protection, hosts, altruism, cost):
    """One host's welfare when every one of the ``hosts`` protects ``protection``.

    ``alpha * N * q - k * q**2 / 2`` ($ million per year); vectorised over ``protection``.

    >>> host_welfare(10.0, 10, 10.0, 1.0)
    950.0
    """
    q = check_positive("protection", protection, allow_zero=True)
    n = check_int("hosts", hosts, 1, MAX_HOSTS)
    a = check_positive("altruism", altruism, allow_zero=True)
    k = check_positive("cost", cost)
    return _out(a * n * np.asarray(q) - k * np.asarray(q) ** 2 / 2)


def protection_levels(hosts, altruism, cost) -> ProtectionLevels:
    """Nash and jointly optimal protection when ``hosts`` countries share the public good.

    Parameters
    ----------
    hosts : number of host countries ``N`` (whole number, 1 to 200).
    altruism : value ``alpha`` to each host of one more refugee protected anywhere
        ($ million per thousand refugees, >= 0); may be an array.
    cost : slope ``k`` of each host's marginal hosting cost ($ million per thousand
        refugees squared, > 0); may be an array.

    Examples
    --------
    >>> lv = protection_levels(10, 10.0, 1.0)
    >>> lv.nash, lv.joint
    (10.0, 100.0)
    """
    n = check_int("hosts", hosts, 1, MAX_HOSTS)
    a = np.asarray(check_positive("altruism", altruism, allow_zero=True), dtype=float)
    k = np.asarray(check_positive("cost", cost), dtype=float)
    nash = a / k
    joint = n * a / k
    w_n = a * n * nash - k * nash**2 / 2
    w_j = a * n * joint - k * joint**2 / 2
    return ProtectionLevels(_out(nash), _out(joint), _out(n * nash), _out(n * joint),
                            _out(w_n), _out(w_j))


# --- shocks and the breakdown of the Convention ------------------------------------
@functools.lru_cache(maxsize=8)
def _standard_draws(hosts: int, draws: int, seed: int):
    """Common random numbers: uniforms (is there a surge?) and unit exponentials (its size)."""
    rng = np.random.default_rng(seed)
    u = rng.random((draws, hosts))
    x = rng.standard_exponential((draws, hosts))
    u.setflags(write=False)
    x.setflags(write=False)
    return u, x


def _expected_min(base, prob, size, level):
    """E[min(a, level)] and E[min(a, level)**2] for a = base + surge (closed forms)."""
    if level <= base:
        return level, level**2
    c = level - base
    tail = math.exp(-c / size)
    m1 = size * (1 - tail)                                  # E[min(X, c)]
    m2 = 2 * size**2 - 2 * size * (c + size) * tail        # E[min(X, c)**2]
    first = base + prob * m1
    second = base**2 + prob * (2 * base * m1 + m2)
    return first, second


@dataclass(frozen=True)
class CooperationValue:
    """Expected yearly payoffs of one host, and what they imply for the trigger strategy.

    Attributes
    ----------
    convention : expected yearly welfare of a host while the Convention holds ($ m).
    nash : expected yearly welfare once it has broken down ($ m).
    stake : ``convention - nash``, what a host loses each year after a breakdown ($ m).
    breakdown_load : the obligation (thousand refugees in a year) above which a host
        prefers to turn refugees away and end the Convention.
    unprotected : expected refugees per host per year that the agreement leaves
        unprotected because of its cap (thousands; 0 without a cap).
    """

    convention: float
    nash: float
    stake: float
    breakdown_load: float
    unprotected: float


@dataclass(frozen=True)
class BreakdownSimulation:
    """Monte Carlo of the time until the Convention breaks down.

    Attributes
    ----------
    breakdown_year : for each path, the year (1, 2, ...) in which a host first turns
        refugees away; ``inf`` if cooperation lasted the whole horizon.
    survival : share of paths still cooperating after ``t`` years, ``t = 0 .. years``.
    years, paths, seed : the horizon, number of paths and the seed (reproducible).
    hazard : breakdowns per year of cooperation observed (the estimated yearly
        probability of a breach).
    breakdown_load : the load that triggers a breach (thousand refugees per year).
    """

    breakdown_year: np.ndarray
    survival: np.ndarray
    years: int
    paths: int
    seed: int
    hazard: float
    breakdown_load: float

    @property
    def share_surviving(self) -> float:
        """Share of paths on which the Convention lasted the whole horizon."""
        return float(self.survival[-1])


def text_progress(every: float = 0.5, after: float = 1.5, stream=None) -> Callable:
    """A progress reporter for :meth:`RefugeeRegime.simulate` that prints one line.

    It stays silent for the first ``after`` seconds (short runs print nothing) and then
    rewrites its line at most every ``every`` seconds (both >= 0). ``stream`` is any
    object with ``write`` and ``flush`` methods (default: standard output).
    """
    every = check_positive("every", every, allow_zero=True, scalar=True)
    after = check_positive("after", after, allow_zero=True, scalar=True)
    if stream is not None and not (callable(getattr(stream, "write", None))
                                   and callable(getattr(stream, "flush", None))):
        raise ValueError(f"stream={stream!r} must have write and flush methods (a file), or be None")
    start = time.perf_counter()
    last = [-math.inf]
    out = stream if stream is not None else sys.stdout

    def report(done: int, total: int, alive: float) -> None:
        now = time.perf_counter() - start
        if done < total and (now < after or now - last[0] < every):
            return
        if done >= total and now < after:
            return
        last[0] = now
        end = "\n" if done >= total else "\r"
        out.write(f"simulated {done}/{total} years; {alive:.1%} of paths still cooperating{end}")
        out.flush()

    return report


@dataclass(frozen=True)
class RefugeeRegime:
    """Host countries, the refugee flows they face, and the terms of their agreement.

    Parameters
    ----------
    hosts : number of host countries ``N`` (2 to 200).
    altruism : each host's value ``alpha`` of one more refugee protected anywhere
        ($ million per thousand refugees, >= 0).
    cost : slope ``k`` of a host's marginal cost of hosting ($ million per thousand
        refugees squared, > 0); hosting ``q`` costs ``k * q**2 / 2``.
    base_arrivals : refugees arriving at each host in a normal year (thousands, >= 0).
    shock_prob : probability ``p`` that a host faces a surge in a year, in [0, 1].
    shock_size : mean size ``s`` of a surge (thousands, > 0); sizes are exponential,
        so a surge twice the mean is rare but possible.
    discount : discount factor ``delta`` in [0, 1): weight on next year's welfare.
    burden_share : share ``beta`` of each host's arrivals pooled and resettled equally
        among all hosts, in [0, 1]; 0 is the open-ended Convention.
    cap : most refugees a host must protect in a year under the agreement (thousands,
        > 0, ``inf`` for no cap). Arrivals above the cap go unprotected.

    Examples
    --------
    >>> r = RefugeeRegime()
    >>> r.nash_protection(), r.joint_protection()
    (10.0, 100.0)
    >>> round(r.cooperation_value().breakdown_load, 2)
    185.95
    >>> r.simulate(years=50, paths=200, seed=1).paths
    200
    """

    hosts: int = 10
    altruism: float = 10.0
    cost: float = 1.0
    base_arrivals: float = 30.0
    shock_prob: float = 0.1
    shock_size: float = 40.0
    discount: float = 0.9
    burden_share: float = 0.0
    cap: float = math.inf

    def __post_init__(self):
        validate_fields(self, hosts=count(2, MAX_HOSTS), altruism=NONNEGATIVE, cost=POSITIVE,
                        base_arrivals=NONNEGATIVE, shock_prob=SHARE, shock_size=POSITIVE,
                        discount=real(0.0, 1.0, high_open=True), burden_share=SHARE,
                        cap=real(0.0, low_open=True, allow_inf=True))

    def replace(self, **changes) -> RefugeeRegime:
        """A copy with some parameters changed (validated again)."""
        return replaced(self, changes)

    # --- levels -----------------------------------------------------------------
    def nash_protection(self) -> float:
        """Refugees a host protects acting alone (thousands per year): ``alpha / k``."""
        return self.altruism / self.cost

    def joint_protection(self) -> float:
        """Protection per host at the hosts' joint optimum (thousands a year): ``N * alpha / k``."""
        return self.hosts * self.altruism / self.cost

    @property
    def mean_arrivals(self) -> float:
        """Expected arrivals per host per year (thousands): ``b + p * s``."""
        return self.base_arrivals + self.shock_prob * self.shock_size

    @property
    def arrivals_variance(self) -> float:
        """Variance of one host's yearly arrivals (thousands squared): ``p s**2 (2 - p)``."""
        p, s = self.shock_prob, self.shock_size
        return p * s**2 * (2 - p)

    @property
    def pooling_factor(self) -> float:
        """Variance of a host's load over the variance of its arrivals, in [1/N, 1].

        With a share ``beta`` pooled, a host's load is ``(1 - beta) a_i + beta * mean(a)``,
        whose variance is ``[(1 - beta + beta/N)**2 + (N - 1)(beta/N)**2]`` times that of
        ``a_i`` (arrivals independent across hosts). It falls as ``beta`` rises.
        """
        b, n = self.burden_share, self.hosts
        return (1 - b + b / n) ** 2 + (n - 1) * (b / n) ** 2

    # --- the trigger strategy ---------------------------------------------------
    def temptation(self, load):
        """A host's one-year gain from turning refugees away when its obligation is ``load``.

        ``k/2 * (min(load, cap) - alpha/k)**2`` above the Nash level, 0 below it
        ($ million); vectorised over ``load`` (thousand refugees).
        """
        x = np.minimum(check_positive("load", load, allow_zero=True), self.cap)
        excess = np.maximum(x - self.nash_protection(), 0.0)
        return _out(self.cost * excess**2 / 2)

    def _obligation_moments(self) -> tuple[float, float, float]:
        """E[obligation], E[obligation**2] and E[unprotected] per host and year."""
        b, p, s, c = self.base_arrivals, self.shock_prob, self.shock_size, self.cap
        mu = self.mean_arrivals
        if math.isinf(c):
            return mu, mu**2 + self.arrivals_variance * self.pooling_factor, 0.0
        if self.burden_share == 0.0:
            m1, m2 = _expected_min(b, p, s, c)
            return m1, m2, mu - m1
        # Exact uncapped moments plus a simulated correction for the cap (a control
        # variate on common random numbers: the correction has the right sign draw by draw).
        load = self._quadrature_loads()
        over = np.maximum(load - c, 0.0)
        lost = float(over.mean())
        second = mu**2 + self.arrivals_variance * self.pooling_factor
        return mu - lost, second - float((load**2 - np.minimum(load, c) ** 2).mean()), lost

    def _quadrature_loads(self) -> np.ndarray:
        u, x = _standard_draws(self.hosts, QUADRATURE_DRAWS, 12345)
        arrivals = self.base_arrivals + self.shock_size * x * (u < self.shock_prob)
        return ((1 - self.burden_share) * arrivals
                + self.burden_share * arrivals.mean(axis=1, keepdims=True))

    def cooperation_value(self) -> CooperationValue:
        """Expected payoffs under the Convention and after it, and the breakdown load.

        The Convention holds in a year while the largest temptation is no more than
        ``delta / (1 - delta)`` times the yearly stake, so the breakdown load is
        ``alpha/k + sqrt(2 * delta * stake / ((1 - delta) * k))`` (just ``alpha/k``
        when the Convention is worth no more than going it alone).
        """
        a, k, n = self.altruism, self.cost, self.hosts
        m1, m2, lost = self._obligation_moments()
        conv = a * n * m1 - k * m2 / 2
        n1, n2 = _expected_min(self.base_arrivals, self.shock_prob, self.shock_size,
                               self.nash_protection())
        nash = a * n * n1 - k * n2 / 2
        stake = conv - nash
        d = self.discount
        margin = math.sqrt(2 * d * stake / ((1 - d) * k)) if stake > 0 else 0.0
        return CooperationValue(conv, nash, stake, self.nash_protection() + margin, lost)

    def breakdown_load(self) -> float:
        """Obligation in a year (thousands) above which a host breaks the Convention.

        It rises with patience (``discount``) and with burden sharing, which raises the
        stake; so the breach probability falls with both. Over the book's range of
        parameters, bigger surges (a larger ``shock_size``) raise the breach probability.
        """
        return self.cooperation_value().breakdown_load

    def breach_probability(self, method: str = "auto") -> float:
        """Probability that the Convention breaks down in a given year.

        Exact without burden sharing (``1 - (1 - P(a_i > load*))**N``); with burden
        sharing, or with ``method="quadrature"``, estimated from a fixed set of 20,000
        simulated years (common random numbers, so the estimate moves smoothly with
        the parameters and is exactly monotone where the model is; probabilities below
        1 in 20,000 show as 0).
        """
        check_choice("method", method, ("auto", "quadrature"))
        star = self.breakdown_load()
        if self.cap <= star:
            return 0.0
        if self.burden_share == 0.0 and method == "auto":
            b, p, s = self.base_arrivals, self.shock_prob, self.shock_size
            one = 1.0 if star < b else p * math.exp(-(star - b) / s)
            return float(-math.expm1(self.hosts * math.log1p(-one))) if one < 1 else 1.0
        load = np.minimum(self._quadrature_loads(), self.cap)
        return float((load.max(axis=1) > star).mean())

    def survival(self, years):
        """Probability that the Convention still holds after ``years`` (vectorised).

        Years are independent, so survival is ``(1 - breach probability)**years``.
        """
        t = check_positive("years", years, allow_zero=True)
        h = self.breach_probability()
        return _out((1.0 - h) ** np.asarray(t, dtype=float))

    def expected_lifetime(self) -> float:
        """Expected years until breakdown, ``1 / breach probability`` (``inf`` if never)."""
        h = self.breach_probability()
        return math.inf if h == 0 else 1.0 / h

    def self_enforcing_cap(self) -> float:
        """The largest cap that no surge can break (thousands per year).

        A cap ``c`` is immune to shocks when ``c`` is no more than the breakdown load the
        capped agreement itself implies; this returns the largest such ``c`` (at most
        1e12, the largest cap the model takes).
        """
        lo = self.nash_protection()
        if lo <= 0:
            return 0.0
        if lo >= LIMIT:  # every cap the model takes is below the Nash level: all are immune
            return LIMIT
        hi = min(max(self.replace(cap=math.inf).breakdown_load(), lo) * 2 + 1, LIMIT)

        def ok(c):
            return c <= self.replace(cap=c).breakdown_load()

        grid = np.linspace(lo, hi, 64)
        good = [c for c in grid if ok(c)]
        if len(good) == len(grid):
            return float(hi)
        best = good[-1]
        nxt = grid[len(good)] if len(good) < len(grid) else hi
        for _ in range(40):
            mid = 0.5 * (best + nxt)
            best, nxt = (mid, nxt) if ok(mid) else (best, mid)
        return float(best)

    def simulate(self, years: int = 100, paths: int = 2000, seed: int = 0,
                 progress: Callable | None = None) -> BreakdownSimulation:
        """Simulate ``paths`` histories of ``years`` and record when each breaks down.

        Vectorised over paths: each step draws a block of years for all paths at once
        (arrays of shape paths x years x hosts), so the only loop is over blocks of
        years. The same ``seed`` gives the same histories. ``progress``, if given, is
        called as ``progress(years_done, years, share_still_cooperating)`` after each
        block (see :func:`text_progress`). With the same seed the arrivals drawn are the
        same, so no history breaks down sooner when hosts are more patient, pool more of
        the burden (without a cap), or cap their obligation at or above the jointly
        optimal protection.

        ``years`` is a whole number from 1 to 10,000 and ``paths`` from 1 to 1,000,000,
        with ``paths * hosts`` at most 5,000,000 (memory: a simulated year holds arrays of
        that size) and ``years * paths * hosts`` at most 2e9 (time: about a minute);
        ``seed`` is a whole number in [0, 2**32 - 1].
        """
        t_max = check_int("years", years, 1, MAX_YEARS)
        n_paths = check_int("paths", paths, 1, MAX_PATHS)
        sd = check_seed("seed", seed)
        check_callable("progress", progress, allow_none=True)
        if n_paths * self.hosts > MAX_DRAWS_PER_YEAR:
            raise ValueError(f"paths={n_paths} with hosts={self.hosts} is outside the allowed "
                             f"range: paths * hosts must be at most {MAX_DRAWS_PER_YEAR:,}")
        if t_max * n_paths * self.hosts > MAX_DRAWS:
            raise ValueError(f"years={t_max} with paths={n_paths} and hosts={self.hosts} is "
                             f"outside the allowed range: years * paths * hosts must be at most "
                             f"{MAX_DRAWS:,}")
        rng = np.random.default_rng(sd)
        star = self.breakdown_load()
        n = self.hosts
        block = int(max(1, min(t_max, 1_000_000 // (n_paths * n) or 1)))
        broken = np.full(n_paths, np.inf)
        alive = np.ones(n_paths, dtype=bool)
        done = 0
        while done < t_max:
            m = min(block, t_max - done)
            u = rng.random((n_paths, m, n))
            x = rng.standard_exponential((n_paths, m, n))
            arrivals = self.base_arrivals + self.shock_size * x * (u < self.shock_prob)
            load = ((1 - self.burden_share) * arrivals
                    + self.burden_share * arrivals.mean(axis=2, keepdims=True))
            breach = (np.minimum(load, self.cap) > star).any(axis=2)       # paths x m
            hit = breach.any(axis=1)
            first = np.argmax(breach, axis=1)
            newly = alive & hit
            broken[newly] = done + first[newly] + 1
            alive &= ~hit
            done += m
            if progress is not None:
                progress(done, t_max, float(alive.mean()))
            if not alive.any():
                if progress is not None and done < t_max:
                    progress(t_max, t_max, 0.0)
                break
        # survival[t] = share of paths with broken > t, without a years x paths matrix
        t = np.arange(t_max + 1)
        survival = (n_paths - np.searchsorted(np.sort(broken), t, side="right")) / n_paths
        exposure = np.minimum(broken, t_max).sum()
        hazard = float(np.isfinite(broken).sum() / exposure) if exposure > 0 else 0.0
        return BreakdownSimulation(broken, survival, t_max, n_paths, sd, hazard, star)


# --- shading on the standard of proof ----------------------------------------------
_SQRT2 = math.sqrt(2.0)


def _erfc(x):
    """Complementary error function for arrays (numpy has none); |error| < 1.2e-7."""
    x = np.asarray(x, dtype=float)
    z = np.abs(x)
    t = 1.0 / (1.0 + 0.5 * z)
    poly = (-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (
        -0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (
            -0.82215223 + t * 0.17087277)))))))))
    r = t * np.exp(poly)
    return np.where(x >= 0, r, 2.0 - r)


def upper_tail(z):
    """P(Z > z) for a standard normal Z (vectorised)."""
    return _upper_tail(check_range("z", z))


def _upper_tail(z):
    return 0.5 * _erfc(np.asarray(z, dtype=float) / _SQRT2)


def equilibrium_standards(economic_share, hosts=10, discriminability=1.5, refugee_value=1.0,
                          migrant_cost=1.0, sensitivity=3.0):
    """Nash and cooperative standards of :class:`StandardsGame`, vectorised over ``economic_share``.

    The symmetric Nash standard solves ``exp(d z - d**2/2) = r * (1 + lambda (1 - 1/N) P(Z > z))``
    with ``r = omega/(1-omega) * C/V`` (bisection, all shares at once); the cooperative
    standard solves the same equation without the diversion term. Returns ``(nash,
    cooperative)``, floats or arrays; ``-inf`` where ``omega = 0``.

    >>> nash, coop = equilibrium_standards([0.3, 0.5])
    >>> bool(nash[1] > nash[0] and nash[0] > coop[0])
    True
    """
    w = np.asarray(check_range("economic_share", economic_share, 0.0, 0.95), dtype=float)
    n = check_int("hosts", hosts, 2, MAX_HOSTS)
    d = _DISCRIMINABILITY("discriminability", discriminability)
    v = check_positive("refugee_value", refugee_value, scalar=True)
    c = check_positive("migrant_cost", migrant_cost, scalar=True)
    lam = _SENSITIVITY("sensitivity", sensitivity)
    none = w == 0
    safe = np.where(none, 1.0, w)
    ratio = safe / (1 - w) * c / v
    with np.errstate(divide="ignore"):  # a tiny share underflows the ratio: take logs apart
        log_ratio = np.where(ratio > 0, np.log(ratio),
                             np.log(safe) - np.log1p(-w) + math.log(c) - math.log(v))
    coop = d / 2 + log_ratio / d
    # exp(d z - d^2/2) - ratio * (1 + k * tail(z)) rises in z; the root lies in
    # [coop, coop + ln(1 + k)/d] because the bracket term is between 1 and 1 + k.
    k = lam * (1 - 1 / n)
    lo = coop.copy()
    hi = coop + math.log1p(k) / d + 1e-12
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        neg = np.exp(d * mid - d * d / 2) < ratio * (1 + k * _upper_tail(mid))
        lo = np.where(neg, mid, lo)
        hi = np.where(neg, hi, mid)
    nash = np.where(none, -np.inf, 0.5 * (lo + hi))
    coop = np.where(none, -np.inf, coop)
    return _out(nash), _out(coop)


@dataclass(frozen=True)
class StandardsEquilibrium:
    """Standards of proof with and without cooperation.

    Attributes
    ----------
    nash : the symmetric equilibrium standard (evidence score a claim must exceed).
    cooperative : the standard that maximises the hosts' joint welfare.
    refugees_protected_nash, refugees_protected_cooperative : share of genuine
        refugees granted status at each standard.
    migrants_admitted_nash, migrants_admitted_cooperative : share of economic migrants
        granted status at each standard.
    """

    nash: float
    cooperative: float
    refugees_protected_nash: float
    refugees_protected_cooperative: float
    migrants_admitted_nash: float
    migrants_admitted_cooperative: float


@dataclass(frozen=True)
class StandardsGame:
    """Hosts choose standards of proof when some claimants are economic migrants.

    Each claimant shows evidence: a score drawn from N(``discriminability``, 1) for a
    genuine refugee and from N(0, 1) for an economic migrant. A host with standard
    ``z`` grants status when the score exceeds ``z``: it protects a share
    ``upper_tail(z - d)`` of refugees and admits a share ``upper_tail(z)`` of migrants
    (a point on its ROC curve). Refugees arrive evenly, one (thousand) per host;
    economic migrants, a share ``omega`` of all claimants, choose among hosts with
    logit weights ``exp(sensitivity * admission chance)``, so they crowd where
    standards are laxest. A host's payoff is
    ``refugee_value * refugees protected - migrant_cost * migrants admitted``.

    Parameters
    ----------
    economic_share : share ``omega`` of claimants who are economic migrants, [0, 0.95].
    hosts : number of host countries (2 to 200).
    discriminability : how far apart the two evidence distributions are (> 0, in
        standard deviations, at most 40: beyond that the two never overlap in floating
        point); a better asylum procedure has a larger value.
    refugee_value : a host's net value of protecting one refugee (> 0): altruism
        toward refugees minus the cost of hosting.
    migrant_cost : a host's net cost of admitting one economic migrant (> 0): the
        cost of hosting minus the (smaller) altruism toward economic migrants.
    sensitivity : how strongly economic migrants steer toward lax hosts (>= 0, at most 100).

    Examples
    --------
    >>> g = StandardsGame(economic_share=0.5)
    >>> eq = g.equilibrium()
    >>> eq.nash > eq.cooperative
    True
    >>> round(g.cooperative_standard(), 4)       # d/2 when the two stakes balance
    0.75
    """

    economic_share: float = 0.3
    hosts: int = 10
    discriminability: float = 1.5
    refugee_value: float = 1.0
    migrant_cost: float = 1.0
    sensitivity: float = 3.0

    def __post_init__(self):
        validate_fields(self, economic_share=real(0.0, 0.95), hosts=count(2, MAX_HOSTS),
                        discriminability=_DISCRIMINABILITY, refugee_value=POSITIVE,
                        migrant_cost=POSITIVE, sensitivity=_SENSITIVITY)

    @property
    def migrants_per_host(self) -> float:
        """Economic migrants per host when all standards are equal: ``omega / (1 - omega)``."""
        return self.economic_share / (1 - self.economic_share)

    @functools.cached_property
    def grid(self) -> np.ndarray:
        """Standards considered when searching for a best response (computed once).

        It spans the cooperative and the Nash standards with four units to spare on each
        side, in 401 steps, before a golden-section refinement.
        """
        zc, zn = self.cooperative_standard(), self.nash_standard()
        if math.isinf(zc):  # no economic migrants: both standards are -inf (admit all)
            lo = min(-3.0, zn - 4.0) if math.isfinite(zn) else -3.0
        else:
            lo = min(zc, zn) - 4.0
        hi = max(self.discriminability + 4.0, zn + 4.0) if math.isinf(zn) else max(zc, zn) + 4.0
        return np.linspace(lo, hi, 401)

    def _payoff(self, z, zo):
        n, lam, d = self.hosts, self.sensitivity, self.discriminability
        f_own, f_oth = _upper_tail(z), _upper_tail(zo)
        w_own = np.exp(lam * f_own)
        share = w_own / (w_own + (n - 1) * np.exp(lam * f_oth))
        migrants = n * self.migrants_per_host * share
        return self.refugee_value * _upper_tail(z - d) - self.migrant_cost * migrants * f_own

    def payoff(self, own, others):
        """A host's payoff with standard ``own`` when every other host uses ``others``.

        Vectorised: ``own`` and ``others`` broadcast against each other.
        """
        z = np.asarray(check_range("own", own), dtype=float)
        zo = np.asarray(check_range("others", others), dtype=float)
        return _out(self._payoff(z, zo))

    def best_response(self, others):
        """The standard that maximises a host's payoff given the others' common standard.

        Grid search over :attr:`grid` refined by golden-section search; vectorised.
        """
        zo = check_range("others", others)
        br = self._best_response(np.atleast_1d(zo))
        return float(br[0]) if np.ndim(zo) == 0 else br

    def _best_response(self, zo):
        """:meth:`best_response` to standards the model computed (unchecked: any size)."""
        zo = np.atleast_1d(np.asarray(zo, dtype=float))
        g = self.grid
        vals = self._payoff(g[None, :], zo[:, None])
        i = np.argmax(vals, axis=1)
        step = g[1] - g[0]
        lo, hi = g[i] - step, g[i] + step
        ratio = (math.sqrt(5) - 1) / 2
        for _ in range(36):
            a = hi - ratio * (hi - lo)
            b = lo + ratio * (hi - lo)
            better = self._payoff(a, zo) >= self._payoff(b, zo)
            hi = np.where(better, b, hi)
            lo = np.where(better, lo, a)
        return (lo + hi) / 2

    def cooperative_standard(self) -> float:
        """The common standard that maximises the hosts' joint payoff.

        Diversion among hosts cancels out of the joint payoff, so the standard is the
        classic likelihood-ratio threshold ``d/2 + ln(omega/(1-omega) * C/V) / d``
        (``-inf``, admit everyone, when there are no economic migrants).
        """
        return float(equilibrium_standards(self.economic_share, self.hosts, self.discriminability,
                                           self.refugee_value, self.migrant_cost,
                                           self.sensitivity)[1])

    def nash_standard(self) -> float:
        """The symmetric Nash equilibrium standard (solves the first-order condition).

        Each host also counts the migrants its strictness pushes onto the others as a
        gain, which the joint payoff does not; so the equilibrium standard is stricter.
        """
        return float(equilibrium_standards(self.economic_share, self.hosts, self.discriminability,
                                           self.refugee_value, self.migrant_cost,
                                           self.sensitivity)[0])

    def equilibrium(self) -> StandardsEquilibrium:
        """Nash and cooperative standards, and whom each lets in."""
        zn, zc = self.nash_standard(), self.cooperative_standard()
        d = self.discriminability
        return StandardsEquilibrium(
            nash=zn, cooperative=zc,
            refugees_protected_nash=float(_upper_tail(zn - d)),
            refugees_protected_cooperative=float(_upper_tail(zc - d)),
            migrants_admitted_nash=float(_upper_tail(zn)),
            migrants_admitted_cooperative=float(_upper_tail(zc)),
        )

    def ratchet(self, start=None, rounds: int = 8) -> np.ndarray:
        """Standards over ``rounds`` of best responses, from ``start`` (default: cooperative).

        Returns ``rounds + 1`` common standards; with strategic complements they rise
        step by step toward the Nash standard.
        """
        r = check_int("rounds", rounds, 0, 1000)
        z = self.cooperative_standard() if start is None else check_range("start", start, scalar=True)
        if math.isinf(z):
            z = float(self.grid[0])
        path = [z]
        for _ in range(r):
            z = float(self._best_response(z)[0])
            path.append(z)
        return np.array(path)

    def shading_gain(self) -> float:
        """One host's one-period gain from shading: best-responding to the cooperative standard."""
        zc = self.cooperative_standard()
        if math.isinf(zc):
            return 0.0
        return float(self._payoff(self._best_response(zc)[0], zc) - self._payoff(zc, zc))

    def cooperation_stake(self) -> float:
        """Each host's per-period loss when standards fall from cooperative to Nash (>= 0)."""
        zc, zn = self.cooperative_standard(), self.nash_standard()
        if math.isinf(zc):
            return 0.0
        return float(self._payoff(zc, zc) - self._payoff(zn, zn))

    def min_detection_probability(self, discount) -> float:
        """The smallest chance of detecting shading that keeps a deal on standards.

        A host that shades gains :meth:`shading_gain` each period until caught (with
        probability ``zeta`` a period), after which standards revert to Nash. The deal
        holds iff ``gain <= zeta * delta / (1 - delta) * stake``; values above 1 mean no
        detection rate is enough.
        """
        d = check_share("discount", discount, open_low=True, open_high=True, scalar=True)
        stake = self.cooperation_stake()
        gain = self.shading_gain()
        if gain <= 0:
            return 0.0
        return math.inf if stake <= 0 else gain * (1 - d) / (d * stake)


# --- movement and deterrence (the book's extension) ----------------------------------
@dataclass(frozen=True)
class DeterrenceOutcome:
    """What one host and the others get when the host keeps away ``own`` and each other
    host ``others`` (floats, or arrays when the arguments are arrays).

    Attributes
    ----------
    own_load : refugees who reach the host, all of whom it protects (thousands a year).
    other_load : refugees who reach each of the other hosts (thousands a year).
    total_protection : refugees protected by all the hosts together (thousands a year).
    unprotected : refugees kept away who reach no host (thousands a year).
    own_welfare, other_welfare : the host's and each other host's welfare ($ million a year).
    """

    own_load: float
    other_load: float
    total_protection: float
    unprotected: float
    own_welfare: float
    other_welfare: float


@dataclass(frozen=True)
class DeterrenceEquilibrium:
    """Deterrence in equilibrium, at the hosts' joint optimum, and under a Convention
    that no host evades (no deterrence).

    Attributes
    ----------
    nash : the share of would-be arrivals each host keeps away in the symmetric Nash
        equilibrium, in [0, 1].
    joint : the share that maximises the hosts' summed welfare, in [0, 1].
    load_nash, load_joint, load_convention : refugees each host protects in each case
        (thousands a year).
    protection_nash, protection_joint, protection_convention : the refugees that all the
        hosts protect together (thousands a year).
    unprotected_nash : refugees kept away in equilibrium who reach no host (thousands).
    welfare_nash, welfare_joint, welfare_convention : each host's welfare ($ million a year).
    """

    nash: float
    joint: float
    load_nash: float
    load_joint: float
    load_convention: float
    protection_nash: float
    protection_joint: float
    protection_convention: float
    unprotected_nash: float
    welfare_nash: float
    welfare_joint: float
    welfare_convention: float


@dataclass(frozen=True)
class DeterrenceGame:
    """Hosts that shade the Convention by keeping refugees from arriving.

    The book's extension of the model of Sykes (2013, part II.D) and Bubb, Kremer and
    Levine (2011). Non-refoulement binds a host towards refugees who reach it; it says
    nothing about measures that stop them reaching it (visas, carrier sanctions,
    interdiction at sea, offshore processing). Each of the ``N`` hosts faces ``a0``
    would-be arrivals a year and protects every refugee who does arrive. Host ``i``
    keeps away a share ``xi_i`` of its would-be arrivals, at a cost
    ``Xi * xi_i**2 / 2``. Of the refugees kept away, a share ``Pi`` moves on and
    reaches the other hosts (spread evenly over them, whatever their own deterrence),
    and the rest reach no host. So host ``i`` protects

        ``L_i = a0 * (1 - xi_i + Pi * mean of xi_j over j != i)``,

    all hosts together protect ``N * a0 - (1 - Pi) * a0 * sum(xi)``, and host ``i``'s
    welfare is ``alpha * sum(L) - k/2 * L_i**2 - Xi/2 * xi_i**2``.

    Closed forms (each clipped to [0, 1]):

    * best response to the others' common share ``y``:
      ``xi = (k a0**2 (1 + Pi y) - alpha (1 - Pi) a0) / (Xi + k a0**2)``, rising in
      ``y`` (deterrence choices are strategic complements), and positive even when the
      others keep no one away (``y = 0``) whenever ``k a0 > alpha (1 - Pi)``: when arrivals
      exceed the level ``alpha / k`` a host would protect alone, deterrence pays;
    * symmetric Nash equilibrium:
      ``xi_N = (k a0**2 - alpha (1 - Pi) a0) / (Xi + k a0**2 (1 - Pi))``;
    * joint optimum of the hosts:
      ``xi_J = (1 - Pi) a0 (k a0 - N alpha) / (Xi + k a0**2 (1 - Pi)**2)``, zero
      whenever arrivals are below the joint optimum ``N alpha / k`` of the public-good model.

    Parameters
    ----------
    hosts : number of host countries ``N`` (2 to 200).
    altruism : each host's value ``alpha`` of one more refugee protected anywhere
        ($ million per thousand refugees, >= 0).
    cost : slope ``k`` of a host's marginal cost of hosting ($ million per thousand
        refugees squared, > 0).
    arrivals : would-be arrivals ``a0`` at each host (thousands a year, > 0).
    redirect : share ``Pi`` of the refugees a host keeps away who reach another host, in [0, 1].
    deterrence_cost : ``Xi``, the cost of keeping all would-be arrivals away is ``Xi / 2``
        ($ million a year, > 0).

    Examples
    --------
    >>> g = DeterrenceGame()
    >>> bool(g.best_response(0.0) > 0)            # deterrence pays when others host
    True
    >>> eq = g.equilibrium()
    >>> bool(eq.protection_nash < eq.protection_convention and eq.joint == 0.0)
    True
    """

    hosts: int = 10
    altruism: float = 10.0
    cost: float = 1.0
    arrivals: float = 34.0
    redirect: float = 0.5
    deterrence_cost: float = 2000.0

    def __post_init__(self):
        validate_fields(self, hosts=count(2, MAX_HOSTS), altruism=NONNEGATIVE, cost=POSITIVE,
                        arrivals=POSITIVE, redirect=SHARE, deterrence_cost=POSITIVE)

    def replace(self, **changes) -> DeterrenceGame:
        """A copy with some parameters changed (validated again)."""
        return replaced(self, changes)

    def outcome(self, own, others) -> DeterrenceOutcome:
        """Loads, protection and welfare when one host keeps away ``own`` and every other
        host ``others`` (shares in [0, 1]; vectorised, the two broadcast together)."""
        x = np.asarray(check_share("own", own), dtype=float)
        y = np.asarray(check_share("others", others), dtype=float)
        n, a0, mu = self.hosts, self.arrivals, self.redirect
        a, k, nu = self.altruism, self.cost, self.deterrence_cost
        own_load = a0 * (1 - x + mu * y)
        other_load = a0 * (1 - y + mu * (x + (n - 2) * y) / (n - 1))
        kept = a0 * (x + (n - 1) * y)
        total = n * a0 - (1 - mu) * kept
        own_w = a * total - k * own_load**2 / 2 - nu * x**2 / 2
        other_w = a * total - k * other_load**2 / 2 - nu * y**2 / 2
        return DeterrenceOutcome(_out(own_load), _out(other_load), _out(total),
                                 _out((1 - mu) * kept), _out(own_w), _out(other_w))

    def best_response(self, others):
        """The share a host keeps away when every other host keeps away ``others``.

        ``(k a0**2 (1 + Pi y) - alpha (1 - Pi) a0) / (Xi + k a0**2)`` clipped to [0, 1];
        vectorised over ``others`` (a share in [0, 1]).
        """
        y = np.asarray(check_share("others", others), dtype=float)
        a0, mu, k = self.arrivals, self.redirect, self.cost
        raw = (k * a0**2 * (1 + mu * y) - self.altruism * (1 - mu) * a0) / (
            self.deterrence_cost + k * a0**2)
        return _out(np.clip(raw, 0.0, 1.0))

    def nash_deterrence(self) -> float:
        """The symmetric Nash equilibrium share kept away (the unique equilibrium: best
        responses have slope ``k a0**2 Pi / (Xi + k a0**2) < 1``)."""
        a0, mu, k = self.arrivals, self.redirect, self.cost
        raw = (k * a0**2 - self.altruism * (1 - mu) * a0) / (
            self.deterrence_cost + k * a0**2 * (1 - mu))
        return float(min(max(raw, 0.0), 1.0))

    def joint_deterrence(self) -> float:
        """The common share kept away that maximises the hosts' summed welfare."""
        a0, mu, k = self.arrivals, self.redirect, self.cost
        raw = (1 - mu) * a0 * (k * a0 - self.hosts * self.altruism) / (
            self.deterrence_cost + k * a0**2 * (1 - mu) ** 2)
        return float(min(max(raw, 0.0), 1.0))

    def equilibrium(self) -> DeterrenceEquilibrium:
        """Deterrence, loads, protection and welfare in equilibrium, at the joint optimum
        and with no deterrence."""
        zn, zj = self.nash_deterrence(), self.joint_deterrence()
        nash, joint, none = (self.outcome(z, z) for z in (zn, zj, 0.0))
        return DeterrenceEquilibrium(
            nash=zn, joint=zj, load_nash=nash.own_load, load_joint=joint.own_load,
            load_convention=none.own_load, protection_nash=nash.total_protection,
            protection_joint=joint.total_protection,
            protection_convention=none.total_protection, unprotected_nash=nash.unprotected,
            welfare_nash=nash.own_welfare, welfare_joint=joint.own_welfare,
            welfare_convention=none.own_welfare)


# --- a first-entry rule (the book's extension) ---------------------------------------
@dataclass(frozen=True)
class FrontlineValues:
    """The Convention's breakdown condition for frontline and interior hosts.

    Attributes
    ----------
    frontline_multiplier, interior_multiplier : each kind of host's load as a multiple of
        the arrivals it would face without the rule.
    frontline_stake, interior_stake : each kind's yearly stake in the Convention,
        including the solidarity payment received or paid ($ million a year).
    frontline_breakdown_load, interior_breakdown_load : the load above which each kind
        of host turns refugees away (thousands a year).
    frontline_breach, interior_breach : the probability that one host of each kind breaks
        the Convention in a given year.
    breach_probability : the probability that some host breaks it in a given year.
    """

    frontline_multiplier: float
    interior_multiplier: float
    frontline_stake: float
    interior_stake: float
    frontline_breakdown_load: float
    interior_breakdown_load: float
    frontline_breach: float
    interior_breach: float
    breach_probability: float


@dataclass(frozen=True)
class FirstEntryRule:
    """A Convention whose frontline hosts are responsible for the refugees who enter there.

    The book's extension, a stylised Dublin rule. Of the ``N`` hosts of ``regime``,
    ``N_F`` are frontline hosts, where refugees first arrive. Without a rule refugees
    spread evenly and every host faces the arrivals of :class:`RefugeeRegime`. A rule of
    strength ``Theta`` in [0, 1] (the share of refugees held to, or sent back to, the
    country of first entry) multiplies each frontline host's load by
    ``m_F = 1 + Theta (N / N_F - 1)`` and each interior host's by ``m_I = 1 - Theta``;
    surges scale with them, draws stay independent across hosts, and the total expected
    load is unchanged. A solidarity payment ``Gamma`` per frontline host and year, paid by
    the interior hosts in equal parts while the Convention holds (at the start of each
    year), raises each frontline host's stake by ``Gamma`` and lowers each interior host's by
    ``Gamma N_F / (N - N_F)``.

    Each kind of host keeps the Convention while ``k/2 (L - alpha/k)**2`` is at most
    ``delta / (1 - delta)`` times its own stake: its expected welfare under the Convention
    (``alpha N E[a] - k/2 m**2 E[a**2]`` plus or minus the payment) less its welfare after a
    collapse, when each host protects ``min(m a, alpha/k)`` of its own load. A host of
    kind ``m`` with breakdown load ``L*`` breaks the Convention in a year with probability
    ``p exp(-(L*/m - b)/s)`` (1 if ``L*/m < b``, 0 if ``m = 0``), and the yearly breach
    probability is ``1 - (1 - h_F)**N_F (1 - h_I)**(N - N_F)``. With ``Theta = 0`` and
    ``Gamma = 0`` this is :meth:`RefugeeRegime.breach_probability`.

    Where a normal year's arrivals are at least twice what a host would protect alone
    (``b >= 2 alpha / k``; three times in chapter 9), a stronger rule raises the frontline
    hosts' breach probability and lowers the interior hosts' (checked numerically in the
    tests, not proved). Closer to the Nash level a rule can instead raise the frontline's
    stake: after a collapse the interior hosts, holding fewer refugees, protect fewer.
    A larger payment ``Gamma`` always lowers the frontline hosts' breach probability and
    raises the interior hosts'.

    Parameters
    ----------
    regime : the hosts and refugee flows, a :class:`RefugeeRegime` without pooling
        (``burden_share`` 0) and without a cap.
    frontline : number of frontline hosts ``N_F``, 1 to ``N - 1``.
    entry_rule : strength ``Theta`` of the first-entry rule, in [0, 1].
    solidarity : payment ``Gamma`` to each frontline host while the Convention holds
        ($ million a year, >= 0).

    Examples
    --------
    >>> base = FirstEntryRule(entry_rule=0.0)
    >>> bool(base.breach_probability() == RefugeeRegime().breach_probability())
    True
    >>> v = FirstEntryRule(entry_rule=0.1).values()
    >>> bool(v.frontline_breach > v.interior_breach)
    True
    """

    regime: RefugeeRegime = RefugeeRegime()
    frontline: int = 3
    entry_rule: float = 0.0
    solidarity: float = 0.0

    def __post_init__(self):
        validate_fields(self, regime=instance(RefugeeRegime),
                        frontline=lambda obj: count(1, obj.regime.hosts - 1),
                        entry_rule=SHARE, solidarity=NONNEGATIVE)
        if self.regime.burden_share != 0.0 or not math.isinf(self.regime.cap):
            raise ValueError(
                f"regime={self.regime!r} must have burden_share 0 and no cap: the first-entry "
                f"rule replaces pooling, and its breach probability has a closed form only "
                f"without them")

    def replace(self, **changes) -> FirstEntryRule:
        """A copy with some parameters changed (validated again)."""
        return replaced(self, changes)

    @property
    def multipliers(self) -> tuple[float, float]:
        """``(m_F, m_I)``: frontline and interior loads as multiples of a host's arrivals."""
        n, nf, z = self.regime.hosts, self.frontline, self.entry_rule
        return 1 + z * (n / nf - 1), 1 - z

    def _nash_moments(self, m: float) -> tuple[float, float]:
        """E[min(m a, alpha/k)] and E[min(m a, alpha/k)**2] for a host of multiplier ``m``."""
        r = self.regime
        if m <= 0:
            return 0.0, 0.0
        m1, m2 = _expected_min(r.base_arrivals, r.shock_prob, r.shock_size,
                               r.nash_protection() / m)
        return m * m1, m * m * m2

    def _breach(self, m: float, star: float) -> float:
        r = self.regime
        if m <= 0:
            return 0.0
        excess = star / m - r.base_arrivals
        return 1.0 if excess < 0 else float(r.shock_prob * math.exp(-excess / r.shock_size))

    def values(self) -> FrontlineValues:
        """Stakes, breakdown loads and breach probabilities of both kinds of host."""
        r = self.regime
        n, nf = r.hosts, self.frontline
        a, k, d = r.altruism, r.cost, r.discount
        mf, mi = self.multipliers
        second = r.mean_arrivals**2 + r.arrivals_variance        # E[a**2]
        f1, f2 = self._nash_moments(mf)
        i1, i2 = self._nash_moments(mi)
        nash_total = nf * f1 + (n - nf) * i1                    # protected after a collapse
        paid = self.solidarity * nf / (n - nf)
        stakes, stars, breaches = [], [], []
        for m, own2, transfer in ((mf, f2, self.solidarity), (mi, i2, -paid)):
            convention = a * n * r.mean_arrivals - k * m * m * second / 2 + transfer
            stake = convention - (a * nash_total - k * own2 / 2)
            margin = math.sqrt(2 * d * stake / ((1 - d) * k)) if stake > 0 else 0.0
            star = r.nash_protection() + margin
            stakes.append(stake)
            stars.append(star)
            breaches.append(self._breach(m, star))
        hf, hi = breaches
        keep = (nf * math.log1p(-hf) if hf < 1 else -math.inf) + (
            (n - nf) * math.log1p(-hi) if hi < 1 else -math.inf)
        total = 1.0 if keep == -math.inf else float(-math.expm1(keep))
        return FrontlineValues(mf, mi, stakes[0], stakes[1], stars[0], stars[1], hf, hi, total)

    def breach_probability(self) -> float:
        """Probability that some host breaks the Convention in a given year."""
        return self.values().breach_probability

    def survival(self, years):
        """Probability that the Convention still holds after ``years`` (vectorised)."""
        t = check_positive("years", years, allow_zero=True)
        return _out((1.0 - self.breach_probability()) ** np.asarray(t, dtype=float))

    def expected_lifetime(self) -> float:
        """Expected years until breakdown, ``1 / breach probability`` (``inf`` if never)."""
        h = self.breach_probability()
        return math.inf if h == 0 else 1.0 / h
