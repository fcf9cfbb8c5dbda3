"""Property tests: for generated documents, diagnostics stay inside the file, JSON output
matches its schema, and fixing is idempotent and touches only reported spans."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.document import parse_document
from lint.engine import check_text
from lint.fix import apply_fixes, fix_text
from lint.formatters.json import format_json
from lint.markdown import Code, Heading, Html, Image, Link
from lint.model import Report
from lint.runner import check_data
from lint.settings import Settings
from lint.source import LineIndex

SETTINGS = Settings(extend_select=("ALL",))

words = st.text(
    alphabet=st.sampled_from(list("abcxyz ÄÖü東京😀-_'\u2019\"")), min_size=0, max_size=12
)
scalars = st.one_of(
    words,
    st.sampled_from(["2025-05-02 3:58 PM", "2025-05-02", "May 2, 2025", "yes", "~", "3.5", "'q'"]),
)
tags = st.lists(
    st.sampled_from(["Trade", "trade", "Japan", "Japan ", "People\u2019s", "People's", "x" * 45]),
    max_size=8,
)
urls = st.sampled_from(
    [
        "https://example.com/a?utm_source=x&id=2",
        "https://example.com/a?fbclid=1",
        "http://example.com/",
        "https://example.com/index.html",
        "https://www gov.cn/",
        "htps://bad",
        "",
        "/local/page/",
        "#anchor",
    ]
)


@st.composite
def documents(draw):
    parts = []
    fence = draw(st.sampled_from(["---", "+++", "", "---"]))
    if fence == "---":
        parts.append("---")
        parts.append(f"title: {draw(scalars)}")
        parts.append(f"date: {draw(scalars)}")
        parts.append(f"tags: [{', '.join(draw(tags))}]")
        if draw(st.booleans()):
            parts.append(f"title: {draw(scalars)}")
        if draw(st.booleans()):
            parts.append("---")
    elif fence == "+++":
        parts += ["+++", f"title = {json.dumps(draw(words))}", "+++"]
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 6))
        if kind == 0:
            parts.append("#" * draw(st.integers(1, 6)) + " " + draw(words))
        elif kind == 1:
            parts.append(f"[{draw(words)}]({draw(urls)}) and [{draw(words)}]({draw(urls)})")
        elif kind == 2:
            parts.append(f"![{draw(words)}]({draw(urls)})")
        elif kind == 3:
            parts.append("```\n[" + draw(words) + "](" + draw(urls) + ")\n```")
        elif kind == 4:
            parts.append("{% include " + draw(words) + " %}")
        elif kind == 5:
            parts.append("<!-- mdvet-disable-next-line -->")
        else:
            parts.append(draw(words))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    final = draw(st.sampled_from([newline, ""]))
    return newline.join(parts) + final


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_diagnostics_lie_inside_the_file(text):
    lines = LineIndex(text)
    diagnostics = check_data(text.encode(), "post.md", SETTINGS).diagnostics
    for d in diagnostics:
        assert 1 <= d.line <= lines.line_count, d
        assert 1 <= d.column <= len(lines.line_text(d.line)) + 2, d
        assert (d.end_line, d.end_column) >= (d.line, d.column), d
        assert d.end_line <= lines.line_count + 1, d


@settings(max_examples=100, deadline=None)
@given(documents())
def test_json_output_matches_its_schema(output_validator, text):
    diagnostics = check_data(text.encode(), "post.md", SETTINGS).diagnostics
    output_validator.validate(json.loads(format_json(Report(tuple(diagnostics), 1))))


@settings(max_examples=200, deadline=None)
@given(documents())
def test_fixing_is_idempotent(text):
    fixed, _, _ = fix_text(text, "post.md", SETTINGS)
    assert fix_text(fixed, "post.md", SETTINGS)[:2] == (fixed, 0)


@settings(max_examples=200, deadline=None)
@given(documents())
def test_a_fix_pass_changes_only_reported_spans(text):
    diagnostics = check_text(text, "post.md", SETTINGS)
    once, applied = apply_fixes(text, diagnostics)
    lines = LineIndex(text)
    spans = sorted(
        (lines.offset(e.start), lines.offset(e.end))
        for d in diagnostics
        if d.fix is not None and d.fix.safe
        for e in d.fix.edits
    )
    if not spans:
        assert (once, applied) == (text, 0)
        return
    first, last = spans[0][0], max(end for _, end in spans)
    # what lies before the first reported span and after the last one is untouched
    assert once[:first] == text[:first]
    assert once.endswith(text[last:])
    # and each text between two reported spans survives, in order
    cursor = first
    for lo, hi in spans:
        if lo > cursor:
            assert text[cursor:lo] in once
        cursor = max(cursor, hi)


mdx_lines = st.sampled_from(
    [
        "<Tabs>",
        '  <TabItem label="é">',
        "\t</TabItem>",
        "</Tabs>",
        "<Card\n  title={{ a: 'b' }}\n>",
        '<Badge text="x" />',
        "import A from 'a'",
        "",
        "    [lien](u) 東京",
        "  ## Tête",
        "      ```sh",
        "    # comment",
        "    ```",
        "1. Step",
        "   <Aside>",
        "\t\t![alt](i.png)",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(mdx_lines, max_size=14), st.sampled_from(["\n", "\r\n"]))
def test_mdx_nodes_are_where_their_source_is(lines, newline):
    text = newline.join(lines) + newline
    doc = parse_document(text, "page.mdx")
    for node in doc.nodes:
        source = text[node.offset : node.end_offset]
        assert 0 <= node.offset <= node.end_offset <= len(text), node
        if isinstance(node, (Link, Image)):
            assert source.startswith(("[", "![")) and source.endswith(")"), (node, source)
        elif isinstance(node, Heading):
            assert source.startswith("#") and node.text in source, (node, source)
        elif isinstance(node, Html) and node.block:
            assert node.text.startswith(source), (node, source)
        elif isinstance(node, Code) and node.block:  # fenced, or indented outside elements
            before = text[text.rfind("\n", 0, node.offset) + 1 : node.offset]
            fenced = source.lstrip(" \t").startswith("`")
            assert fenced or len(before.expandtabs(4)) >= 4, (node, source)
    for lo, hi, _ in doc.prose:
        assert text[lo:hi].strip() == text[lo:hi].strip(" \t") and "\n" not in text[lo:hi]
