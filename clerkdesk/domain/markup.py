"""The small plain-text markup that minute bodies and resolutions are written in.

Clerks type minutes the way the printed minutes look, so the markup follows the seed
minutes rather than Markdown: "- " bullets, "a)" lettered and "1." numbered lists, one level
of nesting, and "(Action: ...)" lines. The full description, with examples, is in
docs/minutes-markup.md; keep the two in step.

Parsing never fails: a body is autosaved every few seconds while the clerk is half-way
through a sentence, so anything that is not a list line is simply text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class ListKind(StrEnum):
    BULLET = "bullet"
    LETTERED = "lettered"
    NUMBERED = "numbered"


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Strong:
    text: str


@dataclass(frozen=True)
class MinuteLink:
    """A cross-reference ("minute 216 refers") that prints as the minute's current number."""

    minute_id: int


Span = Text | Strong | MinuteLink


@dataclass(frozen=True)
class ActionMarker:
    """An action line. ``action_id`` points at a stored action; a typed "(Action: ...)"
    line that has not been adopted yet has no id, only the responsible post as typed."""

    action_id: int | None = None
    responsible: str = ""


@dataclass(frozen=True)
class Paragraph:
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class ListItem:
    label: str  # as typed: "-", "a)", "(a)", "1.", "1)"; kept so a typed quirk survives
    spans: tuple[Span, ...]
    children: tuple[ListBlock, ...] = ()
    actions: tuple[ActionMarker, ...] = ()  # action lines written straight after the item


@dataclass(frozen=True)
class ListBlock:
    kind: ListKind
    items: tuple[ListItem, ...]


Block = Paragraph | ListBlock | ActionMarker


@dataclass(frozen=True)
class Body:
    blocks: tuple[Block, ...] = field(default_factory=tuple)


_BULLET = re.compile(r"^([-*•])\s+(.*)$")
_LETTERED = re.compile(r"^(\([a-z]\)|[a-z]\))\s+(.*)$")
_NUMBERED = re.compile(r"^(\d{1,3}[.)]|\(\d{1,3}\))\s+(.*)$")
_TYPED_ACTION = re.compile(r"^\(\s*(?:\*\*)?\s*action\s*:?\s*(?:\*\*)?\s*(.+?)\s*\)$", re.I)
_ACTION_TOKEN = re.compile(r"^\[\[action:(\d+)\]\]$")
_INLINE = re.compile(r"\*\*(.+?)\*\*|\[\[minute:(\d+)\]\]")
NESTED_INDENT = 2  # two spaces or a tab (a tab counts as four)


def minute_link(minute_id: int) -> str:
    return f"[[minute:{minute_id}]]"


def action_line(action_id: int) -> str:
    return f"[[action:{action_id}]]"


