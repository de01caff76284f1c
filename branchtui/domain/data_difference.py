"""What replacing the branch's data with another copy of it would undo, in Chinese.

Before a restore from a backup (or an import of a bundle) the secretary is told what she would
lose: the records added since that copy (they disappear), the records changed since (they go
back to the old content) and the records deleted since (they come back). Records are matched by
their own ``id``; a changed one has another ``rev``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from branchtui.domain.records import TABLES, BranchData

# At most this many tables are named in a line; the rest are counted together.
SHOWN_TABLES = 4


@dataclass(frozen=True)
class DataDifference:
    """Per table label, how many records a replacement would take away, undo or bring back."""

    added: dict[str, int] = field(default_factory=dict)  # in the current data only
    changed: dict[str, int] = field(default_factory=dict)  # in both, with another rev
    deleted: dict[str, int] = field(default_factory=dict)  # in the other copy only
    branch_changed: bool = False

    @property
    def same(self) -> bool:
        return not (self.added or self.changed or self.deleted or self.branch_changed)


def data_difference(current: BranchData, other: BranchData) -> DataDifference:
    """How ``other`` differs from ``current``, seen from the current data."""
    added: dict[str, int] = {}
    changed: dict[str, int] = {}
    deleted: dict[str, int] = {}
    for name, cls in TABLES.items():
        now = {r.id: r.rev for r in current.tables.get(name, [])}
        then = {r.id: r.rev for r in other.tables.get(name, [])}
        counts = (
            (added, sum(1 for i in now if i not in then)),
            (changed, sum(1 for i, rev in now.items() if i in then and then[i] != rev)),
            (deleted, sum(1 for i in then if i not in now)),
        )
        for into, count in counts:
            if count:
                into[cls.LABEL] = into.get(cls.LABEL, 0) + count
    return DataDifference(
        added=added,
        changed=changed,
        deleted=deleted,
        branch_changed=current.branch != other.branch,
    )


def counts_text(counts: dict[str, int]) -> str:
    """``党员 2 条、会议 3 条``: in the order of the tables (members first), at most
    SHOWN_TABLES named and the rest counted together."""
    ordered = list(counts.items())
    parts = [f"{label} {n} 条" for label, n in ordered[:SHOWN_TABLES]]
    rest = sum(n for _, n in ordered[SHOWN_TABLES:])
    if rest:
        parts.append(f"其他 {rest} 条")
    return "、".join(parts)


# How each part of a difference is said: replacing by an older copy (a backup), or by a bundle.
PHRASES = {
    "restore": (
        "此后新增的记录将消失",
        "此后修改的记录将回到旧内容",
        "此后删除的记录将回来",
        "支部信息将回到旧内容",
    ),
    "import": (
        "数据包中没有的记录将消失",
        "内容不同的记录将改为数据包中的",
        "数据包中多出的记录将加入",
        "支部信息将改为数据包中的",
    ),
}


def undone_lines(difference: DataDifference, by: str = "restore") -> list[str]:
    """The lines naming what replacing the data by the other copy undoes (empty: nothing);
    ``by`` is "restore" (the other copy is a backup) or "import" (a bundle)."""
    gone, undone, back, branch = PHRASES[by]
    lines = []
    if difference.added:
        lines.append(f"{gone}：{counts_text(difference.added)}")
    if difference.changed:
        lines.append(f"{undone}：{counts_text(difference.changed)}")
    if difference.deleted:
        lines.append(f"{back}：{counts_text(difference.deleted)}")
    if difference.branch_changed:
        lines.append(branch)
    return lines


def record_counts(data: BranchData) -> dict[str, int]:
    """How many records of each kind ``data`` holds (kinds with none left out)."""
    counts: dict[str, int] = {}
    for name, cls in TABLES.items():
        n = len(data.tables.get(name, []))
        if n:
            counts[cls.LABEL] = counts.get(cls.LABEL, 0) + n
    return counts
