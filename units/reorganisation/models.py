"""A reorganisation act (merge, split, rename, move, dissolve) with its legal basis and effective date, and every
change it made, kept so that the act can be shown, and undone before it takes effect."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from units.models import Person, Unit, User


class ReorganisationKind(models.TextChoices):
    MERGE = "merge", _("Sáp nhập, hợp nhất")
    SPLIT = "split", _("Chia tách")
    RENAME = "rename", _("Đổi tên")
    MOVE = "move", _("Chuyển đơn vị cấp trên")
    DISSOLVE = "dissolve", _("Giải thể")


class ReorganisationStatus(models.TextChoices):
    RECORDED = "recorded", _("Đã ghi nhận")
    REVERSED = "reversed", _("Đã hủy bỏ")


class Reorganisation(models.Model):
    """One dated act of reorganisation, on the basis of a resolution (số và ngày nghị quyết)."""

    kind = models.CharField(_("loại sắp xếp"), max_length=20, choices=ReorganisationKind.choices)
    resolution_number = models.CharField(_("số nghị quyết, quyết định"), max_length=100)
    resolution_date = models.DateField(_("ngày ban hành"))
    effective_on = models.DateField(_("ngày có hiệu lực"))
    note = models.TextField(_("ghi chú"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=ReorganisationStatus.choices, default=ReorganisationStatus.RECORDED
    )
    recorded_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), default=timezone.now)
    reversed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    reversed_at = models.DateTimeField(_("hủy bỏ lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("sắp xếp đơn vị")
        verbose_name_plural = _("sắp xếp đơn vị")
        ordering = ["-effective_on", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.resolution_number}"

    @property
    def is_reversible(self) -> bool:
        """Only a recorded act that has not yet taken effect may be undone."""
        return self.status == ReorganisationStatus.RECORDED and self.effective_on > timezone.localdate()


class ChangeKind(models.TextChoices):
    OPEN_UNIT = "open_unit", _("Thành lập đơn vị")
    CLOSE_UNIT = "close_unit", _("Chấm dứt hoạt động đơn vị")
    MOVE_UNIT = "move_unit", _("Chuyển đơn vị cấp trên")
    MOVE_PERSON = "move_person", _("Chuyển cán bộ")
    DEACTIVATE_PERSON = "deactivate_person", _("Cán bộ thôi công tác tại đơn vị")
    MOVE_ROLE = "move_role", _("Chuyển phân quyền")
    END_ROLE = "end_role", _("Chấm dứt phân quyền")


class ReorganisationChange(models.Model):
    """One change an act made, with what was there before (so the act can be undone and shown)."""

    reorganisation = models.ForeignKey(Reorganisation, on_delete=models.CASCADE, related_name="changes")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(_("thay đổi"), max_length=30, choices=ChangeKind.choices)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    user = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    role = models.CharField(max_length=30, blank=True)
    from_unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    to_unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    previous = models.JSONField(default=dict, blank=True)
    # A unit's move to another parent waits for the act's effective day (applied then by the hourly task).
    pending = models.BooleanField(_("chờ đến ngày có hiệu lực"), default=False)
    description = models.CharField(_("mô tả"), max_length=500)

    class Meta:
        verbose_name = _("thay đổi do sắp xếp")
        verbose_name_plural = _("thay đổi do sắp xếp")
        ordering = ["reorganisation", "position"]

    def __str__(self):
        return self.description
