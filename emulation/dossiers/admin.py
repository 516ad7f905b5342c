"""Administrators upload a province's own DOCX template per document and authority."""

from django.contrib import admin

from emulation.dossiers.models import DossierTemplate


@admin.register(DossierTemplate)
class DossierTemplateAdmin(admin.ModelAdmin):
    list_display = ("kind", "authority", "note", "uploaded_at")
    list_filter = ("kind",)
    exclude = ("uploaded_by",)

    def save_model(self, request, obj, form, change):
        obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
