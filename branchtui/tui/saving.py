"""What every form and wizard does with its input: one save off the UI thread, Esc that asks
before throwing typed input away, and a delete asked about (or refused) before it is made."""

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

    from branchtui.storage.store import Store

DISCARD_CHOICES = {"stay": "继续填写", "discard": "放弃已填写的内容"}


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


def close_unless_typed(
    screen: Screen[Any], typed: bool, choices: dict[str, str] = DISCARD_CHOICES
) -> None:
    """Esc on a form: closed at once when nothing was typed, else only after asking (one Esc
    too many must not throw away what was typed)."""
    if not typed:
        screen.dismiss(None)
        return

    def answered(choice: str | None) -> None:
        if choice == "discard":
            screen.dismiss(None)

    screen.app.push_screen(ChoicePrompt("放弃已填写的内容吗？", choices), answered)


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
