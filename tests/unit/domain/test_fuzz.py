"""Whatever is typed or stored, the validators, parse_date and name_matches answer without raising."""

from __future__ import annotations

import dataclasses
import datetime as dt
import string
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from branchtui.domain import validation_fields as fields
from branchtui.domain.dates import DateParseError, parse_date, parse_month
from branchtui.domain.records import RECORD_TYPES, TABLES, Branch, Member
from branchtui.domain.search import name_matches, search_members
from branchtui.domain.validation import UNREADABLE, validate, validate_dict, warnings

TODAY = dt.date(2026, 11, 27)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text as users paste it: CJK, full-width forms, control characters, surrogate-free Unicode.
any_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=10),
    st.text(alphabet=string.digits + "-/.年月日今天昨明前 ", max_size=14),
    st.text(alphabet=st.characters(categories=["Cc", "Zs", "Nd", "Lo"]), max_size=30),
    # Huge pastes, built by repetition because drawing 20,000 characters one by one is slow.
    st.builds(
        lambda part, times: part * times, st.text(min_size=1, max_size=6), st.integers(800, 4000)
    ),
)
any_value = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.decimals(),
        st.dates(),
        st.text(max_size=12),
        st.text(alphabet=string.digits + "-:X", max_size=18),
    ),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)
SINGLE_FIELD_CHECKS = [
    fields.check_id_number,
    fields.check_phone,
    fields.check_name,
    lambda v: fields.check_required(v, "标题"),
    lambda v: fields.check_past_date(v, TODAY, "日期"),
    lambda v: fields.check_date(v, "日期"),
    lambda v: fields.check_amount(v, "金额"),
    lambda v: fields.check_choice(v, "性别", {"male": "男"}),
    lambda v: fields.check_month(v),
    lambda v: fields.check_year(v, TODAY),
    lambda v: fields.check_time(v, "时间"),
]


@FAST
@given(text=any_text, today=st.dates())
def test_parse_date_returns_a_date_or_a_chinese_error(text: str, today: dt.date) -> None:
    for parse in (lambda: parse_date(text, today), lambda: parse_month(text, today)):
        try:
            assert isinstance(parse(), dt.date)
        except DateParseError as error:
            assert error.message and len(error.message) < 120


@FAST
@given(name=any_text, query=any_text)
def test_name_matching_never_raises(name: str, query: str) -> None:
    assert isinstance(name_matches(name, query), bool)
    assert len(search_members([Member(name=name)], query)) in (0, 1)


@FAST
@given(value=any_value)
def test_single_field_checks_answer_none_or_a_message(value: Any) -> None:
    for check in SINGLE_FIELD_CHECKS:
        result = check(value)
        assert result is None or (isinstance(result, str) and result)


def _raw(record_type: type, values: dict[str, Any]) -> Any:
    """A record whose fields hold anything at all, as a corrupt or hand-edited file may."""
    record = object.__new__(record_type)
    for field in dataclasses.fields(record_type):
        object.__setattr__(record, field.name, values.get(field.name))
    return record


@FAST
@given(
    record_type=st.sampled_from([*RECORD_TYPES, Branch]),
    values=st.dictionaries(
        st.sampled_from(sorted({f.name for t in RECORD_TYPES for f in dataclasses.fields(t)})),
        any_value,
    ),
)
def test_validators_read_any_field_values_without_falling_back(
    record_type: type, values: dict[str, Any]
) -> None:
    record = _raw(record_type, values)
    errors = validate(record, TODAY)
    assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in errors.items())
    # The catch-all answer would mean a check itself broke on odd values.
    assert errors.get("") != UNREADABLE
    assert isinstance(warnings(record, TODAY), dict)


@FAST
@given(
    table=st.sampled_from(sorted(TABLES)),
    data=st.dictionaries(st.text(max_size=12), any_value, max_size=6),
)
def test_random_documents_are_reported_not_raised(table: str, data: dict[str, Any]) -> None:
    errors = validate_dict(table, data, TODAY)
    assert isinstance(errors, dict)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_well_typed_random_records_validate_without_falling_back(data: st.DataObject) -> None:
    record_type = data.draw(st.sampled_from(RECORD_TYPES))
    record = data.draw(st.builds(record_type))
    assert validate(record, TODAY).get("") != UNREADABLE
