"""Schema versions of branch.json and the pure dict→dict steps between them.

Version 0: no ``_meta``; ``{"branch": {...}, "<table>": {id: doc}}``, documents without ``rev``.
Version 1: the same layout with ``rev`` on every document (the v0 store).
Version 2: TinyDB's layout, ``{"_meta": {...}, "<table>": {"<doc id>": doc}}``, the branch as the
           one document of table ``branch``.
Version 3: the same, but a document leaves out every field equal to its default (the reader fills
           defaults in; the branch's own record is kept whole), e.g. attendance rows ``{"member_id": …}`` without status "present".
           Changing a field's default later therefore needs a step writing the old one back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from branchtui import __version__
from branchtui.domain.codec import omit_defaults
from branchtui.domain.records import TABLES
from branchtui.storage.errors import CorruptFileError

SCHEMA_VERSION = 3
META = "_meta"
BRANCH_TABLE = "branch"

APP_VERSION = __version__

Step = Callable[[dict[str, Any]], dict[str, Any]]
STEPS: dict[int, Step] = {}


def step(from_version: int) -> Callable[[Step], Step]:
    """Register a step that turns a file of ``from_version`` into one of ``from_version + 1``."""

    def register(func: Step) -> Step:
        STEPS[from_version] = func
        return func

    return register


def schema_version_of(raw: dict[str, Any]) -> int:
    """The file's schema version; a file without ``_meta`` is version 0."""
    meta = raw.get(META)
    if not isinstance(meta, dict):
        return 0
    version = meta.get("schema_version", 0)
    return version if isinstance(version, int) and version >= 0 else 0


def new_meta(version: int = SCHEMA_VERSION) -> dict[str, Any]:
    return {"schema_version": version, "app_version": APP_VERSION}


def empty_file() -> dict[str, Any]:
    """The content of a freshly initialised data file."""
    return {META: new_meta()}


def migrate(raw: dict[str, Any]) -> dict[str, Any]:
    """Run every step from the file's version up to SCHEMA_VERSION; the input is not modified."""
    version = schema_version_of(raw)
    while version < SCHEMA_VERSION:
        try:
            raw = STEPS[version](raw)
        except (AttributeError, TypeError, KeyError, ValueError) as exc:
            raise CorruptFileError(
                f"数据文件无法从第 {version} 版升级到第 {version + 1} 版（{exc}）。"
            ) from exc
        version += 1
        raw[META] = {**raw.get(META, {}), **new_meta(version)}
    return raw


@step(0)
def add_revisions(raw: dict[str, Any]) -> dict[str, Any]:
    """v0 → v1: every document gets ``rev`` 1 so that later edits can be checked for conflicts."""
    out: dict[str, Any] = {META: new_meta(1)}
    for name, value in raw.items():
        if name == META:
            continue
        if name == BRANCH_TABLE:
            out[name] = {"rev": 1, **value} if isinstance(value, dict) else None
            continue
        out[name] = {rid: {"rev": 1, **doc} for rid, doc in value.items()}
    return out


@step(1)
def tinydb_layout(raw: dict[str, Any]) -> dict[str, Any]:
    """v1 → v2: tables keyed by TinyDB doc ids; records keep their own ``id`` as the only key."""
    out: dict[str, Any] = {META: new_meta(2)}
    for name, value in raw.items():
        if name == META:
            continue
        if name == BRANCH_TABLE:
            out[name] = {"1": dict(value)} if isinstance(value, dict) else {}
            continue
        out[name] = {
            str(doc_id): {**doc, "id": rid}
            for doc_id, (rid, doc) in enumerate(value.items(), start=1)
        }
    return out


@step(2)
def compact_documents(raw: dict[str, Any]) -> dict[str, Any]:
    """v2 → v3: documents leave out the fields equal to their default (a smaller, faster file)."""
    out: dict[str, Any] = {META: new_meta(3)}
    for name, table in raw.items():
        if name == META:
            continue
        cls = TABLES.get(name)  # the branch's one record stays whole: nothing to gain
        if cls is None or not isinstance(table, dict):
            out[name] = table  # unknown tables are the shape check's to report
            continue
        out[name] = {
            key: omit_defaults(cls, doc) if isinstance(doc, dict) else doc
            for key, doc in table.items()
        }
    return out
