"""The instructor's answer key: every checkable exercise answer, computed from the models.

This file is instructor-only: it sits outside the installed package ``migcoop`` (which
ships only salted digests of the answers, see ``migcoop.checks``), and the student
edition leaves it out.

    python tools/answer_key.py key       _build/instructor/answer-key.json and .html
    python tools/answer_key.py digests   regenerate lib/migcoop/checks/_digests.py
    python tools/answer_key.py --check   exit 1 when _digests.py is stale

(``make answer-key`` and ``make check-hashes`` run the first two.)

Python API, for tests and tools:

* :func:`answer_values` -> ``{label: float | tuple[float, ...]}``, the exact expected values;
* :data:`KEY` -> ``{label: compute function}``;
* :func:`render_digests` -> the text ``_digests.py`` must have.

Each compute function uses the book's calibrations (``migcoop.calibrations``) and model
modules only, never the figure layer.
"""

from __future__ import annotations

import argparse
import html
import json
import math
import re
import secrets
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIGESTS = ROOT / "lib" / "migcoop" / "checks" / "_digests.py"
OUT = ROOT / "_build" / "instructor"

KEY: dict[str, Callable[[], object]] = {}


def answer(label: str):
    """Register ``compute`` as the answer of exercise ``label``."""

    def decorate(compute):
        KEY[label] = compute
        return compute

    return decorate


# --- chapter 1 -----------------------------------------------------------------------------
@answer("ex-01-2")
def efficient_migration_and_gains():
    """(efficient migrants, world gain there, world gain under free movement) with e = 7.5.

    An external cost the wage-gap explorer's slider (steps of 3) cannot reach."""
    from migcoop import calibrations as cal

    m = cal.wage_gap_market(7.5, 10.0)
    best, free = m.efficient_migration(), m.free_movement()
    return best, m.outcome(best).world_gain, m.outcome(free).world_gain


@answer("ex-01-3")
def two_region_prize():
    """(full-mobility gain in per cent of world GDP, people who move in billions)."""
    from migcoop.gains import RegionalEconomy

    out = RegionalEconomy(("North", "South"), [1.0, 5.0], [40.0, 4.0]).outcome(1.0, 1 / 3)
    return 100 * out.gain, out.migrants


@answer("ex-01-4")
def first_quarter_share():
    """Share of the full-mobility gain from removing a quarter of each gap (2007, α = 0.35)."""
    from migcoop import calibrations as cal

    w = cal.gapminder_economy(2007, "region")
    return w.gain(0.25, 0.35) / w.full_mobility_gain(0.35)


# --- chapter 2 -----------------------------------------------------------------------------
@answer("ex-02-2")
def optimal_specific_tariff():
    """The importer's optimal specific tariff, demand q = 100 - p and supply q = 1.6p - 30.

    Foreign supply elasticity 1.6 at free trade: off the tariff explorer's slider (steps of 0.5)
    and out of the chapter's table."""
    from migcoop import calibrations as cal

    return cal.goods_market(1.6).national_optimum()


@answer("ex-02-3")
def migration_optima():
    """(world's best number of migrants, receiving country's best) in the cap example, e = 6.5.

    An external cost the migration-cap explorer's slider (steps of 1) cannot reach."""
    from migcoop import calibrations as cal

    m = cal.migrant_labor_market(0.5, 6.5, rent_kept=1.0)
    return (m.equilibrium(m.global_optimum()).quantity,
            m.equilibrium(m.national_optimum()).quantity)


@answer("ex-02-4")
def tariff_war_patience():
    """The smallest discount factor that sustains free trade when ε₀ = 2."""
    from migcoop import calibrations as cal
    from migcoop.markets import tariff_game
    from migcoop.repeated import min_discount_factor

    g = tariff_game(cal.goods_market(2.0))
    return min_discount_factor(g.cooperate, g.deviate, g.punish)


# --- chapter 3 -----------------------------------------------------------------------------
@answer("ex-03-2")
def smallest_visa_reward():
    """The smallest visa reward (thousand visas) the sending country accepts when g = 4.

    A gain per emigrant the chapter's explorers cannot set (the baseline's g = 3 is in the
    chapter's table), so nothing the chapter shows gives the answer."""
    from migcoop import calibrations as cal

    return cal.screening_model(sender_gain=4.0).deal_terms().min_reward


