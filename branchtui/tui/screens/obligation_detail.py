"""The detail of one obligation: why, its period and due date, the records and people it
concerns, and the key that opens the screen (or names the command) that settles it. A duty
due before the branch's records begin takes n 无记录 (建档前无记录可补, with a 说明) and u undoes
it (domain/obligations/records_gap.py decides; this screen asks and commits)."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import format_date
from branchtui.domain.member_names import display_names
from branchtui.domain.obligations.base import STATUS_LABELS, Obligation
from branchtui.domain.obligations.periods import period_label
from branchtui.domain.obligations.records_gap import (
    mark_gap,
    may_mark,
    may_unmark,
    note_problem,
    unmark_gap,
)
from branchtui.domain.records import BranchData
from branchtui.domain.records.branch import SEAT_ROLES
from branchtui.domain.records.meetings import MEETING_KINDS
from branchtui.tui.captions import DATE_FIELDS, NAME_FIELDS
from branchtui.tui.registry import screen_for_target
from branchtui.tui.registry.dialogs import DETAIL_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.saving import save_changes
from branchtui.tui.screens.base import BranchAccess
from branchtui.tui.screens.dialogs import TextPrompt
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter
from branchtui.tui.widgets.wrapped_text import WrappedText


def settle_target(action: str) -> tuple[str | None, str]:
    """The screen that settles ``action`` (None when there is none yet) and what to tell the user."""
    kind, _, target = action.partition(":")
    if kind == "screen":
        spec = screen_for_target(target)
        if spec is not None:
            return spec.id, f"按 Enter 打开「{spec.title}」办理"
        return None, "该事项的办理功能尚未提供"
    if kind == "cli":
        return None, f"该事项在终端用命令办理：{target}（加 --help 查看用法）"
    return None, "该事项没有对应的办理功能"


def describe_record(record: Any, members: dict[str, str]) -> str:
    """A readable line for a record: its kind, its date, what it is called, whom it concerns."""
    parts = [getattr(record, "LABEL", "") or "记录"]
    for name in DATE_FIELDS:
        value = getattr(record, name, None)
        if value not in (None, ""):
            parts.append(format_date(value) if isinstance(value, dt.date) else str(value))
            break
    kinds = getattr(record, "kinds", None)
    if kinds:
        parts.append("、".join(MEETING_KINDS.get(k, k) for k in kinds))
    role = getattr(record, "role", None)
    if isinstance(role, str):
        parts.append(SEAT_ROLES.get(role, role))
    for name in NAME_FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, str) and value:
            parts.append(value[:30])
            break
    member_id = getattr(record, "member_id", None)
    if member_id:
        parts.append(members.get(member_id, "（已删除的党员）"))
    return " ".join(parts)


def detail_lines(ob: Obligation, data: BranchData, estimated_year: int | None) -> list[str]:
    """The detail as markup lines (the user's text escaped)."""
    members = display_names(data.members)
    index: dict[str, Any] = {}
    for records in data.tables.values():
        index.update((r.id, r) for r in records)
    lines = [
        f"[b]{ob.rule}  {escape(terminal_safe(ob.title))}[/b]",
        f"状态：{STATUS_LABELS.get(ob.status, ob.status)}"
        + (f"    期间：{period_label(ob.period_kind, ob.period)}" if ob.period else "")
        + (f"    截止：{format_date(ob.due)}" if ob.due else ""),
    ]
    if ob.detail:
        lines.append(f"说明：{escape(terminal_safe(ob.detail))}")
    if ob.needs:
        lines.append(f"缺少数据：{escape(terminal_safe(ob.needs))}")
    if ob.progress is not None:
        lines.append(f"进度：{ob.progress[0]:g}/{ob.progress[1]:g}")
    if ob.refs:
        lines.append("相关记录：")
        for ref in ob.refs:
            record = index.get(ref)
            shown = describe_record(record, members) if record else "（记录已不存在）"
            lines.append(f"  {escape(shown)}")
    if ob.people:
        names = [members.get(p, "（已删除的党员）") for p in ob.people]
        lines.append(f"涉及党员（{len(names)}人）：{escape('、'.join(names))}")
    if estimated_year is not None:
        lines.append(
            f"[yellow]注意：{estimated_year}年节假日安排尚未公布，工作日按估算，"
            "可在 calendar.toml 中补充[/yellow]"
        )
    return lines


class ObligationDetail(BranchAccess, ModalScreen[tuple[str, Obligation] | None]):
    """Dismissed with (screen id, obligation) when the user settles it, else None (also once a
    建档前无记录可补 mark is saved or undone: the screen below redraws on resume)."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(DETAIL_KEYS), *MODAL_KEYS]

    def __init__(
        self,
        ob: Obligation,
        data: BranchData,
        estimated_year: int | None = None,
    ) -> None:
        super().__init__()
        self.obligation = ob
        self.marked = may_unmark(ob, data)
        self.lines = detail_lines(ob, data, estimated_year)
        self.target, self.how = settle_target(ob.action)

    def compose(self) -> ComposeResult:
        with Vertical(id="detail-box", classes="dialog"):
            yield Static("待办详情", classes="dialog-title")
            with VerticalScroll(id="detail-scroll"):
                yield WrappedText("\n".join(self.lines), id="detail-body")
            yield Static(escape(self.how), id="detail-action")
            yield Static(self._hint(), classes="hint")
        yield BranchFooter()

    def action_settle(self) -> None:
        if self.target is not None:
            self.dismiss((self.target, self.obligation))
            return
        # Nothing to open yet: say plainly which command or screen will settle it.
        self.query_one("#detail-action", Static).update(f"[b]{escape(self.how)}[/b]")
        self.notify(self.how, title="暂无对应功能", timeout=8)

    def _hint(self) -> str:
        if may_mark(self.obligation):
            return "Enter 办理   n 建档前无记录可补   Esc 返回"
        if self.marked:
            return "Enter 办理   u 撤销无记录标记   Esc 返回"
        return "Enter 办理   Esc 返回"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "mark_gap":
            return may_mark(self.obligation)
        if action == "unmark_gap":
            return self.marked
        return True

    def action_mark_gap(self) -> None:
        """n: ask for the 说明, then save the mark (records_gap.mark_gap)."""
        if not may_mark(self.obligation):
            return
        ob = self.obligation
        label = period_label(ob.period_kind, ob.period)
        title = f"{ob.rule} {label}：建档前无记录可补，请填写说明（如：前任书记未留存记录）"
        self.app.push_screen(TextPrompt(title, check=note_problem), self._noted)

    def _noted(self, note: str | None) -> None:
        if note is None:
            return
        try:
            changes = mark_gap(self.obligation, note, self.today)
        except ValueError as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        self._save(changes, "已标记为建档前无记录可补，该事项记为不适用")

    def action_unmark_gap(self) -> None:
        """u: delete the mark; the duty is to be entered (待补录) again."""
        if self.marked:
            changes = unmark_gap(self.obligation, self.data)
            self._save(changes, "已撤销建档前无记录可补的标记，该事项恢复为待补录")

    def _save(self, changes: RecordChanges, done: str) -> None:
        def saved() -> None:
            self.dismiss(None)
            self.app.notify(done, timeout=5)

        def failed(message: str) -> None:
            self.notify(message, title="未保存", severity="error", timeout=10)

        save_changes(self, self.store, changes, saved=saved, failed=failed)
