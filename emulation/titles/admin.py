"""The rules catalogue in the Django admin: titles, rule sets and conditions, award forms, authorities."""

from django.contrib import admin

from emulation.titles.models import Authority, AuthorityPower, AwardForm, RuleSet, Title, TitleCondition, TitleHistory


@admin.register(Title)
class TitleAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "scope", "level", "legal_basis", "effective_date", "active")
    list_filter = ("scope", "level")


class TitleConditionInline(admin.StackedInline):
    model = TitleCondition
    extra = 0


@admin.register(RuleSet)
class RuleSetAdmin(admin.ModelAdmin):
    inlines = [TitleConditionInline]
    search_fields = ("name",)


@admin.register(TitleHistory)
class TitleHistoryAdmin(admin.ModelAdmin):
    list_display = ("__str__", "year")
    search_fields = ("person__full_name", "unit__name")


@admin.register(AwardForm)
class AwardFormAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "scope", "level", "active")


class AuthorityPowerInline(admin.TabularInline):
    model = AuthorityPower
    extra = 0


@admin.register(Authority)
class AuthorityAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "unit_level", "effective_from", "effective_to")
    inlines = [AuthorityPowerInline]
