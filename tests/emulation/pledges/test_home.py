import pytest
from django.urls import reverse

from emulation.models import PeriodStatus
from emulation.pledges.services import submit_pledge
from tests.emulation.factories import make_period, make_pledge

pytestmark = pytest.mark.django_db


def labels(response):
    return {item["label"]: item["count"] for item in response.context["items"]}


def test_unit_head_is_told_the_pledge_is_not_submitted_with_the_deadline(login, personas, tree):
    period = make_period(name="Năm 2026", status=PeriodStatus.REGISTRATION)
    response = login(personas.unit_head).get(reverse("home"))
    line = next(label for label in labels(response) if "Chưa gửi đăng ký thi đua" in label)
    assert "31/01/2026" in line and labels(response)[line] == 1
    submit_pledge(pledge=make_pledge(unit=tree.home, period=period), by=personas.unit_head)
    response = login(personas.unit_head).get(reverse("home"))
    assert not any("Chưa gửi đăng ký thi đua" in label for label in labels(response))


def test_administrator_sees_pledges_awaiting_acceptance(login, personas, tree):
    submit_pledge(pledge=make_pledge(unit=tree.home), by=personas.unit_head)
    response = login(personas.administrator).get(reverse("home"))
    assert labels(response)["Bản đăng ký thi đua chờ chấp nhận"] == 1
    assert "Bản đăng ký thi đua chờ chấp nhận" in response.content.decode()


def test_navbar_offers_emulation_menu_and_staff_their_registration(login, personas):
    assert reverse("emulation:pledges") in login(personas.clerk).get(reverse("home")).content.decode()
    page = login(personas.staff).get(reverse("home")).content.decode()
    assert reverse("emulation:my_registrations") in page
    assert f'href="{reverse("emulation:pledges")}"' not in page
