import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from units.models import Category, Kind, Level, Person, Unit
from units.search.pickers import UnitPicker


class UnitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tên hoặc mã"), method="search")
    level = django_filters.ChoiceFilter(label=_("Cấp"), choices=Level.choices)
    kind = django_filters.ChoiceFilter(label=_("Loại hình"), choices=Kind.choices)
    parent = django_filters.ModelChoiceFilter(
        label=_("Đơn vị cấp trên"), queryset=Unit.objects.none(), widget=UnitPicker
    )

    class Meta:
        model = Unit
        fields = ["q", "level", "kind", "parent"]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["parent"].queryset = units.filter(children__isnull=False).distinct()

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(code__icontains=value))


class PersonFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Họ tên hoặc mã"), method="search")
    unit = django_filters.ModelChoiceFilter(
        label=_("Đơn vị"), queryset=Unit.objects.none(), method="in_unit", widget=UnitPicker
    )
    level = django_filters.ChoiceFilter(label=_("Cấp đơn vị"), choices=Level.choices, field_name="unit__level")
    kind = django_filters.ChoiceFilter(label=_("Loại hình đơn vị"), choices=Kind.choices, field_name="unit__kind")
    category = django_filters.ChoiceFilter(label=_("Ngạch/loại"), choices=Category.choices)

    class Meta:
        model = Person
        fields = ["q", "unit", "level", "kind", "category"]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["unit"].queryset = units

    def search(self, queryset, name, value):
        return queryset.filter(Q(full_name__icontains=value) | Q(code__icontains=value))

    def in_unit(self, queryset, name, value):
        return queryset.filter(unit__path__startswith=value.path)
