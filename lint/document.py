"""The immutable Document: everything a rule may read about one file."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from lint import frontmatter
from lint.frontmatter import FrontMatter
from lint.markdown import (
    Code,
    Definition,
    Heading,
    Html,
    Image,
    Link,
    Node,
    Prose,
    Text,
    parse_body,
    template_spans,
)
from lint.model import Pos, Problem
from lint.source import LineIndex


@dataclass(frozen=True)
class Document:
    path: str
    text: str
    lines: LineIndex
    front_matter: FrontMatter | None
    body_start: int  # character offset where the Markdown body begins
    nodes: tuple[Node, ...]
    prose: tuple[Prose, ...]  # runs of prose: (offset, end offset, containers), in order
    templates: tuple[tuple[int, int], ...]  # character ranges of template syntax
    problems: tuple[tuple[str, Problem], ...]  # found while reading and parsing, by code
    bom: bool = False

    @property
    def data(self) -> dict[str, Any]:
        """The front matter as a mapping ({} when absent, broken or not a mapping)."""
        fm = self.front_matter
        return fm.data if fm is not None and isinstance(fm.data, dict) else {}

    @cached_property
    def links(self) -> tuple[Link, ...]:
        return tuple(n for n in self.nodes if type(n) is Link)

    @cached_property
    def images(self) -> tuple[Image, ...]:
        return tuple(n for n in self.nodes if type(n) is Image)

    @cached_property
    def links_and_images(self) -> tuple[Link | Image, ...]:
        """Links and images together, in document order (several rules read both)."""
        return tuple(n for n in self.nodes if type(n) is Link or type(n) is Image)

    @cached_property
    def headings(self) -> tuple[Heading, ...]:
        return tuple(n for n in self.nodes if type(n) is Heading)

    @cached_property
    def texts(self) -> tuple[Text, ...]:
        """The prose runs as nodes (`prose` holds the same as plain tuples)."""
        return tuple(Text(self.lines, lo, hi, inside=inside) for lo, hi, inside in self.prose)

    @cached_property
    def code(self) -> tuple[Code, ...]:
        return tuple(n for n in self.nodes if type(n) is Code)

    @cached_property
    def definitions(self) -> tuple[Definition, ...]:
        """Link reference definitions, in document order (the first of a label wins)."""
        return tuple(n for n in self.nodes if type(n) is Definition)

    @cached_property
    def html(self) -> tuple[Html, ...]:
        return tuple(n for n in self.nodes if type(n) is Html)

    def problems_for(self, code: str):
        return (problem for problem_code, problem in self.problems if problem_code == code)


def parse_document(text: str, path: str, *, bom: bool = False) -> Document:
    """Split, parse and index one file's text. Pure: no I/O."""
    lines = LineIndex(text)
    problems: list[tuple[str, Problem]] = []
    block = frontmatter.split(text, lines)
    if block is not None:
        if block.close_line is None:
            fence = lines.line_text(1).strip()
            problems.append(
                (
                    "FM002",
                    Problem(
                        Pos(1, 1),
                        f"front matter opened with '{fence}' is never closed",
                        end=Pos(1, len(fence) + 1),
                    ),
                )
            )
        else:
            block, found = frontmatter.parse(block, text)
            problems.extend(found)
    start = frontmatter.body_start(block, lines)
    templates = template_spans(text, start, mdx=path.endswith(".mdx"))
    nodes, prose = parse_body(lines, start, templates)
    return Document(
        path, text, lines, block, start, nodes, prose, tuple(templates), tuple(problems), bom
    )


def unreadable_document(path: str, reason: str, code: str = "LN001") -> Document:
    """A stand-in for a file that was not read as text; it carries one problem (LN001, or
    LN003 for a file over the size limit)."""
    return Document(
        path, "", LineIndex(""), None, 0, (), (), (), ((code, Problem(Pos(1, 1), reason)),)
    )
