"""Rules about the shape of the code base itself."""

from __future__ import annotations

import ast
import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "clerkdesk"
QT_ALLOWED = {PACKAGE / "app.py"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_qt_is_imported_only_in_the_ui_package_and_the_entry_point():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path in QT_ALLOWED or (PACKAGE / "ui") in path.parents:
            continue
        if any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in imported_modules(path)):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_check_itself_notices_a_qt_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtWidgets import QWidget\n")
    assert "PySide6.QtWidgets" in imported_modules(sample)


def test_domain_does_no_io():
    forbidden = {"sqlite3", "sqlite_utils", "PySide6", "os", "pathlib", "shutil", "subprocess"}
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_modules(path) & forbidden)
        for path in (PACKAGE / "domain").rglob("*.py")
        if imported_modules(path) & forbidden
    }
    assert offenders == {}


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```(?:sh|bash|shell)?\n(.*?)```", section, re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_readme_quick_start_has_exactly_two_commands_and_ci_runs_the_second():
    commands = quick_start_commands()
    assert len(commands) == 2
    launch, test = commands
    assert "clerkdesk --demo" in launch and "pip install" in launch
    assert "pytest" in test and "[test]" in test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci
    shlex.split(test)  # and it is a well-formed shell line
