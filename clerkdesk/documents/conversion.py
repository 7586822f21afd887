"""Word documents to PDF with LibreOffice, and the checks a PDF must pass to join a pack.

LibreOffice is optional on clerks' machines: without it, Word attachments cannot go into
a pack and the clerk is told so in plain words, while PDF attachments keep working.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from clerkdesk.documents.atomic import atomic_path
from clerkdesk.documents.pdf_text import page_shows_text
from clerkdesk.errors import ClerkError

log = logging.getLogger(__name__)

LIBREOFFICE_MISSING = (
    "LibreOffice is not installed, so Word documents cannot be turned into PDF for the "
    "pack. Install LibreOffice, or attach a PDF of the report instead."
)
WORD_SUFFIXES = frozenset({".docx", ".doc", ".odt", ".rtf"})
# Tagged PDF keeps headings and reading order for screen readers (rules.md §8).
_TAGGED_PDF_EXPORT = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
# Where the installers put LibreOffice when it is not on PATH.
_USUAL_PLACES = {
    "win32": (r"C:\Program Files\LibreOffice\program\soffice.exe",),
    "darwin": ("/Applications/LibreOffice.app/Contents/MacOS/soffice",),
}


class DocumentError(ClerkError):
    """An attachment cannot be used in a pack (password-protected, damaged, unconvertible)."""


def find_libreoffice(search_path: str | None = None) -> str | None:
    """The LibreOffice program, or None. ``search_path`` replaces PATH (tests pass "")."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name, path=search_path)
        if found:
            return found
    if search_path is None:
        for place in _USUAL_PLACES.get(sys.platform, ()):
            if Path(place).is_file():
                return place
    return None


def docx_to_pdf(
    document: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    soffice: str | None = None,
    timeout: float = 180.0,
) -> Path:
    """Convert a Word document to ``out_dir/<stem>.pdf`` and return that path."""
    document = Path(document)
    soffice = soffice or find_libreoffice()
    if soffice is None:
        raise DocumentError(LIBREOFFICE_MISSING)
    with tempfile.TemporaryDirectory(prefix="clerkdesk-libreoffice-") as scratch:
        # Each run gets its own profile and HOME: a second LibreOffice sharing a profile
        # silently converts nothing, and LibreOffice writes ~/.cache/dconf.
        home, converted = Path(scratch, "home"), Path(scratch, "out")
        home.mkdir()
        command = [
            soffice, f"-env:UserInstallation={Path(scratch, 'profile').as_uri()}",
            "--headless", "--norestore", "--convert-to", _TAGGED_PDF_EXPORT,
            "--outdir", str(converted), str(document.resolve()),
        ]
        detail = _run(command, {**os.environ, "HOME": str(home)}, timeout, document.name)
        produced = converted / f"{document.stem}.pdf"
        if not produced.is_file():
            log.warning("LibreOffice produced no PDF for %s: %s", document, detail)
            raise DocumentError(
                f"LibreOffice could not turn '{document.name}' into PDF. Check that it opens "
                "in Word or LibreOffice, or attach a PDF of the report instead."
            )
        target = Path(out_dir) / produced.name
        with atomic_path(target) as temp:
            shutil.copyfile(produced, temp)
    return target


def _run(command: list[str], env: dict[str, str], timeout: float, name: str) -> str:
    try:
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=os.name == "posix",
        )
    except OSError as error:
        raise DocumentError(f"LibreOffice could not be started: {error}.") from error
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        # soffice is a launcher: end the whole process group, not only the launcher.
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.communicate()
        raise DocumentError(
            f"LibreOffice took more than {timeout:g} seconds to convert '{name}' and was "
            "stopped. Try again, or attach a PDF of the report instead."
        ) from None
    return output


def password_message(name: str) -> str:
    return f"'{name}' is password-protected; save an unprotected copy and attach that instead."


def broken_message(name: str) -> str:
    return (
        f"'{name}' cannot be read as PDF: it is damaged or not a PDF. Open it in the program "
        "that made it and save it as PDF again."
    )


def no_text_message(name: str) -> str:
    return (
        f"'{name}' has no text layer (it looks scanned): screen readers cannot read it. Ask "
        "the author for a text PDF, or record an accessibility exception."
    )


@dataclass(frozen=True)
class PdfReport:
    """What a clerk needs to know about an attached PDF before it goes into a pack.

    ``problems`` stop the document being used; ``warnings`` are accessibility warnings.
    """

    path: Path
    pages: int = 0
    encrypted: bool = False
    broken: bool = False
    has_text: bool = False
    tagged: bool = False
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def usable(self) -> bool:
        return not self.problems


def inspect_pdf(path: str | os.PathLike[str], name: str | None = None) -> PdfReport:
    """Check that ``path`` can go into a pack; ``name`` is how messages refer to it."""
    path = Path(path)
    name = name or path.name
    try:
        with pikepdf.open(path) as pdf:
            pages = len(pdf.pages)
            tagged = "/StructTreeRoot" in pdf.Root
            has_text = has_text_layer(pdf)
    except pikepdf.PasswordError:
        return PdfReport(path, encrypted=True, problems=(password_message(name),))
    except (pikepdf.PdfError, OSError, ValueError):
        return PdfReport(path, broken=True, problems=(broken_message(name),))
    if pages == 0:
        return PdfReport(path, broken=True, problems=(broken_message(name),))
    warnings = () if has_text else (no_text_message(name),)
    return PdfReport(path, pages, has_text=has_text, tagged=tagged, warnings=warnings)


def has_text_layer(pdf: pikepdf.Pdf) -> bool:
    """Whether any page draws text; a scan without OCR draws none. Usually settled by
    the first page."""
    return any(page_shows_text(page) for page in pdf.pages)


def open_pdf(path: str | os.PathLike[str], name: str) -> pikepdf.Pdf:
    """Open an attachment for merging, or raise ``DocumentError`` naming it."""
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        raise DocumentError(password_message(name)) from None
    except FileNotFoundError:
        raise DocumentError(f"'{name}' cannot be found at {path}.") from None
    except (pikepdf.PdfError, OSError, ValueError):
        raise DocumentError(broken_message(name)) from None
    if len(pdf.pages) == 0:
        pdf.close()
        raise DocumentError(broken_message(name))
    return pdf


def as_pdf(path: Path, name: str, work_dir: Path, cache_dir: Path | None = None) -> Path:
    """``path`` itself if it is a PDF; a Word document is converted into ``work_dir``.

    With ``cache_dir``, a conversion is kept there under the Word file's SHA-256 and reused:
    LibreOffice takes a second or two a document, and publishing builds two packs.
    """
    if path.suffix.lower() not in WORD_SUFFIXES:
        return path
    cached = None
    if cache_dir is not None:
        cached = Path(cache_dir) / f"{hashlib.sha256(path.read_bytes()).hexdigest()}.pdf"
        if cached.is_file():
            return cached
    if find_libreoffice() is None:
        raise DocumentError(f"'{name}' is a Word document. {LIBREOFFICE_MISSING}")
    # A folder per conversion: two reports may share a file name.
    converted = docx_to_pdf(path, tempfile.mkdtemp(dir=work_dir))
    if cached is None:
        return converted
    cached.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(cached) as temp:
        shutil.copyfile(converted, temp)
    return cached
