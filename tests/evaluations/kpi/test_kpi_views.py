"""KPI pages: access matrix, entry of a unit's values, correction, grid, export, and the all-or-nothing import."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from evaluations.kpi import services as kpi
from evaluations.models import EntryMethod, KpiIndicator, KpiReading

pytestmark = pytest.mark.django_db


def reading(unit, code, value, start=date(2024, 1, 1), end=date(2024, 12, 31)):
    indicator = KpiIndicator.objects.get(code=code)
    return kpi.record_reading(unit=unit, indicator=indicator, start=start, end=end, value=Decimal(value), by=None)


@pytest.mark.parametrize("name", ["evaluations:kpi_list", "evaluations:kpi_entry", "evaluations:kpi_import"])
def test_anonymous_is_sent_to_login(client, name):
    assert client.get(reverse(name))["Location"].startswith(reverse("account_login"))


def test_staff_cannot_browse_readings_and_only_administrators_enter_them(login, personas):
    assert login(personas.staff).get(reverse("evaluations:kpi_list")).status_code == 403
    for persona in (personas.unit_head, personas.inspector, personas.secretary):
        client = login(persona)
        assert client.get(reverse("evaluations:kpi_entry")).status_code == 403
        assert client.get(reverse("evaluations:kpi_import")).status_code == 403


def test_unit_head_sees_own_units_readings_only(login, personas, tree):
    reading(tree.home, "HS-TN", 120)
    reading(tree.other, "HS-TN", 999)
    response = login(personas.unit_head).get(reverse("evaluations:kpi_list"))
    assert response.status_code == 200
    assert [row.record.unit for row in response.context["table"].rows] == [tree.home]
    assert login(personas.outsider).get(reverse("evaluations:kpi_unit", args=[tree.home.pk])).status_code == 404


def test_unit_head_cannot_edit_a_reading(login, personas, tree):
    pk = reading(tree.home, "HS-TN", 120).pk
    assert login(personas.unit_head).get(reverse("evaluations:kpi_edit", args=[pk])).status_code == 403
    assert login(personas.outsider).get(reverse("evaluations:kpi_edit", args=[pk])).status_code == 404


def test_administrator_enters_a_period_and_sees_the_derived_rate(login, personas, tree):
    client = login(personas.administrator)
    data = {
        "unit": tree.home.pk,
        "period_start": "01/01/2025",
        "period_end": "31/12/2025",
        "source": "Hệ thống thông tin giải quyết TTHC tỉnh",
        "value_HS-GQ": "1000",
        "value_HS-TH": "700",
        "value_HS-DH": "262",
        "value_HS-QH": "38",
    }
    response = client.post(reverse("evaluations:kpi_entry"), data, follow=True)
    assert response.status_code == 200
    assert KpiReading.objects.get(unit=tree.home, indicator__code="TL-DH").value == Decimal("96.20")
    assert "96,2" in response.getvalue().decode()  # Vietnamese decimal comma on the unit's grid


def test_one_refused_value_saves_nothing_and_names_the_field(login, personas, tree):
    data = {"unit": tree.home.pk, "period_start": "01/01/2025", "period_end": "31/12/2025"}
    data |= {"value_HS-GQ": "10", "value_HS-TN": "2.5"}
    response = login(personas.administrator).post(reverse("evaluations:kpi_entry"), data)
    assert response.status_code == 200
    assert "Chỉ số đếm phải là số nguyên." in response.getvalue().decode()
    assert not KpiReading.objects.exists()


def test_correcting_a_count_on_its_page_moves_the_rate(login, personas, tree):
    for code, value in [("HS-GQ", 100), ("HS-TH", 40), ("HS-DH", 40)]:
        reading(tree.home, code, value)
    pk = KpiReading.objects.get(unit=tree.home, indicator__code="HS-DH").pk
    response = login(personas.administrator).post(reverse("evaluations:kpi_edit", args=[pk]), {"value": "60"})
    assert response.status_code == 302
    assert KpiReading.objects.get(unit=tree.home, indicator__code="TL-DH").value == Decimal("100.00")


def test_export_csv_holds_the_filtered_rows(login, personas, tree):
    reading(tree.home, "HS-TN", 120)
    reading(tree.other, "HS-TN", 80)
    url = reverse("evaluations:kpi_list") + f"?unit={tree.other.pk}&_export=csv"
    body = login(personas.administrator).get(url).getvalue().decode("utf-8-sig")
    assert "Sở Tài chính" in body and "Sở Nội vụ" not in body


CSV_OK = (
    "unit_code,indicator_code,period_start,period_end,value,source\n"
    "SNV,HS-GQ,01/01/2024,31/12/2024,200,Cổng DVC\n"
    "SNV,HS-TH,01/01/2024,31/12/2024,150,Cổng DVC\n"
    "SNV,HS-DH,01/01/2024,31/12/2024,40,Cổng DVC\n"
)


def upload(client, text):
    file = SimpleUploadedFile("kpi.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("evaluations:kpi_import"), {"file": file})


def test_import_previews_then_writes_and_a_second_import_changes_nothing(login, personas, tree):
    client = login(personas.administrator)
    response = upload(client, CSV_OK)
    assert response.context["preview"].counts == {"create": 3, "update": 0, "unchanged": 0}
    assert not KpiReading.objects.exists()
    confirm = reverse("evaluations:kpi_import_confirm", args=[response.context["token"]])
    assert client.post(confirm).status_code == 302
    assert KpiReading.objects.get(unit=tree.home, indicator__code="TL-DH").value == Decimal("95.00")
    assert KpiReading.objects.get(unit=tree.home, indicator__code="HS-GQ").entry_method == EntryMethod.IMPORT
    again = upload(client, CSV_OK)
    assert again.context["preview"].counts == {"create": 0, "update": 0, "unchanged": 3}


def test_import_lists_every_invalid_row_and_writes_none(login, personas, tree):
    bad = CSV_OK + (
        "STC-XX,HS-GQ,01/01/2024,31/12/2024,5,\n"
        "SNV,TL-DH,01/01/2024,31/12/2024,97,\n"
        "SNV,HS-TN,01/01/2024,31/12/2024,abc,\n"
        "SNV,HS-GQ,01/07/2024,31/12/2024,5,\n"
    )
    response = upload(login(personas.administrator), bad)
    invalid = {row.number: " ".join(row.errors) for row in response.context["preview"].invalid_rows}
    assert set(invalid) == {5, 6, 7, 8}
    assert "STC-XX" in invalid[5]
    assert "tính tự động" in invalid[6]
    assert "không phải số" in invalid[7]
    assert "chồng lấn với dòng 2" in invalid[8]
    assert "token" not in response.context
    assert not KpiReading.objects.exists()


def test_the_kpi_catalogue_is_editable_in_the_django_admin(client, tree):
    from tests.factories import enrol_totp, make_user

    superuser = make_user(is_staff=True, is_superuser=True)
    enrol_totp(superuser)
    client.force_login(superuser)
    response = client.get(reverse("admin:evaluations_kpiindicator_changelist"))
    assert response.status_code == 200
    assert "HS-DH" in response.getvalue().decode()


def test_only_administrators_get_an_edit_link_and_the_export_has_no_such_column(login, personas, tree):
    pk = reading(tree.home, "HS-TN", 120).pk
    edit = reverse("evaluations:kpi_edit", args=[pk])
    assert edit in login(personas.administrator).get(reverse("evaluations:kpi_list")).getvalue().decode()
    assert edit not in login(personas.unit_head).get(reverse("evaluations:kpi_list")).getvalue().decode()
    body = (
        login(personas.administrator)
        .get(reverse("evaluations:kpi_list") + "?_export=csv")
        .getvalue()
        .decode("utf-8-sig")
    )
    assert "Sửa" not in body
