"""The period's scheme, loaded once per process and used again while it has not changed: one unit's recomputation
then reads no part of the scheme, only its revision (in a query it makes anyway).

Rules:
- A scheme's `revision` takes a new random value whenever the scheme or one of its parts (groups, criteria, bands,
  bonus, deduction and veto rules) is saved or deleted, and every scheme's when a violation type or a KPI indicator
  (or its numerator and denominator) is: those are read with the scheme. The new value is written in the same
  transaction as the change, so a recomputation that sees the change sees the new revision too.
- A loaded scheme is used again only for the same period, the same scheme row and the same revision; anything else
  loads it again (`facts.load_scheme`). A random revision, not a counter: a scheme deleted and created again (or a
  test database rolled back) never meets an old entry by chance.
- Code that changes scheme parts without `save()`/`delete()` (`QuerySet.update`, `bulk_create`) calls `bump`.
- The loaded scheme is shared by the computations of the process and must be treated as read-only.
"""

import uuid

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from emulation.schemes.models import (
    Band,
    BonusRule,
    Criterion,
    CriterionGroup,
    DeductionRule,
    ScoringScheme,
    VetoRule,
)
from emulation.schemes.signals import scheme_changed
from emulation.scoring.facts import load_scheme
from evaluations.models import KpiIndicator, ViolationType

KEPT = 32  # schemes kept per process (one per open period is the common case)

_loaded: dict[int, tuple[int, object, ScoringScheme]] = {}  # period id → (scheme id, revision, scheme)


def scheme_for(period, stamp: tuple[int, object] | None) -> ScoringScheme | None:
    """The period's scheme, given its `stamp` (scheme id, revision) read in the caller's transaction (None: the
    period has no scheme)."""
    if stamp is None:
        _loaded.pop(period.pk, None)
        return None
    kept = _loaded.get(period.pk)
    if kept is not None and (kept[0], kept[1]) == tuple(stamp):
        return kept[2]
    scheme = load_scheme(period)
    if scheme is None or (scheme.pk, scheme.revision) != tuple(stamp):
        return scheme  # changed since the stamp was read: used once, not kept
    if len(_loaded) >= KEPT:
        _loaded.clear()
    _loaded[period.pk] = (scheme.pk, scheme.revision, scheme)
    return scheme


def stamp_of(period) -> tuple[int, object] | None:
    """(scheme id, revision) of the period's scheme, or None (one query; callers that lock the period read it in
    that query instead)."""
    return ScoringScheme.objects.filter(period_id=period.pk).values_list("pk", "revision").first()


def bump(schemes=None) -> None:
    """Give the schemes (ids; all when None) a new revision, in the current transaction (one query)."""
    rows = ScoringScheme.objects.all() if schemes is None else ScoringScheme.objects.filter(pk__in=list(schemes))
    rows.update(revision=uuid.uuid4())


def forget() -> None:
    """Drop every loaded scheme (tests that change schemes behind the ORM's back)."""
    _loaded.clear()


PARTS = [ScoringScheme, CriterionGroup, Criterion, BonusRule, Band, DeductionRule, VetoRule]


def _scheme_of(instance) -> int | None:
    if isinstance(instance, ScoringScheme):
        return instance.pk
    if isinstance(instance, Criterion):
        return CriterionGroup.objects.filter(pk=instance.group_id).values_list("scheme_id", flat=True).first()
    return instance.scheme_id


def _part_changed(sender, instance, raw=False, **kwargs) -> None:
    scheme = _scheme_of(instance)
    if scheme is not None:
        bump([scheme])


def _shared_changed(sender, raw=False, **kwargs) -> None:
    bump()


for _model in PARTS:
    post_save.connect(_part_changed, sender=_model, dispatch_uid=f"scheme_cache.save.{_model.__name__}")
    post_delete.connect(_part_changed, sender=_model, dispatch_uid=f"scheme_cache.delete.{_model.__name__}")
for _model in (ViolationType, KpiIndicator):
    post_save.connect(_shared_changed, sender=_model, dispatch_uid=f"scheme_cache.save.{_model.__name__}")
    post_delete.connect(_shared_changed, sender=_model, dispatch_uid=f"scheme_cache.delete.{_model.__name__}")
for _through in (KpiIndicator.numerator.through, KpiIndicator.denominator.through):
    m2m_changed.connect(_shared_changed, sender=_through, dispatch_uid=f"scheme_cache.m2m.{_through.__name__}")


@receiver(scheme_changed, sender=ScoringScheme, dispatch_uid="scheme_cache.scheme_changed")
def _scheme_changed(sender, period, **kwargs) -> None:
    bump(ScoringScheme.objects.filter(period=period).values_list("pk", flat=True))