@answer("ex-03-3")
def programme_only_with_cooperation():
    """(quota without a deal, largest quota R accepts with S screening) at s = 0.45."""
    from migcoop import calibrations as cal

    m = cal.screening_model(costly_share=0.45)
    return (m.noncooperative().quota, m.deal_terms().max_quota)


@answer("ex-03-4")
def patience_to_keep_screening():
    """The least discount factor at which S keeps screening with a reward of 10 thousand visas."""
    from migcoop import calibrations as cal

    return cal.screening_model().shirking_threshold(10.0)


# --- chapter 4 -----------------------------------------------------------------------------
@answer("ex-04-2")
def sorting_band():
    """(least, most restrictive common policy in the band), N = 4, Λ = 22, w = 10.

    A pool the band explorer's slider (steps of 5 from 10) cannot reach; the chapter states
    the band for Λ = 20."""
    from migcoop import calibrations as cal

    return tuple(cal.sorting_game(4, 22.0).band())


@answer("ex-04-3")
def most_restrictive_equilibrium():
    """(restriction, welfare per country) in the most restrictive equilibrium, e = 27.5.

    An enforcement cost the best-response explorer's slider (steps of 1) cannot reach; the
    chapter describes the trap at e = 25."""
    from migcoop import calibrations as cal

    eq = cal.leakage_game(0.9, 6.0, 6, 27.5).equilibria()[-1]
    return (eq.restriction, eq.welfare)


@answer("ex-04-4")
def stayed_home():
    """Migrants (millions) who stay home when six countries each turn away half of arrivals."""
    from migcoop import calibrations as cal

    return cal.leakage_game(0.9, 6.0, 6, 25.0).flows(0.5).stayed_home


# --- chapter 5 -----------------------------------------------------------------------------
@answer("ex-05-2")
def one_way_tax():
    """(efficient migration, emigration tax making those left behind whole), remittances 5 %.

    A capital gap of 3.5, which the first explorer's slider (whole steps) cannot reach: its alt
    text states the efficient level at the default gap of 4."""
    from migcoop import calibrations as cal

    e = cal.two_country_economy(capital_share=0.35, capital_gap=3.5, remittance_share=0.05)
    m = e.efficient_migration()
    return (m, e.breakeven_emigration_tax(m))


@answer("ex-05-3")
def best_one_way_deal():
    """(best transfer, least discount factor) when G_R = 3 and ΔS = 12."""
    from migcoop.repeated import OneWayDeal

    s = OneWayDeal(restriction_gain=3.0, sending_gain=12.0).summary()
    return (s.best_transfer, s.min_delta)


@answer("ex-05-4")
def borjas_today():
    """(immigration surplus, native workers' loss) as fractions of GDP, s = 0.7, e = 0.3, m = 0.181.

    The foreign-born share of the US labor force in 2022, which the Borjas explorer's frames
    (steps of 0.05) and slider (steps of 0.025) cannot reach."""
    from migcoop.two_country import borjas_accounts

    acc = borjas_accounts(0.7, 0.3, 0.181)
    return (acc.surplus, acc.native_labor_loss)


# --- chapter 6 -----------------------------------------------------------------------------
@answer("ex-06-2")
def creation_and_diversion():
    """(creation, diversion, world change): full preference for B, fee 6, w_A = 10, w_B = 12."""
    from migcoop import calibrations as cal

    d = cal.diversion_model(cost_a=10.0, cost_b=12.0).preferential_deal(barrier=6.0, preference=6.0)
    return (d.creation, d.diversion, d.world_change)


@answer("ex-06-3")
def breakeven_gap():
    """The largest cost gap of B at which a full preference against a fee of 5.5 still gains.

    A fee the chapter's break-even figure (fee 8) does not use."""
    from migcoop import calibrations as cal

    return cal.diversion_model(cost_a=10.0, cost_b=11.0).breakeven_cost_gap(barrier=5.5)


