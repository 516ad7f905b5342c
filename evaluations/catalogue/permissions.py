"""Who may edit the checklist and violation types."""

from units.permissions import is_top_administrator


def can_manage_catalogue(user) -> bool:
    """The checklist, violation types and appeal policy are province-wide: administrators of a top unit only."""
    return is_top_administrator(user)
