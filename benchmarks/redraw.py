"""Benchmark: redraw time of every registered figure, model evaluation, and a clean build.

    .venv/bin/python benchmarks/redraw.py            # all figures and models
    .venv/bin/python benchmarks/redraw.py --only tariff
    .venv/bin/python benchmarks/redraw.py --build    # also time a clean `make book`

For each explorer it reports the median over slider moves of
* redraw: the explorer's own update path (in-place ``update`` when the draw returns
  one, else clear and redraw) plus the Agg render, what a reader waits for;
* bare: the Agg render alone of the same, already drawn figure;
* ratio = redraw / bare. Budgets: redraw <= 150 ms, and <= 1.5 x bare for each
  chapter's main explorer (these are measurements, not tests: timing tests flake).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time
from pathlib import Path

import numpy as np

import migcoop.figures  # noqa: F401  (registers every explorer)
from migcoop.explore import REGISTRY

ROOT = Path(__file__).resolve().parent.parent
REDRAW_BUDGET_MS, RATIO_BUDGET, MODEL_BUDGET_MS = 150.0, 1.5, 1.0


def time_explorer(name: str, moves: int = 15) -> tuple[float, float]:
    ex = REGISTRY[name]
    rng = np.random.default_rng(0)
    fig, update = ex.render()
    fig.canvas.draw()
    redraw, bare = [], []
    for _ in range(moves):
        params = {k: c.values()[int(rng.integers(len(c.values())))] for k, c in ex.sliders.items()}
        start = time.perf_counter()
        if update is not None:
            update(**params)
        else:
            fig, update = ex.render(fig, **params)
        fig.canvas.draw()
        redraw.append(time.perf_counter() - start)
        start = time.perf_counter()
        fig.canvas.draw()
        bare.append(time.perf_counter() - start)
    return statistics.median(redraw) * 1e3, statistics.median(bare) * 1e3


def time_models() -> list[tuple[str, float]]:
    """Median time of one evaluation of each model's main computation."""
    from migcoop import (
        calibrations,
        capstone,
        diversion,
        gains,
        markets,
        repeated,
        two_country,
    )

    economy = two_country.TwoCountryEconomy(0.5, 100.0, 100.0, 25.0, 100.0)
    world = gains.RegionalEconomy(("S", "R"), [1.0, 1.0], [1.0, 4.0])
    capstone_world = calibrations.capstone_world()
    cases = {
        "markets.LinearMarket.equilibrium": lambda: calibrations.goods_market(2.0).equilibrium(10.0),
        "markets.LinearMarket.national_optimum": lambda: calibrations.migrant_labor_market(
            0.5, 5.0).national_optimum(),
        "markets.tariff_game": lambda: markets.tariff_game(calibrations.goods_market(2.0)),
        "repeated.min_discount_factor": lambda: repeated.min_discount_factor(3.0, 5.0, 1.0),
        "two_country.TwoCountryEconomy.outcome": lambda: economy.outcome(60.0),
        "two_country.efficient_migration": lambda: economy.efficient_migration(),
        "diversion.preferential_deal": lambda: diversion.DiversionModel(
            100.0, 1.0, 10.0, 14.0).preferential_deal(barrier=10.0, preference=10.0),
        "screening.ScreeningModel.noncooperative": lambda: calibrations.screening_model()
        .noncooperative(),
        "coordination.LeakageGame.equilibria": lambda: calibrations.leakage_game(
            0.9, 6.0, 6, 25.0).equilibria(),
        "gains.RegionalEconomy.outcome": lambda: world.outcome(1.0, 0.5),
        "refugees.RefugeeRegime.cooperation_value": lambda: calibrations.refugee_regime()
        .cooperation_value(),
        "temporary.TemporaryMigration.outcome": lambda: calibrations.temporary_arrangement().outcome(
            return_rate=0.5, remittance_share=0.1),
        "refugees.DeterrenceGame.equilibrium": lambda: calibrations.deterrence_game().equilibrium(),
        "readmission.ReadmissionGame.outcome": lambda: calibrations.readmission_game().outcome(
            30.0, 20.0),
        "capstone.CapstoneWorld.evaluate": lambda: capstone_world.evaluate(
            capstone.Design("temporary", "nondiscriminatory", "sender", "none")),
    }
    out = []
    for name, fn in cases.items():
        fn()
        times = []
        for _ in range(200):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        out.append((name, statistics.median(times) * 1e3))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="one explorer name")
    ap.add_argument("--build", action="store_true", help="also time a clean `make book`")
    args = ap.parse_args()
    names = [args.only] if args.only else sorted(REGISTRY)
    print(f"{'explorer':28s} {'redraw ms':>10s} {'bare ms':>8s} {'ratio':>6s}  verdict")
    ok = True
    for name in names:
        redraw, bare = time_explorer(name)
        ratio = redraw / bare
        good = redraw <= REDRAW_BUDGET_MS and ratio <= RATIO_BUDGET
        ok &= good
        print(f"{name:28s} {redraw:10.1f} {bare:8.1f} {ratio:6.2f}  {'ok' if good else 'OVER BUDGET'}")
    if not args.only:
        print(f"\n{'model evaluation':44s} {'median ms':>10s}")
        for name, ms in time_models():
            ok &= ms <= MODEL_BUDGET_MS
            print(f"{name:44s} {ms:10.3f}  {'ok' if ms <= MODEL_BUDGET_MS else 'OVER BUDGET'}")
    if args.build:
        subprocess.run(["make", "clean"], cwd=ROOT, check=True, capture_output=True)
        start = time.perf_counter()
        subprocess.run(["make", "book"], cwd=ROOT, check=True, capture_output=True)
        secs = time.perf_counter() - start
        ok &= secs <= 180
        print(f"\nclean `make book`: {secs:.0f} s ({'ok' if secs <= 180 else 'OVER BUDGET'}: budget 180 s)")
        pages = sorted((ROOT / "_build" / "html" / "chapters").glob("*.html"))
        for page in pages:
            print(f"  {page.name:45s} {page.stat().st_size / 1e6:5.2f} MB")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
