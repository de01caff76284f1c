"""Saving a meeting and writing its minutes: ``minutes/YYYY/MM-DD-<kind>-<slug>.md``.

The minutes are rendered before anything is written (a broken template leaves no record and
no file behind); the record (with its appraisal and new attachments) is saved in one commit;
then the Markdown is written atomically. Saving a record that exists is an amendment: the
stored version is kept in the record's amendments and the minutes say so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from branchtui.domain.changes import RecordChanges
from branchtui.domain.ledger_filing import entry_filing
from branchtui.domain.meetings.edits import amend, content_changed
from branchtui.domain.meetings.minutes import minutes_context
from branchtui.domain.meetings.settles import with_record
from branchtui.domain.meetings.titles import meeting_subject, primary_kind, renumbered_by
from branchtui.domain.meetings.votes import INQUORATE_ADVICE, decision_problems
from branchtui.domain.profile import get_profile
from branchtui.domain.records import Appraisal, Attachment, BranchData, Meeting
from branchtui.domain.validation import validate
from branchtui.storage import locations
from branchtui.storage.atomic import write_atomic
from branchtui.storage.drafts import current_user
from branchtui.storage.errors import InvalidRecordError, StoreError, os_reason
from branchtui.storage.folder_obligations import folder_calendar
from branchtui.storage.modes import ensure_folder, file_mode
from branchtui.storage.store import Store
from branchtui.storage.templates import render_template

MINUTES_DIR = "minutes"
SLUG_LENGTH = 24  # the clauses of a topic that fit in a file name
SLUG_CLAUSE_MAX = 40  # a first clause longer than SLUG_LENGTH is kept whole up to this
# Anything but letters, digits and CJK (and the dash) becomes a dash in a file name.
_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n){2,}")
_UNSAFE = re.compile(r"[^0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]+")
_LATIN_RUN = re.compile(r"[0-9A-Za-z]+")


class MinutesError(StoreError):
    """The minutes cannot be made as asked (no such record, a file that cannot be written)."""


def slug(text: str, fallback: str) -> str:
    """A safe file-name part from a topic: its clauses (letters, digits and 汉字 between the
    punctuation) joined by dashes, never empty, never starting with a dot or dash.

    A name that reads: the whole topic when it fits in SLUG_LENGTH characters, else the
    leading clauses that fit (``传达学习全会精神，研究部署第四季度工作`` → its first clause,
    not ``…第四季度工``); a first clause longer than that is kept whole up to SLUG_CLAUSE_MAX,
    and only a longer one is cut, never inside a Latin word or a number."""
    clauses = [c for c in _UNSAFE.split(text) if c]
    kept: list[str] = []
    for clause in clauses:
        if len("-".join([*kept, clause])) > SLUG_LENGTH:
            break
        kept.append(clause)
    if not kept and clauses:
        kept = [_cut(clauses[0], SLUG_CLAUSE_MAX)]
    return "-".join(kept) or fallback


def _cut(clause: str, most: int) -> str:
    """``clause`` within ``most`` characters, not ending inside a run of letters or digits."""
    if len(clause) <= most:
        return clause
    end = most
    for run in _LATIN_RUN.finditer(clause):
        if run.start() < end < run.end():
            end = run.start()
    return clause[:end] or clause[:most]


def minutes_template(meeting: Meeting) -> str:
    """``minutes/committee_meeting.md.j2``: the template of the record's own kind."""
    return f"{MINUTES_DIR}/{primary_kind(meeting) or 'general_meeting'}.md.j2"


def minutes_path(data_dir: Path, meeting: Meeting, data: BranchData) -> Path:
    """Where the minutes of ``meeting`` go; another record's file of that name is never taken."""
    day = meeting.date
    subject = meeting_subject(meeting)  # the topic, else the lecture's or the theme's title
    base = f"{day.month:02d}-{day.day:02d}-{primary_kind(meeting)}-{slug(subject, meeting.id[:8])}"
    folder = Path(data_dir) / MINUTES_DIR / f"{day.year:04d}"
    taken = {m.minutes_path for m in data.meetings if m.id != meeting.id and m.minutes_path}
    path = folder / f"{base}.md"
    if _stored(data_dir, path) in taken:
        path = folder / f"{base}-{meeting.id[:8]}.md"
    return path


