"""Errors of the store; each carries a one-line Chinese message for the user."""

from __future__ import annotations


class StoreError(Exception):
    """Something the user must be told about, in Chinese, in one line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotInitializedError(StoreError):
    """The data folder holds no branch yet."""


class CorruptFileError(StoreError):
    """The data file is not valid; it is left untouched."""


class NewerSchemaError(StoreError):
    """The file was written by a newer branchtui; opened read-only."""


class ReadOnlyError(StoreError):
    """A write was asked of a store opened read-only."""


class ConflictError(StoreError):
    """The record was changed (or removed) by another session since it was opened."""


class InvalidRecordError(StoreError):
    """A record holds something that is not a JSON type; nothing was written."""


class BundleError(StoreError):
    """A bundle file cannot be imported (wrong format, bad record, broken reference)."""


class TemplateError(StoreError):
    """A template cannot be found, parsed or rendered; the message names the file and line."""
