"""Obligations (待办): what they are, the rule catalogue, and the engine that judges them.

``obligations_on(data, on)`` (in ``engine``, which imports every rule module by name) lists
every obligation at a date. The engine loads on first use: showing obligations already
computed (the dashboard's first frame) needs only the types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from branchtui.domain.obligations.base import STATUS_LABELS, STATUSES, Obligation
from branchtui.domain.obligations.catalogue import CATALOGUE, RULE_IDS

if TYPE_CHECKING:
    from branchtui.domain.obligations.engine import obligations_on, unjudged_rules

_ENGINE = frozenset({"obligations_on", "unjudged_rules"})


def __getattr__(name: str) -> Any:
    if name in _ENGINE:
        from branchtui.domain.obligations import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CATALOGUE",
    "RULE_IDS",
    "STATUSES",
    "STATUS_LABELS",
    "Obligation",
    "obligations_on",
    "unjudged_rules",
]
