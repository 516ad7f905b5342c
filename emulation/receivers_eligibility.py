"""Eligibility stays current: an observation that changed later (a violation upheld or dismissed, a discipline or
rating recorded) marks the affected results stale and re-runs their period in the background after the commit."""

from celery import shared_task
from django.dispatch import receiver

from emulation.eligibility import mark_stale, rerun_period
from emulation.models import Period
from evaluations.signals import observations_changed


@shared_task
def recheck_eligibility(period_id: int) -> int:
    """Run the period's eligibility again (safe to run twice: each run replaces the results)."""
    period = Period.objects.filter(pk=period_id).first()
    return rerun_period(period=period) if period else 0


@receiver(observations_changed, dispatch_uid="emulation.recheck_eligibility_on_observation")
def recheck_after_commit(sender, changes, **kwargs) -> None:
    periods = set()
    for unit_id, day in changes:
        periods.update(mark_stale(unit_id=unit_id, day=day))
    for period_id in sorted(periods):
        recheck_eligibility.delay_on_commit(period_id)
