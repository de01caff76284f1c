"""Attachments copied in under safe names (a bad path is a Chinese message, not a crash), and
wizard drafts that survive a dropped session."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest

from branchtui.domain.meetings.draft import MeetingDraft
from branchtui.domain.records import AgendaItem, Appraisal, AppraisalResult, Meeting, Speech
from branchtui.storage.attachments import (
    AttachmentError,
    attachment_path,
    attachment_problem,
    copy_attachment,
)
from branchtui.storage.drafts import (
    DraftError,
    DraftTakenError,
    DraftWriter,
    discard_draft,
    draft_key,
    list_drafts,
    load_draft,
    save_draft,
)

D = dt.date


def test_a_photo_is_copied_under_a_generated_name(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    photo = tmp_path / "会议 照片;rm -rf.JPG"
    photo.write_bytes(b"\xff\xd8photo")
    record = copy_attachment(data_dir, photo, description="会场", today=D(2026, 11, 3))
    copy = attachment_path(data_dir, record)
    assert copy.parent == data_dir / "attachments" and copy.read_bytes() == b"\xff\xd8photo"
    assert record.file_name == f"{record.id}.jpg" and record.original_name == photo.name
    assert record.sha256 == hashlib.sha256(b"\xff\xd8photo").hexdigest() and record.size == 7
    assert os.stat(copy).st_mode & 0o777 == 0o600


def test_bad_paths_are_refused_in_chinese(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with pytest.raises(AttachmentError, match=r"找不到文件 .*请检查路径"):
        copy_attachment(data_dir, tmp_path / "missing.jpg")
    with pytest.raises(AttachmentError, match="是一个目录"):
        copy_attachment(data_dir, tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(AttachmentError, match="不是普通文件"):
        copy_attachment(data_dir, fifo)
    assert not (data_dir / "attachments").exists()


def test_a_path_is_judged_before_the_copy_as_the_copy_would(tmp_path: Path) -> None:
    # What the prompt says beside the path it keeps (规章制度's 附件).
    photo = tmp_path / "合影.jpg"
    photo.write_bytes(b"jpeg")
    assert attachment_problem(str(photo)) is None
    assert attachment_problem(f" {photo} ") is None
    assert "找不到文件" in (attachment_problem(str(tmp_path / "missing.jpg")) or "")
    assert "是一个目录" in (attachment_problem(str(tmp_path)) or "")


def _draft(key: str) -> MeetingDraft:
    meeting = Meeting(
        kinds=["life_meeting", "appraisal"],
        date=D(2026, 1, 15),
        topic="年度组织生活会",
        agenda=[AgendaItem(title="对照检查", speeches=[Speech(member_id="m1", text="发言")])],
    )
    appraisal = Appraisal(year=2025, results=[AppraisalResult(member_id="m1", grade="qualified")])
    return MeetingDraft(key=key, meeting=meeting, step=3, appraisal=appraisal, state={"cursor": 2})


def test_a_draft_round_trips_and_is_listed_and_discarded(tmp_path: Path) -> None:
    key = draft_key("life_meeting", "zhang")
    assert key == "zhang-life_meeting"
    draft = _draft(key)
    path = save_draft(tmp_path, draft, now=dt.datetime(2026, 1, 15, 10, 30))
    assert path == tmp_path / "drafts" / "zhang-life_meeting.json"
    back = load_draft(tmp_path, key)
    assert back == draft and back.saved_at == "2026-01-15T10:30:00"
    save_draft(tmp_path, _draft(draft_key("life_meeting", "li")))
    (info,) = list_drafts(tmp_path, "zhang")
    assert (info.key, info.kinds, info.step, info.topic) == (
        key,
        ("life_meeting", "appraisal"),
        3,
        "年度组织生活会",
    )
    discard_draft(tmp_path, key)
    assert load_draft(tmp_path, key) is None and list_drafts(tmp_path, "zhang") == []


def test_a_broken_draft_is_kept_aside_not_overwritten(tmp_path: Path) -> None:
    key = draft_key("theme_day", "zhang")
    save_draft(tmp_path, _draft(key))
    path = tmp_path / "drafts" / f"{key}.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(DraftError, match=r"已损坏.*已改名为 zhang-theme_day\.json\.bad 保留"):
        load_draft(tmp_path, key)
    assert (tmp_path / "drafts" / f"{key}.json.bad").read_text(encoding="utf-8") == "{not json"
    assert load_draft(tmp_path, key) is None


def test_draft_keys_are_safe_file_names() -> None:
    assert draft_key("../../etc", "a b") == "a_b-_etc"


def test_a_draft_taken_over_by_another_session_is_not_overwritten(tmp_path: Path) -> None:
    key = draft_key("committee_meeting", "zhang")
    first = DraftWriter(tmp_path, key)
    first.save(_draft(key))
    # The connection dropped; the next login continues the draft and claims it.
    second = DraftWriter(tmp_path, key)
    taken = _draft(key)
    taken.meeting.topic = "另一会话填写"
    second.save(taken)
    with pytest.raises(DraftTakenError, match="另一会话已接着填写这份草稿"):
        first.save(_draft(key))
    first.save(_draft(key))  # said once; later writes are skipped quietly
    first.discard()  # nor is it removed by the first
    loaded = load_draft(tmp_path, key)
    assert loaded is not None and loaded.meeting.topic == "另一会话填写"
    second.save(taken)
    second.discard()
    assert load_draft(tmp_path, key) is None
