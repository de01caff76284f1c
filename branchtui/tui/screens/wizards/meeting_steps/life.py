"""Step 5 of a 组织生活会 (LIFE-6): form and theme, last year's rectification reported, each
member's 对照检查 with the named criticism received and the 表态, the upper committee's
representative and comment, and the rectification list (问题/措施/责任人/时限)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList, Static

from branchtui.domain.dates import format_date
from branchtui.domain.meetings.roll import roll_of
from branchtui.domain.records.meeting_parts import (
    LIFE_MEETING_FORMS,
    Criticism,
    LifeMeeting,
    Rectification,
    SelfExamination,
)
from branchtui.tui.registry.life import LIFE_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.screens.wizards.form_dialog import FormDialog, Values
from branchtui.tui.screens.wizards.meeting_steps.base import MeetingStep, done_check, values_of
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.field_group import FieldGroup, FieldSpec
from branchtui.tui.widgets.record_list import RecordList

PART = (
    FieldSpec("form", "召开形式", "choice", tuple(LIFE_MEETING_FORMS.items())),
    FieldSpec("theme", "会议主题"),
    FieldSpec("last_rectification", "上年度整改", "long", hint="通报上年度查摆问题整改落实情况"),
    FieldSpec("upper_delegate", "上级指导人员"),
    FieldSpec("upper_delegate_post", "指导人员职务"),
    FieldSpec("upper_comment", "上级点评", "long"),
)
EXAMINATION = (
    FieldSpec("text", "对照检查", "long", hint="本人对照检查发言摘要"),
    FieldSpec("response", "表态发言", "long"),
)
CRITICISM = (
    FieldSpec("critic_id", "提出批评的人", "member"),
    FieldSpec("critic_name", "外来人员姓名", hint="不是本支部党员时填写"),
    FieldSpec("text", "批评意见", "long", required=True, hint="点名道姓，具体问题"),
)
RECTIFICATION = (
    FieldSpec("problem", "存在问题", required=True),
    FieldSpec("measure", "整改措施", "long"),
    FieldSpec("owner_id", "责任人", "member"),
    FieldSpec("due", "整改时限", "date"),
    # A trackable item: LIFE-6 warns of one past its deadline until it is marked done.
    FieldSpec("done", "完成日期", "date", placeholder="整改完成后填写"),
)


def _short(text: str, width: int = 26) -> str:
    text = " ".join(text.split())
    return terminal_safe(text if len(text) <= width else text[: width - 1] + "…")


class LifeMeetingStep(MeetingStep):
    """对照检查、相互批评、整改清单."""

    STEP_ID = "life"
    TITLE = "组织生活会：对照检查、相互批评、整改清单"
    SHORT = "批评整改"
    BINDINGS: ClassVar[list[BindingType]] = keys_of(LIFE_KEYS)

    @classmethod
    def applies_to(cls, kinds: Iterable[str]) -> bool:
        return "life_meeting" in kinds

    def compose(self) -> ComposeResult:
        part = self.meeting.life_meeting or LifeMeeting()
        with VerticalScroll():
            yield Static("对照检查和相互批评（e 对照检查，c 批评意见）", classes="section-title")
            yield RecordList("（出席的党员将列在这里）", id="examination-list")
            yield Static("整改清单（r 添加）", classes="section-title")
            yield RecordList("（尚无整改事项，按 r 添加）", id="rectification-list")
            yield Static("会议情况", classes="section-title")
            yield FieldGroup(
                PART,
                values_of(part, (s.name for s in PART)),
                today=self.today,
                prefix="life",
                id="life-form",
            )

    @property
    def part(self) -> LifeMeeting:
        if self.meeting.life_meeting is None:
            self.meeting.life_meeting = LifeMeeting()
        return self.meeting.life_meeting

    def first_focus(self) -> Widget:
        return self.query_one("#examination-list")

    def on_mount(self) -> None:
        self.load()

    def load(self) -> None:
        self._draw()

    def _examinees(self) -> list[str]:
        """Who examines themselves: everyone present, then anyone already recorded."""
        ids = [e.member_id for e in roll_of(self.meeting, self.data) if e.status == "present"]
        ids += [x.member_id for x in self.part.examinations if x.member_id not in ids]
        return ids

    def _examination(self, member_id: str, create: bool = False) -> SelfExamination | None:
        for x in self.part.examinations:
            if x.member_id == member_id:
                return x
        if not create:
            return None
        found = SelfExamination(member_id=member_id)
        self.part.examinations.append(found)
        return found

    def _draw(self) -> None:
        lines = []
        for member_id in self._examinees():
            x = self._examination(member_id)
            said = "已记录对照检查" if x and x.text else "未记录对照检查"
            count = len(x.criticisms) if x else 0
            answer = "，已表态" if x and x.response else ""
            lines.append(
                (
                    f"x:{member_id}",
                    f"{self.person_name(member_id)}：{said}，批评意见{count}条{answer}",
                )
            )
            for j, c in enumerate(x.criticisms if x else []):
                who = self.person_name(c.critic_id, c.critic_name) or "（未指定）"
                lines.append((f"x:{member_id}:{j}", f"    {who}：{_short(c.text)}"))
        self.query_one("#examination-list", RecordList).show(lines)
        rows = []
        for i, r in enumerate(self.part.rectifications):
            extra = [self.person_name(r.owner_id)] if r.owner_id else []
            extra += [format_date(r.due)] if r.due else []
            extra += [f"{format_date(r.done)}完成"] if r.done else []
            tail = f"（{'，'.join(extra)}）" if extra else ""
            rows.append((f"r{i}", f"{i + 1}. {_short(r.problem, 30)}{tail}"))
        self.query_one("#rectification-list", RecordList).show(rows)

    def store(self) -> dict[str, str]:
        values, errors = self.query_one("#life-form", FieldGroup).read()
        part = self.part
        for name, value in values.items():
            setattr(part, name, value if value is not None else "")
        self.meeting.criticism = any(x.criticisms for x in part.examinations)
        return {f"life_meeting.{k}": v for k, v in errors.items()}

    # Keys ---------------------------------------------------------------------------

    def _current(self) -> str:
        focused = self.app.focused
        listing = focused if isinstance(focused, RecordList) else None
        return (listing.current_id or "") if listing is not None else ""

    def _person(self) -> str | None:
        current = self._current()
        if current.startswith("x:"):
            return current.split(":")[1]
        people = self._examinees()
        return people[0] if people else None

    def action_examine(self) -> None:
        member_id = self._person()
        if member_id is None:
            self.notify("出席名单中没有党员", timeout=4)
            return
        x = self._examination(member_id, create=True)
        assert x is not None

        def done(values: Values | None) -> None:
            if values is not None:
                x.text, x.response = values["text"], values["response"]
                self._draw()
                self.changed()

        values = {"text": x.text, "response": x.response}
        self.app.push_screen(
            FormDialog(
                f"{self.person_name(member_id)}的对照检查", EXAMINATION, values, today=self.today
            ),
            done,
        )

    def action_criticize(self, index: int | None = None) -> None:
        member_id = self._person()
        if member_id is None:
            return
        x = self._examination(member_id, create=True)
        assert x is not None
        item = x.criticisms[index] if index is not None else Criticism(text="")

        def check(values: Values) -> dict[str, str]:
            if not values["critic_id"] and not values["critic_name"]:
                return {"critic_id": "请写明提出批评的人（点名道姓）"}
            return {}

        def done(values: Values | None) -> None:
            if values is None:
                return
            item.critic_id = values["critic_id"]
            item.critic_name = "" if values["critic_id"] else values["critic_name"]
            item.text = values["text"]
            if index is None:
                x.criticisms.append(item)
            self.meeting.criticism = True
            self._draw()
            self.changed()

        others = [m for m in self.people() if m.id != member_id]
        values = {"critic_id": item.critic_id, "critic_name": item.critic_name, "text": item.text}
        self.app.push_screen(
            FormDialog(
                f"对{self.person_name(member_id)}的批评意见",
                CRITICISM,
                values,
                today=self.today,
                people=lambda: others,
                describe=self.describe,
                check=check,
            ),
            done,
        )

    def action_rectify(self, index: int | None = None) -> None:
        items = self.part.rectifications
        item = items[index] if index is not None else Rectification(problem="")

        def done(values: Values | None) -> None:
            if values is None:
                return
            item.problem, item.measure = values["problem"], values["measure"]
            item.owner_id, item.due = values["owner_id"], values["due"]
            item.done = values["done"]
            if index is None:
                items.append(item)
            self._draw()
            self.changed()

        values = values_of(item, (s.name for s in RECTIFICATION))
        self.app.push_screen(
            FormDialog(
                "整改事项",
                RECTIFICATION,
                values,
                today=self.today,
                people=self.people,
                describe=self.describe,
                check=done_check(self.today, "整改完成日期"),
            ),
            done,
        )

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        current = event.option.id or ""
        if current.startswith("r"):
            self.action_rectify(int(current[1:]))
        elif current.count(":") == 2:
            self.action_criticize(int(current.split(":")[2]))
        else:
            self.action_examine()

    def action_remove(self) -> None:
        current = self._current()
        if current.startswith("r"):
            del self.part.rectifications[int(current[1:])]
        elif current.count(":") == 2:
            _x, member_id, j = current.split(":")
            x = self._examination(member_id)
            if x is not None:
                del x.criticisms[int(j)]
        else:
            return
        self.meeting.criticism = any(x.criticisms for x in self.part.examinations)
        self._draw()
        self.changed()

    def show_errors(self, errors: dict[str, str]) -> None:
        own = {p.split(".")[1]: m for p, m in errors.items() if p.count(".") == 1}
        self.query_one("#life-form", FieldGroup).show_errors(own)
        deep = [m for p, m in errors.items() if p.count(".") > 1]
        if deep:
            self.notify("；".join(deep[:3]), title="组织生活会", severity="warning")

    def focus_path(self, path: str) -> bool:
        if "examinations" in path:
            self.query_one("#examination-list").focus()
            return True
        if "rectifications" in path:
            self.query_one("#rectification-list").focus()
            return True
        name = path.split(".")[1] if "." in path else "theme"
        return self.query_one("#life-form", FieldGroup).focus_field(name)
