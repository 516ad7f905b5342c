"""Pledges and self-assessment lines in the Django admin (read-only once the period is finalized)."""

from django.contrib import admin

from emulation.movements.admin import FinalizedReadOnly
from emulation.pledges.models import Pledge, Registration, SelfAssessment


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    autocomplete_fields = ("person",)


@admin.register(Pledge)
class PledgeAdmin(FinalizedReadOnly, admin.ModelAdmin):
    list_display = ("unit", "period", "status", "submitted_at", "is_late", "accepted_at")
    list_filter = ("period__movement", "period", "status", "is_late")
    search_fields = ("unit__name",)
    readonly_fields = ("status", "submitted_at", "submitted_by", "is_late", "accepted_at", "accepted_by")
    inlines = [RegistrationInline]


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(FinalizedReadOnly, admin.ModelAdmin):
    period_path = "pledge__period"
    list_display = ("pledge", "criterion", "claimed_points", "verified_points", "verifier", "verified_at")
    list_filter = ("pledge__period",)
