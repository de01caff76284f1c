"""The years of China's holiday schedule already worked out, kept in the user's cache folder.

Importing the holidays package and working out a year takes ~250 ms of every start; the
result only changes when the package does. So the years are written to
``$XDG_CACHE_HOME/branchtui/holidays-cn.json`` (``~/.cache/...``), under a key naming the
installed package's files; another package (an upgrade) makes the file be ignored and rewritten.
Nothing in it is the user's data: a cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import os
import threading
from pathlib import Path
from typing import Any

from branchtui.domain.calendar import NationalSchedule, YearSchedule

CACHE_FILE = "holidays-cn.json"
FORMAT = 1
# The years worked out together when the package has to be imported anyway.
AROUND = 3

_shared: NationalSchedule | None = None
_shared_key = ""
_lock = threading.Lock()


def cache_folder() -> Path:
    """``$XDG_CACHE_HOME/branchtui``, else ``~/.cache/branchtui``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "branchtui"


def package_key() -> str:
    """Names the installed holidays package by its files, without importing it ('' if absent)."""
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return ""
    root = Path(spec.origin).parent
    parts = [f"format {FORMAT}", str(root)]
    for name in ("version.py", "countries/china.py"):
        try:
            stat = (root / name).stat()
        except OSError:
            return ""
        parts.append(f"{name} {stat.st_size} {stat.st_mtime_ns}")
    return "|".join(parts)


def _decode(doc: Any, key: str) -> NationalSchedule | None:
    if not isinstance(doc, dict) or doc.get("key") != key:
        return None
    years: dict[int, YearSchedule] = {}
    for year, entry in doc["years"].items():
        names = {dt.date.fromisoformat(d): str(n) for d, n in entry["names"].items()}
        makeup = frozenset(dt.date.fromisoformat(d) for d in entry["makeup"])
        years[int(year)] = YearSchedule(frozenset(names), makeup, names)
    return NationalSchedule(years, int(doc["last_announced"]))


def _read(path: Path, key: str) -> NationalSchedule | None:
    import orjson  # not with the module: the dashboard's first frame needs only cache_folder

    try:
        return _decode(orjson.loads(path.read_bytes()), key)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no cache, another format or a damaged file: work the years out again


def national_schedule() -> NationalSchedule:
    """The national schedule for this process: the cached years when the installed package is
    the one that wrote them, else an empty one that asks the package (and is remembered)."""
    global _shared, _shared_key
    with _lock:
        key = package_key()
        if _shared is None or key != _shared_key:
            cached = _read(cache_folder() / CACHE_FILE, key) if key else None
            _shared, _shared_key = cached or NationalSchedule(), key
        return _shared


def remember(schedule: NationalSchedule, around: int | None = None) -> None:
    """Write the schedule's years to the cache when the package had to work some out; with
    ``around`` (a year), also the years next to it, while the package is loaded anyway."""
    if not schedule.worked_out or not _shared_key or schedule is not _shared:
        return
    if around is not None:
        for year in range(around - AROUND, around + AROUND + 1):
            schedule.year(year)
    with schedule.lock:  # another thread may be working out a year meanwhile
        years = {**schedule.known, **schedule.worked_out}
    doc = {
        "key": _shared_key,
        "last_announced": schedule.last_announced_year,
        "years": {
            str(year): {
                "names": {d.isoformat(): n for d, n in sorted(entry.names.items())},
                "makeup": sorted(d.isoformat() for d in entry.makeup),
            }
            for year, entry in sorted(years.items())
        },
    }
    import orjson

    folder = cache_folder()
    tmp = folder / f".{CACHE_FILE}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp.write_bytes(orjson.dumps(doc))
        os.replace(tmp, folder / CACHE_FILE)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)  # a cache that cannot be written is not used: no harm
        return
    with schedule.lock:
        schedule.known.update(years)
        schedule.worked_out.clear()