def _stored(data_dir: Path, path: Path) -> str:
    """The path as the record keeps it: relative to the data folder."""
    return path.relative_to(data_dir).as_posix()


def render_minutes(
    data_dir: Path,
    data: BranchData,
    meeting: Meeting,
    appraisal: Appraisal | None = None,
    attachments: list[Attachment] | tuple[Attachment, ...] = (),
) -> str:
    """The Markdown minutes of ``meeting`` as if saved in ``data`` with its appraisal and new
    attachments (the wizard's review step); the data folder's own template of that name is
    used when there is one."""
    profile = get_profile(data.branch.profile if data.branch else None)
    calendar, _problem = folder_calendar(data_dir)
    trial = with_record(data, meeting, appraisal)
    known = {a.id for a in trial.attachments}
    trial.tables["attachments"] = trial.attachments + [a for a in attachments if a.id not in known]
    context = minutes_context(meeting, trial, profile, appraisal=appraisal, calendar=calendar)
    text = render_template(data_dir, minutes_template(meeting), context)
    # Optional parts leave blank lines behind: never more than one in a row.
    return _BLANK_LINES.sub("\n\n", text).strip("\n") + "\n"


def _write(data_dir: Path, path: Path, text: str) -> None:
    ensure_folder(Path(data_dir) / MINUTES_DIR)
    ensure_folder(path.parent)
    try:
        write_atomic(path, text.encode("utf-8"), file_mode(path.parent, path))
    except OSError as exc:
        raise MinutesError(
            f"记录已保存，但会议记录文件 {path} 未能写入（{os_reason(exc)}）；"
            "可稍后运行 branchtui minutes 记录编号 重新生成。"
        ) from None


def _remove_file(data_dir: Path, stored: str) -> None:
    """Remove a minutes file the record pointed at (only ever inside minutes/)."""
    if not stored:
        return
    target = (Path(data_dir) / stored).resolve()
    root = (Path(data_dir) / MINUTES_DIR).resolve()
    if root in target.parents and target.is_file():
        with contextlib.suppress(OSError):
            target.unlink()


def _remove_old(data_dir: Path, old: str, new: Path) -> None:
    """Remove the record's previous minutes file when the new one has another name."""
    if old != _stored(data_dir, new):
        _remove_file(data_dir, old)


def _renumber(store: Store, changed: Meeting, before: Meeting | None) -> None:
    """Write again the minutes of the year's later records whose titles moved: a meeting
    entered late (or deleted) changes the 第N次 of those after it."""
    data = store.snapshot()
    for m in renumbered_by(changed, before, data.meetings):
        path = Path(store.data_dir) / m.minutes_path if m.minutes_path else None
        if path is None or not path.is_file():
            continue
        text = render_minutes(store.data_dir, data, m)
        try:
            unchanged = path.read_text(encoding="utf-8") == text
        except (OSError, UnicodeDecodeError):
            continue  # not ours to overwrite blindly
        if not unchanged:
            _write(store.data_dir, path, text)


def time_of_day() -> str:
    """``15:42``: when an amendment is saved (BRANCHTUI_TODAY pins the day, not the time)."""
    return dt.datetime.now().strftime("%H:%M")


@dataclass(frozen=True)
class SavedMeeting:
    """A saved meeting record and its minutes on disk."""

    meeting: Meeting
    path: Path
    text: str
    amended: bool
    appraisal: Appraisal | None = None


@dataclass(frozen=True)
class PreparedMeeting:
    """A meeting ready to save, with its minutes already rendered (the review step shows
    ``text``): the copy to store, the stored version it amends, where the minutes go, and the
    data it was rendered from (saving renders again only if that changed meanwhile)."""

    meeting: Meeting
    appraisal: Appraisal | None
    attachments: tuple[Attachment, ...]
    stored: Meeting | None
    path: Path
    text: str
    data: BranchData
    # The 民主评议 as stored before (None: a new one), and whether this save amends it.
    appraisal_stored: Appraisal | None = None
    appraisal_amended: bool = False


