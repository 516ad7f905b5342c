"""Recording what the title rules need per person and year. Each change tells the apps above, through
`observations_changed`, on the record's unit and day, so eligibility results that depended on it are re-checked
(a discipline back-dated into a period re-opens that period's results)."""

import datetime

from django.db import transaction

from evaluations.records.models import (
    AdministrativeSanction,
    AnnualRating,
    DisciplineRecord,
    Initiative,
    InvestigationHold,
)
from evaluations.signals import observations_changed

RECORD_MODELS = {
    "ratings": AnnualRating,
    "disciplines": DisciplineRecord,
    "initiatives": Initiative,
    "sanctions": AdministrativeSanction,
    "holds": InvestigationHold,
}


def rating_day(year: int) -> datetime.date:
    return datetime.date(year, 1, 1)


def observed_on(record) -> datetime.date:
    """The day a record speaks about: its decision, recognition or start. A rating speaks about its year: 1 January of
    that year lies inside both a calendar-year period and a school year ending in that year."""
    if isinstance(record, AnnualRating):
        return rating_day(record.year)
    for name in ("decided_on", "recognised_on", "starts_on"):
        if hasattr(record, name):
            return getattr(record, name)
    raise TypeError(record)


def subject_unit_id(record) -> int:
    return record.person.unit_id if getattr(record, "person_id", None) else record.unit_id


@transaction.atomic
def save_record(*, record, by):
    """Save a new or changed record and announce the days it touches (the old day too when it moved)."""
    changes = set()
    if record.pk:
        old = type(record).objects.select_related("person").filter(pk=record.pk).first()
        if old is not None:
            changes.add((subject_unit_id(old), observed_on(old)))
    record.recorded_by = by
    record.save()
    changes.add((subject_unit_id(record), observed_on(record)))
    observations_changed.send(type(record), changes=sorted(changes))
    return record


@transaction.atomic
def delete_record(*, record, by) -> None:
    """Remove a record entered by mistake; what depended on it is re-checked."""
    change = (subject_unit_id(record), observed_on(record))
    record.delete()
    observations_changed.send(type(record), changes=[change])
