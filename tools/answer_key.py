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
    """(efficient migrants, world gain there, world gain under free movement) with e = 6."""
    from migcoop import calibrations as cal

    m = cal.wage_gap_market(6.0, 10.0)
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
    """The importer's optimal specific tariff, demand q = 100 - p and supply q = 2p - 50."""
    from migcoop import calibrations as cal

    return cal.goods_market(2.0).national_optimum()


@answer("ex-02-3")
def migration_optima():
    """(world's best number of migrants, receiving country's best) in the cap example."""
    from migcoop import calibrations as cal

    m = cal.migrant_labor_market(0.5, 5.0, rent_kept=1.0)
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
    """The smallest visa reward (thousand visas) the sending country accepts, baseline."""
    from migcoop import calibrations as cal

    return cal.screening_model().deal_terms().min_reward


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
    """(least, most restrictive common policy in the band), N = 4, Λ = 20, w = 10."""
    from migcoop import calibrations as cal

    return tuple(cal.sorting_game(4, 20.0).band())


@answer("ex-04-3")
def most_restrictive_equilibrium():
    """(restriction, welfare per country) in the most restrictive equilibrium."""
    from migcoop import calibrations as cal

    eq = cal.leakage_game(0.9, 6.0, 6, 25.0).equilibria()[-1]
    return (eq.restriction, eq.welfare)


@answer("ex-04-4")
def stayed_home():
    """Migrants (millions) who stay home when six countries each turn away half of arrivals."""
    from migcoop import calibrations as cal

    return cal.leakage_game(0.9, 6.0, 6, 25.0).flows(0.5).stayed_home


# --- chapter 5 -----------------------------------------------------------------------------
@answer("ex-05-2")
def one_way_tax():
    """(efficient migration, emigration tax making those left behind whole), remittances 5 %."""
    from migcoop import calibrations as cal

    e = cal.two_country_economy(capital_share=0.35, capital_gap=4.0, remittance_share=0.05)
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
    """(immigration surplus, native workers' loss) as fractions of GDP, s = 0.7, e = 0.3, m = 0.15."""
    from migcoop.two_country import borjas_accounts

    acc = borjas_accounts(0.7, 0.3, 0.15)
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
    """The largest cost gap of B at which a full preference against a fee of 8 still gains."""
    from migcoop import calibrations as cal

    return cal.diversion_model(cost_a=10.0, cost_b=11.0).breakeven_cost_gap(barrier=8.0)


@answer("ex-06-4")
def cap_diversion():
    """(world change, A's migrants' change): full preference under a cap of 40, fee 4."""
    from migcoop import calibrations as cal

    d = cal.diversion_model(cost_a=10.0, cost_b=13.0, barrier_type="revenue", cap=40.0,
                            rent_share=0.0).preferential_deal(4.0, 4.0)
    return (d.world_change, d.excluded_change)


# --- chapter 7 -----------------------------------------------------------------------------
@answer("ex-07-2")
def sender_least_return_rate():
    """The least return rate at which S gains, remittances of 10 per cent, no screen."""
    from migcoop import calibrations as cal

    return cal.temporary_arrangement("none").sender_min_return_rate(0.1)


@answer("ex-07-3")
def receiver_least_return_rates():
    """R's least return rate without an employment screen and with a job offer required."""
    from migcoop import calibrations as cal

    return (cal.temporary_arrangement("none").receiver_min_return_rate(),
            cal.temporary_arrangement("job_offer").receiver_min_return_rate())


@answer("ex-07-4")
def linkage_for_two_year_stays():
    """(best transfer, least discount factor) for two-year stays, remittances of 10 per cent."""
    from migcoop import calibrations as cal

    s = cal.temporary_arrangement("none").linkage(0.5, 0.1).summary()
    return (s.best_transfer, s.min_delta)


@answer("ex-07-5")
def share_temporary_with_jobs():
    """Share of the temporary arrangements whose welfare safeguard is a job on arrival."""
    from migcoop.agreements import load_agreements

    temp = [a for a in load_agreements() if not a.permanent]
    return sum(a.welfare_safeguard == "job on arrival" for a in temp) / len(temp)


# --- chapter 8 -----------------------------------------------------------------------------
@answer("ex-08-2")
def min_reward_at_three_quarters():
    """The least visa reward the partner accepts when it screens 75 per cent of applicants."""
    from migcoop import calibrations as cal

    return cal.enforcement_deal(effort=0.75).min_reward()


@answer("ex-08-3")
def diversion_with_premium_three():
    """(quota, diversion loss) of the bilateral deal with a reward of 10 and a premium of 3."""
    from migcoop import calibrations as cal

    o = cal.enforcement_deal(effort=1.0, cost_premium=3.0).outcome(10.0, "bilateral")
    return (o.quota, o.diversion_loss)


@answer("ex-08-4")
def patience_at_reward_five():
    """The discount factor the partner needs to keep screening with a reward of 5."""
    from migcoop import calibrations as cal

    return cal.enforcement_deal().outcome(5.0, "bilateral").partner_patience


# --- chapter 9 -----------------------------------------------------------------------------
@answer("ex-09-2")
def nash_and_efficient():
    """(Nash protection, efficient protection) per host with N = 8, α = 6, k = 2."""
    from migcoop.refugees import protection_levels

    lv = protection_levels(8, 6.0, 2.0)
    return lv.nash, lv.efficient


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


# --- chapter 10 ----------------------------------------------------------------------------
@answer("ex-10-2")
def linkage_rescue():
    """(transfer, least discount factor): temporary, preferential deal that R screens alone."""
    from migcoop import calibrations as cal
    from migcoop.capstone import Design

    v = cal.capstone_world().evaluate(Design("temporary", "preferential", "receiver", "transfer"))
    return (v.transfer, v.min_delta)


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
    """The patience the sending side needs to keep screening in the temporary, MFN design."""
    from migcoop import calibrations as cal
    from migcoop.capstone import Design

    v = cal.capstone_world().evaluate(Design("temporary", "nondiscriminatory", "sender", "none"))
    return v.sender_threshold


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
            sol = re.search(r"(`{3,})\{solution\} " + re.escape(m.group(3)) + r"\n(?::[^\n]*\n)*(.*?)\n\1",
                            text[m.end():], flags=re.S)
            out[m.group(3)] = {
                "title": m.group(2).strip(),
                "kind": kind.group(1) if kind else "",
                "chapter": chapter.group(1).strip() if chapter else path.stem,
                "chapter_file": path.name,
                "statement": m.group(4).strip(),
                "solution": sol.group(2).strip() if sol else "",
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
