"""Deleting an attachment (storage.attachments.delete_attachment): the copy under attachments/
is removed only once the commit is made; a delete that does not commit leaves it; the minutes
that listed it are written again without it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from branchtui.domain.records import Meeting
from branchtui.storage.attachments import (
    AttachmentError,
    attachment_path,
    copy_attachment,
    delete_attachment,
)
from branchtui.storage.errors import ConflictError
from branchtui.storage.minutes import write_minutes
from branchtui.storage.store import Store

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def attached(tmp_path: Path) -> tuple[Store, str, str, Path]:
    store = Store.open(tmp_path / "data", create=True)
    photo = tmp_path / "签到表.jpg"
    photo.write_bytes(b"scan")
    attachment = copy_attachment(store.data_dir, photo, description="签到表", today=TODAY)
    meeting = Meeting(kinds=["committee_meeting"], date=TODAY, topic="研究工作")
    with store.transaction() as tx:
        tx.insert(attachment)
        tx.insert(dataclasses.replace(meeting, attachment_ids=[attachment.id]))
    minutes = write_minutes(store, meeting.id).path
    assert "签到表.jpg" in minutes.read_text("utf-8")
    return store, attachment.id, meeting.id, attachment_path(store.data_dir, attachment)


def test_the_copy_goes_after_the_commit_and_the_minutes_no_longer_list_it(
    attached: tuple[Store, str, str, Path],
) -> None:
    store, attachment_id, meeting_id, copy = attached
    assert copy.is_file()
    assert delete_attachment(store, attachment_id) == []
    data = Store.open(store.data_dir).snapshot()
    assert data.attachments == [] and not copy.exists()
    meeting = data.find("meetings", meeting_id)
    assert meeting.attachment_ids == []
    assert "签到表.jpg" not in (store.data_dir / meeting.minutes_path).read_text("utf-8")


def test_a_delete_that_does_not_commit_leaves_the_file(
    attached: tuple[Store, str, str, Path],
) -> None:
    store, attachment_id, _, copy = attached
    with pytest.raises(ConflictError):
        delete_attachment(store, attachment_id, rev=99)  # someone changed it meanwhile
    assert copy.is_file() and len(store.snapshot().attachments) == 1
    with pytest.raises(AttachmentError, match="找不到这个附件"):
        delete_attachment(store, "no-such-id")


def test_a_file_another_record_names_stays(attached: tuple[Store, str, str, Path]) -> None:
    store, attachment_id, _, copy = attached
    original = store.snapshot().find("attachments", attachment_id)
    store.add(dataclasses.replace(original, id="twin", rev=0))
    assert delete_attachment(store, attachment_id) == []
    assert copy.is_file()
