import pytest

from lint.engine import check_text
from lint.settings import Settings

SETTINGS = Settings(plugins=("todo",), select=("TD",))


def found(source: str, settings: Settings = SETTINGS):
    return [(d.code, d.line, d.column) for d in check_text(source, "post.md", settings)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Japan holds Treasuries. TODO: check.\n", [("TD001", 1, 25)]),
        ("- 東京 FIXME\n\n> XXX later\n", [("TD001", 1, 6), ("TD001", 3, 3)]),
        ("## Heading TODO\n", [("TD001", 1, 12)]),
        ("`TODO` <!-- TODO --> {% comment %}TODO{% endcomment %}\n", []),
        ("Todos and TODOs are words, not notes.\n", []),
    ],
)
def test_todo_note(source, expected):
    assert found(source) == expected


def test_the_words_are_configurable():
    settings = Settings(plugins=("todo",), select=("TD",), rules={"TD001": {"words": ["TBD"]}})
    assert found("TBD and TODO\n", settings) == [("TD001", 1, 1)]
