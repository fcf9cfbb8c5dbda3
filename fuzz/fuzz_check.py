"""Fuzz `check_text` and the front-matter parser with atheris (coverage-guided).

    python3 -m pip install atheris
    python3 fuzz/fuzz_check.py -max_total_time=600 fuzz/corpus

Any exception other than the documented ones is a crash: atheris stops and writes the input
to crash-<hash>; turn it into a regression test in tests/test_hostile.py.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from lint.document import parse_document
    from lint.engine import check_text
    from lint.settings import Settings
    from lint.source import LineIndex

SETTINGS = Settings(extend_select=("ALL",))
PREFIXES = ("", "---\n", "+++\n", "{\n", '{"', "---\ntitle: ", "---\ntags: [")


def check_invariants(text: str, path: str) -> None:
    lines = LineIndex(text)
    for d in check_text(text, path, SETTINGS):
        assert 1 <= d.line <= lines.line_count + 1, d
        assert d.column >= 1 and d.end_column >= 1, d
        assert (d.end_line, d.end_column) >= (d.line, d.column), d
        assert d.message and d.code, d


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    prefix = PREFIXES[provider.ConsumeIntInRange(0, len(PREFIXES) - 1)]
    path = ("post.md", "page.mdx")[provider.ConsumeIntInRange(0, 1)]
    text = prefix + provider.ConsumeUnicodeNoSurrogates(len(data))
    parse_document(text, path)
    check_invariants(text, path)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
