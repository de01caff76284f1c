"""What each row of an imported roster becomes: new member, update, duplicate or problem.

``plan_import(rows, data, today, …)`` reads, checks and matches the cells that
``storage.roster_import.read_rows`` gave; it writes nothing (``save_import`` does).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from branchtui.domain.dates import add_years
from branchtui.domain.fields import label_of
from branchtui.domain.records import BranchData, Member, PartyGroup
from branchtui.domain.roster_columns import COLUMN_LABELS, Header, RowDraft, find_header, read_row
from branchtui.domain.shown_error import ShownError
from branchtui.domain.validation import id_birth_date, id_gender, validate
from branchtui.domain.validation import warnings as record_warnings

# Fields no roster column holds, named when an updated member's stored value is at fault.
OTHER_LABELS = {"": "整行"}
MEMBER_FIELDS = {f.name for f in dataclasses.fields(Member)}


class RosterHeaderError(ShownError):
    """No 姓名 column in the first rows; ``message`` is Chinese and safe to show."""


@dataclass(frozen=True)
class RowNote:
    """Something about one row: ``row`` as the spreadsheet numbers it, the column's header."""

    row: int
    column: str
    message: str


@dataclass(frozen=True)
class OptionHints:
    """How the user asks for an option, as the row messages name it: the CLI's flags by
    default; the TUI's import screen names its check boxes."""

    update: str = "加 --update "
    create_groups: str = "加 --create-groups "


# (rows done, rows in all): called while the rows are checked, for a progress bar.
Progress = Callable[[int, int], None]


@dataclass
class RosterImport:
    """What an import would do; nothing is written until ``save_import``."""

    source: str
    header_row: int  # 1-based, the last header row
    columns: list[str]  # recognised headers, as the file writes them
    ignored: list[str]  # headers we do not read (序号, 籍贯 …)
    new: list[tuple[int, Member]] = field(default_factory=list)
    updates: list[tuple[int, Member]] = field(default_factory=list)
    problems: list[RowNote] = field(default_factory=list)
    duplicates: list[RowNote] = field(default_factory=list)
    notes: list[RowNote] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)  # rows that --update would not change
    unknown_groups: list[str] = field(default_factory=list)
    new_groups: dict[str, PartyGroup] = field(default_factory=dict)  # name → group to create
    mapping: list[tuple[str, str]] = field(default_factory=list)  # (file's header, field label)
    names: dict[int, str] = field(default_factory=dict)  # row → the name as the file writes it

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})

    def groups_to_create(self) -> list[PartyGroup]:
        """Only the new groups that a member being saved belongs to."""
        used = {m.group_id for _, m in (*self.new, *self.updates)}
        return [g for g in self.new_groups.values() if g.id in used]


def plan_import(
    rows: list[list[Any]],
    data: BranchData,
    today: dt.date,
    *,
    source: str = "",
    create_groups: bool = False,
    update: bool = False,
    hints: OptionHints = OptionHints(),
    progress: Progress | None = None,
) -> RosterImport:
    """Read, check and match every data row against the roster; writes nothing.

    ``progress`` is told (rows done, rows in all) every ``PROGRESS_EVERY`` rows and at the end.
    """
    header = find_header(rows)
    if header is None:
        raise RosterHeaderError(f"{source or '文件'}的前10行中找不到“姓名”列：请确认表头写有“姓名”")
    fields = [f for f in COLUMN_LABELS if f in header.titles]
    plan = RosterImport(
        source=source,
        header_row=header.row + 1,
        columns=[header.titles[f] for f in fields],
        ignored=list(header.ignored),
        mapping=[(header.titles[f], COLUMN_LABELS[f]) for f in fields],
    )
    matcher = _Matcher(
        plan, header, data, today, create_groups=create_groups, update=update, hints=hints
    )
    matcher.run(rows, progress)
    return plan


PROGRESS_EVERY = 200


@dataclass(frozen=True)
class PreviewRow:
    """One data row of the file as the import would treat it, for a preview list."""

    row: int
    name: str
    outcome: str  # 新增 / 更新 / 无变化 / 重复 / 有问题
    message: str = ""


def preview_rows(plan: RosterImport) -> list[PreviewRow]:
    """Every non-empty data row in file order: what the import does with it, and why."""
    said: dict[int, list[str]] = {}
    for note in (*plan.problems, *plan.duplicates, *plan.notes):
        said.setdefault(note.row, []).append(f"{note.column}：{note.message}")
    outcome: dict[int, str] = {}
    for row, _ in plan.new:
        outcome[row] = "新增"
    for row, _ in plan.updates:
        outcome[row] = "更新"
    for row in plan.unchanged:
        outcome[row] = "无变化"
    for note in plan.duplicates:
        outcome[note.row] = "重复"
    for row in plan.bad_rows:
        outcome[row] = "有问题"
    return [
        PreviewRow(row, plan.names.get(row, ""), outcome[row], "；".join(said.get(row, [])))
        for row in sorted(outcome)
    ]


# A line under the members that is no member (ORG-1): a total, or who filled the form in.
FOOTER = re.compile(r"^\s*(合计|总计|小计|共计|填表人|制表人|填报人|审核人|负责人)\s*([:：].*)?$")


def footer_row(row: list[Any]) -> bool:
    """Whether a data row is the roster's 合计 line or a 填表人 signature: its first non-empty
    cell says so (its count may stand under 姓名); such rows are skipped, not problems."""
    first = next((str(c.value if hasattr(c, "value") else c) for c in row if _filled(c)), "")
    return bool(FOOTER.match(first))


def _filled(cell: Any) -> bool:
    value = cell.value if hasattr(cell, "value") else cell
    return value is not None and str(value).strip() != ""


