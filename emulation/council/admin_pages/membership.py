"""Council seats change in the audit log, as role grants do: a seat gives a vote on awards.

A seat in use (attendance, a written opinion or a vote refers to it) is never deleted: its term is ended instead, so
the sessions it sat in keep their quorum and their count.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from emulation.council.models.council import Council, CouncilMember
from units.audit.log import record_event
from units.audit.models import EventKind


def _seat_data(member: CouncilMember) -> dict:
    return {
        "council": member.council_id,
        "user": member.user_id,
        "person": member.person_id,
        "role": member.role,
        "starts_on": member.starts_on,
        "ends_on": member.ends_on,
    }


def _summary(member: CouncilMember, council: Council) -> str:
    return _("%(member)s — %(council)s") % {"member": member, "council": council}


@transaction.atomic
def save_seat(*, member: CouncilMember, by) -> CouncilMember:
    """Add or change a seat; the seat as it now stands (and as it was, for a change) goes into the audit log."""
    before = None
    if member.pk:
        before = _seat_data(CouncilMember.objects.get(pk=member.pk))
    member.save()
    data = {**_seat_data(member), **({"before": before} if before else {})}
    record_event(kind=EventKind.ROLE_GRANTED, obj=member, by=by, summary=_summary(member, member.council), data=data)
    return member


@transaction.atomic
def remove_seat(*, member: CouncilMember, by) -> None:
    """Remove a seat never used; the removal goes into the audit log."""
    data, summary, pk = _seat_data(member), _summary(member, member.council), member.pk
    try:
        with transaction.atomic():
            member.delete()
    except ProtectedError as error:
        raise ValidationError(
            _(
                "Thành viên này đã dự họp, có ý kiến hoặc đã bỏ phiếu nên không xóa được: hãy ghi ngày kết thúc "
                "nhiệm kỳ (“đến ngày”) thay vì xóa."
            )
        ) from error
    record_event(kind=EventKind.ROLE_REMOVED, target=("emulation.councilmember", pk), by=by, summary=summary, data=data)
