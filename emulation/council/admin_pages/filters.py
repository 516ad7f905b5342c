"""The search of the councils list: by the council's or its scope's name."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emulation.council.models.council import Council


class CouncilFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tên Hội đồng, phạm vi"), method="search")

    class Meta:
        model = Council
        fields = ["q"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(scope__name__icontains=value))
