"""The search of the scheme list: by name and by movement (as the Django admin filtered it)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from emulation.movements.models import Movement
from emulation.schemes.models import ScoringScheme


class SchemeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tên bảng điểm"), field_name="name", lookup_expr="icontains")
    movement = django_filters.ModelChoiceFilter(
        label=_("Phong trào"), field_name="period__movement", queryset=Movement.objects.order_by("name")
    )

    class Meta:
        model = ScoringScheme
        fields = ["q", "movement"]
