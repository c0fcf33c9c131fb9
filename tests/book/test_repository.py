"""The habits of a maintained book: licences, citation, changelog, contributing guide,
pre-commit hooks, GitHub workflows, Dependabot and issue templates.

These files cannot be exercised here (the workflows run on GitHub, the hooks fetch their
tools), so this module checks that they exist, parse, and say what they must; `make lint`
runs actionlint and zizmor on the workflows. Reads files only: runs in `make unit`.
"""

import importlib.util
import json
import re
from pathlib import Path

import pytest
import yaml

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
LABEL = re.compile(r"ex-\d\d-\d+")


def text(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def load_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    """The `on:` block (PyYAML reads the bare key `on` as the boolean True)."""
    on = workflow.get("on", workflow.get(True))
    return {name: None for name in on} if isinstance(on, list) else dict(on)


def pins(name: str) -> dict[str, str]:
    found = {}
    for line in text(name).splitlines():
        m = re.fullmatch(r"([A-Za-z0-9_.\-\[\]]+)==(\S+)", line.strip())
        if m:
            found[m.group(1).lower()] = m.group(2)
    return found


def pyproject() -> dict:
    return tomllib.loads(text("pyproject.toml"))


def bib_entry(key: str) -> dict[str, str]:
    bib = text("references.bib")
    m = re.search(r"@\w+\{" + re.escape(key) + r",(.*?)\n\}", bib, flags=re.S)
    assert m, f"{key} missing from references.bib"
    return {k.lower(): v.strip() for k, v in re.findall(r"(\w+)\s*=\s*\{(.*?)\},?\s*$", m.group(1), flags=re.M)}


# --- licences ------------------------------------------------------------------------
def test_code_licence_is_mit():
    lic = text("LICENSE")
    assert lic.startswith("MIT License")
    assert "Copyright (c) 2026 The Crossing Borders Together authors" in lic
    assert "Permission is hereby granted, free of charge" in lic
    assert 'THE SOFTWARE IS PROVIDED "AS IS"' in lic


def test_content_licence_is_cc_by_and_says_what_it_covers():
    lic = text("LICENSE-CONTENT.md")
    assert "CC BY 4.0" in lic and CC_BY in lic
    assert CC_BY + "legalcode" in lic, "point to the canonical legal code"
    for covered in ("prose", "figures", "exercises"):
        assert covered in lic
    assert "Gapminder" in lic and "how to attribute" in lic.lower()
    assert "LICENSE" in lic, "says the code is under the MIT licence"


def test_package_metadata_names_both_licence_files():
    meta = pyproject()
    assert meta["project"]["license"] == "MIT", "SPDX expression (PEP 639)"
    assert meta["project"]["license-files"] == ["LICENSE", "LICENSE-CONTENT.md"]
    req = meta["build-system"]["requires"]
    assert any(re.fullmatch(r"setuptools>=(\d+)", r) and int(r.split(">=")[1]) >= 77 for r in req), \
        "SPDX license and license-files need setuptools>=77"


def test_readme_and_footer_name_both_licences():
    readme = text("README.md")
    assert re.search(r"^## Licence$", readme, flags=re.M)
    assert "MIT" in readme and "CC BY 4.0" in readme and "LICENSE-CONTENT.md" in readme
    assert "CITATION.cff" in readme and "CONTRIBUTING.md" in readme
    footer = load_yaml(ROOT / "_config.yml")["html"]["extra_footer"]
    assert "CC BY 4.0" in footer and CC_BY in footer
    assert "MIT" in footer


# --- citation and changelog -------------------------------------------------------------
def test_citation_cff():
    cff = load_yaml(ROOT / "CITATION.cff")
    for key in ("cff-version", "message", "title", "authors", "version", "date-released",
                "license", "repository-code", "references"):
        assert key in cff, f"CITATION.cff lacks {key}"
    assert cff["cff-version"] == "1.2.0"
    assert cff["authors"] == [{"name": "The Crossing Borders Together authors"}]
    assert str(cff["version"]) == pyproject()["project"]["version"]
    assert cff["license"] == "MIT"
    assert re.fullmatch(r"https://github\.com/[\w.-]+/[\w.-]+", cff["repository-code"])
    assert str(cff["date-released"]) == "2026-12-02"


def test_citation_references_the_article_as_the_bibliography_does():
    ref = next(r for r in load_yaml(ROOT / "CITATION.cff")["references"]
               if "Migration" in r.get("title", ""))
    bib = bib_entry("sykes2013")
    family, given = (s.strip() for s in bib["author"].split(","))
    assert ref["type"] == "article"
    assert ref["authors"] == [{"family-names": family, "given-names": given}]
    assert ref["title"] == bib["title"]
    assert ref["journal"] == bib["journal"]
    assert str(ref["volume"]) == bib["volume"] and str(ref["issue"]) == bib["number"]
    assert f"{ref['start']}--{ref['end']}" == bib["pages"]
    assert str(ref["year"]) == bib["year"]


def changelog_sections() -> dict[str, str]:
    log = text("CHANGELOG.md")
    parts = re.split(r"^(#{2,3} .+)$", log, flags=re.M)
    return {head.lstrip("# ").strip(): body for head, body in zip(parts[1::2], parts[2::2], strict=True)}


def test_changelog_has_unreleased_and_the_current_version():
    log = text("CHANGELOG.md")
    assert "Keep a Changelog" in log
    assert re.search(r"^## \[Unreleased\]$", log, flags=re.M)
    versions = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d\d-\d\d)$", log, flags=re.M)
    assert versions, "at least one release"
    assert versions[0][0] == pyproject()["project"]["version"], "latest release = package version"


