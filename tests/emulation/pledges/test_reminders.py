import datetime

import pytest
import time_machine
from django.utils import timezone

from emulation.models import PeriodStatus, PledgeStatus
from emulation.pledges.tasks import remind_pledge_deadlines
from tests.emulation.factories import make_period, make_pledge
from tests.factories import make_bloc
from units.models import Notification

pytestmark = pytest.mark.django_db
DEADLINE = timezone.make_aware(datetime.datetime(2026, 3, 15, 17, 0))


@pytest.fixture
def period(tree, settings):
    settings.REGISTRATION_REMINDER_DAYS = 7
    period = make_period(status=PeriodStatus.REGISTRATION, registration_deadline=DEADLINE)
    make_bloc(period, [tree.home, tree.other])
    return period


def reminders_of(user):
    return list(Notification.objects.filter(user=user, title__startswith="Nhắc hạn đăng ký"))


def test_units_without_a_submitted_pledge_are_reminded_inside_the_window_only(personas, period, tree):
    make_pledge(unit=tree.other, period=period, status=PledgeStatus.SUBMITTED)
    with time_machine.travel(DEADLINE - datetime.timedelta(days=8)):
        assert remind_pledge_deadlines.delay().get() == 0
    with time_machine.travel(DEADLINE - datetime.timedelta(days=6)):
        remind_pledge_deadlines.delay()
    [note] = reminders_of(personas.unit_head)
    assert note.body == "Sở Nội vụ chưa gửi đăng ký thi đua. Hạn cuối: 15/03/2026 17:00."
    assert reminders_of(personas.clerk) and not reminders_of(personas.outsider)


def test_a_reminder_is_sent_once_a_day_and_not_after_the_deadline(personas, period):
    with time_machine.travel(DEADLINE - datetime.timedelta(days=2)):
        remind_pledge_deadlines.delay()
        remind_pledge_deadlines.delay()
    with time_machine.travel(DEADLINE - datetime.timedelta(days=1)):
        remind_pledge_deadlines.delay()
    with time_machine.travel(DEADLINE + datetime.timedelta(minutes=1)):
        remind_pledge_deadlines.delay()
    assert len(reminders_of(personas.unit_head)) == 2
