"""migcoop.calibrations: every example of the book, defined once, on the ground floor."""

import doctest
import math
import re
import subprocess
import sys

import numpy as np
import pytest

from migcoop import calibrations as cal
from migcoop.agreements import EnforcementDeal
from migcoop.capstone import CapstoneWorld
from migcoop.coordination import LeakageGame, SortingGame
from migcoop.diversion import DiversionModel
from migcoop.gains import RegionalEconomy, WageGapMarket
from migcoop.markets import LinearMarket
from migcoop.readmission import ReadmissionGame
from migcoop.refugees import DeterrenceGame, FirstEntryRule, RefugeeRegime, StandardsGame
from migcoop.repeated import OneWayDeal
from migcoop.screening import ScreeningModel
from migcoop.temporary import TemporaryMigration
from migcoop.two_country import BrainDrainEconomy, TwoCountryEconomy

# Each calibration, the arguments of one call, and the model type it returns.
CASES = [
    ("gapminder_economy", (2007,), RegionalEconomy),
    ("wage_gap_market", (6.0,), WageGapMarket),
    ("goods_market", (2.0,), LinearMarket),
    ("migrant_labor_market", (0.5, 5.0), LinearMarket),
    ("screening_model", (), ScreeningModel),
    ("reluctant_sender_screening_model", (), ScreeningModel),
    ("leakage_game", (0.9, 6.0, 6, 25.0), LeakageGame),
    ("sorting_game", (4, 20.0), SortingGame),
    ("two_country_economy", (), TwoCountryEconomy),
    ("one_way_deal", (), OneWayDeal),
    ("brain_drain_economy", (), BrainDrainEconomy),
    ("diversion_model", (), DiversionModel),
    ("temporary_arrangement", (), TemporaryMigration),
    ("enforcement_deal", (), EnforcementDeal),
    ("readmission_game", (), ReadmissionGame),
    ("refugee_regime", (), RefugeeRegime),
    ("standards_game", (), StandardsGame),
    ("deterrence_game", (), DeterrenceGame),
    ("first_entry_rule", (), FirstEntryRule),
    ("capstone_world", (), CapstoneWorld),
]
FUNCTIONS = [name for name in cal.__all__ if callable(getattr(cal, name))]
CONSTANTS = [name for name in cal.__all__ if not callable(getattr(cal, name))]


def _imports_matplotlib(module: str) -> bool:
    code = f"import sys, {module}; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip() == "True"


def test_calibrations_load_no_matplotlib():
    """The ground floor stays numpy-only (passes now)."""
    assert not _imports_matplotlib("migcoop.calibrations")


def test_checks_load_no_matplotlib():
    """Answer checks never draw (passes once migcoop.checks no longer reaches into figures)."""
    assert not _imports_matplotlib("migcoop.checks")


def test_every_calibration_is_tested_and_follows_the_naming_rule():
    assert sorted(FUNCTIONS) == sorted(name for name, _, _ in CASES)
    for name in FUNCTIONS:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", name), name
    for name in CONSTANTS:
        assert re.fullmatch(r"[A-Z][A-Z0-9_]*", name), name


@pytest.mark.parametrize("name, args, kind", CASES, ids=[c[0] for c in CASES])
def test_calibration_returns_its_model(name, args, kind):
    assert type(getattr(cal, name)(*args)) is kind


@pytest.mark.parametrize("name", FUNCTIONS)
def test_calibration_documents_itself_and_its_doctest_runs(name):
    fn = getattr(cal, name)
    doc = fn.__doc__ or ""
    assert "Examples" in doc and ">>>" in doc, f"{name} needs an Examples section"
    tests = doctest.DocTestFinder().find(fn, name, globs=vars(cal).copy())
    assert tests and tests[0].examples
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for t in tests:
        runner.run(t)
    assert runner.failures == 0


def test_choices_are_identifiers_not_display_text():
    for table in (cal.RENT_KEPT, cal.EMPLOYMENT_SCREENS):
        for key in table:
            assert re.fullmatch(r"[a-z_]+", key), key
    assert cal.migrant_labor_market(0.5, 5.0, cal.RENT_KEPT["migrants"]).rent_share == 0.0
    assert cal.migrant_labor_market(0.5, 5.0).rent_share == cal.RENT_KEPT["receiver"] == 1.0
    with pytest.raises(ValueError, match="screen"):
        cal.temporary_arrangement("job offer required")


