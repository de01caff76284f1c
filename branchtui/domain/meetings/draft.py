"""A meeting wizard's unfinished work (草稿), kept after every step so nothing is lost when an
SSH session drops; storage.drafts writes and reads it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from branchtui.domain.codec import decode, encode
from branchtui.domain.records import Appraisal, Attachment, Meeting


@dataclass(kw_only=True)
class MeetingDraft:
    """What a wizard needs to carry on: the record being made (or amended), the appraisal and
    attachments that go with it, the step reached, the amendment reason, and the wizard's own
    fields (``state``, JSON types only)."""

    key: str
    meeting: Meeting
    step: int = 0
    appraisal: Appraisal | None = None
    attachments: list[Attachment] = field(default_factory=list)
    reason: str = ""
    state: dict[str, Any] = field(default_factory=dict)
    saved_at: str = ""  # ISO date and time of the last save, set by storage

    def to_dict(self) -> dict[str, Any]:
        return encode(self)

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> MeetingDraft:
        return decode(cls, doc)
