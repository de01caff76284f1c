"""`import members`: read a roster from .xlsx or .csv, and save the good rows at once.

``read_rows(path, sheet)`` gives the cells; ``domain.roster_plan.plan_import`` decides what each
row becomes without writing anything; ``save_import(store, plan)`` writes the plan in one
transaction, after an "import" backup.
"""

from __future__ import annotations

import codecs
import csv
import io
import warnings
from pathlib import Path
from typing import Any

from branchtui.domain.roster_plan import RosterImport
from branchtui.storage.backups import Backup
from branchtui.storage.errors import StoreError
from branchtui.storage.store import Store

# A roster beyond this many rows is not a branch's roster: stop reading rather than eat memory.
MAX_ROWS = 20_000


class RosterFileError(StoreError):
    """The roster file cannot be read (missing, unknown format, broken, too long)."""


# --- reading the file ------------------------------------------------------------------------
def read_rows(path: Path, sheet: str | None = None) -> tuple[list[list[Any]], str]:
    """The rows of the file's cells and how to name the source (``名册.xlsx 工作表“Sheet1”``)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise RosterFileError(f"找不到文件 {path}") from None
    except IsADirectoryError:
        raise RosterFileError(f"{path} 是一个目录，请给出名册文件") from None
    except OSError as exc:
        raise RosterFileError(f"无法读取文件 {path}：{exc.strerror or exc}") from None
    suffix = path.suffix.lower()
    if head.startswith(b"\xd0\xcf\x11\xe0") or suffix == ".xls":
        raise RosterFileError(
            f"{path.name} 是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入"
        )
    if head.startswith(b"PK"):
        return _xlsx_rows(path, sheet)
    if suffix in (".csv", ".txt"):
        if sheet is not None:
            raise RosterFileError("--sheet 只用于 Excel 文件，CSV 文件没有工作表")
        return _csv_rows(path), path.name
    raise RosterFileError(f"无法识别 {path.name} 的格式：请使用 .xlsx 或 .csv 文件")


def _xlsx_rows(path: Path, sheet: str | None) -> tuple[list[list[Any]], str]:
    # openpyxl warns in English about styles and extensions it drops; they do not matter here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _read_workbook(path, sheet)


def _read_workbook(path: Path, sheet: str | None) -> tuple[list[list[Any]], str]:
    # openpyxl takes ~150 ms to import; CSV imports do without it.
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged or foreign zip: openpyxl raises many kinds
        raise RosterFileError(f"无法读取 Excel 文件 {path.name}：文件已损坏或不是 .xlsx") from exc
    try:
        if not book.worksheets:
            raise RosterFileError(f"{path.name} 中没有工作表")
        if sheet is None:
            worksheet = book.worksheets[0]
        elif sheet in book.sheetnames:
            worksheet = book[sheet]
        else:
            names = "、".join(book.sheetnames)
            raise RosterFileError(f"{path.name} 中没有工作表“{sheet}”（有：{names}）")
        rows: list[list[Any]] = []
        for row in worksheet.iter_rows(min_row=1, min_col=1, values_only=True):
            rows.append(list(row))
            if len(rows) > MAX_ROWS:
                raise RosterFileError(f"{path.name} 超过 {MAX_ROWS} 行，不像是党员名册")
        return rows, f"{path.name} 工作表“{worksheet.title}”"
    finally:
        book.close()


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


def _csv_rows(path: Path) -> list[list[Any]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RosterFileError(f"无法读取文件 {path}：{exc.strerror or exc}") from None
    text = decode_csv(data)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))
    except csv.Error as exc:
        raise RosterFileError(f"CSV 文件 {path.name} 格式有误：{exc}") from None
    if len(rows) > MAX_ROWS:
        raise RosterFileError(f"{path.name} 超过 {MAX_ROWS} 行，不像是党员名册")
    return [list(row) for row in rows]


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
