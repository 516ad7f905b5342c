"""Permission primitives every emulation concept shares; each concept's own helpers live in its permissions.py."""

from django.core.exceptions import PermissionDenied

from units.permissions import is_top_administrator


def can_configure(user) -> bool:
    """Movements, periods, schemes, blocs and the catalogues of titles and certificate designs are province-wide:
    configured by administrators of a top-level unit, never by a department's administrator."""
    return is_top_administrator(user)


def require_configure(user) -> None:
    if not can_configure(user):
        raise PermissionDenied
