"""Enumerations of stored values: a ``Literal`` type and its Chinese labels, which cannot disagree.

Each enumeration is written once, as a Literal type, and its labels are attached with
``labelled``, which refuses (at import, so the program does not start) a label dictionary whose
codes are not exactly the Literal's, in the same order::

    Gender = Literal["male", "female"]
    GENDERS = labelled(Gender, {"male": "男", "female": "女"})

The Literal is what the records are typed with (msgspec rejects any other value when a file or
bundle is read; mypy checks the code); the dictionary is what screens, validation messages and
docs/bundle.md show. ``Blank`` is added to a field's type where "not filled in" is allowed.
"""

from __future__ import annotations

import typing
from typing import Any, Literal

# The empty value of an optional choice (a gender not entered, a member not removed).
Blank = Literal[""]

# Every labelled enumeration, by its Literal type: what fields.py looks a field's labels up in.
CHOICE_LABELS: dict[Any, dict[str, str]] = {}


def codes_of(kind: Any) -> tuple[str, ...]:
    """The values of a Literal type, in declaration order."""
    if typing.get_origin(kind) is not Literal:
        raise TypeError(f"{kind!r} is not a Literal type")
    return typing.get_args(kind)


def labelled(kind: Any, labels: dict[str, str]) -> dict[str, str]:
    """Register ``labels`` as the Chinese names of the Literal ``kind``; they must match it."""
    codes = codes_of(kind)
    if tuple(labels) != codes:
        missing = [c for c in codes if c not in labels]
        extra = [c for c in labels if c not in codes]
        raise TypeError(
            f"labels of {kind!r} do not match its values (missing {missing}, extra {extra},"
            " or another order)"
        )
    CHOICE_LABELS[kind] = labels
    return labels


def same_values(kind: Any) -> dict[str, str]:
    """Register a Literal whose values are already Chinese: each is its own label."""
    return labelled(kind, {v: v for v in codes_of(kind)})
