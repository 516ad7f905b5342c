"""Administrators keep which titles and forms are published for public comment (data)."""

from django.contrib import admin

from emulation.notices.models import ConsultationRule


@admin.register(ConsultationRule)
class ConsultationRuleAdmin(admin.ModelAdmin):
    list_display = ("__str__", "days", "effective_from", "effective_to", "legal_basis")
