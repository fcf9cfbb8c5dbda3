"""Dates that match their format but name no real day or time: FM103 at the value, saying why."""

from __future__ import annotations

import re

import pytest

from lint.engine import check_text
from lint.schema.dates import compile_formats
from lint.settings import SchemaEntry, Settings
from tests.helpers import ROOT

# date: datetime, published: date, lastmod: datetime in its own formats, dates: a list of dates
DATES = Settings(
    select=("FM",),
    schemas=(SchemaEntry(paths=("**",), schema="dates.yaml"),),
    root=ROOT / "tests" / "schema_fixtures",
)
DEFAULT = Settings(select=("FM",))


def problems(source: str, settings: Settings = DATES) -> list[tuple]:
    return [
        (d.code, d.line, d.column, d.message, d.fix)
        for d in check_text(source, "post.md", settings)
    ]


def fm103(line: int, column: int, message: str) -> list[tuple]:
    return [("FM103", line, column, message, None)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # YAML timestamps that PyYAML refuses: at the value, not FM003 at the block
        (
            "---\ntitle: A\ndate: 2024-02-30\n---\n",
            fm103(3, 7, "date '2024-02-30' is not a date: February 2024 has 29 days"),
        ),
        (
            "---\ndate: 2024-13-01\n---\n",
            fm103(2, 7, "date '2024-13-01' is not a date: month 13 does not exist"),
        ),
        (
            "---\ndate: 2024-01-01 25:00:00\n---\n",
            fm103(2, 7, "date '2024-01-01 25:00:00' is not a date: hour 25 does not exist"),
        ),
        (
            "---\npublished: 2023-02-29\n---\n",
            fm103(2, 12, "published '2023-02-29' is not a date: February 2023 has 28 days"),
        ),
        (
            "---\npublished: 2024-2-30\n---\n",
            fm103(2, 12, "published '2024-2-30' is not a date: February 2024 has 29 days"),
        ),
        (
            "---\ndate: 2024-00-10\n---\n",
            fm103(2, 7, "date '2024-00-10' is not a date: month 00 does not exist"),
        ),
        (
            "---\ndate: 0000-01-01\n---\n",
            fm103(2, 7, "date '0000-01-01' is not a date: year 0000 does not exist"),
        ),
        # text that is no YAML timestamp, in the field's format
        (
            "---\ndate: 2025-06-31 10:00\n---\n",
            fm103(2, 7, "date '2025-06-31 10:00' is not a date: June has 30 days"),
        ),
        (
            "---\ndate: 2024-01-01 25:00\n---\n",
            fm103(2, 7, "date '2024-01-01 25:00' is not a date: hour 25 does not exist"),
        ),
        (
            "---\ndate: 2024-01-01 10:61\n---\n",
            fm103(2, 7, "date '2024-01-01 10:61' is not a date: minute 61 does not exist"),
        ),
        (
            "---\nlastmod: 31 Jun 2025\n---\n",
            fm103(2, 10, "lastmod '31 Jun 2025' is not a date: June has 30 days"),
        ),
        # ... or written another way: the impossible day, not "does not match"
        (
            "---\ndate: 2024-02-30 3:58 PM\n---\n",
            fm103(2, 7, "date '2024-02-30 3:58 PM' is not a date: February 2024 has 29 days"),
        ),
        # quoted, in lists
        (
            '---\ndate: "2024-02-30"\n---\n',
            fm103(2, 7, "date '2024-02-30' is not a date: February 2024 has 29 days"),
        ),
        (
            "---\ndates: [2024-02-28, 2024-02-30]\n---\n",
            fm103(2, 21, "dates item '2024-02-30' is not a date: February 2024 has 29 days"),
        ),
        (
            "---\ndates:\n  - '2025-04-31'\n---\n",
            fm103(3, 5, "dates item '2025-04-31' is not a date: April has 30 days"),
        ),
        # time zones
        (
            "---\ndate: 2024-01-01 10:00:00 +25:00\n---\n",
            fm103(
                2,
                7,
                "date '2024-01-01 10:00:00 +25:00' is not a date: UTC offset +25:00 does not "
                "exist (offsets run from -18:00 to +18:00)",
            ),
        ),
        (
            "---\nlastmod: '2024-01-01T10:00:00+05:75'\n---\n",
            fm103(
                2,
                10,
                "lastmod '2024-01-01T10:00:00+05:75' is not a date: UTC offset +05:75 does not "
                "exist (offsets run from -18:00 to +18:00)",
            ),
        ),
        ("---\nlastmod: 2024-01-01T10:00:00+18:00\n---\n", []),
        # leap seconds: 23:59:60 UTC, wherever the clock shows it
        ("---\ndate: 2016-12-31 23:59:60\n---\n", []),
        ("---\nlastmod: 2016-12-31T23:59:60Z\n---\n", []),
        ("---\nlastmod: 2017-01-01T00:59:60+01:00\n---\n", []),
        (
            "---\nlastmod: 2016-12-31T12:59:60Z\n---\n",
            fm103(
                2,
                10,
                "lastmod '2016-12-31T12:59:60Z' is not a date: second 60 is a leap second, "
                "which comes only at 23:59:60 UTC",
            ),
        ),
        (
            "---\ndate: 2016-12-31T23:59:61Z\n---\n",
            fm103(2, 7, "date '2016-12-31T23:59:61Z' is not a date: second 61 does not exist"),
        ),
        # a field without a date type, or a key: the text as written, no problem
        ("---\nwhen: 2024-02-30\n---\n", []),
        ("---\n2024-02-30: a\n---\n", []),
        ("---\nwhen: [2024-13-01]\ndate: 2024-02-29\n---\n", []),
        # TOML: tomllib refuses the document; the date is read as written
        (
            "+++\ntitle = 'A'\ndate = 2024-02-30\n+++\n",
            fm103(3, 8, "date '2024-02-30' is not a date: February 2024 has 29 days"),
        ),
        (
            "+++\ndate = 2024-01-01T25:00:00Z\n+++\n",
            fm103(2, 8, "date '2024-01-01T25:00:00Z' is not a date: hour 25 does not exist"),
        ),
        (
            "+++\ndates = [\n  2024-02-28,\n  2024-02-30,\n]\n+++\n",
            fm103(4, 3, "dates item '2024-02-30' is not a date: February 2024 has 29 days"),
        ),
        (
            "+++\n[extra]\nwhen = 2024-02-30 # not checked\n+++\n",
            [],
        ),
        # ... and a real TOML error after it keeps its own place
        (
            "+++\ndate = 2024-02-30 = 1\n+++\n",
            [
                (
                    "FM003",
                    2,
                    19,
                    "invalid TOML: Expected newline or end of document after a statement",
                    None,
                )
            ],
        ),
        # JSON: a string
        (
            '{\n  "date": "2024-02-30"\n}\n',
            fm103(2, 11, "date '2024-02-30' is not a date: February 2024 has 29 days"),
        ),
    ],
)
def test_impossible_dates_are_reported_at_the_value(source, expected):
    assert problems(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("---\ntitle: A\ndate: 2024-02-30\n---\n", [("FM103", 3, 7)]),
        ("+++\ntitle = 'A'\ndate = 2024-02-30\n+++\n", [("FM103", 3, 8)]),
        ('{\n  "title": "A",\n  "date": "2024-13-01"\n}\n', [("FM103", 3, 11)]),
        ("---\ntitle: A\nupdated: 2024-02-30\n---\n", []),
    ],
)
def test_impossible_dates_under_the_default_preset(source, expected):
    assert [(code, line, column) for code, line, column, *_ in problems(source, DEFAULT)] == (
        expected
    )


