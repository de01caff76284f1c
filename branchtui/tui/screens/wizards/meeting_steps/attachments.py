"""Step 6: photos and scans (the sign-in sheet, materials), typed as paths on the server and
copied into the data folder under safe names; a missing or unreadable file is said in Chinese
beside the list, never a crash (SYS-3: meetings are photographed and filed)."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import Static

from branchtui.domain.records import Attachment
from branchtui.storage.attachments import AttachmentError, copy_attachment
from branchtui.storage.errors import StoreError, os_reason
from branchtui.tui.registry.life import ATTACHMENT_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.screens.dialogs import TextPrompt
from branchtui.tui.screens.wizards.meeting_steps.base import MeetingStep
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.record_list import RecordList
from branchtui.tui.widgets.wrapped_text import WrappedText

WHAT = {"photo": "照片", "scan": "扫描件"}


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f}MB"
    return f"{max(1, size // 1024)}KB"


class AttachmentsStep(MeetingStep):
    """照片和附件."""

    STEP_ID = "attachments"
    TITLE = "照片和附件（签到表、材料扫描件）"
    SHORT = "附件"
    BINDINGS: ClassVar[list[BindingType]] = keys_of(ATTACHMENT_KEYS)

    def compose(self) -> ComposeResult:
        yield Static(
            "输入服务器上文件的路径（如 ~/照片/1127.jpg），文件会复制到数据目录的 attachments/。"
            "没有可直接按 PgDn。",
            classes="hint",
        )
        yield RecordList("（尚无照片或附件：p 添加照片，s 添加扫描件）", id="attachment-list")
        yield WrappedText("", id="attachment-error", classes="field-error", markup=False)

    def first_focus(self) -> Widget:
        return self.query_one("#attachment-list")

    def on_mount(self) -> None:
        self.load()

    def _known(self) -> dict[str, Attachment]:
        found = {a.id: a for a in self.data.attachments}
        found.update((a.id, a) for a in self.work.attachments)
        return found

    def load(self) -> None:
        known = self._known()
        lines = []
        for kind, ids in (("photo", self.meeting.photo_ids), ("scan", self.meeting.attachment_ids)):
            for attachment_id in ids:
                a = known.get(attachment_id)
                text = (
                    f"{WHAT[kind]}  {terminal_safe(a.original_name or a.file_name)}  {_size(a.size)}"
                    if a is not None
                    else f"{WHAT[kind]}  （文件记录已不存在）"
                )
                lines.append((f"{kind}:{attachment_id}", text))
        self.query_one("#attachment-list", RecordList).show(lines)

    def action_add(self, kind: str) -> None:
        def answered(path: str | None) -> None:
            if path:
                self.query_one("#attachment-error", Static).update("正在复制…")
                self._copy(kind, path)

        self.app.push_screen(TextPrompt(f"{WHAT[kind]}文件的路径"), answered)

    @work(thread=True, exclusive=True, group="attachment", description="复制附件")
    def _copy(self, kind: str, path: str) -> None:
        try:
            attachment = copy_attachment(
                self.wizard.branch_app.data_dir, path, description=WHAT[kind], today=self.today
            )
        except (AttachmentError, StoreError) as error:
            self.app.call_from_thread(self._failed, error.message)
            return
        except OSError as error:  # anything the copy did not foresee is still said, not raised
            self.app.call_from_thread(self._failed, f"无法复制文件（{os_reason(error)}）")
            return
        self.app.call_from_thread(self._added, kind, attachment)

    def _failed(self, message: str) -> None:
        self.query_one("#attachment-error", Static).update(terminal_safe(message))

    def _added(self, kind: str, attachment: Attachment) -> None:
        self.work.attachments.append(attachment)
        (self.meeting.photo_ids if kind == "photo" else self.meeting.attachment_ids).append(
            attachment.id
        )
        self.query_one("#attachment-error", Static).update(
            f"已添加：{terminal_safe(attachment.original_name)}"
        )
        self.load()
        self.changed()

    def action_remove(self) -> None:
        current = self.query_one("#attachment-list", RecordList).current_id
        if not current:
            return
        kind, _, attachment_id = current.partition(":")
        ids = self.meeting.photo_ids if kind == "photo" else self.meeting.attachment_ids
        if attachment_id in ids:
            ids.remove(attachment_id)
        self.work.attachments = [a for a in self.work.attachments if a.id != attachment_id]
        self.load()
        self.changed()

    def focus_path(self, path: str) -> bool:
        self.query_one("#attachment-list").focus()
        return True
