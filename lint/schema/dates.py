"""Date formats as schema files write them, and canonical suggestions for dates that miss.

A format is text with tokens, optional parts in ``[...]`` and alternatives in ``(a|b)``::

    YYYY-MM-DD[ HH:MM[:SS]][ ±HHMM]
    YYYY-MM-DDTHH:MM:SS[.SSS](Z|±HH:MM)

Tokens: ``YYYY`` year, ``MM`` month (minutes right after ``HH:``), ``MMM`` month name
(``Jan``), ``DD`` day, ``HH`` hour (00-23), ``SS`` seconds, ``.SSS`` a fraction of a second
(1 to 9 digits), ``±HHMM`` or ``ZZ`` a UTC offset like ``+0200``, ``±HH:MM`` an offset like
``+02:00``, ``Z`` the UTC designator. Any other character stands for itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name} | {
    name.lower(): i for i, name in enumerate(calendar.month_abbr) if name
}
_MONTH_NAMES["sept"] = 9

# token -> (field, regex)
_TOKENS = {
    "YYYY": ("year", r"\d{4}"),
    "MMM": ("month_name", "|".join(MONTHS)),
    "MM": ("month", r"\d{2}"),
    "DD": ("day", r"\d{2}"),
    "HH": ("hour", r"\d{2}"),
    "SS": ("second", r"\d{2}"),
    ".SSS": ("fraction", r"\.\d{1,9}"),
    "±HH:MM": ("offset_colon", r"[+-]\d{2}:\d{2}"),
    "±HHMM": ("offset", r"[+-]\d{4}"),
    "ZZ": ("offset", r"[+-]\d{4}"),
    "Z": ("utc", "Z"),
}
_TOKEN_ORDER = sorted(_TOKENS, key=len, reverse=True)


class FormatError(ValueError):
    """A format string that cannot be read; the message says why."""


@dataclass(frozen=True)
class Parts:
    """What a date string says: the date, and as much of the time as it gives."""

    year: int
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    fraction: str | None = None  # the digits after the dot
    offset: int | None = None  # minutes east of UTC

    def fields(self) -> frozenset[str]:
        names = {"date"}
        for name in ("hour", "second", "fraction", "offset"):
            if getattr(self, name) is not None:
                names.add(name)
        return frozenset(names)


# A variant is one concrete way to write a date: (kind, text) items, kind "lit" or a field.
Variant = tuple[tuple[str, str], ...]


def _parse_format(text: str) -> list[Variant]:
    """Every concrete variant of one format, in the order the format reads."""
    variants, i = _sequence(text, 0, stop="")
    if i != len(text):
        raise FormatError(f"unexpected '{text[i]}' at position {i + 1}")
    return variants


def _sequence(text: str, i: int, stop: str) -> tuple[list[Variant], int]:
    variants: list[Variant] = [()]
    after_hour = False
    while i < len(text) and text[i] not in stop:
        char = text[i]
        if char == "[":
            inner, i = _sequence(text, i + 1, stop="]")
            if i >= len(text):
                raise FormatError("'[' is never closed")
            i += 1
            variants = [v + w for v in variants for w in [(), *inner]]
            continue
        if char == "(":
            options: list[Variant] = []
            i += 1
            while True:
                inner, i = _sequence(text, i, stop="|)")
                options.extend(inner)
                if i >= len(text):
                    raise FormatError("'(' is never closed")
                i += 1
                if text[i - 1] == ")":
                    break
            variants = [v + w for v in variants for w in options]
            continue
        if char in "])|":
            raise FormatError(f"unexpected '{char}' at position {i + 1}")
        token = next((t for t in _TOKEN_ORDER if text.startswith(t, i)), None)
        if token is None:
            item = ("lit", char)
            i += 1
        else:
            field = _TOKENS[token][0]
            if token == "MM" and after_hour:
                field = "minute"
            after_hour = field == "hour"
            item = (field, token)
            i += len(token)
        variants = [(*v, item) for v in variants]
        if len(variants) > 256:
            raise FormatError("too many optional parts")
    return variants, i


def _fields(variant: Variant) -> frozenset[str]:
    names = {"date"}
    for kind, _ in variant:
        if kind in ("hour", "minute"):
            names.add("hour")
        elif kind in ("offset", "offset_colon", "utc"):
            names.add("offset")
        elif kind in ("second", "fraction"):
            names.add(kind)
    return frozenset(names)


def _regex(variant: Variant) -> re.Pattern[str]:
    pattern = []
    for kind, text in variant:
        if kind == "lit":
            pattern.append(re.escape(text))
        else:
            pattern.append(f"(?P<{kind}>{_TOKENS[text][1]})")
    return re.compile("".join(pattern))


@dataclass(frozen=True)
class DateFormats:
    """A field's accepted formats, compiled once."""

    formats: tuple[str, ...]
    variants: tuple[tuple[Variant, re.Pattern[str]], ...]

    @property
    def description(self) -> str:
        return " or ".join(self.formats)

    def match(self, value: str) -> tuple[bool, bool]:
        """(matches a variant's shape, and is a real date and time)."""
        shaped = False
        for _, regex in self.variants:
            found = regex.fullmatch(value)
            if found is None:
                continue
            shaped = True
            if _parts_from_match(found.groupdict()) is not None:
                return True, True
        return shaped, False

    def render(self, parts: Parts) -> str | None:
        """`parts` written in the simplest variant that keeps all they say."""
        have = parts.fields()
        best: tuple[int, int, Variant] | None = None
        for order, (variant, _) in enumerate(self.variants):
            fields = _fields(variant)
            if not have <= fields:
                continue
            if "offset" in fields and "offset" not in have:
                continue  # a time zone cannot be made up
            if "hour" in fields and "hour" not in have:
                continue
            if any(kind == "utc" for kind, _ in variant) and parts.offset != 0:
                continue
            extra = len(fields - have)
            if best is None or (extra, order) < best[:2]:
                best = (extra, order, variant)
        if best is None:
            return None
        text = _render(best[2], parts)
        return text if self.match(text) == (True, True) else None


