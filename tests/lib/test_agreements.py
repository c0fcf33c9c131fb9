"""migcoop.agreements: the record of arrangements, and the enforcement deal of chapter 8."""

import csv
import io
import math
from importlib.resources import files
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migcoop import agreements
from migcoop.agreements import (
    COLUMNS,
    VOCABULARY,
    EnforcementDeal,
    gap_codings,
    income_gap,
    load_agreements,
    parse_agreements,
    theory_check,
)
from migcoop.diversion import DiversionModel
from migcoop.screening import ScreeningModel, good_share_admitted

TEXT = files("migcoop").joinpath("data", agreements.DATA_FILE).read_text(encoding="utf-8")
README = Path(agreements.__file__).parent / "data" / "agreements_README.md"
FAST = settings(max_examples=60, deadline=None)


# --- the record: shape and documentation ---------------------------------------------
def test_shape_and_columns():
    raw = list(csv.reader(io.StringIO(TEXT)))
    assert tuple(raw[0]) == COLUMNS
    assert len(raw) == 18 and all(len(r) == len(COLUMNS) for r in raw)
    rows = load_agreements()
    assert len(rows) == 17
    assert len({r.key for r in rows}) == 17
    assert sum(r.in_article for r in rows) == 13          # the article's illustrations


def test_every_row_names_its_source():
    for r in load_agreements():
        if r.in_article:
            assert "Sykes (2013)" in r.source, r.key
        else:
            assert r.source.startswith("Added by the book (not in Sykes 2013)"), r.key
        assert r.members and all(m for m in r.members)


def test_readme_documents_every_column_the_rule_and_the_row_count():
    text = README.read_text(encoding="utf-8")
    for col in COLUMNS:
        assert f"`{col}`" in text, col
    assert "17 data rows" in text
    assert str(agreements.GAP_YEAR) in text and "factor of 3" in text
    for key in agreements.OUTSIDE_THE_DATA:
        assert f"`{key}`" in text, key


def test_the_recorded_facts():
    rows = agreements.ARRANGEMENTS
    assert len(rows["ecowas"].members) == 15                      # Sykes n 70
    assert len(rows["eu"].members) == 27                          # early 2013
    assert len(rows["caricom_skills"].members) == 12              # the CSME participants
    assert "Jamaica" in rows["canada_sawp"].members
    assert rows["canada_sawp"].selection == "sending government"  # part II.B-C
    assert rows["gats_mode4"].access == "nondiscriminatory"       # GATS art II
    assert {k for k, r in rows.items() if r.permanent and r.in_article} == {
        "eu", "ttta", "ecowas", "comesa", "andean"}
    assert {k for k, r in rows.items() if not r.in_article} == {
        "cofa_fsm_rmi", "cofa_palau", "mercosur_residence", "caricom_skills"}
    assert all(rows[k].permanent for k in ("cofa_fsm_rmi", "cofa_palau", "mercosur_residence"))
    assert rows["eu"].welfare_safeguard == "self-sufficiency test"
    assert rows["mercosur_residence"].year == 2009 and rows["cofa_palau"].year == 1994
    assert all(agreements.FIRST_YEAR <= r.year <= agreements.LAST_YEAR for r in rows.values())


def test_vocabulary_holds_and_flags_follow_from_facts():
    for r in load_agreements():
        for col, allowed in VOCABULARY.items():
            value = getattr(r, col)
            if isinstance(value, bool):
                value = "yes" if value else "no"
            assert value in allowed
        assert r.one_way_risk == (r.development_gap == "large")
        assert r.diversion_risk == (r.access == "preferential")


# --- the development gap, from the income data -----------------------------------------
GAPMINDER = files("migcoop").joinpath("data", "gapminder_regions.csv").read_text(encoding="utf-8")


def _gdp(country, year=2007):
    """GDP per person straight from the shipped CSV (independent of the library)."""
    for r in csv.DictReader(io.StringIO(GAPMINDER)):
        if r["country"] == country and int(r["year"]) == year:
            return float(r["gdp_per_capita"])
    raise KeyError(country)


