"""Self-assessment: the unit claims points on self-assessed criteria with evidence; a verifier confirms or adjusts."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation.assessments.permissions import can_verify_unit
from emulation.assessments.signals import assessment_verified
from emulation.pledges.models import Pledge, SelfAssessment
from emulation.pledges.permissions import can_prepare_pledge
from emulation.schemes.models import Criterion, CriterionSource
from units.models import User
from units.uploads import CleanPhoto, delete_file_after_commit


def self_assessed_criteria(pledge: Pledge):
    """The criteria of the pledge's period scheme that the unit scores itself."""
    return Criterion.objects.filter(
        group__scheme__period=pledge.period, source=CriterionSource.SELF_ASSESSMENT
    ).select_related("group")


def _check_points(criterion: Criterion, points: Decimal) -> None:
    if points < 0 or points > criterion.max_points:
        raise ValidationError(_("Điểm phải từ 0 đến %(max)s.") % {"max": criterion.max_points})
    if criterion.step and points % criterion.step:
        raise ValidationError(_("Điểm chấm theo bước %(step)s.") % {"step": criterion.step})


@transaction.atomic
def claim_points(
    *, pledge: Pledge, criterion: Criterion, points: Decimal, note: str, evidence: CleanPhoto | None, by: User
):
    """The unit claims points on one self-assessed criterion with checked evidence (units.uploads); changing a
    claim clears its verification, and replaced evidence leaves storage after the commit."""
    if not can_prepare_pledge(by, pledge.unit):
        raise PermissionDenied
    if not pledge.period.accepts_self_assessment:
        raise ValidationError(_("Kỳ thi đua không ở giai đoạn tự chấm điểm."))
    if not self_assessed_criteria(pledge).filter(pk=criterion.pk).exists():
        raise ValidationError(_("Tiêu chí này không do đơn vị tự chấm."))
    _check_points(criterion, points)
    line = SelfAssessment.objects.select_for_update().filter(pledge=pledge, criterion=criterion).first()
    line = line or SelfAssessment(pledge=pledge, criterion=criterion)
    if evidence:
        replaced = line.evidence.name
        line.evidence.save(f"file.{evidence.extension}", ContentFile(evidence.data), save=False)
        delete_file_after_commit(replaced, line.evidence.storage)
    if criterion.evidence_required and not line.evidence:
        raise ValidationError(_("Tiêu chí này cần minh chứng."))
    line.claimed_points, line.note, line.claimed_by = points, note, by
    line.verified_points, line.verifier, line.verified_at, line.verification_reason = None, None, None, ""
    line.save()
    return line


@transaction.atomic
def verify_line(*, line: SelfAssessment, points: Decimal, reason: str, by: User) -> SelfAssessment:
    """A verifier confirms the claimed points or sets others; changing the points needs a reason."""
    pledge = line.pledge
    if not can_verify_unit(by, pledge.unit, pledge.period):
        raise PermissionDenied
    if not pledge.period.accepts_self_assessment:
        raise ValidationError(_("Điểm của kỳ thi đua đã được chốt; không thể thẩm định thêm."))
    _check_points(line.criterion, points)
    if points != line.claimed_points and not reason.strip():
        raise ValidationError(_("Cần ghi lý do khi điều chỉnh điểm."))
    line.verified_points, line.verification_reason = points, reason.strip()
    line.verifier, line.verified_at = by, timezone.now()
    line.save()
    assessment_verified.send(sender=SelfAssessment, unit_id=pledge.unit_id, period_id=pledge.period_id)
    return line
