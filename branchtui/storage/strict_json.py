"""JSON that repeats a key in one object is refused, in the data file and in bundles.

orjson (like every fast parser) keeps the last of two equal keys silently. The data file's blocks
are checked cheaply: a block that orjson wrote is its own canonical form, so re-encoding what was
parsed gives the same bytes, which a block with a repeated key cannot (``canonical_block``). Only
a block that differs (edited by hand, or damaged) and any other JSON are parsed again with the
standard library, which sees every key (``repeated_key``).
"""

from __future__ import annotations

import json
from typing import Any

import orjson


class _Repeated(dict[str, Any]):
    """An object of the document that named a key twice (``keys`` says which)."""

    keys_repeated: list[str]


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) == len(pairs):
        return out
    seen: set[str] = set()
    repeated = [k for k, _ in pairs if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
    marked = _Repeated(out)
    marked.keys_repeated = repeated
    return marked


def repeated_key(payload: bytes | str) -> tuple[list[str | int], str] | None:
    """(path of the object, key) of the first key written twice in one object, or None.

    Raises ValueError for text that is not JSON (the caller parsed it with orjson first).
    """
    parsed = json.loads(payload, object_pairs_hook=_pairs)
    return _find(parsed, [])


def _find(value: Any, path: list[str | int]) -> tuple[list[str | int], str] | None:
    if isinstance(value, _Repeated):
        return path, value.keys_repeated[0]
    if isinstance(value, dict):
        for key, item in value.items():
            found = _find(item, [*path, key])
            if found:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _find(item, [*path, i])
            if found:
                return found
    return None


def canonical_block(block: bytes, parsed: dict[str, Any]) -> bool:
    """Whether a block of the data file is exactly what our writer makes of ``parsed``.

    The writer puts ``␠"<doc id>": <compact JSON>`` lines joined by ``,\\n``; orjson's compact
    output of the block's dict differs only by that whitespace. True proves no key is repeated:
    ``parsed`` lost every repeated pair, and a text equal to its encoding has no more pairs.
    """
    # Only whitespace is taken out (a newline cannot be inside a JSON string, and a space taken
    # from inside a string would make the texts differ), so equal texts hold as many pairs.
    compact = block[1:].replace(b',\n "', b',"').replace(b'": {', b'":{')
    return b"{" + compact + b"}" == orjson.dumps(parsed)


def loads_without_repeats(payload: bytes) -> tuple[Any, tuple[list[str | int], str] | None]:
    """Parse JSON with orjson; also (path, key) of a repeated key, or None.

    Raises orjson.JSONDecodeError for text that is not JSON. A file that is exactly orjson's
    indented output of what it holds (an exported bundle, untouched) needs no second parse.
    """
    parsed = orjson.loads(payload)
    if orjson.dumps(parsed, option=orjson.OPT_INDENT_2) + b"\n" == payload:
        return parsed, None
    return parsed, repeated_key(payload)