@answer("ex-06-4")
def cap_diversion():
    """(world change, A's migrants' change): full preference under a cap of 44, fee 3, w_B 12.5.

    Not the cap, fee and costs of the chapter's 'who bears the loss' figure (40, 4, 13)."""
    from migcoop import calibrations as cal

    d = cal.diversion_model(cost_a=10.0, cost_b=12.5, barrier_type="revenue", cap=44.0,
                            rent_share=0.0).preferential_deal(3.0, 3.0)
    return (d.world_change, d.excluded_change)


@answer("ex-06-7")
def quota_beside_the_cap():
    """(world change of B's own quota of 5 beside a cap of 44, of the cap raised by 5 for all)."""
    from migcoop import calibrations as cal

    market = cal.diversion_model(cost_a=10.0, cost_b=12.5, cap=44.0)
    wider = cal.diversion_model(cost_a=10.0, cost_b=12.5, cap=49.0)
    own = market.separate_quota(barrier=3.0, quota=5.0)
    return (own.world_change, market.compare(market.mfn(3.0), wider.mfn(3.0)).world_change)


# --- chapter 7 -----------------------------------------------------------------------------
@answer("ex-07-2")
def sender_least_return_rate():
    """The least return rate at which S gains, remittances of 10 per cent, no screen."""
    from migcoop import calibrations as cal

    return cal.temporary_arrangement("none").sender_min_return_rate(0.1)


@answer("ex-07-3")
def receiver_least_return_rates():
    """R's least return rate without an employment screen and with a job offer required,
    when 8 per cent of applicants (not the chapter's 10) would not hold a job."""
    from migcoop import calibrations as cal

    return (cal.temporary_arrangement("none", welfare_share=0.08).receiver_min_return_rate(),
            cal.temporary_arrangement("job_offer", welfare_share=0.08).receiver_min_return_rate())


@answer("ex-07-4")
def rotation_cost_for_two_year_stays():
    """(rotation cost at which two-year stays are R's best, R's gain there) with the job offer."""
    from migcoop import calibrations as cal

    job = cal.temporary_arrangement("job_offer")
    c_r = job.settle_rate * job.family_cost / (0.5 + job.settle_rate) ** 2
    model = job.replace(rotation_cost=c_r)
    assert math.isclose(model.receiver_best_return_rate(), 0.5, rel_tol=1e-12)
    return (c_r, model.outcome(0.5, 0.1).receiving_gain)


@answer("ex-07-7")
def permanent_thresholds():
    """(settled share at which permanent = temporary for S, least settled share at which S
    gains from permanent migration with nu = 0.025), with beta = 0.2 and rho = 0.1."""
    from migcoop import calibrations as cal

    model = cal.temporary_arrangement("none", citizen_weight=0.2)
    return (model.tied_value_share(0.1),
            float(model.permanent_min_settled_share(0.1, voluntary_return_rate=0.025)))


# --- chapter 8 -----------------------------------------------------------------------------
@answer("ex-08-8")
def slopes_and_cash_for_an_impatient_sender():
    """(threshold slope, full-effort slope, yearly cash bonus for full effort) with δ = 0.85."""
    from migcoop import calibrations as cal

    g = cal.readmission_game(sender_discount=0.85)
    return g.threshold_slope(), float(g.slope_for_effort(1.0)), float(g.cash_cost(1.0))


@answer("ex-08-9")
def receiver_patience_bilateral_and_pooled():
    """R's least discount factor for the rule (slope 45, base quota 10), alone and in a pool."""
    from migcoop import calibrations as cal

    alone = cal.readmission_game().outcome(45.0, 10.0)
    pooled = cal.readmission_game(reallocation=cal.POOL_REALLOCATION).outcome(45.0, 10.0)
    return alone.receiver_patience, pooled.receiver_patience


# --- chapter 9 -----------------------------------------------------------------------------
@answer("ex-09-2")
def nash_and_efficient():
    """(Nash protection, protection at the hosts' joint optimum) per host, N = 8, α = 6, k = 2."""
    from migcoop.refugees import protection_levels

    lv = protection_levels(8, 6.0, 2.0)
    return lv.nash, lv.joint


@answer("ex-09-3")
def breakdown_at_delta_08():
    """(breakdown load, yearly breach probability) for the chapter's regime with δ = 0.8."""
    from migcoop import calibrations as cal

    r = cal.refugee_regime(discount=0.8)
    return r.breakdown_load(), r.breach_probability()


