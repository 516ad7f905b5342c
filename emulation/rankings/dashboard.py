"""The province dashboard's numbers: each a few aggregate queries over the units the user reaches.

- Registration by deadline: per period of the movement, the bloc member units expected to pledge, those whose
  pledge was submitted (or accepted) by the deadline, those submitted late, and those with none.
- Violations by category and month: upheld violations only, inside the period's dates.
- Score distribution: units per band, and totals in bins of equal width.
- Flagged units: scores marked "insufficient evidence", with the inspections counted and the scheme's minimum.
"""

import datetime
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Floor, TruncMonth
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from emulation.movements.models import BlocMembership, Movement, Period
from emulation.pledges.models import Pledge, PledgeStatus
from emulation.rankings import charts
from emulation.rankings.permissions import reach
from emulation.scoring.models import Score
from evaluations.models import Violation, ViolationCategory

# Width of a bar of the score histogram: a presentation choice, not a rule of the field.
HISTOGRAM_WIDTH = 10


@dataclass(frozen=True)
class RegistrationRow:
    period: Period
    expected: int
    on_time: int
    late: int

    @property
    def missing(self) -> int:
        return max(self.expected - self.on_time - self.late, 0)

    @property
    def on_time_rate(self) -> float:
        """Pledges submitted by the deadline / units expected, in percent (0 when nobody is expected)."""
        return round(100 * self.on_time / self.expected, 1) if self.expected else 0.0


def registration_by_deadline(user, movement: Movement) -> list[RegistrationRow]:
    """Per period of the movement, oldest first: expected units (bloc members), on-time and late pledges."""
    periods = list(Period.objects.filter(movement=movement).order_by("starts_on"))
    expected = dict(
        BlocMembership.objects.filter(reach(user, "unit"), period__movement=movement)
        .values_list("period")
        .annotate(n=Count("pk"))
    )
    member = BlocMembership.objects.filter(period=OuterRef("period"), unit=OuterRef("unit"))
    counted = (
        Pledge.objects.filter(reach(user, "unit"), Exists(member), period__movement=movement)
        .filter(status__in=[PledgeStatus.SUBMITTED, PledgeStatus.ACCEPTED])
        .values("period")
        .annotate(on_time=Count("pk", filter=Q(is_late=False)), late=Count("pk", filter=Q(is_late=True)))
    )
    pledged = {row["period"]: row for row in counted}
    return [
        RegistrationRow(
            period=period,
            expected=expected.get(period.pk, 0),
            on_time=pledged.get(period.pk, {}).get("on_time", 0),
            late=pledged.get(period.pk, {}).get("late", 0),
        )
        for period in periods
    ]


def months_of(period: Period) -> list[datetime.date]:
    """First day of every month the period touches."""
    months, day = [], period.starts_on.replace(day=1)
    while day <= period.ends_on:
        months.append(day)
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return months


def violations_by_category_and_month(user, period: Period) -> dict[str, dict[datetime.date, int]]:
    """{category label: {first day of month: upheld violations}} for categories with at least one violation."""
    rows = (
        Violation.objects.upheld()
        .between(period.starts_on, period.ends_on)
        .filter(reach(user, "unit"))
        .annotate(month=TruncMonth("occurred_at"))
        .values("month", "type__category")
        .annotate(n=Count("pk"))
        .order_by("type__category", "month")
    )
    labels = dict(ViolationCategory.choices)
    result: dict[str, dict[datetime.date, int]] = {}
    for row in rows:
        month = row["month"]
        month = month.date() if isinstance(month, datetime.datetime) else month
        label = str(labels.get(row["type__category"], row["type__category"]))
        result.setdefault(label, {})[month] = row["n"]
    return result


def scores_in_reach(user, period: Period):
    return Score.objects.filter(reach(user, "unit"), period=period)


def band_counts(user, period: Period) -> list[tuple[str, int]]:
    """(band name, units) from the highest band down; units without a band come last as None."""
    rows = (
        scores_in_reach(user, period)
        .values("band__name", "band__min_total")
        .annotate(n=Count("pk"))
        .order_by(F("band__min_total").desc(nulls_last=True))
    )
    return [(row["band__name"], row["n"]) for row in rows]


