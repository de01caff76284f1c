"""Export and import of a whole branch as one JSON bundle (DESIGN.md "Bundle format").

The output is deterministic — records sorted by id, keys in field order — so that
export → import → export gives identical bytes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import orjson

from branchtui.domain.codec import decode, decode_many
from branchtui.domain.decode_errors import DecodeError, record_message, record_where
from branchtui.domain.profile import get_profile
from branchtui.domain.records import TABLES, Branch, BranchData
from branchtui.storage.atomic import dumps, write_atomic
from branchtui.storage.errors import BundleError, os_reason
from branchtui.storage.migrations import lift_meeting_parts, with_extension_months
from branchtui.storage.modes import PRIVATE_FILE, ensure_folder, file_mode
from branchtui.storage.references import dangling_references
from branchtui.storage.store import Store
from branchtui.storage.strict_json import loads_without_repeats

FORMAT = "branchtui-bundle"
EXPORTS_DIR = "exports"  # in the data folder: where the TUI exports to unless told otherwise
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


def export_target(path: Path) -> Path:
    """``path`` as a place to write a bundle to, or BundleError saying why it is not one."""
    if path.is_dir():
        raise BundleError(
            f"{path} 是一个目录，请给出数据包文件名，如 {path / 'branch-bundle.json'}"
        )
    if not path.parent.is_dir():
        raise BundleError(f"目录 {path.parent} 不存在。")
    return path


def bundle_path(data_dir: Path, typed: str) -> Path:
    """The file a bundle typed as ``typed`` is (the TUI's path field): ``~`` expanded, a relative
    path taken from the data folder; the data folder's own exports/ is made when it is missing."""
    path = Path(data_dir) / Path(typed).expanduser()
    if path.parent == Path(data_dir) / EXPORTS_DIR:
        ensure_folder(path.parent)
    return path


def default_export_name(on: dt.date) -> str:
    """Where the TUI suggests exporting to: ``exports/branch-bundle-20261127.json``."""
    return f"{EXPORTS_DIR}/branch-bundle-{on:%Y%m%d}.json"


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
        raise BundleError(f"无法写入导出文件 {target}（{os_reason(exc)}）。") from exc
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
        branch = decode(Branch, branch_doc) if branch_doc is not None else None
    except DecodeError as exc:
        line = record_message(Branch, 1, branch_doc, exc, "branch")
        raise BundleError(f"数据包中{line}，未导入。") from exc
    tables: dict[str, list[Any]] = {}
    seen: dict[str, str] = {}
    for name, cls in TABLES.items():
        rows = (committee if name in COMMITTEE_TABLES else bundle).get(name, [])
        if not isinstance(rows, list):
            raise BundleError(f"数据包中的「{cls.LABEL}」（{name}）应为数组。")
        if name == "meetings":  # a bundle exported before schema 4
            rows = [lift_meeting_parts(row) if isinstance(row, dict) else row for row in rows]
        if name == "candidates":  # a bundle exported before schema 5
            rows = [with_extension_months(row) if isinstance(row, dict) else row for row in rows]
        try:
            records = decode_many(cls, rows)
        except DecodeError as exc:
            i = getattr(exc, "position", 0)
            line = record_message(cls, i + 1, rows[i], exc, name)
            raise BundleError(f"数据包中{line}，未导入。") from exc
        for i, (row, record) in enumerate(zip(rows, records, strict=True), start=1):
            if not record.id:
                where = record_where(cls, i, row, name)
                raise BundleError(f"数据包中{where}的 id 为空，未导入。")
            if record.id in seen:
                where = record_where(cls, i, row, name)
                raise BundleError(
                    f"数据包中{where}的 id 与{seen[record.id]}重复（id 不能相同），未导入。"
                )
            seen[record.id] = record_where(cls, i, row, name)
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
    except IsADirectoryError as exc:
        raise BundleError(f"{source} 是一个目录，请给出数据包文件。") from exc
    except OSError as exc:
        raise BundleError(f"无法读取数据包文件 {source}（{os_reason(exc)}）。") from exc
    try:
        bundle, repeated = loads_without_repeats(payload)
    except (orjson.JSONDecodeError, ValueError) as exc:
        line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        where = f"第 {line} 行第 {column} 列附近" if line is not None else "编码"
        raise BundleError(f"数据包文件 {source} 不是有效的 JSON（{where}有误）。") from exc
    if repeated is not None:
        where = _repeat_place(bundle, *repeated)
        raise BundleError(
            f"数据包文件 {source} 中{where}出现了两次（同一对象中的键只能出现一次），未导入。"
        )
    return data_from_bundle(bundle)


def _repeat_place(bundle: Any, path: list[str | int], key: str) -> str:
    """Where a repeated key is: the record (table, position, id, name) and the field inside."""
    container = bundle
    if len(path) >= 2 and path[0] == COMMITTEE and isinstance(bundle.get(COMMITTEE), dict):
        container, path = bundle[COMMITTEE], path[1:]
    name = path[0] if path else None
    if isinstance(name, str) and name in TABLES and len(path) >= 2 and isinstance(path[1], int):
        rows = container.get(name)
        row = rows[path[1]] if isinstance(rows, list) and path[1] < len(rows) else None
        where = record_where(TABLES[name], path[1] + 1, row, name)
        inside = DecodeError(tuple(path[2:]), "value", "").where
        return f"{where}{f'的 {inside} ' if inside else ''}的键“{key}”"
    inside = DecodeError(tuple(path), "value", "").where
    return f" {inside} 的键“{key}”" if inside else f"最外层的键“{key}”"


def has_data(data: BranchData) -> bool:
    return data.branch is not None or any(data.tables.values())


def import_bundle(path: Path | str, data_dir: Path | str, force: bool = False) -> BranchData:
    """Replace the folder's data with the bundle's, in one commit after a backup.

    Refuses when the folder already holds data, unless ``force``.
    """
    data = read_bundle(path)
    replace_with_bundle(Store.open(Path(data_dir), create=True), data, force=force)
    return data


def replace_with_bundle(store: Store, data: BranchData, *, force: bool = False) -> None:
    """Make ``data`` (a bundle read) the store's whole content, in one commit after an "import"
    backup; refused when the store already holds data, unless ``force`` (the user confirmed)."""
    if has_data(store.snapshot()) and not force:
        raise BundleError(
            f"数据目录 {store.data_dir} 中已有支部数据；如确要覆盖，请加 --force（会先备份现有数据）。"
        )
    store.replace_all(data, reason="import")
