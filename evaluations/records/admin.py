"""Per-person yearly records in the Django admin: read-only, because saving them must go through
`evaluations.records` (it re-opens the eligibility results that depend on them); the app pages edit them."""

from django.contrib import admin

from evaluations.records.models import (
    AdministrativeSanction,
    AnnualRating,
    DisciplineRecord,
    Initiative,
    InvestigationHold,
)
from units.admin import ReadOnlyAdmin


class RecordAdmin(ReadOnlyAdmin):
    search_fields = ("person__full_name", "person__code", "unit__name")
    list_select_related = True


for model in (AnnualRating, DisciplineRecord, Initiative, AdministrativeSanction, InvestigationHold):
    admin.site.register(model, RecordAdmin)