def _render(variant: Variant, parts: Parts) -> str:
    out = []
    for kind, text in variant:
        if kind == "lit":
            out.append(text)
        elif kind == "year":
            out.append(f"{parts.year:04d}")
        elif kind == "month":
            out.append(f"{parts.month:02d}")
        elif kind == "month_name":
            out.append(MONTHS[parts.month - 1])
        elif kind == "day":
            out.append(f"{parts.day:02d}")
        elif kind == "hour":
            out.append(f"{parts.hour:02d}")
        elif kind == "minute":
            out.append(f"{parts.minute:02d}")
        elif kind == "second":
            out.append(f"{parts.second or 0:02d}")
        elif kind == "fraction":
            out.append("." + (parts.fraction or "000"))
        elif kind == "utc":
            out.append("Z")
        else:
            offset = parts.offset or 0
            sign = "-" if offset < 0 else "+"
            hours, minutes = divmod(abs(offset), 60)
            out.append(f"{sign}{hours:02d}{':' if kind == 'offset_colon' else ''}{minutes:02d}")
    return "".join(out)


@lru_cache(maxsize=256)
def compile_formats(formats: tuple[str, ...]) -> DateFormats:
    """Compile formats; raises FormatError naming the bad one."""
    variants = []
    for text in formats:
        try:
            parsed = _parse_format(text)
        except FormatError as err:
            raise FormatError(f"date format '{text}': {err}") from None
        if not any(kind == "year" for kind, _ in parsed[0]):
            raise FormatError(f"date format '{text}' has no year (YYYY)")
        variants.extend((variant, _regex(variant)) for variant in parsed)
    return DateFormats(tuple(formats), tuple(variants))