@pytest.mark.parametrize("members", [
    ("United States", "Mexico"), ("Australia", "New Zealand"), ("Peru", "Bolivia", "Ecuador", "Colombia"),
    ("United Kingdom", "Philippines"),
])
def test_gap_is_the_richest_over_the_poorest_member(members):
    incomes = [_gdp(m) for m in members]
    g = income_gap(members)
    assert math.isclose(g.ratio, max(incomes) / min(incomes))
    assert g.coding == ("large" if max(incomes) / min(incomes) >= agreements.GAP_THRESHOLD
                        else "comparable")
    assert g.year == agreements.GAP_YEAR and not g.missing


def test_every_measured_row_follows_the_rule_and_the_rest_are_documented():
    for r in load_agreements():
        g = income_gap(r)
        if r.key in agreements.OUTSIDE_THE_DATA:
            assert g.ratio is None and len(g.covered) < 2
            assert r.development_gap == "large"
        else:
            assert g.coding == r.development_gap, r.key
            assert len(g.covered) >= 2
    assert set(agreements.OUTSIDE_THE_DATA) == {"cofa_fsm_rmi", "cofa_palau"}


def test_groups_and_aliases_reach_the_data():
    cee = income_gap(["Central and Eastern European states", "Germany"])
    assert "Turkey" not in dict(cee.covered) and {"Poland", "Romania", "Germany"} <= set(dict(cee.covered))
    assert income_gap(["Slovakia", "Czech Republic"]).missing == ()
    assert income_gap(["Eastern Caribbean states", "Jamaica", "Canada"]).missing == ("Eastern Caribbean states",)
    assert len(income_gap(["WTO members"]).covered) == 142


@FAST
@given(st.lists(st.sampled_from(["United States", "Mexico", "Canada", "Jamaica", "Philippines",
                                 "Norway", "Bolivia", "Chile", "Nigeria", "Liberia"]),
                min_size=2, max_size=6, unique=True),
       st.sampled_from(["Germany", "Haiti", "Japan", "India"]),
       st.floats(1.0, 20.0), st.floats(1.0, 20.0))
def test_gap_properties(members, extra, t1, t2):
    g = income_gap(members)
    assert g.ratio >= 1.0
    assert income_gap(list(reversed(members))).ratio == g.ratio           # order does not matter
    assert income_gap([*members, extra]).ratio >= g.ratio - 1e-12          # a member never narrows it
    lo, hi = sorted((t1, t2))
    if income_gap(members, threshold=hi).coding == "large":                # a stricter cut-off
        assert income_gap(members, threshold=lo).coding == "large"         # codes no more gaps large


def test_gap_codings_at_other_thresholds():
    base = gap_codings()
    assert base == {r.key: r.development_gap for r in load_agreements()}
    assert all(c == "large" for c in gap_codings(1.0).values())
    extreme = gap_codings(1e6)
    assert {k for k, c in extreme.items() if c == "large"} == set(agreements.OUTSIDE_THE_DATA)


def test_income_gap_rejects_bad_input():
    for kwargs, word in [({"members": "Mexico"}, "members"), ({"members": []}, "members"),
                         ({"members": ["Mexico", 3]}, "members"),
                         ({"members": ["Mexico", "Canada"], "year": 2008}, "year"),
                         ({"members": ["Mexico", "Canada"], "year": 1900}, "year"),
                         ({"members": ["Mexico", "Canada"], "threshold": 0.5}, "threshold"),
                         ({"members": ["Mexico", "Canada"], "threshold": float("nan")}, "threshold")]:
        with pytest.raises(ValueError, match=word):
            income_gap(**kwargs)
    with pytest.raises(ValueError, match="threshold"):
        gap_codings(-1.0)


# --- the record beside the theory --------------------------------------------------------
def test_theory_check_on_the_record():
    t = theory_check()
    record = agreements.ARRANGEMENTS
    unequal_permanent = {k for k, r in record.items() if r.permanent and r.development_gap == "large"}
    assert set(t.permanent_with_one_way_risk) == unequal_permanent
    assert not t.consistent                                # measured gaps put arrangements there
    assert t.unguarded_temporary == ()
    assert t.nondiscriminatory == ("gats_mode4",)
    assert set(t.outside_the_data) == set(agreements.OUTSIDE_THE_DATA)
    assert set(t.permanent) | set(t.temporary) == set(record)
    # What survives: every permanent arrangement among unequal members that is fully in
    # force guards against welfare migration; the unguarded ones are not (fully) in force.
    for k in unequal_permanent:
        assert record[k].welfare_guarded or record[k].status != "in force", k


