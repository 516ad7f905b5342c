"""Who reads a body's statistics: those who read its decisions (administrators and the council over it)."""

from emulation.decisions.models import DECISION_READER_ROLES
from units.models import Unit


def statistics_bodies(user):
    """The bodies whose statistics the user may read: the units below those where the user reads decisions."""
    if not user.is_authenticated:
        return Unit.objects.none()
    if user.is_superuser:
        return Unit.objects.all()
    roots = Unit.objects.filter(role_assignments__user=user, role_assignments__role__in=DECISION_READER_ROLES)
    return Unit.objects.subtree_of(list(roots.only("path")))
