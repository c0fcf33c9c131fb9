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
    assert len(raw) == 14 and all(len(r) == len(COLUMNS) for r in raw)
    rows = load_agreements()
    assert len(rows) == 13
    assert len({r.key for r in rows}) == 13


def test_every_row_has_a_source_citing_the_article():
    for r in load_agreements():
        assert "Sykes (2013)" in r.source, r.key
        assert r.members and all(m for m in r.members)


def test_readme_documents_every_column_and_the_row_count():
    text = README.read_text(encoding="utf-8")
    for col in COLUMNS:
        assert f"`{col}`" in text, col
    assert "13 data rows" in text


def test_the_article_s_facts():
    rows = agreements.ARRANGEMENTS
    assert len(rows["ecowas"].members) == 15                      # Sykes n 70
    assert len(rows["eu"].members) == 27                          # early 2013
    assert "Jamaica" in rows["canada_sawp"].members
    assert rows["canada_sawp"].selection == "sending government"  # part II.B-C
    assert rows["gats_mode4"].access == "nondiscriminatory"       # GATS art II
    assert {k for k, r in rows.items() if r.permanent} == {"eu", "ttta", "ecowas", "comesa", "andean"}
    assert rows["eu"].welfare_safeguard == "self-sufficiency test"
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


def test_theory_check_on_the_record():
    t = theory_check()
    assert t.permanent_with_one_way_risk == ()          # the one-way problem: none
    assert t.unequal_pairs_temporary == 1.0
    assert t.unguarded_temporary == ()
    assert t.nondiscriminatory == ("gats_mode4",)
    assert t.consistent
    assert set(t.permanent) | set(t.temporary) == set(agreements.ARRANGEMENTS)


def _replace_cell(key, col, value):
    rows = list(csv.DictReader(io.StringIO(TEXT)))
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
    assert t.permanent_with_one_way_risk == ("canada_sawp",)
    assert not t.consistent and t.unequal_pairs_temporary < 1


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
