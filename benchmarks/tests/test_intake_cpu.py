"""`intake_cpu.py` run as a person runs it, on PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from benchmarks.survey_intake import _drop

HERE = Path(__file__).resolve().parent.parent
TEST_URL = os.environ.get("KOHTAAMO_TEST_DATABASE_URL", "")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not TEST_URL, reason="the benchmark needs PostgreSQL"),
]


def test_it_prints_what_each_kind_of_answer_costs_and_the_ratio() -> None:
    url = urlunsplit(urlsplit(TEST_URL)._replace(path="/kohtaamo_test_intake_cpu"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KOHTAAMO_", "DJANGO_"))}
    try:
        result = subprocess.run(
            [
                sys.executable,
                "intake_cpu.py",
                "--blocks",
                "1",
                "--block",
                "10",
                "--database-url",
                url,
            ],
            cwd=HERE,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    finally:
        # The benchmark's database is its own: nothing of it stays behind.
        _drop(url)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for kind in ("survey", "floor", "survey, happy only", "survey, unhappy only"):
        assert any(line.strip().startswith(f"{kind} ") and "PostgreSQL" in line for line in lines)
    assert lines[-1].startswith("floor / survey, together: ")
