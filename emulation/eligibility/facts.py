"""What the eligibility engine reads for a period, loaded set-wise: a fixed number of queries whatever the number
of people, each turned into a dictionary keyed by person or unit.

Members of a collective are the active people of the unit and of the units below it. The year of a period is the
year it ends in. Records count when their day lies inside the period's dates (both included). Titles held in earlier
years come from `TitleHistory` (paper decisions) and from awards in force (`Award`); a revoked award does not count.
When a condition counts predecessors, a collective's history includes the units merged into it (successor chain).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from emulation.movements.models import Period
from emulation.pledges.models import Pledge, PledgeStatus, Registration
from emulation.scoring.models import Score
from emulation.titles.catalogue import awarding_units
from emulation.titles.models import ConditionKind, RuleSet, Title, TitleCondition, TitleHistory
from evaluations.models import (
    AdministrativeSanction,
    AnnualRating,
    DisciplineRecord,
    Initiative,
    InvestigationHold,
    Violation,
)
from units.models import Person, Unit

SENT = (PledgeStatus.SUBMITTED, PledgeStatus.ACCEPTED)


@dataclass
class Facts:
    period: Period
    rule_set: RuleSet
    year: int
    today: object
    conditions: dict = field(default_factory=dict)  # title id → [TitleCondition]
    subjects_people: list = field(default_factory=list)  # (Person, Title)
    subjects_units: list = field(default_factory=list)  # (Unit, Title)
    people: dict = field(default_factory=dict)  # person id → Person
    members: dict = field(default_factory=dict)  # unit id → [person id] (collective subjects: the subtree)
    staff: dict = field(default_factory=dict)  # awarding unit id → [person id] (its subtree: quota bases)
    awarding: dict = field(default_factory=dict)  # (unit id, title id) → awarding Unit, for titles with a quota
    ratings: dict = field(default_factory=dict)  # ("p"|"u", id) → rating
    disciplines: dict = field(default_factory=lambda: defaultdict(list))
    initiatives: dict = field(default_factory=lambda: defaultdict(list))
    sanctions: dict = field(default_factory=lambda: defaultdict(list))
    violations: dict = field(default_factory=lambda: defaultdict(list))  # ("p"|"u", id) → [Violation]
    holds: dict = field(default_factory=lambda: defaultdict(list))  # ("p"|"u", id) → [InvestigationHold]
    registered: dict = field(default_factory=dict)  # ("p"|"u", id) → Pledge
    history: set = field(default_factory=set)  # ("p"|"u", id, title id, year): paper history and awards in force
    revoked: set = field(default_factory=set)  # (("p"|"u", id), title id) whose award for the period's year was revoked
    scores: dict = field(default_factory=dict)  # unit id → Score
    predecessors: dict = field(default_factory=dict)  # unit id → [Unit merged into it, down the successor chain]


def load_facts(*, period: Period, rule_set: RuleSet) -> Facts:
    """Everything the conditions of `rule_set` need for the registered subjects of `period`."""
    facts = Facts(period=period, rule_set=rule_set, year=period.ends_on.year, today=timezone.localdate())
    for condition in (
        TitleCondition.objects.filter(rule_set=rule_set).in_force(period.ends_on).select_related("other_title", "title")
    ):
        facts.conditions.setdefault(condition.title_id, []).append(condition)
    _load_subjects(facts)
    _load_members(facts)
    _load_records(facts)
    _load_observations(facts)
    return facts


def _load_subjects(facts: Facts) -> None:
    registrations = Registration.objects.filter(pledge__period=facts.period).select_related(
        "person__unit", "title", "pledge__unit"
    )
    for registration in registrations:
        person = registration.person
        if not person.unit.path.startswith(registration.pledge.unit.path):
            person.unit = registration.pledge.unit  # moved since (a reorganisation): judged where they registered
        facts.subjects_people.append((person, registration.title))
        if registration.pledge.status in SENT:
            facts.registered[("p", registration.person_id)] = registration.pledge
    pledges = Pledge.objects.filter(period=facts.period).select_related("unit", "target_title")
    for pledge in pledges:
        if pledge.target_title_id:
            facts.subjects_units.append((pledge.unit, pledge.target_title))
        if pledge.status in SENT:
            facts.registered[("u", pledge.unit_id)] = pledge


def _load_awarding(facts: Facts) -> dict[int, Unit]:
    """The awarding unit of each registered person's unit for each title with a quota; returns them by id."""
    quota_titles = {
        c.title_id: c.title for conds in facts.conditions.values() for c in conds if c.kind == ConditionKind.QUOTA
    }
    for title in quota_titles.values():
        units = {person.unit_id: person.unit for person, aimed in facts.subjects_people if aimed.pk == title.pk}
        found = awarding_units(units=list(units.values()), title=title, day=facts.period.ends_on)
        for unit_id, awarding in found.items():
            facts.awarding[(unit_id, title.pk)] = awarding
    return {unit.pk: unit for unit in facts.awarding.values()}


