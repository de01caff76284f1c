"""Reading a secretary's Excel/CSV roster (党员名册): column headers and cell values → Member fields.

Pure functions over cell values as openpyxl or the csv module give them (str, int, float,
datetime, None). Nothing here raises on a cell's content: a value that cannot be read becomes
a Chinese message naming what is wrong and how to write it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from branchtui.domain.fields import fields_of
from branchtui.domain.records.people import Member

# The Member fields a roster may hold, in column order; "group" is the group's name (group_id).
IMPORTED_FIELDS = (
    "name",
    "gender",
    "ethnicity",
    "birth_date",
    "id_number",
    "phone",
    "education",
    "position",
    "joined",
    "full_date",
    "arrived",
    "status",
    "group",
    "note",
)
# Field → the headers secretaries use for it, from the field's declaration (label first).
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    name: fields_of(Member)["group_id" if name == "group" else name].headers
    for name in IMPORTED_FIELDS
}
COLUMN_LABELS: dict[str, str] = {name: synonyms[0] for name, synonyms in HEADER_SYNONYMS.items()}
DATE_FIELDS = tuple(
    name for name in IMPORTED_FIELDS if name != "group" and fields_of(Member)[name].is_date
)
# Real files put a title ("××党支部党员名册") and a date line above the header.
HEADER_SEARCH_ROWS = 10
DATE_HINT = "可写 1990-01-02、1990/1/2、1990.01、1990年1月2日 或 199001"
# Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in).
EXCEL_EPOCH = dt.date(1899, 12, 30)
EXCEL_LAST_SERIAL = 109_573  # 2199-12-31

_SYNONYM_TO_FIELD = {
    synonym: name for name, synonyms in HEADER_SYNONYMS.items() for synonym in synonyms
}
_BRACKETS = re.compile(r"[(\[【][^)\]】]*[)\]】]")
_YMD = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", re.ASCII)
_YM = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?", re.ASCII)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})?", re.ASCII)
_YEAR = re.compile(r"(\d{4})\s*年?", re.ASCII)
_SERIAL = re.compile(r"\d{3,6}(?:\.\d+)?", re.ASCII)
_TIME_TAIL = re.compile(r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$", re.ASCII)


def _fold(text: str) -> str:
    """Full-width digits and punctuation to ASCII (Ｈ，１９９０．０１ → 1990.01)."""
    return unicodedata.normalize("NFKC", text)


def header_key(cell: object) -> str:
    """A header cell as compared with the synonyms: no spaces, marks or bracketed hints."""
    if not isinstance(cell, str):
        return ""
    text = _BRACKETS.sub("", _fold(cell))
    return re.sub(r"[\s*:：★※]", "", text)


def match_header(cell: object) -> str | None:
    """The Member field a header cell names (``"出生年月"`` → ``"birth_date"``), or None."""
    return _SYNONYM_TO_FIELD.get(header_key(cell))


@dataclass
class Header:
    """Where the header is and which column holds which field (0-based column index)."""

    row: int  # 0-based index of the last header row; data starts below it
    columns: dict[int, str]
    titles: dict[str, str]  # field → the header text as the file writes it
    unread: dict[int, str] = field(default_factory=dict)  # column → a header we do not read

    @property
    def ignored(self) -> list[str]:
        """Headers of columns not read (序号, 籍贯 …), left to right."""
        return [self.unread[col] for col in sorted(self.unread) if col not in self.columns]


@dataclass(frozen=True)
class MergedCell:
    """A cell covered by a merged range below its first row: it shows the range's value.

    A 党小组 cell merged over the rows of its members names the group of every one of them;
    in the header rows it counts as empty (a header merged over two rows is one header).
    """

    value: Any


def _unmerged(row: list[Any]) -> list[Any]:
    return [None if isinstance(cell, MergedCell) else cell for cell in row]


def find_header(rows: list[list[Any]], limit: int = HEADER_SEARCH_ROWS) -> Header | None:
    """The first of the first ``limit`` rows with a 姓名 column, or None.

    A second header row under it (the header cells of a merged group such as 党籍信息 over
    入党时间 and 转正时间) adds its columns, when its 姓名 cell is empty as merged cells are.
    """
    for index, found in enumerate(rows[:limit]):
        row = _unmerged(found)
        fields = {col: match_header(cell) for col, cell in enumerate(row)}
        if "name" not in fields.values():
            continue
        header = Header(row=index, columns={}, titles={})
        _take(header, row, fields)
        below = _unmerged(rows[index + 1]) if index + 1 < len(rows) else []
        if _is_sub_header(below, header):
            header.row = index + 1
            _take(header, below, {col: match_header(cell) for col, cell in enumerate(below)})
        return header
    return None


def _take(header: Header, row: list[Any], fields: dict[int, str | None]) -> None:
    for col, name in fields.items():
        if name is not None and name not in header.titles and col not in header.columns:
            header.columns[col] = name
            header.titles[name] = header_key(row[col])
        elif name is None and col not in header.columns and cell_text(row[col]):
            header.unread.setdefault(col, cell_text(row[col]))


def _is_sub_header(row: list[Any], header: Header) -> bool:
    name_col = next(col for col, name in header.columns.items() if name == "name")
    if name_col < len(row) and cell_text(row[name_col]):
        return False
    found = {match_header(cell) for cell in row} - {None}
    return bool(found - set(header.titles))


def cell_text(value: object) -> str:
    """A cell as text: integral numbers without ``.0``, dates as ``YYYY-MM-DD``, None as ``""``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value) if math.isfinite(value) else ""
    # Exports from other systems put a tab or an apostrophe before digits to keep them text.
    return str(value).strip().lstrip("'").strip()


