"""Appeals: contesting a violation inside its window, deciding the appeal, and closing windows nobody used.

The appeal window ends at the close of the violation's `appeal_deadline` day (local time): the unit was notified,
then had the administrator's number of days. Only upheld violations count towards scores.
"""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluations.appeals.attachments import store_attachments
from evaluations.appeals.models import Appeal, AppealStatus
from evaluations.appeals.permissions import REVIEWING_ROLES, can_contest, can_review, took_part_in
from evaluations.history import StatusChange, record_status_change
from evaluations.inspections.models import Violation, ViolationStatus
from evaluations.inspections.services import unit_contacts
from evaluations.inspections.violations import change_violation_status
from evaluations.signals import observations_changed
from units.audit.log import record_event
from units.audit.models import EventKind
from units.models import RoleAssignment, User
from units.notifications.services import notify
from units.uploads import CleanPhoto

CLOSE_BATCH = 500


def appeal_window_open(violation: Violation, now: datetime | None = None) -> bool:
    """Open from the unit's notification until the end of the deadline day; closed while no deadline is set."""
    if violation.appeal_deadline is None:
        return False
    return timezone.localdate(now or timezone.now()) <= violation.appeal_deadline


def contest_problems(violation: Violation, now: datetime | None = None) -> list[str]:
    """Why this violation cannot be contested now (empty when it can)."""
    if violation.status == ViolationStatus.CONTESTED or violation.appeals.filter(status=AppealStatus.PENDING).exists():
        return [_("Vi phạm này đang có một khiếu nại chờ xem xét.")]
    if violation.status != ViolationStatus.RECORDED:
        return [_("Vi phạm đã được kết luận (%(status)s).") % {"status": violation.get_status_display()}]
    if violation.appeal_deadline is None:
        return [_("Đơn vị chưa được thông báo vi phạm này nên chưa thể khiếu nại.")]
    if not appeal_window_open(violation, now):
        deadline = violation.appeal_deadline.strftime("%d/%m/%Y")
        return [_("Đã hết hạn khiếu nại (hạn cuối ngày %(date)s).") % {"date": deadline}]
    return []


def reviewers_of(violation: Violation) -> list[User]:
    """Administrators and council secretaries over the unit, except anyone who took part in the violation."""
    holders = RoleAssignment.objects.filter(
        role__in=REVIEWING_ROLES, unit_id__in=violation.unit.ancestor_ids()
    ).select_related("user")
    users = {a.user.pk: a.user for a in holders if a.user.is_active}
    return [user for user in users.values() if not took_part_in(user, violation)]


@transaction.atomic
def contest_violation(*, violation: Violation, by, reason: str, files: list[CleanPhoto] = ()) -> Appeal:
    """File the one open appeal of a violation, inside its window; the violation becomes contested."""
    violation = (
        Violation.objects.select_for_update(of=("self",)).select_related("unit", "type", "person").get(pk=violation.pk)
    )
    if not can_contest(by, violation):
        raise ValidationError(_("Chỉ thủ trưởng, cán bộ phụ trách của đơn vị hoặc người vi phạm được khiếu nại."))
    if problems := contest_problems(violation):
        raise ValidationError(problems)
    if not reason.strip():
        raise ValidationError(_("Hãy nêu lý do khiếu nại."))
    appeal = Appeal.objects.create(violation=violation, reason=reason.strip(), filed_by=by)
    record_status_change(obj=appeal, by=by, to_status=AppealStatus.PENDING, reason=appeal.reason)
    store_attachments(files=list(files), by=by, appeal=appeal)
    change_violation_status(violation=violation, to_status=ViolationStatus.CONTESTED, by=by, reason=appeal.reason)
    notify(
        users=reviewers_of(violation),
        title=_("Khiếu nại vi phạm cần xem xét: %(unit)s") % {"unit": violation.unit},
        body=_("%(who)s khiếu nại vi phạm “%(type)s”.") % {"who": by.get_full_name(), "type": violation.type.name},
        link=reverse("evaluations:appeal_detail", args=[appeal.pk]),
    )
    return appeal


