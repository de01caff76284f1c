"""附件与照片 (SYS-3) by keys: what each file is used by, its description corrected, and one added
by mistake deleted after a question — no record names it any more, and its copy under
attachments/ is gone once the commit is made."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from conftest import on_screen, read_file, settle, text_of
from textual.widgets import DataTable

from branchtui.domain.records import Meeting, SystemDoc
from branchtui.storage.attachments import attachment_path, copy_attachment
from branchtui.storage.store import Store
from branchtui.tui.app import build_app
from branchtui.tui.screens.attachments import AttachmentsScreen
from branchtui.tui.screens.dialogs import ChoicePrompt
from branchtui.tui.widgets.record_form import RecordForm


async def test_an_attachment_added_by_mistake_is_deleted_with_its_file(
    branch_dir: Path, today: dt.date, tmp_path: Path
) -> None:
    photo = tmp_path / "合影.jpg"
    photo.write_bytes(b"jpeg")
    attached = copy_attachment(branch_dir, photo, description="照片", today=today)
    store = Store.open(branch_dir)
    meeting = Meeting(kinds=["committee_meeting"], date=dt.date(2026, 11, 20), topic="研究工作")
    with store.transaction() as tx:
        tx.insert(attached)
        tx.insert(dataclasses.replace(meeting, photo_ids=[attached.id]))
        tx.insert(SystemDoc(kind="study", title="学习制度", attachment_id=attached.id))
    copy = attachment_path(branch_dir, attached)
    assert copy.is_file()
    app = build_app(branch_dir, today=today)
    said = lambda: " ".join(str(n.message) for n in app._notifications)  # noqa: E731
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "f")
        await on_screen(pilot, AttachmentsScreen)
        table = app.screen.query_one("#register-table", DataTable)
        assert [str(c) for c in table.get_row_at(0)][:4] == [
            "2026-11-27",
            "合影.jpg",
            "1KB",
            "会议等2处",
        ]
        detail = text_of(app, "#register-detail")
        assert "会议：2026年11月20日 支部委员会会议《研究工作》" in detail
        assert "制度：《学习制度》" in detail
        await pilot.press("e")
        await on_screen(pilot, RecordForm)
        await pilot.press("ctrl+u", *"签到表", "ctrl+s")
        await on_screen(pilot, AttachmentsScreen)
        await settle(pilot, lambda: "签到表" in str(table.get_row_at(0)[4]))
        await pilot.press("d")
        await on_screen(pilot, ChoicePrompt)
        assert app.screen.prompt_title == (  # type: ignore[attr-defined]
            "删除附件「合影.jpg」（数据目录中的文件一并删除）？另有会议1条、制度1条去掉对其的引用。"
        )
        await pilot.press("down", "enter")
        await settle(pilot, lambda: table.row_count == 0)
        assert "已删除附件：合影.jpg" in said()
    data = read_file(branch_dir)
    assert data.attachments == [] and not copy.exists()
    assert data.meetings[-1].photo_ids == [] and data.system_docs[0].attachment_id is None
