"""Text as a terminal shows it: no characters whose width terminals disagree on."""

from __future__ import annotations

from rich.cells import cell_len

# East Asian "ambiguous" characters are 1 cell in some SSH terminals and 2 in others, which
# shifts every column after them; their full-width forms are 2 cells everywhere.
FULL_WIDTH = str.maketrans(
    {"“": "「", "”": "」", "‘": "『", "’": "』", "…": "...", "—": "－", "·": "・", "※": "＊"}
)


def terminal_safe(text: str) -> str:
    """``text`` with ambiguous-width quotes and dashes replaced by full-width ones."""
    return text.translate(FULL_WIDTH)


# Where a cut keeps the meaning of what is left: after a clause, before a bracket.
CLAUSE_ENDS = "，；、：。）」』"
CLAUSE_STARTS = "（「『"
ELLIPSIS = "..."


def _word_char(char: str) -> bool:
    # Digits, Latin letters and the marks inside dates and amounts: "2026-11-27", "10.5".
    return char.isascii() and (char.isalnum() or char in "-.:/%")


def cut_at_safe_point(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells. When it must be cut, the cut falls at the end of a
    clause if one fits, else at a space, else between two CJK characters; never inside a number
    or a date nor between a number and its unit; "..." says something was cut."""
    if cell_len(text) <= width:
        return text
    room = width - len(ELLIPSIS)
    clause = space = word = 0
    used = 0
    for index, char in enumerate(text):
        if used > room:
            break
        if index:
            before = text[index - 1]
            if before in CLAUSE_ENDS or char in CLAUSE_STARTS:
                clause = index
            if char == " ":
                space = index
            # Not inside a number or a date, nor between a number and its unit ("39|天").
            if not (_word_char(before) and _word_char(char)) and not before.isdigit():
                word = index
        used += cell_len(char)
    cut = clause or space or word
    return text[:cut].rstrip(CLAUSE_ENDS + CLAUSE_STARTS + " ") + ELLIPSIS if cut else ""
