"""A branch to import into, valid 身份证号 for test people, and the CLI run in-process."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from branchtui.domain.records import Branch, PartyGroup
from branchtui.domain.validation_fields import id_check_char
from branchtui.storage.store import Store


def id_number(birth: str, serial: int = 1, male: bool = True) -> str:
    """A 身份证号 that passes GB 11643: Beijing Xicheng, ``birth`` as YYYYMMDD."""
    first17 = f"110102{birth}{serial:02d}{1 if male else 2}"
    return first17 + id_check_char(first17)


def write_xlsx(path: Path, rows: list[list[Any]], merged: tuple[str, ...] = ()) -> Path:
    """An .xlsx as Excel would save it: cells by row, optional merged ranges."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "党员名册"
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def write_csv(path: Path, rows: list[list[Any]], encoding: str) -> Path:
    text = "\r\n".join(",".join(str(c) for c in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def make_id() -> Callable[..., str]:
    return id_number


@pytest.fixture
def xlsx() -> Callable[..., Path]:
    return write_xlsx


@pytest.fixture
def csv_file() -> Callable[..., Path]:
    return write_csv


@pytest.fixture
def branch_dir(data_dir: Path) -> Path:
    """A branch with one party group, 第一党小组, and no members."""
    store = Store.open(data_dir, create=True)
    with store.transaction() as tx:
        tx.set_branch(Branch(name="中共测试党支部", created=dt.date(2020, 1, 1)))
        tx.insert(PartyGroup(name="第一党小组"))
    return data_dir
