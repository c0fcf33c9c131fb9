"""What Binder does: a fresh environment from `requirements.txt` alone, complete and isolated.

Binder (repo2docker) installs the root `requirements.txt` into a clean Python and opens
the chapters in JupyterLab. `freshenv.build` does the same on this machine (a new virtual
environment made with the base interpreter, `requirements.txt` and nothing else); this
file checks that every runtime requirement is pinned, that the environment holds what a
student needs (the book's library from this repository, ipywidgets, a pinned JupyterLab
with jupyterlab-myst) and nothing from the dev environment.

The chapters themselves run in that environment in `test_jupyterlab.py`, in a real
JupyterLab started from it and driven by Chromium (Run All, sliders, rendering), which
replaced the nbclient execution that used to be here: each chapter executes once.
Both files run in one pytest session (`make jupyterlab-test`), which builds the
environment once; `make binder-test` runs this file alone.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from freshenv import ENV, ROOT, run

pytestmark = pytest.mark.slow


def test_requirements_are_pinned_and_install_the_book_library():
    lines = [ln.split("#")[0].strip() for ln in (ROOT / "requirements.txt").read_text().splitlines()]
    lines = [ln for ln in lines if ln]
    assert "-e ." in lines, "Binder must install migcoop from the repository (-e .)"
    loose = [ln for ln in lines if ln != "-e ." and not re.fullmatch(r"[A-Za-z0-9_.\-\[\],]+==[\w.\-+]+", ln)]
    assert not loose, f"unpinned runtime requirements: {loose}"
    names = {re.split(r"[=\[]", ln)[0].lower() for ln in lines}
    for needed in ("ipykernel", "ipywidgets", "jupyterlab", "jupyterlab-myst", "jupytext"):
        assert needed in names, f"{needed} must be in requirements.txt for Binder"


@pytest.fixture(scope="module")
def binder_python(fresh_python) -> Path:
    return fresh_python


def test_fresh_environment_is_isolated_and_complete(binder_python):
    probe = run([binder_python, "-c", """
import importlib.metadata as md, importlib.util as u, json, sys, migcoop
print(json.dumps({
    "prefix": sys.prefix,
    "migcoop": migcoop.__file__,
    "jupyterlab_myst": md.version("jupyterlab_myst"),
    "ipywidgets": md.version("ipywidgets"),
    "jupyterlab": md.version("jupyterlab"),
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
    # JupyterLab started from the environment runs the chapters (kernelspec "python3") with
    # ipykernel's own kernelspec, which runs the server's Python: this environment's.
    spec = json.loads((ENV / "share/jupyter/kernels/python3/kernel.json").read_text())
    assert spec["argv"][0] in ("python", "python3") or \
        Path(spec["argv"][0]).absolute().is_relative_to(ENV.absolute()), spec["argv"]
    pins = dict(ln.split("==") for ln in (ROOT / "requirements.txt").read_text().splitlines()
                if "==" in ln and not ln.startswith("#"))
    assert facts["jupyterlab"] == pins["jupyterlab"], facts
    assert facts["jupyterlab_myst"] == pins["jupyterlab-myst"], facts


def test_there_are_chapters():
    assert sorted((ROOT / "chapters").glob("*.ipynb")), "no chapters to run"
