"""Is a parsed branch.json ours? The shape check done on every load, before anything trusts it."""

from __future__ import annotations

from typing import Any

from branchtui.domain.records import TABLES
from branchtui.storage.migrations import BRANCH_TABLE, META, SCHEMA_VERSION, schema_version_of

KNOWN_TABLES = {BRANCH_TABLE, *TABLES}


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
            return f"数据表 {name} 应为对象，实际为{_kind(table)}"
        problem = _table_problem(name, table, keyed_by_doc_id=version >= 2)
        if problem:
            return problem
    return None


def _table_problem(name: str, table: dict[str, Any], *, keyed_by_doc_id: bool) -> str | None:
    seen: set[str] = set()
    for key, doc in table.items():
        if not isinstance(doc, dict):
            return f"数据表 {name} 的第 {key} 条记录应为对象，实际为{_kind(doc)}"
        if keyed_by_doc_id:
            if not key.isdigit():
                return f"数据表 {name} 的记录编号 {key!r} 不是数字"
            record_id = doc.get("id")
            if not isinstance(record_id, str) or not record_id:
                return f"数据表 {name} 的第 {key} 条记录缺少 id"
            if record_id in seen:
                return f"数据表 {name} 中 id {record_id} 重复"
            seen.add(record_id)
            if not isinstance(doc.get("rev", 0), int):
                return f"数据表 {name} 的第 {key} 条记录的 rev 不是整数"
    return None


def _kind(value: Any) -> str:
    return {
        list: "数组",
        str: "文本",
        int: "整数",
        float: "数字",
        bool: "布尔值",
        type(None): "null",
    }.get(type(value), type(value).__name__)
