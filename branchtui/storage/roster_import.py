"""`import members`: read a roster from .xlsx or .csv, and save the good rows at once.

``read_rows(path, sheet)`` gives the cells; ``domain.roster_plan.plan_import`` decides what each
row becomes without writing anything; ``save_import(store, plan)`` writes the plan in one
transaction, after an "import" backup.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import stat
import warnings
import zipfile
from pathlib import Path
from typing import Any, BinaryIO
from xml.etree import ElementTree

from branchtui.domain.roster_columns import MergedCell
from branchtui.domain.roster_plan import PROGRESS_EVERY, Progress, RosterImport
from branchtui.storage.backups import Backup
from branchtui.storage.errors import StoreError, os_reason
from branchtui.storage.store import Store

# Caps that no real roster comes near; past them the file is refused before it eats memory.
MAX_ROWS = 20_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 2_000
MAX_FILE_BYTES = 20 * 1024 * 1024
# An .xlsx is a zip: its sheets unpacked may be far larger than the file (a "zip bomb").
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
# O_NONBLOCK: opening a FIFO waits for a writer otherwise; the file type is checked right after.
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC


class RosterFileError(StoreError):
    """The roster file cannot be read (missing, unknown format, broken, too long)."""


# --- reading the file ------------------------------------------------------------------------
def _open_regular(path: Path) -> BinaryIO:
    """The file opened for reading, if it is a regular file (a symlink to one is fine)."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise RosterFileError(f"找不到文件 {path}") from None
    except IsADirectoryError:
        raise RosterFileError(f"{path} 是一个目录，请给出名册文件") from None
    except OSError as exc:
        raise RosterFileError(f"无法读取文件 {path}：{os_reason(exc)}") from None
    # A folder opens read-only but cannot be wrapped as a file: its type is checked first.
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode):
        os.close(fd)
        raise RosterFileError(f"{path} 是一个目录，请给出名册文件")
    handle = os.fdopen(fd, "rb")
    if not stat.S_ISREG(info.st_mode):
        handle.close()
        raise RosterFileError(f"{path} 不是普通文件（设备、管道或套接字），请给出名册文件")
    if info.st_size > MAX_FILE_BYTES:
        handle.close()
        raise RosterFileError(
            f"{path.name} 有 {info.st_size // (1024 * 1024)} MB，超过 {MAX_FILE_BYTES // (1024 * 1024)} MB，"
            "不像是党员名册；请只保留名册工作表后再导入"
        )
    return handle


def read_rows(
    path: Path, sheet: str | None = None, progress: Progress | None = None
) -> tuple[list[list[Any]], str]:
    """The rows of the file's cells and how to name the source (``名册.xlsx 工作表“Sheet1”``).

    Cells under the first row of a merged range come as ``MergedCell`` holding its value.
    ``progress`` is told (rows read, rows the sheet says it has) while an .xlsx is read.
    """
    with _open_regular(path) as handle:
        head = handle.read(8)
        handle.seek(0)
        suffix = path.suffix.lower()
        if head.startswith(b"\xd0\xcf\x11\xe0") or suffix == ".xls":
            raise RosterFileError(
                f"{path.name} 是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入"
            )
        if head.startswith(b"PK"):
            return _xlsx_rows(handle, path.name, sheet, progress)
        if suffix in (".csv", ".txt"):
            if sheet is not None:
                raise RosterFileError("--sheet 只用于 Excel 文件，CSV 文件没有工作表")
            return _csv_rows(handle.read(MAX_FILE_BYTES + 1), path.name), path.name
    raise RosterFileError(f"无法识别 {path.name} 的格式：请使用 .xlsx 或 .csv 文件")


def _xlsx_rows(
    handle: BinaryIO, name: str, sheet: str | None, progress: Progress | None
) -> tuple[list[list[Any]], str]:
    _check_unpacked_size(handle, name)
    # openpyxl warns in English about styles and extensions it drops; they do not matter here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _read_workbook(handle, name, sheet, progress)


def _check_unpacked_size(handle: BinaryIO, name: str) -> None:
    try:
        with zipfile.ZipFile(handle) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise RosterFileError(f"无法读取 Excel 文件 {name}：文件已损坏或不是 .xlsx") from None
    finally:
        handle.seek(0)
    if unpacked > MAX_UNPACKED_BYTES:
        raise RosterFileError(
            f"{name} 解压后超过 {MAX_UNPACKED_BYTES // (1024 * 1024)} MB，不像是党员名册，未导入"
        )


