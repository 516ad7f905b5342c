"""Scoring schemes, their groups, criteria and rules in the Django admin."""

from django.contrib import admin

from emulation.movements.admin import FinalizedReadOnly
from emulation.schemes.models import Band, BonusRule, Criterion, CriterionGroup, DeductionRule, ScoringScheme, VetoRule


class CriterionGroupInline(admin.TabularInline):
    model = CriterionGroup
    extra = 0
    show_change_link = True


class BandInline(admin.TabularInline):
    model = Band
    extra = 0


class BonusRuleInline(admin.TabularInline):
    model = BonusRule
    extra = 0


class DeductionRuleInline(admin.TabularInline):
    model = DeductionRule
    extra = 0


class VetoRuleInline(admin.TabularInline):
    model = VetoRule
    extra = 0


@admin.register(ScoringScheme)
class ScoringSchemeAdmin(FinalizedReadOnly, admin.ModelAdmin):
    list_display = ("name", "period", "max_total", "bonus_cap", "min_inspections")
    list_filter = ("period__movement",)
    inlines = [CriterionGroupInline, DeductionRuleInline, BonusRuleInline, BandInline, VetoRuleInline]


class CriterionInline(admin.StackedInline):
    model = Criterion
    extra = 0


@admin.register(CriterionGroup)
class CriterionGroupAdmin(FinalizedReadOnly, admin.ModelAdmin):
    period_path = "scheme__period"
    list_display = ("code", "name", "scheme", "max_points")
    list_filter = ("scheme",)
    inlines = [CriterionInline]
