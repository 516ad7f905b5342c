"""Home-page attention items for appeals and corrective actions (registered in ATTENTION_PROVIDERS)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from evaluations.appeals.models import Appeal, CorrectiveAction
from evaluations.appeals.permissions import CONTESTING_ROLES, REVIEWING_ROLES
from evaluations.inspections.models import inspection_ids_of, unit_scope
from units.permissions import has_role


def appeals_attention(user) -> list[dict]:
    """Reviewer: appeals waiting for a decision (not those of violations they took part in).
    Unit head, clerk or owner: corrective actions still to carry out."""
    items = []
    if has_role(user, *REVIEWING_ROLES):
        took_part = Q(violation__recorded_by=user) | Q(violation__inspection_id__in=inspection_ids_of(user))
        waiting = Appeal.objects.pending().filter(unit_scope(user, "violation__unit", set(REVIEWING_ROLES)))
        items.append(
            {
                "label": _("Khiếu nại chờ quyết định"),
                "count": waiting.exclude(took_part).count(),
                "url": reverse("evaluations:appeals") + "?status=pending",
            }
        )
    mine = Q(owner_user=user) | Q(owner_person__user=user) | unit_scope(user, "violation__unit", set(CONTESTING_ROLES))
    actions = CorrectiveAction.objects.unfinished().filter(mine)
    if has_role(user, *CONTESTING_ROLES) or actions.exists():
        items.append(
            {
                "label": _("Biện pháp khắc phục chưa hoàn thành"),
                "count": actions.count(),
                "url": reverse("evaluations:corrective_list"),
            }
        )
    return items
