"""Fixtures shared by every test folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder; BRANCHTUI_HOME points at it and today is fixed."""
    folder = tmp_path / "data"
    monkeypatch.setenv("BRANCHTUI_HOME", str(folder))
    monkeypatch.setenv("BRANCHTUI_TODAY", TODAY.isoformat())
    return folder


@pytest.fixture(autouse=True)
def own_cache_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Caches (holiday schedule, today's duties) go to a folder of the test, not ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
