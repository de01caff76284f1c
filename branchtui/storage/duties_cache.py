"""The duties of a data folder as last computed, so that the dashboard can show them in its
first frame: the file, calendar.toml, the date and the program are all the same as when they
were computed, so computing them again would give exactly this list. A few dates are kept per
folder: today's, and the next days' computed ahead when a session ends (storage.duties_ahead),
so that the first start of the next day finds its duties kept while the file is unchanged.

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

FORMAT = 3
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


def _folder_name(folder: Path) -> str:
    return hashlib.sha256(str(Path(folder).resolve()).encode()).hexdigest()[:32]


def _cache_file(folder: Path, on: dt.date) -> Path:
    """One file per folder and date: the first frame reads only today's."""
    return cache_folder() / "duties" / f"{_folder_name(folder)}-{on.isoformat()}.json"


def _read_entry(path: Path) -> Any:
    """The entry kept in ``path`` (None when there is none or it does not read)."""
    try:
        # The standard library's parser: importing orjson costs ~17 ms, and the first frame
        # reads this small file before anything else needs orjson.
        doc: Any = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return doc if isinstance(doc, dict) and doc.get("format") == FORMAT else None


def read_duties(folder: Path, on: dt.date) -> tuple[FolderObligations, str] | None:
    """The duties of ``folder`` at ``on`` and their key, when the cache holds them for the data
    file as it is now; None otherwise."""
    stamp = data_stamp(folder)
    if not stamp:
        return None
    key = duties_key(folder, stamp, on)
    doc = _read_entry(_cache_file(folder, on))
    try:
        if doc is None or doc.get("key") != key:
            return None
        found = [Obligation.from_json(item) for item in doc["obligations"]]
        profile = get_profile(str(doc["profile"]))
        result = FolderObligations(on, profile, found, bool(doc["estimated"]), str(doc["problem"]))
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None  # a damaged entry: compute them
    return result, key


def _kept(folder: Path) -> dict[Path, str]:
    """The files kept for ``folder``, each with its entry's key ('' when it does not read)."""
    files = (cache_folder() / "duties").glob(f"{_folder_name(folder)}-*.json")
    return {path: str((_read_entry(path) or {}).get("key", "")) for path in files}


def kept_keys(folder: Path) -> set[str]:
    """The keys of every entry kept for ``folder``."""
    return set(_kept(folder).values())


def write_duties(folder: Path, result: FolderObligations, key: str) -> bool:
    """Keep ``result`` under ``key`` (made by ``duties_key``) beside the entries of other dates
    of the same data file; those of an earlier file (or calendar, or program) go. False when
    the cache cannot be written (then it is not used, which is no error)."""
    doc = {
        "format": FORMAT,
        "key": key,
        "profile": result.profile.name,
        "estimated": result.estimated,
        "problem": result.problem,
        "obligations": [ob.to_json() for ob in result.obligations],
    }
    import orjson

    path = _cache_file(folder, result.on)
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
    # Entries of the same file, calendar and program for other dates stay; any other is stale.
    rest = "|" + key.split("|", 1)[1]
    stale = [other for other, other_key in _kept(folder).items() if not other_key.endswith(rest)]
    stale.append(path.with_name(f"{_folder_name(folder)}.json"))  # format 1's single file
    for other in stale:
        with contextlib.suppress(OSError):
            other.unlink()
    return True
