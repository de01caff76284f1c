"""What a dialog that edits one record is titled by: the record's kind and whose or what it is,
with its date — 编辑组织关系转接：李佳（2026-10-19）, 困难帮扶：王五（2026-10-01）；向上级党组织报告的日期
— so the secretary sees which record she is changing. Members by their shown names
(domain.member_names)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from branchtui.domain.dates import format_date
from branchtui.domain.fields import fields_of
from branchtui.domain.member_names import display_names
from branchtui.domain.records import BranchData
from branchtui.domain.text_cells import cells
from branchtui.tui.text import terminal_safe

# The fields that date a record and that say what it is, in the order they are looked for.
DATE_FIELDS = (
    "date",
    "start",
    "since",
    "opened",
    "applied",
    "depart",
    "adopted",
    "month",
    "year",
    "assigned",
    "noticed",
)
NAME_FIELDS = (
    "name",
    "title",
    "topic",
    "destination",
    "purpose",
    "description",
    "reason",
    "content",
)
SUBJECT_CELLS = 24  # a title keeps its line at 80 columns


def _short(text: str) -> str:
    """One line of at most about SUBJECT_CELLS, with no ambiguous-width characters."""
    text = terminal_safe(" ".join(text.split()))
    if cells(text) <= SUBJECT_CELLS:
        return text
    while cells(text + "...") > SUBJECT_CELLS:
        text = text[:-1]
    return text + "..."


def record_date(record: Any) -> str:
    """The record's first dating field as shown (2026-10-19, 2026-11, 2026)."""
    for name in DATE_FIELDS:
        value = getattr(record, name, None)
        if value not in (None, ""):
            return format_date(value) if isinstance(value, dt.date) else str(value)
    return ""


def record_subject(record: Any, data: BranchData) -> str:
    """Whose or what the record is: the member's shown name, the person's name, else its name,
    title, topic … (shortened)."""
    member_id = getattr(record, "member_id", None)
    if isinstance(member_id, str) and member_id:
        return display_names(data.members).get(member_id, "（已删除的党员）")
    person = getattr(record, "person_name", None)
    if isinstance(person, str) and person:
        return person
    fields = fields_of(type(record))
    for name in NAME_FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, str) and value.strip():
            # A choice by its label (支出用途 其他), never its code.
            choices = fields[name].choices if name in fields else {}
            return _short(choices.get(value, value))
    return ""


def record_caption(record: Any, data: BranchData) -> str:
    """李佳（2026-10-19）: whose or what the record is, with its date."""
    subject, day = record_subject(record, data), record_date(record)
    if subject and day:
        return f"{subject}（{day}）"
    return subject or day


def edit_title(record: Any, data: BranchData, verb: str = "编辑") -> str:
    """编辑组织关系转接：李佳（2026-10-19） — the title of a form that edits ``record``."""
    caption = record_caption(record, data)
    label = getattr(record, "LABEL", "") or "记录"
    return f"{verb}{label}：{caption}" if caption else f"{verb}{label}"


def about_record(title: str, record: Any, data: BranchData) -> str:
    """A prompt's ``title`` naming the record it sets a date of, the record on its own line and
    the question below it, so neither is cut at 80 columns: 困难帮扶：王五（2026-10-01）⏎
    向上级党组织报告的日期."""
    caption = record_caption(record, data)
    label = getattr(record, "LABEL", "") or "记录"
    return f"{label}：{caption}\n{title}" if caption else title
