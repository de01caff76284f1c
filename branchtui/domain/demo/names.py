"""Chinese names, 身份证号 and mobile numbers that look real (for the demo branch only)."""

from __future__ import annotations

import datetime as dt
import random

# The most common surnames with rough frequencies (per mille of the population).
SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 72),
    ("李", 72),
    ("张", 69),
    ("刘", 54),
    ("陈", 53),
    ("杨", 31),
    ("黄", 23),
    ("赵", 22),
    ("吴", 20),
    ("周", 19),
    ("徐", 16),
    ("孙", 15),
    ("马", 14),
    ("朱", 13),
    ("胡", 12),
    ("郭", 11),
    ("何", 11),
    ("林", 11),
    ("高", 10),
    ("罗", 9),
    ("郑", 9),
    ("梁", 8),
    ("谢", 7),
    ("宋", 7),
    ("唐", 7),
    ("许", 6),
    ("邓", 6),
    ("韩", 6),
    ("冯", 6),
    ("曹", 5),
    ("彭", 5),
    ("曾", 5),
    ("肖", 5),
    ("田", 5),
    ("董", 5),
    ("潘", 4),
    ("袁", 4),
    ("蔡", 4),
    ("蒋", 4),
    ("余", 4),
    ("于", 4),
    ("杜", 4),
    ("叶", 4),
    ("程", 4),
    ("魏", 3),
    ("苏", 3),
    ("吕", 3),
    ("丁", 3),
    ("任", 3),
    ("卢", 3),
    ("姚", 3),
    ("沈", 3),
    ("钟", 3),
    ("姜", 3),
    ("崔", 3),
    ("谭", 3),
    ("陆", 3),
    ("范", 2),
    ("汪", 2),
    ("廖", 2),
    ("石", 2),
    ("金", 2),
    ("韦", 2),
    ("贾", 2),
    ("夏", 2),
    ("付", 2),
    ("方", 2),
    ("邹", 2),
    ("熊", 2),
    ("白", 2),
    ("孟", 2),
    ("秦", 2),
    ("邱", 2),
    ("侯", 2),
    ("江", 2),
    ("尹", 2),
    ("薛", 2),
    ("闫", 2),
    ("段", 2),
    ("雷", 2),
    ("龚", 1),
    ("史", 1),
    ("陶", 1),
    ("黎", 1),
    ("洪", 1),
    ("庄", 1),
    ("柯", 1),
    ("施", 1),
    ("詹", 1),
    ("欧阳", 1),
)
MALE_CHARS = "伟强磊军勇杰涛明超华建平辉鹏飞斌宇浩凯健俊文志东海波亮林晨旭阳锋毅峰坤然思博"
FEMALE_CHARS = "芳娜敏静丽艳娟霞秀玲婷雪琳颖洁佳慧倩晶莹琴蓉萍璐欣怡悦妍瑶蕾岚雯薇晓梅红"
SHARED_CHARS = "佳嘉子一宁安晨欣雨清若明心诗思辰家泽"

# 厦门 district codes for the first six digits of a 身份证号.
XIAMEN_DISTRICTS = ("350203", "350205", "350206", "350211", "350212", "350213")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
MOBILE_PREFIXES = ("135", "137", "138", "139", "150", "152", "158", "159", "177", "186", "188")

_SURNAME_NAMES = [s for s, _w in SURNAMES]
_SURNAME_WEIGHTS = [w for _s, w in SURNAMES]


def id_check_char(first17: str) -> str:
    """The 18th character of a 身份证号 (GB 11643 ISO 7064 MOD 11-2) for its first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def id_number_valid(number: str) -> bool:
    """Whether an 18-character 身份证号 has digits where they belong and a correct check char."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    return number[17].upper() == id_check_char(number[:17])


def make_id_number(rng: random.Random, birth: dt.date, gender: str) -> str:
    """A 厦门 身份证号 consistent with the birth date; the 17th digit is odd for men."""
    order = rng.randrange(0, 100)
    sex_digit = rng.choice("13579" if gender == "male" else "02468")
    first17 = f"{rng.choice(XIAMEN_DISTRICTS)}{birth:%Y%m%d}{order:02d}{sex_digit}"
    return first17 + id_check_char(first17)


def make_phone(rng: random.Random) -> str:
    """An 11-digit mainland mobile number."""
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(0, 10**8):08d}"


class NamePool:
    """Draws distinct full names, weighted by surname frequency."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def draw(self, gender: str) -> str:
        chars = (MALE_CHARS if gender == "male" else FEMALE_CHARS) + SHARED_CHARS
        while True:
            surname = self.rng.choices(_SURNAME_NAMES, _SURNAME_WEIGHTS)[0]
            size = 1 if self.rng.random() < 0.3 else 2
            name = surname + "".join(self.rng.choice(chars) for _ in range(size))
            if name not in self.used:
                self.used.add(name)
                return name


_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 35 → 三十五, 101 → 一百零一 (1…999)."""
    if not 0 < n < 1000:
        raise ValueError(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += _DIGITS[hundreds] + "百"
        if rest and tens == 0:
            return out + "零" + _DIGITS[ones]
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    if ones:
        out += _DIGITS[ones]
    return out
