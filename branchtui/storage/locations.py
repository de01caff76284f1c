"""Where things are: the data folder and today's date."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from branchtui.domain.dates import in_supported_range

DATA_FILE = "branch.json"
LOCK_FILE = "branch.json.lock"


def data_dir(explicit: str | Path | None = None) -> Path:
    """``--data DIR``, else ``$BRANCHTUI_HOME``, else ``$XDG_DATA_HOME/branchtui``."""
    if explicit:
        return Path(explicit).expanduser()
    home = os.environ.get("BRANCHTUI_HOME")
    if home:
        return Path(home).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "branchtui"


def fixed_today() -> dt.date | None:
    """The date ``BRANCHTUI_TODAY=YYYY-MM-DD`` fixes (demos, tests, looking back), if any."""
    fixed = os.environ.get("BRANCHTUI_TODAY", "").strip()
    if fixed:
        # Out of the supported range (domain/dates.py) it is ignored like a malformed one.
        try:
            pinned = dt.date.fromisoformat(fixed)
        except ValueError:
            pass
        else:
            if in_supported_range(pinned):
                return pinned
    return None


def today() -> dt.date:
    """Today, unless ``BRANCHTUI_TODAY`` fixes it."""
    return fixed_today() or dt.date.today()
