"""When is temporary migration easier to agree on than permanent migration?

The model behind chapter 7. A receiving country R and a sending country S consider
an arrangement that keeps ``m`` of S's workers employed in R at any moment (a
stock of visas, millions). Production, wages and who gains are those of the
two-country economy of chapter 5 (:class:`migcoop.two_country.TwoCountryEconomy`);
this module adds what differs between a permanent and a temporary arrangement.

**Ties home.** Every migrant arrives with ties to S: family at home, a plan to
return, a vote. While abroad he cuts them (his family joins him, he settles) at
rate ``phi`` a year. Every migrant, settled or not, goes home of his own accord at
rate ``nu`` a year (the voluntary return rate), and under a temporary arrangement
also when his visa ends, at rate ``gamma`` a year (a visa of ``1 / gamma`` years on
average); whoever goes home is replaced by a newcomer with ties. In the steady state
the share of migrants who still have ties is

    theta = (gamma + nu) / (gamma + nu + phi),

``nu / (nu + phi)`` under a permanent arrangement (``gamma = 0``: zero when nobody
ever goes home) and close to one for seasonal work.

**What S counts.** Migrants with ties send home a share ``rho`` of their earnings
``E = w_R m`` (chapter 5's remittance share), settled migrants a share ``rho_s``;
S's government also counts, with weight ``beta``, what its migrants with ties keep
after remitting (they are still its citizens and will come back); settled migrants'
own gain counts for nothing. The migrants' gain before remittances is ``G_M`` (all
from the two-country economy), so those with ties keep ``theta (G_M - rho E)`` and S
values the arrangement at

    V_S = Delta_L + (rho theta + rho_s (1 - theta)) E + beta theta (G_M - rho E) - K,

where ``Delta_L < 0`` is the loss of those left behind without remittances and
``K`` what S spends screening. With ``rho_bar = (1 - beta) rho + beta G_M / E``, what
a migrant with ties is worth to S per dollar he earns, this is

    V_S = Delta_L - K + rho_s E + theta E (rho_bar - rho_s),

so S's valuation rises with the share with ties exactly when a migrant with ties is
worth more to it than a settled one (``rho_bar > rho_s``). Compared with a permanent
arrangement, a temporary one at ``gamma`` is worth ``E (theta_T - theta_P)
(rho_bar - rho_s)`` more to S: the ranking turns on ``rho_s`` against ``rho_bar``,
whatever the voluntary return rate, which only sets the size of the gap. Whether S
gains from a permanent arrangement at all is a threshold in ``(rho_s, nu)``:
``rho_s >= (l - theta_P rho_bar) / (1 - theta_P)`` with ``l = (-Delta_L + K) / E``.

**Costs to R.** R's natives gain the immigration surplus ``A(m)``, but each migrant
also costs R's public purse ``e`` a year: those who cannot hold a job cost the
welfare state ``h`` each, and settled migrants bring families who use schools and
clinics at a net cost ``c_f`` each. A screen for employment (a job offer required
before a visa) passes those who will work with probability ``t`` and those who
will not with probability ``f``; with a share ``u`` of would-be non-workers among
applicants the share employed among those admitted is
:func:`migcoop.screening.good_share_admitted` ``(u, t, f)`` ``= q``. Every
replacement costs R's employers ``c_r`` to recruit and train (the rotation cost),
and ``gamma + nu`` of the migrants are replaced each year, so

    e = (1 - q) h + (1 - theta) c_f,     Delta_R = A(m) - e m - c_r (gamma + nu) m.

Faster rotation saves family costs but multiplies rotation costs, so R's best
total return rate is interior: ``gamma + nu = sqrt(phi c_f / c_r) - phi`` (a stay of
one over that), longer the dearer each replacement. When one side still loses, a
transfer from S to R (issue linkage) can close the gap:
:meth:`TemporaryMigration.linkage` returns the :class:`migcoop.repeated.OneWayDeal`
whose threshold says how patient both must be.

This is a simple model in the spirit of Sykes (2013, part II.B), who argues that
temporary migrants keep sending money home, remain citizens and return, so that
the sending country is more likely to gain, and that employment-based programmes
keep welfare migration out. The settled migrants' remittances, voluntary return and
rotation cost are the book's additions; with all three at zero (the defaults) the
model is the book's first edition's, except that S now counts what its migrants with
ties keep after their own remittances, ``theta (G_M - rho E)``: the first edition wrote
``theta (G_M - rho theta E)``, which counted part of each remitted dollar twice when
``beta > 0``.
It is not a model from the literature.

Units: migrants in millions, wages and costs per migrant in thousand dollars a
year (the rotation cost in thousand dollars per replacement), gains in billion
dollars a year, rates per year.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._validate import (
    NONNEGATIVE,
    POSITIVE,
    SHARE,
    check_positive,
    check_share,
    instance,
    real,
    replaced,
    validate_fields,
)
from ._validate import out as _out
from ._validate import out_bool as _bool
from .repeated import OneWayDeal
from .screening import good_share_admitted, pass_rate
from .two_country import TwoCountryEconomy

__all__ = [
    "TemporaryMigration",
    "TemporaryOutcome",
    "ties_share",
]


def ties_share(return_rate, settle_rate, voluntary_return_rate=0.0):
    """Share of migrants abroad who still have ties home in the steady state.

    ``(gamma + nu) / (gamma + nu + phi)``: ``return_rate`` gamma, the programme's
    (per year, >= 0; 0 is permanent migration), and ``voluntary_return_rate`` nu, the
    rate at which migrants go home of their own accord (per year, >= 0), against
    ``settle_rate`` phi, the rate at which they cut their ties (per year, > 0).
    Vectorised in the two return rates.

    >>> ties_share(0.0, 0.2), ties_share(0.2, 0.2), round(ties_share(1.8, 0.2), 6)
    (0.0, 0.5, 0.9)
    >>> ties_share(0.0, 0.2, voluntary_return_rate=0.2)   # permanent, but some go home
    0.5
    """
    gamma = np.asarray(check_positive("return_rate", return_rate, allow_zero=True), float)
    phi = np.asarray(check_positive("settle_rate", settle_rate), float)
    nu = np.asarray(check_positive("voluntary_return_rate", voluntary_return_rate,
                                   allow_zero=True), float)
    total = gamma + nu
    return _out(total / (total + phi))


def _rate_for_ties(theta, settle_rate):
    """The total return rate ``phi theta / (1 - theta)`` that keeps a share ``theta`` with ties."""
    if theta <= 0:
        return 0.0
    if theta >= 1:
        return math.inf
    return settle_rate * theta / (1 - theta)


@dataclass(frozen=True)
class TemporaryOutcome:
    """Each side's stake in an arrangement, in the steady state (arrays broadcast).

    Attributes
    ----------
    return_rate : gamma, the programme's return rate (0 = permanent).
    remittance_share : rho, share of earnings a migrant with ties sends home.
    expected_stay : average stay ``1 / (gamma + nu)`` years (``inf`` if nobody goes home).
    ties_share : theta, share of migrants abroad who still have ties home.
    employed_share : q, share of admitted migrants who hold a job.
    external_cost : e, the cost of one migrant to R's public purse (thousand $ a year).
    turnover_cost : what R's employers spend recruiting and training replacements,
        ``c_r (gamma + nu) m`` ($ bn a year).
    immigration_surplus : A(m), R's natives' gain from the migrants' work ($ bn a year).
    receiving_gain : Delta_R = A(m) - e m - turnover: R's valuation of the arrangement ($ bn).
    left_behind_loss : -Delta_L, what those left behind lose without remittances ($ bn, >= 0).
    remittances : money sent home by migrants with ties and settled ones,
        ``(rho theta + rho_s (1 - theta)) E`` ($ bn).
    migrant_gain : what all the migrants gain after remittances ($ bn).
    citizen_value : ``beta theta (G_M - rho E)``: the part of the gain of migrants with
        ties, after their remittances, that S's government counts ($ bn).
    screening_cost : what S spends screening applicants, if it screens ($ bn).
    sending_gain : Delta_S, S's government's valuation ($ bn).
    world_gain : change in world output less the external, turnover and screening
        costs ($ bn).
    acceptable_to_receiver, acceptable_to_sender, acceptable : each side (both) gains.
    """

    return_rate: float
    remittance_share: float
    expected_stay: float
    ties_share: float
    employed_share: float
    external_cost: float
    turnover_cost: float
    immigration_surplus: float
    receiving_gain: float
    left_behind_loss: float
    remittances: float
    migrant_gain: float
    citizen_value: float
    screening_cost: float
    sending_gain: float
    world_gain: float
    acceptable_to_receiver: bool
    acceptable_to_sender: bool
    acceptable: bool


@dataclass(frozen=True)
class TemporaryMigration:
    """A permanent or temporary arrangement that keeps ``migrants`` of S's workers in R.

    Parameters
    ----------
    economy : the two-country economy (:class:`~migcoop.two_country.TwoCountryEconomy`);
        its own ``remittance_share`` and ``emigration_tax`` must be 0, since this model
        sets remittances itself.
    migrants : m, S's workers employed in R at any moment (millions, 0 <= m < L_S).
    settle_rate : phi, rate at which a migrant abroad cuts his ties home (per year, > 0).
    citizen_weight : beta, weight S's government puts on what its migrants with ties
        keep after remitting, in [0, 1].
    welfare_share : u, share of applicants who would not hold a job in R, in [0, 1).
    welfare_cost : h, net public cost of a migrant without a job (thousand $ a year, >= 0).
    family_cost : c_f, net public cost of the family a settled migrant brings
        (thousand $ a year, >= 0).
    screen_tpr, screen_fpr : the employment screen: chance that an applicant who will
        work (who will not) gets a visa. No screen: both 1. ``screen_tpr`` in (0, 1],
        ``screen_fpr`` in [0, 1].
    sender_screening_cost : cost to S per applicant screened, when S runs the screen
        (thousand $, >= 0; 0 when R's employers check job offers).
    worker_weight : weight R's government puts on its native workers' income relative to
        capital income (>= 0; 1 is national income).
    settled_remittance_share : rho_s, share of earnings a settled migrant (one who has
        cut his ties) still sends home, in [0, 1]. 0 (the default) is the first
        edition's assumption.
    voluntary_return_rate : nu, rate at which migrants go home of their own accord,
        under either arrangement (per year, >= 0; 0, the default, is the first edition's
        assumption that nobody leaves before his visa ends).
    rotation_cost : c_r, what R's employers spend to recruit and train each replacement
        worker (thousand $ per replacement, >= 0; 0 by default).

    Examples
    --------
    >>> from migcoop.calibrations import two_country_economy    # chapter 5's economy
    >>> model = TemporaryMigration(two_country_economy())
    >>> permanent = model.outcome(return_rate=0.0, remittance_share=0.1)
    >>> permanent.acceptable_to_sender        # the one-way problem, when settled migrants send nothing
    False
    >>> seasonal = model.outcome(return_rate=1.0, remittance_share=0.1)
    >>> seasonal.acceptable_to_sender
    True
    >>> screened = model.with_screen(0.95, 0.2).outcome(1.0, 0.1)
    >>> seasonal.acceptable_to_receiver, screened.acceptable_to_receiver
    (False, True)
    >>> remitting = model.replace(settled_remittance_share=0.05)
    >>> remitting.permanent(0.1).acceptable_to_sender   # settled migrants who still remit
    True
    """

    economy: TwoCountryEconomy
    migrants: float = 10.0
    settle_rate: float = 0.2
    citizen_weight: float = 0.0
    welfare_share: float = 0.1
    welfare_cost: float = 2.0
    family_cost: float = 0.3
    screen_tpr: float = 1.0
    screen_fpr: float = 1.0
    sender_screening_cost: float = 0.0
    worker_weight: float = 1.0
    settled_remittance_share: float = 0.0
    voluntary_return_rate: float = 0.0
    rotation_cost: float = 0.0

    def __post_init__(self):
        validate_fields(self, economy=instance(TwoCountryEconomy),
                        migrants=lambda t: real(0.0, t.economy.sending_labor, high_open=True),
                        settle_rate=POSITIVE, citizen_weight=SHARE,
                        welfare_share=real(0.0, 1.0, high_open=True), welfare_cost=NONNEGATIVE,
                        family_cost=NONNEGATIVE, screen_tpr=real(0.0, 1.0, low_open=True),
                        screen_fpr=SHARE, sender_screening_cost=NONNEGATIVE,
                        worker_weight=NONNEGATIVE, settled_remittance_share=SHARE,
                        voluntary_return_rate=NONNEGATIVE, rotation_cost=NONNEGATIVE)
        if self.economy.remittance_share != 0 or self.economy.emigration_tax != 0:
            raise ValueError(
                f"economy.remittance_share={self.economy.remittance_share!r} and "
                f"economy.emigration_tax={self.economy.emigration_tax!r} must both be 0 "
                "(this model sets remittances through ties and remittance_share)"
            )

    def replace(self, **changes) -> TemporaryMigration:
        """A copy with some parameters changed (validated again)."""
        return replaced(self, changes)

    def with_screen(self, tpr: float, fpr: float) -> TemporaryMigration:
        """The same arrangement with an employment screen of rates ``tpr`` and ``fpr``."""
        return self.replace(screen_tpr=tpr, screen_fpr=fpr)

    # --- the pieces ------------------------------------------------------------
    @property
    def employed_share(self) -> float:
        """q, the share of admitted migrants who hold a job."""
        return float(good_share_admitted(self.welfare_share, self.screen_tpr, self.screen_fpr))

    def _stakes(self):
        """Two-country quantities at ``migrants`` without remittances ($ bn a year)."""
        g = self.economy.gains(self.migrants)
        o = self.economy.outcome(self.migrants)
        surplus = g.receiving_capital + self.worker_weight * g.receiving_workers
        return surplus, -g.left_behind, o.migrant_earnings, g.migrant_workers, g.world

    def _screening(self) -> float:
        """K, what S spends screening applicants ($ bn a year)."""
        if self.sender_screening_cost > 0 and self.migrants > 0:
            return self.sender_screening_cost * self.migrants / float(
                pass_rate(self.welfare_share, self.screen_tpr, self.screen_fpr))
        return 0.0

    def ties(self, return_rate):
        """theta at the programme's ``return_rate`` (and this model's voluntary return); vectorised."""
        return ties_share(return_rate, self.settle_rate, self.voluntary_return_rate)

    def external_cost(self, return_rate):
        """e, R's public cost per migrant (thousand $ a year) at ``return_rate``; vectorised."""
        tau = self.ties(return_rate)
        return _out((1 - self.employed_share) * self.welfare_cost
                    + (1 - np.asarray(tau)) * self.family_cost)

    def tied_value_share(self, remittance_share) -> float:
        """rho_bar = (1 - beta) rho + beta G_M / E: a migrant with ties' worth to S per dollar earned.

        What S's government counts, per dollar a migrant with ties earns: his remittances
        at full weight and, at weight ``beta``, what he keeps of his gain. It is also the
        settled migrants' remittance share at which S is indifferent between permanent
        and temporary migration (:meth:`permanent_gap`). ``remittance_share``: rho, in [0, 1].
        """
        r = check_share("remittance_share", remittance_share, scalar=True)
        _, _, earnings, gross, _ = self._stakes()
        b = self.citizen_weight
        if earnings <= 0:
            return (1 - b) * r
        return (1 - b) * r + b * gross / earnings

    # --- the arrangement -----------------------------------------------------------
    def outcome(self, return_rate, remittance_share) -> TemporaryOutcome:
        """Both sides' stakes at ``return_rate`` gamma (the programme's, per year, >= 0; 0 is
        permanent) and ``remittance_share`` rho (share of earnings a migrant with ties sends
        home, in [0, 1]).

        The two arguments broadcast, so a grid of both gives the acceptability map.
        """
        gamma = np.asarray(check_positive("return_rate", return_rate, allow_zero=True), float)
        r = np.asarray(check_share("remittance_share", remittance_share), float)
        gamma, r = np.broadcast_arrays(gamma, r)
        tau = np.asarray(self.ties(gamma))
        surplus, loss, earnings, gross_gain, world = self._stakes()
        m = self.migrants
        total_rate = gamma + self.voluntary_return_rate
        e = np.asarray(self.external_cost(gamma))
        turnover = self.rotation_cost * total_rate * m
        r_gain = surplus - e * m - turnover
        tied_remit = r * tau * earnings
        settled_remit = self.settled_remittance_share * (1 - tau) * earnings
        remit = tied_remit + settled_remit
        migrant = gross_gain - remit
        citizens = self.citizen_weight * tau * (gross_gain - r * earnings)
        screening = self._screening()
        s_gain = -loss + remit + citizens - screening
        w_gain = world - e * m - turnover - screening
        with np.errstate(divide="ignore", over="ignore"):
            stay = np.where(total_rate > 0, 1.0 / np.where(total_rate > 0, total_rate, 1.0),
                            math.inf)
        ok_r, ok_s = r_gain >= 0, s_gain >= 0
        full = np.ones_like(gamma)
        return TemporaryOutcome(
            return_rate=_out(gamma), remittance_share=_out(r), expected_stay=_out(stay),
            ties_share=_out(tau), employed_share=_out(self.employed_share * full),
            external_cost=_out(e), turnover_cost=_out(turnover * full),
            immigration_surplus=_out(surplus * full), receiving_gain=_out(r_gain),
            left_behind_loss=_out(loss * full), remittances=_out(remit),
            migrant_gain=_out(migrant), citizen_value=_out(citizens),
            screening_cost=_out(screening * full), sending_gain=_out(s_gain),
            world_gain=_out(w_gain), acceptable_to_receiver=_bool(ok_r),
            acceptable_to_sender=_bool(ok_s), acceptable=_bool(ok_r & ok_s),
        )

    def permanent(self, remittance_share) -> TemporaryOutcome:
        """The same arrangement with no programme return (``return_rate = 0``)."""
        return self.outcome(0.0, remittance_share)

    # --- permanent against temporary, for the sender ----------------------------------
    def permanent_gap(self, return_rate, remittance_share):
        """What S gains from a temporary arrangement at ``return_rate`` over a permanent one.

        ``E (theta(gamma) - theta(0)) (rho_bar - rho_s)`` ($ bn a year; negative when
        permanent migration suits S better): positive exactly when a migrant with ties
        is worth more to S than a settled one, whatever the voluntary return rate, which
        only scales the gap. Vectorised in ``return_rate``.
        """
        gamma = np.asarray(check_positive("return_rate", return_rate, allow_zero=True), float)
        rho_bar = self.tied_value_share(remittance_share)
        earnings = self._stakes()[2]
        gap = earnings * (np.asarray(self.ties(gamma)) - float(self.ties(0.0))) * (
            rho_bar - self.settled_remittance_share)
        return _out(gap)

    def permanent_min_settled_share(self, remittance_share, voluntary_return_rate=None):
        """The least settled migrants' remittance share at which S gains from permanent migration.

        With ``theta_P = nu / (nu + phi)`` and ``l = (-Delta_L + K) / E``, S gains from a
        permanent arrangement when ``rho_s (1 - theta_P) + theta_P rho_bar >= l``, so the
        boundary is ``rho_s* = (l - theta_P rho_bar) / (1 - theta_P)``: 0 when S gains even
        if settled migrants send nothing; above 1 when no share is enough (``inf`` with
        no earnings). ``remittance_share``: rho of migrants with ties, in [0, 1];
        ``voluntary_return_rate``: nu (per year, >= 0; default this model's); vectorised in it.
        """
        rho_bar = self.tied_value_share(remittance_share)
        nu = (self.voluntary_return_rate if voluntary_return_rate is None else
              check_positive("voluntary_return_rate", voluntary_return_rate, allow_zero=True))
        nu = np.asarray(nu, float)
        _, loss, earnings, _, _ = self._stakes()
        if earnings <= 0:
            return _out(np.where(loss + self._screening() > 0, math.inf, 0.0) + 0 * nu)
        need = (loss + self._screening()) / earnings
        theta = nu / (nu + self.settle_rate)
        return _out(np.maximum((need - theta * rho_bar) / (1 - theta), 0.0))

    # --- the boundaries of the acceptable region -------------------------------------
    def _receiver_total_rates(self):
        """(lowest, highest) total return rate ``gamma + nu`` at which R gains, or None.

        R's gain per migrant is ``s - phi c_f / (x + phi) - c_r x`` with ``x = gamma + nu``
        and ``s = A/m - (1 - q) h``; it is concave in x, so R gains on an interval.
        """
        surplus = self._stakes()[0]
        m = self.migrants
        if m == 0:
            return 0.0, math.inf
        s = surplus / m - (1 - self.employed_share) * self.welfare_cost
        phi, cf, cr = self.settle_rate, self.family_cost, self.rotation_cost
        if cr == 0:
            if s >= cf:
                return 0.0, math.inf
            if s <= 0:
                return None
            return phi * (cf - s) / s, math.inf
        # c_r x**2 - (s - c_r phi) x - phi (s - c_f) <= 0 on [0, inf)
        b, c = -(s - cr * phi), -phi * (s - cf)
        disc = b * b - 4 * cr * c
        if disc < 0:
            return None
        root = math.sqrt(disc)
        q = -0.5 * (b - root) if b < 0 else -0.5 * (b + root)  # the stable pair q/a, c/q
        roots = sorted([q / cr, c / q if q != 0 else 0.0])
        lo, hi = roots
        if hi < 0:
            return None
        return max(lo, 0.0), hi

    def receiver_return_window(self):
        """``(least, greatest)`` programme return rate at which R gains, or ``None`` if none.

        Without a rotation cost the greatest is ``inf`` (R gains ever more from faster
        rotation); with one, too fast a rotation costs more in recruiting and training
        than it saves in family costs, so R gains only on a window. Rates are the
        programme's gamma, the voluntary return nu already counted (per year).
        """
        window = self._receiver_total_rates()
        nu = self.voluntary_return_rate
        if window is None or window[1] < nu:
            return None
        lo, hi = window
        return max(lo - nu, 0.0), hi - nu

    def receiver_min_ties(self) -> float:
        """The least share of migrants with ties (theta) at which R gains (0 if always, ``inf`` if never).

        With a rotation cost R gains only up to a greatest share as well
        (:meth:`receiver_return_window`); this is the lower end.
        """
        window = self._receiver_total_rates()
        if window is None:
            return math.inf
        lo = window[0]
        return 0.0 if lo <= 0 else lo / (lo + self.settle_rate)

    def receiver_min_return_rate(self) -> float:
        """The least programme return rate at which R gains.

        Without a rotation cost, ``phi theta* / (1 - theta*) - nu`` with theta* from
        :meth:`receiver_min_ties`. 0 when R gains even from permanent migration; ``inf``
        when no return rate is enough (the external cost of migrants without jobs alone
        exceeds the surplus, or rotation costs too much).
        """
        window = self.receiver_return_window()
        return math.inf if window is None else window[0]

    def receiver_best_return_rate(self) -> float:
        """R's best programme return rate: ``max(sqrt(phi c_f / c_r) - phi - nu, 0)`` (per year).

        Faster rotation saves the family costs of settled migrants and costs ``c_r`` per
        replacement; the first-order condition ``phi c_f / (gamma + nu + phi)**2 = c_r``
        balances the two. ``inf`` without a rotation cost (when families cost anything:
        R then gains from ever faster rotation), 0 when R would rather nobody were sent home.
        """
        phi, cf, cr = self.settle_rate, self.family_cost, self.rotation_cost
        if cr == 0:
            return math.inf if cf > 0 else 0.0
        return max(math.sqrt(phi * cf / cr) - phi - self.voluntary_return_rate, 0.0)

    def joint_best_return_rate(self, remittance_share) -> float:
        """The programme return rate that maximises R's and S's gains together (per year).

        S values ties too, at ``E (rho_bar - rho_s)`` per unit of theta, so the pair's
        first-order condition is ``phi (c_f + E (rho_bar - rho_s) / m) / (x + phi)**2 = c_r``
        with ``x = gamma + nu``: ``max(sqrt(phi w / c_r) - phi - nu, 0)`` with
        ``w = c_f + E (rho_bar - rho_s) / m`` (0 when ``w <= 0``; ``inf`` without a
        rotation cost when ``w > 0``). ``remittance_share``: rho, in [0, 1].
        """
        rho_bar = self.tied_value_share(remittance_share)
        earnings = self._stakes()[2]
        m = self.migrants
        w = self.family_cost + (earnings * (rho_bar - self.settled_remittance_share) / m
                                if m > 0 else 0.0)
        if w <= 0:
            return 0.0
        if self.rotation_cost == 0:
            return math.inf
        return max(math.sqrt(self.settle_rate * w / self.rotation_cost) - self.settle_rate
                   - self.voluntary_return_rate, 0.0)

    def sender_min_remittance_share(self, return_rate):
        """The least remittance share of migrants with ties at which S gains, at ``return_rate``.

        S's gain is linear in rho with slope ``theta E (1 - beta)`` (a remitted dollar
        moves from a citizen abroad, counted at beta, to his family, counted fully), so
        the boundary is ``rho* = -V_S(rho = 0) / (theta E (1 - beta))``: 0 when S gains
        without remittances, ``inf`` when none is enough (nobody has ties, no earnings,
        or beta = 1). A value above 1 means no feasible share is enough. Vectorised.
        """
        gamma = np.asarray(check_positive("return_rate", return_rate, allow_zero=True), float)
        base = np.asarray(self.outcome(gamma, 0.0).sending_gain)
        tau = np.asarray(self.ties(gamma))
        earnings = self._stakes()[2]
        slope = tau * earnings * (1 - self.citizen_weight)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            need = np.where(base >= 0, 0.0,
                            np.where(slope > 0, -base / np.where(slope > 0, slope, 1.0), math.inf))
        return _out(need)

    def sender_min_return_rate(self, remittance_share) -> float:
        """The least programme return rate at which S gains with ``remittance_share`` (``inf`` if none).

        S's gain is linear in the share with ties, ``V_S = c0 + theta c1`` with
        ``c0 = Delta_L - K + rho_s E`` and ``c1 = E (rho_bar - rho_s)``; the answer is the
        theta where it crosses zero, ``-c0 / c1``, turned into a return rate
        ``phi theta / (1 - theta) - nu``. 0 when S gains from permanent migration.
        """
        r = check_share("remittance_share", remittance_share, scalar=True)
        if float(self.outcome(0.0, r).sending_gain) >= 0:
            return 0.0
        _, loss, earnings, _, _ = self._stakes()
        c0 = -loss - self._screening() + self.settled_remittance_share * earnings
        c1 = earnings * (self.tied_value_share(r) - self.settled_remittance_share)
        if c1 <= 0:
            return math.inf
        tau = -c0 / c1
        if not tau < 1:
            return math.inf
        return max(_rate_for_ties(tau, self.settle_rate) - self.voluntary_return_rate, 0.0)

    # --- issue linkage ---------------------------------------------------------------
    def linkage(self, return_rate, remittance_share) -> OneWayDeal:
        """The one-way deal of chapter 5 at these terms: R opens up, S pays a transfer.

        ``restriction_gain`` is what R gives up (minus its gain) and ``sending_gain``
        S's valuation, so ``.summary()`` says whether some transfer makes the
        arrangement self-enforcing and how patient both sides must be. Scalars only.
        """
        out = self.outcome(check_positive("return_rate", return_rate, allow_zero=True, scalar=True),
                           check_share("remittance_share", remittance_share, scalar=True))
        return OneWayDeal(restriction_gain=-out.receiving_gain, sending_gain=out.sending_gain)
