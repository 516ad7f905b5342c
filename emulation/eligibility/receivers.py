"""Eligibility stays current: an observation that changed later (a violation upheld or dismissed, a discipline or
rating recorded) marks the affected results stale and re-runs their period in the background after the commit.
The quotas move with them: a registration added or removed, a pledge's status or a person joining, leaving or moving
changes who counts in a quota's base, so the periods already checked are re-run the same way."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from emulation.eligibility.engine import mark_stale
from emulation.eligibility.models import EligibilityResult
from emulation.eligibility.tasks import recheck_eligibility
from emulation.movements.models import Period
from emulation.pledges.models import Pledge, Registration
from evaluations.signals import observations_changed
from units.models import Person
from units.outbox.services import enqueue


@receiver(observations_changed, dispatch_uid="emulation.recheck_eligibility_on_observation")
def recheck_after_commit(sender, changes, **kwargs) -> None:
    periods = set()
    for unit_id, day in changes:
        periods.update(mark_stale(unit_id=unit_id, day=day))
    for period_id in sorted(periods):
        enqueue(recheck_eligibility, period_id)


def _recheck_period(period_id: int) -> None:
    """Re-run a period whose results (and quotas) exist; a period never checked waits for its first run, and one
    already marked stale has its re-run on the way."""
    if EligibilityResult.objects.filter(period_id=period_id, stale=False).update(stale=True):
        enqueue(recheck_eligibility, period_id)


@receiver(post_save, sender=Registration, dispatch_uid="emulation.recheck_eligibility_on_registration_saved")
@receiver(post_delete, sender=Registration, dispatch_uid="emulation.recheck_eligibility_on_registration_deleted")
def recheck_after_registration(sender, instance, **kwargs) -> None:
    period_id = Pledge.objects.filter(pk=instance.pledge_id).values_list("period_id", flat=True).first()
    if period_id:
        _recheck_period(period_id)


@receiver(post_save, sender=Pledge, dispatch_uid="emulation.recheck_eligibility_on_pledge_saved")
def recheck_after_pledge(sender, instance, created, **kwargs) -> None:
    if not created:
        _recheck_period(instance.period_id)


@receiver(post_save, sender=Person, dispatch_uid="emulation.recheck_eligibility_on_person_saved")
def recheck_after_person(sender, instance, **kwargs) -> None:
    """A person joining, leaving or moving changes the headcount of the quotas of the periods running today."""
    today = timezone.localdate()
    for period_id in Period.objects.filter(starts_on__lte=today, ends_on__gte=today).values_list("pk", flat=True):
        _recheck_period(period_id)
