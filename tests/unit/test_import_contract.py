"""The arrows point one way: domain imports neither Textual nor TinyDB (DESIGN.md, Layout)."""

from __future__ import annotations

import json
import subprocess
import sys


def _modules_after_importing(package: str) -> set[str]:
    code = (
        "import importlib, json, pkgutil, sys\n"
        f"pkg = importlib.import_module({package!r})\n"
        "for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(out))


def test_domain_imports_neither_textual_nor_tinydb() -> None:
    loaded = _modules_after_importing("branchtui.domain")
    assert "branchtui.domain.records" in loaded
    offenders = {m for m in loaded if m.split(".")[0] in ("textual", "tinydb", "rich")}
    assert not offenders, f"domain pulled in {sorted(offenders)}"


def test_storage_does_not_import_textual() -> None:
    loaded = _modules_after_importing("branchtui.storage")
    assert not {m for m in loaded if m.split(".")[0] == "textual"}


def test_the_dashboards_first_frame_needs_neither_the_records_nor_the_engine() -> None:
    # The first frame (today's duties from the cache, or the loading line) comes before the
    # data file is read: the record types (~40 ms of imports), the store and the rule engine
    # load after it, off the UI thread.
    code = (
        "import json, sys\n"
        "import branchtui.launch, branchtui.storage.duties_ahead\n"
        "import branchtui.tui.app, branchtui.tui.screens.dashboard, branchtui.tui.obligations\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = set(json.loads(out))
    late = {
        "branchtui.domain.records",
        "branchtui.storage.store",
        "branchtui.domain.obligations.engine",
        "orjson",  # ~17 ms to import: the first frame reads the duties cache with json
    }
    assert not loaded & late, f"loaded before the first frame: {sorted(loaded & late)}"
