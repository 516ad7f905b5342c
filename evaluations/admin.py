from django.contrib import admin

import evaluations.admin_appeals  # noqa: F401  (registers KPI, appeal and corrective-action pages)
import evaluations.admin_records  # noqa: F401  (read-only yearly records)
from evaluations.models import (
    AppealPolicy,
    ChecklistItem,
    Inspection,
    ItemResult,
    StatusChange,
    Violation,
    ViolationType,
)


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


class ItemResultInline(admin.TabularInline):
    model = ItemResult
    extra = 0
    readonly_fields = ("item", "outcome", "note", "updated_by")
    can_delete = False


@admin.register(Inspection)
class InspectionAdmin(admin.ModelAdmin):
    """Read-mostly: results and submission go through the app's services so history and rules hold."""

    list_display = ("date", "unit", "kind", "status", "lead")
    list_filter = ("status", "kind")
    search_fields = ("unit__name",)
    raw_id_fields = ("unit", "lead", "planned_by", "submitted_by")
    readonly_fields = ("status", "submitted_at", "submitted_by")
    inlines = [ItemResultInline]


@admin.register(Violation)
class ViolationAdmin(admin.ModelAdmin):
    list_display = ("occurred_at", "unit", "type", "status", "appeal_deadline")
    list_filter = ("status", "type__category")
    search_fields = ("unit__name", "description")
    raw_id_fields = ("inspection", "unit", "person", "recorded_by")
    readonly_fields = ("status",)


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = ("at", "content_type", "object_id", "from_status", "to_status", "by")
    list_filter = ("content_type",)

    def has_change_permission(self, request, obj=None):
        return False
