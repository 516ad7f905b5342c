"""Decisions shown read-only in the Django admin: they change only through their services."""

from django.contrib import admin

from emulation.decisions.models import Decision
from units.admin import ReadOnlyAdmin


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "status", "period")
    list_filter = ("status",)
