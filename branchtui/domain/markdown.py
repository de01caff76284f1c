"""User text made inert inside Markdown: no heading, list, quote, link, HTML or table row.

Reports and minutes are Markdown built from what secretaries typed (topics, notes, names, other
organizations). Two escapes, one for running text and one for table cells, both keep the text on
one line and backslash-escape what Markdown would read as structure (CommonMark allows a
backslash before any ASCII punctuation, and it shows as the character itself).
"""

from __future__ import annotations

import re

# Line breaks of every kind (and the whitespace around them) become one space: a value can never
# start a new Markdown line, so it cannot become a heading, list item, quote or table row.
_BREAKS = re.compile(r"\s*[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+\s*")
_SPACES = re.compile(r"[ \t]{2,}")
# Other control characters have no place in a printed report.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
_ALWAYS = str.maketrans({c: "\\" + c for c in "\\`_[]<>#|~"})
# A run of * is escaped unless it is part of a masked number (139****5678, 0592-****567,
# ****567), which stays as it is printed everywhere else: followed by a digit, such a run is
# neither a list marker nor a rule, and it cannot close an emphasis.
_STARS = re.compile(r"\*+")
_MASK_LEFT = frozenset("0123456789- ")
# What makes a line a list item or a setext underline when it starts the line: - + = and 1. 1)
# (a list marker needs a space after it; a setext underline or rule is made of the marks alone).
_AT_LINE_START = re.compile(r"^(?:[-+=](?=[\s\-+=]|$)|\d{1,9}(?=[.)](?:\s|$)))")
_QUOTES = "“”\"'「」『』‘’"


class MarkdownText(str):
    """Text already escaped for Markdown (or written by the template itself): not escaped again."""


def _one_line(value: object) -> str:
    text = "" if value is None else str(value)
    text = _CONTROLS.sub("", _BREAKS.sub(" ", text))
    return _SPACES.sub(" ", text.replace("\t", " ")).strip()


def escape_text(value: object) -> MarkdownText:
    """User text for running Markdown: one line, no structure it could start or close."""
    if isinstance(value, MarkdownText):
        return value
    text = _STARS.sub(_stars, _one_line(value).translate(_ALWAYS))
    return MarkdownText(_AT_LINE_START.sub(lambda m: _escaped_marker(m.group(0)), text))


def escape_cell(value: object) -> MarkdownText:
    """User text for a Markdown table cell: as running text, and a ``|`` never ends the cell."""
    # The running-text escape already turns | into \| (GFM keeps it inside the cell) and
    # keeps everything on one line, which is all a cell needs more than running text.
    return escape_text(value)


def _stars(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    masked_left = start == 0 or text[start - 1] in _MASK_LEFT
    if masked_left and end < len(text) and text[end].isdigit():
        return match.group(0)
    return "\\*" * len(match.group(0))


def _escaped_marker(marker: str) -> str:
    if marker.isdigit():
        return marker + "\\"  # 2026. → 2026\. (the dot is what makes an ordered list)
    return "\\" + marker


def escape_paragraphs(value: object) -> MarkdownText:
    """Text a secretary wrote over several lines: each non-empty line its own paragraph."""
    lines = [escape_text(line) for line in str(value or "").splitlines()]
    return MarkdownText("\n\n".join(line for line in lines if line))


def in_quotes(value: object) -> str:
    """Plain text in Chinese quotation marks, once: a topic typed as “党员示范岗” (or with
    straight or corner quotes) is not quoted twice. For duty details and messages."""
    text = _one_line(value)
    while len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    return f"“{_nested(text)}”"


def _nested(text: str) -> str:
    """Quotation marks inside quoted text become single ones (“‘党员示范岗’实践锻炼”), as
    Chinese typesetting nests them; straight ones pair up as they come."""
    text = text.replace("“", "‘").replace("”", "’")
    parts = text.split('"')
    if len(parts) % 2 == 0:  # an odd one out: left as typed
        return text
    return "".join(p + ("‘" if i % 2 == 0 else "’") for i, p in enumerate(parts[:-1])) + parts[-1]


def quoted(value: object) -> MarkdownText:
    """``in_quotes`` for Markdown: the text inside the quotation marks escaped."""
    return MarkdownText(f"“{escape_text(in_quotes(value)[1:-1])}”")