@dataclass(frozen=True)
class DateCell:
    """A date read from a cell; ``month_only`` when the cell gave year and month only."""

    value: dt.date
    month_only: bool = False


def _date(year: int, month: int, day: int, month_only: bool = False) -> DateCell | str:
    try:
        return DateCell(dt.date(year, month, day), month_only)
    except ValueError:
        return "不是有效的日期"


def _serial(days: float) -> DateCell | str:
    if not 1 <= days <= EXCEL_LAST_SERIAL:
        return "不是有效的日期"
    return DateCell(EXCEL_EPOCH + dt.timedelta(days=int(days)))


def _number_date(value: float) -> DateCell | str:
    whole = int(value)
    if 1900 <= whole <= 2199:
        if value == whole:
            return "只有年份，请补充月份"
        # A cell typed 1990.10 is stored as the number 1990.1: two decimals are the month.
        return _date(whole, round((value - whole) * 100), 1, month_only=True)
    if 190_001 <= whole <= 219_912 and value == whole:
        return _date(whole // 100, whole % 100, 1, month_only=True)
    if 19_000_101 <= whole <= 21_991_231 and value == whole:
        return _date(whole // 10_000, whole // 100 % 100, whole % 100)
    return _serial(value)


def _text_date(text: str) -> DateCell | str:
    text = _TIME_TAIL.sub("", _fold(text).strip()).strip()
    if match := _YMD.fullmatch(text):
        return _date(int(match[1]), int(match[2]), int(match[3]))
    if match := _YM.fullmatch(text):
        return _date(int(match[1]), int(match[2]), 1, month_only=True)
    if match := _COMPACT.fullmatch(text):
        day = match[3]
        return _date(int(match[1]), int(match[2]), int(day or 1), month_only=day is None)
    if _YEAR.fullmatch(text):
        return "只有年份，请补充月份"
    if _SERIAL.fullmatch(text):
        return _number_date(float(text))
    return f"无法识别（{DATE_HINT}）"


def parse_date_cell(value: object) -> DateCell | str | None:
    """A date cell in any of the forms secretaries type, or a message, or None when empty."""
    try:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, dt.datetime):
            return DateCell(value.date())
        if isinstance(value, dt.date):
            return DateCell(value)
        if isinstance(value, bool):
            return f"无法识别（{DATE_HINT}）"
        if isinstance(value, int | float):
            if not math.isfinite(value):
                return f"无法识别（{DATE_HINT}）"
            return _number_date(float(value))
        return _text_date(str(value))
    except (ValueError, OverflowError):
        return f"无法识别（{DATE_HINT}）"


def parse_gender(text: str) -> str | None:
    """``male``/``female`` for 男/女 (and M/F), ``""`` when empty, None when unreadable."""
    value = _fold(text).strip().lower()
    if not value:
        return ""
    if value in ("男", "男性", "m", "male"):
        return "male"
    if value in ("女", "女性", "f", "female"):
        return "female"
    return None


def parse_status(text: str) -> str | None:
    """``full`` for 正式(党员), ``probationary`` for 预备(党员), ``""`` when empty, else None."""
    value = _fold(text).strip()
    if not value:
        return ""
    if "预备" in value:
        return "probationary"
    if "正式" in value:
        return "full"
    return None


def parse_ethnicity(text: str) -> str:
    """民族 as the roster writes it: 汉 → 汉族; empty stays empty (the record's default applies)."""
    value = re.sub(r"\s", "", _fold(text))
    if value and not value.endswith("族") and re.fullmatch(r"[\u4e00-\u9fff]+", value):
        return value + "族"
    return value


def parse_id_number(value: object) -> str | None:
    """A 身份证号 as text, upper-case X; None when Excel stored it as a number and lost digits."""
    # Excel keeps 15 significant digits: an 18-digit number cell has lost its last ones.
    if isinstance(value, float) and not abs(value) < 1e15:
        return None
    return re.sub(r"\s", "", _fold(cell_text(value))).upper()


def parse_phone(value: object) -> str:
    """联系电话 as text without spaces (a number cell without ``.0``)."""
    return re.sub(r"\s", "", _fold(cell_text(value)))


@dataclass
class RowDraft:
    """One data row read into Member fields, with what could not be read and what was assumed."""

    values: dict[str, Any] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)  # field → message
    notes: dict[str, str] = field(default_factory=dict)  # field → what we assumed
    group_name: str = ""

    @property
    def empty(self) -> bool:
        return not self.values and not self.problems and not self.group_name


