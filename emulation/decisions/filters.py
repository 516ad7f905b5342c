"""Filters of the decision register and the awards register."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emulation.decisions.models import Award, AwardStatus, Decision, DecisionStatus
from emulation.movements.models import Period
from emulation.titles.models import Authority, AwardForm, Title


class DecisionFilter(django_filters.FilterSet):
    number = django_filters.CharFilter(label=_("Số quyết định"), lookup_expr="icontains")
    period = django_filters.ModelChoiceFilter(label=_("Kỳ thi đua"), queryset=Period.objects.select_related("movement"))
    authority = django_filters.ModelChoiceFilter(label=_("Thẩm quyền"), queryset=Authority.objects.all())
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=DecisionStatus.choices)

    class Meta:
        model = Decision
        fields = ["number", "period", "authority", "status"]


class AwardFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(label=_("Năm"))
    period = django_filters.ModelChoiceFilter(label=_("Kỳ thi đua"), queryset=Period.objects.select_related("movement"))
    title = django_filters.ModelChoiceFilter(label=_("Danh hiệu"), queryset=Title.objects.all())
    award_form = django_filters.ModelChoiceFilter(label=_("Hình thức khen thưởng"), queryset=AwardForm.objects.all())
    unit_name = django_filters.CharFilter(label=_("Đơn vị"), method="filter_unit_name")
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=AwardStatus.choices)

    class Meta:
        model = Award
        fields = ["year", "period", "title", "award_form", "unit_name", "status"]

    def filter_unit_name(self, queryset, name, value):
        """The collective itself, or the unit of the person."""
        return queryset.filter(Q(unit__name__icontains=value) | Q(person__unit__name__icontains=value))
