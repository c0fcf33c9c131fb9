"""Fixtures shared by the book tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def fresh_python() -> Path:
    """The Python of the fresh Binder-like environment (`freshenv`), built once a session."""
    import freshenv

    return freshenv.build()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """After the live-JupyterLab test, print its key-to-figure timings (a benchmark)."""
    report = getattr(config, "_migcoop_lab_timings", None)
    if not report or not Path(report).exists():
        return
    data = json.loads(Path(report).read_text())
    tr = terminalreporter
    tr.section("JupyterLab: key press to new figure (median ms; budget "
               f"{data.get('budget_ms')} ms, not asserted)")
    for name, row in sorted(data.get("explorers", {}).items()):
        med = row.get("median_ms")
        shown = "n/a" if med is None else f"{med:7.1f}"
        tr.write_line(f"  {name:28s} {shown}  ({row.get('chapter')}, {row.get('control')}, "
                      f"{len(row.get('presses_ms', []))} presses)")
    tr.write_line(f"  written to {report}")
