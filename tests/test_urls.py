from urllib.parse import urlsplit

import pytest

from lint.urls import PLAIN_WEB, canonical


def _urlsplit_and_port(url: str):
    try:
        parts = urlsplit(url)
        return (*parts, parts.hostname or "", parts.port)
    except ValueError as err:
        return str(err)


def _plain(url: str):
    """A PLAIN_WEB match read as canonical and LK007 read it, in _urlsplit_and_port's form."""
    scheme, host, path, query, fragment = PLAIN_WEB.fullmatch(url).groups("")
    return (scheme.lower(), host, path, query, fragment, host.lower(), None)


# canonical and LK007 read plain web addresses from a PLAIN_WEB match, not from urlsplit:
# where it matches, it must read exactly what urlsplit does
@pytest.mark.parametrize(
    "url",
    [
        "https://www.mof.go.jp/",
        "HTTP://Example.COM/A/index.HTML?x=1#top",
        "https://a.example",
        "https://a.example?",
        "https://a.example#",
        "https://a.example/p#frag?not-a-query",
        "https://a.example/p?q#f?g#h",
        "http://a..example./",
        "https://a.example:443/",
        "https://user@a.example/",
        "https://a.example/with space",
        "https://a.example/tab\there",
        "https://a.example/new\nline",
        "https://a.example/\x7f",
        "https://a.example\\path",
        "https://[::1]/",
        "https://[::1/",
        "https://a.example:port/",
        "https://東京.example/",
        "https://a.example/東京?ü#ö",
        "httpſ://a.example/",  # the long s folds to "s" in Unicode case-insensitive matching
        "https://\u212aelvin.example/",  # and the Kelvin sign to "k"
        "https:///path",
        "https:a.example",
        "ftp://a.example/",
        "docs/page.md",
    ],
)
def test_plain_web_matches_urlsplit(url):
    if PLAIN_WEB.fullmatch(url):
        assert _plain(url) == _urlsplit_and_port(url)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://A.example/index.html", "//a.example"),
        ("http://a.example/docs/INDEX.PHP?x=1", "//a.example/docs?x=1"),
        ("https://a.example/notindex.html", "//a.example/notindex.html"),
        ("./guide/index.htm#top", "guide#top"),
        ("https://a.example:443/", "//a.example"),
        ("https://a.example:8080/", "//a.example:8080"),
        ("{{ site.url }}/x", None),
        ("#top", None),
        ("mailto:a@b.example", "mailto:a@b.example"),
    ],
)
def test_canonical(url, expected):
    assert canonical(url) == expected
