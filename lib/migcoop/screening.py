"""Screening migrants, and who should do it: the enforcement externality.

The model behind chapter 3 (and the capstone of chapter 10). A receiving country R runs a programme of
visas for workers from a sending country S. Applicants are of two types: most
are "good" (they work, pay taxes and go home when their visa ends: worth ``b``
to R each) and a share are "costly" (they overstay, fall ill, commit crimes or
cannot hold a job: a net cost ``h`` to R each). Whoever screens the applicants
passes good types with probability ``t`` (the true-positive rate) and costly
types with probability ``f`` (the false-positive rate), at a cost ``k`` per
applicant screened. S knows its own people far better than R's consulate does
(a higher ``t``, a lower ``f``), but S gains ``g`` for every emigrant who leaves
whatever the type, and may be glad to see the costly ones go (an extra gain
``c`` each), so on its own it has no reason to screen on R's behalf.

R chooses the size of the programme ``n`` (thousand visas a year) against a
convex cost of absorbing newcomers, ``kappa * n**2 / 2``. Alone it screens
applicants itself or not at all; under a deal S screens, paying the cost, and R
pays S in the only currency S values here: visas, a quota larger than R would
grant without the deal. This is a simple model in the spirit of
Fernandez-Huertas Moraga (2008), whose formal model has the gains from
migration agreements come from joint enforcement, and of Sykes (2013, part
I.A.2 and II.C) on the Canada--Jamaica seasonal worker programme (Brown 2009).
It is not Fernandez-Huertas Moraga's model.

Units: quotas and admissions in thousand migrants a year; values, harms, gains
and screening costs in thousand dollars per migrant (or per applicant) a year;
welfare in million dollars a year.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ._validate import (
    NONNEGATIVE,
    POSITIVE,
    SHARE,
    check_choice,
    check_keywords,
    check_positive,
    check_range,
    check_share,
    real,
    sequence,
    validate_fields,
)
from ._validate import out as _out
from ._validate import out_bool as _bool
from .repeated import _grim_threshold

__all__ = [
    "SCREENERS",
    "REGIMES",
    "ScreeningModel",
    "Screen",
    "Regime",
    "DealOutcome",
    "DealTerms",
    "pass_rate",
    "good_share_admitted",
    "receiver_value_per_visa",
    "regime_grid",
]

SCREENERS = ("none", "receiver", "sender")
"""Who screens: nobody (everyone who applies is admitted), R's officials, or S's."""

REGIMES = (
    "no programme",
    "programme only with cooperation",
    "cooperation enlarges the programme",
    "no acceptable deal",
)
"""The four cases :attr:`ScreeningModel.regime` distinguishes."""

# Share of costly applicants, in [0, 1); a true-positive rate, in (0, 1].
_COSTLY_SHARE = real(0.0, 1.0, high_open=True)
_TPR = real(0.0, 1.0, low_open=True)


# --- the arithmetic of one screen (vectorised over every argument) ------------------
def pass_rate(costly_share, tpr, fpr):
    """Share of all applicants a screen admits: ``(1 - s) t + s f``.

    Parameters
    ----------
    costly_share : share ``s`` of costly types among applicants, in [0, 1).
    tpr : true-positive rate ``t``, the probability a good type passes, in (0, 1].
    fpr : false-positive rate ``f``, the probability a costly type passes, in [0, 1].

    >>> round(pass_rate(0.3, 0.9, 0.6), 6)
    0.81
    """
    s = check_range("costly_share", costly_share, 0.0, 1.0, high_open=True)
    t = check_range("tpr", tpr, 0.0, 1.0, low_open=True)
    f = check_share("fpr", fpr)
    return _out((1 - s) * t + s * f)


def good_share_admitted(costly_share, tpr, fpr):
    """Share of good types among those a screen admits: ``(1 - s) t / ((1 - s) t + s f)``.

    It depends on the screen only through the likelihood ratio ``t / f``: two
    screens on the same ray through the origin of the (f, t) square admit the same
    mix. No screening (``t = f = 1``) admits the applicants' own mix ``1 - s``.

    >>> round(good_share_admitted(0.3, 1.0, 1.0), 6)
    0.7
    """
    s = check_range("costly_share", costly_share, 0.0, 1.0, high_open=True)
    t = check_range("tpr", tpr, 0.0, 1.0, low_open=True)
    f = check_share("fpr", fpr)
    good = (1 - s) * t
    return _out(good / (good + s * f))


def receiver_value_per_visa(costly_share, tpr, fpr, cost_per_applicant, good_value,
                            costly_harm):
    """R's net value of one more visa filled through a screen (thousand $ a year).

    ``q b - (1 - q) h - k / a``: the expected worth of an admitted migrant, with
    ``q`` the good share among those admitted and ``a`` the pass rate, less the cost
    of screening the ``1 / a`` applicants it takes to fill one visa. Pass
    ``cost_per_applicant = 0`` when someone else pays for the screening.

    Parameters
    ----------
    costly_share, tpr, fpr : as in :func:`pass_rate`.
    cost_per_applicant : screening cost ``k`` per applicant (thousand $, >= 0).
    good_value : value ``b`` of a good type to R (thousand $ a year, >= 0).
    costly_harm : net cost ``h`` of a costly type to R (thousand $ a year, >= 0).

    >>> round(receiver_value_per_visa(0.3, 1.0, 1.0, 0.0, 10.0, 20.0), 6)   # no screen
    1.0
    """
    k = check_positive("cost_per_applicant", cost_per_applicant, allow_zero=True)
    b = check_positive("good_value", good_value, allow_zero=True)
    h = check_positive("costly_harm", costly_harm, allow_zero=True)
    a = pass_rate(costly_share, tpr, fpr)
    q = good_share_admitted(costly_share, tpr, fpr)
    return _out(q * b - (1 - q) * h - k / a)


# --- results ----------------------------------------------------------------------
@dataclass(frozen=True)
class Screen:
    """What one screener does to the applicant pool (per visa filled).

    Attributes
    ----------
    screener : "none", "receiver" or "sender".
    tpr, fpr : its true- and false-positive rates (for "none", both 1).
    pass_rate : share of applicants admitted, ``a``.
    good_share : share of good types among those admitted, ``q``.
    applicants_per_visa : ``1 / a``.
    cost_per_visa : screening cost per visa filled, ``k / a`` (thousand $).
    receiver_value : R's net value per visa, after any screening cost R pays (thousand $).
    sender_value : S's net gain per visa, after any screening cost S pays (thousand $).
    joint_value : ``receiver_value + sender_value`` (thousand $).
    """

    screener: str
    tpr: float
    fpr: float
    pass_rate: float
    good_share: float
    applicants_per_visa: float
    cost_per_visa: float
    receiver_value: float
    sender_value: float
    joint_value: float


@dataclass(frozen=True)
class Regime:
    """A programme of ``quota`` visas filled through one screener (arrays if ``quota`` is).

    Attributes
    ----------
    screener : who screens.
    quota : visas granted (thousand a year).
    admitted_good, admitted_costly : admitted migrants of each type (thousand a year).
    applicants : applicants screened to fill the quota (thousand a year).
    screening_cost : total screening cost, paid by the screener ($ million a year).
    receiver_welfare : ``v n - kappa n**2 / 2`` ($ million a year).
    sender_welfare : ``u n`` ($ million a year).
    joint_welfare : the sum of the two governments' welfare ($ million a year).
    """

    screener: str
    quota: float
    admitted_good: float
    admitted_costly: float
    applicants: float
    screening_cost: float
    receiver_welfare: float
    sender_welfare: float
    joint_welfare: float


@dataclass(frozen=True)
class DealOutcome:
    """The deal at a given visa reward: S screens, R grants the noncooperative quota plus the reward.

    Every field is a float (an array for an array of rewards); welfare in $ million a
    year, quotas and admissions in thousand migrants a year.

    Attributes
    ----------
    visa_reward : extra visas over the noncooperative quota.
    quota : visas granted under the deal.
    admitted_good, admitted_costly : admitted migrants by type.
    receiver_welfare, sender_welfare, joint_welfare : under the deal.
    receiver_gain, sender_gain, joint_gain : the same minus their noncooperative values.
    acceptable_to_receiver, acceptable_to_sender : whether each is at least as well off.
    acceptable : both are.
    """

    visa_reward: float
    quota: float
    admitted_good: float
    admitted_costly: float
    receiver_welfare: float
    sender_welfare: float
    joint_welfare: float
    receiver_gain: float
    sender_gain: float
    joint_gain: float
    acceptable_to_receiver: bool
    acceptable_to_sender: bool
    acceptable: bool


@dataclass(frozen=True)
class DealTerms:
    """The range of quotas both countries accept, and the best of them.

    Attributes
    ----------
    noncooperative_quota : R's quota without a deal (thousand visas).
    sender_min_quota : smallest quota at which S prefers screening to the status
        quo (``inf`` when no quota is enough).
    receiver_min_quota, receiver_max_quota : the quotas R accepts with S screening
        (an empty range is reported as ``inf`` and ``0``).
    min_quota, max_quota : the quotas both accept (``min_quota > max_quota`` when none).
    min_reward, max_reward : the same as visas over the noncooperative quota; the
        smallest reward is the price of S's cooperation.
    exists : some positive quota is acceptable to both.
    best_quota : the acceptable quota that maximises joint welfare (the status quo
        quota when no deal exists).
    value_of_cooperation : joint welfare at ``best_quota`` minus joint welfare
        without a deal ($ million a year; 0 when no deal exists).
    """

    noncooperative_quota: float
    sender_min_quota: float
    receiver_min_quota: float
    receiver_max_quota: float
    min_quota: float
    max_quota: float
    min_reward: float
    max_reward: float
    exists: bool
    best_quota: float
    value_of_cooperation: float


# --- the model ------------------------------------------------------------------
@dataclass(frozen=True)
class ScreeningModel:
    """Screening, programme size and a visas-for-screening deal between R and S.

    Parameters
    ----------
    costly_share : share ``s`` of costly types among applicants, in [0, 1).
    good_value : value ``b`` to R of a good type (thousand $ a year, >= 0).
    costly_harm : net cost ``h`` to R of a costly type (thousand $ a year, >= 0).
    receiver_tpr, receiver_fpr : R's screen: chance a good (costly) type passes.
    receiver_cost : R's screening cost per applicant (thousand $, >= 0).
    sender_tpr, sender_fpr : S's screen, usually better: higher tpr, lower fpr.
    sender_cost : S's screening cost per applicant (thousand $, >= 0).
    sender_gain : S's gain ``g`` per emigrant admitted, any type (remittances,
        jobs freed at home; thousand $ a year, >= 0).
    riddance_gain : S's extra gain ``c`` per costly emigrant (S is glad to see
        them leave; thousand $ a year, >= 0).
    absorption : ``kappa`` in R's absorption cost ``kappa n**2 / 2`` (thousand $
        per migrant per thousand migrants, > 0): housing, schooling and
        integration get dearer as the programme grows.

    True-positive rates lie in (0, 1], false-positive rates in [0, 1].

    Examples
    --------
    >>> m = ScreeningModel()
    >>> m.receiver_choice()                      # alone, R does its own screening
    'receiver'
    >>> round(m.noncooperative().quota, 3)       # thousand visas
    4.198
    >>> terms = m.deal_terms()
    >>> terms.exists, terms.min_reward > 0       # S screens only for a reward
    (True, True)
    >>> m.regime
    'cooperation enlarges the programme'
    """

    costly_share: float = 0.3
    good_value: float = 10.0
    costly_harm: float = 20.0
    receiver_tpr: float = 0.9
    receiver_fpr: float = 0.6
    receiver_cost: float = 1.0
    sender_tpr: float = 0.95
    sender_fpr: float = 0.1
    sender_cost: float = 0.5
    sender_gain: float = 3.0
    riddance_gain: float = 2.0
    absorption: float = 0.5

    def __post_init__(self):
        validate_fields(self, costly_share=_COSTLY_SHARE, good_value=NONNEGATIVE,
                        costly_harm=NONNEGATIVE, receiver_tpr=_TPR, receiver_fpr=SHARE,
                        receiver_cost=NONNEGATIVE, sender_tpr=_TPR, sender_fpr=SHARE,
                        sender_cost=NONNEGATIVE, sender_gain=NONNEGATIVE,
                        riddance_gain=NONNEGATIVE, absorption=POSITIVE)

    # --- one screen ------------------------------------------------------------
    @cached_property
    def _screens(self) -> dict:
        return {who: self._screen(who) for who in SCREENERS}

    def screen(self, screener: str) -> Screen:
        """What ``screener`` ("none", "receiver" or "sender") does per visa filled.

        >>> s = ScreeningModel().screen("sender")
        >>> round(s.good_share, 4), round(s.applicants_per_visa, 4)
        (0.9568, 1.4388)
        """
        return self._screens[check_choice("screener", screener, SCREENERS)]

    def _screen(self, who: str) -> Screen:
        if who == "none":
            t, f, k = 1.0, 1.0, 0.0
        elif who == "receiver":
            t, f, k = self.receiver_tpr, self.receiver_fpr, self.receiver_cost
        else:
            t, f, k = self.sender_tpr, self.sender_fpr, self.sender_cost
        a = pass_rate(self.costly_share, t, f)
        q = good_share_admitted(self.costly_share, t, f)
        worth = q * self.good_value - (1 - q) * self.costly_harm
        cost = k / a
        r_val = worth - (cost if who == "receiver" else 0.0)
        s_val = self.sender_gain + self.riddance_gain * (1 - q) - (cost if who == "sender" else 0.0)
        return Screen(who, t, f, a, q, 1 / a, cost, r_val, s_val, r_val + s_val)

    def outcome(self, screener: str, quota) -> Regime:
        """A programme of ``quota`` thousand visas (>= 0; vectorised) filled via ``screener``."""
        n = check_range("quota", quota, 0.0)
        return self._outcome(self.screen(screener), n)

    def _outcome(self, sc: Screen, quota) -> Regime:
        """:meth:`outcome` for a quota the model computed (unchecked: it may exceed 1e12)."""
        n = np.asarray(quota, dtype=float)
        r = sc.receiver_value * n - self.absorption * n**2 / 2
        s = sc.sender_value * n
        return Regime(
            screener=sc.screener, quota=_out(n), admitted_good=_out(n * sc.good_share),
            admitted_costly=_out(n * (1 - sc.good_share)),
            applicants=_out(n * sc.applicants_per_visa),
            screening_cost=_out(n * sc.cost_per_visa), receiver_welfare=_out(r),
            sender_welfare=_out(s), joint_welfare=_out(r + s),
        )

    # --- without cooperation -----------------------------------------------------
    def receiver_choice(self) -> str:
        """Whom R relies on alone: "receiver" if its own screen is worth more per visa, else "none"."""
        own = self.screen("receiver").receiver_value
        return "receiver" if own > self.screen("none").receiver_value else "none"

    def noncooperative_value(self) -> float:
        """R's best net value per visa alone, ``v_N >= 0`` (thousand $; 0: no programme)."""
        return max(self.screen(self.receiver_choice()).receiver_value, 0.0)

    def noncooperative(self) -> Regime:
        """The status quo: R screens (or not) and sets its best quota ``v_N / kappa``."""
        return self._status_quo

    @cached_property
    def _status_quo(self) -> Regime:
        return self._outcome(self.screen(self.receiver_choice()),
                             self.noncooperative_value() / self.absorption)

    # --- with cooperation ----------------------------------------------------------
    def deal(self, visa_reward) -> DealOutcome:
        """S screens; R grants its noncooperative quota plus ``visa_reward`` thousand visas.

        ``visa_reward`` may be negative down to minus the noncooperative quota (a cut);
        vectorised over arrays. A country is willing when it is at least as well off
        as without the deal, that is when the quota lies in its range of
        :meth:`deal_terms` (a relative margin of 1e-9 absorbs rounding at the edges).

        >>> d = ScreeningModel().deal(0.0)          # screening with no reward
        >>> d.acceptable_to_receiver, d.acceptable_to_sender
        (True, False)
        """
        base = self.noncooperative()
        reward = check_range("visa_reward", visa_reward, -base.quota)
        quota = np.maximum(base.quota + np.asarray(reward, dtype=float), 0.0)
        out = self._outcome(self.screen("sender"), quota)
        dr = np.asarray(out.receiver_welfare) - base.receiver_welfare
        ds = np.asarray(out.sender_welfare) - base.sender_welfare
        t, eps = self.deal_terms(), 1e-9
        ok_s = quota >= t.sender_min_quota * (1 - eps)
        ok_r = (quota >= t.receiver_min_quota * (1 - eps)) & (quota <= t.receiver_max_quota * (1 + eps))
        return DealOutcome(
            visa_reward=_out(reward), quota=_out(quota), admitted_good=out.admitted_good,
            admitted_costly=out.admitted_costly, receiver_welfare=out.receiver_welfare,
            sender_welfare=out.sender_welfare, joint_welfare=out.joint_welfare,
            receiver_gain=_out(dr), sender_gain=_out(ds), joint_gain=_out(dr + ds),
            acceptable_to_receiver=_bool(ok_r), acceptable_to_sender=_bool(ok_s),
            acceptable=_bool(ok_r & ok_s),
        )

    def deal_terms(self) -> DealTerms:
        """The quotas (and visa rewards) acceptable to both, and the best of them.

        S accepts quota ``n`` when ``u_S n >= U_N`` (its status-quo welfare); R when
        ``v_S n - kappa n**2 / 2 >= W_N``, that is for ``n`` between
        ``(v_S -/+ sqrt(v_S**2 - v_N**2)) / kappa``.
        """
        return self._terms

    @cached_property
    def _terms(self) -> DealTerms:
        base = self.noncooperative()
        sc = self.screen("sender")
        v_s, u_s, kappa = sc.receiver_value, sc.sender_value, self.absorption
        v_n = self.noncooperative_value()
        u_n = base.sender_welfare
        if u_s > 0:
            s_min = u_n / u_s
        else:
            s_min = 0.0 if u_n <= 0 and u_s == 0 else math.inf
        if v_s >= v_n and v_s > 0:
            root = math.sqrt(max(v_s**2 - v_n**2, 0.0))
            r_min, r_max = (v_s - root) / kappa, (v_s + root) / kappa
        else:
            r_min, r_max = math.inf, 0.0
        lo, hi = max(s_min, r_min), r_max
        exists = bool(lo <= hi * (1 + 1e-12) and hi > 0)
        n_n = base.quota
        if exists:
            best = min(max(sc.joint_value / kappa, lo), hi)
            value = float(self._outcome(sc, best).joint_welfare) - base.joint_welfare
        else:
            best, value = n_n, 0.0
        return DealTerms(
            noncooperative_quota=n_n, sender_min_quota=s_min, receiver_min_quota=r_min,
            receiver_max_quota=r_max, min_quota=lo, max_quota=hi, min_reward=lo - n_n,
            max_reward=hi - n_n, exists=exists, best_quota=best,
            value_of_cooperation=max(value, 0.0),
        )

    def cooperation_potential(self) -> float:
        """The most a deal could add to joint welfare if the quota were set for the pair.

        ``max(J_S, 0)**2 / (2 kappa)`` minus joint welfare without a deal, where
        ``J_S`` is the joint value per visa with S screening ($ million a year). It
        can exceed ``DealTerms.value_of_cooperation`` when paying S in visas
        alone cannot reach the joint optimum, and is negative when S's screening
        would destroy value.
        """
        j = max(self.screen("sender").joint_value, 0.0)
        return j**2 / (2 * self.absorption) - self.noncooperative().joint_welfare

    def shirking_threshold(self, visa_reward):
        """The patience S needs to keep screening rather than wave everyone through.

        Once granted the quota, S could stop screening for a period, save its costs
        and send applicants as they come (costly types at their population share),
        until R notices and returns to the status quo for ever. Returns the smallest
        discount factor at which screening is self-enforcing under that grim-trigger
        threat (``repeated.min_discount_factor``); vectorised over rewards.

        >>> round(ScreeningModel().shirking_threshold(18.0), 3)
        0.418
        """
        d = self.deal(visa_reward)
        n = np.asarray(d.quota, dtype=float)
        cheat = n * (self.sender_gain + self.riddance_gain * self.costly_share)
        return _grim_threshold(d.sender_welfare, cheat, self.noncooperative().sender_welfare)

    @property
    def regime(self) -> str:
        """Which of :data:`REGIMES` these parameters fall in."""
        terms = self.deal_terms()
        if self.noncooperative().quota <= 0:
            return REGIMES[1] if terms.exists else REGIMES[0]
        return REGIMES[2] if terms.exists else REGIMES[3]


