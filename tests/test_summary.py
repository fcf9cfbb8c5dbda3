"""The site summary's quick searches find exactly what a scan with their pattern finds."""

from hypothesis import given
from hypothesis import strategies as st

from lint.rules.links.broken_link_syntax import _DEFINITION_LINE
from lint.site.summary import _IAL_ID, _OPENER, _TERM, _terms
from lint.source import line_matches

# pieces that make and break definition-list terms, IAL lines and template openers
texts = st.lists(
    st.sampled_from(
        [
            *("\n", "\r\n", ":", " ", "\t", "a", "-", "#", "{", "{:", "}", "{: #id}", "\n: d"),
            *("%", "<", "[", "]", "]:", "[x]:", "> "),
        ]
    ),
    max_size=30,
).map("".join)


@given(texts, st.integers(min_value=0, max_value=60))
def test_terms_are_the_pattern_matches(text, start):
    start = min(start, len(text))
    expected = [(m.span(), m[1]) for m in _TERM.finditer(text, start)]
    assert [(m.span(), m[1]) for m in _terms(text, start)] == expected


@given(texts, st.integers(min_value=0, max_value=60))
def test_line_matches_are_the_pattern_matches(text, start):
    start = min(start, len(text))
    for pattern, literal in ((_IAL_ID, "{:"), (_DEFINITION_LINE, "]:")):
        expected = [m.span() for m in pattern.finditer(text, start)]
        assert [m.span() for m in line_matches(pattern, text, start, literal)] == expected


@given(texts, st.integers(min_value=0, max_value=60))
def test_openers_are_the_openers_in_the_text(text, start):
    found = set(_OPENER.findall(text, start))
    for opener in ("{:", "{%", "{{<", "{{%"):
        assert (opener[1:] in found) == (opener in text[start:])
