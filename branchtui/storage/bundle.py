"""Export and import of a whole branch as one JSON bundle (DESIGN.md "Bundle format").

The output is deterministic — records sorted by id, keys in field order — so that
export → import → export gives identical bytes.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import orjson

from branchtui.domain.codec import DecodeError
from branchtui.domain.profile import get_profile
from branchtui.domain.records import TABLES, Branch, BranchData
from branchtui.storage.atomic import dumps, write_atomic
from branchtui.storage.errors import BundleError
from branchtui.storage.migrations import lift_meeting_parts
from branchtui.storage.modes import PRIVATE_FILE, file_mode
from branchtui.storage.references import dangling_references
from branchtui.storage.store import Store

FORMAT = "branchtui-bundle"
VERSION = 1
COMMITTEE = "committee"
COMMITTEE_TABLES = ("terms", "seats", "vacancies")
HEAD_KEYS = ("format", "version", "branch", "profile")


def _plain(value: Any) -> Any:
    """Profile numbers as JSON types: amounts as strings, tuples as lists."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def profile_dict(branch: Branch | None) -> dict[str, Any]:
    """The numbers of the profile in force, with its name (for the reader; not imported)."""
    profile = get_profile(branch.profile if branch else None)
    numbers = {name: _plain(v) for name, v in profile.numbers().items()}
    return {"name": profile.name, "label": profile.label, **numbers}


def bundle_dict(data: BranchData) -> dict[str, Any]:
    """The bundle object of ``data``; every table a list sorted by id."""

    def rows(name: str) -> list[dict[str, Any]]:
        return [r.to_dict() for r in sorted(data.tables.get(name, []), key=lambda r: r.id)]

    out: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "branch": data.branch.to_dict() if data.branch else None,
        "profile": profile_dict(data.branch),
    }
    for name in TABLES:
        if name in COMMITTEE_TABLES:
            out.setdefault(COMMITTEE, {})[name] = rows(name)
        else:
            out[name] = rows(name)
    return out


def export_bundle(source: Store | BranchData, path: Path | str) -> Path:
    """Write the bundle of a store (or of data) to ``path`` atomically, mode 0600."""
    data = source.snapshot() if isinstance(source, Store) else source
    target = Path(path)
    payload = dumps(bundle_dict(data))
    try:
        write_atomic(
            target, payload, file_mode(target.parent, target) if target.exists() else PRIVATE_FILE
        )
    except OSError as exc:
        raise BundleError(f"无法写入导出文件 {target}（{exc.strerror}）。") from exc
    return target


def data_from_bundle(bundle: Any) -> BranchData:
    """Validate a parsed bundle and turn it into records; BundleError with one Chinese line."""
    if not isinstance(bundle, dict) or bundle.get("format") != FORMAT:
        raise BundleError("这不是 branchtui 的数据包（format 应为 branchtui-bundle）。")
    if bundle.get("version") != VERSION:
        raise BundleError(
            f"数据包版本 {bundle.get('version')!r} 不受支持，本程序只能导入第 {VERSION} 版。"
        )
    committee = bundle.get(COMMITTEE, {})
    if not isinstance(committee, dict):
        raise BundleError("数据包中的 committee 应为对象。")
    known = {*HEAD_KEYS, COMMITTEE, *(t for t in TABLES if t not in COMMITTEE_TABLES)}
    unknown = sorted(set(bundle) - known) + sorted(set(committee) - set(COMMITTEE_TABLES))
    if unknown:
        raise BundleError(f"数据包中含有未知的数据表：{'、'.join(unknown)}。")
    branch_doc = bundle.get("branch")
    try:
        branch = Branch.from_dict(branch_doc) if branch_doc is not None else None
    except (DecodeError, TypeError, ValueError) as exc:
        raise BundleError(f"数据包中的支部信息有误：{exc}") from exc
    tables: dict[str, list[Any]] = {}
    seen: dict[str, str] = {}
    for name, cls in TABLES.items():
        rows = (committee if name in COMMITTEE_TABLES else bundle).get(name, [])
        if not isinstance(rows, list):
            raise BundleError(f"数据包中的 {name} 应为数组。")
        records = []
        for i, row in enumerate(rows, start=1):
            if name == "meetings" and isinstance(row, dict):
                row = lift_meeting_parts(row)  # a bundle exported before schema 4
            try:
                record = cls.from_dict(row)
            except (DecodeError, TypeError, ValueError) as exc:
                raise BundleError(f"数据包中{cls.LABEL}第 {i} 条记录有误：{exc}") from exc
            if not isinstance(record.id, str) or not record.id:
                raise BundleError(f"数据包中{cls.LABEL}第 {i} 条记录缺少 id。")
            if record.id in seen:
                raise BundleError(
                    f"数据包中 id {record.id} 重复（{seen[record.id]}、{cls.LABEL}）。"
                )
            seen[record.id] = cls.LABEL
            records.append(record)
        tables[name] = records
    data = BranchData(branch=branch, tables=tables)
    problems = dangling_references(data)
    if problems:
        more = f"（另有 {len(problems) - 1} 处）" if len(problems) > 1 else ""
        raise BundleError(f"数据包中{problems[0]}{more}，未导入。")
    return data


def read_bundle(path: Path | str) -> BranchData:
    """Read and validate a bundle file."""
    source = Path(path)
    try:
        payload = source.read_bytes()
    except FileNotFoundError as exc:
        raise BundleError(f"找不到数据包文件 {source}。") from exc
    except OSError as exc:
        raise BundleError(f"无法读取数据包文件 {source}（{exc.strerror}）。") from exc
    try:
        bundle = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        raise BundleError(f"数据包文件 {source} 不是有效的 JSON（{exc}）。") from exc
    return data_from_bundle(bundle)


def has_data(data: BranchData) -> bool:
    return data.branch is not None or any(data.tables.values())


def import_bundle(path: Path | str, data_dir: Path | str, force: bool = False) -> BranchData:
    """Replace the folder's data with the bundle's, in one commit after a backup.

    Refuses when the folder already holds data, unless ``force``.
    """
    data = read_bundle(path)
    store = Store.open(Path(data_dir), create=True)
    if has_data(store.snapshot()) and not force:
        raise BundleError(
            f"数据目录 {store.data_dir} 中已有支部数据；如确要覆盖，请加 --force（会先备份现有数据）。"
        )
    store.replace_all(data, reason="import")
    return data
