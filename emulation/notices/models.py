"""Which titles and award forms a nomination must be published for before the council considers it (Law 06/2022
Điều 84 khoản 5; national rules name the high forms, a province may add its own): data with its legal basis."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emulation.titles.dated import DatedQuerySet
from emulation.titles.models import AwardForm, Title

SATURDAY = 5


class ConsultationRule(models.Model):
    """Nominations for this title or form are published for public comment for `days` days once vetted."""

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
    days = models.PositiveSmallIntegerField(_("số ngày lấy ý kiến"))
    working_days = models.BooleanField(
        _("tính theo ngày làm việc"),
        default=False,
        help_text=_("Bỏ qua thứ Bảy, Chủ nhật; ngày nghỉ lễ, Tết chưa được trừ — cán bộ kiểm tra lại ngày kết thúc."),
    )
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=500)
    effective_from = models.DateField(_("áp dụng từ"))
    effective_to = models.DateField(_("áp dụng đến"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("quy định lấy ý kiến công khai")
        verbose_name_plural = _("quy định lấy ý kiến công khai")
        ordering = ["-effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(title__isnull=False, award_form__isnull=True)
                | Q(title__isnull=True, award_form__isnull=False),
                name="consultation_title_xor_form",
            )
        ]

    def __str__(self):
        return f"{self.title or self.award_form} — {self.days}"

    def closes(self, opens: datetime.date) -> datetime.date:
        """The last day of the window opened on `opens`: the opening day is not counted (Bộ luật Dân sự 2015,
        Điều 147 khoản 1); with working days, Saturdays and Sundays are skipped."""
        if not self.working_days:
            return opens + datetime.timedelta(days=self.days)
        day, left = opens, self.days
        while left:
            day += datetime.timedelta(days=1)
            left -= day.weekday() < SATURDAY
        return day
