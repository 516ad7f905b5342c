"""Fetching a unit's score in a period for a user."""

from django.http import Http404

from emulation.scoring.models import Score


def get_score_for_user(user, *, unit_pk, period_pk) -> Score:
    """A unit's score for a period, if the user sees it (`Score.objects.for_user`): administrators and the council
    the units they reach, heads and clerks their subtree, inspectors and staff their own unit only; else 404."""
    score = (
        Score.objects.for_user(user)
        .select_related("unit", "period__movement", "period__scheme", "band", "bloc")
        .filter(unit_id=unit_pk, period_id=period_pk)
        .first()
    )
    if score is None:
        raise Http404
    return score
