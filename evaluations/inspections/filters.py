"""Inspection and violation list filters, scoped to the user's subtree."""

import django_filters
from django.utils.translation import gettext_lazy as _

from evaluations.catalogue.models import ViolationCategory
from evaluations.inspections.models import Inspection, InspectionKind, InspectionStatus, ViolationStatus
from units.models import Unit
from units.search.pickers import UnitPicker


class UnitSubtreeFilterMixin:
    def in_unit(self, queryset, name, value):
        return queryset.filter(unit__path__startswith=value.path)


class InspectionFilter(UnitSubtreeFilterMixin, django_filters.FilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Đơn vị"), queryset=Unit.objects.none(), method="in_unit", widget=UnitPicker
    )
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=InspectionStatus.choices)
    kind = django_filters.ChoiceFilter(label=_("Hình thức"), choices=InspectionKind.choices)
    date_from = django_filters.DateFilter(label=_("Từ ngày"), field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(label=_("Đến ngày"), field_name="date", lookup_expr="lte")

    class Meta:
        model = Inspection
        fields = ["unit", "status", "kind", "date_from", "date_to"]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["unit"].queryset = units


class ViolationFilter(UnitSubtreeFilterMixin, django_filters.FilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Đơn vị"), queryset=Unit.objects.none(), method="in_unit", widget=UnitPicker
    )
    category = django_filters.ChoiceFilter(
        label=_("Nhóm"), choices=ViolationCategory.choices, field_name="type__category"
    )
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=ViolationStatus.choices)
    date_from = django_filters.DateFilter(label=_("Từ ngày"), field_name="occurred_at__date", lookup_expr="gte")
    date_to = django_filters.DateFilter(label=_("Đến ngày"), field_name="occurred_at__date", lookup_expr="lte")

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["unit"].queryset = units