# --- chapter 5's economy: one definition reproduces both old ones --------------------------
@pytest.mark.parametrize("alpha, gap", [(0.35, 4.0), (0.25, 2.0), (0.45, 10.0), (0.3, 1.0)])
def test_two_country_economy_closed_forms(alpha, gap):
    e = cal.two_country_economy(capital_share=alpha, capital_gap=gap)
    assert e.receiving_labor == 150.0 and e.sending_labor == 50.0
    assert e.receiving_tfp == e.sending_tfp == 1.0
    # Output per worker in S is 20 before migration, whatever the capital share ...
    assert math.isclose(float(e.sending_output(50.0)) / 50.0, 20.0, rel_tol=1e-12)
    # ... R has `gap` times S's capital per worker, so 20 gap**alpha per worker in R ...
    assert math.isclose(e.receiving_capital / 150.0 / (e.sending_capital / 50.0), gap, rel_tol=1e-12)
    assert math.isclose(float(e.receiving_output(150.0)) / 150.0, 20.0 * gap**alpha, rel_tol=1e-12)
    # ... and wages are equalised when capital per worker is: (50 c - 150) / (c + 1), c = 3 gap.
    c = 3.0 * gap
    assert math.isclose(e.efficient_migration(), max(50 * c - 150, 0) / (c + 1), abs_tol=1e-9)
    # The old formula of temporary.example_economy and figures.one_way.example_economy:
    k_s = 20.0 ** (1 / alpha)
    assert e == TwoCountryEconomy(alpha, 150.0 * gap * k_s, 150.0, 50.0 * k_s, 50.0)


def test_two_country_economy_chapter_numbers():
    e = cal.two_country_economy()
    m = e.efficient_migration()
    assert math.isclose(m, 450.0 / 13.0, rel_tol=1e-12)
    taxed = cal.two_country_economy(remittance_share=0.05)
    assert taxed.remittance_share == 0.05 and taxed.emigration_tax == 0.0
    assert math.isclose(float(taxed.breakeven_emigration_tax(m)), 0.075, abs_tol=1e-3)
    assert cal.two_country_economy(emigration_tax=0.1).emigration_tax == 0.1
    for bad in ({"capital_share": 0.0}, {"capital_share": 1.0}, {"capital_gap": 0.0},
                {"capital_share": math.nan}):
        with pytest.raises(ValueError, match=next(iter(bad))):
            cal.two_country_economy(**bad)


def test_the_economy_is_shared_by_chapters_5_7_and_10():
    e = cal.two_country_economy()
    assert cal.temporary_arrangement().economy == e
    assert cal.capstone_world().migration.economy == e
    assert CapstoneWorld().migration == cal.temporary_arrangement()   # the model's default


# --- the other calibrations reproduce the chapters' numbers ---------------------------------
def test_market_calibrations():
    goods = cal.goods_market(2.0)
    assert goods.equilibrium(0.0).quantity == pytest.approx(cal.FREE_TRADE_QUANTITY)
    assert goods.equilibrium(0.0).buyer_price == pytest.approx(cal.FREE_TRADE_PRICE)
    for eps in (1.0, 2.0, 8.0):
        m = cal.goods_market(eps)
        assert m.supply_elasticity(cal.FREE_TRADE_QUANTITY) == pytest.approx(eps)
    with pytest.raises(ValueError, match="elasticity"):
        cal.goods_market(0.5)
    labor = cal.migrant_labor_market(0.5, 5.0)
    assert labor.equilibrium(labor.global_optimum()).quantity == pytest.approx(11.25)
    assert labor.equilibrium(labor.national_optimum()).quantity == pytest.approx(7.5)
    assert labor.supply_price(0.0) == pytest.approx(cal.HOME_WAGE)
    wg = cal.wage_gap_market(6.0)
    assert (wg.free_movement(), wg.efficient_migration()) == pytest.approx((20.0, 16.0))


def test_game_and_model_calibrations():
    g = cal.leakage_game(0.9, 6.0, 6, 25.0)
    assert g.pressure == 36.0 and g.benefit / g.crowding == 2.0
    assert [round(e.restriction, 2) for e in g.equilibria()] == [0.0, 0.05, 0.84]
    assert cal.sorting_game(4, 20.0).band() == pytest.approx((2.0, 8.4))
    assert cal.screening_model() == ScreeningModel()
    rel = cal.reluctant_sender_screening_model(sender_fpr=0.2)
    assert (rel.riddance_gain, rel.sender_cost, rel.sender_fpr) == (8.0, 2.0, 0.2)
    assert cal.one_way_deal().summary().best_transfer == pytest.approx(4.0)
    assert cal.diversion_model().demand_price(0.0) == pytest.approx(30.0)
    screened = cal.temporary_arrangement("job_offer")
    assert (screened.screen_tpr, screened.screen_fpr) == cal.EMPLOYMENT_SCREENS["job_offer"]
    assert cal.temporary_arrangement(migrants=4.0).migrants == 4.0
    assert cal.enforcement_deal() == EnforcementDeal()
    assert cal.refugee_regime() == RefugeeRegime() and cal.standards_game() == StandardsGame()
    w = cal.capstone_world(cost_premium=0.2, return_rate=0.5, discount_factor=0.8)
    assert (w.cost_premium, w.temporary_return_rate, w.discount_factor) == (0.2, 0.5, 0.8)


def test_brain_drain_economy():
    b = cal.brain_drain_economy()
    home = b.outcome(0.0)
    assert b.skilled_wage_abroad == pytest.approx(3.0 * home.skilled_wage)
    leave = np.linspace(0.0, 0.5, 11) * b.skilled
    assert np.all(np.diff(b.outcome(leave).unskilled_wage) < 0)       # complements
    assert cal.brain_drain_economy(emigration_tax=0.05).emigration_tax == 0.05
    assert cal.brain_drain_economy(abroad_wage_ratio=0.0).skilled_wage_abroad == 0.0
