"""Indexes built once per judgement and shared by every rule through ``Context.cache``.

Rules that ask per-member questions (EDU-4, EDU-7, NAT-5, …) read these instead of
rescanning dues payments or attendance lists for each member.
"""

from __future__ import annotations

from typing import Any

from branchtui.domain.attendance import AttendanceBook
from branchtui.domain.dues import DuesBook
from branchtui.domain.member_names import display_names
from branchtui.domain.obligations.base import Context
from branchtui.domain.records import Member


def attendance_book(ctx: Context) -> AttendanceBook:
    """Every meeting's attendance, indexed by month (EDU-7, NAT-5)."""
    book = ctx.cache.get("attendance.book")
    if not isinstance(book, AttendanceBook):
        book = ctx.cache["attendance.book"] = AttendanceBook(ctx.data.meetings)
    return book


def dues_book(ctx: Context) -> DuesBook:
    """Paid months and transfers in, per member (EDU-4, NAT-5)."""
    book = ctx.cache.get("dues.book")
    if not isinstance(book, DuesBook):
        book = ctx.cache["dues.book"] = DuesBook.of(ctx.data)
    return book


def members_by_id(ctx: Context) -> dict[str, Member]:
    """Every member record (current and removed) by id."""
    found: Any = ctx.cache.get("members.by_id")
    if not isinstance(found, dict):
        found = ctx.cache["members.by_id"] = ctx.data.by_id("members")
    return found


def member_names(ctx: Context) -> dict[str, str]:
    """Every member's shown name by id (domain.member_names: 张伟（1985年生） when two share a
    name), as every duty names members."""
    found: Any = ctx.cache.get("members.names")
    if not isinstance(found, dict):
        found = ctx.cache["members.names"] = display_names(ctx.data.members)
    return found
