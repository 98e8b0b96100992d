"""The README's two set-up commands: what they do, and that the sample corpus path works."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from data.store import Store

ROOT = Path(__file__).resolve().parents[1]


def make_dry_run(target: str) -> str:
    return subprocess.run(["make", "-n", "-B", target], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def test_readme_names_the_two_commands_and_ci_calls_the_test_one():
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test\b", ci, re.M)
    assert os.access(ROOT / ".ci" / "run", os.X_OK)


def test_requirements_are_pinned():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text().splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-r"):
                assert "==" in line, f"{name}: unpinned requirement {line!r}"


def test_make_run_sets_up_ingests_if_empty_and_serves():
    steps = make_dry_run("run")
    assert "-m venv" in steps
    assert "pip install -q -r requirements.txt -c constraints.txt" in steps
    assert "-m data ingest data/articles" in steps and "--if-empty" in steps
    assert "streamlit run dashboard/app.py" in steps


def test_make_test_installs_dev_requirements_and_chromium():
    steps = make_dry_run("test")
    assert "requirements-dev.txt" in steps
    assert "apt-get install -y -qq chromium" in steps
    assert "-m pytest" in steps


def test_sample_target_fills_an_empty_store_once(tmp_path):
    db = tmp_path / "sample.duckdb"
    env = {**os.environ, "VENV": str(Path(sys.executable).parents[1])}
    first = subprocess.run(["make", "-s", "sample", f"DB={db}", f"VENV={env['VENV']}"], cwd=ROOT,
                           capture_output=True, text=True, env=env, timeout=600)
    assert first.returncode == 0, first.stderr[-2000:]
    n = Store(db).stats()["counts"]["articles"]
    assert n >= 26, f"the sample corpus should give at least 26 articles, got {n}"
    again = subprocess.run(["make", "-s", "sample", f"DB={db}", f"VENV={env['VENV']}"], cwd=ROOT,
                           capture_output=True, text=True, env=env, timeout=600)
    assert again.returncode == 0 and "already holds articles" in again.stdout
    assert Store(db).stats()["counts"]["articles"] == n
