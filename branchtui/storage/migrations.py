"""Schema versions of branch.json and the pure dict→dict steps between them.

Version 0: no ``_meta``; ``{"branch": {...}, "<table>": {id: doc}}``, documents without ``rev``.
Version 1: the same layout with ``rev`` on every document (the v0 store).
Version 2: TinyDB's layout, ``{"_meta": {...}, "<table>": {"<doc id>": doc}}``, the branch as the
           one document of table ``branch``.
Version 3: the same, but a document leaves out every field equal to its default (the reader fills
           defaults in; the branch's own record is kept whole), e.g. attendance rows ``{"member_id": …}`` without status "present".
           Changing a field's default later therefore needs a step writing the old one back.
Version 4: a meeting's lecturer and 主题党日 content types move into its own parts
           (``lecturer_id`` → ``lecture.lecturer_id``, ``theme_content`` →
           ``theme_day.content_types``); the other new parts of the minutes start empty.
Version 5: a development file's records hold more than a date (people, documents, the training's
           last day and hours, a 票决, the months of an extension); an extension's months move
           from its note (``"延长6个月"``) into ``months``. The 25 steps add new record kinds,
           which an older program could not read.
Version 6: relations and care records hold more: a transfer's letter and 回执 dates
           (``letter_sent``, ``receipt_returned``), a flowing member's report-back date
           (``reported_back``), an announcement's ``scope``. Older documents read as they are
           (the new fields take their defaults); an older program could not read the new ones.
Version 7: a written system (制度, SYS-1) may be abolished (``abolished``), kept as history.
           Older documents read as they are; an older program could not read the new field.
Version 8: a new table, ``work_assignments`` (党员分配工作: 设岗定责, 党员责任区 …, NAT-5).
           Older files read as they are (no such table); an older program could not read it.
Version 9: a new table ``fluctuations`` (思想波动, CARE-1): a member's ideological fluctuation
           and how it was resolved. Older files have none (the table starts empty); an older
           program could not read the new table.
Version 10: a meeting's amendment records the time of day and the login name that saved it
            (``time``, ``user``). Older amendments read as they are (day only); an older
            program could not read the new fields.
Version 11: a member may hold the months her probation was extended
            (``probation_extension_months``, NAT-3) when no development file keeps them. Older
            documents read as they are; an older program could not read the new field.
Version 12: 停止党籍 takes a member off the roster (NAT-6). A member whose open lost-contact
            record says she was suspended, but who is still on the roster (recorded before),
            leaves it on the day of the suspension, reason ``suspended``, as if recorded now.
Version 14: 停止党籍 decided for a 因私出国（境） trip takes the member off the roster from the day
            of departure (REL-3, domain/abroad.py). A member still on the roster whose trip so
            decided has departed (by today: BRANCHTUI_TODAY or the clock) leaves it on that day,
            reason ``suspended``, as if recorded now; a trip ahead is left to its day (REL-3
            reminds). A new table ``restorations`` (恢复党籍) starts empty; an older program
            could not read it.
Version 15: a new table ``records_gaps`` (建档前无记录可补, domain/obligations/records_gap.py):
            a periodic duty due before the branch's start marked as having no record to enter.
            Older files have none (the table starts empty); an older program could not read it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from branchtui import __version__
from branchtui.domain.codec import omit_defaults
from branchtui.domain.records import TABLES
from branchtui.storage.errors import CorruptFileError
from branchtui.storage.locations import today

SCHEMA_VERSION = 15
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


def lift_meeting_parts(doc: dict[str, Any]) -> dict[str, Any]:
    """One meeting document of version 3 (or of an older bundle) in version 4's shape.

    A lecturer or a party_lecture kind makes a ``lecture`` part titled with the topic; theme
    content types make a ``theme_day`` part. Documents already in the new shape are returned
    unchanged; the input is not modified.
    """
    if "lecturer_id" not in doc and "theme_content" not in doc:
        return doc
    out = dict(doc)
    found = out.get("kinds")
    kinds: list[Any] = found if isinstance(found, list) else []
    topic = out.get("topic") or ""
    lecturer = out.pop("lecturer_id", None)
    if (lecturer or "party_lecture" in kinds) and not isinstance(out.get("lecture"), dict):
        lecture = {"lecturer_id": lecturer, "title": topic}
        out["lecture"] = {k: v for k, v in lecture.items() if v}
    content = out.pop("theme_content", None)
    if (content or "theme_day" in kinds) and not isinstance(out.get("theme_day"), dict):
        part = {"theme": topic if "theme_day" in kinds else "", "content_types": content or []}
        out["theme_day"] = {k: v for k, v in part.items() if v}
    return out


@step(3)
def meeting_parts(raw: dict[str, Any]) -> dict[str, Any]:
    """v3 → v4: a meeting's lecturer and theme content move into its lecture and theme_day."""
    out: dict[str, Any] = dict(raw)
    table = raw.get("meetings")
    if isinstance(table, dict):
        out["meetings"] = {
            key: lift_meeting_parts(doc) if isinstance(doc, dict) else doc
            for key, doc in table.items()
        }
    out[META] = new_meta(4)
    return out


_NUMBER = re.compile(r"\d+")
# Before version 5 an extension without a number in its note counted as the longest one.
EXTENSION_MONTHS_UNWRITTEN = 12


