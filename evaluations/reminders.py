"""Scheduled reminders of the inspection work, written in the site's language (a job has no reader's language)."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from evaluations.models import Inspection, InspectionKind, InspectionStatus
from units.notifications import notify_once_a_day


def remind_scheduled_inspections(*, today: datetime.date | None = None) -> int:
    """The team of a scheduled inspection still open is reminded the day before (once, however often this runs)."""
    tomorrow = (today or timezone.localdate()) + datetime.timedelta(days=1)
    inspections = Inspection.objects.filter(date=tomorrow, kind=InspectionKind.SCHEDULED, status=InspectionStatus.DRAFT)
    with translation.override(settings.LANGUAGE_CODE):
        return sum(_remind_team(inspection) for inspection in inspections.select_related("unit", "lead"))


def _remind_team(inspection: Inspection) -> int:
    team = {*inspection.team.all(), *([inspection.lead] if inspection.lead else [])}
    title = _("Nhắc lịch kiểm tra ngày %(day)s: %(unit)s") % {
        "day": date_format(inspection.date, "d/m/Y"),
        "unit": inspection.unit.name,
    }
    link = reverse("evaluations:inspection_detail", args=[inspection.pk])
    return len(notify_once_a_day(users=team, title=title, link=link))
