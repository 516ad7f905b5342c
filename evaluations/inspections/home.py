"""Home-page attention items of inspections: real counts for the user's roles (registered in ATTENTION_PROVIDERS)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluations.inspections.models import Inspection, Violation
from units.models import Role
from units.permissions import has_role


def inspections_attention(user) -> list[dict]:
    """Inspector: inspections to carry out today or overdue. Unit head or clerk: violations against the unit
    still inside the appeal window."""
    items = []
    today = timezone.localdate()
    if has_role(user, Role.INSPECTOR):
        due = Inspection.objects.drafts().filter(team=user, date__lte=today).count()
        items.append(
            {
                "label": _("Cuộc kiểm tra cần thực hiện"),
                "count": due,
                "url": reverse("evaluations:inspections") + "?status=draft",
            }
        )
    if has_role(user, Role.UNIT_HEAD, Role.UNIT_CLERK):
        open_window = Violation.objects.for_user(user).awaiting_appeal_window(today).count()
        items.append(
            {
                "label": _("Vi phạm còn trong hạn khiếu nại"),
                "count": open_window,
                "url": reverse("evaluations:violations") + "?status=recorded",
            }
        )
    return items
