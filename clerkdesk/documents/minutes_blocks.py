"""Minute text as printed: paragraphs, lists and action lines made from minutes markup.

A body written in the minutes markup (docs/minutes-markup.md) becomes ``Block``s: links to
other minutes print as those minutes' numbers, "(Action: ...)" lines as
"(**Action:** post)", bullets as "•", lettered and numbered labels exactly as typed. Word and
PDF print the same blocks flattened to ``Line``s (``flatten``); HTML keeps the lists as lists.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from clerkdesk.domain import markup

_RESOLVED = re.compile(r"\bRESOLVED\b")


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False


Runs = tuple[Run, ...]


@dataclass(frozen=True)
class Entry:
    """One list item: its label as typed ("a)", "1.", "•" for a bullet) and its text."""

    label: str
    runs: Runs
    children: tuple[TextList, ...] = ()
    actions: tuple[Runs, ...] = ()  # "(Action: ...)" lines written under the item


@dataclass(frozen=True)
class TextList:
    kind: str  # "bullet", "lettered" or "numbered"
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Block:
    """A paragraph ("text"), an action line ("action"), a resolution lead-in ("resolution"),
    a bold line such as "AGREED ACTIONS" ("subheading"), or a list ("list", in
    ``text_list``; not "items", which a template would read as the dict's items())."""

    kind: str
    runs: Runs = ()
    text_list: TextList | None = None


@dataclass(frozen=True)
class Line:
    """A block flattened for Word and PDF: ``style`` is text, action, resolution,
    subheading, item (depth 1), subitem (depth 2), item_action or subitem_action."""

    style: str
    runs: Runs
    label: str = ""

    @property
    def text(self) -> str:
        body = "".join(run.text for run in self.runs)
        return f"{self.label} {body}" if self.label else body


def flatten(blocks: tuple[Block, ...]) -> tuple[Line, ...]:
    lines: list[Line] = []

    def add_list(items: TextList, depth: int) -> None:
        style = "item" if depth == 1 else "subitem"
        for entry in items.entries:
            lines.append(Line(style, entry.runs, entry.label))
            for child in entry.children:
                add_list(child, depth + 1)
            lines.extend(Line(f"{style}_action", runs) for runs in entry.actions)

    for block in blocks:
        if block.text_list is not None:
            add_list(block.text_list, 1)
        else:
            lines.append(Line(block.kind, block.runs))
    return tuple(lines)


def _runs(spans, numbers: Mapping[int, int]) -> Runs:
    runs = []
    for span in spans:
        if isinstance(span, markup.MinuteLink):
            runs.append(Run(str(numbers.get(span.minute_id, "[unknown minute]"))))
        else:
            runs.append(Run(span.text, isinstance(span, markup.Strong)))
    return tuple(runs)


def action_runs(who: str) -> Runs:
    """"(**Action:** Head of Service – Children's Commissioning)" (seed 000 line 186)."""
    return (Run("("), Run("Action:", bold=True), Run(f" {who.strip()})"))


def body_blocks(body: markup.Body, numbers: Mapping[int, int],
                responsible: Mapping[int, str]) -> tuple[Block, ...]:
    def who(marker: markup.ActionMarker) -> str:
        if marker.action_id is None:
            return marker.responsible
        return responsible.get(marker.action_id, "[unknown action]")

    def as_list(block: markup.ListBlock) -> TextList:
        bullet = block.kind is markup.ListKind.BULLET
        return TextList(block.kind.value, tuple(
            Entry("•" if bullet else item.label, _runs(item.spans, numbers),
                  tuple(as_list(child) for child in item.children),
                  tuple(action_runs(who(marker)) for marker in item.actions))
            for item in block.items))

    blocks = []
    for block in body.blocks:
        if isinstance(block, markup.Paragraph):
            blocks.append(Block("text", _runs(block.spans, numbers)))
        elif isinstance(block, markup.ActionMarker):
            blocks.append(Block("action", action_runs(who(block))))
        else:
            blocks.append(Block("list", text_list=as_list(block)))
    return tuple(blocks)


def _emphasised(runs: Runs) -> Runs:
    """The city style prints RESOLVED in bold (PCC line 104)."""
    out: list[Run] = []
    for run in runs:
        if run.bold:
            out.append(run)
            continue
        position = 0
        for match in _RESOLVED.finditer(run.text):
            out += [Run(run.text[position:match.start()]), Run(match.group(), True)]
            position = match.end()
        out.append(Run(run.text[position:]))
    return tuple(run for run in out if run.text)


def resolution_blocks(lead: str, numbers: Mapping[int, int]) -> tuple[Block, ...]:
    """The lead-in as printed: a line in capitals ("AGREED ACTIONS") is a bold subheading."""
    blocks = []
    for block in markup.parse(lead).blocks:
        if not isinstance(block, markup.Paragraph):
            continue
        runs = _runs(block.spans, numbers)
        text = "".join(run.text for run in runs)
        if text.isupper():
            blocks.append(Block("subheading", (Run(text, True),)))
        else:
            blocks.append(Block("resolution", _emphasised(runs)))
    return tuple(blocks)
