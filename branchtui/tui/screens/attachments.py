"""附件与照片 (SYS-3): every file copied into the data folder (meeting photos, sign-in sheets,
systems' texts), what each is used by, its description corrected, and one added by mistake
deleted: the records naming it keep no pointer, its minutes are written again, and the copy
under attachments/ is removed only after the commit (storage.attachments.delete_attachment)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import work
from textual.binding import BindingType

from branchtui.domain.attachment_uses import attachment_uses
from branchtui.domain.records import Attachment, BranchData, Record
from branchtui.storage.attachments import delete_attachment
from branchtui.storage.errors import StoreError
from branchtui.tui.registry.systems import ATTACHMENTS
from branchtui.tui.saving import ask_delete
from branchtui.tui.screens.register import Column, Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormSpec

DELETE_CHOICES = {"keep": "不删除", "delete": "删除附件和数据目录中的文件"}


def _size(attachment: Any, data: BranchData) -> str:
    size = attachment.size
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f}MB"
    return f"{max(1, size // 1024)}KB" if size else ""


# The uses of the snapshot last shown: worked out once for all rows, not once per row.
_LAST: list[tuple[BranchData, dict[str, list[str]]]] = []


def _uses_in(data: BranchData) -> dict[str, list[str]]:
    if not _LAST or _LAST[0][0] is not data:
        _LAST[:] = [(data, attachment_uses(data))]
    return _LAST[0][1]


def _uses(attachment: Any, data: BranchData) -> str:
    found = _uses_in(data).get(attachment.id, [])
    return "；".join(found) if found else "（未被任何记录使用）"


def _used_by(attachment: Any, data: BranchData) -> str:
    """The list's column: what it belongs to, in short."""
    found = _uses_in(data).get(attachment.id, [])
    if not found:
        return "未使用"
    return found[0].split("：", 1)[0] + (f"等{len(found)}处" if len(found) > 1 else "")


class AttachmentsScreen(RegisterScreen):
    """The attachments register: read, described, deleted; added from where they belong."""

    SCREEN_ID = ATTACHMENTS.id
    BINDINGS: ClassVar[list[BindingType]] = ATTACHMENTS.bindings()
    REGISTER = Register(
        Attachment,
        columns=(
            field_column(Attachment, "added", width=10),
            field_column(Attachment, "original_name", "文件", width=24),
            Column("大小", _size, width=7),
            Column("用于", _used_by, width=10),
            field_column(Attachment, "description"),
        ),
        form=FormSpec(("description",)),
        date_field="added",
        empty="尚无附件（在会议记录向导或规章制度中添加）",
        detail=lambda a, data: f"用于：{_uses(a, data)}",
    )

    def action_edit(self) -> None:
        record = self._editable()
        if record is not None:  # the one field is a text box, which a form does not focus
            self._form(record, focus="description")

    def action_add(self) -> None:  # attachments are added where they belong
        self.notify("附件在会议记录向导或规章制度中添加", severity="warning")

    def action_remove(self) -> None:
        record = self._editable()
        if not isinstance(record, Attachment):
            return
        name = record.original_name or record.file_name
        ask_delete(
            self,
            self.data,
            (Attachment.TABLE, record.id),
            f"删除附件「{name}」（数据目录中的文件一并删除）？",
            DELETE_CHOICES,
            lambda: self._delete_file(record),
        )

    @work(thread=True, exclusive=True, group="attachment-delete", description="删除附件")
    def _delete_file(self, attachment: Attachment) -> None:
        try:
            problems = delete_attachment(self.store, attachment.id, attachment.rev)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, error.message, title="未删除", severity="error", timeout=10
            )
            return
        self.app.call_from_thread(self._deleted, attachment, problems)

    def _deleted(self, attachment: Record, problems: list[str]) -> None:
        self.reload()
        name = getattr(attachment, "original_name", "") or "附件"
        self.notify(f"已删除附件：{name}", timeout=3)
        for problem in problems:
            self.notify(problem, title="注意", severity="warning", timeout=10)
