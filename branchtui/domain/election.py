"""Counting a branch election: 换届 (ORG-4) and 补选 (ORG-7, ORG-8).

The rules are those of 《中国共产党基层组织选举工作条例》 for a general meeting (党员大会):

- only 正式党员 vote (预备党员 take part but have no vote); members the upper organization
  agreed to leave out (long illness, abroad for half a year …) are not counted as expected;
- the election is valid only when more than 4/5 of the voters expected are present
  (``Profile.election_quorum_share``);
- a renewal has more candidates than seats by at least 20 % of the seats (差额,
  ``Profile.election_margin_share``); a by-election may have as many candidates as seats;
- ballots returned may not outnumber those issued (else the vote is void and held again);
- a candidate is elected with yes-votes from more than half of the voters present; when more
  pass that mark than there are seats, the most votes win; a tie at the last seat is voted on
  again among the tied; when fewer pass it, the seats left are elected again (另行选举) or, with
  the voters' consent and when close to the number, the seats are reduced.

Each rule is one function; the wizard and the tests call the same ones.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from branchtui.domain.attendance import full_on, member_on
from branchtui.domain.profile import Profile
from branchtui.domain.records import Member


def _share(share: Fraction) -> str:
    return f"{share.numerator}/{share.denominator}"


def _percent(share: Fraction) -> str:
    return f"{float(share * 100):g}%"


def voters_on(members: Iterable[Member], day: dt.date) -> list[Member]:
    """The members with a vote on ``day``: 正式党员 of the branch then (预备党员 have none)."""
    return [m for m in members if member_on(m, day) and full_on(m, day)]


@dataclass(frozen=True)
class Quorum:
    """Voters expected and present, the fewest that make the election valid, and whether met."""

    expected: int
    present: int
    needed: int
    met: bool
    share: Fraction

    @property
    def text(self) -> str:
        """The quorum in plain Chinese, as the minutes and the wizard say it."""
        if self.expected == 0:
            return "没有有选举权的党员（正式党员），不能进行选举"
        head = f"应到会有选举权的党员{self.expected}名，实到{self.present}名"
        rule = f"应到会人数的{_share(self.share)}"
        if self.met:
            return f"{head}，超过{rule}（至少{self.needed}名），选举有效"
        return f"{head}，未超过{rule}（至少须到{self.needed}名），不能进行选举"


def election_quorum(expected: int, present: int, profile: Profile) -> Quorum:
    """ORG-4 (选举工作条例): the election is valid when the voters present are more than 4/5 of
    the voters expected (strictly more: 8 of 10 is not enough, 9 is)."""
    share = profile.election_quorum_share
    # The smallest n with n > expected × share.
    needed = math.floor(expected * share) + 1
    met = expected > 0 and present * share.denominator > expected * share.numerator
    return Quorum(expected, present, needed, met, share)


@dataclass(frozen=True)
class Margin:
    """Seats and candidates, the fewest candidates the rule allows, and whether it is met."""

    seats: int
    candidates: int
    needed: int
    ok: bool
    text: str


def candidate_margin(
    seats: int, candidates: int, profile: Profile, *, by_election: bool = False
) -> Margin:
    """ORG-4 差额选举: a renewal's candidates outnumber the seats by at least 20 % of the seats
    (5 seats → 6 candidates, 7 seats → 9); a by-election may be 等额 (as many as the seats)."""
    if seats < 1:
        return Margin(seats, candidates, 1, False, "应选人数至少为1名")
    share = profile.election_margin_share
    extra = 0 if by_election else math.ceil(seats * share)
    needed = seats + extra
    ok = candidates >= needed
    head = f"应选{seats}名，候选人{candidates}名"
    if by_election:
        text = f"{head}，补选可等额选举" if ok else f"{head}，候选人不能少于应选人数"
    elif ok:
        text = f"{head}，差额{candidates - seats}名，不少于应选人数的{_percent(share)}"
    else:
        text = (
            f"{head}：差额选举的候选人应多于应选人数的{_percent(share)}，"
            f"至少{needed}名（还差{needed - candidates}名）"
        )
    return Margin(seats, candidates, needed, ok, text)


def ballot_problems(
    issued: int | None,
    returned: int | None,
    valid: int | None,
    invalid: int | None,
    present: int,
) -> dict[str, str]:
    """Errors in the ballot count, by field: every number given, no more issued than voters
    present, no more returned than issued (else the vote is void), valid + invalid = returned."""
    out: dict[str, str] = {}
    for name, value, label in (
        ("ballots_issued", issued, "发出选票数"),
        ("ballots_returned", returned, "收回选票数"),
        ("ballots_valid", valid, "有效票数"),
        ("ballots_invalid", invalid, "无效票数"),
    ):
        if value is None:
            out[name] = f"请填写{label}"
    if issued is not None and issued > present:
        out["ballots_issued"] = f"发出选票{issued}张，多于实到会有选举权的党员{present}名"
    if issued is not None and returned is not None and returned > issued:
        out["ballots_returned"] = (
            f"收回选票{returned}张，多于发出的{issued}张：选举无效，应重新投票"
        )
    counted = returned is not None and valid is not None and invalid is not None
    if counted and valid + invalid != returned:  # type: ignore[operator]
        out["ballots_invalid"] = f"有效票{valid}张与无效票{invalid}张合计应等于收回的{returned}张"
    return out


def tally_problems(
    votes: Mapping[str, int], names: Mapping[str, str], valid: int, seats: int
) -> dict[str, str]:
    """Errors in the votes counted, by candidate id ('' for the whole count): no candidate has
    more votes than valid ballots, and no more votes were cast than valid ballots × seats."""
    out: dict[str, str] = {}
    for member_id, count in votes.items():
        if count > valid:
            out[member_id] = f"{names.get(member_id, '')}得票{count}，多于有效票{valid}张"
    total = sum(votes.values())
    if total > valid * seats:
        out[""] = f"得票合计{total}，超过有效票{valid}张×应选{seats}名，计票有误"
    return out


@dataclass(frozen=True)
class Tally:
    """One candidate's votes, and the votes of a second round among the tied (if held)."""

    member_id: str
    name: str
    votes: int
    runoff: int | None = None