@transaction.atomic
def decide_appeal(*, appeal: Appeal, by, outcome: str, reason: str) -> Appeal:
    """A reviewer who took no part in the violation upholds or dismisses it, with a reason; the unit is told."""
    appeal = (
        Appeal.objects.select_for_update(of=("self",))
        .select_related("violation__unit", "violation__type")
        .get(pk=appeal.pk)
    )
    if not appeal.is_pending:
        raise ValidationError(_("Khiếu nại này đã được quyết định."))
    if outcome not in {AppealStatus.UPHELD, AppealStatus.DISMISSED}:
        raise ValidationError(_("Kết quả không hợp lệ."))
    if not can_review(by, appeal.violation):
        raise ValidationError(_("Người đã ghi nhận vi phạm hoặc ở trong đoàn kiểm tra không được xét khiếu nại."))
    if not reason.strip():
        raise ValidationError(_("Hãy nêu lý do quyết định."))
    appeal.status, appeal.decided_by, appeal.decided_at = outcome, by, timezone.now()
    appeal.decision_reason = reason.strip()
    appeal.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    record_status_change(obj=appeal, by=by, from_status=AppealStatus.PENDING, to_status=outcome, reason=reason)
    summary = _("Khiếu nại vi phạm của %(unit)s: %(outcome)s") % {
        "unit": appeal.violation.unit.name,
        "outcome": appeal.get_status_display(),
    }
    record_event(kind=EventKind.APPEAL_DECIDED, obj=appeal, by=by, summary=summary, data={"reason": reason})
    violation = change_violation_status(violation=appeal.violation, to_status=outcome, by=by, reason=reason)
    _notify_decision(appeal, violation)
    return appeal


def _notify_decision(appeal: Appeal, violation: Violation) -> None:
    users = {u.pk: u for u in [*unit_contacts(violation.unit), appeal.filed_by]}
    notify(
        users=list(users.values()),
        title=_("Kết quả khiếu nại: %(outcome)s") % {"outcome": appeal.get_status_display()},
        body=_("Vi phạm “%(type)s” của %(unit)s: %(reason)s")
        % {"type": violation.type.name, "unit": violation.unit, "reason": appeal.decision_reason},
        link=reverse("evaluations:appeal_detail", args=[appeal.pk]),
    )


def close_appeal_windows(*, now: datetime) -> int:
    """Uncontested violations whose deadline day has ended become upheld; safe to run twice or concurrently."""
    today = timezone.localdate(now)
    due = Violation.objects.filter(status=ViolationStatus.RECORDED, appeal_deadline__lt=today)
    closed = 0
    while ids := list(due.values_list("pk", flat=True)[:CLOSE_BATCH]):
        closed += _uphold_batch(ids, now)
    return closed


@transaction.atomic
def _uphold_batch(ids: list[int], now: datetime) -> int:
    locked = list(
        Violation.objects.select_for_update()
        .filter(pk__in=ids, status=ViolationStatus.RECORDED)
        .values_list("pk", flat=True)
    )
    Violation.objects.filter(pk__in=locked).update(status=ViolationStatus.UPHELD)
    observations_changed.send(
        Violation, changes=Violation.objects.filter(pk__in=locked).values_list("unit_id", "occurred_at__date")
    )
    reason = _("Hết hạn khiếu nại mà không có khiếu nại.")
    # One insert for the batch: the same rows record_status_change would write, one by one.
    StatusChange.objects.bulk_create(
        StatusChange(
            content_type=ContentType.objects.get_for_model(Violation),
            object_id=pk,
            at=now,
            from_status=ViolationStatus.RECORDED,
            to_status=ViolationStatus.UPHELD,
            reason=reason,
        )
        for pk in locked
    )
    if locked:
        summary = _("%(n)s vi phạm được giữ nguyên khi hết hạn khiếu nại") % {"n": len(locked)}
        record_event(kind=EventKind.VIOLATION_UPHELD, summary=summary, data={"violations": sorted(locked)})
    return len(locked)