def parse_spans(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    cursor = 0
    for match in _INLINE.finditer(text):
        if match.start() > cursor:
            spans.append(Text(text[cursor:match.start()]))
        if match.group(1) is not None:
            spans.append(Strong(match.group(1)))
        else:
            spans.append(MinuteLink(int(match.group(2))))
        cursor = match.end()
    if cursor < len(text):
        spans.append(Text(text[cursor:]))
    return tuple(spans)


def _list_marker(line: str) -> tuple[ListKind, str, str] | None:
    for kind, pattern in (
        (ListKind.BULLET, _BULLET),
        (ListKind.LETTERED, _LETTERED),
        (ListKind.NUMBERED, _NUMBERED),
    ):
        match = pattern.match(line)
        if match:
            return kind, match.group(1), match.group(2)
    return None


def action_marker(line: str) -> ActionMarker | None:
    """The action a whole line stands for, if it is an action line."""
    stripped = line.strip()
    token = _ACTION_TOKEN.match(stripped)
    if token:
        return ActionMarker(action_id=int(token.group(1)))
    typed = _TYPED_ACTION.match(stripped)
    if typed:
        return ActionMarker(responsible=typed.group(1).strip())
    return None


def _indent(line: str) -> int:
    expanded = line.replace("\t", "    ")
    return len(expanded) - len(expanded.lstrip(" "))


class _Item:
    """A list item while it is being built (the frozen ListItem is made at the end)."""

    def __init__(self, label: str, text: str):
        self.label = label
        self.text = text
        self.children: list[_List] = []
        self.actions: list[ActionMarker] = []

    def freeze(self) -> ListItem:
        return ListItem(
            self.label,
            parse_spans(self.text),
            tuple(child.freeze() for child in self.children),
            tuple(self.actions),
        )


class _List:
    def __init__(self, kind: ListKind):
        self.kind = kind
        self.items: list[_Item] = []

    def freeze(self) -> ListBlock:
        return ListBlock(self.kind, tuple(item.freeze() for item in self.items))


class _Parser:
    def __init__(self) -> None:
        self.blocks: list[Paragraph | _List | ActionMarker] = []
        self.paragraph: list[str] | None = None
        self.current_list: _List | None = None
        self.last_item: _Item | None = None  # the item a continuation line belongs to

    def end_block(self) -> None:
        if self.paragraph is not None:
            self.blocks.append(Paragraph(parse_spans(" ".join(self.paragraph))))
        self.paragraph = None
        self.current_list = None
        self.last_item = None

    def list_line(self, kind: ListKind, label: str, text: str, nested: bool) -> None:
        parent = self.current_list.items[-1] if self.current_list and nested else None
        if parent is not None:
            # One level of nesting only: deeper indentation joins the nested level.
            if not parent.children or parent.children[-1].kind is not kind:
                parent.children.append(_List(kind))
            target = parent.children[-1]
        else:
            if self.paragraph is not None or (
                self.current_list is not None and self.current_list.kind is not kind
            ):
                self.end_block()
            if self.current_list is None:
                self.current_list = _List(kind)
                self.blocks.append(self.current_list)
            target = self.current_list
        item = _Item(label, text)
        target.items.append(item)
        self.last_item = item

    def text_line(self, text: str) -> None:
        if self.last_item is not None:
            self.last_item.text = f"{self.last_item.text} {text}".strip()
        elif self.paragraph is not None:
            self.paragraph.append(text)
        else:
            self.end_block()
            self.paragraph = [text]

    def action(self, marker: ActionMarker) -> None:
        if self.last_item is not None:
            self.last_item.actions.append(marker)
            return
        self.end_block()
        self.blocks.append(marker)

    def line(self, raw: str) -> None:
        if not raw.strip():
            self.end_block()
            return
        content = raw.strip()
        if content.startswith("\\"):  # escape: the rest of the line is text, never a marker
            self.text_line(content[1:].lstrip())
            return
        marker = action_marker(content)
        if marker is not None:
            self.action(marker)
            return
        found = _list_marker(content)
        if found is not None:
            self.list_line(*found, nested=_indent(raw) >= NESTED_INDENT)
        else:
            self.text_line(content)

    def body(self) -> Body:
        self.end_block()
        return Body(
            tuple(block.freeze() if isinstance(block, _List) else block for block in self.blocks)
        )


def parse(text: str) -> Body:
    parser = _Parser()
    for raw in (text or "").splitlines():
        parser.line(raw)
    return parser.body()


# -- reading a parsed body -------------------------------------------------------------------


def _items(block: ListBlock):
    for item in block.items:
        yield item
        for child in item.children:
            yield from _items(child)


def minute_references(body: Body) -> set[int]:
    """The ids of every minute the body links to."""
    found: set[int] = set()

    def collect(spans):
        found.update(span.minute_id for span in spans if isinstance(span, MinuteLink))

    for block in body.blocks:
        if isinstance(block, Paragraph):
            collect(block.spans)
        elif isinstance(block, ListBlock):
            for item in _items(block):
                collect(item.spans)
    return found


def action_markers(body: Body) -> list[tuple[ActionMarker, tuple[Span, ...]]]:
    """Every action line in order, with the spans of the text it follows (its subject)."""
    found: list[tuple[ActionMarker, tuple[Span, ...]]] = []
    previous: tuple[Span, ...] = ()
    for block in body.blocks:
        if isinstance(block, Paragraph):
            previous = block.spans
        elif isinstance(block, ActionMarker):
            found.append((block, previous))
        else:
            for item in _items(block):
                previous = item.spans
                found.extend((marker, item.spans) for marker in item.actions)
    return found


def spans_text(spans: tuple[Span, ...], number_of: Callable[[int], str]) -> str:
    parts = []
    for span in spans:
        if isinstance(span, MinuteLink):
            parts.append(number_of(span.minute_id))
        else:
            parts.append(span.text)
    return "".join(parts)


def plain_text(
    body: Body,
    minute_numbers: Mapping[int, int | str] | None = None,
    responsible_for: Mapping[int, str] | None = None,
) -> str:
    """The body as plain text: links become numbers, action lines "(Action: ...)"."""
    numbers = minute_numbers or {}
    responsible = responsible_for or {}

    def number_of(minute_id: int) -> str:
        return str(numbers.get(minute_id, "[unknown minute]"))

    def action_text(marker: ActionMarker) -> str:
        who = marker.responsible
        if marker.action_id is not None:
            who = responsible.get(marker.action_id, "[unknown action]")
        return f"(Action: {who})"

    def list_lines(block: ListBlock, indent: str) -> list[str]:
        lines = []
        for item in block.items:
            lines.append(f"{indent}{item.label} {spans_text(item.spans, number_of)}")
            for child in item.children:
                lines.extend(list_lines(child, indent + "    "))
            lines.extend(indent + action_text(marker) for marker in item.actions)
        return lines

    chunks = []
    for block in body.blocks:
        if isinstance(block, Paragraph):
            chunks.append(spans_text(block.spans, number_of))
        elif isinstance(block, ActionMarker):
            chunks.append(action_text(block))
        else:
            chunks.append("\n".join(list_lines(block, "")))
    return "\n\n".join(chunks)


def replace_typed_actions(text: str, action_ids: list[int]) -> str:
    """Swap typed "(Action: ...)" lines, in order, for links to the stored actions."""
    remaining = list(action_ids)
    lines = []
    for raw in text.splitlines():
        marker = action_marker(raw) if not raw.strip().startswith("\\") else None
        if marker is not None and marker.action_id is None and remaining:
            indent = raw[: len(raw) - len(raw.lstrip())]
            lines.append(indent + action_line(remaining.pop(0)))
        else:
            lines.append(raw)
    return "\n".join(lines)
