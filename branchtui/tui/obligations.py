"""Computing the duties at a date off the UI thread, for the dashboard and the area menus."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from textual.message import Message

from branchtui.domain.obligations import Obligation
from branchtui.domain.records import BranchData
from branchtui.storage.folder_obligations import obligations_for_folder


@dataclass
class Computed:
    """The engine's result at ``on``; ``problem`` is a Chinese line to show once, if any."""

    on: dt.date
    obligations: list[Obligation] = field(default_factory=list)
    estimated: bool = False
    problem: str = ""


def compute_obligations(folder: Path, data: BranchData, on: dt.date) -> Computed:
    """The obligations at ``on``, as `branchtui todo` computes them; never raises (a faulty
    rule must not close the secretary's session: it becomes the problem line)."""
    try:
        result = obligations_for_folder(folder, data, on)
    except Exception as error:
        message = f"计算待办事项时出错（{type(error).__name__}），请运行 branchtui doctor 检查"
        return Computed(on, problem=message)
    return Computed(on, result.obligations, result.estimated, result.problem)


class ObligationsComputed(Message):
    """A worker's result for request number ``request``."""

    def __init__(self, request: int, result: Computed) -> None:
        super().__init__()
        self.request = request
        self.result = result