class _Matcher:
    """Walks the data rows once, keeping what was seen for the duplicate checks."""

    def __init__(
        self,
        plan: RosterImport,
        header: Header,
        data: BranchData,
        today: dt.date,
        *,
        create_groups: bool,
        update: bool,
        hints: OptionHints,
    ) -> None:
        self.plan, self.header, self.today, self.hints = plan, header, today, hints
        self.create_groups, self.update = create_groups, update
        members: list[Member] = list(data.members)
        self.by_id_number = {m.id_number.upper(): m for m in members if m.id_number}
        self.by_name_birth: dict[tuple[str, dt.date | None], Member] = {
            (m.name, m.birth_date): m for m in members if m.birth_date
        }
        self.groups = {re.sub(r"\s", "", g.name): g for g in data.groups if g.dissolved is None}
        self.seen: dict[object, int] = {}

    def column(self, name: str) -> str:
        if name in self.header.titles:
            return self.header.titles[name]
        return COLUMN_LABELS.get(name) or OTHER_LABELS.get(name) or label_of(Member, name)

    def run(self, rows: list[list[Any]], progress: Progress | None = None) -> None:
        first, total = self.header.row + 1, len(rows) - self.header.row - 1
        for index in range(first, len(rows)):
            if progress is not None and (index - first) % PROGRESS_EVERY == 0:
                progress(index - first, total)
            if footer_row(rows[index]):
                continue
            draft = read_row(rows[index], self.header)
            if not draft.empty:
                self.plan.names[index + 1] = str(draft.values.get("name", ""))
                self.row(index + 1, draft)
        if progress is not None:
            progress(total, total)

    def row(self, number: int, draft: RowDraft) -> None:
        problems = dict(draft.problems)
        group_id = self.group_of(draft.group_name, problems)
        existing = self.by_id_number.get(str(draft.values.get("id_number", "")))
        updating = self.update and existing is not None
        member = self.member(draft, existing if updating else None, group_id)
        for name, message in validate(member, self.today).items():
            problems.setdefault(name, message)
        self.check_twice(number, member, problems)
        if problems:
            self.plan.problems += [RowNote(number, self.column(f), m) for f, m in problems.items()]
            return
        notes = {**draft.notes, **record_warnings(member, self.today)}
        if draft.values.get("status") is None and member.status == "probationary":
            notes["status"] = "党员类别未填写，入党不满1年且无转正时间，按预备党员记录"
        twin = self.by_name_birth.get((member.name, member.birth_date))
        if updating and member == existing:
            self.plan.unchanged.append(number)
            return
        if not updating and existing is not None:
            self.duplicate(number, member, existing, "身份证号相同")
            return
        if not updating and twin is not None:
            self.duplicate(number, member, twin, "姓名和出生日期相同")
            return
        (self.plan.updates if updating else self.plan.new).append((number, member))
        self.plan.notes += [RowNote(number, self.column(f), m) for f, m in notes.items()]

    def duplicate(self, number: int, member: Member, existing: Member, why: str) -> None:
        hint = f"；{self.hints.update}可用表格内容更新该党员" if why.startswith("身份证号") else ""
        message = f"“{member.name}”与名册中的{existing.name}{why}，未导入{hint}"
        self.plan.duplicates.append(RowNote(number, self.column("name"), message))

    def check_twice(self, number: int, member: Member, problems: dict[str, str]) -> None:
        """The same person twice in the file: the later row is a problem."""
        keys: list[tuple[object, str, str]] = []
        if member.id_number:
            keys.append((("id", member.id_number.upper()), "id_number", "身份证号相同"))
        if member.birth_date is not None:
            keys.append((("nb", member.name, member.birth_date), "name", "姓名和出生日期相同"))
        for key, name, why in keys:
            first = self.seen.setdefault(key, number)
            if first != number:
                problems.setdefault(name, f"与第{first}行重复（{why}）")

    def group_of(self, name: str, problems: dict[str, str]) -> str | None:
        if not name:
            return None
        if name in self.groups:
            return self.groups[name].id
        if name not in self.plan.unknown_groups:
            self.plan.unknown_groups.append(name)
        if self.create_groups:
            return self.plan.new_groups.setdefault(name, PartyGroup(name=name)).id
        problems["group"] = (
            f"党小组“{name}”不存在；请先建立该党小组，或{self.hints.create_groups}自动建立"
        )
        return None

    def member(self, draft: RowDraft, existing: Member | None, group_id: str | None) -> Member:
        values = {k: v for k, v in draft.values.items() if k in MEMBER_FIELDS}
        if group_id is not None:
            values["group_id"] = group_id
        base = existing or Member(name="")
        number = values.get("id_number") or base.id_number
        # The 身份证号 already holds birth date and gender: the secretary need not type them again.
        from_id = id_birth_date(number)
        if base.birth_date is None and "birth_date" not in values and from_id:
            values["birth_date"] = from_id
        month_only = "birth_date" in draft.notes
        if month_only and from_id and from_id.replace(day=1) == values.get("birth_date"):
            # 出生年月 gave the month only; the 身份证号 gives the day.
            values["birth_date"] = from_id
            del draft.notes["birth_date"]
        gender = id_gender(number)
        if not base.gender and "gender" not in values and gender:
            values["gender"] = gender
        if existing is None and "status" not in values:
            values["status"] = self.inferred_status(values)
        return dataclasses.replace(base, **values)

    def inferred_status(self, values: dict[str, Any]) -> str:
        joined = values.get("joined")
        if values.get("full_date") is None and isinstance(joined, dt.date):
            try:
                recent = add_years(joined, 1) > self.today
            except (OverflowError, ValueError):
                recent = False
            if recent:
                return "probationary"
        return "full"
