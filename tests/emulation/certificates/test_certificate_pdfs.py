"""Certificate PDFs read back with real tools: every Vietnamese string exact, A4 landscape, and a QR code that
decodes to the public verification URL."""

import io

import pytest
from pypdf import PdfReader

from emulation.certificates.issuing import issue_certificate
from emulation.models import Authority, CertificateDesign, Title
from tests.emulation.certificates.helpers import make_signed_decision, pdf_text, qr_payload
from tests.factories import make_award

pytestmark = pytest.mark.django_db


@pytest.fixture
def award(tree, personas):
    """Sở Nội vụ's Giám đốc grants Chiến sĩ thi đua cơ sở to the staff member Nguyễn Thị Hương Trà."""
    CertificateDesign.objects.filter(authority__code="GD_SO").update(place="Đắk Nông")
    decision = make_signed_decision(tree.home, number="15/QĐ-SNV")
    person = personas.staff.person
    return make_award(
        decision,
        person=person,
        title=Title.objects.get(code="CSTDCS"),
        achievement="Hoàn thành xuất sắc nhiệm vụ năm 2024",
    )


def test_giay_khen_carries_every_printed_fact_in_exact_vietnamese(award):
    certificate = issue_certificate(award=award)
    text = pdf_text(certificate.pdf.read())
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "SỞ NỘI VỤ",
        "GIẤY KHEN",
        "Nguyễn Thị Hương Trà",
        "Sở Nội vụ",
        "Chiến sĩ thi đua cơ sở",
        "Hoàn thành xuất sắc nhiệm vụ năm 2024",
        "Quyết định số 15/QĐ-SNV ngày 15/01/2025",
        "Đắk Nông, ngày 15 tháng 01 năm 2025",
        "GIÁM ĐỐC SỞ NỘI VỤ",
        "Trần Văn Ký",
        "00001/GK-SNV/2025",
    ]:
        assert expected in text, expected
    assert "BẰNG KHEN" not in text


def test_certificate_is_one_a4_landscape_page(award):
    reader = PdfReader(io.BytesIO(issue_certificate(award=award).pdf.read()))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)


def test_qr_code_decodes_to_the_public_verification_url(award, settings):
    certificate = issue_certificate(award=award)
    assert qr_payload(certificate.pdf.read()) == f"{settings.SITE_URL}/verify/{certificate.token}/"


def test_the_provincial_chair_s_design_is_a_bang_khen_for_a_collective(tree):
    decision = make_signed_decision(
        tree.province,
        authority=Authority.objects.get(code="CT_UBND_TINH"),
        number="120/QĐ-UBND",
        signer_position="Chủ tịch UBND tỉnh",
        signer_name="Hồ Văn Mười",
    )
    award = make_award(decision, unit=tree.other, title=Title.objects.get(code="TTLDXS"))
    text = pdf_text(issue_certificate(award=award).pdf.read())
    for expected in ["BẰNG KHEN", "Sở Tài chính", "Tập thể lao động xuất sắc", "00001/BK-T-DNO/2025", "Hồ Văn Mười"]:
        assert expected in text, expected
    assert "GIẤY KHEN" not in text


def test_an_administrator_s_design_choice_changes_the_layout(award):
    CertificateDesign.objects.filter(authority__code="GD_SO").update(template="bang_khen")
    assert "BẰNG KHEN" in pdf_text(issue_certificate(award=award).pdf.read())