def regime_grid(shares, fprs, **params) -> np.ndarray:
    """The :attr:`ScreeningModel.regime` at each share of costly applicants and sender's screen.

    Parameters
    ----------
    shares : shares of costly applicants ``s``, each in [0, 1) (the grid's columns; 1 to
        1,000 of them).
    fprs : the sender's false-positive rates ``f_S``, each in [0, 1] (the grid's rows; 1
        to 1,000 of them).
    **params : the other :class:`ScreeningModel` parameters (default: the baseline).

    Returns
    -------
    numpy.ndarray
        Integers of shape ``(len(fprs), len(shares))``, each an index into :data:`REGIMES`.

    Examples
    --------
    >>> grid = regime_grid(shares=[0.2, 0.5, 0.7], fprs=[0.1, 0.5])
    >>> grid.tolist()
    [[2, 1, 1], [2, 0, 0]]
    >>> REGIMES[grid[1, 2]]                  # many costly applicants, a poor sender screen
    'no programme'
    """
    shares = sequence(_COSTLY_SHARE, 1, 1000)("shares", shares)
    fprs = sequence(SHARE, 1, 1000)("fprs", fprs)
    check_keywords(ScreeningModel, params, exclude=("costly_share", "sender_fpr"))
    out = np.empty((len(fprs), len(shares)), dtype=int)
    for i, f in enumerate(fprs):
        for j, s in enumerate(shares):
            out[i, j] = REGIMES.index(ScreeningModel(costly_share=s, sender_fpr=f, **params).regime)
    return out
