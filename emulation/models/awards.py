"""Award forms (Giấy khen, Bằng khen …) and the authorities that confer titles and forms, as dated data."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emulation.models.titles import Title
from units.models import Level


class AwardScope(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    BOTH = "both", _("Cá nhân và tập thể")


class AwardForm(models.Model):
    """A commendation form (hình thức khen thưởng) with its level and legal basis (Law 2022 Điều 72–75)."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên hình thức"), max_length=255)
    scope = models.CharField(_("đối tượng"), max_length=20, choices=AwardScope.choices, default=AwardScope.BOTH)
    level = models.CharField(_("cấp"), max_length=20, choices=Level.choices)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=500, blank=True)
    effective_date = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("hình thức khen thưởng")
        verbose_name_plural = _("hình thức khen thưởng")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Authority(models.Model):
    """Who signs: e.g. Chủ tịch UBND tỉnh, Giám đốc Sở, Chủ tịch UBND xã — acting for units of one level."""

    code = models.CharField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên thẩm quyền"), max_length=255)
    unit_level = models.CharField(_("cấp đơn vị"), max_length=20, choices=Level.choices)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=500, blank=True)
    effective_from = models.DateField(_("hiệu lực từ"))
    effective_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("thẩm quyền khen thưởng")
        verbose_name_plural = _("thẩm quyền khen thưởng")
        ordering = ["unit_level", "name"]

    def __str__(self):
        return self.name


class AuthorityPowerQuerySet(models.QuerySet):
    def in_force(self, day):
        return self.filter(effective_from__lte=day).filter(Q(effective_to__isnull=True) | Q(effective_to__gte=day))


class AuthorityPower(models.Model):
    """That an authority may confer a title or an award form, from a date, on a legal basis."""

    authority = models.ForeignKey(
        Authority, verbose_name=_("thẩm quyền"), on_delete=models.CASCADE, related_name="powers"
    )
    title = models.ForeignKey(
        Title, verbose_name=_("danh hiệu"), null=True, blank=True, on_delete=models.CASCADE, related_name="powers"
    )
    award_form = models.ForeignKey(
        AwardForm,
        verbose_name=_("hình thức khen thưởng"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="powers",
    )
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=500)
    effective_from = models.DateField(_("hiệu lực từ"))
    effective_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    objects = AuthorityPowerQuerySet.as_manager()

    class Meta:
        verbose_name = _("quyền khen thưởng")
        verbose_name_plural = _("quyền khen thưởng")
        ordering = ["authority", "effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(title__isnull=False, award_form__isnull=True)
                | Q(title__isnull=True, award_form__isnull=False),
                name="power_title_xor_form",
            )
        ]

    def __str__(self):
        return f"{self.authority} → {self.title or self.award_form}"
