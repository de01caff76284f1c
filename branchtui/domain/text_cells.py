"""How wide text is in a terminal, counted in cells (a CJK character takes two)."""

from __future__ import annotations

import unicodedata


def cells(text: str) -> int:
    """The cells ``text`` takes: wide and full-width characters 2, ambiguous ones counted as 2
    too (some SSH terminals draw them so), combining marks 0, everything else 1."""
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F", "A") else 1
    return total


def first_fitting(width: int, *candidates: str) -> str:
    """The first candidate at most ``width`` cells wide, else the last (the shortest form)."""
    for text in candidates:
        if cells(text) <= width:
            return text
    return candidates[-1]
