"""The base of every stored record: our own id and a revision for conflict checks."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

from branchtui.domain.codec import decode, encode


def new_id() -> str:
    """A fresh record id (never TinyDB's doc id, which is reused after deletes)."""
    return uuid.uuid4().hex


@dataclass(kw_only=True)
class Record:
    """A record kept in one table of the data file.

    ``id`` is ours and stable; ``rev`` grows by one on every saved change, so an
    edit of a record that someone else changed since it was opened is a conflict.
    """

    TABLE: ClassVar[str] = ""
    LABEL: ClassVar[str] = ""

    id: str = field(default_factory=new_id)
    rev: int = 0

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return decode(cls, data)
