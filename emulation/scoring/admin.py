"""Manual scores, bonus grants (each save recomputes the unit) and read-only scores in the Django admin."""

from django.contrib import admin

from emulation.movements.admin import FinalizedReadOnly
from emulation.scoring.models import BonusGrant, ManualScore, Score
from emulation.scoring.tasks import recompute_unit_in_period
from units.admin import ReadOnlyAdmin
from units.outbox.services import enqueue


class RecomputeOnSave:
    """Council points and bonus grants: saving or deleting one recomputes the unit's score once the change commits."""

    period_path = "period"

    def _recompute(self, obj):
        period = obj
        for attr in self.period_path.split("__"):
            period = getattr(period, attr)
        enqueue(recompute_unit_in_period, obj.unit_id, period.pk)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._recompute(obj)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self._recompute(obj)

    def delete_queryset(self, request, queryset):
        objects = list(queryset)
        super().delete_queryset(request, queryset)
        for obj in objects:
            self._recompute(obj)


@admin.register(ManualScore)
class ManualScoreAdmin(RecomputeOnSave, FinalizedReadOnly, admin.ModelAdmin):
    period_path = "criterion__group__scheme__period"
    list_display = ("unit", "criterion", "points", "entered_by", "entered_at")
    list_filter = ("criterion__group__scheme__period",)
    search_fields = ("unit__name", "criterion__code")
    autocomplete_fields = ("unit",)
    readonly_fields = ("entered_by",)

    def save_model(self, request, obj, form, change):
        obj.entered_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(BonusGrant)
class BonusGrantAdmin(RecomputeOnSave, FinalizedReadOnly, admin.ModelAdmin):
    period_path = "rule__scheme__period"
    list_display = ("unit", "rule", "note", "granted_by", "granted_at")
    list_filter = ("rule__scheme__period",)
    search_fields = ("unit__name", "rule__code")
    autocomplete_fields = ("unit",)
    readonly_fields = ("granted_by",)

    def save_model(self, request, obj, form, change):
        obj.granted_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Score)
class ScoreAdmin(ReadOnlyAdmin):
    """Scores are the engine's output: read here, never edited."""

    list_display = ("unit", "period", "total", "band", "bloc", "rank", "insufficient_evidence", "frozen")
    list_filter = ("period", "frozen", "insufficient_evidence")
    search_fields = ("unit__name",)
