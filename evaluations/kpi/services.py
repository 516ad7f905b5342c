"""KPI services: record readings, keep derived rates in step with their counts, aggregate rates over a range."""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from evaluations.kpi.models import EntryMethod, IndicatorKind, KpiIndicator, KpiReading
from evaluations.signals import observations_changed
from units.models import Unit

CENT = Decimal("0.01")


def reading_problems(*, unit: Unit, indicator: KpiIndicator, start, end, value: Decimal) -> list[str]:
    """Why a reading cannot be recorded: derived rates are computed, counts are whole, rates lie in 0–100,
    the period is ordered and does not overlap another period of the same unit and indicator."""
    problems = []
    if indicator.kind == IndicatorKind.RATE and indicator.denominator.exists():
        problems.append(_("Chỉ số %(code)s được tính tự động, không nhập tay.") % {"code": indicator.code})
    if not indicator.active:
        problems.append(_("Chỉ số %(code)s không còn được dùng.") % {"code": indicator.code})
    if end < start:
        problems.append(_("Ngày kết thúc phải từ ngày bắt đầu trở đi."))
    if value < 0:
        problems.append(_("Giá trị không được âm."))
    elif indicator.is_count and value != value.to_integral_value():
        problems.append(_("Chỉ số đếm phải là số nguyên."))
    elif indicator.kind == IndicatorKind.RATE and value > 100:
        problems.append(_("Tỷ lệ không được vượt quá 100 %."))
    if end >= start:
        clash = (
            KpiReading.objects.filter(unit=unit, indicator=indicator)
            .overlapping(start, end)
            .exclude(period_start=start, period_end=end)
            .first()
        )
        if clash:
            problems.append(
                _("Kỳ số liệu chồng lấn với kỳ %(start)s–%(end)s đã có của chỉ số này.")
                % {"start": f"{clash.period_start:%d/%m/%Y}", "end": f"{clash.period_end:%d/%m/%Y}"}
            )
    return problems


@transaction.atomic
def record_reading(
    *, unit: Unit, indicator: KpiIndicator, start, end, value: Decimal, by, source: str = "", method=EntryMethod.MANUAL
) -> KpiReading:
    """Record (or correct) one reading, matched by unit, indicator and dates; derived rates follow."""
    problems = reading_problems(unit=unit, indicator=indicator, start=start, end=end, value=value)
    if problems:
        raise ValidationError(problems)
    reading, _created = KpiReading.objects.update_or_create(
        unit=unit,
        indicator=indicator,
        period_start=start,
        period_end=end,
        defaults={"value": value, "source": source, "entered_by": by, "entry_method": method},
    )
    refresh_derived_rates(unit=unit, start=start, end=end, by=by)
    return reading


@transaction.atomic
def delete_reading(*, reading: KpiReading, by) -> None:
    """Remove a reading; rates derived from it are recomputed (or removed when a component is missing)."""
    unit, start, end = reading.unit, reading.period_start, reading.period_end
    reading.delete()
    refresh_derived_rates(unit=unit, start=start, end=end, by=by)


def _ratio(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    if not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(CENT, rounding=ROUND_HALF_UP)


def refresh_derived_rates(*, unit: Unit, start, end, by=None) -> None:
    """Each derived rate of the period = Σ numerator ÷ Σ denominator × 100, when every component was read."""
    values = dict(
        KpiReading.objects.filter(unit=unit, period_start=start, period_end=end).values_list("indicator_id", "value")
    )
    for indicator in KpiIndicator.objects.derived().prefetch_related("numerator", "denominator"):
        parts = [i.pk for i in indicator.numerator.all()], [i.pk for i in indicator.denominator.all()]
        rate = None
        if all(pk in values for pk in parts[0] + parts[1]):
            rate = _ratio(sum(values[pk] for pk in parts[0]), sum(values[pk] for pk in parts[1]))
        key = {"unit": unit, "indicator": indicator, "period_start": start, "period_end": end}
        if rate is None:
            KpiReading.objects.filter(**key).delete()
        else:
            defaults = {"value": rate, "entry_method": EntryMethod.DERIVED, "entered_by": by, "source": ""}
            KpiReading.objects.update_or_create(**key, defaults=defaults)
    observations_changed.send(KpiReading, changes=[(unit.pk, start)])


def rates_over(*, indicator: KpiIndicator, units, start, end) -> dict[int, Decimal | None]:
    """A derived rate per unit over every reading period inside [start, end]: the counts are summed first,
    so a year's on-time rate weighs each month by its dossiers (one query for all units)."""
    numerator = set(indicator.numerator.values_list("pk", flat=True))
    denominator = set(indicator.denominator.values_list("pk", flat=True))
    rows = (
        KpiReading.objects.within(start, end)
        .filter(unit__in=units, indicator__in=numerator | denominator)
        .values("unit_id", "indicator_id")
        .annotate(total=Sum("value"))
    )
    sums: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for row in rows:
        if row["indicator_id"] in numerator:
            sums[row["unit_id"]][0] += row["total"]
        if row["indicator_id"] in denominator:
            sums[row["unit_id"]][1] += row["total"]
    return {unit_id: _ratio(num, den) for unit_id, (num, den) in sums.items()}
