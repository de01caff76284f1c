"""A character typed into a text field repaints the field, not the layout of the whole screen.

Textual 8.2.8's Input sets its ``virtual_size`` (the width of its text, for scrolling) on every
change, and ``Widget.virtual_size`` is a reactive that lays the whole screen out again. An Input
has no scrollbars and its size does not follow its text (where it does, ``width: auto``, Input
asks for the layout itself), so a repaint is enough: a form of twenty rows is not laid out again
for each character typed or pasted into it (most of the CPU time typing took).
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input


def repaint_inputs_only() -> None:
    """Make Input's ``virtual_size`` repaint without a layout (once; Input's subclasses too)."""
    if Input.__dict__.get("virtual_size") is not None:
        return
    inherited = Widget.__dict__["virtual_size"]
    assert isinstance(inherited, Reactive) and inherited._layout
    repaint_only: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    repaint_only.__set_name__(Input, "virtual_size")
    Input.virtual_size = repaint_only