def test_changelog_states_the_label_rule():
    log = " ".join(text("CHANGELOG.md").split())
    assert re.search(r"ex-NN-k`? is never reused and never renumbered", log)
    assert "retired" in log.lower()


def chapter_labels() -> set[str]:
    found = set()
    for md in (ROOT / "chapters").glob("*.md"):
        found |= set(re.findall(r":label: (ex-\d\d-\d+)", md.read_text(encoding="utf-8")))
    return found


def issued_labels() -> set[str]:
    """Labels the changelog's releases list as issued (`ex-01-1` to `ex-01-5`, or single)."""
    issued = set()
    releases = re.split(r"^## \[\d+\.\d+\.\d+\].*$", text("CHANGELOG.md"), flags=re.M)[1:]
    for body in releases:
        flat = " ".join(re.split(r"^## ", body, flags=re.M)[0].split())
        for a, b in re.findall(r"`(ex-\d\d-\d+)` to `(ex-\d\d-\d+)`", flat):
            (chapter, first), (other, last) = a.rsplit("-", 1), b.rsplit("-", 1)
            assert chapter == other, f"range {a} to {b} crosses chapters"
            issued |= {f"{chapter}-{k}" for k in range(int(first), int(last) + 1)}
        issued |= set(LABEL.findall(flat))
    return issued


def retired_labels() -> set[str]:
    """Labels at the head of each bullet of *Retired exercise labels* (`ex-08-1` to `ex-08-5`
    is a range); labels named later in a bullet's explanation are not retired by it."""
    retired = set()
    section = changelog_sections()["Retired exercise labels"]
    for head in re.findall(r"^- `(ex-\d\d-\d+)`(?: to `(ex-\d\d-\d+)`)?", section, flags=re.M):
        first, last = head
        if not last:
            retired.add(first)
            continue
        chapter, lo, hi = first[:5], int(first.rsplit("-", 1)[1]), int(last.rsplit("-", 1)[1])
        assert last.startswith(chapter) and lo < hi, f"bad range {first} to {last}"
        retired |= {f"{chapter}-{k}" for k in range(lo, hi + 1)}
    return retired


def test_no_issued_exercise_label_disappears_or_comes_back():
    """An issued label stays in its chapter unless retired; a retired one is never reused."""
    retired = retired_labels()
    assert {"ex-07-5", "ex-10-2", "ex-08-3"} <= retired
    present = chapter_labels()
    issued = issued_labels()
    assert issued, "the changelog lists the labels each release issued"
    missing = sorted(issued - present - retired)
    assert not missing, f"labels issued but neither in a chapter nor retired: {missing}"
    reused = sorted(retired & present)
    assert not reused, f"retired labels back in use: {reused}"


