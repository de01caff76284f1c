"""What a user sees cut at 80×24 on the screen shown: a column heading narrower than its text
or past the right edge of its list, a field label or a one-line title wrapped or ended with an
ellipsis, an ellipsis anywhere in the text on screen (a rule range such as REL-4…REL-6 is not a
cut), and a number or a date split across two lines of a field's message."""

from __future__ import annotations

import re
from typing import Any

from rich.cells import cell_len
from textual.widget import Widget
from textual.widgets import DataTable, Label, Static

# An ellipsis between two rule IDs is a range (REL-4…REL-6), not text cut short.
RULE_RANGE = re.compile(r"[A-Z]+-\d+…[A-Z]+-\d+")
# A digit ending one line of a message and another starting the next: a number split in two.
SPLIT_NUMBER = re.compile(r"[\d.\-]\n[\d.\-]")


def _shown(widget: Widget) -> bool:
    """Whether the widget is drawn on the screen shown (displayed, with a size)."""
    if not widget.display or widget.size.width == 0 or widget.size.height == 0:
        return False
    return all(node.display for node in widget.ancestors if isinstance(node, Widget))


def _label_text(widget: Static) -> str:
    return str(widget.render()).strip()


def table_cuts(table: DataTable[Any]) -> list[str]:
    """Headings of ``table`` cut: narrower than their text, or past the list's right edge."""
    found: list[str] = []
    visible = table.scrollable_content_region.width
    right = 0
    for column in table.ordered_columns:
        heading = column.label.plain
        inner = column.content_width if column.auto_width else column.width
        right += column.get_render_width(table)
        if cell_len(heading) > inner:
            found.append(f"表头「{heading}」宽{inner}格，放不下")
        elif right > visible:
            found.append(f"表头「{heading}」超出列表右边（{right}>{visible}格）")
    return found


def label_cuts(widget: Static) -> list[str]:
    """A field label (or a title set not to wrap) that does not fit on its one line."""
    text = _label_text(widget)
    if not text or "\n" in text:
        return []
    room = widget.content_region.width
    if cell_len(text) > room:
        return [f"「{text}」宽{cell_len(text)}格，只有{room}格"]
    return []


def _lines_drawn(widget: Widget) -> list[str]:
    """The lines of ``widget`` as drawn on the terminal, trailing blanks dropped."""
    return [
        "".join(seg.text for seg in strip).rstrip()
        for strip in widget.render_lines(widget.size.region)
    ]


def help_cuts(widget: Static, lines: list[str]) -> list[str]:
    """A help line (``lines``: key, name, description) whose description, folded, starts a
    drawn line at the left edge where a key belongs, instead of under the description."""
    found = []
    for drawn in _lines_drawn(widget):
        if drawn and not drawn[0].isspace() and not any(line.startswith(drawn) for line in lines):
            found.append(f"帮助的说明折到了按键一栏：{drawn.strip()}")
    return found


def screen_cuts(app: Any) -> list[str]:
    """Everything cut on the screen shown."""
    found: list[str] = []
    screen = app.screen
    for table in screen.query(DataTable):
        if _shown(table):
            found += table_cuts(table)
    for widget in screen.query(Static):
        if not _shown(widget):
            continue
        if isinstance(widget, Label) or widget.styles.text_wrap == "nowrap":
            found += label_cuts(widget)
        text = _label_text(widget)
        # An edit form's title names its record by a subject shortened on purpose
        # (tui/captions.py, 编辑制度：投资发展部党支部「三...（2017-06-14）); the title wraps.
        if widget.has_class("dialog-title") and text.startswith("编辑"):
            continue
        if "..." in text or "…" in RULE_RANGE.sub("", text):
            found.append(f"省略号：{text}")
        drawn = (
            "\n".join(x.strip() for x in _lines_drawn(widget))
            if widget.has_class("field-error")
            else ""
        )
        if SPLIT_NUMBER.search(drawn):
            found.append(f"提示「{text}」的数字被拆成两行")
        if widget.id == "help-keys":
            found += help_cuts(widget, getattr(screen, "lines", []))
    return found
