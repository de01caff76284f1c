"""Compiled templates carried from one render's child process to the next.

Templates are compiled in the forked child that renders them (storage/template_run.py), never
in the parent: jinja2 evaluates constant expressions while compiling, and a template from the
data folder is untrusted. Compiling the monthly report's template took most of a render, and
the child that did it exits, so every render compiled again. Now the child hands the compiled
code back as bytes (jinja2's bytecode cache format: a header, the source's checksum, the
marshalled code); the parent keeps the bytes without ever loading them, and the next child,
forked with them, loads them instead of compiling. A template whose text changed has another
checksum, so its old code is refused and it is compiled again.
"""

from __future__ import annotations

import os
import struct

import jinja2
from jinja2.bccache import Bucket

_ENTRY = struct.Struct("!HI")  # key length, code length
MAX_TEMPLATES = 256  # far more than the shipped and a folder's own templates
MAX_CODE_BYTES = 4 * 1024 * 1024  # one template's code; the monthly report's is ~100 kB


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates by jinja2's cache key, as bytes, and which of them this process made."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self._made: list[str] = []
        self._holder = os.getpid()  # the process that keeps the bytes never loads them

    def load_bytecode(self, bucket: Bucket) -> None:
        if os.getpid() == self._holder:
            return  # compiled afresh here (only benchmarks render in the parent)
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # refused (left empty) when the source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        if len(code) <= MAX_CODE_BYTES and (
            bucket.key in self._code or len(self._code) < MAX_TEMPLATES
        ):
            self._code[bucket.key] = code
            self._made.append(bucket.key)

    def clear(self) -> None:
        self._code.clear()
        self._made.clear()

    def made_here(self) -> bytes:
        """What this process compiled, packed for the parent (run in the render's child)."""
        out = bytearray()
        for key in dict.fromkeys(self._made):
            raw, code = key.encode("utf-8"), self._code[key]
            out += _ENTRY.pack(len(raw), len(code)) + raw + code
        return bytes(out)

    def keep(self, packed: bytes) -> None:
        """Keep what a child made (``made_here``'s bytes); a malformed pack is dropped whole."""
        found: dict[str, bytes] = {}
        at = 0
        try:
            while at < len(packed):
                key_len, code_len = _ENTRY.unpack_from(packed, at)
                at += _ENTRY.size
                key = packed[at : at + key_len].decode("utf-8")
                code = packed[at + key_len : at + key_len + code_len]
                at += key_len + code_len
                if at > len(packed) or code_len > MAX_CODE_BYTES:
                    return
                found[key] = code
        except (struct.error, UnicodeDecodeError):
            return
        for key, code in found.items():
            if key in self._code or len(self._code) < MAX_TEMPLATES:
                self._code[key] = code
