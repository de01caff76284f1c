"""The 票决 of a 支部党员大会 typed from its record (NAT-1): those present with a vote and the
yes, no and abstain votes, each a small number box on one form row."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Input, Static

from branchtui.domain.records import CandidateVote

TALLY = (("present", "实到"), ("yes", "赞成"), ("no", "反对"), ("abstain", "弃权"))
FIELDS = {f"field-{name}" for name, _ in TALLY}


def tally_widgets(vote: CandidateVote | None) -> Iterable[Widget]:
    """The labels and boxes of a form row (``#field-present`` … ``#field-abstain``)."""
    for name, label in TALLY:
        value = getattr(vote, name) if vote is not None else None
        yield Static(label, classes="tally-label")
        yield Input(
            "" if value is None else str(value), id=f"field-{name}", compact=True, classes="tally"
        )


def read_tally(boxes: dict[str, Input]) -> tuple[CandidateVote | None, str]:
    """The vote typed (None until 实到 and 赞成 are given) and what is wrong with it ('')."""
    numbers: dict[str, int | None] = {}
    for name, _ in TALLY:
        text = boxes[name].value.strip()
        if not text:
            numbers[name] = None
        elif not text.isdigit():
            return None, "请填写人数或票数（整数）"
        else:
            numbers[name] = int(text)
    present, yes = numbers["present"], numbers["yes"]
    if present is None or yes is None:
        return None, ""
    return CandidateVote(
        present=present, yes=yes, no=numbers["no"] or 0, abstain=numbers["abstain"] or 0
    ), ""


def fill_tally(boxes: dict[str, Input], vote: CandidateVote) -> None:
    """Fill the empty boxes from a vote on file (a meeting's record of the same day)."""
    for name, _ in TALLY:
        if not boxes[name].value:
            boxes[name].value = str(getattr(vote, name))
