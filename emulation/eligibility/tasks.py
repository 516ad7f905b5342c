"""Eligibility re-runs in the background, after the commit that made results stale."""

from celery import shared_task

from emulation.eligibility.engine import rerun_period
from emulation.movements.models import Period


@shared_task
def recheck_eligibility(period_id: int) -> int:
    """Run the period's eligibility again (safe to run twice: each run replaces the results)."""
    period = Period.objects.filter(pk=period_id).first()
    return rerun_period(period=period) if period else 0
