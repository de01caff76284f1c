"""The data file's byte layout, cut into blocks so that commits and reloads touch only what changed.

The writer lays branch.json out as (every newline is structural: compact JSON escapes newlines)::

    {
    "_meta": {...},
    "branch": {
     "1": {...}
    },
    "members": {
     "1": {...},
     "2": {...}
    },
    "groups": {}
    }

A table's documents are grouped into blocks of BLOCK consecutive lines from the table's start. The
writer re-encodes only a block whose documents changed (by identity: documents are replaced, never
edited in place); a reader cuts the file at the same places, hashes each block and parses only the
blocks whose hash it has not seen. A file in any other layout is simply parsed whole.
"""

from __future__ import annotations

import hashlib
import operator
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import orjson

from branchtui.storage.errors import InvalidRecordError
from branchtui.storage.strict_json import canonical_block, repeated_key

BLOCK = 256
_LINE_OPTIONS = (
    orjson.OPT_PASSTHROUGH_DATETIME
    | orjson.OPT_PASSTHROUGH_DATACLASS
    | orjson.OPT_PASSTHROUGH_SUBCLASS
)
_SEP = b",\n"


def digest(data: bytes | memoryview) -> bytes:
    return hashlib.sha256(data).digest()


@dataclass(slots=True)
class Block:
    """BLOCK (or fewer) consecutive documents of one table and where their bytes are."""

    keys: tuple[str, ...]
    docs: tuple[Any, ...]
    digest: bytes
    data: bytes | None = None  # None until a commit needs the bytes (a reader keeps only the hash)
    span: tuple[int, int] | None = None  # where the bytes are in the file last read


Blocks = list[Block]


def _same_docs(block: Block, keys: tuple[str, ...], docs: tuple[Any, ...]) -> bool:
    return (
        block.data is not None
        and block.keys == keys
        and len(block.docs) == len(docs)
        and all(map(operator.is_, block.docs, docs))
    )


def _encode_block(keys: tuple[str, ...], docs: tuple[Any, ...]) -> bytes:
    try:
        return _SEP.join(
            b" " + orjson.dumps(key) + b": " + orjson.dumps(doc, option=_LINE_OPTIONS)
            for key, doc in zip(keys, docs, strict=True)
        )
    except (TypeError, orjson.JSONEncodeError) as exc:
        raise InvalidRecordError(f"数据中含有不能保存的值（{exc}），未写入磁盘。") from exc


def encode_table(table: dict[str, Any], old: Blocks | None) -> Blocks:
    """The table's blocks, reusing every old block whose documents are the very same objects."""
    old = old or []
    blocks: Blocks = []
    items = iter(table.items())
    while chunk := list(islice(items, BLOCK)):
        keys = tuple(key for key, _doc in chunk)
        docs = tuple(doc for _key, doc in chunk)
        n = len(blocks)
        previous = old[n] if n < len(old) else None
        if previous is not None and _same_docs(previous, keys, docs):
            blocks.append(previous)
            continue
        data = _encode_block(keys, docs)
        blocks.append(Block(keys, docs, digest(data), data))
    return blocks


def table_chunks(blocks: Blocks) -> list[bytes]:
    """The table's JSON object as chunks (no copy of a big table is ever joined)."""
    if not blocks:
        return [b"{}"]
    chunks = [b"{\n"]
    for block in blocks:
        assert block.data is not None
        chunks += [block.data, _SEP]
    chunks[-1] = b"\n}"
    return chunks


def file_chunks(meta: dict[str, Any], tables: dict[str, list[bytes]]) -> list[bytes]:
    """The whole file: ``_meta`` on one line, then each table."""
    chunks = [b'{\n"_meta": ', orjson.dumps(meta)]
    for name, value in tables.items():
        chunks += [_SEP, orjson.dumps(name), b": ", *value]
    chunks.append(b"\n}\n")
    return chunks


@dataclass(slots=True)
class CutTable:
    """One table of a file in our layout: its blocks' places (start, end) and hashes."""

    name: str
    spans: list[tuple[int, int]]
    digests: list[bytes]


def cut(payload: bytes) -> tuple[tuple[int, int], list[CutTable]] | None:
    """Where ``_meta`` and each table's blocks are, or None when the file is not in our layout."""
    if not payload.startswith(b'{\n"_meta": '):
        return None
    pos = len(b'{\n"_meta": ')
    end = payload.find(b"\n", pos)
    if end < 0 or payload[end - 1 : end] != b",":
        return None
    meta = (pos, end - 1)
    pos = end + 1
    view = memoryview(payload)
    tables: list[CutTable] = []
    names: set[str] = set()
    while True:
        if payload[pos : pos + 1] != b'"':
            return None
        name_end = payload.find(b'": ', pos + 1)
        if name_end < 0 or name_end - pos > 64:
            return None
        name = payload[pos + 1 : name_end].decode("ascii", "replace")
        if name in names or name == "_meta" or not name.isidentifier():
            return None
        names.add(name)
        pos = name_end + 3
        spans: list[tuple[int, int]] = []
        if payload.startswith(b"{}", pos):
            pos += 2
        elif payload.startswith(b"{\n ", pos):
            body_end = payload.find(b"\n}", pos)
            if body_end < 0:
                return None
            start = pos + 2
            while start < body_end:
                stop = start
                for _ in range(BLOCK):
                    stop = payload.find(_SEP, stop + 1, body_end)
                    if stop < 0:
                        stop = body_end
                        break
                spans.append((start, stop))
                start = stop + len(_SEP)
            pos = body_end + 2
        else:
            return None
        tables.append(CutTable(name, spans, [digest(view[a:b]) for a, b in spans]))
        if payload.startswith(_SEP, pos):
            pos += len(_SEP)
            continue
        if pos == len(payload) - 3 and payload.endswith(b"\n}\n"):
            return meta, tables
        return None


