"""One declaration per field and per enumeration: the rest is derived and cannot disagree."""

from __future__ import annotations

import dataclasses
import typing
from typing import Literal

import pytest

from branchtui.domain import records as r
from branchtui.domain.choices import CHOICE_LABELS, codes_of, labelled
from branchtui.domain.fields import fields_of, undeclared_fields
from branchtui.domain.records.people import GENDERS, Gender


def _record_types() -> list[type]:
    seen: list[type] = []

    def walk(cls: type) -> None:
        if cls in seen:
            return
        seen.append(cls)
        for info in fields_of(cls).values():
            for arg in (info.hint, *typing.get_args(info.hint)):
                for inner in (arg, *typing.get_args(arg)):
                    if isinstance(inner, type) and dataclasses.is_dataclass(inner):
                        walk(inner)

    for cls in (r.Branch, *r.RECORD_TYPES):
        walk(cls)
    return seen


def test_every_enumeration_and_its_labels_agree() -> None:
    assert len(CHOICE_LABELS) >= 25
    for kind, labels in CHOICE_LABELS.items():
        assert tuple(labels) == codes_of(kind)
        assert all(isinstance(label, str) and label for label in labels.values())


def test_labels_that_disagree_with_their_literal_stop_the_import() -> None:
    Colour = Literal["red", "green"]
    with pytest.raises(TypeError, match="do not match"):
        labelled(Colour, {"red": "红"})
    with pytest.raises(TypeError, match="do not match"):
        labelled(Colour, {"red": "红", "green": "绿", "blue": "蓝"})
    with pytest.raises(TypeError, match="do not match"):
        labelled(Colour, {"green": "绿", "red": "红"})


def test_every_choice_field_takes_its_labels_from_its_type() -> None:
    assert fields_of(r.Member)["gender"].choices == GENDERS
    assert tuple(GENDERS) == typing.get_args(Gender)
    assert fields_of(r.Meeting)["kinds"].choices["theme_day"] == "主题党日"
    assert fields_of(r.Attendance)["status"].choices["on_leave"] == "请假"
    assert fields_of(r.Appraisal)["steps"].choices["self_review"] == "党员自评"


def test_every_field_of_every_record_is_declared_with_a_chinese_label() -> None:
    for cls in _record_types():
        assert undeclared_fields(cls) == [], cls.__name__
        for info in fields_of(cls).values():
            assert any("\u4e00" <= ch <= "\u9fff" for ch in info.label), (cls, info.name)


def test_a_changed_label_reaches_bundle_docs_form_and_messages(monkeypatch) -> None:
    from branchtui.domain import fields as declared
    from branchtui.domain.codec import decode
    from branchtui.domain.decode_errors import DecodeError
    from branchtui.storage.bundle_doc import render_bundle_doc

    info = fields_of(r.Member)["note"]
    changed = dataclasses.replace(info, spec=dataclasses.replace(info.spec, label="试验标签"))
    monkeypatch.setitem(declared._FIELDS[r.Member], "note", changed)
    assert "| `note` | 文本 | 试验标签 |" in render_bundle_doc()
    with pytest.raises(DecodeError) as caught:
        decode(r.Member, {"id": "x", "name": "张三", "note": 5})
    assert "note（试验标签）" in caught.value.describe()


def test_every_label_and_explanation_is_in_the_bundle_docs() -> None:
    from branchtui.storage.bundle_doc import render_bundle_doc

    text = render_bundle_doc()
    for cls in _record_types():
        for info in fields_of(cls).values():
            assert info.label in text and info.spec.doc in text, (cls.__name__, info.name)


def test_roster_columns_and_the_member_form_take_the_declared_labels() -> None:
    from branchtui.domain.roster_columns import DATE_FIELDS, HEADER_SYNONYMS, match_header

    member = fields_of(r.Member)
    assert HEADER_SYNONYMS["arrived"][0] == member["arrived"].label == "转入本支部日期"
    assert "arrived" in DATE_FIELDS
    for name, headers in HEADER_SYNONYMS.items():
        info = member["group_id" if name == "group" else name]
        assert headers == info.headers
        assert all(match_header(h) == name for h in headers)
    assert match_header("转入日期") == "arrived" and match_header("所在党小组") == "group"
