"""附件 / 照片 (SYS-3): which records each attachment is used by, in the words of the ledger, so
that the secretary sees what a file belongs to before deleting one added by mistake."""

from __future__ import annotations

from branchtui.domain.dates import format_date
from branchtui.domain.meetings.titles import minutes_caption
from branchtui.domain.records import Attachment, BranchData, LedgerEntry, Meeting, SystemDoc
from branchtui.domain.reference_index import ReferenceIndex, collector, referring


def attachment_uses(data: BranchData) -> dict[str, list[str]]:
    """Per attachment id: each record naming it, as ``会议：2026年5月20日 支部委员会会议《…》``,
    ``制度：《…》`` or ``台帐：…`` (a kind without a caption of its own: its label and date)."""
    index = ReferenceIndex(data)
    ids = [(a.id, Attachment.TABLE) for a in data.attachments]
    uses: dict[str, list[str]] = {a.id: [] for a in data.attachments}
    for table in referring(frozenset({Attachment.TABLE})):
        records = data.records(table)
        for position in sorted(index.positions(table, ids)):
            record = records[position]
            named = _attachment_ids(record)
            for attachment_id in uses:
                if attachment_id in named:
                    uses[attachment_id].append(_caption(record))
    return uses


def _attachment_ids(record: object) -> set[str]:
    """The ids held by the record's pointers into attachments (photos, scans, a system's text)."""
    collect, _ = collector(type(record), frozenset({Attachment.TABLE}))
    found: list[object] = []
    collect(record, found)
    return {value for value in found if isinstance(value, str)}


def _caption(record: object) -> str:
    if isinstance(record, Meeting):
        return f"会议：{minutes_caption(record)}"
    if isinstance(record, SystemDoc):
        return f"制度：《{record.title}》"
    if isinstance(record, LedgerEntry):
        return f"台帐：{record.title}"
    label = getattr(record, "LABEL", "") or "记录"
    day = getattr(record, "date", None)
    return f"{label}：{format_date(day)}" if day else label
