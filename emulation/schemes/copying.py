"""Scoring-scheme services: a new period's scheme starts as a copy of the previous one, then is edited."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emulation.movements.models import Period
from emulation.schemes.models import Band, BonusRule, CriterionGroup, DeductionRule, ScoringScheme, VetoRule


def _clone(instance, **changes):
    """A saved copy of `instance` with a new primary key and the given fields changed."""
    instance.pk = None
    instance._state.adding = True
    for field, value in changes.items():
        setattr(instance, field, value)
    instance.save()
    return instance


@transaction.atomic
def copy_scheme(*, source: ScoringScheme, to_period: Period, name: str = "") -> ScoringScheme:
    """Copy every group, criterion, deduction, bonus, band and veto of `source` to a period that has no scheme."""
    if to_period.is_read_only:
        raise ValidationError(_("Kỳ thi đua đã kết thúc, không thêm bảng điểm."))
    if ScoringScheme.objects.filter(period=to_period).exists():
        raise ValidationError(_("Kỳ thi đua này đã có bảng điểm."))
    source = ScoringScheme.objects.get(pk=source.pk)
    source_pk = source.pk
    scheme = _clone(
        source, period=to_period, name=name or f"{source.name} ({to_period.name})", copied_from_id=source_pk
    )
    for group in CriterionGroup.objects.filter(scheme_id=source_pk).prefetch_related("criteria"):
        criteria = list(group.criteria.all())
        new_group = _clone(group, scheme=scheme)
        for criterion in criteria:
            _clone(criterion, group=new_group)
    for model in (BonusRule, DeductionRule):
        for rule in model.objects.filter(scheme_id=source_pk):
            _clone(rule, scheme=scheme)
    band_map = {band.pk: _clone(band, scheme=scheme).pk for band in list(Band.objects.filter(scheme_id=source_pk))}
    for veto in VetoRule.objects.filter(scheme_id=source_pk):
        _clone(veto, scheme=scheme, capped_band_id=band_map.get(veto.capped_band_id))
    return scheme
