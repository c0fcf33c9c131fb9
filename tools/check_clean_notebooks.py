"""Check that notebooks are stored clean: `python tools/check_clean_notebooks.py chapters/*.ipynb`.

The chapters' paired notebooks are committed without anything a run leaves behind, so that
diffs show only what an author changed and a reader who opens one on Binder or Colab starts
from a fresh page. A notebook is clean when

- no code cell has outputs or an execution count,
- the notebook's metadata holds no widget state (``metadata.widgets``), and
- no cell carries JupyterLab's execution timings (``metadata.execution``).

Exits 1 and names each problem when a notebook is not clean, 0 otherwise. With ``--fix``
it removes them instead, writing the file as Jupyter and jupytext do (one-space indent,
sorted keys, UTF-8), so a fixed notebook differs from a clean one by nothing.

Standard library only, so the pre-commit hook and the tests can run it anywhere. It is the
same rule as ``tests/book/test_chapters.py::test_stored_clean``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def problems(nb: dict) -> list[str]:
    """What a run left in the notebook `nb` (parsed JSON); empty when it is clean.

    >>> problems({"metadata": {}, "cells": [{"cell_type": "code", "metadata": {},
    ...           "execution_count": None, "outputs": [], "source": "1 + 1"}]})
    []
    >>> problems({"metadata": {"widgets": {}}, "cells": [{"cell_type": "code",
    ...           "metadata": {}, "execution_count": 3, "outputs": [{}], "source": ""}]})
    ['widget state in the notebook metadata', 'cell 1: 1 output(s)', 'cell 1: execution count 3']
    """
    found = []
    if "widgets" in nb.get("metadata", {}):
        found.append("widget state in the notebook metadata")
    for number, cell in enumerate(nb.get("cells", []), start=1):
        if cell.get("cell_type") == "code":
            if cell.get("outputs"):
                found.append(f"cell {number}: {len(cell['outputs'])} output(s)")
            if cell.get("execution_count") is not None:
                found.append(f"cell {number}: execution count {cell['execution_count']}")
        if "execution" in cell.get("metadata", {}):
            found.append(f"cell {number}: execution timings in its metadata")
    return found


def clean(nb: dict) -> dict:
    """Remove what `problems` reports, in place; returns `nb`."""
    nb.get("metadata", {}).pop("widgets", None)
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        cell.get("metadata", {}).pop("execution", None)
    return nb


def dumps(nb: dict) -> str:
    """The notebook as nbformat and jupytext write it."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path, help="the .ipynb files to check")
    parser.add_argument("--fix", action="store_true", help="strip outputs, counts and widget state")
    args = parser.parse_args(argv)
    status = 0
    for path in args.notebooks:
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            print(f"{path}: cannot read as a notebook: {err}", file=sys.stderr)
            status = 1
            continue
        found = problems(nb)
        if not found:
            continue
        if args.fix:
            path.write_text(dumps(clean(nb)), encoding="utf-8")
            print(f"{path}: cleaned ({len(found)} problem(s))")
        else:
            for problem in found:
                print(f"{path}: {problem}", file=sys.stderr)
        status = 1  # pre-commit re-stages nothing: a fixed file must be added again
    if status and not args.fix:
        print("Store notebooks clean: python tools/check_clean_notebooks.py --fix FILE...",
              file=sys.stderr)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
