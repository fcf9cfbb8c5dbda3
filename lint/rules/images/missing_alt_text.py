"""## What it does
Flags a Markdown image whose alt text is empty or only spaces, and an HTML `<img>` without an
`alt` attribute (`alt=""` marks an image as decorative and is allowed, as is
`aria-hidden="true"`, which hides it from assistive technology).

## Why is this bad?
Screen readers announce the file name instead, or nothing; search engines and readers with
images turned off learn nothing about the picture.

## Example
    ![](/assets/img/tokyo-skyline.jpg)

    <img src="/assets/img/yield-curve.png" width="600">

## Use instead
    ![Tokyo skyline at dusk, seen from the bay](/assets/img/tokyo-skyline.jpg)

    <img src="/assets/img/yield-curve.png" width="600" alt="Yield curve, May 2025">
"""

from __future__ import annotations

import re

from lint.model import Problem
from lint.rules import Rule
from lint.rules.markdownlint.html import html_tags

_IMG = re.compile(r"<img", re.IGNORECASE)  # pages without one are spared reading the HTML


class MissingAltText(Rule):
    code = "IM001"
    name = "missing-alt-text"
    aliases = ("MD045", "no-alt-text")
    tags = ("accessibility", "images")
    summary = "an image has no alt text"

    def check(self, doc, options):
        for image in doc.images:
            if not image.alt.strip():
                yield Problem(
                    image.start, f"image '{image.url}' has no alt text; describe it", end=image.end
                )
        if not doc.html or _IMG.search(doc.text, doc.body_start) is None:
            return
        lines = doc.lines
        for tag in html_tags(doc, "img"):
            if tag.closing:
                continue
            attributes = tag.attributes()
            if "alt" in attributes or attributes.get("aria-hidden", "").lower() == "true":
                continue
            yield Problem(
                lines.pos(tag.offset),
                f"HTML image '{attributes.get('src', '')}' has no alt attribute; describe it "
                'in alt, or write alt="" for a decorative image',
                end=lines.pos(tag.end_offset),
            )
