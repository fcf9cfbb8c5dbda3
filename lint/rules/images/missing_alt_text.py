"""## What it does
Flags a Markdown image whose alt text is empty or only spaces.

## Why is this bad?
Screen readers announce the file name instead, or nothing; search engines and readers with
images turned off learn nothing about the picture.

## Example
    ![](/assets/img/tokyo-skyline.jpg)

## Use instead
    ![Tokyo skyline at dusk, seen from the bay](/assets/img/tokyo-skyline.jpg)
"""

from __future__ import annotations

from lint.model import Problem
from lint.rules import Rule


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
