"""检查数据文件: doctor's findings, one per line with its level, in a dialog (Esc closes)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from branchtui.storage.doctor import ERROR, LEVEL_LABELS, OK, WARNING, Finding, has_errors
from branchtui.tui.registry.dialogs import DOCTOR_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.footer import MODAL_KEYS, BranchFooter

LEVEL_STYLES = {OK: "green", WARNING: "yellow", ERROR: "bold red"}


def findings_text(findings: list[Finding]) -> Text:
    """Each finding on its own line, its level in colour (errors first)."""
    order = {ERROR: 0, WARNING: 1, OK: 2}
    text = Text()
    for finding in sorted(findings, key=lambda f: order[f.level]):
        if text:
            text.append("\n")
        text.append(f"[{LEVEL_LABELS[finding.level]}] ", style=LEVEL_STYLES[finding.level])
        text.append(terminal_safe(finding.message))
    return text


class DoctorReport(ModalScreen[None]):
    """The findings of a check of the data folder."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys_of(DOCTOR_KEYS), *MODAL_KEYS]

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__()
        self.findings = findings

    def compose(self) -> ComposeResult:
        bad = has_errors(self.findings)
        title = "检查结果：数据文件有问题" if bad else "检查结果：数据文件完好"
        with Vertical(classes="dialog", id="doctor-box"):
            yield Static(title, classes="dialog-title", markup=False)
            with VerticalScroll(id="doctor-scroll"):
                yield Static(findings_text(self.findings), id="doctor-findings")
            yield Static("Enter 或 Esc 关闭", classes="hint")
        yield BranchFooter()
