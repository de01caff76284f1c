"""Step 3: topics and content. 议题 with their notes and speeches attributed by name; the
meeting's theme and summary; a 党课's lecturer, title, audience and summary (LIFE-4, also when
given at another meeting); a 主题党日's theme, form, the nine content types and the 规定动作
(LIFE-5); study hours, counted into EDU-1's days."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList, Static

from branchtui.domain.fields import spec_of
from branchtui.domain.meetings.roll import headcount, post_of
from branchtui.domain.meetings.theme_day import minutes_of
from branchtui.domain.records import AgendaItem, Meeting
from branchtui.domain.records.meeting_parts import (
    ACTIVITY_FORMS,
    THEME_DAY_ACTIONS,
    Lecture,
    Speech,
    ThemeDay,
)
from branchtui.domain.records.meetings import THEME_DAY_CONTENT
from branchtui.tui.registry.life import AGENDA_KEYS
from branchtui.tui.registry.spec import keys_of
from branchtui.tui.screens.wizards.form_dialog import FormDialog, Values
from branchtui.tui.screens.wizards.meeting_steps.base import MeetingStep, values_of
from branchtui.tui.text import terminal_safe
from branchtui.tui.widgets.field_group import FieldGroup, FieldSpec, focusable_in
from branchtui.tui.widgets.record_list import RecordList

AGENDA_KINDS = {"general_meeting", "committee_meeting", "group_meeting"}
NO_STUDY = {"committee_meeting"}
SUMMARY = (
    FieldSpec("topic", "会议主题", max_length=spec_of(Meeting, "topic").max_length),
    FieldSpec("content", "内容摘要", "long"),
    FieldSpec("study_hours", "学习时长", "number", hint="小时；计入全年集中学习天数（EDU-1）"),
)
LECTURE = (
    FieldSpec("lecturer_id", "授课人", "member"),
    FieldSpec("lecturer_name", "外来授课人", hint="授课人不是本支部党员时填写姓名"),
    FieldSpec("lecturer_post", "授课人职务"),
    FieldSpec("title", "党课题目"),
    FieldSpec("audience", "授课对象", placeholder="如 全体党员、入党积极分子"),
    FieldSpec("listeners", "听课人数", "int"),
    FieldSpec("duration_minutes", "时长（分钟）", "int"),
    FieldSpec("form", "授课形式", "choice", tuple(ACTIVITY_FORMS.items())),
    FieldSpec("summary", "内容提要", "long"),
)
THEME = (
    FieldSpec("theme", "活动主题"),
    FieldSpec("form", "活动形式", "choice", tuple(ACTIVITY_FORMS.items())),
    FieldSpec("content_types", "内容类型", "multi", tuple((c, c) for c in THEME_DAY_CONTENT)),
    FieldSpec("required_actions", "规定动作", "multi", tuple(THEME_DAY_ACTIONS.items())),
    FieldSpec("optional_actions", "自选动作", hint="多项用顿号「、」分隔"),
    FieldSpec("activist_ids", "积极分子", "members", hint="参加活动的入党积极分子、发展对象"),
    FieldSpec("public_count", "参加群众人数", "int"),
    FieldSpec("public_note", "群众参加情况"),
)
AGENDA_FORM = (
    FieldSpec("title", "议题", required=True, max_length=spec_of(AgendaItem, "title").max_length),
    FieldSpec("notes", "讨论情况", "long"),
)
SPEECH_FORM = (
    FieldSpec("member_id", "发言人", "member"),
    FieldSpec("name", "外来发言人", hint="发言人不是本支部党员时填写姓名"),
    FieldSpec("text", "发言内容", "long", required=True),
)


def _short(text: str, width: int = 30) -> str:
    text = " ".join(text.split())
    return terminal_safe(text if len(text) <= width else text[: width - 1] + "…")


class TopicsStep(MeetingStep):
    """议题、内容、党课、主题党日."""

    STEP_ID = "topics"
    TITLE = "议题和内容"
    SHORT = "议题内容"
    BINDINGS: ClassVar[list[BindingType]] = keys_of(AGENDA_KEYS)

    def compose(self) -> ComposeResult:
        m = self.meeting
        common: dict[str, Any] = {
            "today": self.today,
            "people": self.people,
            "describe": self.describe,
        }
        with VerticalScroll(id="topics-scroll"):
            yield Static("党课", classes="section-title", id="lecture-title")
            yield FieldGroup(
                LECTURE,
                values_of(m.lecture or Lecture(), (s.name for s in LECTURE)),
                prefix="lecture",
                id="lecture-form",
                **common,
            )
            yield Static("主题党日", classes="section-title", id="theme-title")
            theme = m.theme_day or ThemeDay()
            values = values_of(theme, (s.name for s in THEME))
            values["optional_actions"] = "、".join(theme.optional_actions)
            # 入党积极分子 and 发展对象 come from the development register, not the roster.
            specs = [replace(f, people=self.activists) if f.kind == "members" else f for f in THEME]
            yield FieldGroup(specs, values, prefix="theme_day", id="theme-form", **common)
            yield FieldGroup(
                SUMMARY,
                values_of(m, ("topic", "content", "study_hours")),
                prefix="summary",
                id="summary-form",
                **common,
            )
            yield Static("议题（a 添加，s 记录发言，Enter 修改）", classes="section-title")
            yield RecordList("（尚无议题，按 a 添加）", id="agenda-list")

    def on_mount(self) -> None:
        self.load()

    def activists(self) -> list[Any]:
        """Who may join a 主题党日 besides the members (LIFE-5): activists and targets."""
        return [c for c in self.data.candidates if c.stage in ("activist", "target")]

    @property
    def agenda_list(self) -> RecordList:
        return self.query_one("#agenda-list", RecordList)

    def _form(self, name: str) -> FieldGroup:
        return self.query_one(f"#{name}-form", FieldGroup)

    def first_focus(self) -> Widget:
        # The first field shown (授课人, 活动主题 or 会议主题), as on every step; the agenda's
        # keys (a, s, e) work once the cursor is on the list below (Enter or Tab).
        shown = focusable_in(self.query_one("#topics-scroll"))
        return shown[0] if shown else self.agenda_list

    def load(self) -> None:
        kinds = set(self.meeting.kinds)
        lecture = "party_lecture" in kinds
        theme = "theme_day" in kinds
        for part, shown in (("lecture", lecture), ("theme", theme)):
            self.query_one(f"#{part}-title").display = shown
            self._form(part).display = shown
        given = self.meeting.lecture
        if lecture and (given is None or (not self.work.amending and given.listeners is None)):
            self._lecture_defaults()  # a new lecture (its lecturer may be prefilled, LIFE-4)
        summary = self._form("summary")
        summary.row("content").display = not kinds <= AGENDA_KINDS
        summary.row("study_hours").display = not kinds <= NO_STUDY
        self._draw_agenda()

    def _lecture_defaults(self) -> None:
        """A new lecture: heard by those present, for as long as the meeting (still editable)."""
        form = self._form("lecture")
        values, _errors = form.read()
        fill: dict[str, Any] = {}
        if values["listeners"] is None:
            fill["listeners"] = headcount(self.meeting, self.data).present
        if values["duration_minutes"] is None:
            fill["duration_minutes"] = minutes_of(self.meeting)
        form.fill(fill)

    @on(FieldGroup.Changed, "#lecture-form")
    def _lecturer_chosen(self, event: FieldGroup.Changed) -> None:
        # The lecturer's post as the minutes print it (支部书记 …), unless one was typed.
        if event.name != "lecturer_id":
            return
        form = self._form("lecture")
        values, _errors = form.read()
        if values["lecturer_id"] and not values["lecturer_post"]:
            form.fill(
                {"lecturer_post": post_of(self.data, values["lecturer_id"], self.meeting.date)}
            )

    def _draw_agenda(self) -> None:
        lines = []
        for i, item in enumerate(self.meeting.agenda):
            notes = f"：{_short(item.notes, 24)}" if item.notes else ""
            lines.append((f"a{i}", f"{i + 1}. {terminal_safe(item.title)}{notes}"))
            for j, speech in enumerate(item.speeches):
                who = self.person_name(speech.member_id, speech.name) or "（未指定）"
                lines.append((f"a{i}s{j}", f"    {who}：{_short(speech.text)}"))
        self.agenda_list.show(lines)

    # The record ---------------------------------------------------------------------

    def store(self) -> dict[str, str]:
        m = self.meeting
        errors: dict[str, str] = {}
        values, problems = self._form("summary").read()
        errors.update(problems)
        m.topic = values["topic"]
        m.content = values["content"]
        if "study_hours" not in problems:
            m.study_hours = values["study_hours"]
        kinds = set(m.kinds)
        if "party_lecture" in kinds:
            values, problems = self._form("lecture").read()
            errors.update({f"lecture.{k}": v for k, v in problems.items()})
            for key in ("listeners", "duration_minutes"):
                if key in problems:
                    values[key] = None
            m.lecture = Lecture(**values)
        if "theme_day" in kinds:
            values, problems = self._form("theme").read()
            errors.update({f"theme_day.{k}": v for k, v in problems.items()})
            text = values.pop("optional_actions") or ""
            values["optional_actions"] = [
                a.strip() for a in text.replace(",", "、").split("、") if a.strip()
            ]
            values["public_count"] = values["public_count"] or 0
            m.theme_day = ThemeDay(**values)
        return errors

    def show_errors(self, errors: dict[str, str]) -> None:
        for form, prefix in (("summary", ""), ("lecture", "lecture."), ("theme", "theme_day.")):
            own = {
                p.removeprefix(prefix).split(".")[0]: msg
                for p, msg in errors.items()
                if (p.startswith(prefix) if prefix else "." not in p)
            }
            self._form(form).show_errors(own)
        agenda = [msg for p, msg in errors.items() if p.startswith("agenda")]
        if agenda:
            self.notify("；".join(agenda[:3]), title="议题", severity="warning", timeout=6)

    def focus_path(self, path: str) -> bool:
        head, _, rest = path.partition(".")
        if head == "lecture":
            return self._form("lecture").focus_field(rest.split(".")[0] or "title")
        if head == "theme_day":
            return self._form("theme").focus_field(rest.split(".")[0] or "theme")
        if head == "agenda":
            self.agenda_list.focus()
            parts = rest.split(".")
            if parts and parts[0].isdigit():
                self.agenda_list.highlight_id(f"a{parts[0]}")
            return True
        return self._form("summary").focus_field(head)

    # Keys ---------------------------------------------------------------------------

    def _selected(self) -> tuple[int, int | None] | None:
        """(agenda index, speech index or None) of the highlighted line."""
        line = self.agenda_list.current_id
        if not line:
            return None
        item, _, speech = line[1:].partition("s")
        return int(item), int(speech) if speech else None

    def action_add(self) -> None:
        self._edit_item(None)

    def action_edit(self) -> None:
        selected = self._selected()
        if selected is None:
            self.action_add()
        elif selected[1] is None:
            self._edit_item(selected[0])
        else:
            self._edit_speech(selected[0], selected[1])

    @on(OptionList.OptionSelected, "#agenda-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def _edit_item(self, index: int | None) -> None:
        agenda = self.meeting.agenda
        item = agenda[index] if index is not None else AgendaItem(title="")

        def done(values: Values | None) -> None:
            if values is None:
                return
            item.title, item.notes = values["title"], values["notes"]
            if index is None:
                agenda.append(item)
            self._draw_agenda()
            self.agenda_list.highlight_id(f"a{agenda.index(item)}")
            self.changed()

        title = "修改议题" if index is not None else f"第{len(agenda) + 1}个议题"
        values = {"title": item.title, "notes": item.notes}
        self.app.push_screen(FormDialog(title, AGENDA_FORM, values, today=self.today), done)

    def action_speech(self) -> None:
        selected = self._selected()
        if selected is None:
            self.notify("请先添加议题，再记录发言", timeout=4)
            return
        self._edit_speech(selected[0], None)

    def _edit_speech(self, index: int, speech_index: int | None) -> None:
        item = self.meeting.agenda[index]
        speech = item.speeches[speech_index] if speech_index is not None else Speech()

        def done(values: Values | None) -> None:
            if values is None:
                return
            speech.member_id = values["member_id"]
            speech.name = "" if values["member_id"] else values["name"]
            speech.text = values["text"]
            if speech_index is None:
                item.speeches.append(speech)
            self._draw_agenda()
            self.changed()

        def check(values: Values) -> dict[str, str]:
            if not values["member_id"] and not values["name"]:
                return {"member_id": "请选择发言人（不用「大家一致认为」）"}
            return {}

        values = {"member_id": speech.member_id, "name": speech.name, "text": speech.text}
        self.app.push_screen(
            FormDialog(
                f"议题「{item.title}」的发言",
                SPEECH_FORM,
                values,
                today=self.today,
                people=self.people,
                describe=self.describe,
                check=check,
            ),
            done,
        )

    def action_remove(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        index, speech = selected
        if speech is None:
            del self.meeting.agenda[index]
        else:
            del self.meeting.agenda[index].speeches[speech]
        self._draw_agenda()
        self.changed()
