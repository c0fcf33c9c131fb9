"""Readmission and visas: a quota that shrinks with the sender's overstay rate.

The model behind chapter 8. A receiving country R grants a sending country S a
yearly quota of work visas (or, read more broadly, a benefit in its visa
procedures). Some of S's nationals who ought to leave R (workers whose permits
have ended, people ordered to leave) do not: a share ``o`` of them overstay or are
never taken back. S can lower that share with costly *effort* ``e`` in [0, 1]:
screening before departure, return incentives, identifying its nationals and
issuing them travel documents, accepting return flights. With no effort the share
is ``o0``; with effort ``e`` it is

    o(e) = o0 (1 - e).

Effort costs S ``C(e) = psi e + chi e**2 / 2`` a year: ``psi`` is the cost of the
first step (the political price of taking people back, the remittances of those
who would have stayed) and ``chi`` how fast the cost rises.

**The rule.** R announces ``n[t+1] = n0 - eta o[t]``: next year's quota is a base
quota ``n0`` less ``eta`` visas for every unit of this year's observed overstay
rate (``eta`` thousand visas per unit share, so ``eta / 100`` thousand per
percentage point). Korea's Employment Permit System and the EU's Visa Code
(Article 25a) link access to cooperation on return in this way. The rule never
takes away more than the whole quota: ``eta o0 <= n0``.

**S's best response.** This year's effort pays only through next year's quota,
which S values at ``g`` per visa and discounts by ``delta``. Effort ``e`` raises
next year's quota by ``eta o0 e``, so S chooses

    e* = min(1, max(0, (delta g eta o0 - psi) / chi)).

No effort below the threshold slope ``psi / (delta g o0)``; full effort from
``(psi + chi) / (delta g o0)``; and the gentlest slope that buys a target effort
``e`` in (0, 1] is ``(psi + chi e) / (delta g o0)``. Because the largest slope is
``n0 / o0``, the most effort any rule can buy is ``(delta g n0 - psi) / chi``
(clipped to [0, 1]): a rule can put at stake no more than the whole programme.

**R's side.** A visa is worth ``v(o) = b - (b + h) o`` to R (``b`` for a worker who
leaves on time, ``-h`` for one who does not, as in chapter 3), and absorbing ``n``
newcomers costs ``kappa n**2 / 2``, so a steady quota ``n`` gives R

    W_R = v(o) n - kappa n**2 / 2.

Without a rule S makes no effort and R's best flat quota is ``max(v(o0), 0) /
kappa``. Under the rule nobody shirks, so the cut is never made on the equilibrium
path; what R must be willing to do is carry it out if S shirks. A year's shirk
costs S's workers ``d = eta o0 e*`` visas the next year; cutting them costs R
``W_R(n) - W_R(n - d)`` that year, of which a share ``reallocation`` R avoids by
giving the visas to other senders. If R failed to cut, S would stop trying and R
would be back at the flat quota for good, so R keeps its rule (grim trigger) iff
its discount factor is at least ``K / (K + W_rule - W_flat)``, ``K`` the cost of
the cut (:func:`migcoop.repeated.min_discount_factor`).

**Cash instead of visas.** A one-off payment buys nothing: once paid, effort only
costs S. A yearly bonus of ``mu`` per unit of improvement in the overstay rate
buys effort ``e`` with ``mu = (psi + chi e) / (delta o0)`` and pays out ``e (psi +
chi e) / delta`` a year on the path; the visa rule pays S with visas that R, at
its ideal quota, was going to grant anyway.

This is a simple model in the spirit of Sykes (2013, part II.C) on enforcement
cooperation paid in access, and of the self-enforcing agreements of Bagwell and
Staiger (2002, ch. 6). It is the book's extension, not the article's.

Units: quotas in thousand visas a year; ``b``, ``h`` and ``g`` in thousand dollars
per worker (or per visa) a year; ``psi``, ``chi`` and every welfare in million
dollars a year; ``kappa`` in million dollars per (thousand visas) squared; the
slope ``eta`` in thousand visas per unit of overstay rate.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validate import (
    NONNEGATIVE,
    POSITIVE,
    SHARE,
    check_positive,
    check_share,
    real,
    validate_fields,
)
from ._validate import out as _out
from ._validate import out_bool as _bool
from .repeated import _grim_threshold

__all__ = ["ReadmissionGame", "RuleOutcome"]

_OVERSTAY = real(0.0, 1.0, low_open=True)
_DISCOUNT = real(0.0, 1.0, low_open=True, high_open=True)
_RECEIVER_DISCOUNT = real(0.0, 1.0, high_open=True)


@dataclass(frozen=True)
class RuleOutcome:
    """The steady state of a quota rule (all fields numbers, or arrays for arrays).

    Attributes
    ----------
    slope : ``eta``, thousand visas withdrawn per unit of the overstay rate.
    base_quota : ``n0``, the quota at a zero overstay rate (thousand visas a year).
    effort : S's best effort ``e*`` in [0, 1].
    overstay_rate : ``o0 (1 - e*)``, share of S's nationals due to leave who do not.
    quota : the steady quota ``n0 - eta o(e*)`` (thousand visas a year).
    sender_welfare : ``g n - C(e*)``, S's yearly welfare ($ million).
    receiver_welfare : ``v(o) n - kappa n**2 / 2``, R's yearly welfare ($ million).
    cut_if_shirk : visas S would lose next year by making no effort this year,
        ``eta o0 e*`` (thousand).
    receiver_patience : the least discount factor at which R carries out that cut
        rather than let the rule lapse (0 when there is nothing to enforce; ``inf``
        when the rule is no better for R than its best flat quota).
    credible : whether R's discount factor reaches ``receiver_patience``.
    """

    slope: float
    base_quota: float
    effort: float
    overstay_rate: float
    quota: float
    sender_welfare: float
    receiver_welfare: float
    cut_if_shirk: float
    receiver_patience: float
    credible: bool


@dataclass(frozen=True)
class ReadmissionGame:
    """A sending country's effort on return under a quota that falls with its overstay rate.

    Parameters
    ----------
    base_overstay : ``o0``, the share of S's nationals due to leave R who do not,
        when S makes no effort, in (0, 1].
    sender_gain : ``g``, what one visa a year is worth to S (remittances, jobs;
        thousand $ a year, > 0).
    effort_cost : ``psi``, S's marginal cost of effort at zero effort: the political
        price of taking nationals back, the remittances of those who would have
        stayed ($ million a year per unit of effort, >= 0).
    effort_curvature : ``chi``, how fast S's marginal cost rises with effort ($
        million a year, > 0); full effort costs ``psi + chi / 2``.
    sender_discount : ``delta``, S's discount factor in (0, 1): the weight it puts on
        next year's quota, through which this year's effort pays.
    good_value : ``b``, R's value of a worker who leaves on time (thousand $ a
        year, >= 0).
    overstay_harm : ``h``, R's net cost of one who does not (thousand $ a year,
        >= 0): enforcement, removal, lost trust in the programme.
    absorption : ``kappa`` in R's absorption cost ``kappa n**2 / 2`` ($ million per
        (thousand visas) squared, > 0).
    receiver_discount : ``delta_R``, R's discount factor in [0, 1).
    reallocation : share of a cut R avoids paying for because other senders fill
        the visas it withdraws, in [0, 1]: 0 for a bilateral arrangement (and for
        readmission, which only the country of nationality can provide), near 1
        where many senders compete for one pool.

    Notes
    -----
    A simple model in the spirit of Sykes (2013, part II.C), the book's extension:
    see the module docstring for the derivations.

    Examples
    --------
    >>> game = ReadmissionGame()
    >>> game.effort(0.0)                         # no link, no effort
    0.0
    >>> round(game.threshold_slope(), 3)         # gentler rules buy nothing
    2.778
    >>> round(game.effort(20.0), 3)
    0.62
    >>> flat = game.flat()
    >>> round(flat.quota, 3), round(flat.receiver_welfare, 3)
    (6.0, 9.0)
    """

    base_overstay: float = 0.2
    sender_gain: float = 8.0
    effort_cost: float = 4.0
    effort_curvature: float = 40.0
    sender_discount: float = 0.9
    good_value: float = 10.0
    overstay_harm: float = 25.0
    absorption: float = 0.5
    receiver_discount: float = 0.8
    reallocation: float = 0.0

    def __post_init__(self):
        validate_fields(self, base_overstay=_OVERSTAY, sender_gain=POSITIVE,
                        effort_cost=NONNEGATIVE, effort_curvature=POSITIVE,
                        sender_discount=_DISCOUNT, good_value=NONNEGATIVE,
                        overstay_harm=NONNEGATIVE, absorption=POSITIVE,
                        receiver_discount=_RECEIVER_DISCOUNT, reallocation=SHARE)

    # --- the sending country -----------------------------------------------------
    @property
    def _leverage(self) -> float:
        """``delta g o0``: the discounted value to S of one unit of slope, per unit of effort."""
        return self.sender_discount * self.sender_gain * self.base_overstay

    def overstay_rate(self, effort):
        """``o0 (1 - e)`` for effort ``e`` in [0, 1]; vectorised."""
        e = check_share("effort", effort)
        return _out(self.base_overstay * (1 - np.asarray(e, dtype=float)))

    def effort_cost_of(self, effort):
        """S's yearly cost ``psi e + chi e**2 / 2`` of effort ``e`` in [0, 1] ($ million); vectorised."""
        e = np.asarray(check_share("effort", effort), dtype=float)
        return _out(self.effort_cost * e + self.effort_curvature * e**2 / 2)

    def _effort(self, slope):
        raw = (self._leverage * np.asarray(slope, dtype=float) - self.effort_cost)
        return np.clip(raw / self.effort_curvature, 0.0, 1.0)

    def effort(self, slope):
        """S's best effort under a rule of slope ``slope`` (>= 0); vectorised.

        ``min(1, max(0, (delta g eta o0 - psi) / chi))``: effort this year raises next
        year's quota by ``eta o0`` per unit, worth ``delta g`` a visa to S today.
        """
        eta = check_positive("slope", slope, allow_zero=True)
        return _out(self._effort(eta))

    def threshold_slope(self) -> float:
        """The steepest slope that still buys no effort, ``psi / (delta g o0)``."""
        return float(self.effort_cost / self._leverage)

    def slope_for_effort(self, effort):
        """The gentlest slope that buys effort ``effort`` in [0, 1]; vectorised.

        ``(psi + chi e) / (delta g o0)`` for ``e > 0``, and 0 for ``e = 0`` (no rule
        at all buys no effort).
        """
        e = np.asarray(check_share("effort", effort), dtype=float)
        eta = (self.effort_cost + self.effort_curvature * e) / self._leverage
        return _out(np.where(e > 0, eta, 0.0))

    def max_effort(self, base_quota):
        """The most effort any rule with base quota ``base_quota`` (>= 0) can buy.

        The steepest admissible slope is ``n0 / o0`` (the rule then takes the whole
        quota away from a sender that makes no effort), so the answer is
        ``min(1, max(0, (delta g n0 - psi) / chi))``; vectorised.
        """
        n0 = np.asarray(check_positive("base_quota", base_quota, allow_zero=True), dtype=float)
        return _out(self._effort(n0 / self.base_overstay))

    def sender_patience(self, effort, slope):
        """The least discount factor at which a rule of slope ``slope`` buys ``effort``.

        S makes effort ``e`` (in (0, 1]) under slope ``eta`` (>= 0) iff ``delta >= (psi
        + chi e) / (g eta o0)``: next year's visas must matter enough to S. A value
        of 1 or more (``inf`` for a zero slope) means no patience is enough. For
        ``e = 0`` the answer is 0. Vectorised; the arguments broadcast.
        """
        e = np.asarray(check_share("effort", effort), dtype=float)
        eta = np.asarray(check_positive("slope", slope, allow_zero=True), dtype=float)
        need = self.effort_cost + self.effort_curvature * e
        stake = self.sender_gain * self.base_overstay * eta
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            ratio = np.where(stake > 0, need / np.where(stake > 0, stake, 1.0), np.inf)
        return _out(np.where(e > 0, ratio, 0.0))

    def cash_cost(self, effort):
        """R's yearly cash outlay for effort ``effort`` (in [0, 1]) bought with a bonus.

        A bonus of ``mu`` dollars (million) per unit fall in the overstay rate, paid
        the year after, buys effort ``e`` with ``mu = (psi + chi e) / (delta o0)``, and
        pays ``mu o0 e = e (psi + chi e) / delta`` a year on the path ($ million);
        vectorised.
        """
        e = np.asarray(check_share("effort", effort), dtype=float)
        return _out(e * (self.effort_cost + self.effort_curvature * e) / self.sender_discount)

    # --- the receiving country ---------------------------------------------------
    def visa_value(self, effort):
        """R's value of one visa, ``b - (b + h) o(e)`` (thousand $ a year), at effort ``effort``."""
        o = np.asarray(self.overstay_rate(effort), dtype=float)
        return _out(self.good_value - (self.good_value + self.overstay_harm) * o)

    def _receiver(self, value, quota):
        return value * quota - self.absorption * quota**2 / 2

    def flat_quota(self) -> float:
        """R's best quota without a rule (S makes no effort): ``max(v(o0), 0) / kappa``."""
        return float(max(float(self.visa_value(0.0)), 0.0) / self.absorption)

    def flat(self) -> RuleOutcome:
        """The status quo: R's best flat quota, no effort."""
        n = self.flat_quota()
        w_r = self._receiver(float(self.visa_value(0.0)), n)
        return RuleOutcome(slope=0.0, base_quota=n, effort=0.0,
                           overstay_rate=float(self.base_overstay), quota=n,
                           sender_welfare=float(self.sender_gain * n), receiver_welfare=float(w_r),
                           cut_if_shirk=0.0, receiver_patience=0.0, credible=True)

    def outcome(self, slope, base_quota) -> RuleOutcome:
        """The steady state of the rule ``n[t+1] = n0 - eta o[t]``.

        Parameters
        ----------
        slope : ``eta`` >= 0, thousand visas per unit of the overstay rate.
        base_quota : ``n0`` >= 0, thousand visas a year. The rule may not take away
            more than the whole quota: ``slope * o0 <= base_quota``.
            Both may be arrays (they broadcast).

        Returns
        -------
        RuleOutcome
            The steady state: effort, overstay rate, quota and each side's welfare.

        Examples
        --------
        >>> o = ReadmissionGame().outcome(20.0, 20.0)
        >>> round(o.effort, 3), round(o.quota, 3), o.credible
        (0.62, 18.48, True)
        """
        eta = np.asarray(check_positive("slope", slope, allow_zero=True), dtype=float)
        n0 = np.asarray(check_positive("base_quota", base_quota, allow_zero=True), dtype=float)
        too_steep = eta * self.base_overstay > n0 * (1 + 1e-12) + 1e-12
        if np.any(too_steep):
            bad = float(np.broadcast_to(eta, too_steep.shape)[too_steep].flat[0])
            top = float(np.broadcast_to(n0, too_steep.shape)[too_steep].flat[0]) / self.base_overstay
            raise ValueError(f"slope={bad!r} would take away more than the whole base_quota: "
                             f"it must be at most base_quota / base_overstay = {top:.6g}")
        return self._outcome(eta, n0)

    def _outcome(self, eta, n0) -> RuleOutcome:
        """:meth:`outcome` without the checks, for rules the model built itself."""
        e = self._effort(eta)
        o = self.base_overstay * (1 - e)
        n = np.maximum(n0 - eta * o, 0.0)
        v = self.good_value - (self.good_value + self.overstay_harm) * o
        w_r = self._receiver(v, n)
        w_s = self.sender_gain * n - (self.effort_cost * e + self.effort_curvature * e**2 / 2)
        cut = eta * self.base_overstay * e
        # Cutting ``cut`` visas for a year costs R this much (nothing, if R grants more
        # than it would like); other senders take up a share ``reallocation`` of it.
        cost = np.maximum(w_r - self._receiver(v, n - cut), 0.0) * (1 - self.reallocation)
        flat = self.flat().receiver_welfare
        patience = np.asarray(_grim_threshold(w_r, w_r + cost, flat), dtype=float)
        # A rule that is no better for R than its flat quota is kept at no discount factor
        # when enforcing it costs anything: R would rather let it lapse.
        patience = np.where((cost > 0) & (w_r <= flat), np.inf, patience)
        return RuleOutcome(slope=_out(eta + 0 * n0), base_quota=_out(n0 + 0 * eta),
                           effort=_out(e + 0 * n0), overstay_rate=_out(o + 0 * n0),
                           quota=_out(n), sender_welfare=_out(w_s), receiver_welfare=_out(w_r),
                           cut_if_shirk=_out(cut + 0 * n0), receiver_patience=_out(patience),
                           credible=_bool(self.receiver_discount >= patience))

    def ideal_rule(self, effort) -> RuleOutcome:
        """The rule R would pick to buy effort ``effort`` (a single number in [0, 1]).

        The gentlest slope that buys it (:meth:`slope_for_effort`), and the base
        quota that gives R its ideal programme at that effort, ``v(e) / kappa``,
        raised if need be so that the rule can take ``eta o0 e`` visas away (a
        sender can lose only what it has).

        >>> rule = ReadmissionGame().ideal_rule(1.0)
        >>> round(rule.quota, 3), round(rule.receiver_welfare, 3)
        (20.0, 100.0)
        """
        e = check_share("effort", effort, scalar=True)
        eta = float(self.slope_for_effort(e))
        value = float(self.visa_value(e))
        quota = max(value / self.absorption, eta * self.base_overstay * e, 0.0)
        base = quota + eta * self.base_overstay * (1 - e)
        return self._outcome(np.asarray(eta), np.asarray(base))

    def stake_quota(self, effort):
        """The smallest quota at which a rule can buy effort ``effort`` (in [0, 1]).

        The gentlest slope for ``e`` takes ``eta o0 e = e (psi + chi e) / (delta g)``
        visas from a sender that stops trying, and a sender can lose only what it
        has; vectorised (thousand visas a year).
        """
        e = np.asarray(check_share("effort", effort), dtype=float)
        lev = self.sender_discount * self.sender_gain
        return _out(e * (self.effort_cost + self.effort_curvature * e) / lev)

    def best_rule(self) -> RuleOutcome:
        """The rule that is best for R: :meth:`ideal_rule` at the effort that serves R best.

        Where R's ideal programme ``v(e) / kappa`` exceeds the stake the effort needs
        (:meth:`stake_quota`), R's welfare ``v(e)**2 / (2 kappa)`` rises with effort;
        where it does not, R must grant the larger stake quota ``n(e)``, and its
        welfare ``v(e) n(e) - kappa n(e)**2 / 2`` is a quartic in ``e``. The best effort
        is therefore 0, 1, a point where the two quotas meet, or a root of the
        quartic's derivative (a cubic), whichever gives R most. Effort 0 is the flat
        quota, so the best rule is never worse for R than the status quo, and better
        whenever it buys any effort.

        >>> best = ReadmissionGame().best_rule()
        >>> round(best.effort, 3), round(best.receiver_welfare, 3)
        (1.0, 100.0)
        """
        beta = (self.good_value + self.overstay_harm) * self.base_overstay
        v0 = float(self.visa_value(0.0))
        lev = self.sender_discount * self.sender_gain
        a1, a2 = self.effort_cost / lev, self.effort_curvature / lev
        k = self.absorption
        # Where the ideal quota (v0 + beta e) / kappa meets the stake a1 e + a2 e**2.
        meet = np.roots([a2, a1 - beta / k, -v0 / k])
        # d/de [v n - kappa n**2 / 2] with n = a1 e + a2 e**2 and v = v0 + beta e:
        # beta n + (v - kappa n) (a1 + 2 a2 e), a cubic in e.
        n_poly = np.poly1d([a2, a1, 0.0])
        v_poly = np.poly1d([beta, v0])
        critical = (beta * n_poly + (v_poly - k * n_poly) * np.poly1d([2 * a2, a1])).roots
        candidates = [0.0, 1.0]
        for r in np.concatenate([np.atleast_1d(meet), np.atleast_1d(critical)]):
            if np.isfinite(r) and abs(np.imag(r)) < 1e-9 and 0.0 < np.real(r) < 1.0:
                candidates.append(float(np.real(r)))
        rules = [self.ideal_rule(e) for e in sorted(candidates)]
        return max(rules, key=lambda r: (r.receiver_welfare, -r.effort))
