"""The base of every stored record: our own id and a revision for conflict checks."""

import uuid
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Self

from branchtui.domain.codec import decode, encode
from branchtui.domain.fields import Spec


def new_id() -> str:
    """A fresh record id (never TinyDB's doc id, which is reused after deletes)."""
    return uuid.uuid4().hex


RecordId = Annotated[str, Spec("编号", doc="程序生成，导入时原样保留", min_length=1)]


@dataclass(kw_only=True, slots=True)
class Record:
    """A record kept in one table of the data file.

    ``id`` is ours and stable; ``rev`` grows by one on every saved change, so an
    edit of a record that someone else changed since it was opened is a conflict.
    """

    TABLE: ClassVar[str] = ""
    LABEL: ClassVar[str] = ""

    id: RecordId = field(default_factory=new_id)
    rev: Annotated[int, Spec("修改次数", doc="每保存一次加 1，用于发现多人同时修改", ge=0)] = 0

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return decode(cls, data)
