"""Every generated document follows the administrative document form (Nghị định 30/2020/NĐ-CP): issuing body in
capitals over its parent, national motto, "Số: …", "<địa danh>, ngày dd tháng mm năm yyyy", title in capitals and
a signature block — in one serif (Spectral) that draws every Vietnamese letter. Read back with pdftotext."""

import datetime
import io
import re

import pytest
from pypdf import PdfReader

from emulation.certificates.pdfs import register_pdf
from emulation.council.minutes import minutes_pdf
from emulation.pledges.pdfs import registration_sheet
from emulation.rankings.pdfs import ranking_sheet
from tests.emulation.certificates.helpers import make_signed_decision, pdf_text
from tests.emulation.council.helpers import make_council, make_nomination, open_session_with
from tests.emulation.factories import make_pledge
from tests.factories import make_person

pytestmark = pytest.mark.django_db

DATE_LINE = re.compile(r"Đắk Nông, ngày (\d\d) tháng (\d\d) năm (\d{4})")


def fonts_of(pdf: bytes) -> set[str]:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    return {str(font["/BaseFont"]) for font in page["/Resources"]["/Font"].get_object().values()}


def assert_official_form(pdf: bytes, *, issuer: str, title: str, day: datetime.date) -> str:
    text = pdf_text(pdf)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "TỈNH ĐẮK NÔNG" in text and all(word in text for word in issuer.upper().split())  # wraps in its cell
    assert "Số:" in text
    assert DATE_LINE.search(text).groups() == (f"{day:%d}", f"{day:%m}", f"{day:%Y}")
    assert title in text
    fonts = fonts_of(pdf)
    assert {"Spectral-Regular", "Spectral-Bold"} <= {font.split("+")[-1] for font in fonts}, fonts
    assert not any("BeVietnam" in font for font in fonts), fonts
    return text


def test_the_registration_sheet_is_an_official_document(personas, tree):
    pledge = make_pledge(unit=tree.home)
    text = assert_official_form(
        registration_sheet(pledge), issuer="Sở Nội vụ", title="BẢN ĐĂNG KÝ THI ĐUA", day=datetime.date.today()
    )
    assert "THỦ TRƯỞNG ĐƠN VỊ" in text


def test_the_council_minutes_are_an_official_document(tree):
    council = make_council(tree.province, size=3, name="Hội đồng Thi đua – Khen thưởng tỉnh Đắk Nông")
    session = open_session_with(council, make_nomination(person=make_person(unit=tree.other)), present=3)
    text = assert_official_form(
        minutes_pdf(session),
        issuer="Hội đồng Thi đua – Khen thưởng tỉnh Đắk Nông",
        title="BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG",
        day=session.date,
    )
    assert "CHỦ TỊCH HỘI ĐỒNG" in text


def test_the_ranking_report_is_an_official_document(tree):
    from tests.emulation.factories import make_period

    day = datetime.date(2026, 1, 15)
    pdf = ranking_sheet(period=make_period(), blocs=[], authority=tree.province, min_inspections=None, printed_on=day)
    text = assert_official_form(pdf, issuer="Hội đồng Thi đua – Khen thưởng", title="BẢNG XẾP HẠNG THI ĐUA", day=day)
    assert "TM. HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG" in text


def test_the_certificate_register_is_an_official_document_with_the_decisions_number(tree):
    decision = make_signed_decision(tree.home, number="15/QĐ-SNV", decided_on=datetime.date(2025, 1, 15))
    text = assert_official_form(
        register_pdf(decision, []),
        issuer="Sở Nội vụ",
        title="SỔ THEO DÕI CẤP GIẤY KHEN, BẰNG KHEN",
        day=datetime.date(2025, 1, 15),
    )
    assert "Số: 15/QĐ-SNV" in text and "GIÁM ĐỐC SỞ NỘI VỤ" in text and "Trần Văn Ký" in text
