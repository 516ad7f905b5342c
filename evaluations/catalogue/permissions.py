"""Who may edit the checklist and violation types."""

from units.models import Role
from units.permissions import role_paths


def can_manage_catalogue(user) -> bool:
    """The checklist, violation types and appeal policy are province-wide: administrators of a top unit only."""
    if user.is_superuser:
        return True
    return any(role == Role.ADMINISTRATOR and path.count("/") == 2 for role, path in role_paths(user))
