"""The pledge list's filter."""

import django_filters
from django.utils.translation import gettext_lazy as _

from emulation.movements.models import Movement, Period
from emulation.pledges.models import Pledge, PledgeStatus


class PledgeFilter(django_filters.FilterSet):
    unit_name = django_filters.CharFilter(label=_("Tên đơn vị"), field_name="unit__name", lookup_expr="icontains")
    movement = django_filters.ModelChoiceFilter(
        label=_("Phong trào"), field_name="period__movement", queryset=Movement.objects.all()
    )
    period = django_filters.ModelChoiceFilter(label=_("Kỳ thi đua"), queryset=Period.objects.select_related("movement"))
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=PledgeStatus.choices)
    is_late = django_filters.BooleanFilter(label=_("Gửi sau hạn"))

    class Meta:
        model = Pledge
        fields = ["unit_name", "movement", "period", "status", "is_late"]