def _parts_from_match(groups: dict[str, str | None]) -> Parts | None:
    month = groups.get("month")
    month_number = int(month) if month else MONTHS.index(groups["month_name"] or "Jan") + 1
    offset = None
    if groups.get("utc"):
        offset = 0
    for key in ("offset", "offset_colon"):
        raw = groups.get(key)
        if raw:
            digits = raw[1:].replace(":", "")
            offset = (int(digits[:2]) * 60 + int(digits[2:])) * (-1 if raw[0] == "-" else 1)
    fraction = groups.get("fraction")
    return _checked(
        int(groups["year"] or 0),
        month_number,
        int(groups["day"] or 1),
        _int(groups.get("hour")),
        _int(groups.get("minute")),
        _int(groups.get("second")),
        fraction[1:] if fraction else None,
        offset,
    )


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _checked(year, month, day, hour=None, minute=None, second=None, fraction=None, offset=None):
    if not (1 <= month <= 12) or year < 1:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    if hour is not None and not (0 <= hour <= 23 and 0 <= (minute or 0) <= 59):
        return None
    if second is not None and not 0 <= second <= 60:
        return None
    if offset is not None and abs(offset) > 18 * 60:
        return None
    return Parts(year, month, day, hour, minute, second, fraction, offset)


# Understanding dates written some other way -------------------------------------------------

_TIME = (
    r"(?:(?:T|\s+|,\s*|\s+at\s+)(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2})(?:\.(?P<fraction>\d{1,9}))?)?"
    r"\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*(?P<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?"
)
_MONTH_WORD = r"(?P<mname>[A-Za-z]{3,9})\.?"
_UNDERSTOOD = [
    re.compile(rf"(?P<y>\d{{4}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}}){_TIME}"),
    re.compile(rf"{_MONTH_WORD}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_TIME}"),
    re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_WORD},?\s+(?P<y>\d{{4}}){_TIME}"),
    re.compile(rf"(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.](?P<y>\d{{4}}){_TIME}"),
]


def understand(value: str, day_first: bool | None = None) -> Parts | None:
    """Read a date written in a common way; None when it is unclear or ambiguous.

    `day_first` settles 02/05/2025 when the formats themselves write days and months in
    one order only."""
    text = value.strip()
    for regex in _UNDERSTOOD:
        found = regex.fullmatch(text)
        if found is None:
            continue
        groups = found.groupdict()
        if groups.get("mname") is not None:
            month = _MONTH_NAMES.get(groups["mname"].lower())
            if month is None:
                return None
            day = int(groups["d"])
        elif groups.get("a") is not None:
            first, second = int(groups["a"]), int(groups["b"])
            if first != second and first <= 12 and second <= 12:
                if day_first is None:
                    return None  # 02/05/2025: February or May?
                day, month = (first, second) if day_first else (second, first)
            else:
                day, month = (first, second) if first > 12 else (second, first)
        else:
            month, day = int(groups["m"]), int(groups["d"])
        return _with_time(int(groups["y"]), month, day, groups)
    return None


def _with_time(year: int, month: int, day: int, groups: dict) -> Parts | None:
    if groups.get("hour") is None:
        return _checked(year, month, day)
    hour = int(groups["hour"])
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    zone = groups.get("zone")
    offset = None
    if zone in ("Z", "UTC", "GMT"):
        offset = 0
    elif zone:
        digits = zone[1:].replace(":", "")
        offset = (int(digits[:2]) * 60 + int(digits[2:])) * (-1 if zone[0] == "-" else 1)
    second = _int(groups.get("second"))
    return _checked(
        year, month, day, hour, int(groups["minute"]), second, groups.get("fraction"), offset
    )


def suggest(value: str, formats: DateFormats) -> str | None:
    """The canonical form of `value` in `formats`, when the value is understandable."""
    orders = {"MM/DD" in text or "MM.DD" in text for text in formats.formats if "DD" in text[:6]}
    day_first = None
    if len(orders) == 1 and any(text[:2] in ("DD", "MM") for text in formats.formats):
        day_first = not orders.pop()
    parts = understand(value, day_first)
    if parts is None:
        return None
    suggestion = formats.render(parts)
    if suggestion is None and parts.fraction is not None:
        suggestion = formats.render(replace(parts, fraction=None))
    if suggestion is None and parts.second == 0:
        suggestion = formats.render(replace(parts, second=None))
    return suggestion if suggestion != value else None


def native_kind(value: object) -> str | None:
    """'date' or 'datetime' for a parsed YAML/TOML timestamp, else None."""
    if isinstance(value, dt.datetime):
        return "datetime"
    if isinstance(value, dt.date):
        return "date"
    return None
