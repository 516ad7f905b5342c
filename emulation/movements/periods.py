"""Period workflow: setup → registration → in progress → review → council → finalized, re-opening on record."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emulation.movements.models import Period, PeriodReopening, PeriodStatus
from emulation.movements.signals import period_moved
from emulation.permissions import can_configure
from units.audit.log import record_event
from units.audit.models import EventKind
from units.models import User


@transaction.atomic
def advance_period(*, period: Period, by: User) -> Period:
    """Move a period one step forward; a finalized period goes nowhere without a re-opening."""
    if not can_configure(by):
        raise PermissionDenied
    period = Period.objects.select_for_update().get(pk=period.pk)
    next_status = period.next_status()
    if next_status is None:
        raise ValidationError(_("Kỳ thi đua đã kết thúc; muốn sửa phải mở lại."))
    period.status = next_status
    period.save(update_fields=["status"])
    period_moved.send(sender=Period, period=period, status=next_status, reopened=False)
    return period


@transaction.atomic
def reopen_period(*, period: Period, by: User, reason: str, status: str = PeriodStatus.COUNCIL) -> PeriodReopening:
    """Re-open a finalized period, recording who, when, why and to which step."""
    if not can_configure(by):
        raise PermissionDenied
    period = Period.objects.select_for_update().get(pk=period.pk)
    if period.status != PeriodStatus.FINALIZED:
        raise ValidationError(_("Chỉ mở lại kỳ thi đua đã kết thúc."))
    if not reason.strip():
        raise ValidationError(_("Cần ghi lý do mở lại."))
    if status == PeriodStatus.FINALIZED:
        raise ValidationError(_("Trạng thái sau khi mở lại không hợp lệ."))
    period.status = status
    period.save(update_fields=["status"])
    period_moved.send(sender=Period, period=period, status=status, reopened=True)
    reason = reason.strip()
    reopening = PeriodReopening.objects.create(period=period, reopened_by=by, reason=reason, status_after=status)
    record_event(kind=EventKind.PERIOD_REOPENED, obj=period, by=by, data={"reason": reopening.reason, "status": status})
    return reopening
