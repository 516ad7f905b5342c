"""Admin pages of the KPI catalogue and readings, appeals and corrective actions (imported by evaluations.admin)."""

from django.contrib import admin

from evaluations.appeals.models import Appeal, Attachment, CorrectiveAction


class AttachmentInline(admin.TabularInline):
    model = Attachment
    fields = ("content_type", "byte_size", "uploaded_by", "uploaded_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    list_display = ("violation", "status", "filed_by", "filed_at", "decided_by", "decided_at")
    list_filter = ("status",)
    raw_id_fields = ("violation", "filed_by", "decided_by")
    inlines = [AttachmentInline]


@admin.register(CorrectiveAction)
class CorrectiveActionAdmin(admin.ModelAdmin):
    list_display = ("violation", "owner_person", "owner_user", "due_date", "status")
    list_filter = ("status",)
    raw_id_fields = ("violation", "owner_person", "owner_user", "created_by", "confirmed_by")
    inlines = [AttachmentInline]
