"""Graded assignments: nbgrader generates, releases and autogrades every chapter's assignment.

`tools/assignments.py` writes an nbgrader course directory (one assignment a chapter). This
test runs nbgrader itself, in its own environment (`requirements-nbgrader.txt`: the runtime
requirements plus a pinned nbgrader, installed with the base interpreter into
`_build/nbgrader-env`, kept between runs while those files do not change), on a fresh course
directory:

1. `nbgrader generate_assignment` for every chapter: the released notebooks hold no solution
   code, no hidden test, no rubric and no answer-key value;
2. three submissions a chapter: *blank* (the released notebook as is), *right* (the chapter's
   solution code in every answer cell, a sentence in every written answer) and *wrong*
   (the solution code, then every answer perturbed);
3. `nbgrader autograde` of all of them, then the scores from the gradebook: blank 0; right
   full marks on the autograded part (written answers wait for a grader); wrong 0 on the
   autograded part, with check()'s feedback in the failing test cells.

Run by `make nbgrader-test` (part of `make test`): about 75 s, plus about 90 s the first time
to build the environment.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import answer_key  # noqa: E402
import assignments  # noqa: E402

ENV = Path(os.environ.get("NBGRADER_ENV", ROOT / "_build" / "nbgrader-env"))
BASE_PYTHON = os.environ.get("NBGRADER_PYTHON", "python3")
REQUIREMENTS = ("requirements-nbgrader.txt", "requirements.txt", "pyproject.toml")
STUDENTS = ("blank", "right", "wrong")
CHAPTERS = [f"ch{p.name[:2]}" for p in assignments.chapters()]
LEAKY = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "MIGCOOP_STATIC", "MPLBACKEND",
         "JUPYTER_PATH", "JUPYTER_DATA_DIR", "JUPYTER_CONFIG_DIR", "CONDA_PREFIX")
pytestmark = pytest.mark.slow


def clean_env(home: Path | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in LEAKY}
    dev_bin = str(Path(sys.executable).parent)
    path = [p for p in env.get("PATH", "").split(os.pathsep) if p != dev_bin]
    env["PATH"] = os.pathsep.join([str(ENV / "bin"), *path])  # nbgrader calls `alembic`
    env["VIRTUAL_ENV"] = str(ENV)
    env["JUPYTER_PATH"] = str(ENV / "share" / "jupyter")  # this env's python3 kernel first
    if home is not None:  # no user-level Jupyter or nbgrader config leaks in
        env["JUPYTER_CONFIG_DIR"] = str(home / "config")
        env["JUPYTER_DATA_DIR"] = str(home / "data")
    return env


def run(cmd, **kwargs) -> str:
    done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kwargs)
    assert done.returncode == 0, (f"{' '.join(map(str, cmd))} failed:\n{done.stdout[-3000:]}\n"
                                  f"{done.stderr[-3000:]}")
    return done.stdout + done.stderr


def env_fingerprint() -> str:
    h = hashlib.sha256()
    for name in REQUIREMENTS:
        h.update((ROOT / name).read_bytes())
    return h.hexdigest()


def nbgrader_env() -> Path:
    """The scratch environment with nbgrader, rebuilt when its requirements change."""
    stamp = ENV / ".installed"
    if stamp.exists() and stamp.read_text() == env_fingerprint() and (ENV / "bin" / "nbgrader").exists():
        return ENV
    if ENV.exists():
        shutil.rmtree(ENV)
    ENV.parent.mkdir(parents=True, exist_ok=True)
    base = shutil.which(BASE_PYTHON) or BASE_PYTHON
    run([base, "-m", "venv", ENV], env=clean_env())
    run([ENV / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-r", ROOT / "requirements-nbgrader.txt"], cwd=ROOT, env=clean_env())
    stamp.write_text(env_fingerprint())
    return ENV


def answer_cells(nb):
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]


def submission(released, source, student: str, values: dict):
    """A student's notebook: the released one, its answer cells filled as ``student`` would."""
    nb = copy.deepcopy(released)
    if student == "blank":
        return nb
    by_id = {c.metadata["nbgrader"]["grade_id"]: c for c in source.cells}
    for cell in answer_cells(nb):
        gid = cell.metadata["nbgrader"]["grade_id"]
        if cell.cell_type == "markdown":
            cell.source = "Caps are the only instrument labor markets have; see the chapter's model."
            continue
        code = re.sub(r"^### (BEGIN|END) SOLUTION\n?", "", by_id[gid].source, flags=re.M)
        if student == "wrong":
            label = gid.removesuffix("_answer").replace("_", "-")
            v = values[label]
            bad = tuple(x * 1.37 + 0.5 for x in v) if isinstance(v, tuple) else v * 1.37 + 0.5
            code += f"\nanswer_{label.replace('-', '_')} = {bad!r}"
        cell.source = code
    return nb


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    t0 = time.perf_counter()
    env_dir = nbgrader_env()
    t_env = time.perf_counter() - t0
    home = tmp_path_factory.mktemp("jupyter-home")
    root = tmp_path_factory.mktemp("course")
    assignments.build(root)
    env = clean_env(home)
    nbgrader = env_dir / "bin" / "nbgrader"
    run([nbgrader, "generate_assignment", "ch*", "--force"], cwd=root, env=env)
    values = answer_key.answer_values()
    for aid in CHAPTERS:
        released = nbformat.read(root / "release" / aid / f"{aid}.ipynb", as_version=4)
        source = nbformat.read(root / "source" / aid / f"{aid}.ipynb", as_version=4)
        for student in STUDENTS:
            out = root / "submitted" / student / aid / f"{aid}.ipynb"
            out.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(submission(released, source, student, values), out)
    t1 = time.perf_counter()
    log = run([nbgrader, "autograde", "ch*", "--create", "--force"], cwd=root, env=env)
    t_grade = time.perf_counter() - t1
    scores = json.loads(run([env_dir / "bin" / "python", "-c", """
import json
from nbgrader.api import Gradebook
out = {}
with Gradebook("sqlite:///gradebook.db") as gb:
    for a in gb.assignments:
        for s in gb.students:
            sub = gb.find_submission(a.name, s.id)
            out.setdefault(a.name, {})[s.id] = {
                "code": sub.code_score, "max_code": sub.max_code_score,
                "written": sub.written_score, "max_written": sub.max_written_score,
                "score": sub.score, "max": sub.max_score,
                "needs_manual_grade": sub.needs_manual_grade}
print(json.dumps(out))
"""], cwd=root, env=env).strip().splitlines()[-1])
    total = time.perf_counter() - t0
    print(f"\nnbgrader: environment {t_env:.0f} s, autograde {t_grade:.0f} s, total {total:.0f} s")
    for aid in CHAPTERS:
        print(aid, {s: f"{v['code']:g}/{v['max_code']:g} auto, {v['written']:g}/{v['max_written']:g} written"
                    for s, v in scores[aid].items()})
    return {"root": root, "scores": scores, "log": log, "values": values}


