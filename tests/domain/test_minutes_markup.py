"""The minutes body markup (docs/minutes-markup.md)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from clerkdesk.domain.markup import (
    ActionMarker,
    Body,
    ListBlock,
    ListItem,
    ListKind,
    MinuteLink,
    Paragraph,
    Strong,
    Text,
    action_markers,
    minute_references,
    parse,
    plain_text,
    replace_typed_actions,
)


def para(text: str) -> Paragraph:
    return Paragraph((Text(text),))


def item(label: str, text: str, children=(), actions=()) -> ListItem:
    return ListItem(label, (Text(text),), tuple(children), tuple(actions))


def test_paragraphs_are_separated_by_blank_lines_and_lines_join():
    body = parse("The Committee received a report.\nIt was long.\n\n\nArising from the report:")
    assert body == Body((para("The Committee received a report. It was long."),
                         para("Arising from the report:")))


def test_bullets_lettered_and_numbered_lists():
    body = parse("- first;\n- second\n\na) Review\nb) Consider\n\n1. To note\n2) To agree")
    assert body.blocks == (
        ListBlock(ListKind.BULLET, (item("-", "first;"), item("-", "second"))),
        ListBlock(ListKind.LETTERED, (item("a)", "Review"), item("b)", "Consider"))),
        ListBlock(ListKind.NUMBERED, (item("1.", "To note"), item("2)", "To agree"))),
    )


def test_labels_are_kept_as_typed_including_the_seeds_quirks():
    # 2016 bracketed letters, and minute 155 lettering two items "(a)".
    body = parse("(a) Agree\n(a) Give permission\n(1) Note")
    assert [i.label for i in body.blocks[0].items] == ["(a)", "(a)"]
    assert body.blocks[1].items[0].label == "(1)"


def test_one_level_of_nesting_under_a_list_item():
    text = "1) For Members to note:\n  a) Wave 11\n    b) Wave 13\n2) For Members to agree"
    body = parse(text)
    assert body.blocks == (ListBlock(ListKind.NUMBERED, (
        item("1)", "For Members to note:",
             [ListBlock(ListKind.LETTERED, (item("a)", "Wave 11"), item("b)", "Wave 13")))]),
        item("2)", "For Members to agree"),
    )),)
    tabbed = parse("- Received an update:\n\t- Deletion of Gamlingay\n\t- Addition of Paxton")
    child = tabbed.blocks[0].items[0].children[0]
    assert [i.spans for i in child.items] == [(Text("Deletion of Gamlingay"),),
                                              (Text("Addition of Paxton"),)]


def test_an_indented_item_with_no_list_above_is_a_top_level_item():
    assert parse("  - alone").blocks == (ListBlock(ListKind.BULLET, (item("-", "alone"),)),)


def test_continuation_lines_join_the_item_and_a_blank_line_ends_the_list():
    body = parse("- A Member asked for more\ninformation.\n\nIt was resolved:")
    assert body.blocks == (
        ListBlock(ListKind.BULLET, (item("-", "A Member asked for more information."),)),
        para("It was resolved:"),
    )


def test_a_change_of_list_kind_starts_a_new_list():
    body = parse("- bullet\na) letter")
    assert [b.kind for b in body.blocks] == [ListKind.BULLET, ListKind.LETTERED]


def test_a_paragraph_then_a_list_without_a_blank_line():
    body = parse("Arising from the report, Members noted:\n- one\n- two")
    assert body.blocks == (para("Arising from the report, Members noted:"),
                           ListBlock(ListKind.BULLET, (item("-", "one"), item("-", "two"))))


def test_escape_makes_a_marker_text():
    assert parse("\\a) is not a list").blocks == (para("a) is not a list"),)
    assert parse("\\(Action: not an action)").blocks == (para("(Action: not an action)"),)


def test_bold_and_minute_links_inline():
    body = parse("**Note:** see minute [[minute:42]] above")
    assert body.blocks[0].spans == (Strong("Note:"), Text(" see minute "), MinuteLink(42),
                                    Text(" above"))
    assert minute_references(parse("- [[minute:1]]\n\n[[minute:2]] and [[minute:3]]")) == {1, 2, 3}


def test_action_lines_typed_bold_and_stored():
    text = ("A Member asked about tuition;\n(**Action:** Service Director – Education)\n\n"
            "- Officers undertook to provide a note.\n(Action: Strategic Education Place "
            "Planning Manager)\n- Noted.\n\n[[action:7]]")
    body = parse(text)
    assert body.blocks[1] == ActionMarker(None, "Service Director – Education")
    listed = body.blocks[2]
    assert listed.items[0].actions == (ActionMarker(None, "Strategic Education Place Planning "
                                                          "Manager"),)
    assert len(listed.items) == 2  # the action line does not end the list
    assert body.blocks[3] == ActionMarker(7)
    found = action_markers(body)
    assert [(m.responsible, spans[0].text) for m, spans in found[:2]] == [
        ("Service Director – Education", "A Member asked about tuition;"),
        ("Strategic Education Place Planning Manager", "Officers undertook to provide a note."),
    ]
    assert found[2][0].action_id == 7


def test_plain_text_shows_numbers_and_actions():
    body = parse("See minute [[minute:5]].\n\na) one\n  - sub\n[[action:3]]\n\n[[minute:9]]")
    assert plain_text(body, {5: 216}, {3: "Democratic Services Officer"}) == (
        # The action line follows the nested item, so it belongs to it.
        "See minute 216.\n\na) one\n    - sub\n    (Action: Democratic Services Officer)\n\n"
        "[unknown minute]"
    )


def test_replace_typed_actions_in_order_keeping_everything_else():
    text = "x\n(Action: A)\n\\(Action: not one)\n  (Action: B)\n(Action: C)"
    assert replace_typed_actions(text, [10, 11]) == (
        "x\n[[action:10]]\n\\(Action: not one)\n  [[action:11]]\n(Action: C)")


def test_empty_and_blank_bodies():
    assert parse("") == Body()
    assert parse(None) == Body()
    assert parse("\n \n\t\n") == Body()


@given(st.text(alphabet=st.sampled_from(list("ab)-1.( \n\t*[]:Actionx")), max_size=200))
def test_parsing_never_fails_on_half_typed_text(text):
    body = parse(text)
    plain_text(body)  # and it can always be shown
