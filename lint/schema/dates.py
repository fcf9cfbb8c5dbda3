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
from functools import cached_property, lru_cache

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
    """A field's accepted formats, read once; their regular expressions are compiled when
    a value is first matched (most pages of a site give no date)."""

    formats: tuple[str, ...]
    variants: tuple[Variant, ...]

    @cached_property
    def regexes(self) -> tuple[re.Pattern[str], ...]:
        """One regular expression for each variant."""
        return tuple(_regex(variant) for variant in self.variants)

    @property
    def description(self) -> str:
        return " or ".join(self.formats)

    def match(self, value: str) -> tuple[bool, bool]:
        """(matches a variant's shape, and is a real date and time)."""
        shaped = False
        for regex in self.regexes:
            found = regex.fullmatch(value)
            if found is None:
                continue
            shaped = True
            if _parts_from_match(found.groupdict()) is not None:
                return True, True
        return shaped, False

    @property
    def day_first(self) -> bool | None:
        """Whether these formats write the day before the month; None when they do not say."""
        orders = {"MM/DD" in text or "MM.DD" in text for text in self.formats if "DD" in text[:6]}
        if len(orders) == 1 and any(text[:2] in ("DD", "MM") for text in self.formats):
            return not orders.pop()
        return None

    def fault(self, value: str) -> str | None:
        """Why `value` names no real date or time (`February 2024 has 29 days`): for a value
        shaped like one of the formats, or written another common way. None when it is real,
        or when it cannot be read as a date at all."""
        reason = None
        for regex in self.regexes:
            found = regex.fullmatch(value)
            if found is not None:
                why = _fault(*_numbers(found.groupdict()))
                if why is None:
                    return None
                reason = reason or why
        if reason is None:
            numbers = _read(value, self.day_first)
            reason = _fault(*numbers) if numbers is not None else None
        return reason

    @property
    def pattern(self) -> str:
        """A regular expression matching the real dates the formats accept, in the syntax
        that JSON Schema's `pattern` and Python share (ECMA 262 without named groups)."""
        return "^(?:" + "|".join(_pattern(text) for text in self.formats) + ")$"

    def render(self, parts: Parts) -> str | None:
        """`parts` written in the simplest variant that keeps all they say."""
        have = parts.fields()
        best: tuple[int, int, Variant] | None = None
        for order, variant in enumerate(self.variants):
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
        variants.extend(parsed)
    return DateFormats(tuple(formats), tuple(variants))


def _parts_from_match(groups: dict[str, str | None]) -> Parts | None:
    return _checked(*_numbers(groups))


