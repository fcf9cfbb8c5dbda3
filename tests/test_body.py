import pytest

from lint.document import parse_document
from lint.markdown import Code, Heading, Html, Image, Link, Text
from lint.model import Pos


def nodes(source: str, path: str = "post.md"):
    return parse_document(source, path).nodes


def summary(source: str, path: str = "post.md"):
    out = []
    for n in nodes(source, path):
        if isinstance(n, Link):
            out.append(("link", n.kind, n.url, n.text, n.start.line, n.start.column))
        elif isinstance(n, Image):
            out.append(("image", n.url, n.alt, n.start.line, n.start.column))
        elif isinstance(n, Heading):
            out.append(("heading", n.level, n.text, n.start.line, n.start.column))
        elif isinstance(n, Code):
            out.append(("code", n.block, n.text, n.start.line, n.start.column))
        elif isinstance(n, Html):
            out.append(("html", n.block, n.start.line, n.start.column))
    return out


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("# Title *here*\n", [("heading", 1, "Title here", 1, 1)]),
        ("---\ntitle: x\n---\n\n## Sub {#custom}\n", [("heading", 2, "Sub", 5, 1)]),
        (
            'See [the docs](https://a.example/ "t").\n',
            [("link", "inline", "https://a.example/", "the docs", 1, 5)],
        ),
        (
            "[ref][r] and [r]\n\n[r]: https://r.example/\n",
            [
                ("link", "reference", "https://r.example/", "ref", 1, 1),
                ("link", "shortcut", "https://r.example/", "r", 1, 14),
            ],
        ),
        (
            "Mail <a@b.example> or <https://auto.example>\n",
            [
                ("link", "email", "a@b.example", "a@b.example", 1, 6),
                ("link", "autolink", "https://auto.example", "https://auto.example", 1, 23),
            ],
        ),
        ("> ![alt text](img.png)\n", [("image", "img.png", "alt text", 1, 3)]),
        ("Use `x = 1` here\n", [("code", False, "x = 1", 1, 5)]),
        ("```py\n[a](b)\n```\n", [("code", True, "[a](b)\n", 1, 1)]),
        (
            "<div>\n[a](b)\n</div>\n",
            [("html", True, 1, 1), ("html", True, 2, 1), ("html", True, 3, 1)],
        ),
        (
            "- item [l](u)\n\n| a | b |\n|---|---|\n| [t](v) | c |\n",
            [("link", "inline", "u", "l", 1, 8), ("link", "inline", "v", "t", 5, 3)],
        ),
        # columns count characters, not bytes
        ("Ünïcødé 東京 [link](u)\n", [("link", "inline", "u", "link", 1, 12)]),
        ("---\ntitle: 東京\n---\n東京 [a](b)\n", [("link", "inline", "b", "a", 4, 4)]),
        # CRLF and lone CR
        ("line\r\n[a](b)\r\n", [("link", "inline", "b", "a", 2, 1)]),
        ("line\r[a](b)\r", [("link", "inline", "b", "a", 2, 1)]),
    ],
)
def test_nodes_and_positions(source, expected):
    assert summary(source) == expected


@pytest.mark.parametrize(
    ("source", "path"),
    [
        ("{% include [a](b) %}\n", "post.md"),
        ("{{ '[a](b)' | markdownify }}\n", "post.md"),
        ("{% highlight md %}\n[a](b)\n{% endhighlight %}\n", "post.md"),
        ("{% raw %}\n[a](b)\n{% endraw %}\n", "post.md"),
        ('{{< figure src="[a](b)" >}}\n', "page.md"),
        ('{{% include "[a](b)" %}}\n', "page.md"),
        ("import X from './x'\nexport const y = '[a](b)'\n", "page.mdx"),
        ("Value {props.link[0](1)}\n", "page.mdx"),
    ],
)
def test_nothing_inside_templates_becomes_a_node(source, path):
    assert [n for n in nodes(source, path) if isinstance(n, (Link, Image, Heading))] == []


def test_text_keeps_a_broken_link_together_with_its_source_range():
    doc = parse_document("Trade with [China](https://www gov.cn/) grew.\n", "p.md")
    [text] = doc.texts
    assert (
        doc.text[text.offset : text.end_offset] == "Trade with [China](https://www gov.cn/) grew."
    )
    assert isinstance(text, Text) and text.start == Pos(1, 1)


def test_markdown_between_hugo_markdown_shortcodes_is_markdown():
    doc = parse_document("{{% note %}}[a](b){{% /note %}}\n", "page.md")
    assert [(link.url, link.start) for link in doc.links] == [("b", Pos(1, 13))]


def test_liquid_include_on_the_last_line_is_a_template_span():
    doc = parse_document("---\ntitle: x\n---\nText.\n{% include note.html %}\n", "p.md")
    [(lo, hi)] = doc.templates
    assert doc.text[lo:hi] == "{% include note.html %}"


def test_offsets_are_characters_in_the_whole_text():
    # multi-byte characters in the front matter and the body, CRLF line breaks: pyromark's
    # byte ranges in the body become character offsets in the text, without line breaks
    source = "---\ntitle: é\n---\nCafé 😀 [lien](u) `ç`\r\n\r\n# Tête ✓\r\n\r\n> «citation»\r\n"
    doc = parse_document(source, "post.md")
    assert [(source[lo:hi], inside) for lo, hi, inside in doc.prose] == [
        ("Café 😀 ", ()),
        ("lien", ("link",)),
        (" ", ()),
        ("Tête ✓", ("heading",)),
        ("«citation»", ("blockquote",)),
    ]
    assert [source[n.offset : n.end_offset] for n in doc.nodes] == [
        "[lien](u)",
        "`ç`",
        "# Tête ✓",
    ]


