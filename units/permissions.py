"""Who may see and change what in `units`: one helper per object type, returning the object or raising 404/403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from units.models import Notification, Person, Role, RoleAssignment, Unit, with_predecessors


def role_paths(user) -> list[tuple[str, str]]:
    """(role, unit path) pairs the user READS under, cached on the user object for the request. A role on a unit
    also reaches the units merged or split into it (its predecessors down the successor chain): their records are the
    unit's history, to be read, never changed (see `acting_role_paths`)."""
    if not user.is_authenticated:
        return []
    if not hasattr(user, "_role_paths"):
        _load_role_paths(user)
    return user._role_paths


def acting_role_paths(user) -> list[tuple[str, str]]:
    """(role, unit path) pairs the user ACTS under: the units the roles are held on, without their predecessors."""
    if not user.is_authenticated:
        return []
    if not hasattr(user, "_acting_role_paths"):
        _load_role_paths(user)
    return user._acting_role_paths


def _load_role_paths(user) -> None:
    """Both lists from one query (and one more per generation of predecessors, none when nothing was merged)."""
    rows = list(
        user.role_assignments.values_list(
            "role", "unit__path", "unit__predecessors__path", "unit__split_predecessors__path"
        )
    )
    pairs = []
    for role in dict.fromkeys(role for role, *_ in rows):
        paths = with_predecessors([row[1:] for row in rows if row[0] == role])
        pairs += [(role, path) for path in paths]
    user._role_paths = pairs
    user._acting_role_paths = list(dict.fromkeys((role, path) for role, path, *_ in rows))


def has_role(user, *roles: str, unit: Unit | None = None) -> bool:
    """True when the user holds one of `roles` on `unit` or an ancestor of it (anywhere when unit is None). This is
    the right to act: a predecessor's records (reached through the successor chain) are read-only, see `reads_as`."""
    if user.is_authenticated and user.is_superuser and Role.ADMINISTRATOR in roles:
        return True
    pairs = acting_role_paths(user)
    return any(role in roles and (unit is None or unit.path.startswith(path)) for role, path in pairs)


def reads_as(user, *roles: str, unit: Unit) -> bool:
    """True when one of `roles` lets the user read `unit`'s records, its predecessors' history included."""
    if user.is_authenticated and user.is_superuser:
        return True
    return any(role in roles and unit.path.startswith(path) for role, path in role_paths(user))


def is_administrator(user, unit: Unit | None = None) -> bool:
    return has_role(user, Role.ADMINISTRATOR, unit=unit)


def is_top_administrator(user) -> bool:
    """A superuser or an administrator of a top-level unit (the province): province-wide rules and settings (movements,
    periods, catalogues, the audit log) are theirs; an administrator of a department manages only its subtree."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or any(
        role == Role.ADMINISTRATOR and path.count("/") == 2 for role, path in role_paths(user)
    )


def can_browse_units(user) -> bool:
    """Any role other than plain staff lets a user browse the units and people it reaches."""
    return user.is_superuser or any(role != Role.STAFF for role, _ in role_paths(user))


def require_browse(user) -> None:
    if not can_browse_units(user):
        raise PermissionDenied


def require_administrator(user, unit: Unit | None = None) -> None:
    if not is_administrator(user, unit=unit):
        raise PermissionDenied


def get_unit_for_user(user, pk, *, write: bool = False) -> Unit:
    """The unit if the user reaches it; changing it needs an administrator role over it."""
    unit = Unit.objects.for_user(user).filter(pk=pk).select_related("parent", "successor").first()
    if unit is None:
        raise Http404
    if write and not is_administrator(user, unit=unit):
        raise PermissionDenied
    return unit


def get_person_for_user(user, pk, *, write: bool = False) -> Person:
    """The person if the user reaches their unit (or it is themselves); changing needs an administrator."""
    person = Person.objects.for_user(user).filter(pk=pk).select_related("unit", "user").first()
    if person is None:
        raise Http404
    if write and not is_administrator(user, unit=person.unit):
        raise PermissionDenied
    return person


def get_role_assignment_for_user(user, pk) -> RoleAssignment:
    """A role assignment, only for an administrator of its unit."""
    assignment = RoleAssignment.objects.select_related("unit", "user").filter(pk=pk).first()
    if assignment is None or not Unit.objects.for_user(user).filter(pk=assignment.unit_id).exists():
        raise Http404
    require_administrator(user, unit=assignment.unit)
    return assignment


def get_notification_for_user(user, pk) -> Notification:
    """A notification, only for its recipient."""
    notification = Notification.objects.filter(pk=pk, user=user).first()
    if notification is None:
        raise Http404
    return notification