class RepeatedKeyError(ValueError):
    """An object in the file names one key twice.

    ``table``; ``position`` (1-based) and ``doc`` of the record it is in (0 and None when it is
    the table itself); ``path`` of the object inside the record; the ``key``.
    """

    def __init__(
        self, table: str, position: int, doc: Any, path: list[str | int], key: str
    ) -> None:
        super().__init__(key)
        self.table, self.position, self.doc, self.path, self.key = table, position, doc, path, key


def repeated_key_error(table: str, parsed: dict[str, Any], found: Any, before: int = 0) -> Any:
    """The RepeatedKeyError for ``found`` = (path, key) within a table's ``parsed`` dict."""
    path, key = found
    if not path:
        return RepeatedKeyError(table, 0, None, [], key)
    keys = list(parsed)
    position = before + (keys.index(path[0]) + 1 if path[0] in keys else 0)
    return RepeatedKeyError(table, position, parsed.get(str(path[0])), path[1:], key)


def _parse_block(payload: bytes, span: tuple[int, int], table: str, before: int) -> dict[str, Any]:
    start, stop = span
    text = payload[start:stop]
    parsed: dict[str, Any] = orjson.loads(b"{" + text + b"}")
    if not canonical_block(text, parsed):
        found = repeated_key(b"{" + text + b"}")
        if found is not None:
            raise repeated_key_error(table, parsed, found, before)
    _share_member_ids(parsed.values())
    return parsed


def _share_member_ids(docs: Iterable[Any]) -> None:
    """One string object per member id (a big file repeats each one hundreds of times: -10 %)."""
    intern = sys.intern
    for doc in docs:
        if type(doc) is not dict:
            continue  # the shape check reports it
        value = doc.get("member_id")
        if type(value) is str:
            doc["member_id"] = intern(value)
        rows = doc.get("attendance")
        if type(rows) is list:
            for row in rows:
                if type(row) is dict and type(value := row.get("member_id")) is str:
                    row["member_id"] = intern(value)


def assemble(
    payload: bytes,
    layout: tuple[tuple[int, int], list[CutTable]],
    known: dict[str, Blocks],
    tables_now: dict[str, Any],
) -> tuple[dict[str, Any], dict[str, Blocks], set[str]]:
    """The parsed file, its blocks and the names of the tables that differ from ``known``.

    A block whose hash is in ``known`` is not parsed: its documents are taken over (same bytes,
    same content); a table whose hashes all match keeps its dict from ``tables_now``. Raises
    orjson.JSONDecodeError for bytes that do not parse, RepeatedKeyError for a key written twice.
    """
    (meta_start, meta_stop), cut_tables = layout
    raw: dict[str, Any] = {"_meta": orjson.loads(payload[meta_start:meta_stop])}
    blocks_out: dict[str, Blocks] = {}
    changed: set[str] = set()
    for cut_table in cut_tables:
        name = cut_table.name
        old = known.get(name)
        if old is not None and name in tables_now and [b.digest for b in old] == cut_table.digests:
            raw[name] = tables_now[name]
            blocks_out[name] = old
            continue
        by_digest = {b.digest: b for b in old or []}
        table: dict[str, Any] = {}
        blocks: Blocks = []
        for span, hashed in zip(cut_table.spans, cut_table.digests, strict=True):
            block = by_digest.get(hashed)
            if block is None:
                parsed = _parse_block(payload, span, name, len(table))
                block = Block(tuple(parsed), tuple(parsed.values()), hashed, span=span)
            else:
                block.span = span
            table.update(zip(block.keys, block.docs, strict=True))
            blocks.append(block)
        if len(table) != sum(len(b.keys) for b in blocks):
            seen: set[str] = set()
            again = next(k for b in blocks for k in b.keys if k in seen or seen.add(k))  # type: ignore[func-returns-value]
            raise RepeatedKeyError(name, 0, None, [], again)
        raw[name] = table
        blocks_out[name] = blocks
        changed.add(name)
    return raw, blocks_out, changed


def fill_from(payload: bytes, blocks: Blocks) -> None:
    """Take the bytes of blocks not yet encoded from the file they were read from.

    Saves encoding every document at a session's first commit; a block whose bytes in
    ``payload`` do not hash as read is left to be encoded.
    """
    for block in blocks:
        if block.data is None and block.span is not None:
            start, stop = block.span
            data = payload[start:stop]
            if digest(data) == block.digest:
                block.data = data


def fill_from_file(path: Path, tables: dict[str, Blocks]) -> None:
    """Before a session's first commit: read the file once for every block not yet encoded."""
    if not any(b.data is None and b.span for blocks in tables.values() for b in blocks):
        return
    try:
        payload = path.read_bytes()
    except OSError:
        return  # the blocks are encoded instead
    for blocks in tables.values():
        fill_from(payload, blocks)
