"""Header synonyms and cell values of a secretary's roster, read without any file."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from branchtui.domain.roster_columns import (
    DateCell,
    cell_text,
    find_header,
    match_header,
    parse_date_cell,
    parse_ethnicity,
    parse_gender,
    parse_id_number,
    parse_status,
    read_row,
)

JAN_2 = dt.date(1990, 1, 2)
SERIAL_JAN_2 = (JAN_2 - dt.date(1899, 12, 30)).days  # 32875, as Excel stores the date


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("姓名", "name"),
        ("出生年月", "birth_date"),
        ("出生日期", "birth_date"),
        ("公民身份号码", "id_number"),
        ("身份证号码", "id_number"),
        ("手机号码", "phone"),
        ("文化程度", "education"),
        ("职务职称", "position"),
        ("入党日期", "joined"),
        ("转正时间", "full_date"),
        ("党籍状态", "status"),
        ("人员类别", "status"),
        ("所在党小组", "group"),
        (" 姓 名 ", "name"),
        ("出生年月\n（年.月）", "birth_date"),
        ("*身份证号", "id_number"),
        ("序号", None),
        ("籍贯", None),
        (None, None),
    ],
)
def test_headers_are_recognised_by_their_synonyms(header: object, field: str | None) -> None:
    assert match_header(header) == field


def test_header_row_is_found_below_a_title_row() -> None:
    rows: list[list[object]] = [
        ["××党支部党员名册", None, None],
        ["填报日期：2026年11月", None, None],
        ["序号", "姓名", "性别"],
        [1, "张三", "男"],
    ]
    header = find_header(rows)
    assert header is not None
    assert header.row == 2
    assert header.columns == {1: "name", 2: "gender"}
    assert header.ignored == ["序号"]


def test_second_header_row_under_merged_cells_adds_its_columns() -> None:
    rows: list[list[object]] = [
        ["姓名", "性别", "党籍信息", None],
        [None, None, "入党时间", "转正时间"],
        ["张三", "男", "2010-07-01", "2011-07-01"],
    ]
    header = find_header(rows)
    assert header is not None
    assert header.row == 1
    assert header.columns == {0: "name", 1: "gender", 2: "joined", 3: "full_date"}
    assert header.ignored == []


def test_no_name_column_in_the_first_ten_rows_finds_no_header() -> None:
    rows: list[list[object]] = [["标题"]] * 10 + [["姓名"]]
    assert find_header(rows) is None
    assert find_header([["序号", "性别"], [1, "男"]]) is None


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1990-01-02", DateCell(JAN_2)),
        ("1990/1/2", DateCell(JAN_2)),
        ("1990.1.2", DateCell(JAN_2)),
        ("1990年1月2日", DateCell(JAN_2)),
        ("19900102", DateCell(JAN_2)),
        ("1990-01-02 00:00:00", DateCell(JAN_2)),
        ("１９９０年１月２日", DateCell(JAN_2)),
        (dt.datetime(1990, 1, 2, 0, 0), DateCell(JAN_2)),
        (JAN_2, DateCell(JAN_2)),
        (SERIAL_JAN_2, DateCell(JAN_2)),
        (float(SERIAL_JAN_2), DateCell(JAN_2)),
        (str(SERIAL_JAN_2), DateCell(JAN_2)),
        ("1990.01", DateCell(dt.date(1990, 1, 1), month_only=True)),
        ("1990.1", DateCell(dt.date(1990, 1, 1), month_only=True)),
        ("1990-01", DateCell(dt.date(1990, 1, 1), month_only=True)),
        ("1990年1月", DateCell(dt.date(1990, 1, 1), month_only=True)),
        ("199001", DateCell(dt.date(1990, 1, 1), month_only=True)),
        (199001, DateCell(dt.date(1990, 1, 1), month_only=True)),
        # A cell typed 1990.10 in Excel is the number 1990.1: October, not January.
        (1990.1, DateCell(dt.date(1990, 10, 1), month_only=True)),
        (1990.01, DateCell(dt.date(1990, 1, 1), month_only=True)),
        (None, None),
        ("  ", None),
    ],
)
def test_dates_in_every_form_secretaries_write(cell: object, expected: DateCell | None) -> None:
    assert parse_date_cell(cell) == expected


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("abc", "无法识别"),
        ("1990", "只有年份"),
        (1990, "只有年份"),
        ("1990-02-30", "不是有效的日期"),
        ("1990-13", "不是有效的日期"),
        ("90.1.2", "无法识别"),
    ],
)
def test_unreadable_dates_say_why(cell: object, message: str) -> None:
    result = parse_date_cell(cell)
    assert isinstance(result, str)
    assert message in result


def test_choices_and_texts_are_normalised() -> None:
    assert [parse_gender(t) for t in ("男", "女性", " 女 ", "", "未知")] == [
        "male",
        "female",
        "female",
        "",
        None,
    ]
    assert [parse_status(t) for t in ("正式党员", "预备", "预备党员", "", "群众")] == [
        "full",
        "probationary",
        "probationary",
        "",
        None,
    ]
    assert parse_ethnicity("汉") == "汉族"
    assert parse_ethnicity("蒙古族") == "蒙古族"
    assert cell_text(13812345678.0) == "13812345678"
    assert parse_id_number(" 11010219900102011x ") == "11010219900102011X"
    # Excel turned the 身份证号 into 1.10102199001020e17: its last digits are gone.
    assert parse_id_number(1.1010219900102e17) is None


def test_a_row_becomes_member_fields_with_its_problems() -> None:
    header = find_header([["姓名", "性别", "出生年月", "党员类别", "党小组", "入党时间"]])
    assert header is not None
    draft = read_row(["张三", "男", "1990.01", "预备党员", " 第一党小组 ", "去年"], header)
    assert draft.values == {
        "name": "张三",
        "gender": "male",
        "birth_date": dt.date(1990, 1, 1),
        "status": "probationary",
    }
    assert draft.group_name == "第一党小组"
    assert "按当月1日记录" in draft.notes["birth_date"]
    assert "去年" in draft.problems["joined"]
    assert read_row([None, "", None], header).empty


cells = st.one_of(
    st.none(),
    st.text(),
    st.text(alphabet="0123456789-/.年月日 :T１２", max_size=24),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(),
    st.dates(),
)


@settings(max_examples=300, deadline=None)
@given(row=st.lists(cells, max_size=8))
def test_random_cells_never_raise(row: list[object]) -> None:
    header = find_header([["姓名", "性别", "出生日期", "身份证号", "联系电话", "党员类别", "备注"]])
    assert header is not None
    draft = read_row(row, header)
    assert all(isinstance(m, str) and m for m in draft.problems.values())
    for cell in row:
        result = parse_date_cell(cell)
        assert result is None or isinstance(result, DateCell | str)
        cell_text(cell)
        match_header(cell)


def test_the_arrival_date_column_is_read_as_a_date() -> None:
    from branchtui.domain.roster_columns import find_header, read_row

    rows = [["姓名", "入党时间", "转入本支部日期"], ["张三", "2005-07-01", "2026年3月2日"]]
    header = find_header(rows)
    assert header is not None
    draft = read_row(rows[1], header)
    assert draft.values["arrived"] == dt.date(2026, 3, 2)
    assert not draft.problems
