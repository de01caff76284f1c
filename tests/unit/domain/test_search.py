"""Picking members by name, pinyin or initials."""

from __future__ import annotations

import random

import pytest

from branchtui.domain.records import Member
from branchtui.domain.search import (
    name_initials,
    name_matches,
    name_pinyin,
    name_readings,
    search_members,
    sort_by_pinyin,
)


@pytest.mark.parametrize(
    "query",
    [
        "zhangsan",
        "zs",
        "zhang",
        "张",
        "三",
        "张三",
        "zhangs",
        "ZhangSan",
        "zhang san",
        "zsan",
        "san",
        "Z",
        "",
    ],
)
def test_zhangsan_is_found_by_every_usual_query(query: str) -> None:
    assert name_matches("张三", query)


@pytest.mark.parametrize("query", ["lisi", "zx", "zhangsi", "三张", "zhangsanfeng", "sz", "x"])
def test_zhangsan_is_not_found_by_other_names(query: str) -> None:
    assert not name_matches("张三", query)


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("单小明", "shan"),
        ("单小明", "sxm"),
        ("曾国藩", "zengguofan"),
        ("曾国藩", "zgf"),
        ("解放", "xief"),
        ("仇英", "qiuying"),
        ("区伟", "ouwei"),
        ("朴槿", "piao"),
        ("翟明", "zhaim"),
    ],
)
def test_polyphonic_surnames_read_as_surnames(name: str, query: str) -> None:
    assert name_matches(name, query)


def test_surname_reading_replaces_the_common_reading() -> None:
    assert not name_matches("单小明", "dan")
    assert not name_matches("曾国藩", "ceng")
    # Elsewhere in a name every reading still counts: 简单 is jian dan.
    assert name_matches("李简单", "ljd")
    assert name_pinyin("单小明") == "shanxiaoming"
    assert name_pinyin("曾国藩") == "zengguofan"


def test_compound_surnames_and_lv() -> None:
    assert name_pinyin("长孙无忌") == "zhangsunwuji"
    assert name_initials("欧阳修") == "oyx"
    assert name_matches("尉迟恭", "yuchigong")
    assert name_matches("吕布", "lvbu")
    assert name_matches("吕布", "lubu")


def test_minority_names_with_separator() -> None:
    assert name_matches("阿依古丽·买买提", "ayglmmt")
    assert name_matches("阿依古丽·买买提", "maimaiti")
    assert name_matches("阿依古丽·买买提", "古丽·买")
    assert name_readings("阿依·古丽")[2][0] == "gu"  # the separator is dropped


def _members(*names: str) -> list[Member]:
    return [Member(name=n) for n in names]


def test_search_ranks_exact_then_start_then_elsewhere() -> None:
    members = _members("王张", "张三丰", "张三", "李四")
    assert [m.name for m in search_members(members, "zhangsan")] == ["张三", "张三丰"]
    assert [m.name for m in search_members(members, "zhang")] == ["张三丰", "张三", "王张"]
    assert [m.name for m in search_members(members, "张")] == ["张三丰", "张三", "王张"]
    assert search_members(members, "") == members
    assert search_members(members, "qian") == []


def test_sort_by_pinyin_follows_reading_not_code_point() -> None:
    members = _members("张三", "曾国藩", "安娜", "单小明")
    assert [m.name for m in sort_by_pinyin(members)] == ["安娜", "单小明", "曾国藩", "张三"]


def test_sort_by_pinyin_compares_syllable_by_syllable() -> None:
    # Run together, "chengyongshi" < "chenlinning" and "liufang" < "lixiaomei"; a name list
    # compares the surname's reading first: chen < cheng, li < liu.
    members = _members("程勇诗", "陈琳宁", "刘芳", "李晓梅", "李")
    assert [m.name for m in sort_by_pinyin(members)] == ["陈琳宁", "程勇诗", "李", "李晓梅", "刘芳"]


def test_a_thousand_members_are_searched_keystroke_by_keystroke() -> None:
    rng = random.Random(7)
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅"
    members = [
        Member(name=rng.choice(surnames) + "".join(rng.choices(given, k=rng.choice([1, 2]))))
        for _ in range(1000)
    ]
    search_members(members, "z")  # first call fills the per-name cache
    # How fast is benchmarks' business (no timing in pass/fail tests): here, that each
    # keystroke's answer is right.
    for query in ("z", "zh", "zha", "zhan", "zhang", "zhangw", "zw", "wj"):
        found = search_members(members, query)
        assert found and all(name_matches(m.name, query) for m in found), query