def _replace_cell(key, col, value, text=TEXT):
    rows = list(csv.DictReader(io.StringIO(text)))
    for r in rows:
        if r["key"] == key:
            r[col] = value
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue()


def test_theory_check_flags_a_counterexample():
    text = _replace_cell("canada_sawp", "permanence", "permanent")
    t = theory_check(parse_agreements(text))
    assert "canada_sawp" in t.permanent_with_one_way_risk
    assert not t.consistent and t.unequal_pairs_temporary < theory_check().unequal_pairs_temporary


def test_loader_rejects_a_gap_the_data_contradict():
    text = _replace_cell("ttta", "one_way_risk", "yes", _replace_cell("ttta", "development_gap", "large"))
    with pytest.raises(ValueError, match="income data"):
        parse_agreements(text)
    text = _replace_cell("cofa_palau", "key", "palau_unlisted")   # outside the data, unlisted
    with pytest.raises(ValueError, match="cannot be measured"):
        parse_agreements(text)
    text = _replace_cell("cofa_palau", "members", "United States;Mexico")
    with pytest.raises(ValueError, match="OUTSIDE_THE_DATA"):
        parse_agreements(text)


def test_the_map_s_years_match_the_record():
    from migcoop import figures  # noqa: F401  (registers the explorers)
    from migcoop.explore import REGISTRY

    years = [r.year for r in load_agreements()]
    slider = REGISTRY["agreements_map"].sliders["year"]
    assert slider.min <= min(years) < slider.min + slider.step
    assert slider.max - slider.step < max(years) <= slider.max


# --- the loader rejects bad files, naming the problem ------------------------------------
@pytest.mark.parametrize("col, value, word", [
    ("permanence", "forever", "permanence"),
    ("access", "mfn", "access"),
    ("year", "nineteen", "year"),
    ("year", "2030", "year"),
    ("year", "1800", "year"),
    ("members", "", "members"),
    ("source", "", "source"),
    ("one_way_risk", "no", "one_way_risk"),       # contradicts a large gap
    ("diversion_risk", "no", "diversion_risk"),   # contradicts preferential access
])
def test_loader_rejects_bad_cells(col, value, word):
    with pytest.raises(ValueError, match=word):
        parse_agreements(_replace_cell("canada_sawp", col, value))


def test_loader_rejects_bad_files(tmp_path):
    with pytest.raises(ValueError, match="columns"):
        parse_agreements("a,b\n1,2\n")
    with pytest.raises(ValueError, match="no rows"):
        parse_agreements(",".join(COLUMNS) + "\n")
    lines = TEXT.splitlines()
    with pytest.raises(ValueError, match="more than once"):
        parse_agreements("\n".join([*lines, lines[1]]) + "\n")
    with pytest.raises(ValueError, match="text"):
        parse_agreements(None)
    path = tmp_path / "copy.csv"
    path.write_text(TEXT, encoding="utf-8")
    assert load_agreements(path) == load_agreements()
    with pytest.raises(ValueError, match="rows"):
        theory_check([])


# --- the enforcement deal ----------------------------------------------------------------
def test_min_reward_is_the_screening_model_s():
    assert math.isclose(EnforcementDeal().min_reward(), ScreeningModel().deal_terms().min_reward)


def test_overstay_rates_closed_form():
    s = ScreeningModel()
    deal = EnforcementDeal(effort=1.0)
    assert math.isclose(deal.overstay_rate(), 1 - good_share_admitted(s.costly_share, s.sender_tpr,
                                                                      s.sender_fpr))
    assert math.isclose(deal.overstay_rate(0.0), s.costly_share)          # nobody screened
    assert math.isclose(deal.overstay_rate_status_quo(),
                        1 - good_share_admitted(s.costly_share, s.receiver_tpr, s.receiver_fpr))
    assert deal.overstay_rate() < deal.overstay_rate_status_quo()


@FAST
@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_more_effort_fewer_overstays(e1, e2):
    deal = EnforcementDeal()
    lo, hi = sorted((e1, e2))
    assert deal.overstay_rate(hi) <= deal.overstay_rate(lo) + 1e-12


