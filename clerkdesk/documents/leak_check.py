"""The last guard before a public file is written: does it contain exempt material?

Leaking Schedule 12A information is the worst thing ClerkDesk can do, so the public pack
is not trusted to be right because ``public_view`` made it. Before the final rename, the
finished file is scanned for what each withheld document would bring with it:

- phrases: its title and distinctive lines of its text, looked for (ignoring case and
  whitespace) in the text of every page, and in every string of the file outside page
  content: bookmarks, document properties, XMP metadata, annotations;
- fingerprints: digests of its page content streams and of the images on its scanned
  pages, so that a withheld scan, which has no text to search for, is caught too.

A false alarm is safe (the clerk is told what matched and where); a miss is not.
"""

from __future__ import annotations

import hashlib
import html
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pikepdf

from clerkdesk.documents.conversion import open_pdf
from clerkdesk.documents.pack_spec import PackSpec, public_view
from clerkdesk.documents.pdf_text import PdfTextReader, page_shows_text
from clerkdesk.documents.progress import Progress
from clerkdesk.errors import ClerkError

_MIN_PHRASE = 8  # normalised characters; shorter titles ("Bids") would match anything
_MIN_LINE = 30  # characters of a text line worth searching for
_PHRASES_PER_DOCUMENT = 12
_MIN_CONTENT_STREAM = 200  # bytes; tiny streams ("q ... Do Q") are shared by many PDFs
_MIN_IMAGE = 2048
# Lines about the exemption itself are expected in public reports that refer to it.
_NOTICE_WORDS = ("schedule12a", "notforpublication", "section100a", "exemptinformation")


T = TypeVar("T")


class PublicationLeakError(ClerkError):
    """A public output contains material of a withheld document; nothing was published."""

    def __init__(self, document: str, where: str, matched: str = ""):
        excerpt = f' (matching "{matched[:60]}")' if matched else ""
        super().__init__(
            f"Publication stopped: the public pack contains material from the exempt "
            f"document {document}, found {where}{excerpt}. No public file was written. "
            "Check the access settings of that document and of the report that may quote it."
        )
        self.document = document
        self.where = where


@dataclass(frozen=True)
class WithheldMaterial:
    """What would betray one withheld document. ``label`` names it for the clerk."""

    label: str
    phrases: tuple[str, ...]
    content_digests: frozenset[str] = frozenset()
    image_digests: frozenset[str] = frozenset()


def normalise(text: str) -> str:
    """Case- and whitespace-blind form for matching; NFKC folds ligatures like "ﬁ"."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def withheld_material(spec: PackSpec) -> list[WithheldMaterial]:
    """The material of every document that ``public_view`` withholds from ``spec``.

    Phrases that the public view itself publishes (item titles, stub titles such as
    "Appendix 2 (not for publication)", open document titles) are left out: they are
    public by design, and searching for them would stop every pack.
    """
    public = public_view(spec)
    published = [normalise(spec.title)] + [
        normalise(text)
        for item in public.items
        for text in (item.title, *(document.title for document in item.documents))
    ]
    material = []
    for (item, _, document), (_, _, shown) in zip(
        spec.documents(), public.documents(), strict=True
    ):
        if not shown.is_stub or document.is_stub:
            continue
        label = f"'{document.title}' (item {item.number})"
        page_texts, contents, images = _read_withheld_pdf(Path(document.pdf_path), document.title)
        candidates = [document.title, *_distinctive_lines(page_texts)]
        phrases = tuple(
            phrase for phrase in candidates
            if len(normalise(phrase)) >= _MIN_PHRASE
            and not any(normalise(phrase) in text for text in published)
        )
        material.append(WithheldMaterial(label, phrases, contents, images))
    return material


def _read_withheld_pdf(
    path: Path, name: str
) -> tuple[list[str], frozenset[str], frozenset[str]]:
    """Texts of a sample of its pages, and the digests of all its pages' content."""
    contents: set[str] = set()
    images: set[str] = set()
    with open_pdf(path, name) as pdf:  # a clear message for a protected or broken file
        for page in pdf.pages:
            contents.update(_content_digests(page))
            if not page_shows_text(page):
                images.update(_image_digests(page))  # a scan: its images are its content
        # Text is the slow part, and a dozen pages spread through it give phrases enough.
        reader = PdfTextReader(pdf, path)
        page_texts = [reader.page_text(index)
                      for index in _spread(range(len(pdf.pages)), _PHRASES_PER_DOCUMENT)]
    return page_texts, frozenset(contents), frozenset(images)


def _spread(values: Sequence[T], count: int) -> list[T]:
    """At most ``count`` of ``values``, evenly spaced from the first."""
    if len(values) <= count:
        return list(values)
    step = len(values) / count
    return [values[int(index * step)] for index in range(count)]


def _content_digests(page: pikepdf.Page) -> Iterator[str]:
    contents = page.obj.get("/Contents")
    streams = contents if isinstance(contents, pikepdf.Array) else [contents]
    for stream in streams:
        if isinstance(stream, pikepdf.Stream):
            data = _stream_data(stream)
            if len(data) >= _MIN_CONTENT_STREAM:
                yield _digest(data)


