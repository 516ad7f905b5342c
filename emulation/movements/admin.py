"""Movements, periods and blocs in the Django admin; a finalized period's records are read-only there too."""

from django.contrib import admin

from emulation.movements.models import Bloc, BlocMembership, CommitmentItem, Movement, Period, PeriodReopening


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
