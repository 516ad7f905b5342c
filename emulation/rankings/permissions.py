"""Who sees bloc rankings and the province dashboard.

Rankings: administrators, council members and the council secretary see every bloc with a member unit in the
part of the tree they hold that role on; a unit head sees, read-only, the full ranking of every bloc a unit they
head (or a unit below it) belongs to — the members of a bloc compete openly, as at the bloc's review meeting. A
score's breakdown stays behind the score's own permission. Clerks, inspectors, staff and outsiders see none.
The dashboard (aggregates over the units reached) is for administrators and the council only.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q

from emulation.movements.models import Bloc, BlocMembership
from units.models import Role
from units.permissions import has_role, role_paths

COUNCIL_ROLES = (Role.ADMINISTRATOR, Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY)

RANKING_ROLES = (*COUNCIL_ROLES, Role.UNIT_HEAD)


def reach(user, field: str, roles=COUNCIL_ROLES) -> Q:
    """Rows whose `field` unit lies below a unit where the user holds one of `roles` (everything for superusers)."""
    if user.is_authenticated and user.is_superuser:
        return Q()
    condition = Q(pk__in=[])
    for role, path in role_paths(user):
        if role in roles:
            condition |= Q(**{f"{field}__path__startswith": path})
    return condition


def blocs_for_user(user):
    """Blocs the user may see the ranking of: one member unit within the user's reach is enough."""
    if not user.is_authenticated:
        return Bloc.objects.none()
    members = BlocMembership.objects.filter(reach(user, "unit", RANKING_ROLES), bloc=OuterRef("pk"))
    return Bloc.objects.filter(Exists(members))


def require_rankings(user) -> None:
    """The council and administrators always reach the page; a unit head only when their unit is in a bloc."""
    if has_role(user, *COUNCIL_ROLES):
        return
    if not (has_role(user, Role.UNIT_HEAD) and blocs_for_user(user).exists()):
        raise PermissionDenied


def require_dashboard(user) -> None:
    """The province dashboard is for administrators and the council."""
    if not has_role(user, *COUNCIL_ROLES):
        raise PermissionDenied