@answer("ex-09-4")
def standards_half_economic():
    """(cooperative standard, equilibrium standard) with ω = 0.5 and the default game."""
    from migcoop.refugees import equilibrium_standards

    nash, coop = equilibrium_standards(0.5, hosts=10, discriminability=1.5, refugee_value=1.0,
                                       migrant_cost=1.0, sensitivity=3.0)
    return coop, nash


@answer("ex-09-7")
def deterrence_equilibrium():
    """(equilibrium share kept away, refugees all hosts protect) with eight hosts, α = 4, k = 1,
    30 thousand would-be arrivals each, Π = 0.6 and Ξ = 1,200 (values the deterrence
    explorer cannot reach: its arrivals and altruism are fixed at 34 and 10). The protection,
    about 188, is above 150, the largest number the simulation's progress line can print."""
    from migcoop import calibrations as cal

    eq = cal.deterrence_game(hosts=8, altruism=4.0, cost=1.0, arrivals=30.0, redirect=0.6,
                             deterrence_cost=1200.0).equilibrium()
    return eq.nash, eq.protection_nash


@answer("ex-09-8")
def equalising_solidarity():
    """(the payment that equalises frontline and interior stakes, the yearly breach probability
    with it) for four frontline hosts of ten and a rule of strength 0.32 (the frontline
    explorer's slider moves in steps of 0.05 and pre-renders three frontline hosts)."""
    from migcoop import calibrations as cal

    rule = cal.first_entry_rule(frontline=4, entry_rule=0.32)
    v = rule.values()
    n, nf = rule.regime.hosts, rule.frontline
    xi = (v.interior_stake - v.frontline_stake) * (n - nf) / n
    return xi, rule.replace(solidarity=xi).breach_probability()


# --- chapter 10 ----------------------------------------------------------------------------
@answer("ex-10-3")
def diversion_at_premium():
    """(diversion loss, R's gain under preferential access) at a premium of $200 per worker."""
    from migcoop import calibrations as cal
    from migcoop.capstone import Design

    v = cal.capstone_world(cost_premium=0.2).evaluate(
        Design("temporary", "preferential", "sender", "none"))
    return (v.diversion_loss, v.receiving_gain)


@answer("ex-10-4")
def screening_patience():
    """The patience the sending side needs to keep screening in the temporary, MFN design,
    with stays of two and a half years (return rate 0.4)."""
    from migcoop import calibrations as cal
    from migcoop.capstone import Design

    v = cal.capstone_world(return_rate=0.4).evaluate(
        Design("temporary", "nondiscriminatory", "sender", "none"))
    return v.sender_threshold


@answer("ex-10-6")
def least_patience_transfer_screened():
    """(least-patience transfer to R, its discount factor): temporary, preferential design in
    which the partner screens, at a cost premium of $400 per worker."""
    from migcoop import calibrations as cal
    from migcoop.capstone import Design

    v = cal.capstone_world(cost_premium=0.4).evaluate(
        Design("temporary", "preferential", "sender", "transfer"))
    return (v.transfer, v.min_delta)


# --- the values ----------------------------------------------------------------------------
def _plain(value) -> float | tuple[float, ...]:
    if isinstance(value, (tuple, list)):
        return tuple(float(v) for v in value)
    try:
        return float(value)
    except TypeError:
        return tuple(float(v) for v in value)


def answer_values() -> dict[str, float | tuple[float, ...]]:
    """Every checkable exercise's exact expected value: label -> number or tuple of numbers."""
    return {label: _plain(compute()) for label, compute in sorted(KEY.items())}


def _numbers(value) -> tuple[float, ...]:
    return value if isinstance(value, tuple) else (value,)


