"""KPI indicators and readings in the Django admin."""

from django.contrib import admin

from evaluations.kpi.models import KpiIndicator, KpiReading


@admin.register(KpiIndicator)
class KpiIndicatorAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "unit_of_measure", "kind", "position", "active")
    list_filter = ("kind", "active")
    search_fields = ("code", "name")
    filter_horizontal = ("numerator", "denominator")


@admin.register(KpiReading)
class KpiReadingAdmin(admin.ModelAdmin):
    list_display = ("unit", "indicator", "period_start", "period_end", "value", "entry_method")
    list_filter = ("indicator", "entry_method")
    search_fields = ("unit__code", "unit__name")
    raw_id_fields = ("unit", "entered_by")