# --- contributing and pre-commit -------------------------------------------------------
def test_contributing_guide():
    guide = text("CONTRIBUTING.md")
    for needle in ("make sync", "make test", "pre-commit install", "jupytext", "JupyterLab",
                   "remove-cell", "{cite:t}", "references.bib", "{term}", "glossary",
                   "own words", "never renumbered", "explore"):
        assert needle in guide, f"CONTRIBUTING.md does not mention {needle!r}"
    for heading in ("Learning goals", "The argument", "The model", "Explore",
                    "What the model teaches", "In practice", "Exercises", "Sources"):
        assert heading in guide, f"chapter anatomy: {heading!r}"


def hooks() -> dict[str, tuple[dict, dict]]:
    config = load_yaml(ROOT / ".pre-commit-config.yaml")
    return {hook["id"]: (repo, hook) for repo in config["repos"] for hook in repo["hooks"]}


def test_pre_commit_hooks_match_the_pins():
    found = hooks()
    dev, runtime = pins("requirements-dev.txt"), pins("requirements.txt")
    repo, _ = found["ruff-check"]
    assert repo["repo"].endswith("astral-sh/ruff-pre-commit") and repo["rev"] == "v" + dev["ruff"]
    repo, hook = found["jupytext"]
    assert repo["repo"].endswith("mwouts/jupytext") and repo["rev"] == "v" + runtime["jupytext"]
    assert "--sync" in hook["args"]
    repo, _ = found["codespell"]
    assert repo["rev"] == "v" + dev["codespell"]
    repo, hook = found["clean-notebooks"]
    assert repo["repo"] == "local" and "tools/check_clean_notebooks.py" in hook["entry"]
    for hook_id in ("check-yaml", "check-json", "end-of-file-fixer", "trailing-whitespace"):
        assert found[hook_id][0]["repo"].endswith("pre-commit/pre-commit-hooks")
    for hook_id in ("end-of-file-fixer", "trailing-whitespace"):
        assert "ipynb" in found[hook_id][1]["exclude"] and "csv" in found[hook_id][1]["exclude"]


def test_lint_tools_are_pinned_and_run_by_make_lint():
    dev = pins("requirements-dev.txt")
    for tool in ("zizmor", "codespell", "pre-commit"):
        assert tool in dev, f"{tool} not pinned with == in requirements-dev.txt"
    assert any(name.startswith("actionlint") for name in dev)
    makefile = text("Makefile")
    lint = re.search(r"^lint:.*?\n((?:\t.*\n)+)", makefile, flags=re.M).group(1)
    assert "$(BIN)/actionlint" in lint and "$(BIN)/codespell" in lint
    assert re.search(r"\$\(BIN\)/zizmor --offline\b", lint), "zizmor must not use the network"
    assert "check_clean_notebooks.py" in lint


def test_codespell_config():
    config = pyproject()["tool"]["codespell"]
    skip = config["skip"].split(",")
    for pattern in ("*.ipynb", "*.csv", "references.bib", "_build", ".venv", "node_modules"):
        assert pattern in skip


def clean_check():
    spec = importlib.util.spec_from_file_location("check_clean_notebooks",
                                                  ROOT / "tools" / "check_clean_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_clean_notebook_check_passes_the_stored_chapters():
    check = clean_check()
    notebooks = sorted((ROOT / "chapters").glob("*.ipynb"))
    assert notebooks
    assert check.main([str(p) for p in notebooks]) == 0


def test_clean_notebook_check_finds_and_fixes_what_a_run_leaves(tmp_path, capsys):
    check = clean_check()
    stored = sorted((ROOT / "chapters").glob("*.ipynb"))[0]
    nb = json.loads(stored.read_text(encoding="utf-8"))
    code = next(c for c in nb["cells"] if c["cell_type"] == "code")
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "1\n"}]
    code["execution_count"] = 7
    code["metadata"]["execution"] = {"iopub.execute_input": "2026-12-02T10:00:00Z"}
    nb["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    dirty = tmp_path / stored.name
    dirty.write_text(json.dumps(nb), encoding="utf-8")
    assert check.main([str(dirty)]) == 1
    err = capsys.readouterr().err
    for what in ("output", "execution count", "widget state", "execution timings"):
        assert what in err
    check.main(["--fix", str(dirty)])
    assert check.main([str(dirty)]) == 0
    assert dirty.read_text(encoding="utf-8") == stored.read_text(encoding="utf-8"), \
        "a fixed notebook is byte for byte the clean one"


# --- GitHub: workflows, Dependabot, issue templates ----------------------------------------
SHA_PIN = re.compile(r"uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+(\.\d+)*\s*$")


@pytest.mark.parametrize("name", ["ci.yml", "deploy.yml"])
def test_workflow_basics(name):
    path = GITHUB / "workflows" / name
    workflow = load_yaml(path)
    assert workflow["permissions"] == {"contents": "read"}
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"\s*(- )?uses:", line):
            assert SHA_PIN.search(line), f"{name}: not pinned by full SHA with a version comment: {line.strip()}"
    for job_name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, f"{name}:{job_name}"
            if step.get("uses", "").startswith("actions/setup-python@"):
                assert step["with"]["python-version"] == "3.11" and step["with"]["cache"] == "pip"
        image = job.get("container", {}).get("image", "")
        assert not image or image.startswith("python:3.11"), f"{name}:{job_name} Python 3.11"


