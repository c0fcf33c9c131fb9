"""Why temporary migration is easier to agree on than permanent migration.

The model behind chapter 7. A receiving country R and a sending country S consider
an arrangement that keeps ``m`` of S's workers employed in R at any moment (a
stock of visas, millions). Production, wages and who gains are those of the
two-country economy of chapter 5 (:class:`migcoop.two_country.TwoCountryEconomy`);
this module adds what differs between a permanent and a temporary arrangement.

**Ties home.** Every migrant arrives with ties to S: family at home, a plan to
return, a vote. While abroad he cuts them (his family joins him, he settles for
good) at rate ``phi`` a year, and under a temporary arrangement he goes home at
rate ``gamma`` a year (a visa of ``1 / gamma`` years on average); whoever goes home is
replaced by a newcomer with ties. In the steady state the share of migrants who
still have ties is

    theta = gamma / (gamma + phi),

zero when nobody ever returns (permanent migration: in the long run every
migrant has settled) and close to one for seasonal work. Migrants with ties send
a share ``rho`` of their earnings home (chapter 5's remittance share), and S's government counts their own gain
with weight ``beta`` (they are still its citizens and will come back); settled
migrants send nothing and count for nothing in S's books. So S's government values
the arrangement at

    Delta_S = Delta_L + rho theta E + beta theta (G_M - rho theta E),

where ``Delta_L < 0`` is the loss of those left behind without remittances,
``E = w_R m`` the migrants' earnings and ``G_M`` their gain before remittances
(all from the two-country economy). The first term is the one-way problem: with
``theta = 0`` the arrangement only costs S.

**Costs to the receiver.** R's natives gain the immigration surplus ``A(m)``,
but each migrant also costs ``e`` a year: those who cannot hold a job cost the
welfare state ``h`` each, and settled migrants bring families who use schools and
clinics at a net cost ``c_f`` each. A screen for employment (a job offer required
before a visa) passes those who will work with probability ``t`` and those who
will not with probability ``f``; with a share ``u`` of would-be non-workers among
applicants the share employed among those admitted is
:func:`migcoop.screening.good_share_admitted` ``(u, t, f)`` ``= q``, so

    e = (1 - q) h + (1 - theta) c_f,          Delta_R = A(m) - e m.

Temporariness lowers ``e`` through ``theta`` and screening through ``q``. When one
side still loses, a transfer from S to R (issue linkage) can close the gap:
:meth:`TemporaryMigration.linkage` returns the :class:`migcoop.repeated.OneWayDeal`
whose threshold says how patient both must be.

This is a simple model in the spirit of Sykes (2013, part II.B), who argues that
temporary migrants keep sending money home, remain citizens and return, which
eases the one-way problem, and that employment-based programmes keep welfare
migration out. It is not a model from the literature.

Units: migrants in millions, wages and costs per migrant in thousand dollars a
year, gains in billion dollars a year, rates per year.
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


def ties_share(return_rate, settle_rate):
    """Share of migrants abroad who still have ties home in the steady state.

    ``gamma / (gamma + phi)``: ``return_rate`` gamma (per year, >= 0; 0 is permanent
    migration) against ``settle_rate`` phi (per year, > 0). Vectorised.

    >>> ties_share(0.0, 0.2), ties_share(0.2, 0.2), round(ties_share(1.8, 0.2), 6)
    (0.0, 0.5, 0.9)
    """
    rho = check_positive("return_rate", return_rate, allow_zero=True)
    phi = check_positive("settle_rate", settle_rate)
    return _out(np.asarray(rho, float) / (np.asarray(rho, float) + phi))


@dataclass(frozen=True)
class TemporaryOutcome:
    """Each side's stake in an arrangement, in the steady state (arrays broadcast).

    Attributes
    ----------
    return_rate : gamma, share of migrants going home each year (0 = permanent).
    remittance_share : rho, share of earnings a migrant with ties sends home.
    expected_stay : ``1 / gamma`` years (``inf`` for permanent migration).
    ties_share : theta, share of migrants abroad who still have ties home.
    employed_share : q, share of admitted migrants who hold a job.
    external_cost : e, the cost of one migrant to R's public purse (thousand $ a year).
    immigration_surplus : A(m), R's natives' gain from the migrants' work ($ bn a year).
    receiving_gain : Delta_R = A(m) - e m: R's valuation of the arrangement ($ bn).
    left_behind_loss : -Delta_L, what those left behind lose without remittances ($ bn, >= 0).
    remittances : rho theta E, money sent home ($ bn).
    migrant_gain : what the migrants gain after remittances ($ bn).
    citizen_value : beta theta times ``migrant_gain``: the part S's government counts ($ bn).
    screening_cost : what S spends screening applicants, if it screens ($ bn).
    sending_gain : Delta_S, S's government's valuation ($ bn).
    world_gain : change in world output less the external and screening costs ($ bn).
    acceptable_to_receiver, acceptable_to_sender, acceptable : each side (both) gains.
    """

    return_rate: float
    remittance_share: float
    expected_stay: float
    ties_share: float
    employed_share: float
    external_cost: float
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
    citizen_weight : beta, weight S's government puts on the gain of migrants who keep
        ties, in [0, 1].
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

    Examples
    --------
    >>> from migcoop.calibrations import two_country_economy    # chapter 5's economy
    >>> model = TemporaryMigration(two_country_economy())
    >>> permanent = model.outcome(return_rate=0.0, remittance_share=0.1)
    >>> permanent.acceptable_to_sender        # the one-way problem
    False
    >>> seasonal = model.outcome(return_rate=1.0, remittance_share=0.1)
    >>> seasonal.acceptable_to_sender
    True
    >>> screened = model.with_screen(0.95, 0.2).outcome(1.0, 0.1)
    >>> seasonal.acceptable_to_receiver, screened.acceptable_to_receiver
    (False, True)
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

    def __post_init__(self):
        validate_fields(self, economy=instance(TwoCountryEconomy),
                        migrants=lambda t: real(0.0, t.economy.sending_labor, high_open=True),
                        settle_rate=POSITIVE, citizen_weight=SHARE,
                        welfare_share=real(0.0, 1.0, high_open=True), welfare_cost=NONNEGATIVE,
                        family_cost=NONNEGATIVE, screen_tpr=real(0.0, 1.0, low_open=True),
                        screen_fpr=SHARE, sender_screening_cost=NONNEGATIVE,
                        worker_weight=NONNEGATIVE)
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

    def external_cost(self, return_rate):
        """e, R's public cost per migrant (thousand $ a year) at ``return_rate``; vectorised."""
        tau = ties_share(return_rate, self.settle_rate)
        return _out((1 - self.employed_share) * self.welfare_cost
                    + (1 - np.asarray(tau)) * self.family_cost)

    # --- the arrangement -----------------------------------------------------------
    def outcome(self, return_rate, remittance_share) -> TemporaryOutcome:
        """Both sides' stakes at ``return_rate`` (per year, >= 0; 0 is permanent) and
        ``remittance_share`` (share of earnings a migrant with ties sends home, in [0, 1]).

        The two arguments broadcast, so a grid of both gives the acceptability map.
        """
        rho = np.asarray(check_positive("return_rate", return_rate, allow_zero=True), float)
        r = np.asarray(check_share("remittance_share", remittance_share), float)
        rho, r = np.broadcast_arrays(rho, r)
        tau = np.asarray(ties_share(rho, self.settle_rate))
        surplus, loss, earnings, gross_gain, world = self._stakes()
        m = self.migrants
        e = np.asarray(self.external_cost(rho))
        r_gain = surplus - e * m
        remit = r * tau * earnings
        migrant = gross_gain - remit
        citizens = self.citizen_weight * tau * migrant
        screening = 0.0
        if self.sender_screening_cost > 0 and m > 0:
            screening = self.sender_screening_cost * m / float(
                pass_rate(self.welfare_share, self.screen_tpr, self.screen_fpr))
        s_gain = -loss + remit + citizens - screening
        w_gain = world - e * m - screening
        with np.errstate(divide="ignore", over="ignore"):
            stay = np.where(rho > 0, 1.0 / np.where(rho > 0, rho, 1.0), math.inf)
        ok_r, ok_s = r_gain >= 0, s_gain >= 0
        full = np.ones_like(rho)
        return TemporaryOutcome(
            return_rate=_out(rho), remittance_share=_out(r), expected_stay=_out(stay),
            ties_share=_out(tau), employed_share=_out(self.employed_share * full),
            external_cost=_out(e), immigration_surplus=_out(surplus * full),
            receiving_gain=_out(r_gain), left_behind_loss=_out(loss * full),
            remittances=_out(remit), migrant_gain=_out(migrant), citizen_value=_out(citizens),
            screening_cost=_out(screening * full), sending_gain=_out(s_gain),
            world_gain=_out(w_gain), acceptable_to_receiver=_bool(ok_r),
            acceptable_to_sender=_bool(ok_s), acceptable=_bool(ok_r & ok_s),
        )

    def permanent(self, remittance_share) -> TemporaryOutcome:
        """The same arrangement with nobody returning (``return_rate = 0``)."""
        return self.outcome(0.0, remittance_share)

    # --- the boundaries of the acceptable region -------------------------------------
    def receiver_min_ties(self) -> float:
        """The least share of migrants with ties (theta) at which R gains (0 if always, ``inf`` if never)."""
        surplus = self._stakes()[0]
        m = self.migrants
        if m == 0:
            return 0.0
        room = surplus / m - (1 - self.employed_share) * self.welfare_cost  # per migrant
        if room >= self.family_cost:
            return 0.0
        if self.family_cost == 0 or room < 0:
            return math.inf
        return 1.0 - room / self.family_cost

    def receiver_min_return_rate(self) -> float:
        """The least return rate at which R gains: ``phi theta* / (1 - theta*)``.

        0 when R gains even from permanent migration; ``inf`` when no return rate is
        enough (the external cost of migrants without jobs alone exceeds the surplus).
        """
        tau = self.receiver_min_ties()
        if tau == 0:
            return 0.0
        if tau >= 1:
            return math.inf
        return self.settle_rate * tau / (1 - tau)

    def sender_min_remittance_share(self, return_rate):
        """The least remittance share at which S gains, at ``return_rate``; vectorised.

        S gains when ``rho theta E (1 - beta theta) >= -Delta_S(rho = 0)``, so the boundary is
        ``rho* = -Delta_S(0) / (theta E (1 - beta theta))``: 0 when S gains without
        remittances, ``inf`` when none is enough (permanent migration, or no earnings).
        A value above 1 means no feasible share is enough.
        """
        rho = np.asarray(check_positive("return_rate", return_rate, allow_zero=True), float)
        base = np.asarray(self.outcome(rho, 0.0).sending_gain)
        tau = np.asarray(ties_share(rho, self.settle_rate))
        earnings = self._stakes()[2]
        slope = tau * earnings * (1 - self.citizen_weight * tau)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            need = np.where(base >= 0, 0.0,
                            np.where(slope > 0, -base / np.where(slope > 0, slope, 1.0), math.inf))
        return _out(need)

    def sender_min_return_rate(self, remittance_share) -> float:
        """The least return rate at which S gains with ``remittance_share`` (``inf`` if none).

        S's gain is a quadratic in theta, ``-beta rho E theta**2 + (rho E + beta G) theta - L - K``
        (``G`` the migrants' gross gain, ``L`` the left-behind loss, ``K`` screening cost),
        rising on [0, 1) whenever it can turn positive; the answer is the theta where it
        crosses zero, turned into a return rate ``phi theta / (1 - theta)``.
        """
        r = check_share("remittance_share", remittance_share, scalar=True)
        base = float(self.outcome(0.0, r).sending_gain)
        if base >= 0:
            return 0.0
        _, _, earnings, gross, _ = self._stakes()
        b = self.citizen_weight
        qa, qb, qc = -b * r * earnings, r * earnings + b * gross, base
        disc = qb * qb - 4 * qa * qc
        if disc < 0 or qb <= 0:
            tau = math.inf
        else:  # the lower root, in the form that stays accurate when beta is tiny
            tau = 2 * qc / (-qb - math.sqrt(disc))
        if not 0 <= tau < 1:
            return math.inf
        return self.settle_rate * tau / (1 - tau)

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
