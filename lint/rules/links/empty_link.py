"""## What it does
Flags a link with no text (nothing but spaces, and no image or HTML inside) and a link or
image whose destination is empty or only `#`. On an MkDocs page, an empty link with an id
right after it (`[](){#setup}`, as attr_list reads it) is an anchor, not a link.

It answers to markdownlint's MD042 (`no-empty-links`) too. MD042 flags only links whose
destination is empty or `#` (a reference link's definition included); a markdownlint
configuration sets `text = false` (a link without text is not flagged) and `images = false`
(images are not checked), which is MD042's reading.

## Why is this bad?
A link without text cannot be seen or clicked, and screen readers announce only its address.
An empty destination leads nowhere, or back to the top of the page.

## Example
    See [](https://jekyllrb.com/docs/) and [the docs]().

## Use instead
    See [the Jekyll docs](https://jekyllrb.com/docs/) and [the docs](https://jekyllrb.com/).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import ClassVar

from pydantic import Field

from lint.markdown import Image
from lint.model import Problem, Severity
from lint.rules import Rule, RuleOptions
from lint.site.summary import attribute_id


class EmptyLink(Rule):
    code = "LK006"
    name = "empty-link"
    aliases = ("MD042", "no-empty-links")
    tags = ("links",)
    # what a markdownlint configuration sets, to read as markdownlint's rule does
    markdownlint_defaults: ClassVar[dict] = {"text": False, "images": False}
    summary = "a link has no text or no destination"
    severity = Severity.ERROR
    reads_context = True

    class Options(RuleOptions):
        text: bool = Field(True, description="flag a link without text")
        images: bool = Field(True, description="flag an image whose destination is empty")

    def check(self, doc, options):
        content = None  # read at the first link without text: most have text
        anchors = doc.context.flavor == "python-markdown"  # attr_list after a link
        for node in doc.links_and_images:
            if node.kind in ("autolink", "email"):
                continue
            url = node.url.strip()
            if type(node) is Image:
                what, no_text = "image", False
                if not options.images:
                    continue
            else:
                what, no_text = "link", not node.text.strip()
            if no_text and not url and anchors and attribute_id(doc.text, node.end_offset):
                continue  # an anchor
            if no_text and options.text:
                if content is None:
                    # images and inline HTML give a link content even without text
                    content = sorted(
                        n.offset for n in (*doc.images, *doc.html) if not getattr(n, "block", False)
                    )
                i = bisect_left(content, node.offset)
                if not (i < len(content) and content[i] < node.end_offset):
                    yield Problem(node.start, "link has no text", end=node.end)
                    continue
            if url in ("", "#"):
                target = "empty" if not url else f"'{url}'"
                yield Problem(
                    node.start,
                    f"{what} destination is {target}; it leads nowhere",
                    end=node.end,
                )
