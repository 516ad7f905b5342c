"""Long lists in PDFs are cut into one table a page (emulation.pdfs.table_pages): xhtml2pdf re-splits one long table
at every page, a cost growing with the square of its rows; page-sized tables keep every row and every number."""

import datetime
import io
from types import SimpleNamespace

from pypdf import PdfReader

from emulation.pdfs import Letterhead, render_pdf, table_pages
from tests.emulation.certificates.helpers import pdf_text


def test_rows_are_numbered_from_one_and_cut_first_then_every_page():
    pages = table_pages("abcdefgh", first=3, then=2)
    assert [[number for number, _row in page] for page in pages] == [[1, 2, 3], [4, 5], [6, 7], [8]]
    assert pages[0][0] == (1, "a") and table_pages([], first=3, then=2) == []


def test_a_register_of_45_certificates_prints_each_row_once_on_three_pages_with_the_header_on_each():
    certificates = [
        SimpleNamespace(
            serial=f"{i:05d}/GK-SNV/2025",
            award=SimpleNamespace(
                recipient=f"Người số {i}",
                recipient_unit=SimpleNamespace(name="Phòng Tổ chức"),
                what=SimpleNamespace(name="Lao động tiên tiến"),
            ),
            get_status_display="Còn hiệu lực",
        )
        for i in range(1, 46)
    ]
    decision = SimpleNamespace(
        number="1/QĐ-SNV", decided_on=datetime.date(2025, 1, 15), authority=SimpleNamespace(name="Giám đốc Sở")
    )
    doc = Letterhead(issuer="Sở Nội vụ", number="1/QĐ-SNV", day=datetime.date(2025, 1, 15), place="Đắk Nông")
    context = {"doc": doc, "decision": decision, "pages": table_pages(certificates, first=14, then=20)}
    pdf = render_pdf("emulation/certificates/pdf/certificate_register.html", context)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 3
    assert all("Số hiệu" in page.extract_text() for page in reader.pages)
    text = pdf_text(pdf)
    assert all(text.count(f"{i:05d}/GK-SNV/2025") == 1 for i in range(1, 46))
    assert text.index("00014/GK") < text.index("00015/GK") < text.index("00045/GK")
