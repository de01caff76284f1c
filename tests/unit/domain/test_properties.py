"""Properties that hold for every date, every 身份证号 and every Chinese name."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from branchtui.domain.dates import (
    FIRST_DATE,
    LAST_DATE,
    DateParseError,
    add_months,
    format_date,
    months_between,
    parse_date,
)
from branchtui.domain.search import name_initials, name_matches, name_pinyin
from branchtui.domain.validation_fields import check_id_number, id_birth_date, id_gender

TODAY = dt.date(2026, 11, 27)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
cjk_names = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=2, max_size=4
)


supported = st.dates(min_value=FIRST_DATE, max_value=LAST_DATE)
unsupported = st.dates(max_value=FIRST_DATE - dt.timedelta(days=1)) | st.dates(
    min_value=LAST_DATE + dt.timedelta(days=1)
)


@settings(max_examples=80, deadline=None)
@given(day=unsupported)
def test_a_date_outside_the_supported_range_is_refused(day: dt.date) -> None:
    with pytest.raises(DateParseError, match="超出范围"):
        parse_date(f"{day.year:04d}-{day.month:02d}-{day.day:02d}", TODAY)


@settings(max_examples=80, deadline=None)
@given(day=supported)
def test_every_written_form_of_a_date_reads_back(day: dt.date) -> None:
    for text in (
        format_date(day),
        day.strftime("%Y/%m/%d"),
        day.strftime("%Y.%m.%d"),
        day.strftime("%Y%m%d"),
        f"{day.year}年{day.month}月{day.day}日",
    ):
        assert parse_date(text, TODAY) == day
    this_year = day.replace(year=2028)  # a leap year, so 02-29 exists
    assert parse_date(this_year.strftime("%m-%d"), dt.date(2028, 6, 1)) == this_year
    assert parse_date(this_year.strftime("%m%d"), dt.date(2028, 6, 1)) == this_year


@settings(max_examples=80, deadline=None)
@given(day=dates, months=st.integers(-240, 240))
def test_adding_months_moves_by_exactly_that_many_whole_months(day: dt.date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year - day.year) * 12 + moved.month - day.month == months
    assert moved.day <= day.day
    if moved.day == day.day:
        assert months_between(day, moved) == months


@settings(max_examples=80, deadline=None)
@given(
    area=st.integers(110000, 829999),
    birth=st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY),
    sequence=st.integers(0, 999),
    position=st.integers(0, 16),
    step=st.integers(1, 9),
)
def test_every_computed_id_number_passes_and_any_changed_digit_fails(
    area: int, birth: dt.date, sequence: int, position: int, step: int
) -> None:
    body = f"{area}{birth:%Y%m%d}{sequence:03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    number = body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]
    assert check_id_number(number, TODAY) is None
    assert id_birth_date(number) == birth
    assert id_gender(number) == ("male" if sequence % 2 else "female")
    changed = number[:position] + str((int(number[position]) + step) % 10) + number[position + 1 :]
    assert check_id_number(changed, TODAY) is not None


@settings(max_examples=60, deadline=None)
@given(name=cjk_names)
@example(name="一桛")  # a character pypinyin cannot read: read as itself
def test_a_name_is_found_by_its_own_pinyin_initials_and_characters(name: str) -> None:
    assert name_matches(name, name_pinyin(name))
    assert name_matches(name, name_initials(name))
    assert name_matches(name, name[1:])
    assert name_matches(name, name_pinyin(name).upper())
