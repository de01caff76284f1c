"""Dates as secretaries type them, and the month/quarter arithmetic the rules use.

``parse_date`` accepts ``2026-11-27``, ``2026/11/27``, ``2026.11.27``, ``20261127``,
``2026年11月27日``, ``11-27``, ``1127``, ``11月27日`` and the words 今天, 昨天, 明天, 前天, 后天;
anything else raises ``DateParseError`` with a Chinese message.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

from branchtui.domain.shown_error import ShownError

# Longer input cannot be a date; refusing early keeps huge pastes cheap.
_MAX_INPUT = 40

_RELATIVE_DAYS = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "后天": 2}
_FULL = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", re.ASCII)
_FULL_CN = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]?", re.ASCII)
_SHORT = re.compile(r"(\d{1,2})[-/.](\d{1,2})", re.ASCII)
_SHORT_CN = re.compile(r"(\d{1,2})月(\d{1,2})[日号]?", re.ASCII)
_MONTHS = (
    re.compile(r"(\d{4})[-/.](\d{1,2})", re.ASCII),
    re.compile(r"(\d{4})(\d{2})", re.ASCII),
    re.compile(r"(\d{4})年(\d{1,2})月?", re.ASCII),
)

DATE_HINT = "请按 2026-11-27、11-27、1127 或“今天”等格式输入"

# The one range of dates branchtui works with: members' birth and joining dates (the 20th
# century) through every record, deadline and report of this one. Input outside it is refused
# where it is typed (CLI options, date fields, the dashboard's date moves), so no computation
# (a deadline a year on, the next period) ever reaches Python's year 9999 limit.
FIRST_DATE = dt.date(1901, 1, 1)
LAST_DATE = dt.date(2099, 12, 31)
RANGE_TEXT = (
    f"支持的日期为 {FIRST_DATE.year}年至{LAST_DATE.year}年"
    "（涵盖党员的出生、入党日期和各项工作记录）"
)


class DateParseError(ShownError):
    """A text that is not a date; ``message`` is Chinese and safe to show."""


def _normalize(text: str) -> str:
    # NFKC turns full-width digits and separators (２０２６／１１) into ASCII.
    return unicodedata.normalize("NFKC", text).strip().replace(" ", "")


def _shown(text: str) -> str:
    """The user's text, shortened and stripped of control characters, for a message."""
    clean = "".join(c for c in text if c.isprintable())
    return clean[:20] + ("…" if len(clean) > 20 else "")


def in_supported_range(value: dt.date) -> bool:
    """Whether ``value`` lies in the supported range (FIRST_DATE–LAST_DATE)."""
    return FIRST_DATE <= value <= LAST_DATE


def check_year(year: int) -> int:
    """``year`` when within the supported range; DateParseError (Chinese) otherwise."""
    if not FIRST_DATE.year <= year <= LAST_DATE.year:
        raise DateParseError(f"{year}年超出范围：{RANGE_TEXT}")
    return year


def check_date(value: dt.date) -> dt.date:
    """``value`` when within the supported range; DateParseError (Chinese) otherwise."""
    if not in_supported_range(value):
        raise DateParseError(f"{format_date_cn(value)}超出范围：{RANGE_TEXT}")
    return value


def _build(year: int, month: int, day: int) -> dt.date:
    check_year(year)
    if not 1 <= month <= 12:
        raise DateParseError(f"月份{month}无效，应为1到12")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateParseError(f"{year}年{month}月没有{day}日（该月只有{last}天）")
    return dt.date(year, month, day)


def parse_date(text: str, today: dt.date, year: int | None = None) -> dt.date:
    """The date meant by ``text``; a date without a year is in ``year`` when given (a form tied
    to a year, such as a year's work plan), else in ``today``'s year. With ``year``, a date of
    another year is refused.

    Raises ``DateParseError`` (a ``ValueError``) with a Chinese message otherwise.
    """
    value = _parse_in(text, today, today.year if year is None else year)
    if year is not None and value.year != year:
        raise DateParseError(f"应为{year}年内的日期（{format_date(value)}不在{year}年）")
    return value


def _parse_in(text: str, today: dt.date, year: int) -> dt.date:
    """parse_date: a date without a year is in ``year``."""
    if not isinstance(text, str) or not text.strip():
        raise DateParseError(f"请输入日期，{DATE_HINT}")
    if len(text) > _MAX_INPUT:
        raise DateParseError(f"无法识别的日期，{DATE_HINT}")
    value = _normalize(text)
    if value in _RELATIVE_DAYS:
        return check_date(today + dt.timedelta(days=_RELATIVE_DAYS[value]))
    for pattern in (_FULL, _FULL_CN):
        match = pattern.fullmatch(value)
        if match:
            return _build(*(int(g) for g in match.groups()))
    if value.isascii() and value.isdigit():
        if len(value) == 8:
            return _build(int(value[:4]), int(value[4:6]), int(value[6:]))
        if len(value) == 4:
            return _build(year, int(value[:2]), int(value[2:]))
    for pattern in (_SHORT, _SHORT_CN):
        match = pattern.fullmatch(value)
        if match:
            return _build(year, int(match.group(1)), int(match.group(2)))
    raise DateParseError(f"无法识别的日期“{_shown(text)}”，{DATE_HINT}")


TIME_HINT = "请按 14:30、1430 或 9 等格式输入"
_CLOCK = re.compile(r"(\d{1,2})(?:[:：.点时](\d{1,2})?分?)?", re.ASCII)


