"""Corrective actions: required by the inspector, done by the unit with evidence, confirmed or reopened."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from evaluations.appeals import corrective
from evaluations.models import ActionStatus, StatusChange
from tests.factories import make_person, make_violation
from units.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def violation(tree, personas):
    return make_violation(unit=tree.home, recorded_by=personas.inspector, appeal_deadline=timezone.localdate())


def due():
    return timezone.localdate() + timedelta(days=14)


def require(violation, personas, **kwargs):
    kwargs.setdefault("owner_user", personas.unit_head)
    return corrective.require_action(
        violation=violation, by=personas.inspector, description="Treo lại biển tên phòng", due_date=due(), **kwargs
    )


def test_anonymous_is_sent_to_login(client, violation, personas):
    action = require(violation, personas)
    assert client.get(reverse("evaluations:corrective_detail", args=[action.pk]))["Location"].startswith(
        reverse("account_login")
    )


def test_only_the_recording_inspector_or_an_administrator_requires_an_action(login, violation, personas, tree):
    url = reverse("evaluations:corrective_create", args=[violation.pk])
    assert login(personas.outsider).get(url).status_code == 404
    for persona in (personas.unit_head, personas.secretary):
        assert login(persona).get(url).status_code == 403
    owner = make_person(unit=tree.sub, code="CB-0042")
    data = {"description": "Sắp xếp lại hồ sơ", "owner_code": "CB-0042", "due_date": due().strftime("%d/%m/%Y")}
    response = login(personas.inspector).post(url, data)
    assert response.status_code == 302
    assert violation.corrective_actions.get().owner_person == owner


def test_without_a_named_person_the_unit_head_owns_the_action_and_is_told(login, violation, personas):
    url = reverse("evaluations:corrective_create", args=[violation.pk])
    data = {"description": "Niêm yết lại TTHC", "owner_code": "", "due_date": due().strftime("%d/%m/%Y")}
    login(personas.administrator).post(url, data)
    action = violation.corrective_actions.get()
    assert action.owner_user == personas.unit_head
    assert Notification.objects.filter(user=personas.unit_head, title__startswith="Yêu cầu khắc phục").exists()


def test_a_due_date_in_the_past_is_refused(violation, personas):
    with pytest.raises(ValidationError, match="quá khứ"):
        corrective.require_action(
            violation=violation,
            by=personas.inspector,
            description="x",
            due_date=timezone.localdate() - timedelta(days=1),
            owner_user=personas.unit_head,
        )


def test_unit_head_marks_done_inspector_reopens_then_confirms(login, violation, personas):
    action = require(violation, personas)
    detail = reverse("evaluations:corrective_detail", args=[action.pk])
    done = reverse("evaluations:corrective_done", args=[action.pk])
    assert login(personas.outsider).post(done, {"note": "x"}).status_code == 404
    assert login(personas.inspector).post(done, {"note": "x"}).status_code == 403
    login(personas.unit_head).post(done, {"note": "Đã treo biển mới"})
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    assert (
        login(personas.unit_head).post(reverse("evaluations:corrective_confirm", args=[action.pk])).status_code == 403
    )
    login(personas.inspector).post(
        reverse("evaluations:corrective_reopen", args=[action.pk]), {"reason": "Biển sai tên"}
    )
    action.refresh_from_db()
    assert action.status == ActionStatus.REOPENED
    login(personas.clerk).post(done, {"note": "Đã sửa tên trên biển"})
    login(personas.inspector).post(reverse("evaluations:corrective_confirm", args=[action.pk]))
    action.refresh_from_db()
    assert action.status == ActionStatus.CONFIRMED
    history = [(c.from_status, c.to_status, c.reason) for c in StatusChange.objects.for_object(action)]
    assert history[2] == ("done", "reopened", "Biển sai tên")
    assert history[-1][:2] == ("done", "confirmed")
    page = login(personas.unit_head).get(detail).content.decode()
    assert "Biển sai tên" in page and "Đã xác nhận" in page


def test_confirming_an_open_action_is_refused(violation, personas):
    action = require(violation, personas)
    with pytest.raises(ValidationError, match="Không thể chuyển"):
        corrective.confirm_action(action=action, by=personas.inspector)


def test_marking_done_needs_a_note(violation, personas):
    action = require(violation, personas)
    with pytest.raises(ValidationError, match="mô tả"):
        corrective.mark_action_done(action=action, by=personas.unit_head, note=" ")


def test_the_owning_person_sees_and_completes_their_action(login, violation, personas, tree):
    from units.models import Person

    person = Person.objects.get(user=personas.staff)
    action = require(violation, personas, owner_user=None, owner_person=person)
    client = login(personas.staff)
    assert client.get(reverse("evaluations:corrective_detail", args=[action.pk])).status_code == 200
    client.post(reverse("evaluations:corrective_done", args=[action.pk]), {"note": "Đã làm"})
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    assert Notification.objects.filter(user=personas.inspector, title__contains="cần xác nhận").exists()


def test_corrective_list_shows_what_the_user_may_see(login, violation, personas):
    require(violation, personas)
    url = reverse("evaluations:corrective_list")
    assert client_count(login(personas.unit_head), url) == 1
    assert client_count(login(personas.outsider), url) == 0


def client_count(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return len(response.context["actions"])


def test_home_tells_reviewers_of_waiting_appeals_and_heads_of_open_actions(login, violation, personas):
    from evaluations.appeals import services as appeals

    require(violation, personas)
    appeals.contest_violation(violation=violation, by=personas.unit_head, reason="Xin xem lại")
    secretary_items = {i["label"]: i["count"] for i in login(personas.secretary).get("/").context["items"]}
    assert secretary_items["Khiếu nại chờ quyết định"] == 1
    from tests.factories import enrol_totp, grant

    grant(personas.inspector, "council_secretary", violation.unit)  # a reviewer, but one who recorded it
    enrol_totp(personas.inspector)
    inspector_items = {i["label"]: i["count"] for i in login(personas.inspector).get("/").context["items"]}
    assert inspector_items["Khiếu nại chờ quyết định"] == 0
    head_items = {i["label"]: i["count"] for i in login(personas.unit_head).get("/").context["items"]}
    assert head_items["Biện pháp khắc phục chưa hoàn thành"] == 1


def test_on_a_sensitive_violation_the_clerk_does_not_learn_the_owner_is_the_person(login, tree, personas):
    from tests.factories import make_violation_type

    person = make_person(unit=tree.home, full_name="Đinh Văn Rượu", code="CB-0099")
    drunk = make_violation(
        unit=tree.home, person=person, recorded_by=personas.inspector, type=make_violation_type(sensitive=True)
    )
    action = require(drunk, personas, owner_user=None, owner_person=person)
    for url in (reverse("evaluations:corrective_detail", args=[action.pk]), reverse("evaluations:corrective_list")):
        assert "Đinh Văn Rượu" not in login(personas.clerk).get(url).content.decode()
        assert "Đinh Văn Rượu" in login(personas.unit_head).get(url).content.decode()
