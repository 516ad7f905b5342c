"""The search of council points and bonus grants: by period, and by unit name or the criterion's / rule's code."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emulation.movements.models import Period
from emulation.scoring.models import BonusGrant, ManualScore


def _periods():
    return Period.objects.select_related("movement").order_by("-starts_on")


class ManualScoreFilter(django_filters.FilterSet):
    period = django_filters.ModelChoiceFilter(
        label=_("Kỳ thi đua"), field_name="criterion__group__scheme__period", queryset=_periods()
    )
    q = django_filters.CharFilter(label=_("Đơn vị, mã tiêu chí"), method="search")

    class Meta:
        model = ManualScore
        fields = ["period", "q"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(unit__name__icontains=value) | Q(criterion__code__icontains=value))


class BonusGrantFilter(django_filters.FilterSet):
    period = django_filters.ModelChoiceFilter(
        label=_("Kỳ thi đua"), field_name="rule__scheme__period", queryset=_periods()
    )
    q = django_filters.CharFilter(label=_("Đơn vị, mã điểm thưởng"), method="search")

    class Meta:
        model = BonusGrant
        fields = ["period", "q"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(unit__name__icontains=value) | Q(rule__code__icontains=value))
