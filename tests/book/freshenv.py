"""The environment Binder builds: a new virtual environment from `requirements.txt` alone.

Binder (repo2docker) installs the root `requirements.txt` into a clean Python and opens
the chapters in JupyterLab. :func:`build` does the same on this machine: a new virtual
environment made with the base interpreter (no system or dev packages), with
`requirements.txt` installed and nothing else. It is rebuilt from scratch once per test
session (the first test that asks for it pays about a minute) and kept in
`_build/binder-env` for inspection. `test_binder_env.py` checks the environment itself;
`test_jupyterlab.py` starts JupyterLab from it and runs every chapter there.

:func:`clean_env` is the process environment for anything started from it: none of this
(dev/test) process's variables that would leak the dev environment into it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENV = Path(os.environ.get("BINDER_ENV", ROOT / "_build" / "binder-env"))
BASE_PYTHON = os.environ.get("BINDER_PYTHON", "python3")

# Variables of this (dev/test) process that must not leak into the "Binder" environment.
LEAKY = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "MIGCOOP_STATIC", "MPLBACKEND",
         "JUPYTER_PATH", "JUPYTER_DATA_DIR", "JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR",
         "JUPYTERLAB_DIR", "JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR",
         "IPYTHONDIR", "CONDA_PREFIX")

_built: dict[Path, Path] = {}


def clean_env(**extra: str) -> dict:
    """This process's environment without the dev environment in it, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k not in LEAKY}
    dev_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != dev_bin)
    env.update({k: str(v) for k, v in extra.items()})
    return env


def run(cmd, **kwargs) -> str:
    """Run ``cmd`` with :func:`clean_env`; fail with its output unless it succeeds."""
    done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True,
                          env=kwargs.pop("env", None) or clean_env(), **kwargs)
    assert done.returncode == 0, (f"{' '.join(map(str, cmd))} failed:\n{done.stdout[-3000:]}\n"
                                  f"{done.stderr[-3000:]}")
    return done.stdout


def build(env: Path = ENV) -> Path:
    """Build the fresh environment (once per process) and return its Python."""
    if env in _built:
        return _built[env]
    base = shutil.which(BASE_PYTHON) or BASE_PYTHON
    if env.exists():
        shutil.rmtree(env)
    env.parent.mkdir(parents=True, exist_ok=True)
    run([base, "-m", "venv", env])
    py = env / "bin" / "python"
    run([py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-r", ROOT / "requirements.txt"], cwd=ROOT)
    _built[env] = py
    return py