# The pattern a JSON Schema export writes for a field's formats accepts what mdvet accepts
FORMATS = [
    ("YYYY-MM-DD",),
    ("YYYY-MM-DD[ HH:MM[:SS]][ ±HHMM]", "YYYY-MM-DDTHH:MM[:SS[.SSS]][(Z|±HH:MM|±HHMM)]"),
    ("YYYY-MM-DDTHH:MM:SS[.SSS][(Z|±HH:MM|±HHMM)]", "YYYY-MM-DD", "DD MMM YYYY"),
    ("MM/DD/YYYY",),
    ("DD.MM.YYYY[ HH:MM]",),
    ("MMM DD, YYYY",),
]
VALUES = [
    "2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "2400-02-29", "2024-02-30",
    "2024-04-31", "2024-04-30", "2024-12-31", "2024-13-01", "2024-00-10", "2024-01-00",
    "0000-01-01", "0001-01-01", "2024-1-5", "2025-05-02 15:58", "2025-05-02 3:58 PM",
    "2025-05-02 24:00", "2025-05-02 23:60", "2025-05-02 15:58:07 +0900",
    "2025-05-02 15:58 +1801", "2025-05-02 15:58 -1800", "2025-05-02T15:58:07.123Z",
    "2025-05-02T15:58:07.1234567891Z", "2025-05-02T15:58+09:00", "2025-05-02T15:58:07+05:60",
    "02 Feb 2025", "29 Feb 2023", "31 Jun 2025", "02 Sept 2025", "02/29/2024", "02/29/2023",
    "29.02.2024", "31.04.2024 10:00", "31.05.2024 10:00", "Feb 29, 2024", "Feb 29, 2100",
    "Dec 31, 2024", " 2024-01-01", "2024-01-01 ",
]  # fmt: skip


@pytest.mark.parametrize("formats", FORMATS)
def test_export_pattern_agrees_with_the_formats(formats):
    compiled = compile_formats(formats)
    pattern = re.compile(compiled.pattern)
    for value in VALUES:
        assert (pattern.search(value) is not None) == (compiled.match(value) == (True, True)), value


def test_toml_keeps_at_most_a_hundred_impossible_dates_as_text():
    def block(count: int) -> str:
        return "+++\n" + "".join(f"k{n} = 2024-02-30\n" for n in range(count)) + "+++\n"

    assert problems(block(100)) == []
    assert problems(block(101)) == [
        ("FM003", 102, 8, "invalid TOML: Invalid date or datetime", None)
    ]


def test_an_aliased_impossible_date_is_reported_where_it_is_written():
    source = "---\ndate: &day 2024-02-30\ndates: [*day]\n---\n"
    assert [(code, line, column) for code, line, column, *_ in problems(source)] == [
        ("FM103", 2, 7),
        ("FM103", 2, 7),  # the alias stands for the value written at the anchor
    ]


@pytest.mark.parametrize("schema", ["post.json", "site_models:Post"])
def test_json_schema_files_and_models_give_the_reason_too(schema):
    settings = Settings(
        select=("FM",),
        schemas=(SchemaEntry(paths=("**",), schema=schema),),
        root=ROOT / "tests" / "schema_fixtures",
    )
    assert problems("---\ntitle: Hello\ndate: 2024-02-30\n---\n", settings) == fm103(
        3, 7, "date '2024-02-30' is not a date: February 2024 has 29 days"
    )