# --- digests: what the installed package ships ------------------------------------------------
def render_digests(values: dict | None = None, salt: str | None = None) -> str:
    """The text of ``lib/migcoop/checks/_digests.py`` for ``values`` (default: the key)."""
    from migcoop.checks import EXERCISES
    from migcoop.checks.core import accepted_roundings, close_precisions, digest

    values = answer_values() if values is None else values
    salt = salt or _current_salt() or secrets.token_hex(16)
    missing = sorted(set(EXERCISES) ^ set(values))
    if missing:
        raise SystemExit(f"answer key and migcoop.checks.EXERCISES disagree on: {missing}")
    lines = [
        '"""Salted digests of the exercise answers (generated: `make check-hashes`; do not edit).',
        "",
        "For each exercise number i and each accepted precision k (the stated significant",
        "figures, and fewer for a 'close' verdict): sha256 of salt|label|i|rounding, cut to 20",
        'hex digits. The values themselves are in the instructor\'s answer key only."""',
        "",
        f"SALT = {salt!r}",
        "",
        "DIGESTS = {",
    ]
    for label in sorted(values):
        spec = EXERCISES[label]
        nums = _numbers(values[label])
        if len(nums) != len(spec.parts):
            raise SystemExit(f"{label}: the key has {len(nums)} numbers, EXERCISES {len(spec.parts)}")
        lines.append(f"    {label!r}: (")
        for i, x in enumerate(nums):
            per_k = {}
            for k in (spec.sigfigs, *close_precisions(spec.sigfigs)):
                per_k[k] = tuple(sorted(digest(salt, label, i, r) for r in accepted_roundings(x, k)))
            body = ", ".join(f"{k}: {per_k[k]!r}" for k in sorted(per_k, reverse=True))
            lines.append(f"        {{{body}}},")
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _current_salt() -> str | None:
    if not DIGESTS.exists():
        return None
    m = re.search(r"^SALT = '([0-9a-f]+)'$", DIGESTS.read_text(encoding="utf-8"), flags=re.M)
    return m.group(1) if m else None


def write_digests() -> Path:
    DIGESTS.write_text(render_digests(), encoding="utf-8")
    return DIGESTS


def digests_stale() -> bool:
    return not DIGESTS.exists() or DIGESTS.read_text(encoding="utf-8") != render_digests()


# --- the printable key --------------------------------------------------------------------------
def format_sig(x: float, n: int) -> str:
    """``x`` to ``n`` significant figures in plain decimal notation (18.75, 3 -> '18.8')."""
    if x == 0 or not math.isfinite(x):
        return "0" if x == 0 else str(x)
    d = Decimal(repr(float(x)))
    exp = d.adjusted() - n + 1
    q = d.quantize(Decimal(1).scaleb(exp), rounding="ROUND_HALF_EVEN")
    return f"{q:f}" if exp < 0 else f"{int(q):d}"


def solution_prose(text: str, label: str) -> str:
    """The prose of ``label``'s solution: the first ``{solution} label`` block of ``text``, or
    of the gated form, from ``{solution-start} label`` to its first code cell or ``{solution-end}``."""
    lab = re.escape(label)
    found = [m for m in (
        re.search(r"(`{3,})\{solution\} " + lab + r"\n(?::[^\n]*\n)*(.*?)\n\1", text, flags=re.S),
        re.search(r"(`{3,})\{solution-start\} " + lab + r"\n(?::[^\n]*\n)*\1[ \t]*\n(.*?)"
                  r"(?=^`{3,}\{(?:solution-end|code-cell)\}|\Z)", text, flags=re.S | re.M),
    ) if m]
    return min(found, key=lambda m: m.start()).group(2).strip() if found else ""


def exercise_texts() -> dict[str, dict]:
    """Label -> {title, kind, chapter, solution} read from the chapters' MyST sources."""
    out = {}
    for path in sorted((ROOT / "chapters").glob("[0-9][0-9]_*.md")):
        text = re.sub(r"^```\{code-cell\}.*?^```$", "", path.read_text(encoding="utf-8"),
                      flags=re.S | re.M)
        chapter = re.search(r"^# (.+)$", text, flags=re.M)
        for m in re.finditer(r"(`{3,})\{exercise\} ([^\n]*)\n:label: (ex-\d\d-\d+)\n(.*?)\n\1",
                             text, flags=re.S):
            kind = re.search(r"\*(Conceptual|Computational|Exploration) ·", m.group(4))
            out[m.group(3)] = {
                "title": m.group(2).strip(),
                "kind": kind.group(1) if kind else "",
                "chapter": chapter.group(1).strip() if chapter else path.stem,
                "chapter_file": path.name,
                "statement": m.group(4).strip(),
                "solution": solution_prose(text[m.end():], m.group(3)),
            }
    return out


