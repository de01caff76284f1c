"""Is a parsed branch.json ours? The shape check done on every load, before anything trusts it.

Also the Chinese lines about a table, a record that does not read, and a key written twice.
"""

from __future__ import annotations

from typing import Any

from branchtui.domain.decode_errors import DecodeError, record_message, record_where
from branchtui.domain.records import TABLES, Branch, Record
from branchtui.storage.layout import RepeatedKeyError, repeated_key_error
from branchtui.storage.migrations import BRANCH_TABLE, META, SCHEMA_VERSION, schema_version_of

KNOWN_TABLES = {BRANCH_TABLE, *TABLES}


def record_type(table: str) -> type[Record]:
    """The record class stored in a table of the data file."""
    return Branch if table == BRANCH_TABLE else TABLES[table]


def table_title(table: str) -> str:
    """``数据表「党员」（members）``: a table as the user reads it."""
    cls = record_type(table) if table in KNOWN_TABLES else None
    return f"数据表「{cls.LABEL}」（{table}）" if cls else f"数据表 {table}"


def unreadable_record(table: str, position: int, doc: Any, error: DecodeError) -> str:
    """A record of the file that does not fit its type, named by table, position, id and name."""
    return "数据表" + record_message(record_type(table), position, doc, error, table)


def repeated_key_problem(error: RepeatedKeyError) -> str:
    """The Chinese line for a key written twice in one object."""
    if error.table not in KNOWN_TABLES:
        return f"同一对象中键“{error.key}”出现了两次"
    if error.doc is None and error.position == 0:
        where = table_title(error.table)
    else:
        cls = record_type(error.table)
        where = "数据表" + record_where(cls, error.position, error.doc, error.table)
    inside = DecodeError(tuple(error.path), "value", "").where
    inner = f"的 {inside} 中" if inside else "中"
    return f"{where}{inner}键“{error.key}”出现了两次（同一对象中的键只能出现一次）"


def whole_file_repeat(raw: dict[str, Any], found: tuple[list[str | int], str]) -> str:
    """The line for a key written twice somewhere in a file parsed whole (not in our layout)."""
    path, key = found
    if not path:
        return f"文件最外层的键“{key}”出现了两次"
    table = str(path[0])
    parsed = raw.get(table)
    if table == META or not isinstance(parsed, dict):
        return f"“{table}”中键“{key}”出现了两次"
    return repeated_key_problem(repeated_key_error(table, parsed, (path[1:], key)))


def shape_problem(raw: Any) -> str | None:
    """What is wrong with the file's structure, in Chinese, or None when it is ours."""
    if not isinstance(raw, dict):
        return f"最外层应为 JSON 对象，实际为{_kind(raw)}"
    meta = raw.get(META)
    if meta is not None and not isinstance(meta, dict):
        return "_meta 应为对象"
    if isinstance(meta, dict) and not isinstance(meta.get("schema_version", 0), int):
        return "_meta.schema_version 应为整数"
    version = schema_version_of(raw)
    if version > SCHEMA_VERSION:
        return None  # a newer program's layout: opened read-only, not judged here
    for name, table in raw.items():
        if name == META:
            continue
        if name not in KNOWN_TABLES:
            return f"含有未知的数据表 {name!r}"
        if version < 2 and name == BRANCH_TABLE:
            if table is not None and not isinstance(table, dict):
                return "支部信息应为对象"
            continue
        if not isinstance(table, dict):
            return f"{table_title(name)}应为对象，实际为{_kind(table)}"
        problem = _table_problem(name, table, keyed_by_doc_id=version >= 2)
        if problem:
            return problem
    return None


def _table_problem(name: str, table: dict[str, Any], *, keyed_by_doc_id: bool) -> str | None:
    seen: dict[str, int] = {}
    cls = record_type(name)
    for position, (key, doc) in enumerate(table.items(), start=1):
        if type(doc) is not dict:
            return f"{_where(cls, position, doc, name)}应为对象，实际为{_kind(doc)}"
        if not keyed_by_doc_id:
            continue
        if not key.isdigit():
            return f"{table_title(name)}的记录编号 {key!r} 不是数字"
        record_id = doc.get("id")
        problem = None
        if type(record_id) is not str or not record_id:
            problem = "缺少 id（每条记录都应有自己的编号）"
        elif record_id in seen:
            problem = f"的 id 与第 {seen[record_id]} 条记录重复（同一数据表中 id 不能相同）"
        elif type(doc.get("rev", 0)) is not int:
            problem = "的 rev（修改次数）应为整数"
        if problem is not None:
            return _where(cls, position, doc, name) + problem
        seen[record_id] = position  # type: ignore[index]
    return None


def _where(cls: type, position: int, doc: Any, table: str) -> str:
    return "数据表" + record_where(cls, position, doc, table)


def _kind(value: Any) -> str:
    return {
        list: "数组",
        str: "文本",
        int: "整数",
        float: "数字",
        bool: "布尔值",
        type(None): "null",
    }.get(type(value), type(value).__name__)
