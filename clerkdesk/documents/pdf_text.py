"""The text of PDF pages, fast, for searching (the leak check), not for reading.

pypdf's ``extract_text`` takes 5-10 ms a page, so checking a 300-page public pack took
longer than building it. Here pikepdf parses the content streams in C++, keeping only the
text operators, and each font's strings are decoded with ``str.translate`` through a table
built once per font from its ToUnicode map or its WinAnsi/MacRoman encoding. Lines are
broken where a viewer would start a new one; spacing inside a line is not reproduced,
which does not matter to a search that ignores whitespace.

A page drawn with a font this cannot decode for certain (Type 3, a custom /Differences
encoding without ToUnicode, a mixed-width CMap) is read with pypdf instead, so no page is
ever skipped. Both sides of the leak check (the withheld documents and the public pack)
are read by this one reader, so the same content always gives the same text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pypdf

_SHOWING = "Tf Tj TJ ' \" Do"
# Parsing costs per operator kept, so line-positioning operators only when lines matter.
_POSITIONING = " BT ET Td TD Tm T*"
_SHOW_STRING = frozenset({"Tj", "'", '"'})
_MAX_FORM_DEPTH = 8
_MAX_RANGE = 0x10000
_SIMPLE_ENCODINGS = {"/WinAnsiEncoding": "cp1252", "/MacRomanEncoding": "mac_roman"}
_HEX_OR_BRACKET = re.compile(rb"<([0-9A-Fa-f\s]*)>|(\[)|(\])")


class _Undecodable(Exception):
    """A font or content stream this reader cannot turn into text for certain."""


@dataclass(frozen=True)
class _Decoder:
    code_bytes: int  # 1 for simple fonts, 2 for the usual composite (Identity-H) fonts
    table: dict[int, str]

    def decode(self, data: bytes) -> str:
        if self.code_bytes == 1:
            return data.decode("latin-1").translate(self.table)
        data = data[: len(data) // 2 * 2]
        return data.decode("utf-16-be", "surrogatepass").translate(self.table)


class PdfTextReader:
    """Text of the pages of one open PDF; ``path`` is for the pypdf fallback."""

    def __init__(self, pdf: pikepdf.Pdf, path: str | Path):
        self._pdf = pdf
        self._path = path
        self._decoders: dict[tuple[int, int], _Decoder] = {}
        self._fallback: pypdf.PdfReader | None = None

    def page_text(self, index: int, *, lines: bool = True) -> str:
        """The page's text; with ``lines=False`` (faster) without line breaks."""
        page = self._pdf.pages[index]
        operators = _SHOWING + _POSITIONING if lines else _SHOWING
        try:
            return self._text_of(page.obj, page.obj.get("/Resources"), operators, depth=0)
        except (_Undecodable, pikepdf.PdfError, ValueError, KeyError, TypeError):
            if self._fallback is None:
                self._fallback = pypdf.PdfReader(self._path)
            return self._fallback.pages[index].extract_text() or ""

    def _text_of(self, owner: pikepdf.Object, resources: pikepdf.Object | None,
                 operators: str, depth: int) -> str:
        parts: list[str] = []
        decoder: _Decoder | None = None
        line_y: float | None = None
        for operands, operator in pikepdf.parse_content_stream(owner, operators):
            op = str(operator)
            # Most frequent first: this loop is most of the cost of a leak check.
            if op in _SHOW_STRING:
                if decoder is None:
                    raise _Undecodable("text shown before any font was set")
                if op != "Tj":
                    parts.append("\n")
                parts.append(decoder.decode(bytes(operands[-1])))
            elif op == "TJ":
                if decoder is None:
                    raise _Undecodable("text shown before any font was set")
                parts.append(decoder.decode(b"".join(
                    bytes(value) for value in operands[0] if isinstance(value, pikepdf.String))))
            elif op == "Tf":
                decoder = self._decoder(resources, operands[0])
            elif op in ("BT", "ET", "T*") or (op in ("Td", "TD") and float(operands[1])):
                parts.append("\n")
            elif op == "Tm" and float(operands[5]) != line_y:
                line_y = float(operands[5])
                parts.append("\n")
            elif op == "Do":
                parts.append(self._form_text(resources, operands[0], operators, depth))
        return "".join(parts)

    def _form_text(self, resources: pikepdf.Object | None, name: pikepdf.Name,
                   operators: str, depth: int) -> str:
        form = _form(resources, name)
        if form is None:
            return ""  # an image, or a missing object a viewer would skip as well
        if depth >= _MAX_FORM_DEPTH:
            raise _Undecodable("forms nested too deeply")
        text = self._text_of(form, form.get("/Resources", resources), operators, depth + 1)
        return f"\n{text}\n"

    def _decoder(self, resources: pikepdf.Object | None, name: pikepdf.Name) -> _Decoder:
        fonts = resources.get("/Font") if resources is not None else None
        font = fonts.get(name) if fonts is not None else None
        if not isinstance(font, pikepdf.Dictionary):
            raise _Undecodable(f"no font {name}")
        if not font.is_indirect:
            return _font_decoder(font)
        if font.objgen not in self._decoders:
            self._decoders[font.objgen] = _font_decoder(font)
        return self._decoders[font.objgen]


