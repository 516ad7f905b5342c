"""Who may run eligibility, and fetching one result for a user."""

from django.http import Http404

from emulation.eligibility.models import EligibilityResult
from units.permissions import is_top_administrator


def can_run_eligibility(user) -> bool:
    """Administrators of a top-level unit run the eligibility engine for a period (it spans the province)."""
    return is_top_administrator(user)


def get_eligibility_result_for_user(user, pk):
    """A result if the user reads it (`EligibilityResult.objects.for_user`): administrators and the council the units
    they reach, heads and clerks their subtree, a person their own result; else 404."""
    result = (
        EligibilityResult.objects.for_user(user)
        .select_related("period__movement", "title", "person__unit", "unit", "rule_set")
        .filter(pk=pk)
        .first()
    )
    if result is None:
        raise Http404
    return result
