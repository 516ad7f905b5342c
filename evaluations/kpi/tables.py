"""Columns and filters of the KPI readings page."""

import django_filters
import django_tables2 as tables
from django.db.models import Q
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext_lazy as _

from evaluations.kpi.models import EntryMethod, KpiIndicator, KpiReading
from units.models import Unit


class KpiReadingTable(tables.Table):
    unit = tables.Column(verbose_name=_("Đơn vị"), accessor="unit__name", order_by="unit__name")
    indicator = tables.Column(verbose_name=_("Chỉ số"), accessor="indicator__name", order_by="indicator__position")
    code = tables.Column(verbose_name=_("Mã chỉ số"), accessor="indicator__code")
    period_start = tables.DateColumn(format="d/m/Y")
    period_end = tables.DateColumn(format="d/m/Y")
    value = tables.Column(attrs={"td": {"class": "text-end"}})
    uom = tables.Column(verbose_name=_("Đơn vị tính"), accessor="indicator__unit_of_measure", orderable=False)
    edit = tables.LinkColumn(
        "evaluations:kpi_edit",
        args=[tables.A("pk")],
        text=_("Sửa"),
        verbose_name="",
        orderable=False,
        exclude_from_export=True,
        empty_values=(),
    )

    class Meta:
        model = KpiReading
        fields = ("unit", "code", "indicator", "period_start", "period_end", "value", "uom", "entry_method", "source")
        sequence = (*fields, "edit")
        order_by = ("unit", "-period_start")

    def render_value(self, value):
        return floatformat(value, -2)

    def value_value(self, value):
        return value


class KpiReadingFilter(django_filters.FilterSet):
    unit = django_filters.ModelChoiceFilter(label=_("Đơn vị"), queryset=Unit.objects.none(), method="in_unit")
    indicator = django_filters.ModelChoiceFilter(label=_("Chỉ số"), queryset=KpiIndicator.objects.all())
    year = django_filters.NumberFilter(label=_("Năm"), method="in_year")
    entry_method = django_filters.ChoiceFilter(label=_("Cách nhập"), choices=EntryMethod.choices)

    class Meta:
        model = KpiReading
        fields = ["unit", "indicator", "year", "entry_method"]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["unit"].queryset = units

    def in_unit(self, queryset, name, value):
        return queryset.filter(unit__path__startswith=value.path)

    def in_year(self, queryset, name, value):
        return queryset.filter(Q(period_start__year=value) | Q(period_end__year=value))
