"""Who gains and who loses when workers move from a poor country to a rich one.

The model behind chapter 5 (and the size-of-the-gains argument of chapter 1). Two
economies, the receiving country R and the sending country S, each produce one
good with capital and labor under constant returns,

    Y_R = A_R K_R**alpha (L_R + m)**(1 - alpha),
    Y_S = A_S K_S**alpha (L_S - m)**(1 - alpha),

where ``m`` workers have moved from S to R. Capital stays where it is and is owned
by natives; every worker is paid the value of its marginal product. This is the
textbook neoclassical migration model that Sykes (2013, part I.B.1) describes in
words, after Sykes (1995) and Borjas (1995): the migrants gain, the receiving
country's natives as a whole gain the "immigration surplus" (its capital owners
gain more than its workers lose), and those left behind in the sending country
lose, because the surplus their capital earned on the emigrants' labor
disappears. Remittances and a Bhagwati emigration tax (Bhagwati 1976) send part of
the migrants' earnings home; this module finds the rate that makes those left
behind whole.

:class:`BrainDrainEconomy` is the brain-drain variant: the sending country uses
capital, skilled and unskilled labor, and skilled emigration lowers the wage of
the unskilled who stay. :func:`immigration_surplus` and :func:`borjas_accounts`
are Borjas's (1995) back-of-the-envelope formulas in shares of GDP.

Units: labor in millions of workers, output and incomes in billions of dollars a
year, so wages are in thousands of dollars per worker-year. The two goods are the
same good (or a common numeraire), so incomes in R and S can be added.
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
    check_range,
    check_share,
    real,
    validate_fields,
)
from ._validate import out as _out

__all__ = [
    "TwoCountryEconomy",
    "TwoCountryOutcome",
    "GroupGains",
    "DealStakes",
    "BrainDrainEconomy",
    "BrainDrainOutcome",
    "BorjasAccounts",
    "immigration_surplus",
    "borjas_accounts",
]


# Capital stocks are in any positive units (only their ratio to labor and TFP matters),
# so they may be far larger than other numbers: up to 1e100.
_CAPITAL = real(0.0, 1e100, low_open=True)
# A factor share strictly between 0 and 1.
_FACTOR_SHARE = real(0.0, 1.0, low_open=True, high_open=True)


def _log_ratio_root(log_ratio: float, stay: float, come: float) -> float:
    """``(stay * r - come) / (1 + r)`` for ``r = exp(log_ratio)``, which may overflow a float."""
    if log_ratio > 700.0:  # r is beyond any float: everyone who can move does
        return stay - (stay + come) * math.exp(-log_ratio)
    r = math.exp(log_ratio)
    return stay - (stay + come) / (1.0 + r)


def _check_transfer_shares(remittance_share: float, emigration_tax: float) -> None:
    if remittance_share + emigration_tax > 1.0 + 1e-12:
        raise ValueError(
            f"remittance_share + emigration_tax={remittance_share + emigration_tax:g} "
            "is outside the allowed range [0, 1]: migrants cannot send home more than they earn"
        )


@dataclass(frozen=True)
class TwoCountryOutcome:
    """Incomes in both countries when ``migrants`` workers have moved from S to R.

    Every field is a float, or an array when ``migrants`` is an array.

    Attributes
    ----------
    migrants : workers who moved from S to R (millions).
    receiving_wage, sending_wage : the wage in R and in S (thousand $ per worker-year),
        each the marginal product of labor there.
    receiving_output, sending_output, world_output : GDP of R, of S, and their sum
        ($ bn a year).
    receiving_capital_income : R's capital owners' income, ``alpha * Y_R`` ($ bn).
    receiving_native_labor_income : R's native workers' wages, ``w_R * L_R`` ($ bn).
    migrant_earnings : the migrants' gross wages in R, ``w_R * m`` ($ bn).
    remittances : the part of those earnings migrants send to families at home ($ bn).
    emigration_tax_revenue : the part the sending country's government collects ($ bn).
    migrant_income : what the migrants keep: earnings less remittances and tax ($ bn).
    left_behind_labor_income : wages of the workers who stayed in S ($ bn).
    sending_capital_income : S's capital owners' income, ``alpha * Y_S`` ($ bn).
    receiving_natives : R's capital income plus its native workers' income ($ bn).
    left_behind : everything those who stayed in S receive: S's capital income, the
        stayers' wages, remittances and the emigration tax ($ bn).

    ``world_output == receiving_natives + migrant_income + left_behind`` always.
    """

    migrants: float
    receiving_wage: float
    sending_wage: float
    receiving_output: float
    sending_output: float
    world_output: float
    receiving_capital_income: float
    receiving_native_labor_income: float
    migrant_earnings: float
    remittances: float
    emigration_tax_revenue: float
    migrant_income: float
    left_behind_labor_income: float
    sending_capital_income: float
    receiving_natives: float
    left_behind: float


@dataclass(frozen=True)
class GroupGains:
    """Each group's gain from ``migrants`` moving, against no migration at all ($ bn a year).

    The groups are fixed people: the migrants are compared with what they earned at
    home before anyone left, and "left behind" is everyone who stays in S. Negative
    values are losses.

    Attributes
    ----------
    migrants : workers who moved (millions).
    receiving_capital : change in R's capital income.
    receiving_workers : change in R's native workers' wages (a loss).
    receiving_natives : the sum of the two: the immigration surplus (a gain).
    migrant_workers : what the migrants keep in R less what they earned at home.
    left_behind_workers : change in the stayers' wages in S (a gain: labor is scarcer).
    sending_capital : change in S's capital income (a loss).
    transfers_home : remittances plus emigration tax.
    left_behind : the stayers' total: workers + capital + transfers home.
    world : change in world output; the sum of all the groups' gains.
    """

    migrants: float
    receiving_capital: float
    receiving_workers: float
    receiving_natives: float
    migrant_workers: float
    left_behind_workers: float
    sending_capital: float
    transfers_home: float
    left_behind: float
    world: float


@dataclass(frozen=True)
class DealStakes:
    """What each government stands to gain or lose from a liberalisation of ``migrants``.

    The inputs to a one-way deal (:class:`migcoop.repeated.OneWayDeal`), per year.

    Attributes
    ----------
    migrants : the liberalisation: workers admitted (millions).
    receiving_value : R's government's valuation of admitting them: capital's gain,
        plus ``worker_weight`` times native workers' change, less the external cost
        ``external_cost * migrants`` ($ bn).
    restriction_gain : ``-receiving_value``: what R gains by keeping them out (G_R).
    sending_gain : S's government's valuation: the change for those left behind plus
        ``migrant_weight`` times the migrants' own gain (Delta S, $ bn).
    world_gain : change in world output less the external cost ($ bn).
    """

    migrants: float
    receiving_value: float
    restriction_gain: float
    sending_gain: float
    world_gain: float


@dataclass(frozen=True)
class TwoCountryEconomy:
    """Two Cobb-Douglas economies linked by migration from S (sending) to R (receiving).

    Parameters
    ----------
    capital_share : alpha, capital's share of output in both countries, in (0, 1).
        Labor's share is ``1 - alpha``; the wage falls by ``alpha`` per cent for each
        one per cent rise in employment.
    receiving_capital, sending_capital : K_R and K_S, the capital stocks (any positive
        units, up to 1e100; only their ratio to labor and TFP matter for wages).
    receiving_labor, sending_labor : L_R and L_S, native workers before migration
        (millions, > 0).
    receiving_tfp, sending_tfp : A_R and A_S, total factor productivity (> 0): the
        "productivity gap" that, with the capital gap, makes wages higher in R.
    remittance_share : share of migrants' gross earnings sent to families at home,
        in [0, 1].
    emigration_tax : a Bhagwati tax, the share of migrants' gross earnings abroad
        collected by S's government for those left behind, in [0, 1]. Together with
        ``remittance_share`` at most 1.

    Notes
    -----
    A simple model in the spirit of Sykes (1995) and Borjas (1995): the textbook
    two-country, two-factor model with immobile capital owned by natives and no
    government budget other than the emigration tax. Migration ``m`` is a policy
    choice (a quota R sets), not a free decision; :meth:`voluntary_migration` gives
    the number who would choose to move.

    Examples
    --------
    >>> e = TwoCountryEconomy(capital_share=0.5, receiving_capital=100.0,
    ...     receiving_labor=100.0, sending_capital=25.0, sending_labor=100.0)
    >>> e.efficient_migration()                     # wages equalise at 60 million
    60.0
    >>> o = e.outcome(60.0)
    >>> round(o.receiving_wage, 6) == round(o.sending_wage, 6)
    True
    >>> g = e.gains(60.0)
    >>> g.receiving_natives > 0 > g.receiving_workers, g.left_behind < 0 < g.migrant_workers
    (True, True)
    """

    capital_share: float
    receiving_capital: float
    receiving_labor: float
    sending_capital: float
    sending_labor: float
    receiving_tfp: float = 1.0
    sending_tfp: float = 1.0
    remittance_share: float = 0.0
    emigration_tax: float = 0.0

    def __post_init__(self):
        validate_fields(self, capital_share=_FACTOR_SHARE, receiving_capital=_CAPITAL,
                        receiving_labor=POSITIVE, sending_capital=_CAPITAL, sending_labor=POSITIVE,
                        receiving_tfp=POSITIVE, sending_tfp=POSITIVE, remittance_share=SHARE,
                        emigration_tax=SHARE)
        _check_transfer_shares(self.remittance_share, self.emigration_tax)

    # --- technology --------------------------------------------------------
    def _check_migrants(self, migrants):
        return check_range("migrants", migrants, 0.0, self.sending_labor, high_open=True)

    def _receiving_output(self, labor):
        a = self.capital_share
        return self.receiving_tfp * self.receiving_capital**a * np.asarray(labor, float) ** (1 - a)

    def _sending_output(self, labor):
        a = self.capital_share
        return self.sending_tfp * self.sending_capital**a * np.asarray(labor, float) ** (1 - a)

    def receiving_output(self, labor):
        """R's GDP with ``labor`` million workers employed ($ bn)."""
        return self._receiving_output(check_positive("labor", labor, allow_zero=True))

    def sending_output(self, labor):
        """S's GDP with ``labor`` million workers employed ($ bn)."""
        return self._sending_output(check_positive("labor", labor, allow_zero=True))

    def receiving_wage(self, migrants):
        """R's wage, its marginal product of labor, with ``migrants`` in (thousand $)."""
        m = self._check_migrants(migrants)
        labor = self.receiving_labor + m
        return _out((1 - self.capital_share) * self._receiving_output(labor) / labor)

    def sending_wage(self, migrants):
        """S's wage, its marginal product of labor, after ``migrants`` left (thousand $)."""
        m = self._check_migrants(migrants)
        labor = self.sending_labor - m
        return _out((1 - self.capital_share) * self._sending_output(labor) / labor)

    @property
    def wage_gap(self) -> float:
        """R's wage over S's wage before anyone moves (a ratio; > 1 means people want to move)."""
        return float(self.receiving_wage(0.0) / self.sending_wage(0.0))

    # --- outcomes -----------------------------------------------------------
    def outcome(self, migrants) -> TwoCountryOutcome:
        """Every group's income when ``migrants`` (millions, 0 <= m < L_S) have moved.

        Vectorised over an array of migrant numbers.
        """
        m = np.asarray(self._check_migrants(migrants), dtype=float)
        a = self.capital_share
        y_r = self._receiving_output(self.receiving_labor + m)
        y_s = self._sending_output(self.sending_labor - m)
        w_r = (1 - a) * y_r / (self.receiving_labor + m)
        w_s = (1 - a) * y_s / (self.sending_labor - m)
        earnings = w_r * m
        remit = self.remittance_share * earnings
        tax = self.emigration_tax * earnings
        kept = earnings - remit - tax
        cap_r, cap_s = a * y_r, a * y_s
        lab_r = w_r * self.receiving_labor
        lab_s = w_s * (self.sending_labor - m)
        return TwoCountryOutcome(
            migrants=_out(m), receiving_wage=_out(w_r), sending_wage=_out(w_s),
            receiving_output=_out(y_r), sending_output=_out(y_s), world_output=_out(y_r + y_s),
            receiving_capital_income=_out(cap_r), receiving_native_labor_income=_out(lab_r),
            migrant_earnings=_out(earnings), remittances=_out(remit),
            emigration_tax_revenue=_out(tax), migrant_income=_out(kept),
            left_behind_labor_income=_out(lab_s), sending_capital_income=_out(cap_s),
            receiving_natives=_out(cap_r + lab_r), left_behind=_out(cap_s + lab_s + remit + tax),
        )

    def gains(self, migrants) -> GroupGains:
        """Each group's gain ($ bn a year) from ``migrants`` moving, against no migration.

        Vectorised over an array of migrant numbers.
        """
        now = self.outcome(migrants)
        before = self.outcome(0.0)
        m = np.asarray(now.migrants, dtype=float)
        w_s0 = before.sending_wage
        cap_r = now.receiving_capital_income - before.receiving_capital_income
        work_r = now.receiving_native_labor_income - before.receiving_native_labor_income
        movers = now.migrant_income - w_s0 * m
        stayers = (now.sending_wage - w_s0) * (self.sending_labor - m)
        cap_s = now.sending_capital_income - before.sending_capital_income
        transfers = now.remittances + now.emigration_tax_revenue
        left = stayers + cap_s + transfers
        return GroupGains(
            migrants=_out(m), receiving_capital=_out(cap_r), receiving_workers=_out(work_r),
            receiving_natives=_out(cap_r + work_r), migrant_workers=_out(movers),
            left_behind_workers=_out(stayers), sending_capital=_out(cap_s),
            transfers_home=_out(transfers), left_behind=_out(left),
            world=_out(now.world_output - before.world_output),
        )

    def efficient_migration(self) -> float:
        """The migration that maximises world output: where the two wages are equal (millions).

        With Cobb-Douglas technology wages equalise when
        ``(L_R + m) / (L_S - m) = k_R / k_S`` with ``k_i = A_i**(1/alpha) * K_i``, so
        ``m* = (L_S k_R - L_R k_S) / (k_R + k_S)``; zero when R's wage is not higher.
        The slope of world output in ``m`` is the wage gap ``w_R - w_S``, so world
        output rises up to ``m*`` and falls beyond it.
        """
        a = self.capital_share
        try:
            k_r = self.receiving_tfp ** (1 / a) * self.receiving_capital
            k_s = self.sending_tfp ** (1 / a) * self.sending_capital
            m = (self.sending_labor * k_r - self.receiving_labor * k_s) / (k_r + k_s)
        except (OverflowError, ZeroDivisionError):
            m = math.nan
        if not math.isfinite(m):  # A**(1/alpha) overflows a float when alpha is tiny
            log_r = ((math.log(self.receiving_tfp) - math.log(self.sending_tfp)) / a
                     + math.log(self.receiving_capital) - math.log(self.sending_capital))
            m = _log_ratio_root(log_r, self.sending_labor, self.receiving_labor)
        return float(min(max(m, 0.0), self._most_migrants))

    @property
    def _most_migrants(self) -> float:
        """The largest float below ``sending_labor``: someone always stays."""
        return float(np.nextafter(self.sending_labor, 0.0))

    def voluntary_migration(self) -> float:
        """How many would move if R let in everyone who wants to come (millions).

        Migrants move while what they keep after the emigration tax, ``(1 - tax) w_R``,
        exceeds the home wage ``w_S`` (remittances are their own choice and do not deter
        them). Without a tax this is :meth:`efficient_migration`; a tax that is collected
        from everyone who moves lowers it, so the tax is a pure transfer only when R's
        quota holds migration below this level.
        """
        a = self.capital_share
        keep = 1.0 - self.emigration_tax
        if keep <= 0:
            return 0.0
        log_r = ((math.log(keep) + math.log(self.receiving_tfp) - math.log(self.sending_tfp)) / a
                 + math.log(self.receiving_capital) - math.log(self.sending_capital))
        if log_r < 700.0:
            ratio = (keep * self.receiving_tfp * self.receiving_capital**a
                     / (self.sending_tfp * self.sending_capital**a)) ** (1 / a)
            m = (ratio * self.sending_labor - self.receiving_labor) / (1 + ratio)
        else:  # the ratio overflows a float: nearly everyone moves
            m = _log_ratio_root(log_r, self.sending_labor, self.receiving_labor)
        return float(min(max(m, 0.0), self._most_migrants))

    def breakeven_transfer_rate(self, migrants):
        """The share of migrants' earnings that must go home to make those left behind whole.

        Remittances plus emigration tax, as a share of gross earnings abroad, at which
        the stayers' gain is exactly zero (0 when ``migrants`` is 0: the loss is second
        order). Up to the efficient migration the rate is below one, so the migrants
        still gain after paying it. Vectorised.
        """
        m = np.asarray(self._check_migrants(migrants), dtype=float)
        plain = TwoCountryEconomy(self.capital_share, self.receiving_capital, self.receiving_labor,
                                  self.sending_capital, self.sending_labor, self.receiving_tfp,
                                  self.sending_tfp)
        g = plain.gains(m)
        earnings = np.asarray(plain.outcome(m).migrant_earnings)
        loss = -np.asarray(g.left_behind)
        safe = np.where(earnings > 0, earnings, 1.0)
        return _out(np.where(m > 0, np.maximum(loss, 0.0) / safe, 0.0))

    def breakeven_emigration_tax(self, migrants):
        """The emigration tax rate that, on top of the remittances, makes stayers whole.

        ``max(breakeven_transfer_rate - remittance_share, 0)``; vectorised.
        """
        rate = np.asarray(self.breakeven_transfer_rate(migrants))
        return _out(np.maximum(rate - self.remittance_share, 0.0))

    def deal_stakes(self, migrants, *, external_cost=0.0, worker_weight=1.0,
                    migrant_weight=0.0) -> DealStakes:
        """What each government gains from a liberalisation that admits ``migrants``.

        Parameters
        ----------
        migrants : workers admitted (millions).
        external_cost : e, the nonpecuniary cost to R per migrant (fiscal burden,
            congestion), thousand $ a year (>= 0).
        worker_weight : the weight R's government puts on a dollar of its native
            workers' income relative to a dollar of capital income (>= 0; 1 is plain
            national income, above 1 a government that listens to labor).
        migrant_weight : the weight S's government puts on its emigrants' own gain, in
            [0, 1] (0: it counts only those left behind).
        """
        e = check_positive("external_cost", external_cost, allow_zero=True, scalar=True)
        ww = check_positive("worker_weight", worker_weight, allow_zero=True, scalar=True)
        mw = check_share("migrant_weight", migrant_weight, scalar=True)
        g = self.gains(migrants)
        m = np.asarray(g.migrants)
        r_value = np.asarray(g.receiving_capital) + ww * np.asarray(g.receiving_workers) - e * m
        s_gain = np.asarray(g.left_behind) + mw * np.asarray(g.migrant_workers)
        return DealStakes(migrants=_out(m), receiving_value=_out(r_value),
                          restriction_gain=_out(-r_value), sending_gain=_out(s_gain),
                          world_gain=_out(np.asarray(g.world) - e * m))


