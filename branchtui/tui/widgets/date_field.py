"""A date input: accepts 2026-11-27, 11-27, 1127, 今天 … and says in Chinese what is wrong."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.validation import ValidationResult, Validator
from textual.widgets import Input

from branchtui.domain.dates import DATE_HINT, DateParseError, format_date, parse_date


class DateValidator(Validator):
    """Valid when the text is a date parse_date understands (or empty when optional)."""

    def __init__(self, today: dt.date, *, required: bool = False, year: int | None = None) -> None:
        super().__init__(failure_description=DATE_HINT)
        self.today = today
        self.required = required
        self.year = year

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.failure("请填写日期") if self.required else self.success()
        try:
            parse_date(value, self.today, self.year)
        except DateParseError as error:
            return self.failure(str(error))
        return self.success()


class DateField(Input):
    """An Input for one date; ``date`` is the parsed value or None."""

    def __init__(
        self,
        today: dt.date,
        value: dt.date | None = None,
        *,
        required: bool = False,
        year: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            value=format_date(value) if value else "",
            placeholder="如 2026-11-27 / 1127 / 今天",
            validators=[DateValidator(today, required=required, year=year)],
            validate_on=["blur", "submitted"],
            **kwargs,
        )
        self.today = today
        self.year = year  # short dates resolve in this year; other years are refused

    @property
    def date(self) -> dt.date | None:
        """The entered date; None when empty. Raises DateParseError when not a date."""
        text = self.value.strip()
        if not text:
            return None
        return parse_date(text, self.today, self.year)

    def error(self) -> str | None:
        """The Chinese message for what is wrong, or None."""
        result = self.validate(self.value)
        if result is None or result.is_valid:
            return None
        return result.failure_descriptions[0]