def extension_months_of(doc: dict[str, Any]) -> dict[str, Any]:
    """One development record of version 4 in version 5's shape: an extension's months, read
    from its note as the program then read them (clamped to 6–12, 12 when not written)."""
    if doc.get("step") != "probation_extended" or "months" in doc:
        return doc
    note = doc.get("note")
    found = _NUMBER.search(note) if isinstance(note, str) else None
    months = int(found.group()) if found else EXTENSION_MONTHS_UNWRITTEN
    return {**doc, "months": max(6, min(months, 12))}


@step(4)
def development_records(raw: dict[str, Any]) -> dict[str, Any]:
    """v4 → v5: the months of a probation extension move from its note into ``months``."""
    out: dict[str, Any] = dict(raw)
    table = raw.get("candidates")
    if isinstance(table, dict):
        out["candidates"] = {
            key: with_extension_months(doc) if isinstance(doc, dict) else doc
            for key, doc in table.items()
        }
    out[META] = new_meta(5)
    return out


def with_extension_months(doc: dict[str, Any]) -> dict[str, Any]:
    """A candidate document whose extensions carry their months (version 5's shape)."""
    events = doc.get("events")
    if not isinstance(events, list):
        return doc
    return {
        **doc,
        "events": [extension_months_of(e) if isinstance(e, dict) else e for e in events],
    }


# Steps with nothing to rewrite, and why: the new version (stamped by migrate()) only marks
# files that an older program must open read-only.
NOTHING_TO_REWRITE = {
    5: "v5 → v6: the new fields of relations are optional",
    6: "v6 → v7: a system's ``abolished`` is optional",
    7: "v7 → v8: the table of 党员分配工作 starts empty",
    8: "v8 → v9: the ``fluctuations`` table starts empty",
    9: "v9 → v10: an amendment's ``time`` and ``user`` are optional",
    10: "v10 → v11: no member has a probation extension recorded on her entry yet",
    12: "v12 → v13: a meeting's and an appraisal's ``entered_at`` and ``entered_by`` are "
    "optional (the records entered before read as 未记录), and so are an appraisal's "
    "``entered_on`` and ``amendments``",
    14: "v14 → v15: the ``records_gaps`` table (建档前无记录可补) starts empty",
}
for _version in NOTHING_TO_REWRITE:
    step(_version)(dict)  # a copy: the input is not modified


def _suspended_days(raw: dict[str, Any]) -> dict[str, str]:
    """Member id → the day of the suspension, for each open lost-contact record that has one."""
    table = raw.get("lost_contacts")
    docs = table.values() if isinstance(table, dict) else ()
    return {
        doc["member_id"]: doc["suspended"]
        for doc in docs
        if isinstance(doc, dict)
        and isinstance(doc.get("member_id"), str)
        and isinstance(doc.get("suspended"), str)
        and not doc.get("found")
        and not doc.get("removed")
    }


@step(11)
def suspended_off_the_roster(raw: dict[str, Any]) -> dict[str, Any]:
    """v11 → v12: a member suspended on her lost-contact record leaves the roster that day."""
    out: dict[str, Any] = dict(raw)
    days = _suspended_days(raw)
    table = raw.get("members")
    if days and isinstance(table, dict):
        out["members"] = {
            key: _suspended(doc, days) if isinstance(doc, dict) else doc
            for key, doc in table.items()
        }
    out[META] = new_meta(12)
    return out


def _suspended(doc: dict[str, Any], days: dict[str, str]) -> dict[str, Any]:
    member_id = doc.get("id")
    day = days.get(member_id) if isinstance(member_id, str) else None
    if day is None or doc.get("removed"):
        return doc
    return {
        **doc,
        "removed": day,
        "removed_reason": "suspended",
        "removed_note": "失联党员，经多方查找仍无联系，停止党籍",
    }


def _departed_suspended(raw: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Member id → (day of departure, note) for each trip with 停止党籍 decided that has left
    by today (the earliest, should there be several)."""
    table = raw.get("travels")
    docs = table.values() if isinstance(table, dict) else ()
    now = today().isoformat()
    found: dict[str, tuple[str, str]] = {}
    for doc in docs:
        if not isinstance(doc, dict) or doc.get("decision") != "suspend":
            continue
        member_id, depart = doc.get("member_id"), doc.get("depart")
        if not isinstance(member_id, str) or not isinstance(depart, str) or depart > now:
            continue
        ref = doc.get("approval_ref")
        note = f"因私出国（境）赴{doc.get('destination') or ''}，出境期间停止党籍" + (
            f"（{ref}）" if isinstance(ref, str) and ref else ""
        )
        if member_id not in found or depart < found[member_id][0]:
            found[member_id] = (depart, note)
    return found


@step(13)
def abroad_suspended_off_the_roster(raw: dict[str, Any]) -> dict[str, Any]:
    """v13 → v14: a member whose trip abroad with 停止党籍 has departed leaves the roster on the
    day of departure; the ``restorations`` table starts empty (nothing to write)."""
    out: dict[str, Any] = dict(raw)
    trips = _departed_suspended(raw)
    table = raw.get("members")
    if trips and isinstance(table, dict):
        out["members"] = {
            key: _abroad(doc, trips) if isinstance(doc, dict) else doc for key, doc in table.items()
        }
    out[META] = new_meta(14)
    return out


def _abroad(doc: dict[str, Any], trips: dict[str, tuple[str, str]]) -> dict[str, Any]:
    member_id = doc.get("id")
    trip = trips.get(member_id) if isinstance(member_id, str) else None
    if trip is None or doc.get("removed"):
        return doc
    return {**doc, "removed": trip[0], "removed_reason": "suspended", "removed_note": trip[1]}