def prepare_meeting(
    store: Store,
    meeting: Meeting,
    *,
    appraisal: Appraisal | None = None,
    attachments: list[Attachment] | tuple[Attachment, ...] = (),
    reason: str = "",
    today: dt.date | None = None,
) -> PreparedMeeting:
    """Validate a wizard's meeting (InvalidRecordError, in Chinese, when it cannot be saved),
    make it the new record or the amendment of the stored one, and render its minutes exactly
    as they will be written. Nothing is written; the arguments are not changed."""
    day = today or locations.today()
    # Work on copies: a refused or conflicting save leaves the wizard's objects as they were.
    meeting = Meeting.from_dict(meeting.to_dict())
    appraisal = Appraisal.from_dict(appraisal.to_dict()) if appraisal is not None else None
    for record in (meeting, appraisal):
        if record is None:
            continue
        errors = validate(record, day)
        if errors:
            field, message = next(iter(errors.items()))
            raise InvalidRecordError(f"{record.LABEL}记录未保存：{message}（{field}）")
    data = store.snapshot()
    problems = decision_problems(meeting, data)  # NAT-1, NAT-2: no quorum, no decision
    if problems:
        problem = next(iter(problems.values()))
        raise InvalidRecordError(f"{meeting.LABEL}记录未保存：{problem}；{INQUORATE_ADVICE}。")
    stored = data.find("meetings", meeting.id)
    if stored is not None:
        amend(stored, meeting, day, reason)
    elif meeting.entered_on is None:
        meeting.entered_on = day
    appraisal_stored, appraisal_amended = None, False
    if appraisal is not None:
        appraisal.meeting_id = meeting.id
        appraisal_stored = data.find("appraisals", appraisal.id)
        if appraisal_stored is None:
            appraisal.entered_on = appraisal.entered_on or day
        elif content_changed(appraisal_stored, appraisal):
            # Versioned as its meeting is (修改历史): the version before is kept.
            amend(appraisal_stored, appraisal, day, reason)
            appraisal_amended = True
    path = minutes_path(store.data_dir, meeting, data)
    meeting.minutes_path = _stored(store.data_dir, path)
    text = render_minutes(store.data_dir, data, meeting, appraisal, attachments)
    return PreparedMeeting(
        meeting,
        appraisal,
        tuple(attachments),
        stored,
        path,
        text,
        data,
        appraisal_stored,
        appraisal_amended,
    )


def save_prepared(store: Store, prepared: PreparedMeeting) -> SavedMeeting:
    """Save a prepared meeting with its appraisal and new attachments in one commit, then write
    its minutes (rendered again only if another session changed the data since the review).

    A new record (the meeting, its 民主评议) and an amendment are stamped with the time of the
    save and the login name that saved it. A record changed by another session since it was
    opened is a ConflictError; nothing is saved then.
    """
    p = prepared
    now, user = time_of_day(), current_user()
    if p.stored is not None:
        # The amendment is dated when prepared; its time and author are those of the save.
        made = p.meeting.amendments[-1]
        made.time, made.user = now, user
    else:
        p.meeting.entered_at, p.meeting.entered_by = now, user
    if p.appraisal is not None and p.appraisal_amended:
        made = p.appraisal.amendments[-1]
        made.time, made.user = now, user
    elif p.appraisal is not None and p.appraisal_stored is None:
        p.appraisal.entered_at, p.appraisal.entered_by = now, user
    text = p.text
    if store.snapshot() is not p.data:
        text = render_minutes(
            store.data_dir, store.snapshot(), p.meeting, p.appraisal, p.attachments
        )
    saved = RecordChanges(updates=(p.meeting,)) if p.stored else RecordChanges((p.meeting,))
    # SYS-3: a meeting entered is filed in the electronic ledger in the same commit.
    filing = entry_filing(store.snapshot(), saved, p.meeting.entered_on or locations.today())
    with store.transaction() as tx:
        tx.apply(saved + filing)
        if p.appraisal is not None:
            (tx.update if tx.get(Appraisal.TABLE, p.appraisal.id) else tx.insert)(p.appraisal)
        for attachment in p.attachments:
            if tx.get(Attachment.TABLE, attachment.id) is None:
                tx.insert(attachment)
    _write(store.data_dir, p.path, text)
    _remove_old(store.data_dir, p.stored.minutes_path if p.stored else "", p.path)
    _renumber(store, p.meeting, p.stored)
    return SavedMeeting(p.meeting, p.path, text, p.stored is not None, p.appraisal)


