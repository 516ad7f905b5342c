"""The rules catalogue (rule sets and their conditions, award forms, authorities and their powers) is data an
administrator edits here; decisions, awards, revocations and certificates are shown read-only, because they change
only through their services (competence checks, serial numbers, re-opened eligibility)."""

from django.contrib import admin

from emulation.models import (
    Authority,
    AuthorityPower,
    AwardForm,
    Certificate,
    CertificateBatch,
    CertificateDesign,
    Decision,
    Revocation,
    RuleSet,
    TitleCondition,
    TitleHistory,
)
from units.admin import ReadOnlyAdmin


class TitleConditionInline(admin.StackedInline):
    model = TitleCondition
    extra = 0


@admin.register(RuleSet)
class RuleSetAdmin(admin.ModelAdmin):
    inlines = [TitleConditionInline]
    search_fields = ("name",)


@admin.register(TitleHistory)
class TitleHistoryAdmin(admin.ModelAdmin):
    list_display = ("__str__", "year")
    search_fields = ("person__full_name", "unit__name")


@admin.register(AwardForm)
class AwardFormAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "scope", "level", "active")


class AuthorityPowerInline(admin.TabularInline):
    model = AuthorityPower
    extra = 0


@admin.register(Authority)
class AuthorityAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "unit_level", "effective_from", "effective_to")
    inlines = [AuthorityPowerInline]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "status", "period")
    list_filter = ("status",)


for model in (Revocation, CertificateDesign, Certificate, CertificateBatch):
    admin.site.register(model, ReadOnlyAdmin)
