"""The pledge pages say what is at stake before acting: how far the deadline is (or how long ago it passed), and
submitting asks for confirmation first."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.emulation.factories import make_period, make_pledge

pytestmark = pytest.mark.django_db

TZ = timezone.get_current_timezone()


def page_of(client, pledge, name="emulation:pledge_detail"):
    return client.get(reverse(name, args=[pledge.pk])).content.decode()


@time_machine.travel(datetime.datetime(2026, 3, 31, 9, 0, tzinfo=TZ), tick=False)
def test_a_passed_deadline_is_shown_in_days_and_submitting_asks_first(login, personas, tree):
    deadline = datetime.datetime(2026, 3, 1, 17, 0, tzinfo=TZ)
    pledge = make_pledge(unit=tree.home, period=make_period(registration_deadline=deadline))
    client = login(personas.unit_head)
    page = page_of(client, pledge)
    assert "Hạn đăng ký (17:00 01/03/2026) đã qua 30 ngày" in page
    assert 'data-confirm="Hạn đăng ký đã qua: bản đăng ký sẽ được ghi là gửi sau hạn.' in page
    assert "đã qua 30 ngày" in page_of(login(personas.clerk), pledge, "emulation:pledge_edit")


@time_machine.travel(datetime.datetime(2026, 2, 20, 9, 0, tzinfo=TZ), tick=False)
def test_a_coming_deadline_is_counted_down(login, personas, tree):
    deadline = datetime.datetime(2026, 3, 1, 17, 0, tzinfo=TZ)
    pledge = make_pledge(unit=tree.home, period=make_period(registration_deadline=deadline))
    page = page_of(login(personas.unit_head), pledge)
    assert "Còn 9 ngày đến hạn đăng ký (17:00 01/03/2026)." in page
    assert 'data-confirm="Gửi bản đăng ký cho cấp trên?' in page
