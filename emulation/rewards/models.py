"""Award money (tiền thưởng) and the reward fund (quỹ thi đua, khen thưởng).

Rules
-----
- Money = coefficient of the title or award form (Decree 152/2025/NĐ-CP, Chương VII Mục 2, Điều 50–54) × the base
  salary (mức lương cơ sở) in force on the decision's date, rounded as the coefficient row says (up to the next
  10,000 VND by the decree's rule). Coefficients and base salaries are dated rows with their legal basis (data).
- A collective and an individual receive different multiples of the same award form: a coefficient row names the
  scope it is for.
- The amount of an award is fixed when its decision is signed (`AwardAmount`) and never recomputed: a later base
  salary does not change money already decided.
- A revoked award's money is to be recovered (Law 06/2022 Điều 93).
- A fund is kept per awarding body and year: the budget, the amounts of its signed decisions of that year, the rest.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emulation.decisions.models import Award
from emulation.titles.dated import DatedQuerySet
from emulation.titles.models import AwardForm, Title, TitleScope
from units.models import Unit


class BaseSalary(models.Model):
    """The statutory base salary (mức lương cơ sở) from a date, per month, in VND."""

    amount = models.PositiveIntegerField(_("mức lương cơ sở (đồng/tháng)"))
    effective_from = models.DateField(_("áp dụng từ"), unique=True)
    effective_to = models.DateField(_("áp dụng đến"), null=True, blank=True)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=500)

    objects = DatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = _("mức lương cơ sở")
        ordering = ["-effective_from"]

    def __str__(self):
        return f"{self.amount:,} đ — {self.effective_from:%d/%m/%Y}".replace(",", ".")


class AwardCoefficient(models.Model):
    """The multiple of the base salary a title or an award form carries, for individuals or collectives."""

    title = models.ForeignKey(
        Title, verbose_name=_("danh hiệu"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    award_form = models.ForeignKey(
        AwardForm,
        verbose_name=_("hình thức khen thưởng"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    scope = models.CharField(_("đối tượng"), max_length=20, choices=TitleScope.choices)
    coefficient = models.DecimalField(_("hệ số"), max_digits=6, decimal_places=2)
    rounding_step = models.PositiveIntegerField(
        _("làm tròn lên đến (đồng)"), default=1, help_text=_("Ví dụ 10000: làm tròn lên hàng chục nghìn đồng.")
    )
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=500)
    effective_from = models.DateField(_("áp dụng từ"))
    effective_to = models.DateField(_("áp dụng đến"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("hệ số tiền thưởng")
        verbose_name_plural = _("hệ số tiền thưởng")
        ordering = ["scope", "title__position", "award_form__position", "-effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(title__isnull=False, award_form__isnull=True)
                | Q(title__isnull=True, award_form__isnull=False),
                name="coefficient_title_xor_form",
            ),
            models.CheckConstraint(condition=Q(rounding_step__gte=1), name="coefficient_rounding_step_positive"),
        ]

    def __str__(self):
        return f"{self.title or self.award_form} ({self.get_scope_display()}) × {self.coefficient}"


class AwardAmount(models.Model):
    """The money of one award, fixed on its decision's date with the figures it was computed from."""

    award = models.OneToOneField(Award, verbose_name=_("khen thưởng"), on_delete=models.CASCADE, related_name="money")
    decided_on = models.DateField(_("ngày quyết định"))
    coefficient = models.DecimalField(_("hệ số"), max_digits=6, decimal_places=2)
    base_salary = models.PositiveIntegerField(_("mức lương cơ sở"))
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    basis = models.CharField(_("căn cứ"), max_length=1000)

    class Meta:
        verbose_name = _("tiền thưởng")
        verbose_name_plural = _("tiền thưởng")

    def __str__(self):
        return f"{self.award} — {self.amount:,} đ".replace(",", ".")


class RewardFund(models.Model):
    """The reward fund of one awarding body for one year: its budget (what it spent is read from its decisions)."""

    unit = models.ForeignKey(Unit, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="reward_funds")
    year = models.PositiveSmallIntegerField(_("năm"))
    budget = models.PositiveBigIntegerField(_("dự toán quỹ (đồng)"))
    basis = models.CharField(_("căn cứ lập quỹ"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("quỹ thi đua, khen thưởng")
        verbose_name_plural = _("quỹ thi đua, khen thưởng")
        ordering = ["-year", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_fund_per_unit_year")]

    def __str__(self):
        return _("Quỹ thi đua, khen thưởng %(unit)s năm %(year)s") % {"unit": self.unit.name, "year": self.year}
