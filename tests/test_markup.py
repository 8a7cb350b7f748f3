"""pipeline/markup.py: what an element is, its lines, what a browser never shows. Markup written here."""
from __future__ import annotations

import lxml.html

from pipeline.markup import TreeLines, drop_invisible, flatten


def _root(body: str, head: str = "") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def _text(root: lxml.html.HtmlElement) -> list[str]:
    body = root.find("body")
    return [b.text for b in flatten(body, body)]


def test_what_the_page_hides_goes_unless_it_holds_links():
    root = _root("<p>Seen</p><p hidden>Attribute</p><p style='color:red; display: none'>Inline</p>"
                 "<span class='sr-only'>Reader only</span><div id='gone'>Sheet id</div><div class='quiet x'>Sheet"
                 " class</div><div style='display:none'><a href='/tab/2'>A tab a script opens</a></div>",
                 head="<style>#gone { display:none } .quiet{visibility:hidden} @media (max-width: 600px) "
                      "{ .wide { display: none } }</style>")
    drop_invisible(root)
    assert _text(root) == ["Seen", "A tab a script opens"]


def test_a_rule_inside_media_hides_on_some_screens_only():
    root = _root("<p class='wide'>Wide screens only</p>",
                 head="<style>@media (max-width: 600px) { .wide { display: none } }</style>")
    drop_invisible(root)
    assert _text(root) == ["Wide screens only"]


def test_a_card_printed_as_one_link_gives_every_line_its_href():
    root = _root("<a href='/n/1'><h2>Ferry terminal opens</h2><p>The terminal opened on Monday.</p></a>")
    assert [(b.text, b.href, b.heading) for b in flatten(root, root)] == [
        ("Ferry terminal opens", "/n/1", True), ("The terminal opened on Monday.", "/n/1", False)]


def test_a_heading_set_on_two_lines_is_one_line_and_a_link_keeps_its_lines():
    root = _root("<h3><a href='/n/1'>Ferry terminal<br>opens on Monday</a></h3>"
                 "<p><a href='/n/2'>HEADLINE IN CAPITALS<br>A subtitle under it</a></p>")
    assert _text(root) == ["Ferry terminal opens on Monday", "HEADLINE IN CAPITALS", "A subtitle under it"]


def test_text_after_a_closed_block_is_its_parents():
    root = _root("<div class='card'><p>Teaser of the card</p> Read more</div>")
    assert [(b.text, b.element.tag) for b in flatten(root, root)] == [("Teaser of the card", "p"),
                                                                      ("Read more", "div")]


def test_tree_lines_give_an_element_the_lines_its_own_flatten_gives():
    body = ("<ul><li><span class='kind'>Statement</span><h3><a href='/a'>Board meets</a></h3><p>On Monday.</p></li>"
            "<li>Loose text <b>bold</b> after<br>a break</li><li><p>Para</p> tail text</li></ul>"
            "<nav><a href='/'>Home</a></nav>")
    root = _root(body)
    lines = TreeLines(root)
    for element in root.iter("li", "ul", "p", "h3", "span", "b"):
        assert [(b.text, b.path, b.href) for b in lines.of(element)] == \
               [(b.text, b.path, b.href) for b in flatten(element, element)], element.tag
    assert lines.in_chrome(root.find(".//nav/a")) and not lines.in_chrome(root.find(".//ul"))


def test_two_fields_printed_with_nothing_between_them_are_two_words_but_pieces_of_one_run_on():
    root = _root("<p><span>4 March 2021</span><span>Press release</span></p><p><span>GMT</span><span>Statement</span>"
                 "</p><p><span>Statement</span><span>4 March 2021</span></p><p><span>3</span><span>rd</span> place</p>"
                 "<p><b>T</b>he clinic</p><p><span>1</span><span>2</span></p><p><span>N</span><span>Ew</span></p>")
    assert _text(root) == ["4 March 2021 Press release", "GMT Statement", "Statement 4 March 2021", "3rd place",
                           "The clinic", "12", "NEw"]
