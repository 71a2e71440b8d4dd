"""``rich_text_for_indexing`` is Wagtail's ``get_text_for_indexing``, made faster
for the markup the rich-text editor stores: whatever the markup, both must give
the same text, since the catalogue's documents are built from it."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.rich_text import get_text_for_indexing

from wagtail_reseau.catalogue import documents
from wagtail_reseau.catalogue.documents import rich_text_for_indexing

#: Pieces of markup, well formed or not: the editor's tags with and without
#: attributes (quoted values holding quotes of the other kind, "=" and "/"),
#: block ends that get a space, breaks with and without "/", tags the fast path
#: leaves to Wagtail (script, style, comments, declarations, unknown names),
#: broken tags, entities whole and loose, and text with accents and spaces.
# fmt: off
PIECES = [
    "<p>", "</p>", "<P>", "</P >", "<h2>", "</h2>", "<h7>", "</h7>", "<li>", "</li>",
    "<ul>", "</ul>", "<ol>", "<blockquote>", "</blockquote>", "<b>", "</b>",
    "<i>", "<strong>", "</em>", "<br>", "<br/>", "<br />", "<BR/>", "<hr/>", "<hr>",
    '<a href="/page/">', '<a linktype="page" id="3">', "<a href='x\"y'>", '<a title="l\'été">',
    '<a href="x>y">', '<a title="a', "</a>", '<embed embedtype="image" id="1" format="left"/>',
    '<img alt="" src="x.png">', "<abbr>", "<span class=x>", "<div>",
    "<script>", "</script>", "<style>", "<!-- c -->", "<!--", "-->", "<!DOCTYPE html>",
    "<?xml?>", "<unknown>", "<p", "< p>", "<>", "</>", "<3", "a < b", "a > b", ">", "<",
    "&amp;", "&lt;", "&gt;", "&nbsp;", "&eacute;", "&#233;", "&#xE9;", "&#x;", "&", "&amp",
    "AT&T", "&foo;", "& ", "&#", "&#12",
    "Santé", "formation", " ", "  ", "\n", "\t", "\xa0", "x", "l'été", '"', "'", "=", "/",
]
# fmt: on

markup = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markup)
def test_same_text_as_wagtail_on_any_markup(source):
    assert rich_text_for_indexing(source) == get_text_for_indexing(source)


EDITOR_HTML = [
    "",
    "Plain text, no markup",
    "<p>Un atelier pour les parents</p><p>et les enfants</p>",
    "<h2>Accès</h2><ul><li>Bus 12</li><li>Tram &amp; vélo</li></ul><p>Le <b>samedi</b>"
    '<br/>de 10h à 12h, <a href="https://example.org/?a=1&amp;b=2">inscription</a>.</p>',
    '<p data-block-key="k1">Texte <a linktype="page" id="42">lien interne</a></p>'
    '<embed embedtype="image" format="fullwidth" id="7" alt="Photo"/><p>suite &lt;3 &#233;t&#xE9;</p>',
    "<blockquote>« Citation »</blockquote><hr/><p>fin</p>",
]


@pytest.mark.parametrize("source", EDITOR_HTML)
def test_same_text_as_wagtail_on_editor_html(source):
    assert rich_text_for_indexing(source) == get_text_for_indexing(source)


def test_editor_html_takes_the_fast_path(monkeypatch):
    """What the editor stores never reaches Wagtail's parser (the point of the
    function); markup it cannot read alone does."""
    calls = []
    monkeypatch.setattr(documents, "get_text_for_indexing", lambda source: calls.append(source) or "")
    for source in EDITOR_HTML:
        rich_text_for_indexing(source)
    assert calls == []
    rich_text_for_indexing("<p>a</p><script>x</script>")
    rich_text_for_indexing("<p>AT&T</p>")
    assert len(calls) == 2
