"""Text as a terminal shows it: no characters whose width terminals disagree on."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

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


# No line starts with a closing mark nor ends with an opening one (标点禁则).
NO_LINE_START = CLAUSE_ENDS + "！？!?,.;:)]」』%"
NO_LINE_END = CLAUSE_STARTS + "([「『"


def _may_break(text: str, index: int) -> bool:
    """Whether a line may end just before ``text[index]``."""
    before, char = text[index - 1], text[index]
    if before == " ":
        return True  # after a space (the line's trailing space is dropped)
    if char in NO_LINE_START or before in NO_LINE_END or before.isdigit():
        return False  # nor between a number and its unit ("3|条")
    # Not inside a number, a date or a Latin word ("2026-11-27", "SYS-3", "10.5").
    return not (_word_char(before) and _word_char(char))


def wrap_offsets(text: str, width: int) -> list[int]:
    """Where ``text`` (one line, no newline) breaks to fit ``width`` cells: between CJK
    characters or at spaces, never inside a date or number nor before a closing bracket or
    after an opening one; a run that cannot fit is folded where it must."""
    offsets: list[int] = []
    start, used, last_break = 0, 0, -1
    index = 0
    while index < len(text):
        cells = cell_len(text[index])
        if index > start and _may_break(text, index):
            last_break = index
        if used + cells > width and index > start:
            cut = last_break if last_break > start else index
            offsets.append(cut)
            start, last_break = cut, -1
            index, used = start, 0
            continue
        used += cells
        index += 1
    return offsets


def wrap_text(text: Text, width: int) -> Text:
    """``text`` (styled, may hold newlines) wrapped to ``width`` cells by ``wrap_offsets``."""
    if width <= 0:
        return text
    lines: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        plain = line.plain
        pieces = line.divide(wrap_offsets(plain, width)) if cell_len(plain) > width else [line]
        for piece in pieces:
            piece.rstrip()  # the space a line broke at
            lines.append(piece)
    return Text("\n").join(lines)