def _stream_data(stream: pikepdf.Stream) -> bytes:
    """Decoded where pikepdf can (the pack may be recompressed on saving), else raw."""
    try:
        return stream.read_bytes()
    except pikepdf.PdfError:
        return stream.read_raw_bytes()


def _image_digests(page: pikepdf.Page) -> Iterator[str]:
    # get_images() (pikepdf 10) also finds images inside form XObjects; .images is older.
    images = page.get_images() if hasattr(page, "get_images") else page.images
    for image in images.values():
        data = _stream_data(image)
        if len(data) >= _MIN_IMAGE:
            yield _digest(data)


def _distinctive_lines(page_texts: Sequence[str]) -> list[str]:
    """Long lines of the document's text, spread through it, leaving out lines that
    repeat on several pages (running headers and footers shared with other reports)."""
    pages_with_line: Counter[str] = Counter()
    ordered: list[str] = []
    for text in page_texts:
        lines = {" ".join(line.split()) for line in text.splitlines()}
        pages_with_line.update(lines)
        ordered.extend(line for line in text.splitlines() if line.strip())
    candidates = []
    for line in dict.fromkeys(" ".join(line.split()) for line in ordered):
        key = normalise(line)
        if (
            len(line) >= _MIN_LINE
            and (pages_with_line[line] == 1 or len(page_texts) == 1)
            and not any(word in key for word in _NOTICE_WORDS)
        ):
            candidates.append(line)
    return _spread(candidates, _PHRASES_PER_DOCUMENT)


def check_public_output(path: str | Path, material: Iterable[WithheldMaterial]) -> None:
    """Raise ``PublicationLeakError`` if the PDF at ``path`` contains withheld material."""
    for _ in leak_scan_steps(path, material):
        pass


def leak_scan_steps(
    path: str | Path, material: Iterable[WithheldMaterial]
) -> Iterator[Progress]:
    """``check_public_output`` as a generator of progress, for long packs."""
    material = list(material)
    if not material:
        return
    searches = [
        (item.label, phrase, normalise(phrase)) for item in material for phrase in item.phrases
    ]
    owner_of_content = {digest: m.label for m in material for digest in m.content_digests}
    owner_of_image = {digest: m.label for m in material for digest in m.image_digests}
    with pikepdf.open(path) as pdf:
        total = len(pdf.pages)
        yield Progress(0, total, "Checking bookmarks and properties")
        for text in _strings_outside_pages(pdf):
            _raise_on_phrase(normalise(text), searches, "in its bookmarks or properties")
        reader = PdfTextReader(pdf, path)
        for number, page in enumerate(pdf.pages, start=1):
            digests = list(_content_digests(page))
            if owner_of_image:  # decoding every image is only worth it when scans are withheld
                digests.extend(_image_digests(page))
            for digest in digests:
                label = owner_of_content.get(digest) or owner_of_image.get(digest)
                if label:
                    raise PublicationLeakError(label, f"on page {number}, copied from it")
            if searches:
                _raise_on_phrase(normalise(_text_for_check(reader, number)), searches,
                                 f"on page {number}")
            if number % 20 == 0 or number == total:
                yield Progress(number, total, f"Checking page {number} of {total}")


def _text_for_check(reader: PdfTextReader, number: int) -> str:
    try:
        return reader.page_text(number - 1, lines=False)
    except Exception as error:  # pypdf, the fallback, raises many types
        # A page that cannot be read cannot be cleared for publication.
        raise ClerkError(
            f"Publication stopped: page {number} of the public pack could not be read to "
            "check it for exempt material. No public file was written."
        ) from error


def _raise_on_phrase(text: str, searches: Sequence[tuple[str, str, str]], where: str) -> None:
    for label, phrase, key in searches:
        if key in text:
            raise PublicationLeakError(label, where, phrase)


def _strings_outside_pages(pdf: pikepdf.Pdf) -> Iterator[str]:
    """Every string in the file's objects (bookmarks, /Info, annotations, names) and the
    XMP metadata; page text is extracted separately."""
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            if obj.get("/Type") == "/Metadata":  # XMP: XML, so "&" is written "&amp;"
                yield html.unescape(_stream_data(obj).decode("utf-8", "replace"))
            yield from _strings_in(obj.stream_dict)
        else:
            yield from _strings_in(obj)
    yield from (str(value) for value in pdf.trailer.get("/Info", {}).values()
                if isinstance(value, pikepdf.String))


def _strings_in(obj: pikepdf.Object) -> Iterator[str]:
    # Indirect children are visited on their own by ``pdf.objects``; follow direct ones.
    if isinstance(obj, pikepdf.String):
        yield str(obj)
    elif isinstance(obj, pikepdf.Dictionary | pikepdf.Array):
        for value in obj.values() if isinstance(obj, pikepdf.Dictionary) else obj:
            # pikepdf hands numbers and booleans back as plain Python values
            if isinstance(value, pikepdf.Object) and not value.is_indirect:
                yield from _strings_in(value)