# --- the brain drain ---------------------------------------------------------
@dataclass(frozen=True)
class BrainDrainOutcome:
    """The sending economy after ``emigrants`` skilled workers have left.

    Attributes
    ----------
    emigrants : skilled workers who left (millions).
    skilled_wage, unskilled_wage : wages at home (thousand $ per worker-year).
    output : GDP at home ($ bn a year).
    capital_income, unskilled_income, skilled_stayers_income : incomes at home ($ bn).
    transfers_home : remittances plus emigration tax from the emigrants' pay abroad ($ bn).
    left_behind : everyone who stays: capital, the unskilled, skilled stayers and
        transfers home ($ bn).
    left_behind_gain : ``left_behind`` less what the same people had before anyone
        left ($ bn; negative is a loss).
    unskilled_gain : change in the unskilled workers' wages ($ bn; a loss).
    emigrant_gain : what the emigrants keep abroad less their pay at home before ($ bn).
    """

    emigrants: float
    skilled_wage: float
    unskilled_wage: float
    output: float
    capital_income: float
    unskilled_income: float
    skilled_stayers_income: float
    transfers_home: float
    left_behind: float
    left_behind_gain: float
    unskilled_gain: float
    emigrant_gain: float


@dataclass(frozen=True)
class BrainDrainEconomy:
    """A sending country whose skilled workers can emigrate (the brain drain).

    Output is ``Y = A K**a H**b U**(1 - a - b)`` with capital K, skilled labor H and
    unskilled labor U. Each factor is paid its marginal product, and skilled and
    unskilled labor are complements: fewer skilled workers lower the unskilled wage
    (``d w_U / d H = b (1 - a - b) Y / (H U) > 0``). Skilled emigration therefore
    raises the skilled wage at home and lowers capital income, the unskilled wage and,
    without transfers home, what those left behind receive.

    Parameters
    ----------
    capital_share : a, capital's share of output, in (0, 1).
    skilled_share : b, skilled labor's share, in (0, 1) with ``a + b < 1``.
    capital : K (any positive units, up to 1e100).
    skilled, unskilled : H and U, workers before emigration (millions, > 0).
    tfp : A, total factor productivity (> 0).
    skilled_wage_abroad : what a skilled emigrant earns abroad (thousand $ a year,
        >= 0); used for the emigrants' gain and for transfers home.
    remittance_share, emigration_tax : shares of emigrants' pay abroad that reach
        those left behind (each in [0, 1], together at most 1).

    Notes
    -----
    A simple model in the spirit of the brain-drain literature surveyed by Bhagwati
    (1976) and Docquier and Rapoport (2012).

    Examples
    --------
    >>> b = BrainDrainEconomy(capital_share=0.3, skilled_share=0.3, capital=100.0,
    ...     skilled=20.0, unskilled=80.0, skilled_wage_abroad=10.0)
    >>> b.outcome(5.0).unskilled_wage < b.outcome(0.0).unskilled_wage
    True
    """

    capital_share: float
    skilled_share: float
    capital: float
    skilled: float
    unskilled: float
    tfp: float = 1.0
    skilled_wage_abroad: float = 0.0
    remittance_share: float = 0.0
    emigration_tax: float = 0.0

    def __post_init__(self):
        validate_fields(self, capital_share=_FACTOR_SHARE, skilled_share=_FACTOR_SHARE,
                        capital=_CAPITAL, skilled=POSITIVE, unskilled=POSITIVE, tfp=POSITIVE,
                        skilled_wage_abroad=NONNEGATIVE, remittance_share=SHARE,
                        emigration_tax=SHARE)
        if self.capital_share + self.skilled_share >= 1.0:
            raise ValueError(
                f"capital_share + skilled_share={self.capital_share + self.skilled_share:g} "
                "is outside the allowed range (0, 1): unskilled labor needs a positive share"
            )
        _check_transfer_shares(self.remittance_share, self.emigration_tax)

    def _parts(self, h):
        a, b = self.capital_share, self.skilled_share
        skilled = self.skilled - h
        y = self.tfp * self.capital**a * skilled**b * self.unskilled ** (1 - a - b)
        return y, b * y / skilled, (1 - a - b) * y / self.unskilled

    def outcome(self, emigrants) -> BrainDrainOutcome:
        """The economy after ``emigrants`` (millions, 0 <= h < H) skilled workers left.

        Vectorised over an array of emigrant numbers.
        """
        h = np.asarray(check_range("emigrants", emigrants, 0.0, self.skilled, high_open=True),
                       dtype=float)
        y, w_h, w_u = self._parts(h)
        y0, w_h0, w_u0 = self._parts(0.0)
        a = self.capital_share
        pay_abroad = self.skilled_wage_abroad * h
        transfers = (self.remittance_share + self.emigration_tax) * pay_abroad
        cap, unsk, sk = a * y, w_u * self.unskilled, w_h * (self.skilled - h)
        left = cap + unsk + sk + transfers
        before = a * y0 + w_u0 * self.unskilled + w_h0 * (self.skilled - h)
        return BrainDrainOutcome(
            emigrants=_out(h), skilled_wage=_out(w_h), unskilled_wage=_out(w_u), output=_out(y),
            capital_income=_out(cap), unskilled_income=_out(unsk), skilled_stayers_income=_out(sk),
            transfers_home=_out(transfers), left_behind=_out(left),
            left_behind_gain=_out(left - before), unskilled_gain=_out(unsk - w_u0 * self.unskilled),
            emigrant_gain=_out(pay_abroad - transfers - w_h0 * h),
        )

    def breakeven_transfer_rate(self, emigrants):
        """Share of emigrants' pay abroad that must go home to make those left behind whole.

        Infinite when ``skilled_wage_abroad`` is 0 and someone leaves (no pay to share).
        Vectorised.
        """
        plain = BrainDrainEconomy(self.capital_share, self.skilled_share, self.capital,
                                  self.skilled, self.unskilled, self.tfp, self.skilled_wage_abroad)
        o = plain.outcome(emigrants)
        h = np.asarray(o.emigrants)
        loss = np.maximum(-np.asarray(o.left_behind_gain), 0.0)
        pay = self.skilled_wage_abroad * h
        with np.errstate(divide="ignore", invalid="ignore"):
            rate = np.where(pay > 0, loss / np.where(pay > 0, pay, 1.0), np.where(h > 0, np.inf, 0.0))
        return _out(rate)


