"""The title catalogue (danh hiệu thi đua): minimal now, extended later with eligibility rules."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TitleScope(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")


class TitleLevel(models.TextChoices):
    GRASSROOTS = "grassroots", _("Cơ sở")
    PROVINCE = "province", _("Cấp tỉnh, bộ, ngành")
    NATIONAL = "national", _("Toàn quốc")


class TitleQuerySet(models.QuerySet):
    def individual(self):
        return self.filter(scope=TitleScope.INDIVIDUAL, active=True)

    def collective(self):
        return self.filter(scope=TitleScope.COLLECTIVE, active=True)


class Title(models.Model):
    """An emulation title a person or a collective may aim for and earn (Law 2022 Điều 24–27)."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên danh hiệu"), max_length=255)
    scope = models.CharField(_("đối tượng"), max_length=20, choices=TitleScope.choices)
    level = models.CharField(_("cấp"), max_length=20, choices=TitleLevel.choices)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255, blank=True)
    effective_date = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    active = models.BooleanField(_("đang dùng"), default=True)

    objects = TitleQuerySet.as_manager()

    class Meta:
        verbose_name = _("danh hiệu thi đua")
        verbose_name_plural = _("danh hiệu thi đua")
        ordering = ["scope", "position", "name"]

    def __str__(self):
        return self.name
