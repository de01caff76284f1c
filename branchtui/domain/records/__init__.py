"""Every record type of GLOSSARY.md, the table each lives in, and a whole branch's data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from branchtui.domain.records.base import Record, new_id
from branchtui.domain.records.branch import (
    Branch,
    CommitteeSeat,
    Election,
    ElectionCandidate,
    RecordsGap,
    Term,
    Vacancy,
    Venue,
)
from branchtui.domain.records.care import Announcement, Fluctuation, HardshipCase, Talk
from branchtui.domain.records.development import (
    Candidate,
    CandidateEvent,
    CandidateVote,
    DevelopmentRegisterUpdate,
)
from branchtui.domain.records.education import (
    Activity,
    CaseStep,
    CertificateCard,
    DisciplineCase,
    DuesPayment,
    DuesRate,
    LostContact,
    StudySession,
    WorkAssignment,
)
from branchtui.domain.records.ledgers import (
    Attachment,
    FundEntry,
    Inspection,
    LedgerEntry,
    MonthlyReport,
    PlanItem,
    PracticeNote,
    SystemDoc,
    WorkPlan,
    YearAssessment,
)
from branchtui.domain.records.meeting_parts import (
    AgendaItem,
    Amendment,
    Criticism,
    Decision,
    Lecture,
    LifeMeeting,
    Observer,
    Rectification,
    SelfExamination,
    Speech,
    ThemeDay,
)
from branchtui.domain.records.meetings import (
    Appraisal,
    AppraisalResult,
    Attendance,
    Meeting,
    Vote,
)
from branchtui.domain.records.people import Member, PartyGroup
from branchtui.domain.records.relations import (
    FlowingMember,
    MembershipRestoration,
    Transfer,
    TravelAbroad,
)

# Every list table, by its name in the data file and the bundle, in bundle order.
RECORD_TYPES: tuple[type[Record], ...] = (
    Member,
    PartyGroup,
    Term,
    CommitteeSeat,
    Vacancy,
    Election,
    Meeting,
    Appraisal,
    Transfer,
    TravelAbroad,
    FlowingMember,
    MembershipRestoration,
    StudySession,
    Activity,
    DuesRate,
    DuesPayment,
    CertificateCard,
    DisciplineCase,
    LostContact,
    WorkAssignment,
    Candidate,
    DevelopmentRegisterUpdate,
    Talk,
    Fluctuation,
    HardshipCase,
    Announcement,
    SystemDoc,
    WorkPlan,
    LedgerEntry,
    Attachment,
    Venue,
    FundEntry,
    Inspection,
    MonthlyReport,
    YearAssessment,
    PracticeNote,
    RecordsGap,
)
TABLES: dict[str, type[Record]] = {cls.TABLE: cls for cls in RECORD_TYPES}
TABLE_OF: dict[type[Record], str] = {cls: cls.TABLE for cls in RECORD_TYPES}


@dataclass
class BranchData:
    """A snapshot of one branch's whole data: what domain functions read."""

    branch: Branch | None = None
    tables: dict[str, list[Any]] = field(default_factory=lambda: {t: [] for t in TABLES})

    def __getattr__(self, name: str) -> list[Any]:
        # data.members, data.meetings … read as the table of that name.
        tables = self.__dict__.get("tables")
        if tables is not None and name in tables:
            return tables[name]
        raise AttributeError(name)

    def records(self, table: str) -> list[Any]:
        return self.tables[table]

    def by_id(self, table: str) -> dict[str, Any]:
        return {r.id: r for r in self.tables[table]}

    def find(self, table: str, record_id: str | None) -> Any | None:
        if record_id is None:
            return None
        for record in self.tables[table]:
            if record.id == record_id:
                return record
        return None

    @property
    def active_members(self) -> list[Member]:
        return [m for m in self.tables["members"] if m.removed is None]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types: {"branch": {...} | None, "<table>": [ ... ], …}."""
        out: dict[str, Any] = {"branch": self.branch.to_dict() if self.branch else None}
        for name, records in self.tables.items():
            out[name] = [r.to_dict() for r in records]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BranchData:
        branch_doc = data.get("branch")
        tables = {
            name: [rtype.from_dict(doc) for doc in data.get(name) or []]
            for name, rtype in TABLES.items()
        }
        return cls(branch=Branch.from_dict(branch_doc) if branch_doc else None, tables=tables)


__all__ = [
    "RECORD_TYPES",
    "TABLES",
    "TABLE_OF",
    "Activity",
    "AgendaItem",
    "Amendment",
    "Announcement",
    "Appraisal",
    "AppraisalResult",
    "Attachment",
    "Attendance",
    "Branch",
    "BranchData",
    "Candidate",
    "CandidateEvent",
    "CandidateVote",
    "CaseStep",
    "CertificateCard",
    "CommitteeSeat",
    "Criticism",
    "Decision",
    "DevelopmentRegisterUpdate",
    "DisciplineCase",
    "DuesPayment",
    "DuesRate",
    "Election",
    "ElectionCandidate",
    "FlowingMember",
    "Fluctuation",
    "FundEntry",
    "HardshipCase",
    "Inspection",
    "Lecture",
    "LedgerEntry",
    "LifeMeeting",
    "LostContact",
    "Meeting",
    "Member",
    "MembershipRestoration",
    "MonthlyReport",
    "Observer",
    "PartyGroup",
    "PlanItem",
    "PracticeNote",
    "Record",
    "RecordsGap",
    "Rectification",
    "SelfExamination",
    "Speech",
    "StudySession",
    "SystemDoc",
    "Talk",
    "Term",
    "ThemeDay",
    "TravelAbroad",
    "Vacancy",
    "Venue",
    "Vote",
    "WorkAssignment",
    "WorkPlan",
    "YearAssessment",
    "new_id",
]
