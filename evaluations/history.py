"""State history: every status change of an inspection, violation, appeal or corrective action."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StatusChangeQuerySet(models.QuerySet):
    def for_object(self, obj):
        """The changes of one record, oldest first."""
        content_type = ContentType.objects.get_for_model(obj)
        return self.filter(content_type=content_type, object_id=obj.pk).select_related("by").order_by("at", "pk")


class StatusChange(models.Model):
    """Who moved a record from one status to another, when, and why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    from_status = models.CharField(_("từ"), max_length=30, blank=True)
    to_status = models.CharField(_("sang"), max_length=30)
    reason = models.TextField(_("lý do"), blank=True)

    objects = StatusChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("lịch sử trạng thái")
        verbose_name_plural = _("lịch sử trạng thái")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.from_status or '∅'} → {self.to_status}"

    def status_label(self, value: str) -> str:
        """The human label of a status value, read from the subject's `status` field choices."""
        field = self.content_type.model_class()._meta.get_field("status")
        return str(dict(field.choices).get(value, value)) if value else "—"

    @property
    def from_label(self) -> str:
        return self.status_label(self.from_status)

    @property
    def to_label(self) -> str:
        return self.status_label(self.to_status)


def record_status_change(*, obj, to_status: str, by=None, from_status: str = "", reason: str = "", at=None):
    """Append one line to the record's history; call it in the same transaction as the change itself."""
    return StatusChange.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        by=by,
        at=at or timezone.now(),
        from_status=from_status,
        to_status=to_status,
        reason=reason,
    )
