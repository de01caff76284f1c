"""录入错误: erase a member entered by mistake, and what was recorded about them, as if never entered.

Removing a member for a real reason (转出, 去世 …) keeps the record as history. A roster entry
made in error is different: it, and every obligation it raised, must go. What happens to the
records that point at the member (domain.deletion decides, one rule for every delete):

- a record that exists only for this member (a required ``member_id``: dues payments and rates,
  党员证, discipline and lost-contact cases, hardship cases, trips abroad) is deleted, and so,
  in turn, is whatever exists only for a deleted record;
- a ledger entry filing a deleted record is deleted with it (SYS-3: it exists only to file it);
- a row inside a record that exists only for the member (an attendance row, an appraisal result,
  a 组织生活会 self-examination) is taken out of its list;
- an optional pointer (a group's leader, a seat's holder, a meeting's host or recorder, a
  lecturer, a talk's member or talker, a transfer's member, a plan item's owner …) is cleared:
  the record stays, without the person, and the rules treat it as not filled in (a group
  without a leader, a seat without a holder);
- the member's id is taken out of every list of ids (participants, tellers, contacts …).

No reference to an erased record is left behind (``storage.references.dangling_references``
finds none), so nothing that resolves ids can fail on it. The rule is domain.deletion's, the same
for every delete.
"""

from __future__ import annotations

from branchtui.domain.changes import RecordChanges
from branchtui.domain.deletion import deletion, deletion_summary
from branchtui.domain.records import BranchData

ENTRY_ERROR = "entry_error"
ENTRY_ERROR_LABEL = "录入错误"


def erase_member(data: BranchData, member_id: str) -> RecordChanges:
    """The member deleted with everything that exists only for them; other records scrubbed.
    (Nothing rests on a member as domain.deletion's refusals go: erasing one is never refused.)"""
    return erase_record(data, "members", member_id)


def erase_record(data: BranchData, table: str, record_id: str) -> RecordChanges:
    """A record of any table deleted (a register entry made by mistake) with everything that
    exists only for it; every other pointer to it cleared, as for a member. Empty when the
    delete is refused (domain.deletion says why)."""
    return deletion(data, [(table, record_id)]).changes


def erasure_summary(changes: RecordChanges) -> str:
    """What an erasure deletes and changes, in Chinese, for the confirmation and the notice."""
    return deletion_summary(changes)
