"""The GitHub workflows run what .ci/run runs, so a green .ci/run means the deploy and the pull-request
check work too. Each workflow step is a Makefile target or a script of .ci/, never a command of its own."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
MAKE_TARGET = re.compile(r"^(?P<target>[a-z][a-z-]*):", re.M)


def make_targets_of(command: str) -> set[str]:
    """The targets a line such as `make --no-print-directory VENV="$venv" "$target"` names."""
    words = [w.strip('"') for w in command.split()[1:] if not w.startswith("-") and "=" not in w]
    return set(words)


def ci_make_targets() -> set[str]:
    targets: set[str] = set()
    for script in (ROOT / ".ci").iterdir():
        text = script.read_text(encoding="utf-8")
        for line in text.splitlines():
            line = line.strip()
            if line.startswith("for target in "):
                targets |= set(line.removeprefix("for target in ").split(";")[0].split())
            match = re.match(r"(setsid )?make\b[^|&;>]*", line)
            if match:
                targets |= {t for t in make_targets_of(match.group(0).removeprefix("setsid ")) if not t.startswith("$")}
    return targets


def run_lines(workflow: Path) -> list[str]:
    steps = [step for job in yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].values()
             for step in job.get("steps", [])]
    return [line.strip() for step in steps if "run" in step for line in step["run"].splitlines() if line.strip()]


def test_ci_runs_the_readme_commands_before_the_tests():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert run.index("bash .ci/readme-commands") < run.index("make test")
    targets = ci_make_targets()
    assert {"build", "check", "review-due", "serve", "test"} <= targets, targets
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_runs_only_what_ci_runs(workflow: Path):
    defined = set(MAKE_TARGET.findall((ROOT / "Makefile").read_text(encoding="utf-8")))
    ci_targets = ci_make_targets()
    lines = run_lines(workflow)
    assert lines, f"{workflow.name} runs nothing"
    for line in lines:
        if line.startswith("bash .ci/"):
            assert (ROOT / line.split()[1]).is_file(), f"{workflow.name}: {line} names a missing script"
            continue
        assert line.startswith("make "), (
            f"{workflow.name}: '{line}' is a command of its own. Call a Makefile target that .ci/run runs, "
            "so that a green .ci/run means this workflow works.")
        for target in make_targets_of(line):
            assert target in defined, f"{workflow.name}: make {target} is not a Makefile target"
            assert target in ci_targets, f"{workflow.name}: make {target} is not run by .ci/run"


def test_deploy_builds_with_the_target_ci_checks():
    assert "make build" in run_lines(ROOT / ".github" / "workflows" / "deploy.yml")
