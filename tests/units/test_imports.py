import csv
import io
import os
import time
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from tests.factories import enrol_totp, make_person, make_user, make_user_with_role
from units.models import Category, Person, Role, Unit

pytestmark = pytest.mark.django_db

UNIT_HEADER = ["code", "name", "level", "kind", "parent_code", "valid_from", "valid_to", "successor_code"]
PERSON_HEADER = ["code", "full_name", "unit_code", "position", "category", "email"]


def csv_file(rows, *, bom=False, delimiter=",", name="tep.csv"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return SimpleUploadedFile(name, (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8"))


def xlsx_file(rows, *, name="tep.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def upload(client, kind, file):
    return client.post(reverse("units:import", args=[kind]), {"file": file})


def confirm(client, kind, token):
    return client.post(reverse("units:import_confirm", args=[kind, token]))


def import_file(client, kind, file):
    """Upload, check the preview is valid, confirm; the confirmation's response."""
    preview = upload(client, kind, file)
    assert preview.context["preview"].is_valid, preview.context["preview"].invalid_rows
    return confirm(client, kind, preview.context["token"])


def row_errors(response) -> dict[int, str]:
    return {row.number: " | ".join(row.errors) for row in response.context["preview"].invalid_rows}


def snapshot(queryset):
    return sorted(queryset.values_list())


def new_units_file(**options):
    rows = [
        UNIT_HEADER,
        ["SYT-VP", "Văn phòng Sở Y tế", "Đơn vị trực thuộc", "division", "SYT", "", "", ""],
        ["SYT", "Sở Y tế", "department", "Sở", "T-DNO", "01/01/2020", "", ""],
        ["GN", "Thành phố Gia Nghĩa", "district", "peoples_committee", "T-DNO", "", "31/12/2030", ""],
    ]
    return csv_file(rows, **options)


# Access


@pytest.mark.parametrize("kind", ["units", "people"])
def test_anonymous_is_sent_to_login(client, kind):
    for target in (reverse("units:import", args=[kind]), reverse("units:import_confirm", args=[kind, "x" * 32])):
        response = client.post(target)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("persona", ["unit_head", "clerk", "inspector", "council_member", "staff", "outsider"])
def test_non_administrators_get_403(login, personas, persona):
    client = login(getattr(personas, persona))
    assert client.get(reverse("units:import", args=["units"])).status_code == 403
    assert upload(client, "people", new_units_file()).status_code == 403


def test_unknown_import_kind_is_404(login, personas):
    assert login(personas.administrator).get(reverse("units:import", args=["votes"])).status_code == 404


def test_administrator_sees_the_form_and_the_columns(login, personas):
    response = login(personas.administrator).get(reverse("units:import", args=["people"]))
    assert response.status_code == 200
    assert "Nhập cán bộ từ tệp" in response.content.decode()
    assert "unit_code" in response.content.decode()


@pytest.mark.parametrize(
    ("kind", "header", "example"),
    [("units", [*UNIT_HEADER, "further_successor_codes"], "SNV-PTC"), ("people", PERSON_HEADER, "CB-00001")],
)
def test_the_sample_file_holds_the_header_and_an_example_row_that_imports_as_is(login, personas, kind, header, example):
    client = login(personas.administrator)
    sample = client.get(reverse("units:import", args=[kind]) + "?sample=1").content
    lines = sample.decode("utf-8-sig").splitlines()
    assert lines[0] == ",".join(header) and lines[1].startswith(example)
    import_file(client, kind, SimpleUploadedFile("mau-nhap.csv", sample, content_type="text/csv"))


def test_list_pages_offer_the_import_to_administrators_only(login, personas):
    assert "Nhập từ tệp" in login(personas.administrator).get(reverse("units:units")).content.decode()
    assert "Nhập từ tệp" not in login(personas.unit_head).get(reverse("units:people")).content.decode()


# Units


def test_valid_csv_creates_units_with_parents_resolved_inside_the_file(login, personas, tree):
    client = login(personas.administrator)
    preview = upload(client, "units", new_units_file())
    assert preview.context["preview"].counts == {"create": 3, "update": 0, "unchanged": 0}
    assert "Xác nhận nhập" in preview.content.decode()
    assert not Unit.objects.filter(code="SYT").exists()

    response = confirm(client, "units", preview.context["token"])

    assert response.status_code == 302
    health, office = Unit.objects.get(code="SYT"), Unit.objects.get(code="SYT-VP")
    assert (office.parent, health.parent) == (health, tree.province)
    assert health.path == f"{tree.province.path}{health.pk}/"
    assert office.path == f"{health.path}{office.pk}/"
    assert (office.level, office.kind, health.kind) == ("sub_unit", "division", "department")
    assert health.valid_from == date(2020, 1, 1)
    assert Unit.objects.get(code="GN").valid_to == date(2030, 12, 31)
    assert "3 thêm mới" in client.get(response["Location"]).content.decode()


def test_valid_xlsx_with_date_cells_creates_units(login, personas, tree):
    rows = [UNIT_HEADER, ["KN", "Huyện Krông Nô", "Huyện, thành phố", "Ủy ban nhân dân", "T-DNO", datetime(2021, 7, 1)]]
    import_file(login(personas.administrator), "units", xlsx_file(rows))
    unit = Unit.objects.get(code="KN")
    assert (unit.name, unit.level, unit.valid_from) == ("Huyện Krông Nô", "district", date(2021, 7, 1))
    assert unit.path == f"{tree.province.path}{unit.pk}/"


def test_bad_unit_rows_are_each_listed_with_their_row_number_and_nothing_is_written(login, personas, tree):
    before = snapshot(Unit.objects)
    rows = [
        UNIT_HEADER,
        ["OK1", "Sở Xây dựng", "department", "department", "T-DNO", "", "", ""],
        ["", "Không mã", "department", "department", "T-DNO", "", "", ""],
        ["X3", "", "cấp lạ", "department", "T-DNO", "", "", ""],
        ["X4", "Sở A", "department", "department", "KHONG-CO", "31/02/2024", "", ""],
        ["X5", "Sở B", "department", "department", "T-DNO", "01/01/2024", "01/01/2023", ""],
        ["OK1", "Sở Xây dựng (bản sao)", "department", "department", "T-DNO", "", "", ""],
        ["C1", "Vòng một", "department", "department", "C2", "", "", ""],
        ["C2", "Vòng hai", "department", "department", "C1", "", "", ""],
        ["X9", "Không có cấp trên", "department", "department", "", "", "", ""],
    ]
    response = upload(login(personas.administrator), "units", csv_file(rows))

    errors = row_errors(response)
    assert sorted(errors) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "Cột “code” không được để trống" in errors[3]
    assert "Cột “name” không được để trống" in errors[4] and "“cấp lạ” không phải giá trị hợp lệ" in errors[4]
    assert "không có đơn vị mã “KHONG-CO”" in errors[5] and "“31/02/2024” không phải ngày hợp lệ" in errors[5]
    assert "phải sau ngày bắt đầu" in errors[6]
    assert "trùng với dòng 2" in errors[7]
    assert "Vòng lặp đơn vị cấp trên" in errors[8] and "Vòng lặp đơn vị cấp trên" in errors[9]
    assert "phải có đơn vị cấp trên" in errors[10]
    page = response.content.decode()
    assert "8 dòng có lỗi" in page and "Xác nhận nhập" not in page
    assert "token" not in response.context
    assert snapshot(Unit.objects) == before


def test_moving_a_unit_under_its_own_descendant_is_a_cycle(login, personas, tree):
    rows = [UNIT_HEADER, ["SNV", "Sở Nội vụ", "department", "department", "SNV-VP", "", "", ""]]
    response = upload(login(personas.administrator), "units", csv_file(rows))
    assert "Vòng lặp đơn vị cấp trên: SNV → SNV-VP → SNV" in row_errors(response)[2]


def test_reimporting_the_same_units_file_changes_nothing(login, personas, tree):
    client = login(personas.administrator)
    import_file(client, "units", new_units_file())
    before = snapshot(Unit.objects)

    preview = upload(client, "units", new_units_file())
    assert preview.context["preview"].counts == {"create": 0, "update": 0, "unchanged": 3}
    confirm(client, "units", preview.context["token"])

    assert snapshot(Unit.objects) == before


def test_a_changed_name_updates_the_unit_and_nothing_else(login, personas, tree):
    client = login(personas.administrator)
    rows = [UNIT_HEADER, ["SNV", "Sở Nội vụ tỉnh Đắk Nông", "department", "department", "T-DNO", "", "", ""]]
    preview = upload(client, "units", csv_file(rows))
    assert preview.context["preview"].counts == {"create": 0, "update": 1, "unchanged": 0}
    others = snapshot(Unit.objects.exclude(code="SNV"))

    confirm(client, "units", preview.context["token"])

    tree.home.refresh_from_db()
    assert tree.home.name == "Sở Nội vụ tỉnh Đắk Nông"
    assert snapshot(Unit.objects.exclude(code="SNV")) == others


def test_a_successor_may_be_a_unit_created_further_down_the_tree_in_the_same_file(login, personas, tree):
    rows = [
        UNIT_HEADER,
        ["CU", "Huyện cũ", "district", "peoples_committee", "T-DNO", "", "30/06/2025", "MOI-XA"],
        ["MOI-XA", "Xã mới", "commune", "peoples_committee", "MOI", "01/07/2025", "", ""],
        ["MOI", "Huyện mới", "district", "peoples_committee", "T-DNO", "01/07/2025", "", ""],
    ]
    import_file(login(personas.administrator), "units", csv_file(rows))
    old, commune, district = (Unit.objects.get(code=code) for code in ("CU", "MOI-XA", "MOI"))
    assert (old.successor, commune.parent) == (commune, district)
    assert commune.path == f"{tree.province.path}{district.pk}/{commune.pk}/"


def test_moving_a_unit_moves_the_paths_of_its_descendants(login, personas, tree):
    rows = [UNIT_HEADER, ["SNV", "Sở Nội vụ", "department", "department", "STC", "", "", "STC"]]
    import_file(login(personas.administrator), "units", csv_file(rows))
    tree.home.refresh_from_db()
    tree.sub.refresh_from_db()
    assert (tree.home.parent, tree.home.successor) == (tree.other, tree.other)
    assert tree.home.path == f"{tree.other.path}{tree.home.pk}/"
    assert tree.sub.path == f"{tree.home.path}{tree.sub.pk}/"


def test_only_a_superuser_may_create_a_unit_without_a_parent(login, personas, tree):
    rows = [UNIT_HEADER, ["BN", "Tỉnh Bình Phước", "province", "peoples_committee", "", "", "", ""]]
    assert "phải có đơn vị cấp trên" in row_errors(upload(login(personas.administrator), "units", csv_file(rows)))[2]
    superuser = make_user(is_superuser=True)
    enrol_totp(superuser)
    import_file(login(superuser), "units", csv_file(rows))
    unit = Unit.objects.get(code="BN")
    assert (unit.parent, unit.path) == (None, f"/{unit.pk}/")


def test_department_administrator_cannot_import_units_into_another_department(login, tree):
    department_admin = make_user_with_role(Role.ADMINISTRATOR, tree.home)
    rows = [
        UNIT_HEADER,
        ["SNV-TTr", "Thanh tra Sở Nội vụ", "sub_unit", "division", "SNV", "", "", ""],
        ["STC-VP", "Văn phòng Sở Tài chính", "sub_unit", "division", "STC", "", "", ""],
        ["STC", "Sở Tài chính (đổi tên)", "department", "department", "T-DNO", "", "", ""],
        ["SNV-VP", "Văn phòng Sở Nội vụ", "sub_unit", "division", "STC", "", "", ""],
    ]
    response = upload(login(department_admin), "units", csv_file(rows))
    errors = row_errors(response)
    assert sorted(errors) == [3, 4, 5]
    assert "Đơn vị cấp trên “STC” nằm ngoài phạm vi bạn quản trị" in errors[3]
    assert "Đơn vị “STC” nằm ngoài phạm vi bạn quản trị" in errors[4]
    assert "Đơn vị cấp trên “STC” nằm ngoài phạm vi bạn quản trị" in errors[5]


# People


def test_valid_xlsx_creates_people_in_their_units(login, personas, tree):
    rows = [
        PERSON_HEADER,
        ["CB001", "Nguyễn Thị Hồng Nhung", "SNV-VP", "Chánh Văn phòng", "Công chức", "nhung@example.vn"],
        [1002, "Trần Văn Đức", "STC", None, "vien_chuc", None],
    ]
    import_file(login(personas.administrator), "people", xlsx_file(rows))
    nhung, duc = Person.objects.get(code="CB001"), Person.objects.get(code="1002")
    assert (nhung.unit, nhung.category, nhung.position) == (tree.sub, Category.CONG_CHUC, "Chánh Văn phòng")
    assert nhung.email == "nhung@example.vn"
    assert (duc.full_name, duc.unit, duc.category, duc.email) == ("Trần Văn Đức", tree.other, "vien_chuc", "")


def test_csv_with_bom_and_semicolons_reads_vietnamese_intact(login, personas, tree):
    rows = [PERSON_HEADER, ["CB9", "Phạm Thị Ngọc Ánh", "SNV", "Chuyên viên", "người lao động", ""]]
    import_file(login(personas.administrator), "people", csv_file(rows, bom=True, delimiter=";"))
    person = Person.objects.get(code="CB9")
    assert (person.full_name, person.category) == ("Phạm Thị Ngọc Ánh", "nguoi_lao_dong")


def test_bad_person_rows_are_each_listed_and_nothing_is_written(login, personas, tree):
    make_person(code="CB-CU", unit=tree.home, email="da.dung@example.vn")
    before = snapshot(Person.objects)
    rows = [
        PERSON_HEADER,
        ["CB1", "Lê Văn An", "SNV", "", "cong_chuc", "an@example.vn"],
        ["CB2", "Lê Văn Bình", "KHONG-CO", "", "ngạch lạ", "khong-phai-email"],
        ["CB3", "Lê Văn Cường", "SNV", "", "cong_chuc", "Da.Dung@example.vn"],
        ["CB4", "Lê Văn Dũng", "SNV", "", "cong_chuc", "an@example.vn"],
        ["CB5", "", "", "", "", ""],
    ]
    response = upload(login(personas.administrator), "people", csv_file(rows))
    errors = row_errors(response)
    assert sorted(errors) == [3, 4, 5, 6]
    assert "không có đơn vị mã “KHONG-CO”" in errors[3] and "“ngạch lạ” không phải giá trị hợp lệ" in errors[3]
    assert "không phải địa chỉ e-mail hợp lệ" in errors[3]
    assert "đã được dùng cho cán bộ khác (mã CB-CU)" in errors[4]
    assert "E-mail “an@example.vn” trùng với dòng 2" in errors[5]
    assert "Cột “full_name” không được để trống" in errors[6] and "Cột “unit_code” không được để trống" in errors[6]
    assert snapshot(Person.objects) == before


def test_reimporting_the_same_people_file_changes_nothing(login, personas, tree):
    client = login(personas.administrator)
    rows = [PERSON_HEADER, ["CB1", "Lê Văn An", "SNV", "Phó Giám đốc", "Cán bộ", "an@example.vn"]]
    import_file(client, "people", csv_file(rows))
    before = snapshot(Person.objects)

    preview = upload(client, "people", csv_file(rows))
    assert preview.context["preview"].counts == {"create": 0, "update": 0, "unchanged": 1}
    confirm(client, "people", preview.context["token"])

    assert snapshot(Person.objects) == before


def test_a_changed_person_row_updates_that_person(login, personas, tree):
    person = make_person(code="CB7", full_name="Võ Thị Sáu", unit=tree.home)
    rows = [PERSON_HEADER, ["CB7", "Võ Thị Sáu", "SNV-VP", "Văn thư", "vien_chuc", ""]]
    import_file(login(personas.administrator), "people", csv_file(rows))
    person.refresh_from_db()
    assert (person.unit, person.position, person.category) == (tree.sub, "Văn thư", "vien_chuc")


def test_department_administrator_cannot_import_people_into_another_department(login, tree):
    make_person(code="CB-STC", unit=tree.other)
    department_admin = make_user_with_role(Role.ADMINISTRATOR, tree.home)
    rows = [
        PERSON_HEADER,
        ["CB1", "Lê Văn An", "SNV-VP", "", "cong_chuc", ""],
        ["CB2", "Lê Văn Bình", "STC", "", "cong_chuc", ""],
        ["CB-STC", "Người của Sở Tài chính", "SNV", "", "cong_chuc", ""],
    ]
    response = upload(login(department_admin), "people", csv_file(rows))
    errors = row_errors(response)
    assert sorted(errors) == [3, 4]
    assert "Đơn vị “STC” nằm ngoài phạm vi bạn quản trị" in errors[3]
    assert "Cán bộ “CB-STC” thuộc đơn vị ngoài phạm vi bạn quản trị" in errors[4]


# Files that cannot be read


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("a.csv", b""), "Tệp trống"),
        (SimpleUploadedFile("a.csv", b"code,full_name\r\n"), "Thiếu cột: unit_code, position, category, email"),
        (SimpleUploadedFile("a.csv", ",".join(PERSON_HEADER).encode() + b"\r\n"), "không có dòng dữ liệu"),
        (SimpleUploadedFile("a.xlsx", b"%PDF-1.4\x00\x01binary"), "không phải CSV hay XLSX"),
        (SimpleUploadedFile("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64), "Excel 97-2003"),
        (SimpleUploadedFile("a.xlsx", b"PK\x03\x04not really a zip"), "không phải bảng tính XLSX hợp lệ"),
        (SimpleUploadedFile("a.csv", "code;Tên đơn vị\n".encode("cp1258", errors="replace")), "UTF-8"),
    ],
)
def test_unreadable_files_get_a_clear_vietnamese_error(login, personas, file, message):
    response = upload(login(personas.administrator), "people", file)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "preview" not in response.context


def test_a_file_named_csv_holding_xlsx_is_read_by_its_content(login, personas, tree):
    rows = [PERSON_HEADER, ["CB1", "Lê Văn An", "SNV", "", "cong_chuc", ""]]
    file = xlsx_file(rows, name="nguoi.csv")
    assert upload(login(personas.administrator), "people", file).context["preview"].counts["create"] == 1


def test_a_file_over_the_size_limit_is_refused(login, personas, settings):
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    file = SimpleUploadedFile("a.csv", b"x" * (1024 * 1024 + 1))
    assert "Tệp quá lớn: tối đa 1 MB" in upload(login(personas.administrator), "people", file).content.decode()


def test_missing_file_is_a_form_error(login, personas):
    response = login(personas.administrator).post(reverse("units:import", args=["units"]))
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


# The stored upload


def test_another_administrator_cannot_confirm_your_upload(client, personas, tree):
    other_admin = make_user_with_role(Role.ADMINISTRATOR, tree.province)
    client.force_login(personas.administrator)
    token = upload(client, "units", new_units_file()).context["token"]

    client.force_login(other_admin)
    assert confirm(client, "units", token).status_code == 404
    assert confirm(client, "people", token).status_code == 404
    assert not Unit.objects.filter(code="SYT").exists()

    client.force_login(personas.administrator)
    assert confirm(client, "units", token).status_code == 302
    assert Unit.objects.filter(code="SYT").exists()


def test_an_upload_is_removed_once_confirmed(login, personas, tree, settings):
    client = login(personas.administrator)
    token = upload(client, "units", new_units_file()).context["token"]
    assert confirm(client, "units", token).status_code == 302
    assert confirm(client, "units", token).status_code == 404
    assert not any(path.is_file() for path in (settings.MEDIA_ROOT / "imports").rglob("*"))


def test_an_unconfirmed_upload_is_removed_a_day_later_when_the_user_uploads_again(login, personas, tree, settings):
    client = login(personas.administrator)
    token = upload(client, "units", new_units_file()).context["token"]
    stored = next(path for path in (settings.MEDIA_ROOT / "imports").rglob("*") if path.is_file())
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(stored, (two_days_ago, two_days_ago))

    upload(client, "units", new_units_file())

    assert not stored.exists()
    assert confirm(client, "units", token).status_code == 404


def test_confirm_validates_again_and_writes_nothing_when_data_changed_meanwhile(login, personas, tree):
    client = login(personas.administrator)
    rows = [
        PERSON_HEADER,
        ["CB1", "Lê Văn An", "SNV", "", "cong_chuc", ""],
        ["CB2", "Lê Văn Bình", "SNV", "", "cong_chuc", "binh@example.vn"],
    ]
    token = upload(client, "people", csv_file(rows)).context["token"]
    make_person(code="KHAC", unit=tree.other, email="binh@example.vn")

    response = confirm(client, "people", token)

    assert response.status_code == 200
    assert "đã được dùng cho cán bộ khác (mã KHAC)" in row_errors(response)[3]
    assert not Person.objects.filter(code__in=["CB1", "CB2"]).exists()