def test_every_chapter_has_an_assignment():
    assert len(CHAPTERS) >= 10


@pytest.mark.parametrize("aid", CHAPTERS)
def test_released_version_holds_no_answers(course, aid):
    root = course["root"]
    released = nbformat.read(root / "release" / aid / f"{aid}.ipynb", as_version=4)
    source = nbformat.read(root / "source" / aid / f"{aid}.ipynb", as_version=4)
    text = "\n".join(c.source for c in released.cells)
    for marker in ("BEGIN SOLUTION", "HIDDEN TESTS", "Rubric", "answer key", "_accepted"):
        assert marker not in text, f"{aid}: {marker!r} in the released notebook"
    assert "Rubric" in "\n".join(c.source for c in source.cells), "the source keeps the rubrics"
    for cell in answer_cells(source):
        body = re.sub(r"^### (BEGIN|END) SOLUTION\n?", "", cell.source, flags=re.M)
        for line in body.splitlines():
            if len(line.strip()) > 30 and not line.startswith("# Store your answer") \
                    and not line.startswith("check("):  # the statement shows the check() call
                assert line.strip() not in text, f"{aid}: solution line released: {line!r}"
    # the released notebook is small: the exercises and their setup, not the chapter
    assert len(released.cells) <= 3 * 8 + 2


@pytest.mark.parametrize("aid", CHAPTERS)
def test_scores(course, aid):
    s = course["scores"][aid]
    assert s["blank"]["score"] == 0, s["blank"]
    assert s["right"]["max_code"] > 0 and s["right"]["code"] == s["right"]["max_code"], s["right"]
    assert s["right"]["max_written"] > 0 and s["right"]["needs_manual_grade"], \
        "written answers wait for a grader"
    assert s["wrong"]["code"] == 0, s["wrong"]


@pytest.mark.parametrize("aid", CHAPTERS)
def test_wrong_answers_get_check_feedback(course, aid):
    nb = nbformat.read(course["root"] / "autograded" / "wrong" / aid / f"{aid}.ipynb", as_version=4)
    tests = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"]
    assert tests
    for cell in tests:
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        assert errors, f"{aid}: {cell.metadata['nbgrader']['grade_id']} passed a wrong answer"
        assert "not yet" in errors[0]["evalue"], errors[0]["evalue"]
