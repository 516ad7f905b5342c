"""Scheduled reminders of the emulation calendar, written in the site's language (a job has no reader's language)."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from emulation.movements.models import BlocMembership, Period, PeriodStatus
from emulation.pledges.models import Pledge, PledgeStatus
from units.models import Role, RoleAssignment
from units.notifications.services import notify_once_a_day


def remind_pledge_deadlines(*, now: datetime.datetime | None = None) -> int:
    """Heads and clerks of bloc units whose pledge is not yet submitted are reminded once a day while the
    registration deadline is less than REGISTRATION_REMINDER_DAYS away."""
    now = now or timezone.now()
    periods = Period.objects.filter(
        status__in=[PeriodStatus.REGISTRATION, PeriodStatus.IN_PROGRESS],
        registration_deadline__gt=now,
        registration_deadline__lte=now + datetime.timedelta(days=settings.REGISTRATION_REMINDER_DAYS),
    ).select_related("movement")
    with translation.override(settings.LANGUAGE_CODE):
        return sum(_remind_period(period) for period in periods)


def _remind_period(period: Period) -> int:
    submitted = Pledge.objects.filter(period=period, status__in=[PledgeStatus.SUBMITTED, PledgeStatus.ACCEPTED])
    missing = BlocMembership.objects.filter(period=period).exclude(unit_id__in=submitted.values("unit_id"))
    assignments = RoleAssignment.objects.filter(
        unit_id__in=missing.values("unit_id"), role__in=[Role.UNIT_HEAD, Role.UNIT_CLERK]
    ).select_related("user", "unit")
    deadline = date_format(timezone.localtime(period.registration_deadline), "d/m/Y H:i")
    sent = 0
    for assignment in assignments:
        title = _("Nhắc hạn đăng ký thi đua: %(period)s") % {"period": period}
        body = _("%(unit)s chưa gửi đăng ký thi đua. Hạn cuối: %(deadline)s.") % {
            "unit": assignment.unit.name,
            "deadline": deadline,
        }
        sent += len(
            notify_once_a_day(users=[assignment.user], title=title, body=body, link=reverse("emulation:pledges"))
        )
    return sent