@FAST
@given(st.floats(-5.0, 5.0), st.floats(0.0, 30.0), st.floats(0.2, 1.0))
def test_diversion_identities(premium, reward, effort):
    deal = EnforcementDeal(cost_premium=premium, effort=effort)
    b, o = deal.outcome(reward, "bilateral"), deal.outcome(reward, "open")
    for x in (b, o):
        assert math.isclose(x.world_gain, x.receiver_gain + x.partner_gain + x.excluded_gain,
                            rel_tol=1e-9, abs_tol=1e-9)
        assert math.isclose(x.from_partner + x.from_others, x.quota, abs_tol=1e-9)
    assert o.diversion_loss == 0.0
    assert math.isclose(b.diversion_loss, max(premium, 0.0) * b.quota, abs_tol=1e-9)
    # Opening the arrangement gains the world exactly the diversion loss (MFN never loses).
    assert math.isclose(o.world_gain - b.world_gain, b.diversion_loss, rel_tol=1e-9, abs_tol=1e-9)
    assert o.receiver_gain >= b.receiver_gain - 1e-9
    assert b.excluded_gain == 0.0 and o.excluded_gain >= 0.0 or o.quota == 0
    if premium > 0:
        assert o.from_partner == 0.0 and o.partner_gain <= b.partner_gain + 1e-9
    if premium < 0:   # the partner is the efficient source: nothing to divert
        assert math.isclose(o.world_gain, b.world_gain, rel_tol=1e-9, abs_tol=1e-9)


def test_diversion_loss_is_the_diversion_model_s_rectangle():
    deal = EnforcementDeal(cost_premium=3.0)
    b = deal.outcome(5.0, "bilateral")
    market = DiversionModel(1000.0, 1.0, 10.0, 13.0, "resource", cap=b.quota)
    rect = market.compare(market.mfn(0.0), market.outcome(500.0, 0.0)).diversion
    assert math.isclose(b.diversion_loss, rect)


def test_reward_range_and_acceptability():
    deal = EnforcementDeal()
    lo, hi = deal.reward_range()
    assert math.isclose(lo, deal.min_reward(), abs_tol=0.011)
    inside = deal.outcome(np.array([lo, (lo + hi) / 2, hi]), "bilateral")
    assert np.all(inside.acceptable_to_receiver) and np.all(inside.acceptable_to_partner)
    below, above = deal.outcome(lo - 0.5, "bilateral"), deal.outcome(hi + 0.5, "bilateral")
    assert not below.acceptable_to_partner and not above.acceptable_to_receiver
    # Without screening there is nothing to pay for.
    assert EnforcementDeal(effort=0.0).reward_range()[0] == math.inf


def test_patience_falls_with_the_reward():
    deal = EnforcementDeal()
    p = deal.outcome(np.array([5.0, 10.0, 20.0]), "bilateral").partner_patience
    assert np.all(np.diff(p) < 0) and np.all(p < 1)


def test_outcome_vectorises():
    deal = EnforcementDeal()
    rewards = np.array([0.0, 5.0, 10.0])
    many = deal.outcome(rewards, "open")
    for i, r in enumerate(rewards):
        one = deal.outcome(r, "open")
        assert math.isclose(many.world_gain[i], one.world_gain)


@pytest.mark.parametrize("kwargs, name", [
    ({"effort": 1.5}, "effort"),
    ({"effort": float("nan")}, "effort"),
    ({"cost_premium": -20.0}, "cost_premium"),
    ({"cost_premium": float("inf")}, "cost_premium"),
    ({"supply_cost": 0.0}, "supply_cost"),
    ({"screening": "model"}, "screening"),
])
def test_deal_rejects_bad_parameters(kwargs, name):
    with pytest.raises(ValueError, match=name):
        EnforcementDeal(**kwargs)


def test_outcome_rejects_bad_input():
    deal = EnforcementDeal()
    with pytest.raises(ValueError, match="arrangement"):
        deal.outcome(1.0, "multilateral")
    with pytest.raises(ValueError, match="visa_reward"):
        deal.outcome(-1000.0)
    with pytest.raises(ValueError, match="visa_reward"):
        deal.outcome(float("nan"))
    with pytest.raises(ValueError, match="effort"):
        deal.overstay_rate(-0.1)
