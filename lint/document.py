"""The immutable Document: everything a rule may read about one file."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
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
    mdx_layout,
    parse_body,
    template_spans,
)
from lint.model import Pos, Problem
from lint.source import LineIndex

_OFFSET = attrgetter("offset")


class _NodeList:
    """One of a Document's node lists. The first read of any of them sorts the nodes into all
    of them in one pass and stores each on the instance, where later reads find it without
    this descriptor (as with cached_property, minus its lock and one pass per list)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, doc: Document | None, owner: type | None = None):
        if doc is None:
            return self
        by_type: dict[type, list[Node]] = {
            Link: [],
            Image: [],
            Heading: [],
            Code: [],
            Definition: [],
            Html: [],
        }
        for node in doc.nodes:
            by_type[type(node)].append(node)
        links, images = tuple(by_type[Link]), tuple(by_type[Image])
        if images:  # few pages have images; without them the list is the links'
            both = tuple(n for n in doc.nodes if type(n) is Link or type(n) is Image)
        else:
            both = links
        doc.__dict__.update(
            links=links,
            images=images,
            links_and_images=both,
            headings=tuple(by_type[Heading]),
            code=tuple(by_type[Code]),
            definitions=tuple(by_type[Definition]),
            html=tuple(by_type[Html]),
        )
        return doc.__dict__[self.name]


@dataclass(frozen=True)
class PageContext:
    """What a page's site adds to it, known from the site's configuration: link reference
    labels defined for every page (files a generator appends to each page, definition files
    named in mdvet's configuration), the Markdown flavor that renders the page, and whether
    a plugin resolves references no definition names (MkDocs' autorefs), and the Markdown
    extensions the site turns on (MkDocs' `markdown_extensions`)."""

    labels: tuple[str, ...] = ()
    flavor: str = "commonmark"  # or "python-markdown" (MkDocs)
    cross_references: bool = False
    extensions: frozenset[str] = frozenset()


NO_CONTEXT = PageContext()


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
    context: PageContext = NO_CONTEXT

    @property
    def data(self) -> dict[str, Any]:
        """The front matter as a mapping ({} when absent, broken or not a mapping)."""
        fm = self.front_matter
        return fm.data if fm is not None and isinstance(fm.data, dict) else {}

    # The nodes of each type, in document order: tuples, read the first time any of them is
    # asked for (see _NodeList). Definitions are link reference definitions (the first of a
    # label wins); links_and_images holds both, as several rules read both.
    links = _NodeList()
    images = _NodeList()
    links_and_images = _NodeList()
    headings = _NodeList()
    code = _NodeList()
    definitions = _NodeList()
    html = _NodeList()

    @cached_property
    def texts(self) -> tuple[Text, ...]:
        """The prose runs as nodes (`prose` holds the same as plain tuples)."""
        return tuple(Text(self.lines, lo, hi, inside=inside) for lo, hi, inside in self.prose)

    @cached_property
    def destinations(self) -> tuple[Link | Image | Definition, ...]:
        """Every place a link destination is written, once, in document order: inline links
        and images, autolinks, and reference definitions (a reference link's destination is
        written in its definition). Several link rules read it."""
        nodes = [node for node in self.links_and_images if node.kind in ("inline", "autolink")]
        if self.definitions:
            return tuple(sorted((*nodes, *self.definitions), key=_OFFSET))
        return tuple(nodes)

    def problems_for(self, code: str):
        return (problem for problem_code, problem in self.problems if problem_code == code)


def parse_document(text: str, path: str, *, bom: bool = False) -> Document:
    """Split, parse and index one file's text. Pure: no I/O."""
    lines = LineIndex(text)
    block, problems, start = frontmatter.read(text, lines)
    mdx = mdx_layout(lines, start) if path.endswith(".mdx") else None
    templates = template_spans(text, start, mdx)
    nodes, prose = parse_body(lines, start, templates, mdx)
    return Document(
        path, text, lines, block, start, nodes, prose, tuple(templates), tuple(problems), bom
    )


def unreadable_document(path: str, reason: str, code: str = "LN001") -> Document:
    """A stand-in for a file that was not read as text; it carries one problem (LN001, or
    LN003 for a file over the size limit)."""
    return Document(
        path, "", LineIndex(""), None, 0, (), (), (), ((code, Problem(Pos(1, 1), reason)),)
    )
