"""Wizard drafts in ``<data>/drafts/<key>.json``: saved atomically after every step, one per user
and kind (a new record) or per user and record (an amendment), so a dropped SSH session loses
nothing and reopening offers to continue.

A draft that cannot be read is moved aside to ``<key>.json.bad`` (never overwritten) and
reported in Chinese.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

import orjson

from branchtui.domain.decode_errors import DecodeError
from branchtui.domain.meetings.draft import MeetingDraft
from branchtui.storage.atomic import dumps, write_atomic
from branchtui.storage.errors import StoreError, os_reason
from branchtui.storage.modes import ensure_folder, file_mode

DRAFTS_DIR = "drafts"
_UNSAFE = re.compile(r"[^0-9A-Za-z_-]+")


class DraftError(StoreError):
    """A draft that cannot be read or written."""


class DraftTakenError(DraftError):
    """Another session has taken the draft over since this one wrote it: not overwritten."""


def current_user() -> str:
    """The login name drafts are kept under (each SSH user has their own)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "user"


def draft_key(subject: str, user: str | None = None) -> str:
    """``zhang-committee_meeting`` (a new record of a kind) or ``zhang-<record id>`` (an
    amendment): only letters, digits, ``_`` and ``-``."""
    raw = f"{user or current_user()}-{subject}"
    return _UNSAFE.sub("_", raw)[:120] or "draft"


def _path(data_dir: Path, key: str) -> Path:
    safe = _UNSAFE.sub("_", key)[:120] or "draft"
    return Path(data_dir) / DRAFTS_DIR / f"{safe}.json"


def draft_session(data_dir: Path, key: str) -> str:
    """The session that last wrote the draft of ``key`` ('' when none is recorded or the draft
    cannot be read)."""
    try:
        doc = orjson.loads(_path(data_dir, key).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return ""
    state = doc.get("state") if isinstance(doc, dict) else None
    session = state.get("session") if isinstance(state, dict) else None
    return session if isinstance(session, str) else ""


def save_draft(
    data_dir: Path,
    draft: MeetingDraft,
    now: dt.datetime | None = None,
    *,
    session: str = "",
    claim: bool = True,
) -> Path:
    """Write ``draft`` atomically (it replaces the previous save of the same key).

    ``session`` names the wizard writing it. A wizard claims the draft when it opens (a new
    record, or a draft continued after a dropped connection); afterwards (``claim=False``) a
    draft another session has since claimed is not overwritten: DraftTakenError."""
    if session:
        draft.state["session"] = session
        if not claim and draft_session(data_dir, draft.key) not in ("", session):
            raise DraftTakenError(
                "另一会话已接着填写这份草稿，本会话的修改不再写入草稿（以免覆盖对方）；"
                "保存记录时仍会检查冲突。"
            )
    draft.saved_at = (now or dt.datetime.now()).isoformat(timespec="seconds")
    folder = ensure_folder(Path(data_dir) / DRAFTS_DIR)
    path = _path(data_dir, draft.key)
    try:
        write_atomic(path, dumps(draft.to_dict()), file_mode(folder, path))
    except OSError as exc:
        raise DraftError(f"草稿未能保存到 {path}（{os_reason(exc)}）。") from None
    return path


def load_draft(data_dir: Path, key: str) -> MeetingDraft | None:
    """The draft of ``key``, or None when there is none."""
    path = _path(data_dir, key)
    try:
        payload = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DraftError(f"无法读取草稿 {path}（{os_reason(exc)}）。") from None
    try:
        doc = orjson.loads(payload)
        if not isinstance(doc, dict):
            raise TypeError("草稿应为 JSON 对象")
        return MeetingDraft.from_dict(doc)
    except (orjson.JSONDecodeError, DecodeError, TypeError, ValueError, KeyError) as exc:
        bad = path.with_name(path.name + ".bad")
        try:
            os.replace(path, bad)
        except OSError:
            bad = path
        raise DraftError(
            f"草稿 {path.name} 已损坏（{exc}），已改名为 {bad.name} 保留，请重新填写。"
        ) from None


@dataclass(frozen=True)
class DraftInfo:
    """A saved draft as the "continue?" prompt lists it."""

    key: str
    kinds: tuple[str, ...]
    date: dt.date
    topic: str
    step: int
    saved_at: str
    amending: bool  # the draft edits a saved record


def list_drafts(data_dir: Path, user: str | None = None) -> list[DraftInfo]:
    """The user's drafts, newest first (an unreadable one is moved aside and left out)."""
    folder = Path(data_dir) / DRAFTS_DIR
    prefix = draft_key("", user)
    out = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        if not path.stem.startswith(prefix):
            continue
        try:
            draft = load_draft(data_dir, path.stem)
        except DraftError:
            continue
        if draft is None:
            continue
        m = draft.meeting
        amending = path.stem.endswith(m.id)
        out.append(
            DraftInfo(
                draft.key, tuple(m.kinds), m.date, m.topic, draft.step, draft.saved_at, amending
            )
        )
    return sorted(out, key=lambda d: d.saved_at, reverse=True)


def discard_draft(data_dir: Path, key: str, session: str = "") -> None:
    """Remove the draft of ``key`` (after saving the record, or when the user gives it up);
    with ``session``, only while that session is the one that last wrote it."""
    if session and draft_session(data_dir, key) not in ("", session):
        return
    try:
        _path(data_dir, key).unlink()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DraftError(f"无法删除草稿（{os_reason(exc)}）。") from None


class DraftWriter:
    """One wizard's writes of its draft: the first write claims it (a new record, or a draft
    continued after a dropped connection); once another session has taken it over, the
    first refused write raises DraftTakenError and later ones are skipped."""

    def __init__(self, data_dir: Path, key: str) -> None:
        self.data_dir = Path(data_dir)
        self.key = key
        self.session = uuid.uuid4().hex[:12]
        self.claimed = False
        self.given_up = False

    def save(self, draft: MeetingDraft) -> None:
        if self.given_up:
            return
        try:
            save_draft(self.data_dir, draft, session=self.session, claim=not self.claimed)
        except DraftTakenError:
            self.given_up = True
            raise
        self.claimed = True

    def discard(self) -> None:
        """Remove the draft unless another session has taken it over."""
        discard_draft(self.data_dir, self.key, self.session)
