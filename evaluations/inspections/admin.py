"""Inspections, violations and the status log in the Django admin."""

from django.contrib import admin

from evaluations.history import StatusChange
from evaluations.inspections.models import Inspection, ItemResult, Violation


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
