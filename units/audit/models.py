"""The audit log: decisive events in a hash chain (each entry carries the hash of the one before it)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    VIOLATION_UPHELD = "violation_upheld", _("Vi phạm được giữ nguyên")
    VIOLATION_DISMISSED = "violation_dismissed", _("Vi phạm bị hủy bỏ")
    APPEAL_DECIDED = "appeal_decided", _("Khiếu nại được giải quyết")
    PERIOD_FROZEN = "period_frozen", _("Kỳ thi đua được khóa điểm")
    PERIOD_REOPENED = "period_reopened", _("Kỳ thi đua được mở lại")
    BALLOT_OPENED = "ballot_opened", _("Mở bỏ phiếu")
    BALLOT_CLOSED = "ballot_closed", _("Kết thúc bỏ phiếu")
    DECISION_SIGNED = "decision_signed", _("Quyết định được ký")
    AWARD_REVOKED = "award_revoked", _("Khen thưởng bị thu hồi")
    AWARD_ANNULLED = "award_annulled", _("Khen thưởng bị hủy bỏ")
    CERTIFICATE_ISSUED = "certificate_issued", _("Cấp giấy chứng nhận")
    CERTIFICATE_REVOKED = "certificate_revoked", _("Thu hồi giấy chứng nhận")
    ROLE_GRANTED = "role_granted", _("Cấp vai trò")
    ROLE_REMOVED = "role_removed", _("Thu hồi vai trò")


class AuditEntry(models.Model):
    """One decisive event. Written once by `units.audit.log.record_event`; never changed or deleted."""

    seq = models.PositiveBigIntegerField(_("số thứ tự"), unique=True)
    at = models.DateTimeField(_("thời điểm"))
    kind = models.CharField(_("loại sự kiện"), max_length=30, choices=EventKind.choices)
    actor_id = models.BigIntegerField(_("mã người thực hiện"), null=True, blank=True)
    actor_name = models.CharField(_("người thực hiện"), max_length=255, blank=True)
    object_type = models.CharField(_("loại đối tượng"), max_length=60)
    object_id = models.CharField(_("mã đối tượng"), max_length=40, blank=True)
    summary = models.CharField(_("nội dung"), max_length=500)
    data = models.JSONField(_("chi tiết"), default=dict, blank=True)
    prev_hash = models.CharField(_("mã của bản ghi trước"), max_length=64)
    hash = models.CharField(_("mã bản ghi"), max_length=64)

    class Meta:
        verbose_name = _("nhật ký sự kiện")
        verbose_name_plural = _("nhật ký sự kiện")
        ordering = ["-seq"]
        indexes = [models.Index(fields=["kind", "at"])]

    def __str__(self):
        return f"#{self.seq} {self.get_kind_display()}"
