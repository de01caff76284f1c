"""Typed input is never dropped by leaving a screen: an area key (or the palette, or a click on
the Footer's 区域) asks the discard question Esc asks before it leaves a form with typed input;
Ctrl+Q asks before quitting; a dropped session (SIGHUP) saves every draft first.

A screen with typed input says so with ``unsaved()``, one with drafts keeps them with
``keep_draft()`` (tui/saving.py). A draft-keeping screen is never asked about: it keeps its
draft and stays where it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from branchtui.tui.saving import ask_discard, has_drafts, keep_draft, typed
from branchtui.tui.screens.dialogs import ChoicePrompt

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

QUIT_QUESTION = "退出程序？已填写的内容尚未保存"
QUIT_WITH_DRAFTS = {"draft": "保存草稿并退出", "discard": "放弃并退出", "cancel": "取消"}
QUIT_CHOICES = {"discard": "放弃并退出", "cancel": "取消"}


def _stacks(app: App[None]) -> dict[str, list[Screen]]:
    return app._screen_stacks


def open_screens(app: App[None]) -> list[Screen]:
    """Every screen the app holds, in every area's stack, the one shown last."""
    shown = app.screen_stack
    others = [s for stack in _stacks(app).values() if stack is not shown for s in stack]
    return [*others, *shown]


def left_by_going(app: App[None], area_id: str) -> list[Screen]:
    """The screens with typed input that showing area ``area_id`` leaves: the forms opened
    over the menu of the area shown (gone once the area is shown again) and of ``area_id``
    (gone at once). A modal one (a wizard) is kept in its area and shown again."""
    areas = dict.fromkeys([app.current_mode, area_id])
    return [
        screen
        for area in areas
        for screen in _stacks(app).get(area, [])[1:]
        if not screen.is_modal and typed(screen)
    ]


def may_leave(app: App[None], area_id: str, discarded: Callable[[], object]) -> bool:
    """Whether area ``area_id`` may be shown now: nothing typed is lost by it (drafts are kept
    first). Else the discard question is asked and ``discarded()`` runs if the user throws the
    typed input away (it leaves the forms and shows the area then)."""
    for screen in app.screen_stack:
        if has_drafts(screen) and typed(screen):
            keep_draft(screen)
    asked = [s for s in left_by_going(app, area_id) if not has_drafts(s)]
    if asked:
        ask_discard(asked[-1], discarded)
    return not asked


def quit_asking(app: App[None]) -> None:
    """Ctrl+Q: quit at once when nothing typed is open; else ask (保存草稿并退出 where a
    screen keeps drafts, 放弃并退出, 取消). 放弃 leaves a draft written earlier as it was."""
    if any(
        isinstance(s, ChoicePrompt) and s.prompt_title == QUIT_QUESTION for s in app.screen_stack
    ):
        return  # the question is on screen already
    screens = [s for s in open_screens(app) if typed(s)]
    if not screens:
        app.exit()
        return
    drafts = [s for s in screens if has_drafts(s)]

    def answered(choice: str | None) -> None:
        if choice == "draft":
            for screen in drafts:
                keep_draft(screen)
        if choice in ("draft", "discard"):
            app.exit()

    app.push_screen(
        ChoicePrompt(QUIT_QUESTION, QUIT_WITH_DRAFTS if drafts else QUIT_CHOICES), answered
    )


def hang_up(app: App[None]) -> None:
    """The terminal is gone (SIGHUP, SIGTERM): every draft kept with what is on screen, then
    the app ends (nobody is left to answer a question)."""
    for screen in open_screens(app):
        if has_drafts(screen) and typed(screen):
            keep_draft(screen)
    app.exit()
