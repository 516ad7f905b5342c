"""Filters of the bloc ranking: period, bloc and band, limited to what the user may see."""

import django_filters
from django.utils.translation import gettext_lazy as _

from emulation.movements.models import Bloc, Period
from emulation.schemes.models import Band
from emulation.scoring.models import Score


class RankingFilter(django_filters.FilterSet):
    period = django_filters.ModelChoiceFilter(label=_("Kỳ thi đua"), queryset=Period.objects.none(), empty_label=None)
    bloc = django_filters.ModelChoiceFilter(label=_("Khối/cụm"), queryset=Bloc.objects.none())
    band = django_filters.ChoiceFilter(label=_("Xếp loại"), field_name="band__name", choices=[])

    class Meta:
        model = Score
        fields = ["period", "bloc", "band"]

    def __init__(self, data, *, queryset, blocs, period):
        """`blocs` are the blocs the user may see; the bloc and band choices are those of the chosen `period`."""
        super().__init__(data, queryset=queryset)
        self.filters["period"].queryset = (
            Period.objects.filter(pk__in=blocs.values("period")).select_related("movement").order_by("-starts_on")
        )
        self.filters["bloc"].queryset = blocs.filter(period=period).order_by("name")
        names = Band.objects.filter(scheme__period=period).order_by("-min_total").values_list("name", flat=True)
        self.filters["band"].extra["choices"] = [(name, name) for name in names]
