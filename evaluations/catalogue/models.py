"""What an inspector can tick and what a violation is: the checklist catalogue, violation types, appeal policy."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ViolationCategory(models.TextChoices):
    DRESS = "dress", _("Trang phục")
    BADGE = "badge", _("Thẻ công chức")
    CONDUCT = "conduct", _("Giao tiếp, ứng xử")
    DISCIPLINE = "discipline", _("Kỷ luật, giờ giấc")
    ALCOHOL = "alcohol", _("Rượu, bia")
    SMOKING = "smoking", _("Hút thuốc")
    OFFICE = "office", _("Bài trí công sở")
    GAMBLING = "gambling", _("Cờ bạc")
    FESTIVALS = "festivals", _("Lễ hội")


class Severity(models.TextChoices):
    MINOR = "minor", _("Nhẹ")
    SERIOUS = "serious", _("Nghiêm trọng")
    GRAVE = "grave", _("Đặc biệt nghiêm trọng")


class ChecklistItem(models.Model):
    """One observable item of the office-culture checklist (e.g. ID-01: staff card worn during working hours)."""

    code = models.CharField(_("mã"), max_length=20, unique=True)
    category = models.CharField(_("nhóm"), max_length=20, choices=ViolationCategory.choices)
    text = models.CharField(_("nội dung kiểm tra"), max_length=500)
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    violation_type = models.ForeignKey(
        "ViolationType",
        verbose_name=_("loại vi phạm khi không đạt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="checklist_items",
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("mục kiểm tra")
        verbose_name_plural = _("danh mục kiểm tra")
        ordering = ["position", "code"]

    def __str__(self):
        return f"{self.code} — {self.text}"


class ViolationType(models.Model):
    """A kind of violation with its severity, default deduction, title bars and legal basis (all data)."""

    code = models.CharField(_("mã"), max_length=20, unique=True)
    name = models.CharField(_("tên loại vi phạm"), max_length=255)
    category = models.CharField(_("nhóm"), max_length=20, choices=ViolationCategory.choices)
    severity = models.CharField(_("mức độ"), max_length=10, choices=Severity.choices, default=Severity.MINOR)
    default_deduction = models.DecimalField(_("điểm trừ mặc định"), max_digits=5, decimal_places=2, default=0)
    bars_person_titles = models.BooleanField(_("không xét danh hiệu cá nhân"), default=False)
    bars_unit_titles = models.BooleanField(_("không xét danh hiệu tập thể"), default=False)
    sensitive = models.BooleanField(
        _("nhạy cảm"),
        default=False,
        help_text=_("Chỉ thủ trưởng đơn vị, kiểm tra viên, Hội đồng và chính người vi phạm thấy tên người vi phạm."),
    )
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255, blank=True)
    effective_from = models.DateField(_("áp dụng từ"), null=True, blank=True)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("loại vi phạm")
        verbose_name_plural = _("loại vi phạm")
        ordering = ["category", "code"]

    def __str__(self):
        return f"{self.code} — {self.name}"


class AppealPolicyQuerySet(models.QuerySet):
    def current(self, on=None) -> "AppealPolicy":
        """The policy in force on a day (today by default); an unsaved 7-day default when none is recorded."""
        day = on or timezone.localdate()
        policy = self.filter(effective_from__lte=day).order_by("-effective_from", "-pk").first()
        return policy or AppealPolicy()


class AppealPolicy(models.Model):
    """How long a unit has to contest a violation after being notified; editable by administrators."""

    appeal_window_days = models.PositiveSmallIntegerField(_("thời hạn khiếu nại (ngày)"), default=7)
    effective_from = models.DateField(_("áp dụng từ"), default=timezone.localdate)
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)

    objects = AppealPolicyQuerySet.as_manager()

    class Meta:
        verbose_name = _("quy định khiếu nại")
        verbose_name_plural = _("quy định khiếu nại")
        ordering = ["-effective_from"]

    def __str__(self):
        return _("%(days)s ngày, từ %(date)s") % {"days": self.appeal_window_days, "date": self.effective_from}