def save_meeting(
    store: Store,
    meeting: Meeting,
    *,
    appraisal: Appraisal | None = None,
    attachments: list[Attachment] | tuple[Attachment, ...] = (),
    reason: str = "",
    today: dt.date | None = None,
) -> SavedMeeting:
    """Save a meeting from the wizard (new, or an amendment of the stored one) with its
    appraisal and newly copied attachments in one commit, then write its minutes: the same as
    ``save_prepared(store, prepare_meeting(...))``. The saved copy (new ``rev``, ``entered_on``,
    ``minutes_path``) is returned; the arguments are not changed.

    A record that does not pass ``domain.validation`` is refused (InvalidRecordError, nothing
    written); a broken template is a TemplateError (nothing written); a record changed by
    another session since it was opened is a ConflictError.
    """
    prepared = prepare_meeting(
        store, meeting, appraisal=appraisal, attachments=attachments, reason=reason, today=today
    )
    return save_prepared(store, prepared)


def save_with_minutes(store: Store, changes: RecordChanges, meeting: Meeting) -> SavedMeeting:
    """Commit ``changes``, which insert the new ``meeting`` with other records (an election
    and the general meeting it was held at), in one commit, and write the meeting's minutes as
    the meeting wizard does: same path, rendered before anything is written (a broken template
    leaves nothing behind). ``meeting`` (the object inside ``changes``) gets its
    ``minutes_path``. A file that cannot be written is a MinutesError after the commit."""
    data = store.snapshot()
    path = minutes_path(store.data_dir, meeting, data)
    meeting.minutes_path = _stored(store.data_dir, path)
    meeting.entered_at, meeting.entered_by = time_of_day(), current_user()
    text = render_minutes(store.data_dir, data, meeting)
    with store.transaction() as tx:
        tx.apply(changes)
    _write(store.data_dir, path, text)
    _renumber(store, meeting, None)
    return SavedMeeting(meeting, path, text, False)


def write_minutes(store: Store, meeting_id: str) -> SavedMeeting:
    """Render a stored meeting's minutes again and write them (``branchtui minutes ID``); the
    record's ``minutes_path`` is updated when the file name changed (no amendment)."""
    data = store.snapshot()
    matches = [m for m in data.meetings if m.id == meeting_id] or [
        m for m in data.meetings if len(meeting_id) >= 6 and m.id.startswith(meeting_id)
    ]
    if len(matches) != 1:
        what = "找不到" if not matches else "有多条记录匹配"
        raise MinutesError(f"{what}编号为 {meeting_id} 的会议记录。")
    meeting = matches[0]
    path = minutes_path(store.data_dir, meeting, data)
    text = render_minutes(store.data_dir, data, meeting)
    old_path = meeting.minutes_path
    if meeting.minutes_path != _stored(store.data_dir, path) and not store.read_only:
        meeting.minutes_path = _stored(store.data_dir, path)
        store.save(meeting)
    _write(store.data_dir, path, text)
    _remove_old(store.data_dir, old_path, path)
    return SavedMeeting(meeting, path, text, False)


def delete_meeting(store: Store, meeting_id: str, rev: int | None = None) -> None:
    """Delete a meeting record in one commit, with what the delete implies (domain.deletion: the
    appraisal held at it and the ledger entry filing it go, a study session or talk linked to it
    keeps no pointer; refused, DeleteRefusedError, when an election or a development step rests
    on it), then its minutes file; the record stays in the backups."""
    meeting = store.snapshot().find("meetings", meeting_id)
    if meeting is None:
        raise MinutesError(f"找不到编号为 {meeting_id} 的会议记录。")
    with store.transaction() as tx:
        tx.delete(Meeting.TABLE, meeting_id, rev)
    _remove_file(store.data_dir, meeting.minutes_path)
    _renumber(store, meeting, None)
