"""KPI readings: per-unit indicator values for a date range (dossiers received, resolved on time, complaints…).

Indicators are data. A count is entered; a rate is either entered (e.g. a satisfaction survey) or, when it names
numerator and denominator counts, derived from them: rate = Σ numerator ÷ Σ denominator × 100.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from units.models import Unit


class IndicatorKind(models.TextChoices):
    COUNT = "count", _("Số lượng")
    RATE = "rate", _("Tỷ lệ (%)")


class KpiIndicatorQuerySet(models.QuerySet):
    def enterable(self):
        """Indicators a person types in: counts and rates without a formula."""
        return self.filter(active=True).filter(Q(kind=IndicatorKind.COUNT) | Q(denominator__isnull=True)).distinct()

    def derived(self):
        return self.filter(kind=IndicatorKind.RATE, denominator__isnull=False).distinct()


class KpiIndicator(models.Model):
    """An indicator of the catalogue, such as "Hồ sơ giải quyết đúng hạn" or "Tỷ lệ giải quyết đúng hạn"."""

    code = models.CharField(_("mã chỉ số"), max_length=30, unique=True)
    name = models.CharField(_("tên chỉ số"), max_length=255)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=30)
    kind = models.CharField(_("loại"), max_length=10, choices=IndicatorKind.choices)
    numerator = models.ManyToManyField(
        "self",
        verbose_name=_("tử số (cộng các chỉ số)"),
        symmetrical=False,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": IndicatorKind.COUNT},
    )
    denominator = models.ManyToManyField(
        "self",
        verbose_name=_("mẫu số (cộng các chỉ số)"),
        symmetrical=False,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": IndicatorKind.COUNT},
    )
    description = models.TextField(_("mô tả, căn cứ"), blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    active = models.BooleanField(_("đang dùng"), default=True)

    objects = KpiIndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("chỉ số KPI")
        verbose_name_plural = _("chỉ số KPI")
        ordering = ["position", "code"]

    def __str__(self):
        return f"{self.code} — {self.name}"

    @property
    def is_count(self) -> bool:
        return self.kind == IndicatorKind.COUNT


class EntryMethod(models.TextChoices):
    MANUAL = "manual", _("Nhập tay")
    IMPORT = "import", _("Nhập từ tệp")
    DERIVED = "derived", _("Tính tự động")


class KpiReadingQuerySet(models.QuerySet):
    def for_user(self, user):
        """Readings of the units the user reaches."""
        return self.filter(unit__in=Unit.objects.for_user(user))

    def within(self, start, end):
        """Readings whose whole period lies inside [start, end]."""
        return self.filter(period_start__gte=start, period_end__lte=end)

    def overlapping(self, start, end):
        return self.filter(period_start__lte=end, period_end__gte=start)


class KpiReading(models.Model):
    """One unit's value of one indicator over one date range."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="kpi_readings")
    indicator = models.ForeignKey(
        KpiIndicator, verbose_name=_("chỉ số"), on_delete=models.PROTECT, related_name="readings"
    )
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    value = models.DecimalField(_("giá trị"), max_digits=14, decimal_places=2)
    source = models.CharField(_("nguồn số liệu"), max_length=255, blank=True)
    entry_method = models.CharField(
        _("cách nhập"), max_length=10, choices=EntryMethod.choices, default=EntryMethod.MANUAL
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("thời điểm nhập"), auto_now=True)

    objects = KpiReadingQuerySet.as_manager()

    class Meta:
        verbose_name = _("số liệu KPI")
        verbose_name_plural = _("số liệu KPI")
        ordering = ["unit__path", "-period_start", "indicator__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "indicator", "period_start", "period_end"], name="unique_kpi_reading"
            ),
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")), name="kpi_period_ordered"),
            models.CheckConstraint(condition=Q(value__gte=0), name="kpi_value_not_negative"),
        ]
        indexes = [models.Index(fields=["indicator", "period_start", "period_end"])]

    def __str__(self):
        return f"{self.unit} · {self.indicator.code} · {self.period_start:%d/%m/%Y}–{self.period_end:%d/%m/%Y}"
