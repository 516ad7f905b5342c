"""The scoring engine's services: compute a period's scores set-wise, recompute one unit with its bloc, freeze and
unfreeze a period's scores.

Rules:
- A computation reads everything in a fixed number of queries (`scoring_facts`), scores every unit in memory
  (`scoring_units`), ranks each bloc (`ranking`) and writes all scores in one upsert: the query count does not grow
  with the number of units (on SQLite the upsert is split every ~50 units by its 999-parameter limit).
- Frozen scores are never overwritten: a period whose scores are frozen is skipped until it is re-opened.
- Computing twice gives the same scores (safe for retried or duplicated background tasks).
"""

import datetime

from django.db import transaction
from django.utils import timezone

from emulation.movements.models import BlocMembership, Period, PeriodStatus
from emulation.scoring.facts import load_facts, load_scheme, scored_unit_ids
from emulation.scoring.models import Score
from emulation.scoring.ranking import rank_results
from emulation.scoring.unit_scores import UnitScore, score_unit
from units.audit.log import record_event
from units.audit.models import EventKind
from units.models import Unit

WRITTEN_FIELDS = [
    "criteria_points",
    "deduction_points",
    "bonus_points",
    "total",
    "band",
    "band_capped",
    "bars_bloc_lead",
    "bloc",
    "rank",
    "tie_broken_by",
    "insufficient_evidence",
    "inspection_count",
    "upheld_violation_count",
    "computed_at",
    "breakdown",
]


@transaction.atomic
def compute_period(*, period: Period) -> int:
    """Score every unit of the period (bloc members and units that pledged); drop scores of units no longer in it."""
    if not _lock_unfrozen(period):
        return 0
    units = scored_unit_ids(period)
    Score.objects.filter(period=period).exclude(unit_id__in=units).delete()
    return _compute(period, units, set(units))


@transaction.atomic
def recompute_unit(*, period: Period, unit_id: int) -> int:
    """Score again the scored unit at or above `unit_id` with every member of its bloc, so the ranking follows."""
    if not _lock_unfrozen(period):
        return 0
    units = scored_unit_ids(period)
    unit = Unit.objects.filter(pk=unit_id).first()
    owner = next((pk for pk in reversed(unit.ancestor_ids()) if pk in units), None) if unit else None
    if owner is None:
        return 0
    bloc_id = units[owner]
    if bloc_id is not None:
        members = BlocMembership.objects.filter(bloc_id=bloc_id).values_list("unit_id", flat=True)
        return _compute(period, dict.fromkeys(members, bloc_id), set(units))
    return _compute(period, {owner: None}, set(units))


def periods_containing(day: datetime.date):
    """Periods not finalized whose dates contain the day: an observation on that day may change their scores."""
    return Period.objects.open().filter(starts_on__lte=day, ends_on__gte=day)


@transaction.atomic
def freeze_scores(*, period: Period) -> int:
    """The review step: compute the scores one last time, then freeze them as the period's snapshot."""
    compute_period(period=period)
    frozen = Score.objects.filter(period=period, frozen=False).update(frozen=True, frozen_at=timezone.now())
    if frozen:
        record_event(kind=EventKind.PERIOD_FROZEN, obj=period, data={"status": period.status, "scores": frozen})
    return frozen


@transaction.atomic
def unfreeze_scores(*, period: Period) -> int:
    """A recorded re-opening lets the engine recompute the period again, starting at once."""
    count = Score.objects.filter(period=period, frozen=True).update(frozen=False, frozen_at=None)
    compute_period(period=period)
    return count


def freezes_at(status: str) -> bool:
    """Scores are frozen when the period enters review, and again at finalizing if a re-opening unfroze them."""
    return status in {PeriodStatus.REVIEW, PeriodStatus.FINALIZED}


def _lock_unfrozen(period: Period) -> bool:
    """Lock the period row (so a freeze and a recompute never interleave) and tell whether it may be computed."""
    Period.objects.select_for_update().filter(pk=period.pk).values_list("pk", flat=True).first()
    return not Score.objects.filter(period=period, frozen=True).exists()


def _compute(period: Period, units: dict[int, int | None], scored: set[int]) -> int:
    scheme = load_scheme(period)
    if scheme is None or not units:
        return 0
    facts = load_facts(period, scheme, units, scored)
    results = [score_unit(facts, unit_id) for unit_id in facts.unit_ids]
    rank_results(results, list(scheme.tie_break_keys or []))
    _write(period, results)
    return len(results)


def _write(period: Period, results: list[UnitScore]) -> None:
    now = timezone.now()
    scores = [
        Score(
            unit_id=result.unit_id,
            period=period,
            criteria_points=result.criteria_points,
            deduction_points=result.deduction_points,
            bonus_points=result.bonus_points,
            total=result.total,
            band=result.band,
            band_capped=result.band_capped,
            bars_bloc_lead=result.bars_bloc_lead,
            bloc_id=result.bloc_id,
            rank=result.rank,
            tie_broken_by=result.tie_broken_by,
            insufficient_evidence=result.insufficient_evidence,
            inspection_count=result.inspection_count,
            upheld_violation_count=result.upheld_violation_count,
            computed_at=now,
            breakdown=[line.as_json() for line in result.lines],
        )
        for result in results
    ]
    Score.objects.bulk_create(
        scores, update_conflicts=True, unique_fields=["unit", "period"], update_fields=WRITTEN_FIELDS
    )