def _read_workbook(
    handle: BinaryIO, name: str, sheet: str | None, progress: Progress | None = None
) -> tuple[list[list[Any]], str]:
    # openpyxl takes ~150 ms to import; CSV imports do without it.
    import openpyxl

    try:
        book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:  # a damaged or foreign zip: openpyxl raises many kinds
        raise RosterFileError(f"无法读取 Excel 文件 {name}：文件已损坏或不是 .xlsx") from exc
    try:
        if not book.worksheets:
            raise RosterFileError(f"{name} 中没有工作表")
        if sheet is None:
            worksheet = book.worksheets[0]
        elif sheet in book.sheetnames:
            worksheet = book[sheet]
        else:
            names = "、".join(book.sheetnames)
            raise RosterFileError(f"{name} 中没有工作表“{sheet}”（有：{names}）")
        if (worksheet.max_column or 0) > MAX_COLUMNS:
            raise _too_wide(name)
        rows: list[list[Any]] = []
        total = min(worksheet.max_row or 0, MAX_ROWS)
        for row in worksheet.iter_rows(min_row=1, min_col=1, values_only=True):
            rows.append(_checked(list(row), len(rows) + 1, name))
            if progress is not None and len(rows) % PROGRESS_EVERY == 0:
                progress(len(rows), max(total, len(rows)))
        apply_merged(rows, merged_ranges(worksheet))
        return rows, f"{name} 工作表“{worksheet.title}”"
    finally:
        book.close()


def _too_wide(name: str) -> RosterFileError:
    return RosterFileError(f"{name} 超过 {MAX_COLUMNS} 列，不像是党员名册，未导入")


def _checked(row: list[Any], number: int, name: str) -> list[Any]:
    """One row within the caps: rows, columns, characters in a cell."""
    if number > MAX_ROWS:
        raise RosterFileError(f"{name} 超过 {MAX_ROWS} 行，不像是党员名册")
    while row and row[-1] is None:
        row.pop()
    if len(row) > MAX_COLUMNS:
        raise _too_wide(name)
    for col, cell in enumerate(row):
        if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
            raise RosterFileError(
                f"{name} 第{number}行第{col + 1}列的内容超过 {MAX_CELL_CHARS} 个字符，"
                "不像是名册内容，未导入"
            )
    return row


def merged_ranges(worksheet: Any) -> list[tuple[int, int, int, int]]:
    """The sheet's merged ranges as (min_row, min_col, max_row, max_col), 1-based.

    openpyxl's read-only mode does not load them, so the sheet's XML is scanned for its
    ``<mergeCell ref="A2:A5"/>`` elements (openpyxl 3.1's ``_get_source``; the version is pinned).
    """
    from openpyxl.utils.cell import range_boundaries

    found: list[tuple[int, int, int, int]] = []
    with worksheet._get_source() as source:
        for _, element in ElementTree.iterparse(source, events=("end",)):
            if element.tag.endswith("}mergeCell") and element.get("ref"):
                min_col, min_row, max_col, max_row = range_boundaries(element.get("ref"))
                found.append((min_row, min_col, max_row, max_col))
            element.clear()
    return found


def apply_merged(rows: list[list[Any]], ranges: list[tuple[int, int, int, int]]) -> None:
    """Each cell below the first row of a merged range shows the range's value (its first
    column only: a merged row of headers or a title stays as it was)."""
    for min_row, min_col, max_row, _ in ranges:
        if max_row <= min_row or min_row > len(rows):
            continue
        top = rows[min_row - 1]
        value = top[min_col - 1] if min_col - 1 < len(top) else None
        if value is None:
            continue
        for index in range(min_row, min(max_row, len(rows))):
            row = rows[index]
            if len(row) < min_col:
                row.extend([None] * (min_col - len(row)))
            if row[min_col - 1] is None:
                row[min_col - 1] = MergedCell(value)


def decode_csv(data: bytes) -> str:
    """CSV text in UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 (Excel in China)."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
    except UnicodeDecodeError:
        pass
    else:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        # GB18030 is a superset of GBK and GB2312: one decoder for every Chinese Windows.
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            pass
    raise RosterFileError(
        "CSV 文件的编码无法识别（应为 UTF-8 或 GBK），请在 Excel 中另存为“CSV UTF-8”后再导入"
    )


def _delimiter(text: str) -> str:
    """Comma, tab (Excel's 'Unicode text') or semicolon: whichever the first lines use most."""
    head = "\n".join(text.splitlines()[:10])
    return max((",", "\t", ";"), key=head.count)


def _csv_rows(data: bytes, name: str) -> list[list[Any]]:
    text = decode_csv(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        return [_checked(list(row), number, name) for number, row in enumerate(reader, 1)]
    except csv.Error:
        raise RosterFileError(
            f"CSV 文件 {name} 第{reader.line_num}行格式有误（引号不配对或单元格过长）"
        ) from None


# --- saving ----------------------------------------------------------------------------------
def save_import(store: Store, plan: RosterImport) -> tuple[int, int, Backup | None]:
    """Save the plan's good rows in one commit (after an "import" backup).

    Returns (members added, members updated, the backup taken before the commit).
    """
    with store.transaction(reason="import") as tx:
        for group in plan.groups_to_create():
            tx.insert(group)
        for _, member in plan.new:
            tx.insert(member)
        for _, member in plan.updates:
            tx.update(member)
    kept = [b for b in store.list_backups() if b.reason == "import"]
    return len(plan.new), len(plan.updates), kept[0] if kept else None
