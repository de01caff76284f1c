"""How wide text is in a terminal, counted in cells (a CJK character takes two)."""

from __future__ import annotations

import unicodedata


def _char_cells(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F", "A") else 1


class _CharCells(dict[str, int]):
    """Each character's cells, worked out the first time it is met: the duty engine measures
    a few thousand short forms per judgement, nearly all made of the same few hundred
    characters."""

    def __missing__(self, char: str) -> int:
        width = self[char] = _char_cells(char)
        return width


_CELLS_OF = _CharCells().__getitem__


def cells(text: str) -> int:
    """The cells ``text`` takes: wide and full-width characters 2, ambiguous ones counted as 2
    too (some SSH terminals draw them so), combining marks 0, everything else 1."""
    if text.isascii():  # no ASCII character is wide, ambiguous or combining
        return len(text)
    return sum(map(_CELLS_OF, text))


def first_fitting(width: int, *candidates: str) -> str:
    """The first candidate at most ``width`` cells wide, else the last (the shortest form)."""
    for text in candidates:
        # No character takes more than two cells: a short text fits without measuring.
        if len(text) * 2 <= width or cells(text) <= width:
            return text
    return candidates[-1]
