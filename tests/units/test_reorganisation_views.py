"""The reorganisation pages: administrators only; the preview shows what will change before anything is written."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_person, make_unit, make_user_with_role
from units.models import Kind, Level, Person, Unit
from units.reorganisation.models import Reorganisation, ReorganisationStatus
from units.reorganisation.services import Act, NewUnit, record_reorganisation

pytestmark = pytest.mark.django_db


def form_data(tree, **overrides):
    data = {
        "kind": "merge",
        "resolution_number": "1660/NQ-UBTVQH15",
        "resolution_date": "16/06/2025",
        "effective_on": "01/07/2025",
        "sources": [tree.home.pk, tree.other.pk],
        "new_units": "SNV-TC | Sở Nội vụ và Tài chính",
        "action": "preview",
    }
    data.update(overrides)
    return data


def recorded(personas, tree, effective_on=datetime.date(2025, 7, 1)):
    act = Act(kind="rename", resolution_number="12/NQ-HĐND", resolution_date=effective_on, effective_on=effective_on,
              sources=[tree.other], new_units=[NewUnit("STC-2", "Sở Tài chính (mới)")])  # fmt: skip
    return record_reorganisation(act=act, by=personas.administrator)


@pytest.mark.parametrize("name", ["units:reorganisations", "units:reorganisation_create"])
def test_reorganisation_pages_are_for_administrators_only(login, personas, name):
    assert login(personas.unit_head).get(reverse(name)).status_code == 403
    assert login(personas.administrator).get(reverse(name)).status_code == 200


def test_an_administrator_previews_then_records_a_merge(login, personas, tree):
    client = login(personas.administrator)
    make_person(unit=tree.other, full_name="H'Hen Niê")

    preview = client.post(reverse("units:reorganisation_create"), form_data(tree))

    assert "H&#x27;Hen Niê chuyển từ Sở Tài chính sang Sở Nội vụ và Tài chính" in preview.content.decode()
    assert not Unit.objects.filter(code="SNV-TC").exists()
    response = client.post(reverse("units:reorganisation_create"), form_data(tree, action="record"))
    record = Reorganisation.objects.get()
    assert response["Location"] == reverse("units:reorganisation_detail", args=[record.pk])
    assert Person.objects.get(full_name="H'Hen Niê").unit.code == "SNV-TC"
    page = client.get(response["Location"]).content.decode()
    assert "Sở Tài chính chấm dứt hoạt động sau ngày 30/06/2025" in page
    assert "1660/NQ-UBTVQH15" in client.get(reverse("units:reorganisations")).content.decode()


def test_an_invalid_act_shows_the_reasons_and_records_nothing(login, personas, tree):
    client = login(personas.administrator)
    response = client.post(
        reverse("units:reorganisation_create"), form_data(tree, new_units="SNV | Trùng", action="record")
    )
    assert "Mã đơn vị SNV đã được dùng." in response.content.decode()
    assert not Reorganisation.objects.exists()


def test_a_malformed_new_unit_line_is_refused(login, personas, tree):
    response = login(personas.administrator).post(
        reverse("units:reorganisation_create"), form_data(tree, new_units="no bar")
    )
    assert "mã | tên" in response.content.decode()


def test_an_act_is_hidden_from_an_administrator_who_does_not_reach_its_units(login, personas, tree):
    record = recorded(personas, tree)
    other_admin_unit = make_unit(level=Level.PROVINCE, kind=Kind.PEOPLES_COMMITTEE)
    other_admin = make_user_with_role("administrator", other_admin_unit)
    client = login(other_admin)
    assert client.get(reverse("units:reorganisation_detail", args=[record.pk])).status_code == 404
    assert "12/NQ-HĐND" not in client.get(reverse("units:reorganisations")).content.decode()
    assert login(personas.unit_head).get(reverse("units:reorganisation_detail", args=[record.pk])).status_code == 403


def test_an_administrator_undoes_an_act_before_it_takes_effect(login, personas, tree):
    record = recorded(personas, tree, effective_on=timezone.localdate() + datetime.timedelta(days=3))
    client = login(personas.administrator)
    assert "Hủy bỏ văn bản" in client.get(reverse("units:reorganisation_detail", args=[record.pk])).content.decode()

    client.post(reverse("units:reorganisation_reverse", args=[record.pk]))

    record.refresh_from_db()
    assert record.status == ReorganisationStatus.REVERSED
    assert not Unit.objects.filter(code="STC-2").exists()


def test_an_act_in_force_is_not_undone_from_its_page(login, personas, tree):
    record = recorded(personas, tree)
    client = login(personas.administrator)
    response = client.post(reverse("units:reorganisation_reverse", args=[record.pk]), follow=True)
    assert "Chỉ hủy bỏ được văn bản sắp xếp chưa có hiệu lực." in response.content.decode()
    assert Unit.objects.filter(code="STC-2").exists()


def test_a_missing_act_is_a_404(login, personas):
    assert login(personas.administrator).get(reverse("units:reorganisation_detail", args=[999])).status_code == 404
