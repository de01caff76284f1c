"""Today's duties of a data folder as last computed, so that the dashboard can show them in its
first frame: the file, calendar.toml, the date and the program are all the same as when they
were computed, so computing them again would give exactly this list.

Kept per user in ``$XDG_CACHE_HOME/branchtui/duties/`` (never in the data folder: it is no part
of the branch's data). The key names everything the computation reads: the data file and
calendar.toml (inode, size, modification time: every commit replaces the file, so a change
makes a new key), the date, and the program (its version and the files of the rules and of the
calendar, and the holidays package). Any difference, or a file that does not read, is a miss.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import branchtui
from branchtui.domain.obligations.base import Obligation
from branchtui.domain.profile import get_profile
from branchtui.storage.calendar_file import CALENDAR_FILE
from branchtui.storage.folder_obligations import FolderObligations
from branchtui.storage.holiday_cache import cache_folder, package_key
from branchtui.storage.locations import DATA_FILE

FORMAT = 1
PACKAGE = Path(branchtui.__file__).parent
# What the duties are computed by besides the domain package: the folder's calendar file.
STORAGE_FILES = ("calendar_file.py", "folder_obligations.py", "holiday_cache.py")


def file_stamp(path: Path) -> str:
    """inode, size and modification time of a file ('' when there is none)."""
    try:
        stat = os.stat(path)
    except OSError:
        return ""
    return f"{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}"


def data_stamp(folder: Path) -> str:
    """The stamp of the folder's data file: taken before and after reading a snapshot, an equal
    pair proves the snapshot is of that file."""
    return file_stamp(Path(folder) / DATA_FILE)


@functools.cache
def program_key() -> str:
    """The version and files of what computes the duties (a changed rule is another program)."""
    parts = [f"format {FORMAT}", branchtui.__version__, package_key()]
    files = sorted((PACKAGE / "domain").rglob("*.py"))
    files += [PACKAGE / "storage" / name for name in STORAGE_FILES]
    parts += [f"{path.relative_to(PACKAGE)} {file_stamp(path)}" for path in files]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def duties_key(folder: Path, stamp: str, on: dt.date) -> str:
    """The key of the duties of ``folder`` at ``on`` computed from the data file ``stamp``."""
    calendar = file_stamp(Path(folder) / CALENDAR_FILE)
    return f"{on.isoformat()}|{stamp}|{calendar}|{program_key()}"


def _cache_file(folder: Path) -> Path:
    name = hashlib.sha256(str(Path(folder).resolve()).encode()).hexdigest()[:32]
    return cache_folder() / "duties" / f"{name}.json"


def read_duties(folder: Path, on: dt.date) -> tuple[FolderObligations, str] | None:
    """The duties of ``folder`` at ``on`` and their key, when the cache holds them for the data
    file as it is now; None otherwise."""
    stamp = data_stamp(folder)
    if not stamp:
        return None
    key = duties_key(folder, stamp, on)
    try:
        # The standard library's parser: importing orjson costs ~17 ms, and the first frame
        # reads this small file before anything else needs orjson.
        doc: Any = json.loads(_cache_file(folder).read_bytes())
        if doc.get("key") != key:
            return None
        found = [Obligation.from_json(item) for item in doc["obligations"]]
        profile = get_profile(str(doc["profile"]))
        result = FolderObligations(on, profile, found, bool(doc["estimated"]), str(doc["problem"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None  # none yet, another format or a damaged file: compute them
    return result, key


def write_duties(folder: Path, result: FolderObligations, key: str) -> bool:
    """Keep ``result`` under ``key`` (made by ``duties_key``); False when the cache cannot be
    written (then it is not used, which is no error)."""
    doc = {
        "key": key,
        "profile": result.profile.name,
        "estimated": result.estimated,
        "problem": result.problem,
        "obligations": [ob.to_json() for ob in result.obligations],
    }
    import orjson

    path = _cache_file(folder)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # The duties name members (arrears, missing phone numbers): readable by this user only.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(orjson.dumps(doc))
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return False
    return True