def parse_clock(text: str) -> str:
    """A time of day as ``HH:MM`` from ``14:30``, ``1430``, ``930``, ``9``, ``9点30``,
    ``14：30`` (full-width too); '' for an empty text. Raises ``DateParseError`` otherwise."""
    value = _normalize(text or "")
    if not value:
        return ""
    if len(value) > 8:
        raise DateParseError(f"无法识别的时间，{TIME_HINT}")
    if value.isascii() and value.isdigit() and len(value) in (3, 4):
        hour, minute = int(value[:-2]), int(value[-2:])
    else:
        match = _CLOCK.fullmatch(value)
        if match is None:
            raise DateParseError(f"无法识别的时间“{_shown(text)}”，{TIME_HINT}")
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise DateParseError(f"没有{_shown(text)}这个时间，{TIME_HINT}")
    return f"{hour:02d}:{minute:02d}"


def format_date(value: dt.date | None) -> str:
    """``2026-11-27``; an empty string for no date."""
    return value.isoformat() if value else ""


def format_date_cn(value: dt.date | None) -> str:
    """``2026年11月27日`` for minutes and reports; empty for no date."""
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def format_month_cn(key: str) -> str:
    """``2026年8月`` for the month key ``2026-08`` (minutes and reports); the text as it is
    when it is not a month key."""
    match = _MONTH_KEY.fullmatch(key)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return key
    return f"{int(match.group(1))}年{int(match.group(2))}月"


# A date (2026-10-19) or month (2026-08) in generated text, not part of a longer code
# (E-2026-001) or number; with the space beside it, which goes where a 汉字 is its neighbour.
_MONTH_KEY = re.compile(r"(\d{4})-(\d{2})", re.ASCII)
_ISO_IN_TEXT = re.compile(r"( ?)(?<![\d\-A-Za-z])(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d\-])( ?)")


def _cjk(char: str) -> bool:
    return char >= "\u2e80"


def cn_dates(text: str) -> str:
    """Generated text (a duty's detail) in the date style of minutes and reports: each
    ``2026-10-19`` becomes 2026年10月19日 and each ``2026-08`` 2026年8月, without the spaces
    the compact style puts beside them (``自 2026-10-19 空缺`` → ``自2026年10月19日空缺``)."""

    def one(match: re.Match[str]) -> str:
        year, month, day = match.group(2), int(match.group(3)), match.group(4)
        try:
            written = (
                format_date_cn(dt.date(int(year), month, int(day)))
                if day
                else format_month_cn(f"{year}-{month:02d}")
            )
        except ValueError:
            return match.group(0)
        if written == f"{year}-{month:02d}":
            return match.group(0)  # month 13: not a date
        start, end = match.start(), match.end()
        before = match.group(1) if start == 0 or not _cjk(text[start - 1]) else ""
        after = match.group(5) if end >= len(text) or not _cjk(text[end]) else ""
        return f"{before}{written}{after}"

    return _ISO_IN_TEXT.sub(one, text)


def parse_month(text: str, today: dt.date | None = None) -> dt.date:
    """The first day of the month meant by ``2026-11``, ``2026/11``, ``202611`` or ``2026年11月``.

    ``本月`` and ``上月`` work when ``today`` is given. Raises ``DateParseError``.
    """
    if not isinstance(text, str) or not text.strip() or len(text) > _MAX_INPUT:
        raise DateParseError("请输入月份，例如 2026-11")
    value = _normalize(text)
    if today is not None and value in ("本月", "这个月"):
        return check_date(today.replace(day=1))
    if today is not None and value == "上月":
        return check_date(add_months(today.replace(day=1), -1))
    match = next((m for m in (p.fullmatch(value) for p in _MONTHS) if m), None)
    if not match:
        raise DateParseError(f"无法识别的月份“{_shown(text)}”，请按 2026-11 的格式输入")
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise DateParseError(f"月份“{_shown(text)}”无效，月份应为1到12")
    check_year(year)
    return dt.date(year, month, 1)


def month_key(value: dt.date) -> str:
    """``2026-11``: how months are stored (dues payments, monthly reports)."""
    return f"{value.year:04d}-{value.month:02d}"


def month_number(value: dt.date) -> int:
    """Months since year 0 (``year * 12 + month - 1``): consecutive months differ by one."""
    return value.year * 12 + value.month - 1


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter_of(value: dt.date) -> int:
    """The calendar quarter (1–4) of a date (LIFE-1 counts general meetings per quarter)."""
    return (value.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a calendar quarter."""
    if not 1 <= quarter <= 4:
        raise ValueError(f"quarter must be 1–4, not {quarter}")
    first_month = 3 * (quarter - 1) + 1
    return dt.date(year, first_month, 1), month_bounds(year, first_month + 2)[1]


def quarter_label(year: int, quarter: int) -> str:
    """``2026年第4季度``."""
    return f"{year}年第{quarter}季度"


def add_months(value: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), clamped to the month's end (01-31 + 1 → 02-28)."""
    years, month0 = divmod(value.month - 1 + months, 12)
    year, month = value.year + years, month0 + 1
    return dt.date(year, month, min(value.day, calendar.monthrange(year, month)[1]))


def add_years(value: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    return add_months(value, 12 * years)


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if months > 0 and add_months(start, months) > end:
        months -= 1
    elif months < 0 and add_months(start, months) < end:
        months += 1
    return months


def years_between(start: dt.date, end: dt.date) -> int:
    """Whole years from ``start`` to ``end`` (age, years of membership); 0 when end is earlier."""
    return max(0, months_between(start, end) // 12)
