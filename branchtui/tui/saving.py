"""What every form and wizard does with its input: one save off the UI thread, Esc that asks
before throwing typed input away, and a delete asked about (or refused) before it is made.

A screen holding typed input says so with ``unsaved()`` (True when something was typed that is
neither saved nor in a draft); a screen with drafts has ``keep_draft()`` (puts what is on
screen into its draft). The app asks these before an area key, the palette, Ctrl+Q or a dropped
session would take the screen away (tui/leaving.py); the discard question is the one Esc asks,
with the screen's own ``discard_question`` and ``discard_choices`` when it has them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from branchtui.domain.changes import RecordChanges
from branchtui.domain.deletion import deletion
from branchtui.domain.records import BranchData
from branchtui.storage.errors import StoreError
from branchtui.tui.screens.dialogs import ChoicePrompt

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.widgets import Input

    from branchtui.storage.store import Store

DISCARD_QUESTION = "放弃已填写的内容吗？"
DISCARD_CHOICES = {"stay": "继续填写", "discard": "放弃已填写的内容"}


def typed(screen: object) -> bool:
    """Whether ``screen`` holds typed input that is neither saved nor in a draft."""
    unsaved = getattr(screen, "unsaved", None)
    return bool(callable(unsaved) and unsaved())


def keep_draft(screen: object) -> bool:
    """Put what ``screen`` shows into its draft; False when it keeps no drafts."""
    keep = getattr(screen, "keep_draft", None)
    if not callable(keep):
        return False
    keep()
    return True


def has_drafts(screen: object) -> bool:
    return callable(getattr(screen, "keep_draft", None))


def focus_keeping(field: Input) -> None:
    """Put the cursor after the value ``field`` holds, nothing selected: a value on file is
    not replaced by the first key typed as a form opens (Tab into it later selects it, to
    type it again)."""
    field.select_on_focus = False
    field.focus()

    def select_again() -> None:
        field.select_on_focus = True

    # After the focus (queued on the app, then as an event on the field) has been handled.
    field.app.call_later(field.call_later, select_again)


def ask_discard(
    screen: Screen[Any], discarded: Callable[[], object], choices: dict[str, str] | None = None
) -> None:
    """Ask the discard question about ``screen``; ``discarded()`` runs only on 放弃."""

    def answered(choice: str | None) -> None:
        if choice == "discard":
            discarded()

    shown = choices or getattr(screen, "discard_choices", DISCARD_CHOICES)
    question = getattr(screen, "discard_question", DISCARD_QUESTION)
    screen.app.push_screen(ChoicePrompt(question, shown), answered)


def save_changes(
    screen: Screen[Any],
    store: Store,
    changes: RecordChanges,
    *,
    saved: Callable[[], object],
    failed: Callable[[str], None],
    group: str = "save",
) -> None:
    """Commit ``changes`` in one transaction in a thread; then ``saved()``, or ``failed`` with
    the store's Chinese message, on the UI thread (the data on disk is as it was)."""

    def write() -> None:
        try:
            with store.transaction() as tx:
                tx.apply(changes)
        except StoreError as error:
            screen.app.call_from_thread(failed, error.message)
            return
        screen.app.call_from_thread(saved)

    screen.run_worker(write, thread=True, exclusive=True, group=group, description="保存")


def close_unless_typed(screen: Screen[Any]) -> None:
    """Esc on a form: closed at once when nothing was typed, else only after asking (one Esc
    too many must not throw away what was typed)."""
    if not typed(screen):
        screen.dismiss(None)
        return
    ask_discard(screen, lambda: screen.dismiss(None))


def ask_delete(
    screen: Screen[Any],
    data: BranchData,
    target: tuple[str, str],
    question: str,
    choices: dict[str, str],
    then: Callable[[], object],
    *,
    confirm: str = "delete",
) -> None:
    """Before deleting the record ``target`` names (table, id): refused at once when another
    record rests on it, saying which (domain.deletion), else ``question`` asked with what else
    the delete does; ``then()`` when the ``confirm`` choice is taken. The store applies the
    same rule again when it deletes (someone may have changed the data meanwhile)."""
    found = deletion(data, [target])
    if found.refusal:
        screen.notify(found.refusal, title="不能删除", severity="error", timeout=10)
        return
    also = found.also()
    title = f"{question}{also}。" if also else question

    def answered(choice: str | None) -> None:
        if choice == confirm:
            then()

    screen.app.push_screen(ChoicePrompt(title, choices), answered)
