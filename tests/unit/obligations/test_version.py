"""The version the app writes into its data files is the one it is released as."""

from __future__ import annotations

import tomllib
from pathlib import Path

import branchtui
from branchtui.storage.migrations import new_meta

PYPROJECT = Path(__file__).resolve().parents[3] / "pyproject.toml"


def test_package_version_matches_pyproject() -> None:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    assert branchtui.__version__ == project["version"]


def test_data_files_record_the_package_version() -> None:
    assert new_meta()["app_version"] == branchtui.__version__