def job_commands(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job.get("steps", []))


def test_ci_workflow_runs_the_make_targets():
    workflow = load_yaml(GITHUB / "workflows" / "ci.yml")
    on = triggers(workflow)
    assert "pull_request" in on and on["push"]["branches"] == ["main"]
    assert "schedule" in on and "workflow_dispatch" in on
    jobs = workflow["jobs"]
    every_change = {"lint": "make lint", "library": "make unit", "notebooks": "make notebooks",
                    "book": "make book-tests"}
    nightly = {"browser": "make browser-tests", "pdf": "make pdf-tests",
               "binder": "make binder-test"}
    for job, command in {**every_change, **nightly}.items():
        assert command in job_commands(jobs[job]), f"job {job} must run {command}"
    for job in every_change:
        assert "if" not in jobs[job], f"{job} runs on every pull request and push"
    for job in nightly:
        assert "schedule" in jobs[job]["if"] and "workflow_dispatch" in jobs[job]["if"]
    makefile = text("Makefile")
    for command in {**every_change, **nightly}.values():
        target = command.split()[1]
        assert re.search(rf"^{re.escape(target)}:", makefile, flags=re.M), f"no Makefile target {target}"


def test_deploy_workflow_publishes_book_and_student_edition():
    workflow = load_yaml(GITHUB / "workflows" / "deploy.yml")
    on = triggers(workflow)
    assert on["push"]["branches"] == ["main"] and "workflow_dispatch" in on
    jobs = workflow["jobs"]
    build, deploy = jobs["build"], jobs["deploy"]
    commands = job_commands(build)
    assert "make book" in commands and "make student" in commands
    assert re.search(r"cp -r _build/html _site\b", commands)
    assert re.search(r"cp -r _build/student/html/?\.? _site/student/?", commands)
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "_site"
    assert any("actions/deploy-pages@" in s.get("uses", "") for s in deploy["steps"])
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert "permissions" not in build, "only the deploy job may write to Pages"


def test_dependabot_watches_pip_npm_and_actions():
    config = load_yaml(GITHUB / "dependabot.yml")
    assert config["version"] == 2
    updates = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(updates) == {"pip", "npm", "github-actions"}
    for update in updates.values():
        assert update["directory"] == "/" and update["schedule"]["interval"] == "weekly"


def form_ids(name: str) -> dict[str, dict]:
    form = load_yaml(GITHUB / "ISSUE_TEMPLATE" / name)
    assert form["name"] and form["description"]
    return {item["id"]: item for item in form["body"] if "id" in item}


def test_issue_templates():
    erratum = form_ids("erratum.yml")
    assert {"chapter", "location", "wrong", "source"} <= set(erratum)
    idea = form_ids("exercise-idea.yml")
    assert {"chapter", "kind", "exercise", "answer", "grading"} <= set(idea)
    kinds = " ".join(idea["kind"]["attributes"]["options"]).lower()
    for kind in ("conceptual", "computational", "exploration", "reading the law"):
        assert kind in kinds
    chapters = sorted((ROOT / "chapters").glob("*.md"))
    for form in (erratum, idea):
        options = form["chapter"]["attributes"]["options"]
        numbered = [o for o in options if re.match(r"\d+\. ", o)]
        assert len(numbered) == len(chapters), "one option per chapter"
    assert "blank_issues_enabled" in load_yaml(GITHUB / "ISSUE_TEMPLATE" / "config.yml")
