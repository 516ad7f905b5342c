"""Planning, ticking, submitting once, and the read-only rule of a submitted inspection."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluations.models import Inspection, InspectionStatus, ItemResult, StatusChange, Violation
from tests.evaluations import images
from tests.factories import make_unit, make_user_with_role, make_violation
from units.models import Level, Notification, Role

pytestmark = pytest.mark.django_db


def plan(client, unit, lead, **extra):
    data = {"unit": unit.pk, "date": "2025-03-12", "kind": "unannounced", "lead": lead.pk, "notes": ""}
    data.update(extra)
    return client.post(reverse("evaluations:inspection_create"), data)


def test_administrator_plans_an_inspection_and_the_team_is_told(login, personas, tree):
    response = plan(login(personas.administrator), tree.home, personas.inspector)
    inspection = Inspection.objects.get()
    assert response.status_code == 302
    assert list(inspection.team.all()) == [personas.inspector]
    assert inspection.date == datetime.date(2025, 3, 12)
    assert Notification.objects.filter(user=personas.inspector, title__contains="phân công").exists()
    assert StatusChange.objects.for_object(inspection).get().to_status == InspectionStatus.DRAFT


@pytest.mark.parametrize(
    ("target", "reason"),
    [("other", "công tác tại chính đơn vị"), ("province", "đơn vị trực thuộc Tỉnh Đắk Nông"), ("child", "cấp trên")],
)
def test_an_inspector_is_never_sent_to_their_own_unit_its_parent_or_children(login, personas, tree, target, reason):
    unit = make_unit(parent=tree.other, level=Level.SUB_UNIT) if target == "child" else getattr(tree, target)
    response = plan(login(personas.administrator), unit, personas.inspector)
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not Inspection.objects.exists()


def test_a_team_member_whose_inspector_role_does_not_reach_the_unit_is_refused(login, personas, tree):
    local = make_user_with_role(Role.INSPECTOR, tree.other, person_unit=make_unit())
    response = plan(login(personas.administrator), tree.home, personas.inspector, team=[local.pk])
    assert "không có vai trò kiểm tra viên" in response.content.decode()
    assert not Inspection.objects.exists()


def test_the_lead_may_change_the_plan_of_a_draft(login, personas, inspection, tree):
    client = login(personas.inspector)
    data = {"unit": tree.home.pk, "date": "2025-04-01", "kind": "scheduled", "lead": personas.inspector.pk}
    assert client.post(reverse("evaluations:inspection_edit", args=[inspection.pk]), data).status_code == 302
    inspection.refresh_from_db()
    assert inspection.date == datetime.date(2025, 4, 1)


def tick(client, inspection, item, outcome, note=""):
    url = reverse("evaluations:item_save", args=[inspection.pk, item.pk])
    return client.post(url, {f"item_{item.pk}": outcome, f"note_{item.pk}": note}, HTTP_HX_REQUEST="true")


def test_each_tick_is_saved_on_the_server_at_once(login, personas, inspection, catalogue):
    client = login(personas.inspector)
    response = tick(client, inspection, catalogue.id01, "fail", "2 người không đeo thẻ")
    assert "Đã lưu" in response.content.decode()
    result = ItemResult.objects.get(inspection=inspection, item=catalogue.id01)
    assert (result.outcome, result.note) == ("fail", "2 người không đeo thẻ")
    page = client.get(reverse("evaluations:inspection_conduct", args=[inspection.pk])).content.decode()
    assert f'id="i{catalogue.id01.pk}-fail" value="fail" autocomplete="off" checked' in page


def test_a_note_without_an_outcome_asks_for_the_outcome(login, personas, inspection, catalogue):
    response = tick(login(personas.inspector), inspection, catalogue.id01, "", "ghi chú")
    assert "Chọn Đạt" in response.content.decode()
    assert not ItemResult.objects.exists()


def test_the_conduct_page_groups_the_checklist_and_offers_the_camera(login, personas, inspection, catalogue):
    page = login(personas.inspector).get(reverse("evaluations:inspection_conduct", args=[inspection.pk]))
    html = page.content.decode()
    assert "Thẻ công chức" in html and "Rượu, bia" in html
    assert 'capture="environment"' in html and "multiple" in html and 'accept="image/' in html


def submit(client, inspection, catalogue, token, outcomes=("pass", "fail")):
    data = {"token": str(token), "action": "submit"}
    for item, outcome in zip((catalogue.id01, catalogue.al01), outcomes, strict=False):
        data[f"item_{item.pk}"] = outcome
    return client.post(reverse("evaluations:inspection_conduct", args=[inspection.pk]), data)


def test_submitting_with_items_unticked_is_refused(login, personas, inspection, catalogue):
    client = login(personas.inspector)
    response = submit(client, inspection, catalogue, uuid.uuid4(), outcomes=("pass",))
    inspection.refresh_from_db()
    assert inspection.status == InspectionStatus.DRAFT
    assert "AL-01" in client.get(response["Location"]).content.decode()


def test_submission_notifies_the_unit_and_opens_the_appeal_window(login, personas, inspection, catalogue):
    violation = make_violation(inspection=inspection, type=catalogue.badge_type)
    response = submit(login(personas.inspector), inspection, catalogue, uuid.uuid4())
    inspection.refresh_from_db()
    violation.refresh_from_db()
    assert response["Location"] == reverse("evaluations:inspection_detail", args=[inspection.pk])
    assert inspection.status == InspectionStatus.SUBMITTED
    assert violation.appeal_deadline == timezone.localdate() + datetime.timedelta(days=7)
    told = set(Notification.objects.filter(title__startswith="Kết quả kiểm tra").values_list("user", flat=True))
    assert told == {personas.unit_head.pk, personas.clerk.pk}


def test_submitting_the_same_form_twice_submits_once(login, personas, inspection, catalogue):
    client, token = login(personas.inspector), uuid.uuid4()
    submit(client, inspection, catalogue, token)
    again = submit(client, inspection, catalogue, token)
    assert again.status_code == 302
    assert again["Location"] == reverse("evaluations:inspection_detail", args=[inspection.pk])
    assert StatusChange.objects.filter(to_status=InspectionStatus.SUBMITTED).count() == 1
    assert Notification.objects.filter(user=personas.unit_head).count() == 1


def test_a_submitted_inspection_cannot_be_changed_through_any_view(login, personas, inspection, catalogue, offender):
    violation = make_violation(inspection=inspection, type=catalogue.badge_type)
    client = login(personas.inspector)
    submit(client, inspection, catalogue, uuid.uuid4())
    before = list(ItemResult.objects.values_list("item", "outcome", "note"))
    writes = [
        (
            reverse("evaluations:item_save", args=[inspection.pk, catalogue.id01.pk]),
            {f"item_{catalogue.id01.pk}": "na", f"note_{catalogue.id01.pk}": "sửa"},
        ),
        (
            reverse("evaluations:inspection_conduct", args=[inspection.pk]),
            {"token": str(uuid.uuid4()), "action": "save", f"item_{catalogue.id01.pk}": "na"},
        ),
        (
            reverse("evaluations:inspection_conduct", args=[inspection.pk]),
            {"token": str(uuid.uuid4()), "action": "submit", f"item_{catalogue.id01.pk}": "na"},
        ),
        (
            reverse("evaluations:inspection_edit", args=[inspection.pk]),
            {"unit": inspection.unit_id, "date": "2025-01-01", "kind": "scheduled", "lead": personas.inspector.pk},
        ),
        (
            reverse("evaluations:violation_create", args=[inspection.pk]),
            {
                "type": catalogue.badge_type.pk,
                "occurred_at": "2025-01-01T08:00",
                "description": "mới",
                "token": str(uuid.uuid4()),
            },
        ),
        (
            reverse("evaluations:violation_add_photos", args=[violation.pk]),
            {"photos": images.upload(images.jpeg_bytes())},
        ),
    ]
    for user in (personas.inspector, personas.administrator):
        client = login(user)
        for url, data in writes:
            assert client.post(url, data).status_code == 403, (user, url)
    assert list(ItemResult.objects.values_list("item", "outcome", "note")) == before
    assert Violation.objects.count() == 1 and not violation.evidence.exists()
    assert Inspection.objects.get().date == inspection.date


def test_another_inspector_not_on_the_team_cannot_tick(login, personas, inspection, catalogue, tree):
    stranger = make_user_with_role(Role.INSPECTOR, tree.province, person_unit=tree.other)
    assert tick(login(stranger), inspection, catalogue.id01, "pass").status_code == 404
    assert not ItemResult.objects.exists()


def test_history_is_shown_on_the_inspection_page(login, personas, inspection, catalogue):
    submit(login(personas.inspector), inspection, catalogue, uuid.uuid4())
    page = login(personas.unit_head).get(reverse("evaluations:inspection_detail", args=[inspection.pk]))
    assert "Đang thực hiện → <strong>Đã nộp</strong>" in page.content.decode()
