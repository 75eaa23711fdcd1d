"""Document uploads: the type is read from the content, the size is limited, the name is random,
and only while the nomination awaits its review. Downloads check rights and are logged."""

import io
import zipfile

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.contingent.models import DocumentKind, NominationDocument
from onderdak.contingent.services import documents
from onderdak.contingent.services.documents import document_upload
from onderdak.core.errors import Conflict, DomainError, Forbidden
from tests.contingent.factories import NominationFactory, care_provider

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%fictief\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 20


def package(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


ODT = package({"mimetype": documents.ODT.encode(), "content.xml": b"<x/>"})
DOCX = package({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"})
OTHER_ZIP = package({"readme.txt": b"hallo"})


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def worker(make_member):
    return make_member(Role.CARE_WORKER)


def upload(nomination, by, name="plan.pdf", content=PDF, kind=DocumentKind.GUIDANCE_PLAN):
    return document_upload(
        nomination=nomination,
        kind=kind,
        uploaded_file=SimpleUploadedFile(name, content, content_type="application/pdf"),
        by=by,
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("plan.pdf", PDF, "application/pdf"),
        ("scan.PNG", PNG, "image/png"),
        ("scan.jpg", JPEG, "image/jpeg"),
        ("plan.odt", ODT, documents.ODT),
        ("plan.docx", DOCX, documents.DOCX),
    ],
)
def test_allowed_types_are_stored_privately_under_a_random_name(
    worker, private_media, name, content, content_type
):
    document = upload(NominationFactory(), worker, name=name, content=content)
    assert document.content_type == content_type
    assert document.original_name == name
    assert document.size == len(content)
    assert name not in document.file.name
    assert (private_media / document.file.name).read_bytes() == content


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.pdf", b"MZ\x90\x00 not a pdf", "Upload a PDF"),
        ("plan.docx", OTHER_ZIP, "Upload a PDF"),
        ("plan.docx", b"PK\x03\x04 broken", "Upload a PDF"),
        ("plan.html", b"<html><script>", "Upload a PDF"),
        ("plan.exe", PDF, "does not match"),
        ("plan.pdf", PNG, "does not match"),
        ("plan.pdf", b"", "empty"),
    ],
)
def test_other_content_is_refused(worker, name, content, message):
    with pytest.raises(DomainError) as raised:
        upload(NominationFactory(), worker, name=name, content=content)
    assert message in raised.value.fields["file"][0]
    assert not NominationDocument.objects.exists()


def test_too_large_is_refused(worker, monkeypatch):
    monkeypatch.setattr(documents, "MAX_BYTES", len(PDF) - 1)
    with pytest.raises(DomainError) as raised:
        upload(NominationFactory(), worker)
    assert "10 MB" in raised.value.message


def test_a_path_in_the_name_is_dropped(worker):
    document = upload(NominationFactory(), worker, name="C:\\Users\\x\\..\\plan.pdf")
    assert document.original_name == "plan.pdf"


def test_while_awaiting_review_a_document_can_be_added(worker):
    assert upload(NominationFactory(submitted=True), worker).pk


def test_after_the_review_no_document_can_be_added(worker):
    with pytest.raises(Conflict):
        upload(NominationFactory(approved=True), worker)


def test_only_the_nominating_provider_uploads(worker):
    with pytest.raises(Forbidden):
        upload(NominationFactory(provider=care_provider(1)), worker)


# --- Download ------------------------------------------------------------------------------------


def test_download_is_an_attachment_and_logged(worker, login):
    document = upload(NominationFactory(), worker)
    response = login(worker).get(reverse("contingent:document_download", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, object_pk=str(document.pk)
    ).exists()


@pytest.mark.parametrize("role", [Role.CORPORATION_OFFICER, Role.POLICY_OFFICER])
def test_roles_without_cases_do_not_find_a_document(worker, make_member, login, role):
    document = upload(NominationFactory(), worker)
    response = login(make_member(role)).get(
        reverse("contingent:document_download", args=[document.pk])
    )
    assert response.status_code == 404


def test_another_providers_document_is_not_found(worker, make_member, login):
    document = upload(NominationFactory(), worker)
    other = make_member(Role.CARE_WORKER)
    other.memberships.update(organisation=care_provider(1))
    response = login(other).get(reverse("contingent:document_download", args=[document.pk]))
    assert response.status_code == 404
