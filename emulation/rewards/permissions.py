"""Who may see the money: a decision's money follows the decision (`get_decision_for_user`); a fund is read by those
who read the body's decisions (administrators and the council over it) — one helper per object type."""

from django.db.models import Q
from django.http import Http404

from emulation.decisions.models import DECISION_READER_ROLES
from emulation.rewards.models import RewardFund
from units.permissions import has_role, role_paths


def funds_for_user(user):
    """Funds of the bodies below the units where the user reads decisions."""
    if not user.is_authenticated:
        return RewardFund.objects.none()
    if user.is_superuser:
        return RewardFund.objects.all()
    condition = Q(pk__in=[])
    for role, path in role_paths(user):
        if role in DECISION_READER_ROLES:
            condition |= Q(unit__path__startswith=path)
    return RewardFund.objects.filter(condition)


def can_see_funds(user) -> bool:
    return has_role(user, *DECISION_READER_ROLES)


def get_fund_for_user(user, pk) -> RewardFund:
    """A fund the user reads, or 404."""
    fund = funds_for_user(user).select_related("unit").filter(pk=pk).first()
    if fund is None:
        raise Http404
    return fund
