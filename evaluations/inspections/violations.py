"""Recording violations with their photos, opening the appeal window, and moving a violation between statuses."""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluations.catalogue.models import AppealPolicy
from evaluations.history import record_status_change
from evaluations.inspections.models import Evidence, EvidenceStatus, Violation, ViolationStatus
from evaluations.signals import observations_changed
from units.audit.log import record_event
from units.audit.models import EventKind
from units.outbox.services import enqueue
from units.uploads import CleanPhoto

# Which status may follow which; everything else is refused.
TRANSITIONS = {
    ViolationStatus.RECORDED: {ViolationStatus.CONTESTED, ViolationStatus.UPHELD, ViolationStatus.DISMISSED},
    ViolationStatus.CONTESTED: {ViolationStatus.UPHELD, ViolationStatus.DISMISSED},
    ViolationStatus.UPHELD: set(),
    ViolationStatus.DISMISSED: set(),
}


def record_violation(*, by, token: uuid.UUID | None, photos: list[CleanPhoto] = (), **fields) -> tuple[Violation, bool]:
    """Create a violation (status recorded) with its photos, all or nothing. A repeated form token returns the
    violation already created from it, with created=False, instead of a second one."""
    if token and (existing := Violation.objects.filter(client_token=token).first()):
        return existing, False
    try:
        with transaction.atomic():
            violation = Violation.objects.create(recorded_by=by, client_token=token, **fields)
            record_status_change(obj=violation, by=by, to_status=ViolationStatus.RECORDED)
            attach_photos(violation=violation, photos=photos, by=by)
    except IntegrityError:
        existing = Violation.objects.filter(client_token=token).first() if token else None
        if existing is None:
            raise
        return existing, False
    return violation, True


def attach_photos(*, violation: Violation, photos: list[CleanPhoto], by) -> list[Evidence]:
    """Store the photos; if any write fails, the files already written are removed and the error goes on. A photo
    received without its thumbnail (`units.uploads.receive_photo`) is processed by a task once this commits."""
    from evaluations.inspections.tasks import process_evidence_photo

    stored = []
    try:
        for photo in photos:
            evidence = Evidence(
                violation=violation,
                content_type=photo.content_type,
                width=photo.width,
                height=photo.height,
                byte_size=len(photo.data),
                uploaded_by=by,
            )
            evidence.image.save(f"photo.{photo.extension}", ContentFile(photo.data), save=False)
            stored.append(evidence)
            if photo.thumbnail:
                evidence.thumbnail.save("thumb.jpg", ContentFile(photo.thumbnail), save=False)
            else:
                evidence.status = EvidenceStatus.PROCESSING
            evidence.save()
            if evidence.status == EvidenceStatus.PROCESSING:
                enqueue(process_evidence_photo, evidence.pk)
    except Exception:
        for evidence in stored:
            evidence.image.delete(save=False)
            if evidence.thumbnail:
                evidence.thumbnail.delete(save=False)
        raise
    return stored


def open_appeal_window(*, violations, notified_on: datetime.date) -> int:
    """Violations without a deadline get one: the day the unit is notified plus the appeal window in force."""
    days = AppealPolicy.objects.current(on=notified_on).appeal_window_days
    deadline = notified_on + datetime.timedelta(days=days)
    return violations.filter(appeal_deadline__isnull=True).update(appeal_deadline=deadline)


DECISIVE = {
    ViolationStatus.UPHELD: EventKind.VIOLATION_UPHELD,
    ViolationStatus.DISMISSED: EventKind.VIOLATION_DISMISSED,
}


def change_violation_status(*, violation: Violation, to_status: str, by, reason: str = "") -> Violation:
    """Move a violation along recorded → contested → upheld | dismissed, recording who, when and why."""
    if to_status not in TRANSITIONS[ViolationStatus(violation.status)]:
        raise ValidationError(
            _("Không thể chuyển vi phạm từ “%(from)s” sang “%(to)s”.")
            % {"from": violation.get_status_display(), "to": ViolationStatus(to_status).label}
        )
    from_status = violation.status
    with transaction.atomic():
        violation.status = to_status
        violation.save(update_fields=["status"])
        record_status_change(obj=violation, by=by, from_status=from_status, to_status=to_status, reason=reason)
        if to_status in DECISIVE:
            summary = _("%(type)s — %(unit)s: %(status)s") % {
                "type": violation.type.name,
                "unit": violation.unit.name,
                "status": violation.get_status_display(),
            }
            record_event(kind=DECISIVE[to_status], obj=violation, by=by, summary=summary, data={"reason": reason})
        observations_changed.send(Violation, changes=[(violation.unit_id, timezone.localdate(violation.occurred_at))])
    return violation
