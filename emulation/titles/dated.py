"""Rows of the field's data that hold between two dates (rules, coefficients, powers, rule sets): the one definition
of "in force on a day" — started on or before it, and not ended before it (an open end never ends)."""

from django.db import models
from django.db.models import Q


def in_force_q(day, prefix: str = "") -> Q:
    """The condition on `effective_from` / `effective_to` (of the relation `prefix`, e.g. "authority__")."""
    return Q(**{f"{prefix}effective_from__lte": day}) & (
        Q(**{f"{prefix}effective_to__isnull": True}) | Q(**{f"{prefix}effective_to__gte": day})
    )


class DatedQuerySet(models.QuerySet):
    def in_force(self, day):
        """Rows in force on `day`."""
        return self.filter(in_force_q(day))


class ActiveDatedQuerySet(DatedQuerySet):
    def in_force(self, day):
        """Rows in force on `day` that are switched on (`active`)."""
        return super().in_force(day).filter(active=True)
