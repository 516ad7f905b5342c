from django.contrib import admin

import emulation.admin_awards  # noqa: F401  (rules catalogue; read-only decisions, awards and certificates)
import emulation.admin_council  # noqa: F401  (registers vote rules, councils and read-only council records)
from emulation.models import (
    Band,
    Bloc,
    BlocMembership,
    BonusGrant,
    BonusRule,
    CommitmentItem,
    Criterion,
    CriterionGroup,
    DeductionRule,
    ManualScore,
    Movement,
    Period,
    PeriodReopening,
    Pledge,
    Registration,
    Score,
    ScoringScheme,
    SelfAssessment,
    Title,
    VetoRule,
)
from emulation.tasks import recompute_unit_in_period
from units.admin import ReadOnlyAdmin


class FinalizedReadOnly:
    """A finalized period's records are read-only here too; re-open the period in the app (recorded) to change them."""

    period_path = "period"

    def has_change_permission(self, request, obj=None):
        period = obj
        for attr in filter(None, self.period_path.split("__")):
            period = getattr(period, attr, None)
        if period is not None and period.is_read_only:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj) and super().has_delete_permission(request, obj)


class CommitmentItemInline(admin.TabularInline):
    model = CommitmentItem
    extra = 1


@admin.register(Movement)
class MovementAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "start_year", "end_year", "active")
    search_fields = ("code", "name")
    inlines = [CommitmentItemInline]


class ReopeningInline(admin.TabularInline):
    model = PeriodReopening
    extra = 0
    readonly_fields = ("reopened_at", "reopened_by", "reason", "status_after")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Period)
class PeriodAdmin(FinalizedReadOnly, admin.ModelAdmin):
    period_path = ""
    list_display = ("movement", "name", "starts_on", "ends_on", "registration_deadline", "status")
    list_filter = ("movement", "status")
    readonly_fields = ("status",)
    inlines = [ReopeningInline]


class BlocMembershipInline(admin.TabularInline):
    model = BlocMembership
    extra = 1
    autocomplete_fields = ("unit",)


@admin.register(Bloc)
class BlocAdmin(FinalizedReadOnly, admin.ModelAdmin):
    list_display = ("name", "kind", "period", "leader")
    list_filter = ("period", "kind")
    autocomplete_fields = ("leader", "deputy")
    inlines = [BlocMembershipInline]


class CriterionGroupInline(admin.TabularInline):
    model = CriterionGroup
    extra = 0
    show_change_link = True


class BandInline(admin.TabularInline):
    model = Band
    extra = 0


class BonusRuleInline(admin.TabularInline):
    model = BonusRule
    extra = 0


class DeductionRuleInline(admin.TabularInline):
    model = DeductionRule
    extra = 0


class VetoRuleInline(admin.TabularInline):
    model = VetoRule
    extra = 0


@admin.register(ScoringScheme)
class ScoringSchemeAdmin(FinalizedReadOnly, admin.ModelAdmin):
    list_display = ("name", "period", "max_total", "bonus_cap", "min_inspections")
    list_filter = ("period__movement",)
    inlines = [CriterionGroupInline, DeductionRuleInline, BonusRuleInline, BandInline, VetoRuleInline]


class CriterionInline(admin.StackedInline):
    model = Criterion
    extra = 0


@admin.register(CriterionGroup)
class CriterionGroupAdmin(FinalizedReadOnly, admin.ModelAdmin):
    period_path = "scheme__period"
    list_display = ("code", "name", "scheme", "max_points")
    list_filter = ("scheme",)
    inlines = [CriterionInline]


@admin.register(Title)
class TitleAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "scope", "level", "legal_basis", "effective_date", "active")
    list_filter = ("scope", "level")


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


class RecomputeOnSave:
    """Council points and bonus grants: saving or deleting one recomputes the unit's score once the change commits."""

    period_path = "period"

    def _recompute(self, obj):
        period = obj
        for attr in self.period_path.split("__"):
            period = getattr(period, attr)
        recompute_unit_in_period.delay_on_commit(obj.unit_id, period.pk)

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
