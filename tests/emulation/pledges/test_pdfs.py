import io

import pytest
from pypdf import PdfReader

from emulation.models import TitleScope
from emulation.pledges.pdfs import registration_sheet
from emulation.pledges.services import register_staff_in_bulk, save_pledge, submit_pledge
from tests.emulation.factories import make_commitment_item, make_movement, make_period, make_pledge, make_title
from tests.factories import make_person

pytestmark = pytest.mark.django_db


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_registration_sheet_keeps_vietnamese_intact(personas, tree):
    movement = make_movement(name="Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở")
    period = make_period(movement=movement, name="Năm 2026")
    items = [
        make_commitment_item(movement, text="Xây dựng cơ quan văn minh, hiện đại, xanh, sạch, đẹp"),
        make_commitment_item(movement, text="Không uống rượu, bia buổi trưa ngày làm việc"),
    ]
    pledge = make_pledge(unit=tree.home, period=period)
    make_person(unit=tree.home, full_name="Nguyễn Thị Hương Giang")
    collective = make_title(name="Tập thể lao động xuất sắc", scope=TitleScope.COLLECTIVE)
    save_pledge(pledge=pledge, by=personas.clerk, commitment_items=items, own_targets="", target_title=collective)
    register_staff_in_bulk(pledge=pledge, title=make_title(name="Lao động tiên tiến"), by=personas.clerk)
    submit_pledge(pledge=pledge, by=personas.unit_head)

    pdf = registration_sheet(pledge)

    assert pdf.startswith(b"%PDF")
    text = text_of(pdf)
    for expected in [
        "BẢN ĐĂNG KÝ THI ĐUA",
        "Sở Nội vụ",
        "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
        "Xây dựng cơ quan văn minh, hiện đại, xanh, sạch, đẹp",
        "Không uống rượu, bia buổi trưa ngày làm việc",
        "Tập thể lao động xuất sắc",
        "Nguyễn Thị Hương Giang",
        "Nguyễn Thị Hương Trà",
        "Lao động tiên tiến",
    ]:
        assert expected in text, expected


def test_registration_sheet_embeds_the_vietnamese_serif_font(personas, tree):
    pledge = make_pledge(unit=tree.home)
    reader = PdfReader(io.BytesIO(registration_sheet(pledge)))
    fonts = {str(font["/BaseFont"]) for font in reader.pages[0]["/Resources"]["/Font"].get_object().values()}
    assert any("Spectral" in font for font in fonts), fonts