# MDX: a line of JSX tags opens or closes an element whose children are Markdown, blank lines
# and indentation included; MDX has no indented code and no HTML blocks
TABS = """\
<Tabs>
  <TabItem label="npm">

    ```sh
    # create a project
    npm create astro@latest

    # add React
    npx astro add react
    ```

  </TabItem>
  <TabItem
    label="pnpm"
    icon={"pnpm"}
  >
  ```sh
  # create a project

  pnpm create astro@latest
  ```
  </TabItem>
</Tabs>

## Next step

See [the next step](#next-step).
"""


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            TABS,
            [
                ("html", True, 1, 1),
                ("html", True, 2, 3),
                (
                    "code",
                    True,
                    "# create a project\nnpm create astro@latest\n\n# add React\n"
                    "npx astro add react\n",
                    4,
                    5,
                ),
                ("html", True, 12, 3),
                ("html", True, 13, 3),
                ("code", True, "# create a project\n\npnpm create astro@latest\n", 17, 3),
                ("html", True, 22, 3),
                ("html", True, 23, 1),
                ("heading", 2, "Next step", 25, 1),
                ("link", "inline", "#next-step", "the next step", 27, 5),
            ],
        ),
        # indented children are Markdown, not code; positions stay in the whole text
        (
            "<Aside>\r\n    Café [lien](u)\r\n\r\n    ## Tête\r\n</Aside>\r\n",
            [
                ("html", True, 1, 1),
                ("link", "inline", "u", "lien", 2, 10),
                ("heading", 2, "Tête", 4, 5),
                ("html", True, 5, 1),
            ],
        ),
        # children indented like their tag, inside a list item, stay in the item
        (
            "1. Run\n\n   <Tabs>\n   ```sh\n   # npm\n   ```\n   </Tabs>\n2. [Next](#n)\n",
            [
                ("html", True, 3, 4),
                ("code", True, "# npm\n", 4, 4),
                ("html", True, 7, 4),
                ("link", "inline", "#n", "Next", 8, 4),
            ],
        ),
        # a tab reaches column 4: tab-indented children keep none of their indentation
        (
            "<Fragment>\n\t<Inner>\n\t\tA [link\n\t\ttext](#x).\n\t</Inner>\n</Fragment>\n",
            [
                ("html", True, 1, 1),
                ("html", True, 2, 2),
                ("link", "inline", "#x", "link text", 3, 5),
                ("html", True, 5, 2),
                ("html", True, 6, 1),
            ],
        ),
        # an attribute may hold an object of objects, over several lines
        (
            "<Designer\n\tlabels={{\n\t\ta: { b: 'c' },\n\t}}\n>\n\t\t[l](#y)\n</Designer>\n",
            [
                ("html", True, 1, 1),
                ("link", "inline", "#y", "l", 6, 3),
                ("html", True, 7, 1),
            ],
        ),
        # tags inside fenced code are code
        (
            "```mdx\n<Tabs>\n\n# Not a heading\n</Tabs>\n```\n",
            [("code", True, "<Tabs>\n\n# Not a heading\n</Tabs>\n", 1, 1)],
        ),
        # `import` in fenced code is code, and the heading after the fence is a heading
        (
            "```js\nimport x from 'y'\n```\n## Heading\n",
            [("code", True, "import x from 'y'\n", 1, 1), ("heading", 2, "Heading", 4, 1)],
        ),
        # `export` continuing a paragraph is prose
        ("We\nexport [data](d) daily\n", [("link", "inline", "d", "data", 2, 8)]),
        # a tag followed by text on its line is inline JSX in a paragraph
        (
            '<Badge text="New" /> [a](b)\n',
            [("html", False, 1, 1), ("link", "inline", "b", "a", 1, 22)],
        ),
    ],
)
def test_mdx_nodes_and_positions(source, expected):
    assert summary(source, "page.mdx") == expected


def test_mdx_esm_blocks_are_template_spans():
    source = "import A from 'a'\nimport {\n  B,\n} from 'b'\n\n```js\nimport c from 'c'\n```\n"
    doc = parse_document(source, "page.mdx")
    assert [source[lo:hi] for lo, hi in doc.templates] == [
        "import A from 'a'\nimport {\n  B,\n} from 'b'"
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # paragraph, list (its blank lines inside, not after), table, quote, rule, footnote
        (
            "---\nt: 1\n---\nOne\ntwo\n\n- a\n\n- b\n\n| a |\n|---|\n| 1 |\n\n> q\n***\n[^1]: n\n",
            [(4, 5), (7, 9), (11, 13), (15, 15), (16, 16), (17, 17)],
        ),
        # an open fence runs to the end (its blank last lines left out); multi-byte characters
        ("東京 😀\n# 東京\n```\ncode\n\n", [(1, 1), (2, 2), (3, 4)]),
        ("---\nt: 1\n---\n", []),
    ],
)
def test_top_level_blocks(source, expected):
    from lint.markdown import top_level_blocks

    doc = parse_document(source, "post.md")
    assert top_level_blocks(doc.lines, doc.body_start) == expected
