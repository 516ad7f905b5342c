"""Services over the title catalogue: a province loads its own rule set beside the national one; the awarding unit
of a title (whose head signs) is read from the authorities' powers."""

import datetime

from django.db import transaction

from emulation.titles.dated import in_force_q
from emulation.titles.models import AuthorityPower, RuleSet, TitleCondition
from units.models import Unit


@transaction.atomic
def copy_rule_set(
    *, source: RuleSet, code: str, name: str, issuer: str, legal_basis: str, effective_from: datetime.date
) -> RuleSet:
    """A new rule set holding a copy of every condition of `source`, to be edited by the province; `source` is kept."""
    rule_set = RuleSet.objects.create(
        code=code, name=name, issuer=issuer, legal_basis=legal_basis, effective_from=effective_from
    )
    copies = list(source.conditions.all())
    for condition in copies:
        condition.pk = None
        condition.rule_set = rule_set
    TitleCondition.objects.bulk_create(copies)
    return rule_set


def awarding_levels(*, title, day) -> set[str]:
    """The unit levels whose authority may confer `title` on `day` (from the authorities' powers, all data)."""
    powers = AuthorityPower.objects.in_force(day).filter(in_force_q(day, "authority__"), title=title)
    return set(powers.values_list("authority__unit_level", flat=True))


def awarding_units(*, units, title, day) -> dict[int, Unit]:
    """Unit id → its awarding unit for `title`: the nearest unit at or above it whose head holds the power to confer
    the title (a Sở for its phòng, a commune for its staff); the unit itself when no level holds it. Set-wise: one
    query for the powers, one for the ancestors."""
    levels = awarding_levels(title=title, day=day)
    ancestor_ids = {pk for unit in units for pk in unit.ancestor_ids()}
    ancestors = Unit.objects.in_bulk(ancestor_ids)
    found = {}
    for unit in units:
        chain = [ancestors.get(pk) for pk in reversed(unit.ancestor_ids())]
        found[unit.pk] = next((a for a in chain if a is not None and a.level in levels), unit)
    return found