# --- Borjas's immigration surplus ---------------------------------------------
@dataclass(frozen=True)
class BorjasAccounts:
    """Borjas's (1995) accounts of immigration, each as a fraction of GDP.

    Attributes
    ----------
    surplus : the immigration surplus, natives' net gain, ``s e m**2 / 2``.
    native_labor_loss : what native workers lose through lower wages, ``s e m (1 - m)``.
    capital_gain : what native owners of capital gain, ``s e m (1 - m/2)``.
    redistribution_ratio : ``native_labor_loss / surplus = 2 (1 - m) / m``: dollars moved
        from workers to capital per dollar of net gain. It depends on the immigrant share
        alone (``inf`` when there are no immigrants).
    """

    surplus: float
    native_labor_loss: float
    capital_gain: float
    redistribution_ratio: float


def _borjas_inputs(labor_share, wage_elasticity, immigrant_share):
    s = check_share("labor_share", labor_share)
    e = check_positive("wage_elasticity", wage_elasticity, allow_zero=True)
    m = check_range("immigrant_share", immigrant_share, 0.0, 1.0, high_open=True)
    return s, e, m


def immigration_surplus(labor_share, wage_elasticity, immigrant_share):
    """Borjas's immigration surplus to natives as a fraction of GDP: ``s * e * m**2 / 2``.

    Parameters
    ----------
    labor_share : s, labor's share of national income, in [0, 1].
    wage_elasticity : e, the magnitude (>= 0) of the factor-price elasticity: the per
        cent fall in the wage for a one per cent rise in employment.
    immigrant_share : m, immigrants as a share of the labor force, in [0, 1).

    Notes
    -----
    Borjas (1995) takes s = 0.7, e = 0.3 and m = 0.1 for the United States and finds a
    surplus of about 0.1 per cent of GDP. In a Cobb-Douglas economy (labor's share
    ``1 - alpha``, wage elasticity ``alpha``) it approximates the exact natives' gain of
    :class:`TwoCountryEconomy` when the immigrant share is small. Vectorised.

    >>> round(immigration_surplus(0.7, 0.3, 0.1), 6)
    0.00105
    """
    s, e, m = _borjas_inputs(labor_share, wage_elasticity, immigrant_share)
    return _out(0.5 * s * e * np.asarray(m) ** 2)


def borjas_accounts(labor_share, wage_elasticity, immigrant_share) -> BorjasAccounts:
    """The surplus beside the redistribution it rides on (Borjas 1995), fractions of GDP.

    Same arguments as :func:`immigration_surplus`; vectorised.

    >>> acc = borjas_accounts(0.7, 0.3, 0.1)
    >>> round(acc.native_labor_loss, 4), round(acc.redistribution_ratio, 9)
    (0.0189, 18.0)
    """
    s, e, m = _borjas_inputs(labor_share, wage_elasticity, immigrant_share)
    m = np.asarray(m, dtype=float)
    surplus = 0.5 * s * e * m**2
    loss = s * e * m * (1 - m)
    # loss / surplus = 2 (1 - m) / m whatever s and e: the ratio depends on m alone.
    with np.errstate(divide="ignore", over="ignore"):  # inf also for a share below 1e-308
        ratio = np.where(m > 0, 2 * (1 - m) / np.where(m > 0, m, 1.0), np.inf)
    return BorjasAccounts(surplus=_out(surplus), native_labor_loss=_out(loss),
                          capital_gain=_out(s * e * m * (1 - m / 2)),
                          redistribution_ratio=_out(ratio))