@dataclass(frozen=True)
class Outcome:
    """Who is elected and why, in Chinese lines for the wizard and the minutes.

    ``tied``: candidates tied at the last seat(s), to be voted on again; while there are any,
    the election is not decided. ``shortfall``: seats left unfilled when fewer than the seats
    passed the majority.
    """

    elected: tuple[str, ...]
    majority: int
    tied: tuple[str, ...]
    runoff_places: int
    shortfall: int
    lines: tuple[str, ...]

    @property
    def decided(self) -> bool:
        return not self.tied


def _settle_tie(at: Sequence[Tally], places: int) -> tuple[list[Tally], list[Tally], bool]:
    """(won, still tied, runoff held) among ``at`` tied for ``places`` seats, by their runoff."""
    if any(t.runoff is None for t in at):
        return [], list(at), False
    ranked = sorted(at, key=lambda t: -(t.runoff or 0))
    cut = ranked[places - 1].runoff
    if ranked[places].runoff != cut:
        return ranked[:places], [], True
    won = [t for t in ranked if (t.runoff or 0) > (cut or 0)]
    return won, [t for t in ranked if t.runoff == cut], True


def election_outcome(tallies: Sequence[Tally], seats: int, present: int) -> Outcome:
    """ORG-4, ORG-7, ORG-8: elected = yes-votes from more than half of the voters present (9
    present → 5 votes; 10 present → 6, since 5 is exactly half); more such than seats → the
    most votes; a tie for the last seat → a second vote among the tied (``Tally.runoff``)."""
    majority = present // 2 + 1
    over = sorted((t for t in tallies if t.votes * 2 > present), key=lambda t: -t.votes)
    won: list[Tally] = list(over)
    tied: list[Tally] = []
    places = 0
    runoff_held = False
    if len(over) > seats:
        cutoff = over[seats - 1].votes
        above = [t for t in over if t.votes > cutoff]
        at = [t for t in over if t.votes == cutoff]
        places = seats - len(above)
        if len(at) == places:
            won = above + at
        else:
            settled, tied, runoff_held = _settle_tie(at, places)
            won = above + settled
            places -= len(settled)
    elected = {t.member_id for t in won}
    lines = [f"实到会有选举权的党员{present}名，得票超过半数（至少{majority}票）始得当选"]
    for t in sorted(tallies, key=lambda t: -t.votes):
        if t.member_id in elected:
            extra = f"，再次投票{t.runoff}票" if runoff_held and t.runoff is not None else ""
            lines.append(f"{t.name}：{t.votes}票{extra}，当选")
        elif t in tied:
            lines.append(f"{t.name}：{t.votes}票，与他人得票相等，须再次投票")
        elif t.votes * 2 > present:
            lines.append(f"{t.name}：{t.votes}票，超过半数，但应选名额已由得票多的取足，未当选")
        else:
            lines.append(f"{t.name}：{t.votes}票，未超过半数，未当选")
    if tied:
        names = "、".join(t.name for t in tied)
        again = "再次投票后仍" if runoff_held else ""
        lines.append(
            f"{names}{again}得票相等，争{places}个名额，不能确定当选人："
            "应就票数相等的候选人再次投票，得票多的当选"
        )
        return Outcome(
            tuple(t.member_id for t in won),
            majority,
            tuple(t.member_id for t in tied),
            places,
            0,
            tuple(lines),
        )
    shortfall = max(0, seats - len(won))
    if not won:
        lines.append("无人当选，应重新组织选举")
    elif shortfall:
        lines.append(
            f"当选{len(won)}名，少于应选的{seats}名：不足的{shortfall}个名额可另行选举；"
            "如接近应选名额，经半数以上选举人同意，也可减少名额，不再选举"
        )
    return Outcome(tuple(t.member_id for t in won), majority, (), 0, shortfall, tuple(lines))
