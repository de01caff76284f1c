"""Typing a file's path: completion from the folder's entries, and the text as typed turned
into a path (quotes pasted with it dropped, ``~`` expanded)."""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester


class PathSuggester(Suggester):
    """Completes a path from the entries of its folder (→ accepts the suggestion); a relative
    path is completed from ``base`` (the current folder unless given)."""

    def __init__(self, base: Path | None = None) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.base = base

    async def get_suggestion(self, value: str) -> str | None:
        folder, _, start = value.rpartition("/")
        base = Path(os.path.expanduser(folder or ".")) if folder or not value else Path(".")
        if self.base is not None and not base.is_absolute():
            base = self.base / base
        try:
            names = sorted(e.name + ("/" if e.is_dir() else "") for e in os.scandir(base))
        except OSError:
            return None
        for name in names:
            if name.startswith(start) and not name.startswith("."):
                return f"{folder}/{name}" if folder else name
        return None


def typed_path(text: str) -> Path | None:
    """The path typed (quotes pasted with it dropped, ``~`` expanded); None when empty."""
    text = text.strip().strip("'\"").strip()
    return Path(os.path.expanduser(text)) if text else None
