"""Random agendas with random mixes of open, exempt and confidential documents.

Public pack: nothing of a withheld document (text, title) reaches its pages, bookmarks or
metadata. Members' pack: every document is there, withheld ones headed on every page.
Both: every document starts on an odd page and the stamped numbers run 1..N.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pypdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerkdesk.documents.pack import (
    Access,
    Audience,
    PackDocument,
    PackItem,
    PackSpec,
    build_pack,
)
from tests.documents.pdf_factory import (
    outline,
    page_texts,
    range_front_sheet,
    stamped_numbers,
    text_pdf,
)

NAMES = ("Acme", "Brightwater", "Castleford", "Dunmore", "Elmstead")
level = st.sampled_from(["open", "open", "exempt", "confidential"])
document = st.tuples(level, st.integers(1, 4), st.integers(1, 7), st.sampled_from(NAMES))
item = st.tuples(st.sampled_from(["open", "open", "open", "exempt", "confidential"]),
                 st.lists(document, max_size=3), st.integers(1, 7))
agendas = st.lists(item, min_size=1, max_size=4)


def access(level_name: str, paragraph: int) -> Access:
    if level_name == "exempt":
        return Access("exempt", paragraph, public_interest_note="Kept exempt after the test.")
    return Access(level_name)


def token(item_number: int, position: int) -> str:
    return f"Tok{item_number}x{position}q"


def make_spec(folder: Path, agenda) -> tuple[PackSpec, dict[str, bool]]:
    """The spec, and each document's token (in its title and on each of its pages) mapped
    to whether the document must be withheld from the public."""
    items, withheld = [], {}
    for number, (item_level, documents, item_paragraph) in enumerate(agenda, start=1):
        made = []
        for position, (doc_level, pages, paragraph, name) in enumerate(documents, start=1):
            title = f"{name} paper {token(number, position)}"
            path = text_pdf(folder / f"{number}-{position}.pdf", [
                [f"{token(number, position)} page {page} of the {name} paper",
                 f"Confidential detail {token(number, position)}p{page} for {name}"]
                for page in range(1, pages + 1)
            ], title=title)
            made.append(PackDocument(title, path, access(doc_level, paragraph),
                                     label=f"Appendix {position}"))
            withheld[token(number, position)] = doc_level != "open" or item_level != "open"
        items.append(PackItem(number, f"Agenda item {number}", documents=tuple(made),
                              access=access(item_level, item_paragraph)))
    spec = PackSpec("Random Committee — Agenda pack",
                    tuple(items), range_front_sheet(range(1, len(items) + 1)))
    return spec, withheld


def squash(text: str) -> str:
    return "".join(text.casefold().split())


def metadata_text(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    info = " ".join(str(value) for value in (reader.metadata or {}).values())
    xmp = reader.trailer["/Root"].get("/Metadata")
    return info + (xmp.get_object().get_data().decode("utf-8") if xmp else "")


def check_structure(path: Path, texts: list[str]) -> None:
    total = len(texts)
    assert total % 2 == 0
    assert stamped_numbers(texts) == [(page, total) for page in range(1, total + 1)]
    assert all(page % 2 == 1 for depth, _, page in outline(path) if depth == 1)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agendas)
def test_public_pack_holds_nothing_withheld_and_members_pack_holds_everything(agenda):
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        spec, withheld = make_spec(folder, agenda)
        public, members = folder / "public.pdf", folder / "members.pdf"
        build_pack(spec, public)
        build_pack(spec, members, audience=Audience.MEMBERS)

        public_texts, members_texts = page_texts(public), page_texts(members)
        check_structure(public, public_texts)
        check_structure(members, members_texts)
        everything_public = squash(" ".join(
            [*public_texts, metadata_text(public), *(title for _, title, _ in outline(public))]
        ))
        for key, must_withhold in withheld.items():
            in_members = [text for text in members_texts if key in text]
            assert in_members, f"{key} missing from the members' pack"
            if must_withhold:
                assert squash(key) not in everything_public, f"{key} leaked"
                assert all("NOT FOR PUBLICATION" in text for text in in_members)
            else:
                assert squash(key) in everything_public
                assert not any("NOT FOR PUBLICATION" in text for text in in_members)
