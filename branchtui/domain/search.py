"""Finding members by name, pinyin or initials: 张三 ← ``zhangsan``, ``zs``, ``zhangs``, ``张``, ``三``.

A query of letters matches when it can be cut into pieces that are, in order, the starts of the
readings of consecutive characters of the name (so ``zs``, ``zhangs``, ``zhsan`` and ``san`` all
find 张三). Polyphonic surnames are read as surnames at the start of a name (单 shan, 曾 zeng,
解 xie); elsewhere every reading of a character counts. Readings are computed once per name.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Protocol, TypeVar

# Surname readings where pypinyin's most common reading is wrong for a surname.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "单": ("shan",),
    "曾": ("zeng",),
    "解": ("xie",),
    "仇": ("qiu",),
    "区": ("ou",),
    "查": ("zha",),
    "朴": ("piao",),
    "乐": ("yue", "le"),
    "盖": ("ge", "gai"),
    "缪": ("miao",),
    "翟": ("zhai",),
    "覃": ("qin", "tan"),
    "召": ("shao",),
    "种": ("chong",),
    "员": ("yun",),
    "秘": ("bi",),
    "繁": ("po",),
    "尉": ("wei",),
    "隗": ("wei",),
    "冼": ("xian",),
    "阚": ("kan",),
    "句": ("gou",),
    "纪": ("ji",),
    "华": ("hua",),
    "任": ("ren",),
    "沈": ("shen",),
    "柏": ("bai",),
    "薄": ("bo",),
    "宁": ("ning",),
    "过": ("guo",),
    "万": ("wan",),
    "令": ("ling",),
    "折": ("she",),
    "能": ("nai",),
    "蕃": ("pi",),
    "眭": ("sui",),
    "长": ("chang", "zhang"),
}
# Compound surnames read as a whole (长孙 zhangsun, not changsun).
COMPOUND_SURNAMES: dict[str, tuple[tuple[str, ...], ...]] = {
    "尉迟": (("yu",), ("chi",)),
    "万俟": (("mo",), ("qi",)),
    "长孙": (("zhang",), ("sun",)),
    "单于": (("chan",), ("yu",)),
    "澹台": (("tan",), ("tai",)),
    "令狐": (("ling",), ("hu",)),
    "皇甫": (("huang",), ("fu",)),
    "欧阳": (("ou",), ("yang",)),
    "司马": (("si",), ("ma",)),
    "诸葛": (("zhu",), ("ge",)),
    "上官": (("shang",), ("guan",)),
    "东方": (("dong",), ("fang",)),
    "夏侯": (("xia",), ("hou",)),
    "宇文": (("yu",), ("wen",)),
    "公孙": (("gong",), ("sun",)),
    "慕容": (("mu",), ("rong",)),
    "司徒": (("si",), ("tu",)),
    "端木": (("duan",), ("mu",)),
}
# Characters in names that only separate parts (阿依古丽·买买提).
_SEPARATORS = frozenset("·•・.-_ '’")
# No real name or query is this long; longer queries match nothing and cost nothing.
_MAX_QUERY = 64

Readings = tuple[tuple[str, ...], ...]


class Named(Protocol):
    """Anything with a ``name`` (Member, Candidate)."""

    name: str


T = TypeVar("T", bound=Named)


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _char_readings(char: str) -> tuple[str, ...]:
    if not _is_cjk(char):
        return (char.lower(),)
    # pypinyin loads its dictionaries in ~0.6 s: only when a reading is first needed.
    from pypinyin import Style, pinyin

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    readings = [r for group in found for r in group if r.isascii() and r.isalpha()]
    # ü is typed as v by most, as u by some: accept both.
    readings += [r.replace("v", "u") for r in readings if "v" in r]
    return tuple(dict.fromkeys(readings)) or (char,)


@lru_cache(maxsize=8192)
def name_readings(name: str) -> Readings:
    """The possible pinyin readings of each character of ``name`` (separators dropped)."""
    text = unicodedata.normalize("NFKC", name or "").strip()
    chars = [c for c in text if c not in _SEPARATORS and c.isprintable() and not c.isspace()]
    readings: list[tuple[str, ...]] = [_char_readings(c) for c in chars]
    head = "".join(chars[:2])
    if head in COMPOUND_SURNAMES:
        readings[:2] = list(COMPOUND_SURNAMES[head])
    elif chars and chars[0] in SURNAME_READINGS:
        readings[0] = SURNAME_READINGS[chars[0]]
    return tuple(readings)


def name_pinyin(name: str) -> str:
    """The usual full pinyin of a name (``zhangsan``, ``shanxiaoming``): for sorting and display."""
    return "".join(group[0] for group in name_readings(name))


def name_syllables(name: str) -> tuple[str, ...]:
    """The usual reading syllable by syllable (``("chen", "lin", "ning")``): the sort key of
    Chinese name lists, which compare the first character's reading, then the second's."""
    return tuple(group[0] for group in name_readings(name))


def name_initials(name: str) -> str:
    """The initials of the usual reading (``zs`` for 张三)."""
    return "".join(group[0][:1] for group in name_readings(name))


def _normalize_query(query: str) -> str:
    text = unicodedata.normalize("NFKC", query).lower()
    return "".join(c for c in text if c not in _SEPARATORS and not c.isspace())


def _match_from(readings: Readings, start: int, query: str) -> bool:
    """Whether ``query`` is cut into reading prefixes of characters start, start+1, …."""
    # Positions in the query reachable after matching some characters; a small set, not a tree.
    reachable = {0}
    for group in readings[start:]:
        following: set[int] = set()
        for pos in reachable:
            rest = query[pos:]
            for reading in group:
                size = min(len(reading), len(rest))
                # Every non-empty prefix of this reading that the query continues with.
                while size > 0 and reading[:size] != rest[:size]:
                    size -= 1
                for cut in range(1, size + 1):
                    if pos + cut == len(query):
                        return True
                    following.add(pos + cut)
        if not following:
            return False
        reachable = following
    return False


def _rank(name: str, query: str) -> int | None:
    """0 exact, 1 from the start of the name, 2 elsewhere, None when it does not match."""
    if not query:
        return 1
    if len(query) > _MAX_QUERY:
        return None
    plain = _normalize_query(name or "")
    if any(_is_cjk(c) for c in query):
        if query == plain:
            return 0
        if plain.startswith(query):
            return 1
        if query in plain:
            return 2
        if all(_is_cjk(c) for c in query):
            return None
        # Letters and characters mixed: a character without a known reading is read as
        # itself (一桛 is found by "yi桛").
    readings = name_readings(name)
    if query == name_pinyin(name):
        return 0
    for start in range(len(readings)):
        if _match_from(readings, start, query):
            return 1 if start == 0 else 2
    return None


def name_matches(name: str, query: str) -> bool:
    """Whether the member picker should offer ``name`` for what was typed (empty matches all)."""
    try:
        return _rank(name, _normalize_query(query)) is not None
    except (TypeError, ValueError):
        return False


def match_rank(text: str, query: str) -> int | None:
    """How well ``query`` (Chinese, full pinyin or initials) finds ``text``: 0 exact, 1 from
    the start, 2 elsewhere, None not at all. The command palette ranks its entries by it."""
    try:
        return _rank(text, _normalize_query(query))
    except (TypeError, ValueError):
        return None


def search_members(members: Iterable[T], query: str) -> list[T]:
    """The members whose name matches ``query``: exact first, then from the start, then the rest.

    Order within a rank is the input order, so the caller's sorting is kept.
    """
    wanted = _normalize_query(query) if isinstance(query, str) else ""
    ranked: list[tuple[int, int, T]] = []
    for index, member in enumerate(members):
        rank = _rank(member.name, wanted)
        if rank is not None:
            ranked.append((rank, index, member))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [member for _, _, member in ranked]


def sort_by_pinyin(members: Sequence[T]) -> list[T]:
    """Members in the order of their names' pinyin, syllable by syllable as paper rosters are
    sorted: 陈琳宁 (chen lin ning) before 程勇诗 (cheng …), 李晓梅 before 刘芳."""
    return sorted(members, key=lambda m: (name_syllables(m.name), m.name))
