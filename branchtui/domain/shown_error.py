"""The base of the domain's errors that a person reads: the message is Chinese and safe to show."""

from __future__ import annotations


class ShownError(ValueError):
    """A value the user gave (a date, a roster, a scoring sheet) that cannot be used;
    ``message`` is one Chinese line, safe to show as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
