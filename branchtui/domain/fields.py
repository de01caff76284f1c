"""One declaration per record field: its label, explanation, limits and roster-import synonyms.

A field of a record dataclass is declared once, with a ``Spec`` in its ``Annotated`` type::

    name: Annotated[str, Spec("姓名", min_length=2, max_length=20, synonyms=("党员姓名",))]
    status: Annotated[MemberStatus, Spec("党员类别")] = "full"

- ``label``: the field's Chinese name wherever a person reads it: form labels, roster columns,
  validation messages, the messages about a file or bundle record that does not read, and
  docs/bundle.md;
- ``doc``: what docs/bundle.md says after the label (units, formats, what it points at);
- ``min_length`` / ``max_length`` (text) and ``ge`` / ``le`` (numbers): limits that validation
  checks before a record is saved (``max_length`` and ``pattern`` for every text field of every
  record and of the records inside it, whatever else the record's own check does);
- ``pattern`` / ``pattern_hint``: the characters a code may hold (a regular expression the
  whole text must match) and how a person is told the format (``字母、数字或“-”``);
- ``synonyms``: the other column headers a roster import reads as this field (the label is
  always one);
- the choices of a field are not repeated here: they are its ``Literal`` type, whose labels are
  declared with it (``domain.choices``).

Everything else derives from these declarations: ``domain.validation*`` (labels and limits),
the member form (tui/screens/member_form.py), the roster columns and their synonyms
(``domain.roster_columns``), docs/bundle.md (``storage.bundle_doc``) and the codec's messages.
msgspec ignores ``Spec`` when decoding (types and choices are checked there; limits are not), so
a limit tightened later never makes an existing data file unreadable.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from branchtui.domain.choices import CHOICE_LABELS


@dataclass(frozen=True, slots=True)
class Spec:
    """What a person is told about a field and what it may hold, beyond its type."""

    label: str
    doc: str = ""
    min_length: int | None = None
    max_length: int | None = None
    ge: float | None = None
    le: float | None = None
    synonyms: tuple[str, ...] = ()
    pattern: str | None = None
    pattern_hint: str = ""


@dataclass(frozen=True)
class FieldInfo:
    """One field of a record type, with its declaration and what its type allows."""

    name: str
    spec: Spec
    hint: Any  # the type without Annotated
    required: bool  # no default: a record must give it
    choices: dict[str, str]  # the labels of its Literal values (of its items or keys for lists
    # and dicts); empty for a free field

    @property
    def label(self) -> str:
        return self.spec.label

    @property
    def is_date(self) -> bool:
        """Whether the field holds a date (or nothing)."""
        return self.hint is dt.date or dt.date in typing.get_args(self.hint)

    @property
    def headers(self) -> tuple[str, ...]:
        """The column headers a roster import reads as this field, the label first."""
        return (self.spec.label, *(s for s in self.spec.synonyms if s != self.spec.label))


def unwrap(hint: Any) -> tuple[Any, Spec | None]:
    """The type inside ``Annotated[..., Spec(...)]`` and its Spec (None without one)."""
    if typing.get_origin(hint) is typing.Annotated:
        inner, *extras = typing.get_args(hint)
        spec = next((e for e in extras if isinstance(e, Spec)), None)
        return inner, spec
    return hint, None


def without_none(hint: Any) -> Any:
    """``int`` for ``int | None`` and so on: the one non-None type of an optional field (any
    other type as it is)."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(inner) == 1:
            return inner[0]
    return hint


def list_item(hint: Any) -> Any:
    """The item type of a ``list[...]`` field (optional or not), unwrapped; None for others."""
    hint = without_none(hint)
    if typing.get_origin(hint) is list:
        return unwrap(typing.get_args(hint)[0])[0]
    return None


def literal_codes(hint: Any) -> list[str]:
    """Every Literal value a field's type allows (for lists, of the items; for dicts, the keys)."""
    hint, _ = unwrap(hint)
    origin = typing.get_origin(hint)
    if origin is Literal:
        return list(typing.get_args(hint))
    if origin in (typing.Union, types.UnionType):
        return [code for arg in typing.get_args(hint) for code in literal_codes(arg)]
    if origin is list:
        return literal_codes(typing.get_args(hint)[0])
    if origin is dict:
        return literal_codes(typing.get_args(hint)[0])
    return []


def choices_of(hint: Any) -> dict[str, str]:
    """The Chinese labels of the Literal values a type allows; an unlabelled "" is left out."""
    hint, _ = unwrap(hint)
    origin = typing.get_origin(hint)
    if origin is Literal:
        labels = CHOICE_LABELS.get(hint)
        if labels is None:
            return {code: code for code in typing.get_args(hint) if code != ""}
        return dict(labels)
    if origin in (typing.Union, types.UnionType):
        out: dict[str, str] = {}
        for arg in typing.get_args(hint):
            out.update(choices_of(arg))
        return out
    if origin in (list, dict):
        return choices_of(typing.get_args(hint)[0])
    return {}


_FIELDS: dict[type, dict[str, FieldInfo]] = {}


def fields_of(cls: type) -> dict[str, FieldInfo]:
    """Every field of a record dataclass with its declaration, in field order."""
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = _declared_fields(cls)
    return found


def _declared_fields(cls: type) -> dict[str, FieldInfo]:
    hints = typing.get_type_hints(cls, include_extras=True)
    out: dict[str, FieldInfo] = {}
    for f in dataclasses.fields(cls):
        hint, spec = unwrap(hints[f.name])
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        out[f.name] = FieldInfo(
            name=f.name,
            spec=spec or Spec(f.name),
            hint=hint,
            required=required,
            choices=choices_of(hint),
        )
    return out


def label_of(cls: type, name: str) -> str:
    """The Chinese label of a field (its name when the type has no such field)."""
    info = fields_of(cls).get(name)
    return info.label if info is not None else name


def spec_of(cls: type, name: str) -> Spec:
    """The declaration of a field; a bare Spec named after it when the type has none."""
    info = fields_of(cls).get(name)
    return info.spec if info is not None else Spec(name)


def undeclared_fields(cls: type) -> list[str]:
    """Fields of ``cls`` without a Spec (a test keeps this empty for every record type)."""
    hints = typing.get_type_hints(cls, include_extras=True)
    return [f.name for f in dataclasses.fields(cls) if unwrap(hints[f.name])[1] is None]
