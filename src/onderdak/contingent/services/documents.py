"""Uploads of a nomination's documents (guidance plan, the client's consent) to private storage.

A file's type is read from its content (its first bytes, and for DOCX and ODT the package inside),
never trusted from the browser; the name's extension must agree with it. The file is stored under a
random name in ``default_storage`` (the private media root, never served); only
``views.nominations.DocumentDownloadView`` and the API hand it out, after checking rights.
"""

import os
import zipfile
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from onderdak.accounts.models import User
from onderdak.contingent.models import (
    DocumentKind,
    Nomination,
    NominationDocument,
    NominationStatus,
)
from onderdak.contingent.workflows import NOMINATION
from onderdak.core.errors import Conflict, DomainError, Forbidden

#: 10 MB: a scanned, signed consent form fits; a video does not.
MAX_BYTES = 10 * 1024 * 1024
#: While the nomination can still be read before the review, documents may be added.
UPLOAD_STATUSES = (
    NominationStatus.DRAFT,
    NominationStatus.INFO_REQUESTED,
    NominationStatus.SUBMITTED,
)
NAME_LENGTH = 200
ODT = "application/vnd.oasis.opendocument.text"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class FileType:
    content_type: str
    extensions: tuple[str, ...]


PDF = FileType("application/pdf", (".pdf",))
JPEG = FileType("image/jpeg", (".jpg", ".jpeg"))
PNG = FileType("image/png", (".png",))
WORD = FileType(DOCX, (".docx",))
OPEN_DOCUMENT = FileType(ODT, (".odt",))
#: The first bytes of each type that is recognised without opening it further.
SIGNATURES = (
    (b"%PDF-", PDF),
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
)
ZIP_SIGNATURE = b"PK\x03\x04"


@transaction.atomic
def document_upload(
    *, nomination: Nomination, kind: str, uploaded_file: UploadedFile, by: User
) -> NominationDocument:
    """Store ``uploaded_file`` as a document of ``nomination`` (draft, sent back, or awaiting
    review), when it is a PDF, DOCX, ODT, JPEG or PNG of at most 10 MB."""
    fresh = NOMINATION.lock(nomination)  # no step of the nomination meanwhile
    if fresh.status not in UPLOAD_STATUSES:
        raise Conflict(
            _("Documents can no longer be added to a nomination that is “%(status)s”.")
            % {"status": fresh.get_status_display()},
            code="invalid_transition",
        )
    if not by.has_perm("contingent.add_nominationdocument", fresh):
        raise Forbidden()
    if kind not in DocumentKind.values:
        raise DomainError(fields={"kind": [_("Choose the kind of document.")]})
    name = _original_name(uploaded_file.name)
    file_type = _checked_type(uploaded_file, name)
    document = NominationDocument(
        nomination=fresh,
        kind=kind,
        original_name=name,
        content_type=file_type.content_type,
        size=uploaded_file.size,
        uploaded_by=by,
    )
    document.file.save(name, uploaded_file, save=False)
    try:
        document.save()
    except Exception:
        document.file.delete(save=False)
        raise
    return document


def _original_name(name: str | None) -> str:
    """The file's own name without any path, shortened from the front to fit (the extension
    stays)."""
    base = os.path.basename((name or "").replace("\\", "/")).strip() or "document"
    return base[-NAME_LENGTH:]


def _checked_type(uploaded_file: UploadedFile, name: str) -> FileType:
    if uploaded_file.size > MAX_BYTES:
        raise _file_error(_("The file is larger than 10 MB."))
    if uploaded_file.size == 0:
        raise _file_error(_("The file is empty."))
    file_type = detect_type(uploaded_file)
    if file_type is None:
        raise _file_error(_("Upload a PDF, Word (DOCX), OpenDocument (ODT), JPEG or PNG file."))
    if not name.lower().endswith(file_type.extensions):
        raise _file_error(
            _("The file's name does not match its content; its content is %(type)s.")
            % {"type": file_type.extensions[0].lstrip(".").upper()}
        )
    return file_type


def _file_error(message: str) -> DomainError:
    return DomainError(message, fields={"file": [message]})


def detect_type(uploaded_file: UploadedFile) -> FileType | None:
    """The type ``uploaded_file`` really is, from its content; ``None`` when not allowed."""
    uploaded_file.seek(0)
    head = uploaded_file.read(16)
    uploaded_file.seek(0)
    for signature, file_type in SIGNATURES:
        if head.startswith(signature):
            return file_type
    if head.startswith(ZIP_SIGNATURE):
        return _office_type(uploaded_file)
    return None


def _office_type(uploaded_file: UploadedFile) -> FileType | None:
    """DOCX and ODT are zip packages: ODT names its type in a ``mimetype`` entry, DOCX has a
    main document part. Only the directory and that one small entry are read (no zip bomb)."""
    try:
        with zipfile.ZipFile(uploaded_file) as package:
            names = set(package.namelist())
            if "mimetype" in names and _names_odt(package):
                return OPEN_DOCUMENT
            if {"[Content_Types].xml", "word/document.xml"} <= names:
                return WORD
    except (zipfile.BadZipFile, OSError):
        return None
    finally:
        uploaded_file.seek(0)
    return None


def _names_odt(package: zipfile.ZipFile) -> bool:
    entry = package.getinfo("mimetype")
    return entry.file_size < 100 and package.read(entry).strip() == ODT.encode()
