"""What a restore (or an import) would undo, told per kind of record."""

from __future__ import annotations

import dataclasses
import datetime as dt

from branchtui.domain.data_difference import (
    counts_text,
    data_difference,
    record_counts,
    undone_lines,
)
from branchtui.domain.records import Branch, BranchData, Meeting, Member


def _data(*records: object, branch: Branch | None = None) -> BranchData:
    data = BranchData(branch=branch)
    for record in records:
        data.tables[record.TABLE].append(record)  # type: ignore[attr-defined]
    return data


def test_added_changed_and_deleted_records_are_named_by_kind() -> None:
    kept = Member(name="张三", rev=1)
    edited = Member(name="李四", rev=1)
    gone = Member(name="王五", rev=1)
    meeting = Meeting(kinds=["theme_day"], date=dt.date(2026, 11, 1), rev=1)
    branch = Branch(name="第一党支部", rev=1)
    backup = _data(kept, edited, gone, branch=branch)
    now = _data(
        kept,
        dataclasses.replace(edited, note="新", rev=2),
        meeting,
        Member(name="孙新来"),
        branch=branch,
    )
    difference = data_difference(now, backup)
    assert difference.added == {"党员": 1, "会议": 1}
    assert difference.changed == {"党员": 1}
    assert difference.deleted == {"党员": 1}
    assert undone_lines(difference) == [
        "此后新增的记录将消失：党员 1 条、会议 1 条",
        "此后修改的记录将回到旧内容：党员 1 条",
        "此后删除的记录将回来：党员 1 条",
    ]
    assert (
        undone_lines(difference, by="import")[0] == "数据包中没有的记录将消失：党员 1 条、会议 1 条"
    )


def test_the_same_data_undoes_nothing_and_counts_are_cut_short() -> None:
    data = _data(Member(name="张三"), branch=Branch(name="第一党支部"))
    assert data_difference(data, data).same and undone_lines(data_difference(data, data)) == []
    assert record_counts(data) == {"党员": 1}
    many = {f"类{i}": i + 1 for i in range(6)}
    assert counts_text(many) == "类0 1 条、类1 2 条、类2 3 条、类3 4 条、其他 11 条"
    assert data.branch is not None
    other = dataclasses.replace(data.branch, name="第二党支部", rev=data.branch.rev + 1)
    renamed = data_difference(data, _data(data.members[0], branch=other))
    assert undone_lines(renamed) == ["支部信息将回到旧内容"]
