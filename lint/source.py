"""Bytes to text, and offsets to lines and columns."""

from __future__ import annotations

import re
from bisect import bisect_right

from lint.model import Pos

BOM = "\ufeff"
_tuple_new = tuple.__new__
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NEWLINE = re.compile("\n")
_match_end = re.Match.end


def split_lines(text: str) -> list[str]:
    """The text's lines without their breaks (CRLF, CR or LF, as LineIndex counts them). Without
    a CR (most files) that is str.split at LF, several times faster than the regex."""
    return _LINE_BREAK.split(text) if "\r" in text else text.split("\n")


class UndecodableError(ValueError):
    """The bytes are not UTF-8 text; the message says why."""


def decode(data: bytes) -> tuple[str, bool]:
    """Return the text without its BOM, and whether there was one."""
    if b"\x00" in data:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise UndecodableError("file is UTF-16 encoded; mdvet reads UTF-8 only")
        offset = data.index(b"\x00")
        raise UndecodableError(f"file contains a NUL byte at offset {offset}; it looks binary")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise UndecodableError(
            f"file is not valid UTF-8: byte 0x{data[err.start]:02x} at offset {err.start}"
        ) from None
    if text.startswith(BOM):
        return text[1:], True
    return text, False


class LineIndex:
    """Maps character offsets (and UTF-8 byte offsets) in one text to 1-based positions.

    LF, CRLF and a lone CR all end a line, as in CommonMark and YAML.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # each line but the first starts where a line break ends; without a CR in the text, a
        # search for LF alone finds them (in C, and several times faster than the alternation)
        breaks = _LINE_BREAK if "\r" in text else _NEWLINE
        self.starts = [0]
        self.starts.extend(map(_match_end, breaks.finditer(text)))
        self._ascii = text.isascii()
        self._byte_starts: list[int] | None = None

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def pos(self, offset: int) -> Pos:
        line = bisect_right(self.starts, offset) - 1
        # tuple.__new__ is Pos(...) without the Python-level __new__ of a NamedTuple: this
        # runs for every node a rule or the site summary places
        return _tuple_new(Pos, (line + 1, offset - self.starts[line] + 1))

    def offset(self, pos: Pos) -> int:
        """The character offset of a position (clamped to the text)."""
        line = min(max(pos.line, 1), len(self.starts)) - 1
        return min(self.starts[line] + pos.column - 1, len(self.text))

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line break."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def byte_pos(self, byte_offset: int) -> Pos:
        """The position of a UTF-8 byte offset (as pyromark reports them)."""
        if self._ascii:
            return self.pos(byte_offset)
        return self.pos(self.char_offset(byte_offset))

    def char_offset(self, byte_offset: int) -> int:
        if self._ascii:
            return byte_offset
        if self._byte_starts is None:
            self._byte_starts = _byte_starts(self.text, self.starts)
        line = bisect_right(self._byte_starts, byte_offset) - 1
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        prefix = self.text[start:end].encode("utf-8")[: byte_offset - self._byte_starts[line]]
        return start + len(prefix.decode("utf-8", errors="ignore"))


def _byte_starts(text: str, starts: list[int]) -> list[int]:
    result = []
    total = 0
    previous = 0
    for start in starts:
        total += len(text[previous:start].encode("utf-8"))
        result.append(total)
        previous = start
    return result


def line_matches(pattern: re.Pattern[str], text: str, start: int, literal: str) -> list[re.Match]:
    """What `pattern.finditer(text, start)` finds, for a pattern that matches only at the start
    of a line (`^` with re.MULTILINE, lines ending at LF) and only on lines holding `literal`:
    the pattern is tried at the start of those lines instead of at every line of the text."""
    found = []
    # re finds a short literal two to three times faster than str.find (its compiled
    # patterns are cached by the re module)
    finder = re.compile(re.escape(literal))
    occurrence = finder.search(text, start)
    while occurrence is not None:
        at = occurrence.start()
        line = text.rfind("\n", 0, at) + 1
        # a line that begins before `start` is not searched, as finditer(text, start) would not
        match = pattern.match(text, line) if line >= start else None
        if match is not None:
            found.append(match)
        end = text.find("\n", at)
        occurrence = finder.search(text, end) if end != -1 else None
    return found