def page_shows_text(page: pikepdf.Page) -> bool:
    """Whether the page draws any text, itself or in its forms: False for a scan with no
    OCR layer. Unreadable content counts as no text."""
    try:
        return _shows_text(page.obj, page.obj.get("/Resources"), depth=0)
    except pikepdf.PdfError:
        return False


def _shows_text(owner: pikepdf.Object, resources: pikepdf.Object | None, depth: int) -> bool:
    for operands, operator in pikepdf.parse_content_stream(owner, "Tj TJ ' \" Do"):
        if str(operator) != "Do":
            return True
        form = _form(resources, operands[0])
        if form is not None and depth < _MAX_FORM_DEPTH and _shows_text(
                form, form.get("/Resources", resources), depth + 1):
            return True
    return False


def _form(resources: pikepdf.Object | None, name: pikepdf.Name) -> pikepdf.Stream | None:
    xobjects = resources.get("/XObject") if resources is not None else None
    form = xobjects.get(name) if xobjects is not None else None
    return form if form is not None and form.get("/Subtype") == "/Form" else None


def _font_decoder(font: pikepdf.Dictionary) -> _Decoder:
    to_unicode = font.get("/ToUnicode")
    cmap = _parse_to_unicode(to_unicode.read_bytes()) if isinstance(
        to_unicode, pikepdf.Stream) else None
    if font.get("/Subtype") == "/Type3":
        raise _Undecodable("Type 3 font")
    if font.get("/Subtype") == "/Type0":
        if cmap is None:
            raise _Undecodable("composite font without ToUnicode")
        return _Decoder(*cmap)
    if cmap is not None:
        code_bytes, table = cmap
        if code_bytes != 1:
            raise _Undecodable("simple font with a two-byte ToUnicode map")
        return _Decoder(1, {**_encoding_table(font, required=False), **table})
    return _Decoder(1, _encoding_table(font, required=True))


def _encoding_table(font: pikepdf.Dictionary, *, required: bool) -> dict[int, str]:
    """Code to text for a simple font's named encoding; {} where ToUnicode does the work."""
    encoding = font.get("/Encoding")
    if isinstance(encoding, pikepdf.Dictionary):
        if "/Differences" in encoding and required:
            raise _Undecodable("custom /Differences encoding without ToUnicode")
        encoding = encoding.get("/BaseEncoding")
    codec = _SIMPLE_ENCODINGS.get(str(encoding)) if encoding is not None else None
    if codec is None:
        if required:
            raise _Undecodable(f"encoding {encoding}")
        return {}
    return {code: bytes([code]).decode(codec, "replace") for code in range(256)}


def _parse_to_unicode(data: bytes) -> tuple[int, dict[int, str]]:
    """The code width and code-to-text table of a ToUnicode CMap (bfchar and bfrange)."""
    widths = {len(_hex(lo)) for lo, _ in re.findall(
        rb"<([0-9A-Fa-f\s]+)>\s*<([0-9A-Fa-f\s]+)>",
        b"".join(re.findall(rb"begincodespacerange(.*?)endcodespacerange", data, re.S)))}
    table: dict[int, str] = {}
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        codes = re.findall(rb"<([0-9A-Fa-f\s]*)>", section)
        for source, target in zip(codes[::2], codes[1::2], strict=False):
            widths.add(len(_hex(source)))
            table[int.from_bytes(_hex(source), "big")] = _utf16(target)
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        _read_ranges(section, table, widths)
    if len(widths) != 1 or widths - {1, 2}:
        raise _Undecodable(f"code widths {sorted(widths)}")
    return widths.pop(), table


def _read_ranges(section: bytes, table: dict[int, str], widths: set[int]) -> None:
    tokens = iter(_HEX_OR_BRACKET.finditer(section))
    for low_token in tokens:
        low, high = _hex(low_token.group(1)), _hex(next(tokens).group(1))
        widths.add(len(low))
        first, last = int.from_bytes(low, "big"), int.from_bytes(high, "big")
        if not 0 <= last - first < _MAX_RANGE:
            raise _Undecodable("implausible bfrange")
        target = next(tokens)
        if target.group(2):  # [<dst1> <dst2> ...]: one target per code
            for code, item in zip(range(first, last + 1), tokens, strict=False):
                if item.group(3):
                    break
                table[code] = _utf16(item.group(1))
            else:
                next(tokens, None)  # the closing bracket
            continue
        text = _utf16(target.group(1))
        for offset in range(last - first + 1):
            # The last character counts up through the range (PDF 32000 §9.10.3).
            table[first + offset] = text[:-1] + chr(ord(text[-1]) + offset) if text else ""


def _hex(digits: bytes) -> bytes:
    return bytes.fromhex(re.sub(rb"\s", b"", digits).decode("ascii"))


def _utf16(digits: bytes) -> str:
    return _hex(digits).decode("utf-16-be", "surrogatepass")
