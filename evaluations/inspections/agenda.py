"""The top of the inspection list: today's inspections, then the coming ones still to be carried out."""

from datetime import timedelta

from django.utils import timezone

from evaluations.inspections.models import Inspection, InspectionStatus

UPCOMING_DAYS = 30
SECTION_LIMIT = 10


def agenda(inspections, *, user) -> dict:
    """Today's inspections (any status) and the drafts of the next UPCOMING_DAYS days, SECTION_LIMIT of each; and
    which of today's drafts the user is on the team of (they may open the checklist)."""
    today = timezone.localdate()
    rows = inspections.select_related("unit").order_by("date", "unit__name")
    todays = list(rows.filter(date=today)[:SECTION_LIMIT])
    drafts = [i.pk for i in todays if i.status == InspectionStatus.DRAFT]
    return {
        "today": todays,
        "my_team": set(
            Inspection.team.through.objects.filter(user=user, inspection_id__in=drafts).values_list(
                "inspection_id", flat=True
            )
        ),
        "upcoming": list(
            rows.filter(date__gt=today, date__lte=today + timedelta(days=UPCOMING_DAYS), status=InspectionStatus.DRAFT)[
                :SECTION_LIMIT
            ]
        ),
    }
