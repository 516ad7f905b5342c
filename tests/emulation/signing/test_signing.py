"""Digital signatures: a signed decision's PDF and a certificate carry the authority's PAdES signature (the demo
key that load_demo writes); the public check reports an uploaded PDF as valid, invalid (altered, or signed by a key
outside the trust roots) or absent."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from emulation.certificates.issuing import issue_certificate
from emulation.certificates.pdfs import certificate_pdf
from emulation.demo_signing_key import SIGNER_NAME, build_demo, write_demo_credentials
from emulation.models import CertificateDesign
from emulation.rewards.pdfs import decision_pdf
from emulation.signing import DEMO_FOLDER, DEMO_SIGNER, SignatureState, signature_status

pytestmark = pytest.mark.django_db

JULY_1 = datetime.date(2026, 7, 1)


@pytest.fixture
def demo_key(settings):
    build_demo()
    return Path(settings.MEDIA_ROOT) / DEMO_FOLDER / DEMO_SIGNER


@pytest.fixture
def signed(issue, people):
    return issue([(people.an, "CSTD_TINH")], on=JULY_1, number="27/QĐ-UBND")


def altered(pdf: bytes) -> bytes:
    """One byte of the signed content changed (inside the page, before the signature)."""
    data = bytearray(pdf)
    data[len(data) // 3] ^= 0x01
    return bytes(data)


def test_a_signed_decisions_pdf_carries_a_valid_signature_of_the_authority(demo_key, signed):
    status = signature_status(decision_pdf(signed))
    assert status.state == SignatureState.VALID and status.signer == SIGNER_NAME and status.signed_at


def test_an_altered_pdf_is_invalid_and_an_unsigned_one_or_a_non_pdf_has_no_signature(demo_key, signed, issue, people):
    assert signature_status(altered(decision_pdf(signed))).state == SignatureState.INVALID
    draft = issue([(people.binh, "CSTD_TINH")])
    assert signature_status(decision_pdf(draft)).state == SignatureState.ABSENT
    assert signature_status(b"not a pdf").state == SignatureState.ABSENT


def test_a_pdf_signed_by_a_key_outside_the_trust_roots_is_invalid(demo_key, signed, settings, tmp_path):
    _ca, stranger = write_demo_credentials(tmp_path / "stranger")
    settings.SIGNING_PKCS12_PATH = str(stranger)
    assert signature_status(decision_pdf(signed)).state == SignatureState.INVALID


def test_without_a_key_the_decision_pdf_is_issued_unsigned(signed):
    assert signature_status(decision_pdf(signed)).state == SignatureState.ABSENT


def test_load_demo_keeps_the_credentials_it_wrote(demo_key):
    before = demo_key.read_bytes()
    assert build_demo() == {"demo signing key written": 0}  # load_demo prints each builder's summary
    assert demo_key.read_bytes() == before


def test_a_certificate_pdf_is_signed(demo_key, signed, personas):
    CertificateDesign.objects.get_or_create(
        authority=signed.authority,
        defaults={"name": "Bằng khen", "template": "bang_khen", "serial_format": "{number:05d}/BK-{unit}/{year}"},
    )
    certificate = issue_certificate(award=signed.awards.get())
    assert signature_status(certificate_pdf(certificate)).state == SignatureState.VALID


@pytest.mark.parametrize("case", ["valid", "invalid", "absent"])
def test_the_public_check_reports_an_uploaded_pdfs_signature(client, demo_key, signed, case):
    pdf = decision_pdf(signed)
    upload = {"valid": pdf, "invalid": altered(pdf), "absent": b"%PDF-1.4\n%%EOF"}[case]
    response = client.post(
        reverse("signature_check"), {"pdf": SimpleUploadedFile("qd.pdf", upload, content_type="application/pdf")}
    )
    assert response.status_code == 200
    assert f'data-state="{case}"' in response.content.decode()


def test_the_check_page_opens_without_login_and_refuses_a_non_pdf(client):
    assert client.get(reverse("signature_check")).status_code == 200
    page = client.post(reverse("signature_check"), {"pdf": SimpleUploadedFile("a.txt", b"x")}).content.decode()
    assert "data-state" not in page