def _accepted_plain(x: float, n: int) -> list[str]:
    """The roundings check() accepts, in plain decimals (two near a rounding boundary)."""
    from migcoop.checks.core import accepted_roundings

    return sorted({format_sig(float(r), n) for r in accepted_roundings(x, n)}, key=float)


def key_records() -> list[dict]:
    from migcoop.checks import EXERCISES

    values, texts = answer_values(), exercise_texts()
    records = []
    for label in sorted(texts):
        t = texts[label]
        rec = {"label": label, "title": t["title"], "kind": t["kind"], "chapter": t["chapter"]}
        if label in EXERCISES:
            spec = EXERCISES[label]
            nums = _numbers(values[label])
            rec.update(
                value=values[label],
                significant_figures=spec.sigfigs,
                parts=[{"name": name, "unit": unit, "value": x,
                        "rounded": format_sig(x, spec.sigfigs),
                        "accepted": _accepted_plain(x, spec.sigfigs)}
                       for (name, unit), x in zip(spec.parts, nums, strict=True)],
            )
        else:
            rec["model_answer"] = t["solution"]
        records.append(rec)
    return records


def write_key() -> tuple[Path, Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    records = key_records()
    js = OUT / "answer-key.json"
    js.write_text(json.dumps({r["label"]: {k: v for k, v in r.items() if k != "label"} for r in records},
                             indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    page = OUT / "answer-key.html"
    page.write_text(_html(records), encoding="utf-8")
    return js, page


def _html(records: list[dict]) -> str:
    esc = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             "<title>Answer key: Crossing Borders Together (instructor only)</title>",
             "<style>body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
             "padding:0 1rem}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}"
             "td,th{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}"
             "th{background:#eee}td.num{font-variant-numeric:tabular-nums;white-space:nowrap}"
             ".prose{font-size:13px}.prose p{margin:.3rem 0}@media print{body{margin:0}"
             "h2{break-before:auto}tr{break-inside:avoid}}</style></head><body>",
             "<h1>Answer key (instructor only)</h1>",
             "<p>Generated by <code>make answer-key</code> from the book's models. Keep this page "
             "and <code>answer-key.json</code> out of students' reach. Computational answers are "
             "given at the precision each exercise asks for; <code>check()</code> accepts exactly "
             "that rounding.</p>"]
    chapter = None
    for r in records:
        if r["chapter"] != chapter:
            if chapter is not None:
                parts.append("</tbody></table>")
            chapter = r["chapter"]
            parts.append(f"<h2>{esc(chapter)}</h2><table><thead><tr><th>Exercise</th><th>Kind</th>"
                         "<th>Answer</th></tr></thead><tbody>")
        if "parts" in r:
            cell = "<br>".join(f"{esc(p['name'])} = <b>{' or '.join(map(esc, p['accepted']))}</b> "
                               f"{esc(p['unit'])}" for p in r["parts"])
            cell = (f'<span class="num">{cell}</span><br><small>{r["significant_figures"]} '
                    "significant figures</small>")
        else:
            paras = "".join(f"<p>{esc(' '.join(p.split()))}</p>"
                            for p in re.split(r"\n\s*\n", r["model_answer"]) if p.strip())
            cell = f'<div class="prose"><b>Model answer (what a grader looks for)</b>{paras}</div>'
        parts.append(f"<tr><td>{esc(r['label'])}: {esc(r['title'])}</td><td>{esc(r['kind'])}</td>"
                     f"<td>{cell}</td></tr>")
    parts.append("</tbody></table></body></html>")
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("command", nargs="?", choices=["key", "digests", "values"], default="key")
    p.add_argument("--check", action="store_true", help="exit 1 when _digests.py is stale")
    a = p.parse_args(argv)
    if a.check:
        if digests_stale():
            print(f"{DIGESTS.relative_to(ROOT)} is stale: run `make check-hashes`", file=sys.stderr)
            return 1
        print(f"{DIGESTS.relative_to(ROOT)} is up to date")
        return 0
    if a.command == "digests":
        print(f"wrote {write_digests().relative_to(ROOT)}")
    elif a.command == "values":
        print(json.dumps(answer_values(), indent=1))
    else:
        for path in write_key():
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
