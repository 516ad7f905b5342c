"""Scheduled reminders of the inspection work."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from evaluations.models import Inspection, InspectionKind, InspectionStatus
from units.notifications import notify_once_a_day


def remind_scheduled_inspections(*, today: datetime.date | None = None) -> int:
    """The team of a scheduled inspection still open is reminded the day before (once, however often this runs)."""
    tomorrow = (today or timezone.localdate()) + datetime.timedelta(days=1)
    inspections = Inspection.objects.filter(
        date=tomorrow, kind=InspectionKind.SCHEDULED, status=InspectionStatus.DRAFT
    ).select_related("unit", "lead")
    sent = 0
    for inspection in inspections.prefetch_related("team"):
        team = {*inspection.team.all(), *([inspection.lead] if inspection.lead else [])}
        title = _("Nhắc lịch kiểm tra ngày %(day)s: %(unit)s") % {
            "day": date_format(inspection.date, "d/m/Y"),
            "unit": inspection.unit.name,
        }
        link = reverse("evaluations:inspection_detail", args=[inspection.pk])
        sent += len(notify_once_a_day(users=team, title=title, link=link))
    return sent
