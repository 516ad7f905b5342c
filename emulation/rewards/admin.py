"""Money as data: administrators keep the base salaries, coefficients and fund budgets; fixed amounts are read-only."""

from django.contrib import admin

from emulation.rewards.models import AwardAmount, AwardCoefficient, BaseSalary, RewardFund
from units.admin import ReadOnlyAdmin


@admin.register(BaseSalary)
class BaseSalaryAdmin(admin.ModelAdmin):
    list_display = ("amount", "effective_from", "effective_to", "legal_basis")


@admin.register(AwardCoefficient)
class AwardCoefficientAdmin(admin.ModelAdmin):
    list_display = ("__str__", "scope", "coefficient", "effective_from", "effective_to", "legal_basis")
    list_filter = ("scope",)


@admin.register(RewardFund)
class RewardFundAdmin(admin.ModelAdmin):
    list_display = ("unit", "year", "budget")
    list_filter = ("year",)
    autocomplete_fields = ("unit",)


@admin.register(AwardAmount)
class AwardAmountAdmin(ReadOnlyAdmin):
    list_display = ("award", "decided_on", "coefficient", "base_salary", "amount")
