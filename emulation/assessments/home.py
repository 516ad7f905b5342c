"""What self-assessment needs from a user on the home page: lines waiting for the user's verification."""

from django.urls import reverse
from django.utils.translation import gettext as _

from emulation.assessments.permissions import can_verify_anything
from emulation.movements.models import PeriodStatus
from emulation.pledges.models import SelfAssessment

SCORING = [PeriodStatus.IN_PROGRESS, PeriodStatus.REVIEW]


def assessments_attention(user) -> list[dict]:
    if not can_verify_anything(user):
        return []
    pending = SelfAssessment.objects.verifiable_by(user).pending().filter(pledge__period__status__in=SCORING)
    url = reverse("emulation:verification_queue")
    return [{"label": _("Dòng tự chấm chờ thẩm định"), "count": pending.count(), "url": url}]
