"""What Binder does: a fresh environment from `requirements.txt` alone runs every chapter.

Binder (repo2docker) installs the root `requirements.txt` into a clean Python and opens
the chapters in JupyterLab. This test does the same on this machine: it creates a new
virtual environment with the base interpreter (no system or dev packages), installs
`requirements.txt` and nothing else, registers that environment's Python as a Jupyter
kernel, and executes every chapter in it top to bottom (live mode: no MIGCOOP_STATIC),
with the chapter's own folder as working directory. The dev environment's nbclient only
drives the kernel; every line of chapter code runs in the fresh environment.

Run by `make binder-test` (part of `make test`); it takes about a minute plus the
chapters' own run time. The environment is kept in `_build/binder-env` for inspection
and rebuilt from scratch on every run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV = Path(os.environ.get("BINDER_ENV", ROOT / "_build" / "binder-env"))
BASE_PYTHON = os.environ.get("BINDER_PYTHON", "python3")
KERNEL = "migcoop-binder-fresh"
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
TIMEOUT = 600  # seconds per cell, as generous as the book build's
pytestmark = pytest.mark.slow

# Variables of this (dev/test) process that must not leak into the "Binder" kernel.
LEAKY = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "MIGCOOP_STATIC", "MPLBACKEND",
         "JUPYTER_PATH", "JUPYTER_DATA_DIR", "CONDA_PREFIX")


def clean_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in LEAKY}
    dev_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != dev_bin)
    return env


def run(cmd, **kwargs):
    done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True,
                          env=clean_env(), **kwargs)
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def test_requirements_are_pinned_and_install_the_book_library():
    lines = [ln.split("#")[0].strip() for ln in (ROOT / "requirements.txt").read_text().splitlines()]
    lines = [ln for ln in lines if ln]
    assert "-e ." in lines, "Binder must install migcoop from the repository (-e .)"
    loose = [ln for ln in lines if ln != "-e ." and not re.fullmatch(r"[A-Za-z0-9_.\-\[\],]+==[\w.\-+]+", ln)]
    assert not loose, f"unpinned runtime requirements: {loose}"
    names = {re.split(r"[=\[]", ln)[0].lower() for ln in lines}
    for needed in ("ipykernel", "ipywidgets", "jupyterlab-myst"):
        assert needed in names, f"{needed} must be in requirements.txt for Binder"


@pytest.fixture(scope="module")
def binder_python() -> Path:
    base = shutil.which(BASE_PYTHON) or BASE_PYTHON
    if ENV.exists():
        shutil.rmtree(ENV)
    ENV.parent.mkdir(parents=True, exist_ok=True)
    run([base, "-m", "venv", ENV])
    py = ENV / "bin" / "python"
    run([py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-r", ROOT / "requirements.txt"], cwd=ROOT)
    run([py, "-m", "ipykernel", "install", "--prefix", ENV, "--name", KERNEL,
         "--display-name", "Python (fresh Binder environment)"])
    return py


def test_fresh_environment_is_isolated_and_complete(binder_python):
    probe = run([binder_python, "-c", """
import importlib.metadata as md, importlib.util as u, json, sys, migcoop
print(json.dumps({
    "prefix": sys.prefix,
    "migcoop": migcoop.__file__,
    "jupyterlab_myst": md.version("jupyterlab_myst"),
    "ipywidgets": md.version("ipywidgets"),
    "dev_only": [m for m in ("jupyter_book", "pytest", "playwright", "nbval", "hypothesis")
                 if u.find_spec(m) is not None],
}))
"""], cwd=ROOT / "chapters")
    facts = json.loads(probe.strip().splitlines()[-1])
    assert Path(facts["prefix"]).resolve() == ENV.resolve()
    assert Path(facts["migcoop"]).resolve().is_relative_to((ROOT / "lib" / "migcoop").resolve()), \
        "migcoop must come from this repository (editable install, as on Binder)"
    assert not facts["dev_only"], f"dev-only packages leaked into the Binder env: {facts['dev_only']}"
    # JupyterLab on Binder renders {exercise}, {solution} and admonitions through this extension.
    labext = ENV / "share/jupyter/labextensions/jupyterlab-myst/package.json"
    assert labext.exists(), "jupyterlab-myst's JupyterLab extension is not installed"
    spec = json.loads((ENV / "share/jupyter/kernels" / KERNEL / "kernel.json").read_text())
    assert Path(spec["argv"][0]).absolute().is_relative_to(ENV.absolute()), spec["argv"]


def test_there_are_chapters():
    assert CHAPTERS, "no chapters to run"


PARALLEL = 2  # chapters run at once (2 cores)


@pytest.fixture(scope="module")
def executed(binder_python) -> dict:
    """Every chapter run in a kernel of the fresh environment, two at a time.

    Returns {chapter path: (notebook with outputs, number of original cells, error or None)}.
    """
    import asyncio

    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient

    async def run_one(path, gate):
        nb = nbformat.read(path, as_version=4)
        n_cells = len(nb.cells)
        nb.cells.append(nbformat.v4.new_code_cell(
            "import sys, pathlib, migcoop\n"
            "print('PREFIX', sys.prefix)\n"
            "print('MIGCOOP', pathlib.Path(migcoop.__file__).resolve())"))
        async with gate:
            ksm = KernelSpecManager(kernel_dirs=[str(ENV / "share/jupyter/kernels")])
            km = AsyncKernelManager(kernel_name=KERNEL, kernel_spec_manager=ksm)
            client = NotebookClient(nb, km=km, timeout=TIMEOUT, allow_errors=False,
                                    resources={"metadata": {"path": str(path.parent)}})
            try:
                await client.async_execute(env=clean_env())
                return path, (nb, n_cells, None)
            except Exception as exc:  # reported by the chapter's own test
                return path, (nb, n_cells, exc)

    async def run_all():
        gate = asyncio.Semaphore(PARALLEL)
        return dict(await asyncio.gather(*(run_one(p, gate) for p in CHAPTERS)))

    return asyncio.run(run_all())


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_runs_in_the_fresh_environment(executed, path):
    nb, n_cells, error = executed[path]
    if error is not None:
        pytest.fail(f"{path.name} failed in the fresh Binder environment:\n{str(error)[-3000:]}")

    out = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("name") == "stdout")
    assert f"PREFIX {ENV.resolve()}" in out or f"PREFIX {ENV}" in out, out
    assert f"MIGCOOP {(ROOT / 'lib' / 'migcoop').resolve()}" in out, out
    # Live mode: the interactive figures are ipywidgets, not pre-rendered frames.
    mimes = {m for cell in nb.cells[:n_cells] if cell.cell_type == "code"
             for o in cell.get("outputs", []) for m in o.get("data", {})}
    assert "application/vnd.jupyter.widget-view+json" in mimes, \
        f"{path.name}: no live widget output in the Binder kernel"
    reprs = [o["data"]["text/plain"][:40] for cell in nb.cells if cell.cell_type == "code"
             for o in cell.get("outputs", []) if "text/plain" in o.get("data", {})
             and str(o["data"]["text/plain"]).startswith("<Figure size") and "image/png" not in o["data"]]
    assert not reprs, f"{path.name}: figures shown as text, not pictures: {reprs}"
    html = " ".join(str(o.get("data", {}).get("text/html", "")) for cell in nb.cells
                    if cell.cell_type == "code" for o in cell.get("outputs", []))
    assert "migcoop-explorer" not in html, "static frames leaked into the live (Binder) run"
