"""规章制度 (SYS-1): the branch's written systems by category, the categories still missing
named above the list (domain.obligations.sys_rules.missing_system_kinds), a system abolished
kept as history (d, h), and its text attached from a file on the server (f, optional)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, ClassVar

from textual import work
from textual.binding import BindingType

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import format_date
from branchtui.domain.obligations import Obligation
from branchtui.domain.obligations.sys_rules import missing_system_kinds
from branchtui.domain.profile import Profile
from branchtui.domain.records import Attachment, BranchData, SystemDoc
from branchtui.domain.records.ledgers import SYSTEM_KINDS
from branchtui.storage.attachments import AttachmentError, attachment_problem, copy_attachment
from branchtui.storage.errors import StoreError, os_reason
from branchtui.tui.registry.systems import SYSTEMS
from branchtui.tui.screens.dialogs import TextPrompt
from branchtui.tui.screens.register import Column, Register, RegisterScreen, field_column
from branchtui.tui.widgets.record_fields import FormSpec

KIND_ORDER = {kind: index for index, kind in enumerate(SYSTEM_KINDS)}


def _missing(data: BranchData, _year: int, today: dt.date, _profile: Profile) -> str:
    missing = missing_system_kinds(data.system_docs, today)
    if not missing:
        return "六类制度齐全；已废止的制度按 h 查看"
    return f"尚缺{len(missing)}项制度：" + "、".join(SYSTEM_KINDS[k] for k in missing)


def _attachment(data: BranchData, doc: SystemDoc) -> Attachment | None:
    if doc.attachment_id is None:
        return None
    found = data.find("attachments", doc.attachment_id)
    return found if isinstance(found, Attachment) else None


def _has_attachment(doc: Any, data: BranchData) -> str:
    return "有" if isinstance(doc, SystemDoc) and doc.attachment_id else ""


def _detail(doc: Any, data: BranchData) -> str:
    if not isinstance(doc, SystemDoc):
        return ""
    parts = []
    if (attached := _attachment(data, doc)) is not None:
        parts.append(f"附件：{attached.original_name or attached.file_name}")
    elif doc.attachment_id:
        parts.append("附件：（文件记录已不存在）")
    if doc.abolished is not None:
        parts.append(f"已于{format_date(doc.abolished)}废止，保留为历史记录")
    return "；".join(parts)


class SystemsScreen(RegisterScreen):
    """The written systems; every required category needs one in force (SYS-1)."""

    SCREEN_ID = SYSTEMS.id
    BINDINGS: ClassVar[list[BindingType]] = SYSTEMS.bindings()
    REGISTER = Register(
        SystemDoc,
        columns=(
            field_column(SystemDoc, "kind", "类别", width=16),
            field_column(SystemDoc, "title", width=32),
            field_column(SystemDoc, "adopted", width=10),
            field_column(SystemDoc, "posted", "上墙", width=4),
            Column("附件", _has_attachment, width=4),
        ),
        form=FormSpec(
            ("kind", "title", "adopted", "posted"),
            hints={
                "title": "如：第一党支部“三会一课”制度",
                "posted": "有条件的要做到制度上墙",
            },
        ),
        rules=("SYS-1",),
        date_field=None,
        closed_field="abolished",
        order=lambda doc: (KIND_ORDER.get(doc.kind, len(KIND_ORDER)), doc.title),
        headline=_missing,
        detail=_detail,
        empty="尚未登记制度，按 a 新增",
    )

    def settle(self, ob: Obligation) -> None:
        """SYS-1 opened from the duties: a new system of the first category still missing."""
        missing = missing_system_kinds(self.data.system_docs, self.today)
        if ob.status in ("due", "overdue") and missing:
            self._form(None, {"kind": missing[0]}, focus="title")
            return
        super().settle(ob)

    def action_remove(self) -> None:
        """d: the system abolished from a date on, kept as history (its category then missing)."""
        self.ask_date("abolished", "废止时间（保留为历史记录）", "已废止，保留为历史记录")

    def action_attach(self) -> None:
        doc = self._editable()
        if isinstance(doc, SystemDoc):
            self._ask_path(doc)

    def _ask_path(self, doc: SystemDoc, path: str = "", error: str = "") -> None:
        """The path of the system's text on the server; a path that cannot be attached is
        kept in the prompt, with what is wrong beside it."""

        def answered(typed: str | None) -> None:
            if typed:
                self._copy(doc, typed)

        # The system named on one line, the question on the next: whole at 80 columns.
        title = f"「{doc.title}」的制度文本\n文件路径（如 ~/制度/三会一课.pdf）"
        prompt = TextPrompt(title, path, check=_path_problem, error=error)
        self.app.push_screen(prompt, answered)

    @work(thread=True, exclusive=True, group="system-attachment", description="复制附件")
    def _copy(self, doc: SystemDoc, path: str) -> None:
        try:
            attached = copy_attachment(
                self.branch_app.data_dir, path, description=doc.title, today=self.today
            )
        except (AttachmentError, StoreError) as error:
            self.app.call_from_thread(self._not_attached, doc, path, error.message)
            return
        except OSError as error:  # anything the copy did not foresee is still said, not raised
            message = f"无法复制文件（{os_reason(error)}）"
            self.app.call_from_thread(self._not_attached, doc, path, message)
            return
        changed = dataclasses.replace(doc, attachment_id=attached.id)
        changes = RecordChanges((attached,), updates=(changed,))
        self.app.call_from_thread(
            self.commit, lambda tx: tx.apply(changes), f"已附上制度文本：{attached.original_name}"
        )

    def _not_attached(self, doc: SystemDoc, path: str, message: str) -> None:
        """The copy failed: the prompt again, the path as typed, the reason beside it."""
        self._ask_path(doc, path, message)


def _path_problem(text: str) -> str | None:
    return attachment_problem(text) if text else "请输入文件路径"
