"""## What it does
Flags links and images written in a style the options turn off (markdownlint's MD054):
`autolink` (`<https://…>`), `inline` (`[text](url)`), `full` (`[text][label]`), `collapsed`
(`[label][]`) and `shortcut` (`[label]`), all allowed by default; with `url_inline = false`,
an inline link whose text is its own absolute URL (`[https://x.org](https://x.org)`, without
a title) is flagged too, when autolinks are allowed. A reference counts only when its
definition has a destination.

The fix, for a link or image on one line, writes it inline (its title kept) when inline
links are allowed, or as an autolink when the link's text is its absolute URL; other
problems are left to be mended by hand (a reference needs a label and a definition).

## Why is this bad?
One style of link reads alike across a site, and a convention about where URLs go (in the
text, or in definitions at the end) is only useful when it is kept.

## Example
With `full = false`:

    See [the auction schedule][auctions].

    [auctions]: https://home.treasury.gov/auctions

## Use instead
    See [the auction schedule](https://home.treasury.gov/auctions).
"""

from __future__ import annotations

import re

from pydantic import Field

from lint.markdown import Image
from lint.model import Edit, Fix, Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint.no_space_in_links import label_end

# An absolute URL an autolink can hold: a scheme, no space or angle bracket, and a host
# after the scheme's slashes for the schemes that need one.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{1,31}:")
_SPECIAL = frozenset({"http", "https", "ftp", "ws", "wss"})
_NOT_IN_AUTOLINK = re.compile(r"[\s<>]")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_PAREN = re.compile(r"(?<!\\)([()])")
_BRACKET = re.compile(r"([\[\]])")

_STYLE = {
    "autolink": "autolink",
    "email": "autolink",
    "inline": "inline",
    "reference": "full",
    "collapsed": "collapsed",
    "shortcut": "shortcut",
}
_WRITTEN = {
    "autolink": "as an autolink",
    "inline": "inline",
    "full": "as a full reference",
    "collapsed": "as a collapsed reference",
    "shortcut": "as a shortcut reference",
}


def style_of(node) -> str | None:
    """markdownlint's name for the way a link or image is written, None for other kinds."""
    return _STYLE.get(node.kind)


def autolinkable(url: str) -> bool:
    """Whether `url` is an absolute URL that an autolink can hold."""
    match = _SCHEME.match(url)
    if match is None or _NOT_IN_AUTOLINK.search(url):
        return False
    if match[0][:-1].lower() in _SPECIAL:
        return bool(url[match.end() :].lstrip("/\\").split("/", 1)[0])
    return True


class LinkImageStyle(Rule):
    code = "ML054"
    name = "link-image-style"
    aliases = ("MD054",)
    enabled = False
    tags = ("images", "links")
    summary = "a link or image is written in a style turned off"
    fixable = True
    runnable_examples = False  # the example needs `full = false` (tested with it)

    class Options(RuleOptions):
        autolink: bool = Field(True, description="allow autolinks")
        inline: bool = Field(True, description="allow inline links and images")
        full: bool = Field(True, description="allow full reference links and images")
        collapsed: bool = Field(True, description="allow collapsed reference links and images")
        shortcut: bool = Field(True, description="allow shortcut reference links and images")
        url_inline: bool = Field(
            True, description="allow inline links whose text is their own absolute URL"
        )

    def check(self, doc, options):
        allowed = options.model_dump()
        if all(allowed.values()):
            return
        text = doc.text
        lines = doc.lines
        for node in doc.links_and_images:
            style = style_of(node)
            if style is None:
                continue
            image = isinstance(node, Image)
            if style == "autolink":
                label = dest = text[node.offset + 1 : node.end_offset - 1]
            else:
                lo = node.offset + 1 + image
                hi = label_end(text, lo, node.end_offset)
                written = node.dest
                if hi is None or written is None or written[0] >= written[1]:
                    continue  # no destination: not a link markdownlint styles
                label, dest = text[lo:hi], text[written[0] : written[1]]
            if allowed[style]:
                if not (
                    style == "inline"
                    and not allowed["url_inline"]
                    and allowed["autolink"]
                    and not image
                    and not node.title
                    and label == dest
                    and autolinkable(dest)
                ):
                    continue
                message = f"link '{label}' is its own URL; expected an autolink"
            else:
                what = "image" if image else "link"
                message = (
                    f"{what} '{label}' is written {_WRITTEN[style]}; expected another style "
                    f"({style} = false)"
                )
            end = node.end_offset
            if style == "collapsed" and text.startswith("[]", end):
                end += 2  # the parser's range leaves the empty brackets out
            start, end = node.start, lines.pos(end)
            fix = self._fix(node, end, image, label, dest, allowed)
            yield Problem(start, message, end=end, fix=fix)

    @staticmethod
    def _fix(node, end, image: bool, label: str, dest: str, allowed: dict) -> Fix | None:
        """Inline when allowed (and the link is not one an autolink should write), else an
        autolink when the link's text is its URL; on one line only."""
        start = node.start
        if start.line != end.line:
            return None
        autolink = allowed["autolink"] and not image and autolinkable(dest)
        if allowed["inline"] and label and (allowed["url_inline"] or not autolink):
            if style_of(node) == "autolink":  # its text as written may hold a lone bracket
                label = _BRACKET.sub(r"\\\1", label)
                if node.kind == "email":
                    dest = "mailto:" + dest
            if _NOT_IN_AUTOLINK.search(dest):
                dest = "<" + dest.replace("<", "\\<").replace(">", "\\>") + ">"
            else:
                dest = _PAREN.sub(r"\\\1", dest)
            title = node.title.replace("\\", "\\\\").replace('"', '\\"')
            title = f' "{title}"' if title else ""
            replacement = f"{'!' if image else ''}[{label}]({dest}{title})"
            description = "write it inline"
        elif autolink and label == dest:
            replacement = "<" + _ESCAPE.sub(r"\1", dest) + ">"
            description = "write it as an autolink"
        else:
            return None
        return Fix(description, (Edit(start, end, replacement),))
