"""Dates as secretaries type them, and the month/quarter arithmetic of the rules."""

from __future__ import annotations

import datetime as dt

import pytest

from branchtui.domain.dates import (
    DateParseError,
    add_months,
    add_years,
    cn_dates,
    format_date,
    format_date_cn,
    format_month_cn,
    month_bounds,
    month_key,
    months_between,
    parse_date,
    parse_month,
    quarter_bounds,
    quarter_label,
    quarter_of,
    years_between,
)

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-27", D(2026, 11, 27)),
        ("2026/11/27", D(2026, 11, 27)),
        ("2026.11.27", D(2026, 11, 27)),
        ("20261127", D(2026, 11, 27)),
        ("2026-3-5", D(2026, 3, 5)),
        ("2026年3月5日", D(2026, 3, 5)),
        ("11-27", D(2026, 11, 27)),
        ("3/5", D(2026, 3, 5)),
        ("1127", D(2026, 11, 27)),
        ("0105", D(2026, 1, 5)),
        ("3月5日", D(2026, 3, 5)),
        ("3月5号", D(2026, 3, 5)),
        ("2026年3月5号", D(2026, 3, 5)),
        (" ２０２６－１１－２７ ", D(2026, 11, 27)),
        ("今天", D(2026, 11, 27)),
        ("昨天", D(2026, 11, 26)),
        ("前天", D(2026, 11, 25)),
        ("明天", D(2026, 11, 28)),
        ("2028-02-29", D(2028, 2, 29)),
    ],
)
def test_parse_date_accepts_the_documented_forms(
    text: str, expected: dt.date, today: dt.date
) -> None:
    assert parse_date(text, today) == expected


def test_relative_words_cross_month_and_year() -> None:
    assert parse_date("明天", D(2026, 12, 31)) == D(2027, 1, 1)
    assert parse_date("昨天", D(2026, 3, 1)) == D(2026, 2, 28)


def test_february_30_names_the_month_and_its_length(today: dt.date) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date("02-30", today)
    assert caught.value.message == "2026年2月没有30日（该月只有28天）"
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "13-01",
        "2026-13-01",
        "2027-02-29",
        "0000-01-01",
        "2026-11",
        "下周一",
        "1",
        "112",
        "2026112",
        "1e3",
    ],
)
def test_parse_date_refuses_with_a_chinese_message(text: str, today: dt.date) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text, today)
    assert caught.value.message
    assert any("\u4e00" <= c <= "\u9fff" for c in caught.value.message)


def test_unknown_text_is_quoted_but_shortened(today: dt.date) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date("下个月第一个星期一", today)
    assert "“下个月第一个星期一”" in caught.value.message
    with pytest.raises(DateParseError) as long_one:
        parse_date("x" * 10_000, today)
    assert len(long_one.value.message) < 80


def test_parse_month_forms(today: dt.date) -> None:
    for text in ("2026-11", "2026/11", "202611", "2026年11月", "2026-1"):
        assert parse_month(text).year == 2026
    assert parse_month("2026-11") == D(2026, 11, 1)
    assert parse_month("本月", today) == D(2026, 11, 1)
    assert parse_month("上月", D(2026, 1, 15)) == D(2025, 12, 1)
    for bad in ("2026-13", "11", "2026-11-27", "本月", ""):
        with pytest.raises(DateParseError):
            parse_month(bad)


def test_formatting() -> None:
    assert format_date(D(2026, 3, 5)) == "2026-03-05"
    assert format_date(None) == ""
    assert format_date_cn(D(2026, 3, 5)) == "2026年3月5日"
    assert month_key(D(2026, 3, 5)) == "2026-03"


def test_quarters_and_months() -> None:
    assert [quarter_of(D(2026, m, 1)) for m in (1, 3, 4, 6, 7, 9, 10, 12)] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]
    assert quarter_bounds(2026, 1) == (D(2026, 1, 1), D(2026, 3, 31))
    assert quarter_bounds(2026, 4) == (D(2026, 10, 1), D(2026, 12, 31))
    assert quarter_label(2026, 4) == "2026年第4季度"
    assert month_bounds(2028, 2) == (D(2028, 2, 1), D(2028, 2, 29))
    with pytest.raises(ValueError):
        quarter_bounds(2026, 5)


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2026, 11, 27), 3) == D(2027, 2, 27)
    assert add_months(D(2026, 1, 15), -1) == D(2025, 12, 15)
    assert add_months(D(2026, 3, 31), -13) == D(2025, 2, 28)
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)


def test_whole_months_and_years_between() -> None:
    assert months_between(D(2026, 1, 31), D(2026, 2, 28)) == 1
    assert months_between(D(2026, 1, 15), D(2026, 2, 14)) == 0
    assert months_between(D(2026, 3, 15), D(2026, 1, 15)) == -2
    assert years_between(D(1990, 11, 28), D(2026, 11, 27)) == 35
    assert years_between(D(1990, 11, 27), D(2026, 11, 27)) == 36
    assert years_between(D(2027, 1, 1), D(2026, 11, 27)) == 0


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # The walk-through's sentences: one style, no spaces left beside a 汉字.
        (
            "宣传委员自 2026-10-19 空缺 39 天，应于 2027-01-19 前补选",
            "宣传委员自2026年10月19日空缺 39 天，应于2027年1月19日前补选",
        ),
        ("袁明阳欠交3个月（2026-08起）", "袁明阳欠交3个月（2026年8月起）"),
        ("2026-09-07 1800元 购买队服", "2026年9月7日 1800元 购买队服"),
        # Not dates: a reference number, a telephone, a month 13, a day that does not exist.
        ("平台编号 E-2026-001", "平台编号 E-2026-001"),
        ("电话 0592-1234567", "电话 0592-1234567"),
        ("2026-13", "2026-13"),
        ("2026-02-30", "2026-02-30"),
    ],
)
def test_generated_text_takes_the_documents_date_style(text: str, written: str) -> None:
    assert cn_dates(text) == written


def test_month_keys_in_the_documents_style() -> None:
    assert format_month_cn("2026-08") == "2026年8月"
    assert format_month_cn("2026-13") == "2026-13"
    assert format_month_cn("本月") == "本月"


def test_a_short_date_in_a_form_tied_to_a_year_is_in_that_year() -> None:
    """A 2027 work plan's 完成时限 typed as 0630 is 2027-06-30, not this year's (D)."""
    today = dt.date(2026, 11, 27)
    assert parse_date("0630", today, 2027) == dt.date(2027, 6, 30)
    assert parse_date("6月30日", today, 2027) == dt.date(2027, 6, 30)
    assert parse_date("0630", today) == dt.date(2026, 6, 30)
    with pytest.raises(DateParseError, match="应为2027年内的日期"):
        parse_date("2026-06-30", today, 2027)
