"""A certificate vouches for what it printed: its facts and the SHA-256 of its PDF are frozen at issue, a later
rename shows only as "tên hiện nay", and anyone can check a PDF file against the issued one."""

import hashlib
import importlib
import io

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from emulation.certificates.issuing import certificate_pdf_bytes, issue_certificate
from emulation.certificates.models import Certificate
from emulation.models import Title
from tests.emulation.certificates.helpers import make_signed_decision
from tests.factories import make_award

pytestmark = pytest.mark.django_db

PRINTED = "Nguyễn Thị Hương Trà"


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


@pytest.fixture
def certificate(tree, personas):
    decision = make_signed_decision(tree.home, number="15/QĐ-SNV")
    award = make_award(
        decision, person=personas.staff.person, title=Title.objects.get(code="CSTDCS"), achievement="Xuất sắc"
    )
    return issue_certificate(award=award)


def rename_everyone(certificate, tree):
    person = certificate.award.person
    person.full_name = "Nguyễn Thị Hương Giang"
    person.save()
    tree.home.name = "Sở Nội vụ tỉnh Lâm Đồng"
    tree.home.save()


def test_issuing_freezes_the_printed_facts_and_the_hash_of_the_pdf(certificate):
    certificate.refresh_from_db()
    assert certificate.printed["recipient"] == PRINTED
    assert certificate.printed["decision_number"] == "15/QĐ-SNV" and certificate.printed["issuer"] == "Sở Nội vụ"
    assert certificate.pdf_sha256 == hashlib.sha256(certificate.pdf.read()).hexdigest()


def test_after_a_rename_the_page_shows_the_printed_name_and_the_new_one_only_as_current(client, certificate, tree):
    rename_everyone(certificate, tree)
    page = client.get(f"/verify/{certificate.token}/").content.decode()
    assert PRINTED in page and "Sở Nội vụ —" in page
    assert "tên hiện nay: Nguyễn Thị Hương Giang" in page
    assert "tên hiện nay: Sở Nội vụ tỉnh Lâm Đồng" in page
    assert "Sở Nội vụ tỉnh Lâm Đồng —" not in page  # the issuer printed stays in place


def test_a_certificate_rendered_again_after_a_rename_prints_what_was_issued(certificate, tree):
    rename_everyone(certificate, tree)
    certificate = Certificate.objects.with_facts().get(pk=certificate.pk)
    certificate.pdf.delete(save=False)
    reader = PdfReader(io.BytesIO(certificate_pdf_bytes(certificate)))
    text = "".join(page.extract_text() for page in reader.pages)
    assert PRINTED in " ".join(text.split()) and "Giang" not in text


def drop(client, certificate, data: bytes, **extra):
    upload = SimpleUploadedFile("giay-khen.pdf", data, content_type="application/pdf")
    return client.post(f"/verify/{certificate.token}/", {"pdf": upload}, **extra).content.decode()


def test_anyone_is_told_the_issued_pdf_is_byte_identical(client, certificate):
    certificate.refresh_from_db()
    assert "trùng khớp từng byte" in drop(client, certificate, certificate.pdf.read())


def test_a_changed_pdf_is_called_not_identical(client, certificate):
    certificate.refresh_from_db()
    data = bytearray(certificate.pdf.read())
    data[len(data) // 2] ^= 1
    page = drop(client, certificate, bytes(data))
    assert "KHÔNG trùng khớp" in page and "trùng khớp từng byte" not in page


def test_a_file_above_the_limit_is_refused_unread(client, certificate, settings):
    settings.VERIFY_PDF_MAX_BYTES = 10
    page = drop(client, certificate, b"%PDF-1.4 " + b"x" * 100)
    assert "Tệp lớn hơn" in page and "trùng khớp" not in page.replace("Tệp trùng khớp", "")


def test_dropping_files_counts_against_the_rate_limit(client, certificate, settings):
    settings.VERIFY_RATE_LIMIT_PER_MINUTE = 2
    drop(client, certificate, b"x")
    drop(client, certificate, b"x")
    upload = SimpleUploadedFile("giay-khen.pdf", b"x", content_type="application/pdf")
    assert client.post(f"/verify/{certificate.token}/", {"pdf": upload}).status_code == 429


def test_the_migration_backfills_existing_certificates_from_records_and_the_stored_file(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(printed={}, pdf_sha256="")
    migration = importlib.import_module("emulation.migrations.0017_certificate_printed_facts")
    migration.backfill(apps, None)
    certificate.refresh_from_db()
    assert certificate.printed["recipient"] == PRINTED
    assert certificate.pdf_sha256 == hashlib.sha256(certificate.pdf.read()).hexdigest()
