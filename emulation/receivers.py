"""Receivers of the lower apps' signals: a changed observation recomputes the unit's scores after the commit."""

from django.dispatch import receiver

from emulation.tasks import recompute_unit_on
from evaluations.signals import observations_changed


@receiver(observations_changed, dispatch_uid="emulation.recompute_on_observation")
def recompute_after_commit(sender, changes, **kwargs) -> None:
    """One background recomputation per (unit, day) changed, enqueued once the transaction commits."""
    for unit_id, day in sorted({(unit_id, day.isoformat()) for unit_id, day in changes}):
        recompute_unit_on.delay_on_commit(unit_id, day)


from emulation import receivers_eligibility  # noqa: E402, F401  (eligibility re-checks on the same signal)
