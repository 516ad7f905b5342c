"""Permission primitives every emulation concept shares; each concept's own helpers live in its permissions.py."""

from django.core.exceptions import PermissionDenied

from units.permissions import is_administrator


def can_configure(user) -> bool:
    """Movements, periods, schemes and blocs are configured by administrators."""
    return is_administrator(user)


def require_configure(user) -> None:
    if not can_configure(user):
        raise PermissionDenied
