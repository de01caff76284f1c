"""Reading roster files as Excel on Chinese Windows saves them: .xlsx, CSV in UTF-8 or GBK."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from branchtui.domain.records import BranchData, Member, PartyGroup
from branchtui.domain.roster_plan import RosterHeaderError, plan_import
from branchtui.storage.roster_import import RosterFileError, decode_csv, read_rows

TODAY = dt.date(2026, 11, 27)
HEADER = ["序号", "姓名", "性别", "出生年月", "身份证号", "入党时间", "党小组"]


def _plan(rows: list[list[object]], data: BranchData | None = None, **options: bool):
    return plan_import(rows, data or BranchData(), TODAY, source="名册", **options)


def test_xlsx_with_a_title_row_and_merged_header_cells(xlsx, make_id, tmp_path: Path) -> None:
    birth = dt.datetime(1985, 3, 4)
    serial = (dt.date(1986, 5, 6) - dt.date(1899, 12, 30)).days
    path = xlsx(
        tmp_path / "名册.xlsx",
        [
            ["中共测试党支部党员名册"],
            ["序号", "姓名", "性别", "出生日期", "身份证号", "党籍信息", None],
            [None, None, None, None, None, "入党时间", "转正时间"],
            [1, "张三", "男", birth, make_id("19850304"), dt.datetime(2010, 7, 1), "2011.07"],
            [2, "李四", "女", serial, make_id("19860506", male=False), "2015年6月", None],
        ],
        merged=("A1:G1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:G2"),
    )
    rows, source = read_rows(path)
    assert source == "名册.xlsx 工作表“党员名册”"
    plan = _plan(rows)
    assert plan.header_row == 3
    assert plan.ignored == ["序号"]  # 党籍信息 heads the two date columns below it
    assert plan.problems == []
    (row_a, zhang), (row_b, li) = plan.new
    assert (row_a, zhang.name, zhang.birth_date) == (4, "张三", dt.date(1985, 3, 4))
    assert (zhang.joined, zhang.full_date) == (dt.date(2010, 7, 1), dt.date(2011, 7, 1))
    assert (row_b, li.name, li.birth_date, li.gender) == (5, "李四", dt.date(1986, 5, 6), "female")
    assert li.joined == dt.date(2015, 6, 1)
    assert {(n.row, n.column) for n in plan.notes} == {(4, "转正时间"), (5, "入党时间")}


def test_xlsx_sheet_chosen_by_name(xlsx, tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "book.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["说明：第二页是名册"])
    book.create_sheet("名册").append(["姓名"])
    book["名册"].append(["王五"])
    book.save(path)
    rows, source = read_rows(path, sheet="名册")
    assert rows == [["姓名"], ["王五"]]
    assert "名册" in source
    with pytest.raises(RosterFileError, match="没有工作表“花名册”"):
        read_rows(path, sheet="花名册")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk", "gb18030"])
def test_csv_in_every_encoding_excel_writes(csv_file, make_id, tmp_path: Path, encoding) -> None:
    path = csv_file(
        tmp_path / "名册.csv",
        [
            ["××党支部党员名册"],
            HEADER,
            [1, "欧阳建国", "男", "1990/1/2", make_id("19900102"), "2012-07-01", ""],
        ],
        encoding,
    )
    rows, _ = read_rows(path)
    assert rows[1] == HEADER
    (row, member), *_ = _plan(rows).new
    assert (row, member.name, member.birth_date) == (3, "欧阳建国", dt.date(1990, 1, 2))


def test_csv_encoding_that_is_neither_utf8_nor_gbk_is_refused() -> None:
    with pytest.raises(RosterFileError, match="编码"):
        decode_csv(b"\xef\xbb\xbf\xff\xfe\xfa")
    assert decode_csv("姓名\t性别".encode("utf-16")) == "姓名\t性别"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Excel"),
        ("roster.pdf", b"%PDF-1.4", "无法识别"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "无法读取 Excel"),
    ],
)
def test_files_that_are_no_roster_are_refused(tmp_path: Path, name, content, message) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RosterFileError, match=message):
        read_rows(path)


def test_missing_file_and_missing_name_column(tmp_path: Path) -> None:
    with pytest.raises(RosterFileError, match="找不到文件"):
        read_rows(tmp_path / "nowhere.csv")
    with pytest.raises(RosterHeaderError, match="找不到“姓名”列"):
        _plan([["序号", "性别"], [1, "男"]])


def test_duplicates_in_the_roster_and_twice_in_the_file(make_id) -> None:
    known = Member(name="张三", id_number=make_id("19900102"), birth_date=dt.date(1990, 1, 2))
    twin = Member(name="李四", birth_date=dt.date(1980, 5, 5))
    data = BranchData()
    data.members.extend([known, twin])
    plan = _plan(
        [
            ["姓名", "出生日期", "身份证号"],
            ["张三", "1990-01-02", make_id("19900102")],
            ["李四", "1980-05-05", ""],
            ["王五", "1970-01-01", make_id("19700101", 3)],
            ["王五", "1970-01-01", ""],
        ],
        data,
    )
    assert [(n.row, "身份证号相同" in n.message) for n in plan.duplicates] == [
        (2, True),
        (3, False),
    ]
    assert [n.row for n in plan.duplicates] == [2, 3]
    assert [(p.row, p.message) for p in plan.problems] == [(5, "与第4行重复（姓名和出生日期相同）")]
    assert [m.name for _, m in plan.new] == ["王五"]


def test_unknown_group_is_a_problem_unless_groups_are_created() -> None:
    data = BranchData()
    data.groups.append(PartyGroup(name="第一党小组"))
    rows = [
        ["姓名", "党小组"],
        ["张三", "第一党小组"],
        ["李四", "第三党小组"],
        ["王五", "第三党小组"],
    ]
    plan = _plan(rows, data)
    assert plan.unknown_groups == ["第三党小组"]
    assert [(p.row, p.column) for p in plan.problems] == [(3, "党小组"), (4, "党小组")]
    assert plan.new[0][1].group_id == data.groups[0].id
    created = _plan(rows, data, create_groups=True)
    assert created.problems == []
    (group,) = created.groups_to_create()
    assert group.name == "第三党小组"
    assert [m.group_id for _, m in created.new] == [data.groups[0].id, group.id, group.id]


def test_birth_date_and_gender_come_from_the_id_number(make_id) -> None:
    plan = _plan(
        [
            ["姓名", "出生年月", "身份证号", "入党时间"],
            ["张三", "", make_id("19900102"), "2026-03-01"],
            ["李四", "1985.03", make_id("19850304", male=False), "2010-01-01"],
        ]
    )
    (_, zhang), (_, li) = plan.new
    assert (zhang.birth_date, zhang.gender) == (dt.date(1990, 1, 2), "male")
    # Joined less than a year ago without 转正: a probationary member, and the report says so.
    assert zhang.status == "probationary"
    assert any(n.row == 2 and "预备党员" in n.message for n in plan.notes)
    assert (li.birth_date, li.gender, li.status) == (dt.date(1985, 3, 4), "female", "full")
    assert not any(n.row == 3 for n in plan.notes)
