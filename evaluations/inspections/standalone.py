"""Violations recorded outside an inspection, from a document: a traffic-police record, a verified complaint…"""

import uuid

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluations.inspections.models import Violation
from evaluations.inspections.services import unit_contacts
from evaluations.inspections.violations import open_appeal_window, record_violation
from units.notifications.services import notify
from units.uploads import CleanPhoto


def record_standalone_violation(
    *, by, token: uuid.UUID | None, photos: list[CleanPhoto] = (), **fields
) -> tuple[Violation, bool]:
    """Record it with its document reference and date; the unit is notified at once, so its appeal window opens
    today. A repeated form token returns the violation already recorded (created=False), without a second notice."""
    with transaction.atomic():
        violation, created = record_violation(by=by, token=token, photos=list(photos), inspection=None, **fields)
        if not created:
            return violation, False
        open_appeal_window(violations=Violation.objects.filter(pk=violation.pk), notified_on=timezone.localdate())
        violation.refresh_from_db()
    deadline = violation.appeal_deadline.strftime("%d/%m/%Y")
    notify(
        users=unit_contacts(violation.unit),
        title=_("Vi phạm mới được ghi nhận: %(type)s") % {"type": violation.type.name},
        body=_("Theo văn bản %(ref)s. Đơn vị có thể khiếu nại đến hết ngày %(date)s.")
        % {"ref": violation.document_reference, "date": deadline},
        link=reverse("evaluations:violation_detail", args=[violation.pk]),
    )
    return violation, True
