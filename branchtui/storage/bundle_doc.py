"""Render docs/bundle.md from the record dataclasses, so the documented fields cannot go stale.

Every field's words come from its declaration (``domain.fields.Spec``: label and doc) and its
choices from its Literal type with their labels (``domain.choices``); nothing is repeated here.

Regenerate with ``python -m branchtui.storage.bundle_doc > docs/bundle.md``; a test compares.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from decimal import Decimal
from typing import Any

from branchtui.domain.fields import fields_of
from branchtui.domain.records import TABLES, Branch
from branchtui.storage.bundle import COMMITTEE_TABLES, FORMAT, VERSION
from branchtui.storage.references import ANY_TABLE, ROLE_TABLES, TABLE_NAMED_BY, role_of

SCALARS = {
    str: "文本",
    int: "整数",
    float: "数字",
    bool: "true / false",
    dt.date: "日期 YYYY-MM-DD",
    Decimal: '金额（文本，如 "12.50"）',
}

INTRO = f"""# 数据包格式（{FORMAT} 第 {VERSION} 版）

数据包是一个 UTF-8 编码的 JSON 文件，包含一个支部的全部数据，用于在两台机器之间搬迁数据、
长期留存，或交给其他程序读取。

- 导出：`branchtui export bundle 文件.json`
- 导入：`branchtui import bundle 文件.json`（数据目录中已有数据时须加 `--force`，导入前会自动备份）

导出再导入不丢失任何内容；同一份数据每次导出的文件逐字节相同（记录按 id 排序，字段顺序固定）。

> 数据包含有党员的身份证号、联系电话等个人信息，且**不打码**。文件权限为 0600（仅本人可读），
> 请像对待纸质档案一样保管，传送后及时删除。

## 约定

- 日期写作 `YYYY-MM-DD`，时间写作 `HH:MM`，月份写作 `YYYY-MM`，金额写作文本（如 `"65.01"`）。
- 每条记录都有 `id`（程序生成的编号）和 `rev`（修改次数）。记录之间用 `id` 互相引用。
- 可为空的字段写作 `null`；文本字段为空时写作 `""`；数组为空时写作 `[]`。

## 导入时的检查

导入前会检查以下各项，任何一项不通过都会拒绝导入，并用一行中文说明原因，数据目录不受影响：

1. `format` 必须是 `"{FORMAT}"`，`version` 必须是 `{VERSION}`；
2. 不得含有未知的数据表；每个数据表必须是数组；
3. 每条记录的字段类型正确（如日期能够识别，文本字段不是数字，数组字段不是文本），
   取值在下表列出的范围内，必填字段和 `id` 齐全，没有下表未列出的字段；
4. 所有记录的 `id` 互不重复；同一个 JSON 对象中的键不重复；
5. 引用其他记录的字段（下表中注明“指向”的字段）必须指向数据包中存在的记录。

## 顶层结构

| 键 | 内容 |
|---|---|
| `format` | 固定为 `"{FORMAT}"` |
| `version` | 固定为 `{VERSION}` |
| `branch` | 支部信息（一个对象；尚未填写时为 `null`） |
| `profile` | 导出时采用的规则配置：`name`（名称）、`label`（中文名称）及各项规则数字。仅供阅读，导入时不使用（规则配置由 `branch.profile` 决定） |
"""


def _type_name(hint: Any, field_name: str) -> str:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return "文本"
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if all(typing.get_origin(a) is typing.Literal for a in inner):
            return "文本" + ("，或 null" if len(inner) < len(args) else "")
        return f"{_type_name(inner[0], field_name)}，或 null"
    if origin is list:
        item = args[0]
        if isinstance(item, type) and dataclasses.is_dataclass(item):
            return f"对象数组（见 {item.__name__}）"
        return "id 数组" if field_name.endswith("_ids") else f"{_type_name(item, field_name)}数组"
    if origin is dict:
        return f"对象（键为文本，值为{_type_name(args[1], field_name)}）"
    if field_name.endswith("_id") and hint is str:
        return "id"
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return f"对象（见 {hint.__name__}）"
    if hint is Any:
        return "对象（修改前的整条记录）"
    return SCALARS.get(hint, getattr(hint, "__name__", str(hint)))


def _note(cls: type, field_name: str) -> str:
    info = fields_of(cls)[field_name]
    note = f"{info.label}：{info.spec.doc}" if info.spec.doc else info.label
    role = role_of(field_name)
    if field_name in TABLE_NAMED_BY or role is None:
        pass  # record_id names its table in another field; the note says so
    elif ROLE_TABLES.get(role) == ANY_TABLE:
        note += "（可指向任何数据表中的记录）"
    else:
        note += f"，指向 `{ROLE_TABLES[role]}` 中的记录"
    values = info.choices
    if values:
        listed = "、".join(
            f"`{code}`（{label}）" if code != label else f"`{code}`"
            for code, label in values.items()
            if code
        )
        note += f"。取值：{listed}"
    return note


def _field_table(cls: type) -> tuple[list[str], list[type]]:
    hints = typing.get_type_hints(cls)
    lines = ["| 字段 | 类型 | 说明 |", "|---|---|---|"]
    nested: list[type] = []
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        lines.append(f"| `{f.name}` | {_type_name(hint, f.name)} | {_note(cls, f.name)} |")
        for arg in (hint, *typing.get_args(hint)):
            if dataclasses.is_dataclass(arg) and arg not in nested:
                nested.append(arg)  # type: ignore[arg-type]
    return lines, nested


def _section(title: str, cls: type) -> list[str]:
    lines, nested = _field_table(cls)
    out = [f"### {title}", "", *lines, ""]
    # Nested objects in the order first met, each once, however deep (Meeting → AgendaItem → Speech).
    done: list[type] = []
    while nested:
        sub = nested.pop(0)
        if sub in done:
            continue
        done.append(sub)
        sub_lines, deeper = _field_table(sub)
        out += [f"{sub.__name__} 对象：", "", *sub_lines, ""]
        nested += [d for d in deeper if d not in done and d not in nested]
    return out


def render_bundle_doc() -> str:
    """The whole of docs/bundle.md."""
    out = [INTRO.rstrip("\n")]
    for name, cls in TABLES.items():
        where = f"`committee.{name}`" if name in COMMITTEE_TABLES else f"`{name}`"
        out.append(f"| {where} | {cls.LABEL}（数组） |")
    out += ["", "## 各数据表", ""]
    out += _section("branch — 支部信息", Branch)
    for name, cls in TABLES.items():
        where = f"committee.{name}" if name in COMMITTEE_TABLES else name
        out += _section(f"{where} — {cls.LABEL}", cls)
    return "\n".join(out).rstrip("\n") + "\n"


if __name__ == "__main__":
    print(render_bundle_doc(), end="")