def _numbers(groups: dict[str, str | None]) -> tuple:
    """A format's match as (year, month, day, hour, minute, second, fraction, offset), the
    offset as written."""
    month = groups.get("month")
    month_number = int(month) if month else MONTHS.index(groups["month_name"] or "Jan") + 1
    offset = "Z" if groups.get("utc") else groups.get("offset") or groups.get("offset_colon")
    fraction = groups.get("fraction")
    return (
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


def _offset_minutes(offset: str) -> int | None:
    """Minutes east of UTC for `Z`, `+0200` or `+02:00`; None for an offset that does not exist."""
    if offset == "Z":
        return 0
    digits = offset[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    total = hours * 60 + minutes
    if minutes > 59 or total > 18 * 60:
        return None
    return -total if offset[0] == "-" else total


def _fault(year, month, day, hour=None, minute=None, second=None, fraction=None, offset=None):
    """Why these numbers name no real date and time, said plainly; None when they do."""
    if year < 1:
        return f"year {year:04d} does not exist"
    if not 1 <= month <= 12:
        return f"month {month:02d} does not exist"
    days = calendar.monthrange(year, month)[1]
    if day < 1:
        return f"day {day:02d} does not exist"
    if day > days:
        if month == 2:
            return f"February {year} has {days} days"
        return f"{calendar.month_name[month]} has {days} days"
    if hour is not None and hour > 23:
        return f"hour {hour:02d} does not exist"
    if minute is not None and minute > 59:
        return f"minute {minute:02d} does not exist"
    east = None
    if offset is not None:
        east = _offset_minutes(offset)
        if east is None:
            return f"UTC offset {offset} does not exist (offsets run from -18:00 to +18:00)"
    if second is not None and second > 59:
        if second > 60:
            return f"second {second:02d} does not exist"
        # a leap second is the 61st second of the last minute of a UTC day
        if east is not None and ((hour or 0) * 60 + (minute or 0) - east) % (24 * 60) != 1439:
            return "second 60 is a leap second, which comes only at 23:59:60 UTC"
    return None


def _checked(year, month, day, hour=None, minute=None, second=None, fraction=None, offset=None):
    if _fault(year, month, day, hour, minute, second, fraction, offset) is not None:
        return None
    east = _offset_minutes(offset) if offset is not None else None
    return Parts(year, month, day, hour, minute, second, fraction, east)


# Dates as JSON Schema patterns -------------------------------------------------------------

_YEAR = r"(?!0000)\d{4}"
_LEAP_YEAR = r"(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_PATTERN_TOKENS = {
    "year": _YEAR,
    "month": "(?:0[1-9]|1[0-2])",
    "month_name": "(?:" + "|".join(MONTHS) + ")",
    "day": r"(?:0[1-9]|[12]\d|3[01])",
    "hour": r"(?:[01]\d|2[0-3])",
    "minute": r"[0-5]\d",
    "second": r"(?:[0-5]\d|60)",
    "fraction": r"\.\d{1,9}",
    "offset": r"[+-](?:(?:0\d|1[0-7])[0-5]\d|1800)",
    "offset_colon": r"[+-](?:(?:0\d|1[0-7]):[0-5]\d|18:00)",
    "utc": "Z",
}
# The calendar, one alternative per month length: (month numbers, month names, days, year)
_MONTH_LENGTHS = (
    ("(?:0[13578]|1[02])", "(?:Jan|Mar|May|Jul|Aug|Oct|Dec)", r"(?:0[1-9]|[12]\d|3[01])", _YEAR),
    ("(?:0[469]|11)", "(?:Apr|Jun|Sep|Nov)", r"(?:0[1-9]|[12]\d|30)", _YEAR),
    ("02", "Feb", r"(?:0[1-9]|1\d|2[0-8])", _YEAR),
    ("02", "Feb", "29", _LEAP_YEAR),
)
_SYNTAX = {"[": "(?:", "]": ")?", "(": "(?:", "|": "|", ")": ")"}


def _pattern(text: str) -> str:
    """One format as a regular expression; where the year, month and day stand together,
    the alternatives spell out the calendar, so that 2024-02-30 does not match."""
    items: list[tuple[str, str]] = []  # (kind, regex): kind is a field, "lit" or "syntax"
    i = 0
    after_hour = False
    while i < len(text):
        token = next((t for t in _TOKEN_ORDER if text.startswith(t, i)), None)
        if token is None:
            char = text[i]
            if char in _SYNTAX:
                items.append(("syntax", _SYNTAX[char]))
            else:
                items.append(("lit", "\\" + char if char in "\\^$.*+?{}/" else char))
            i += 1
            continue
        field = _TOKENS[token][0]
        if token == "MM" and after_hour:
            field = "minute"
        after_hour = field == "hour"
        items.append((field, _PATTERN_TOKENS[field]))
        i += len(token)
    date = [
        n for n, (kind, _) in enumerate(items) if kind in ("year", "month", "month_name", "day")
    ]
    kinds = sorted(items[n][0] for n in date)
    if kinds in (["day", "month", "year"], ["day", "month_name", "year"]) and all(
        kind != "syntax" for kind, _ in items[date[0] : date[-1] + 1]
    ):
        run = items[date[0] : date[-1] + 1]
        spelled = {"month": 0, "month_name": 1, "day": 2, "year": 3}
        alternatives = [
            "".join(length[spelled[kind]] if kind in spelled else regex for kind, regex in run)
            for length in _MONTH_LENGTHS
        ]
        items[date[0] : date[-1] + 1] = [("date", "(?:" + "|".join(alternatives) + ")")]
    return "".join(regex for _, regex in items)


# Understanding dates written some other way -------------------------------------------------

_TIME = (
    r"(?:(?:T|\s+|,\s*|\s+at\s+)(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2})(?:\.(?P<fraction>\d{1,9}))?)?"
    r"\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*(?P<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?"
)
_MONTH_WORD = r"(?P<mname>[A-Za-z]{3,9})\.?"


@lru_cache(maxsize=1)
def _understood() -> tuple[re.Pattern[str], ...]:
    """The common ways of writing a date, compiled when a date is first read that way (to
    explain a bad one: most runs meet none)."""
    return (
        re.compile(rf"(?P<y>\d{{4}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}}){_TIME}"),
        re.compile(rf"{_MONTH_WORD}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_TIME}"),
        re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_WORD},?\s+(?P<y>\d{{4}}){_TIME}"),
        re.compile(rf"(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.](?P<y>\d{{4}}){_TIME}"),
    )


def understand(value: str, day_first: bool | None = None) -> Parts | None:
    """Read a date written in a common way; None when it is unclear, ambiguous or not real.

    `day_first` settles 02/05/2025 when the formats themselves write days and months in
    one order only."""
    numbers = _read(value, day_first)
    return _checked(*numbers) if numbers is not None else None


def _read(value: str, day_first: bool | None) -> tuple | None:
    """A date written in a common way as (year, month, day, hour, minute, second, fraction,
    offset), real or not; None when it is unclear or ambiguous."""
    text = value.strip()
    for regex in _understood():
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


def _with_time(year: int, month: int, day: int, groups: dict) -> tuple | None:
    if groups.get("hour") is None:
        return (year, month, day, None, None, None, None, None)
    hour = int(groups["hour"])
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    zone = groups.get("zone")
    offset = "Z" if zone in ("Z", "UTC", "GMT") else zone
    second = _int(groups.get("second"))
    return (year, month, day, hour, int(groups["minute"]), second, groups.get("fraction"), offset)


def suggest(value: str, formats: DateFormats) -> str | None:
    """The canonical form of `value` in `formats`, when the value is understandable."""
    parts = understand(value, formats.day_first)
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
