"""Background recomputation of scores: thin tasks over `emulation.scoring`, each safe to run twice."""

import datetime

from celery import shared_task

from emulation.movements.models import Period
from emulation.scoring import engine as scoring


@shared_task
def recompute_unit_on(unit_id: int, day: str) -> int:
    """An observation of the unit on `day` changed: recompute the unit and its bloc in every open period of that day."""
    periods = scoring.periods_containing(datetime.date.fromisoformat(day))
    return sum(scoring.recompute_unit(period=period, unit_id=unit_id) for period in periods)


@shared_task
def recompute_unit_in_period(unit_id: int, period_id: int) -> int:
    """Something of the unit's own in the period changed (e.g. a verified self-assessment line)."""
    period = Period.objects.filter(pk=period_id).first()
    return scoring.recompute_unit(period=period, unit_id=unit_id) if period else 0


@shared_task
def recompute_period(period_id: int) -> int:
    period = Period.objects.filter(pk=period_id).first()
    return scoring.compute_period(period=period) if period else 0


@shared_task
def recompute_open_periods() -> int:
    """Nightly: every period not finalized is computed again (frozen ones are skipped by the engine)."""
    return sum(scoring.compute_period(period=period) for period in Period.objects.open())
