"""Eligibility stays current: an observation that changed later (a violation upheld or dismissed, a discipline or
rating recorded) marks the affected results stale and re-runs their period in the background after the commit."""

from django.dispatch import receiver

from emulation.eligibility.engine import mark_stale
from emulation.eligibility.tasks import recheck_eligibility
from evaluations.signals import observations_changed
from units.outbox.services import enqueue


@receiver(observations_changed, dispatch_uid="emulation.recheck_eligibility_on_observation")
def recheck_after_commit(sender, changes, **kwargs) -> None:
    periods = set()
    for unit_id, day in changes:
        periods.update(mark_stale(unit_id=unit_id, day=day))
    for period_id in sorted(periods):
        enqueue(recheck_eligibility, period_id)
