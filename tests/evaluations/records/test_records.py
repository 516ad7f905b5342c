"""Per-person yearly records: access for every page, recording, deleting and importing."""

import datetime

import pytest
from django.urls import reverse

from evaluations.models import AnnualRating, DisciplineRecord, Initiative, InvestigationHold
from tests.factories import make_person

pytestmark = pytest.mark.django_db

KINDS = ["ratings", "disciplines", "initiatives", "sanctions", "holds"]


@pytest.fixture
def clerk_person(tree):
    return make_person(unit=tree.home, full_name="Đinh Thị Lan", code="NV-LAN")


@pytest.fixture
def rating(clerk_person):
    return AnnualRating.objects.create(person=clerk_person, year=2025, rating="httnv")


@pytest.mark.parametrize("kind", KINDS)
def test_anonymous_is_sent_to_login_from_every_records_page(client, kind):
    for url in (reverse("evaluations:records", args=[kind]), reverse("evaluations:record_create", args=[kind])):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response.url


@pytest.mark.parametrize("kind", KINDS)
def test_a_unit_head_lists_and_opens_the_form_of_every_kind(personas, login, kind):
    client = login(personas.unit_head)
    assert client.get(reverse("evaluations:records", args=[kind])).status_code == 200
    assert client.get(reverse("evaluations:record_create", args=[kind])).status_code == 200


def test_an_outsider_does_not_see_or_change_another_units_records(personas, login, rating):
    client = login(personas.outsider)
    listing = client.get(reverse("evaluations:records", args=["ratings"]))
    assert "Đinh Thị Lan" not in listing.content.decode()
    assert client.get(reverse("evaluations:record_edit", args=["ratings", rating.pk])).status_code == 404
    delete = reverse("evaluations:record_delete", args=["ratings", rating.pk])
    assert client.post(delete).status_code == 404
    assert AnnualRating.objects.filter(pk=rating.pk).exists()


def test_staff_see_their_own_records_but_cannot_record(personas, login):
    own = AnnualRating.objects.create(person=personas.staff.person, year=2025, rating="htxsnv")
    client = login(personas.staff)
    listing = client.get(reverse("evaluations:records", args=["ratings"]))
    assert "Hoàn thành xuất sắc nhiệm vụ" in listing.content.decode()
    assert client.get(reverse("evaluations:record_create", args=["ratings"])).status_code == 403
    assert client.get(reverse("evaluations:record_edit", args=["ratings", own.pk])).status_code == 403


def test_a_council_member_reads_but_cannot_change(personas, login, rating):
    client = login(personas.council_member)
    assert "Đinh Thị Lan" in client.get(reverse("evaluations:records", args=["ratings"])).content.decode()
    assert client.get(reverse("evaluations:record_edit", args=["ratings", rating.pk])).status_code == 403


def test_a_clerk_records_a_discipline_with_vietnamese_dates(personas, login, clerk_person):
    client = login(personas.clerk)
    response = client.post(
        reverse("evaluations:record_create", args=["disciplines"]),
        {"person": clerk_person.pk, "form": "canh_cao", "decided_on": "12/05/2026", "decision_number": "15/QĐ-SNV"},
    )
    assert response.status_code == 302
    record = DisciplineRecord.objects.get(person=clerk_person)
    assert (record.form, record.decided_on, record.recorded_by) == (
        "canh_cao",
        datetime.date(2026, 5, 12),
        personas.clerk,
    )
    listing = client.get(reverse("evaluations:records", args=["disciplines"])).content.decode()
    assert "Cảnh cáo — 15/QĐ-SNV" in listing and "12/05/2026" in listing


def test_a_unit_head_cannot_record_for_a_person_of_another_unit(personas, login, tree):
    stranger = make_person(unit=tree.other)
    client = login(personas.unit_head)
    response = client.post(
        reverse("evaluations:record_create", args=["initiatives"]),
        {
            "person": stranger.pk,
            "title": "Sáng kiến",
            "kind": "initiative",
            "level": "co_so",
            "recognised_on": "01/06/2026",
        },
    )
    assert response.status_code == 200
    assert not Initiative.objects.exists()


def test_a_hold_names_a_person_or_a_unit_never_both(personas, login, tree, clerk_person):
    client = login(personas.administrator)
    url = reverse("evaluations:record_create", args=["holds"])
    both = {"person": clerk_person.pk, "unit": tree.home.pk, "starts_on": "01/03/2026", "reason": "Thanh tra"}
    assert "không chọn cả hai" in client.post(url, both).content.decode()
    del both["person"]
    assert client.post(url, both).status_code == 302
    assert InvestigationHold.objects.get().unit == tree.home


def test_a_record_entered_by_mistake_is_deleted_by_its_units_head(personas, login, rating):
    client = login(personas.unit_head)
    response = client.post(reverse("evaluations:record_delete", args=["ratings", rating.pk]))
    assert response.status_code == 302
    assert not AnnualRating.objects.exists()


def csv(text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("xep-loai.csv", ("\ufeff" + text).encode("utf-8"), content_type="text/csv")


def test_ratings_import_previews_then_writes_all_rows_and_again_changes_nothing(personas, login, clerk_person):
    client = login(personas.clerk)
    url = reverse("evaluations:record_import", args=["ratings"])
    body = "person_code,year,rating,source\nNV-LAN,2025,Hoàn thành xuất sắc nhiệm vụ,QĐ 9/QĐ-SNV\n"
    preview = client.post(url, {"file": csv(body)})
    assert preview.status_code == 200 and not AnnualRating.objects.exists()
    token = preview.context["token"]
    client.post(reverse("evaluations:record_import_confirm", args=["ratings", token]))
    assert AnnualRating.objects.get(person=clerk_person, year=2025).rating == "htxsnv"
    again = client.post(url, {"file": csv(body)})
    assert again.context["preview"].counts["unchanged"] == 1


def test_an_import_naming_someone_outside_the_users_units_writes_nothing(personas, login, tree, clerk_person):
    make_person(unit=tree.other, code="NV-KHAC")
    client = login(personas.clerk)
    body = (
        "person_code,form,decided_on,ends_on,decision_number,reason\n"
        "NV-LAN,khiển trách,02/03/2026,,,\nNV-KHAC,cảnh cáo,02/03/2026,,,\n"
    )
    preview = client.post(reverse("evaluations:record_import", args=["disciplines"]), {"file": csv(body)})
    assert "Không có cán bộ mã “NV-KHAC”" in preview.content.decode()
    assert "token" not in preview.context
    assert not DisciplineRecord.objects.exists()


def test_anonymous_and_outsiders_cannot_import(client, personas, login):
    url = reverse("evaluations:record_import", args=["ratings"])
    assert "login" in client.get(url).url
    assert login(personas.inspector).get(url).status_code == 403


def test_an_import_token_works_only_for_the_user_who_uploaded(client, personas, login, clerk_person):
    body = "person_code,year,rating,source\nNV-LAN,2025,httnv,\n"
    preview = login(personas.clerk).post(reverse("evaluations:record_import", args=["ratings"]), {"file": csv(body)})
    confirm = reverse("evaluations:record_import_confirm", args=["ratings", preview.context["token"]])
    client.logout()
    assert "login" in client.post(confirm).url
    assert login(personas.unit_head).post(confirm).status_code == 404
    assert not AnnualRating.objects.exists()
