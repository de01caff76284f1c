"""Text as a terminal shows it: no characters whose width terminals disagree on."""

from __future__ import annotations

# East Asian "ambiguous" characters are 1 cell in some SSH terminals and 2 in others, which
# shifts every column after them; their full-width forms are 2 cells everywhere.
FULL_WIDTH = str.maketrans(
    {"“": "「", "”": "」", "‘": "『", "’": "』", "…": "...", "—": "－", "·": "・", "※": "＊"}
)


def terminal_safe(text: str) -> str:
    """``text`` with ambiguous-width quotes and dashes replaced by full-width ones."""
    return text.translate(FULL_WIDTH)
