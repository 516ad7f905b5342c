"""The checklist, violation types and the appeal policy in the Django admin."""

from django.contrib import admin

from evaluations.catalogue.models import AppealPolicy, ChecklistItem, ViolationType


@admin.register(ChecklistItem)
class ChecklistItemAdmin(admin.ModelAdmin):
    list_display = ("code", "category", "text", "violation_type", "active")
    list_filter = ("category", "active")
    search_fields = ("code", "text")


@admin.register(ViolationType)
class ViolationTypeAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "name",
        "category",
        "severity",
        "default_deduction",
        "bars_person_titles",
        "bars_unit_titles",
        "sensitive",
        "active",
    )
    list_filter = ("category", "severity", "sensitive", "active")
    search_fields = ("code", "name", "legal_basis")


@admin.register(AppealPolicy)
class AppealPolicyAdmin(admin.ModelAdmin):
    list_display = ("appeal_window_days", "effective_from", "legal_basis")
