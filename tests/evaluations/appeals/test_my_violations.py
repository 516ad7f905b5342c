"""Staff see the violations recorded against themselves and the state of any appeal."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluations.appeals import services as appeals
from evaluations.models import AppealStatus
from tests.factories import make_person, make_violation
from units.models import Person

pytestmark = pytest.mark.django_db

URL = reverse("evaluations:my_violations")


def test_anonymous_is_sent_to_login(client):
    assert client.get(URL)["Location"].startswith(reverse("account_login"))


def test_staff_see_their_own_violations_with_the_appeal_outcome_and_nobody_elses(login, personas, tree):
    me = Person.objects.get(user=personas.staff)
    mine = make_violation(
        unit=tree.home, person=me, recorded_by=personas.inspector, appeal_deadline=timezone.localdate() + timedelta(1)
    )
    make_violation(unit=tree.home, person=make_person(unit=tree.home), description="Của người khác")
    appeal = appeals.contest_violation(violation=mine, by=personas.staff, reason="Tôi nghỉ phép hôm đó")
    appeals.decide_appeal(appeal=appeal, by=personas.secretary, outcome=AppealStatus.DISMISSED, reason="Có đơn nghỉ")
    response = login(personas.staff).get(URL)
    assert response.status_code == 200
    assert list(response.context["violations"]) == [mine]
    page = response.content.decode()
    assert "Hủy bỏ vi phạm" in page and "Có đơn nghỉ" in page


def test_a_user_with_no_violations_sees_an_empty_page(login, personas):
    response = login(personas.outsider).get(URL)
    assert response.status_code == 200
    assert "Không có vi phạm nào" in response.content.decode()
