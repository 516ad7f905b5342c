import csv
import io
from datetime import UTC, date, datetime

import django_tables2 as tables
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import make_person, make_unit
from units.listing.exports import export_response
from units.models import Category, Kind, Level

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"]


def export(client, name, fmt, **filters):
    return client.get(reverse(name), {**filters, "_export": fmt})


def csv_rows(response) -> list[list[str]]:
    content = response.getvalue()  # a streamed response is read once
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8")[1:])))


def xlsx_rows(response) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    return list(sheet.iter_rows(values_only=True))


def codes(rows) -> list[str]:
    return [row[0] for row in rows[1:]]


def test_csv_export_has_a_bom_and_reads_back_with_vietnamese_intact(login, personas, tree):
    response = export(login(personas.administrator), "units:units", "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="don-vi.csv"'
    rows = csv_rows(response)
    assert rows[0][:2] == ["Mã đơn vị", "Tên đơn vị"]
    assert ["SNV-VP", "Văn phòng Sở Nội vụ", "Đơn vị trực thuộc", "Phòng, ban chuyên môn", "Sở Nội vụ"] in [
        row[:5] for row in rows
    ]


def test_xlsx_export_reads_back_with_openpyxl(login, personas, tree):
    make_unit(code="GN", name="Thành phố Gia Nghĩa", parent=tree.province, valid_from=date(2020, 1, 1))
    rows = xlsx_rows(export(login(personas.administrator), "units:units", "xlsx"))
    assert rows[0][:2] == ("Mã đơn vị", "Tên đơn vị")
    gia_nghia = next(row for row in rows if row[0] == "GN")
    assert gia_nghia[1] == "Thành phố Gia Nghĩa"
    assert gia_nghia[5] == datetime(2020, 1, 1)  # a real date cell, not text


def test_csv_dates_are_written_day_month_year(login, personas, tree):
    make_unit(code="GN", name="Gia Nghĩa", parent=tree.province, valid_from=date(2020, 1, 31))
    rows = csv_rows(export(login(personas.administrator), "units:units", "csv"))
    assert next(row for row in rows if row[0] == "GN")[5] == "31/01/2020"


def test_export_holds_exactly_the_filtered_units(login, personas, tree):
    client = login(personas.administrator)
    assert codes(csv_rows(export(client, "units:units", "csv", level=Level.SUB_UNIT))) == ["SNV-VP"]
    assert codes(xlsx_rows(export(client, "units:units", "xlsx", q="Tài chính"))) == ["STC"]
    assert codes(csv_rows(export(client, "units:units", "csv", parent=tree.home.pk))) == ["SNV-VP"]
    assert sorted(codes(csv_rows(export(client, "units:units", "csv", kind=Kind.DEPARTMENT)))) == ["SNV", "STC"]


def test_export_holds_every_filtered_row_not_only_the_first_page(login, personas, tree):
    for i in range(60):
        make_unit(code=f"X{i:02d}", name=f"Phòng {i}", parent=tree.sub, level=Level.SUB_UNIT, kind=Kind.DIVISION)
    rows = csv_rows(export(login(personas.administrator), "units:units", "csv", level=Level.SUB_UNIT, sort="-code"))
    assert len(rows) == 1 + 61
    assert codes(rows)[:2] == ["X59", "X58"]  # the table's sort order is kept


def test_people_export_holds_exactly_the_filtered_people(login, personas, tree):
    make_person(code="CB1", full_name="Đặng Thị Mai", unit=tree.sub, category=Category.VIEN_CHUC)
    make_person(code="CB2", full_name="Đặng Văn Nam", unit=tree.other, category=Category.VIEN_CHUC)
    make_person(code="CB3", full_name="Hồ Thị Lan", unit=tree.sub, category=Category.CONG_CHUC)
    client = login(personas.administrator)
    filtered = {"unit": tree.home.pk, "category": Category.VIEN_CHUC}
    assert codes(csv_rows(export(client, "units:people", "csv", **filtered))) == ["CB1"]
    rows = xlsx_rows(export(client, "units:people", "xlsx", q="Đặng"))
    assert sorted(row[1] for row in rows[1:]) == ["Đặng Thị Mai", "Đặng Văn Nam"]


def test_export_only_holds_units_the_user_reaches(login, personas, tree):
    rows = csv_rows(export(login(personas.unit_head), "units:units", "csv"))
    assert sorted(codes(rows)) == ["SNV", "SNV-VP"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cells_starting_like_a_formula_are_neutralised(login, personas, tree, fmt):
    for i, text in enumerate(FORMULAS):
        make_unit(code=f"F{i}", name=text, parent=tree.province)
    response = export(login(personas.administrator), "units:units", fmt, q="F")
    rows = csv_rows(response) if fmt == "csv" else xlsx_rows(response)
    names = {row[0]: row[1] for row in rows[1:]}
    assert [names[f"F{i}"] for i in range(4)] == [f"'{text}" for text in FORMULAS]


def test_xlsx_cells_starting_like_a_formula_are_text_not_formulas(login, personas, tree):
    make_unit(code="F0", name="=1+2", parent=tree.province)
    response = export(login(personas.administrator), "units:units", "xlsx", q="F0")
    cell = load_workbook(io.BytesIO(response.getvalue())).active["B2"]
    assert (cell.data_type, cell.value) == ("s", "'=1+2")


class StampTable(tables.Table):
    name = tables.Column(verbose_name="Tên")
    at = tables.DateTimeColumn(verbose_name="Thời điểm")


def test_times_with_a_time_zone_export_in_local_time():
    table = StampTable([{"name": "Kiểm tra", "at": datetime(2025, 3, 1, 1, 30, tzinfo=UTC)}])
    assert xlsx_rows(export_response(table, "xlsx", "t"))[1] == ("Kiểm tra", datetime(2025, 3, 1, 8, 30))
    assert csv_rows(export_response(table, "csv", "t"))[1] == ["Kiểm tra", "01/03/2025 08:30"]


class HiddenDateTable(tables.Table):
    at = tables.DateColumn(verbose_name="Ngày")

    def value_at(self, value):
        return "ẩn"


def test_a_table_that_defines_its_own_export_value_keeps_it():
    assert csv_rows(export_response(HiddenDateTable([{"at": date(2025, 1, 1)}]), "csv", "t"))[1] == ["ẩn"]


@pytest.mark.parametrize("name", ["units:units", "units:people"])
def test_anonymous_export_is_sent_to_login(client, name):
    response = export(client, name, "csv")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("name", ["units:units", "units:people"])
def test_staff_cannot_export(login, personas, name):
    assert export(login(personas.staff), name, "xlsx").status_code == 403
