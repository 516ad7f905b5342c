"""Scores stay current: a changed observation or a verified self-assessment line recomputes the unit after the
commit; a scheme changed in the app recomputes its period; a period entering review freezes its scores, a re-opening
unfreezes them."""

from django.dispatch import receiver

from emulation.assessments.signals import assessment_verified
from emulation.movements.models import Period
from emulation.movements.signals import period_moved
from emulation.pledges.models import SelfAssessment
from emulation.schemes.models import ScoringScheme
from emulation.schemes.signals import scheme_changed
from emulation.scoring import (
    engine,
    scheme_cache,  # noqa: F401  (its receivers keep the loaded schemes current)
)
from emulation.scoring.tasks import recompute_period, recompute_unit_in_period, recompute_unit_on
from evaluations.signals import observations_changed
from units.outbox.services import enqueue


@receiver(observations_changed, dispatch_uid="emulation.recompute_on_observation")
def recompute_after_commit(sender, changes, **kwargs) -> None:
    """One background recomputation per (unit, day) changed, enqueued once the transaction commits."""
    for unit_id, day in sorted({(unit_id, day.isoformat()) for unit_id, day in changes}):
        enqueue(recompute_unit_on, unit_id, day)


@receiver(assessment_verified, sender=SelfAssessment, dispatch_uid="emulation.recompute_on_assessment")
def recompute_after_verification(sender, unit_id, period_id, **kwargs) -> None:
    enqueue(recompute_unit_in_period, unit_id, period_id)


@receiver(period_moved, sender=Period, dispatch_uid="emulation.freeze_on_period_move")
def freeze_or_unfreeze(sender, period, status, reopened, **kwargs) -> None:
    """Entering review (or finalizing after a re-opening) freezes the scores; a re-opening unfreezes them."""
    if reopened:
        engine.unfreeze_scores(period=period)
    elif engine.freezes_at(status):
        engine.freeze_scores(period=period)


@receiver(scheme_changed, sender=ScoringScheme, dispatch_uid="emulation.recompute_on_scheme_change")
def recompute_after_scheme_change(sender, period, **kwargs) -> None:
    enqueue(recompute_period, period.pk)
