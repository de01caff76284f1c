"""What the TUI's 导入名册 shows before saving (ORG-1): the column mapping, each row's outcome
with its reason, progress while a long file is read and checked, the screen's option names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from branchtui.domain.records import BranchData, Member
from branchtui.domain.roster_plan import OptionHints, plan_import, preview_rows
from branchtui.storage.roster_import import read_rows

TODAY = dt.date(2026, 11, 27)
HEADER = ["序号", "姓名", "出生年月", "身份证号", "所在党小组", "籍贯"]


def test_ORG_1_preview_lists_every_row_with_its_outcome(make_id) -> None:
    data = BranchData()
    data.members.append(Member(name="张三", id_number=make_id("19800101")))
    rows = [
        HEADER,
        [1, "李四", "1985-03", "", "", "福建"],
        [2, "王五", "不详", "", "", ""],
        [],  # an empty row is not listed
        [3, "张三", "1980-01-01", make_id("19800101"), "", ""],
        [4, "赵六", "1990-01-01", "", "第九党小组", ""],
    ]
    plan = plan_import(
        rows, data, TODAY, source="名册.csv", hints=OptionHints("勾选更新", "勾选新建")
    )
    assert plan.mapping[:3] == [
        ("姓名", "姓名"),
        ("出生年月", "出生日期"),
        ("身份证号", "身份证号"),
    ]
    assert ("所在党小组", "党小组") in plan.mapping and plan.ignored == ["序号", "籍贯"]
    preview = preview_rows(plan)
    assert [(r.row, r.name, r.outcome) for r in preview] == [
        (2, "李四", "新增"),
        (3, "王五", "有问题"),
        (5, "张三", "重复"),
        (6, "赵六", "有问题"),
    ]
    assert preview[0].message.startswith("出生年月：")  # assumed: the 1st of the month
    assert "勾选更新可用表格内容更新该党员" in preview[2].message
    assert "或勾选新建自动建立" in preview[3].message and "--" not in preview[3].message


def test_ORG_1_cli_messages_keep_their_flags(make_id) -> None:
    rows = [HEADER, [1, "赵六", "1990-01-01", "", "第九党小组", ""]]
    (row,) = preview_rows(plan_import(rows, BranchData(), TODAY))
    assert "或加 --create-groups 自动建立" in row.message


def test_ORG_1_progress_while_reading_and_checking(xlsx, tmp_path: Path) -> None:
    names = [
        a + b for a in "赵钱孙李周吴郑王冯陈" for b in "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸"
    ]
    path = xlsx(tmp_path / "名册.xlsx", [["姓名"], *([n] for n in names * 3)])
    read: list[tuple[int, int]] = []
    rows, _ = read_rows(path, progress=lambda done, total: read.append((done, total)))
    assert read and read[-1][0] <= read[-1][1] == 601 and len(rows) == 601
    checked: list[tuple[int, int]] = []
    plan_import(rows, BranchData(), TODAY, progress=lambda d, t: checked.append((d, t)))
    assert checked[0] == (0, 600) and checked[-1] == (600, 600)
    assert [d for d, _ in checked] == sorted(d for d, _ in checked)


def test_ORG_1_a_totals_or_signature_row_at_the_end_is_skipped_not_a_problem() -> None:
    """The 合计 row under the members (its count under 姓名) and 填表人 lines are no members:
    they are skipped, as docs/import.md says, and do not stop a CLI import as bad rows."""
    rows = [
        HEADER,
        [1, "李四", "1985-03-01", "", "", ""],
        ["合计", "1人", "", "", "", ""],
        ["填表人：王书记", "", "", "", "", ""],
        ["", "制表人：王书记", "", "", "", ""],
    ]
    plan = plan_import(rows, BranchData(), TODAY)
    assert [(r.row, r.name, r.outcome) for r in preview_rows(plan)] == [(2, "李四", "新增")]
    assert plan.bad_rows == []
