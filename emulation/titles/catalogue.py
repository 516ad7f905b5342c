"""Services over the title catalogue: a province loads its own rule set beside the national one."""

import datetime

from django.db import transaction

from emulation.titles.models import RuleSet, TitleCondition


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
