"""The statistics package must stay usable without Django."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

STATS_DIR = Path(__file__).resolve().parent.parent


def test_importing_every_stats_module_loads_no_django() -> None:
    # given a fresh interpreter with no Django settings
    modules = sorted(
        f"kohtaamo.stats.{path.stem}" for path in STATS_DIR.glob("*.py") if path.stem != "__init__"
    )
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    # when every module of the package is imported
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(STATS_DIR.parent.parent)},
    )
    # then not a single django module came along
    assert len(modules) >= 8
    assert result.stdout.strip() == "[]"


def test_no_stats_source_file_imports_django() -> None:
    # given every Python file of the package, tests excluded
    offenders = []
    for path in STATS_DIR.glob("*.py"):
        # when its imports are read
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "django"]
    # then none of them is Django
    assert offenders == []