def total_bins(user, period: Period) -> dict[Decimal, int]:
    """{lower edge of a bin: units whose total falls in [edge, edge + HISTOGRAM_WIDTH)}."""
    rows = (
        scores_in_reach(user, period)
        .annotate(bin=Floor(F("total") / HISTOGRAM_WIDTH))
        .values("bin")
        .annotate(n=Count("pk"))
        .order_by("bin")
    )
    return {Decimal(int(row["bin"]) * HISTOGRAM_WIDTH): row["n"] for row in rows}


def flagged_by_bloc(user, period: Period) -> list[dict]:
    """Per bloc: units ranked and units flagged for insufficient evidence."""
    return list(
        scores_in_reach(user, period)
        .filter(bloc__isnull=False)
        .values("bloc__name")
        .annotate(
            ranked=Count("pk", filter=Q(rank__isnull=False)),
            flagged=Count("pk", filter=Q(insufficient_evidence=True)),
        )
        .order_by("bloc__name")
    )


def flagged_scores(user, period: Period):
    """The flagged units themselves, with their bloc, for the list under the chart."""
    return (
        scores_in_reach(user, period)
        .filter(insufficient_evidence=True)
        .select_related("unit", "bloc")
        .order_by("bloc__name", "unit__name")
    )


def default_period(periods):
    """The latest open period that has scores, else the latest period with scores, else the latest open one;
    periods starting the same day are taken in movement-name order, so the choice is stable."""
    latest = ("-starts_on", "movement__name", "pk")
    scored = periods.filter(Exists(Score.objects.filter(period=OuterRef("pk")))).order_by(*latest)
    return scored.open().first() or scored.first() or periods.open().order_by(*latest).first()


def registration_chart(user, movement: Movement) -> tuple[charts.Chart, list[RegistrationRow]]:
    """Stacked bars per period (on time, late, none); the table adds each deadline and the on-time rate."""
    rows = registration_by_deadline(user, movement)
    chart = charts.stacked_bar_chart(
        key="registration",
        title=_("Đăng ký thi đua so với hạn đăng ký: %(movement)s") % {"movement": movement.name},
        labels=[row.period.name for row in rows],
        series=[
            (_("Đúng hạn"), [row.on_time for row in rows]),
            (_("Sau hạn"), [row.late for row in rows]),
            (_("Chưa đăng ký"), [row.missing for row in rows]),
        ],
    )
    deadline = [formats.date_format(timezone.localtime(row.period.registration_deadline), "d/m/Y") for row in rows]
    table = [[*cells, deadline[i], rows[i].on_time_rate] for i, cells in enumerate(chart.rows)]
    chart = replace(chart, headers=[*chart.headers, _("Hạn đăng ký"), _("Tỉ lệ đúng hạn (%)")], rows=table)
    return chart, rows


def violations_chart(user, period: Period) -> charts.Chart:
    counts = violations_by_category_and_month(user, period)
    months = months_of(period)
    return charts.stacked_bar_chart(
        key="violations",
        title=_("Vi phạm được xác nhận theo nhóm và tháng: %(period)s") % {"period": period.name},
        labels=[month.strftime("%m/%Y") for month in months],
        series=[(label, [by_month.get(month, 0) for month in months]) for label, by_month in counts.items()],
    )


def band_chart(user, period: Period) -> charts.Chart:
    rows = band_counts(user, period)
    return charts.bar_chart(
        key="bands",
        title=_("Số đơn vị theo xếp loại: %(period)s") % {"period": period.name},
        labels=[name or _("Chưa xếp loại") for name, _n in rows],
        values=[n for _name, n in rows],
        header=_("Số đơn vị"),
    )


def total_chart(user, period: Period) -> charts.Chart:
    return charts.histogram(
        key="totals",
        title=_("Phân bố tổng điểm: %(period)s") % {"period": period.name},
        bins=total_bins(user, period),
        width=HISTOGRAM_WIDTH,
        header=_("Số đơn vị"),
    )


def flagged_chart(user, period: Period) -> charts.Chart:
    rows = flagged_by_bloc(user, period)
    return charts.stacked_bar_chart(
        key="flagged",
        title=_("Đơn vị được xếp hạng và chưa đủ căn cứ xếp hạng theo khối/cụm: %(period)s") % {"period": period.name},
        labels=[row["bloc__name"] for row in rows],
        series=[
            (_("Được xếp hạng"), [row["ranked"] for row in rows]),
            (_("Chưa đủ căn cứ xếp hạng"), [row["flagged"] for row in rows]),
        ],
    )