def read_row(row: list[Any], header: Header) -> RowDraft:
    """The Member fields of one data row; empty cells are left out. Never raises."""
    draft = RowDraft()
    for col, name in header.columns.items():
        raw = row[col] if col < len(row) else None
        if isinstance(raw, MergedCell):
            raw = raw.value
        try:
            _read_cell(draft, name, raw)
        except Exception:  # a cell we cannot read must not stop the other rows
            draft.problems[name] = "内容无法识别"
    return draft


def _read_cell(draft: RowDraft, name: str, raw: object) -> None:
    if name in DATE_FIELDS:
        parsed = parse_date_cell(raw)
        if isinstance(parsed, str):
            draft.problems[name] = f"{parsed}，现在是“{cell_text(raw)}”"
        elif parsed is not None:
            draft.values[name] = parsed.value
            if parsed.month_only:
                when = f"{parsed.value.year}年{parsed.value.month}月"
                draft.notes[name] = f"只写了年月（{when}），按当月1日记录"
        return
    if name == "id_number":
        number = parse_id_number(raw)
        if number is None:
            draft.problems[name] = (
                "身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为“文本”后重新填写"
            )
        elif number:
            draft.values[name] = number
        return
    text = cell_text(raw)
    if name == "group":
        draft.group_name = re.sub(r"\s", "", text)
    elif name in ("gender", "status"):
        value = (parse_gender if name == "gender" else parse_status)(text)
        if value is None:
            hint = "应为“男”或“女”" if name == "gender" else "应为“正式党员”或“预备党员”"
            draft.problems[name] = f"{hint}，现在是“{text}”"
        elif value:
            draft.values[name] = value
    elif name == "phone":
        if phone := parse_phone(raw):
            draft.values[name] = phone
    elif name == "ethnicity":
        if ethnicity := parse_ethnicity(text):
            draft.values[name] = ethnicity
    elif text:
        draft.values[name] = text