def _load_members(facts: Facts) -> None:
    units = {unit.pk: unit for unit, _ in facts.subjects_units}
    awarding = _load_awarding(facts)
    condition = Q(pk__in=[p.pk for p, _ in facts.subjects_people])
    for unit in [*units.values(), *awarding.values()]:
        condition |= Q(unit__path__startswith=unit.path, active=True)
    for person in Person.objects.filter(condition).select_related("unit"):
        facts.people[person.pk] = person
        for unit in awarding.values():
            if person.active and person.unit.path.startswith(unit.path):
                facts.staff.setdefault(unit.pk, []).append(person.pk)
        for unit in units.values():
            if person.active and person.unit.path.startswith(unit.path):
                facts.members.setdefault(unit.pk, []).append(person.pk)


def _load_predecessors(facts: Facts) -> list[int]:
    """Each collective subject's predecessors (only when a condition counts them); their ids."""
    if not any(cond.count_predecessors for conds in facts.conditions.values() for cond in conds):
        return []
    for unit, _ in facts.subjects_units:
        facts.predecessors[unit.pk] = list(Unit.objects.filter(pk__in=unit.predecessor_ids()))
    return [pred.pk for preds in facts.predecessors.values() for pred in preds]


def _load_records(facts: Facts) -> None:
    start, end, ids = facts.period.starts_on, facts.period.ends_on, list(facts.people)
    unit_ids = [unit.pk for unit, _ in facts.subjects_units]
    history_unit_ids = unit_ids + _load_predecessors(facts)
    for rating in AnnualRating.objects.filter(year=facts.year).filter(Q(person_id__in=ids) | Q(unit_id__in=unit_ids)):
        facts.ratings[("p", rating.person_id) if rating.person_id else ("u", rating.unit_id)] = rating.rating
    # A discipline counts when decided in the period or when its effect reaches into it.
    for record in DisciplineRecord.objects.filter(person_id__in=ids, decided_on__lte=end).filter(
        Q(decided_on__gte=start) | Q(ends_on__gte=start)
    ):
        facts.disciplines[record.person_id].append(record)
    for initiative in Initiative.objects.filter(person_id__in=ids, recognised_on__range=(start, end)):
        facts.initiatives[initiative.person_id].append(initiative)
    for sanction in AdministrativeSanction.objects.filter(person_id__in=ids, decided_on__range=(start, end)):
        facts.sanctions[sanction.person_id].append(sanction)
    holds = InvestigationHold.objects.filter(starts_on__lte=facts.today).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=facts.today)
    )
    for hold in holds.filter(Q(person_id__in=ids) | Q(unit_id__in=unit_ids)):
        facts.holds[("p", hold.person_id) if hold.person_id else ("u", hold.unit_id)].append(hold)
    for item in TitleHistory.objects.filter(revoked_on__isnull=True).filter(
        Q(person_id__in=ids) | Q(unit_id__in=history_unit_ids)
    ):
        kind, pk = ("p", item.person_id) if item.person_id else ("u", item.unit_id)
        facts.history.add((kind, pk, item.title_id, item.year))
    # Awards sit above eligibility (a decision checks eligibility): they are read through the title's relation.
    awards = Title._meta.get_field("awards").related_model.objects
    facts.history |= awards.held_titles(people_ids=ids, unit_ids=history_unit_ids)
    facts.revoked = awards.revoked_titles(year=facts.year, people_ids=ids, unit_ids=unit_ids)


def _load_observations(facts: Facts) -> None:
    """Upheld violations of a barring type in the period, and the units' scores (bloc ranks)."""
    unit_ids = [unit.pk for unit, _ in facts.subjects_units]
    upheld = Violation.objects.upheld().between(facts.period.starts_on, facts.period.ends_on).select_related("type")
    for violation in upheld.filter(person_id__in=list(facts.people), type__bars_person_titles=True):
        facts.violations[("p", violation.person_id)].append(violation)
    for violation in upheld.filter(unit_id__in=unit_ids, type__bars_unit_titles=True):
        facts.violations[("u", violation.unit_id)].append(violation)
    for score in Score.objects.filter(period=facts.period, unit_id__in=unit_ids).select_related("bloc"):
        facts.scores[score.unit_id] = score
