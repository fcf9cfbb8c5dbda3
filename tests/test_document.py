from lint.document import parse_document

SOURCE = "# Title\n\n[a](x) ![i](y.png) <b>b</b> `c` [r]\n\n## Next\n\n[r]: z\n"


def test_node_lists_hold_each_type_in_document_order():
    doc = parse_document(SOURCE, "post.md")
    assert [h.text for h in doc.headings] == ["Title", "Next"]
    assert [n.url for n in doc.links] == ["x", "z"]
    assert [n.url for n in doc.images] == ["y.png"]
    assert [n.url for n in doc.links_and_images] == ["x", "y.png", "z"]
    assert [n.text for n in doc.code] == ["c"]
    assert [n.text for n in doc.html] == ["<b>", "</b>"]
    assert [n.label for n in doc.definitions] == ["r"]
    # a reference link's destination is written in its definition
    assert [n.url for n in doc.destinations] == ["x", "y.png", "z"]
    assert [type(n).__name__ for n in doc.destinations] == ["Link", "Image", "Definition"]
