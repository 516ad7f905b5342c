"""The ranking PDF of a period, built in the background for the user who asked (it prints what they may see)."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from emulation.movements.models import Period


class PrintStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang lập")
    DONE = "done", _("Đã xong")
    FAILED = "failed", _("Có lỗi")


def print_path(job, filename: str) -> str:
    return f"private/ranking-prints/{job.period_id}/{filename}"


class RankingPrint(models.Model):
    """One request for the ranking sheet: the user, the period and the filters (`query`, canonical), its progress
    (pages laid out of the pages expected) and the file once done. The same user, period and filters reuse it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="+")
    query = models.CharField(_("bộ lọc"), max_length=500, blank=True)
    status = models.CharField(_("trạng thái"), max_length=12, choices=PrintStatus.choices, default=PrintStatus.QUEUED)
    units = models.PositiveIntegerField(_("số đơn vị"), default=0)
    pages = models.PositiveIntegerField(_("số trang đã dàn"), default=0)
    expected_pages = models.PositiveIntegerField(_("số trang dự kiến"), default=0)
    error = models.CharField(_("lỗi"), max_length=300, blank=True)
    file = models.FileField(_("tệp PDF"), upload_to=print_path, max_length=200, blank=True)
    created_at = models.DateTimeField(_("yêu cầu lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("tiến triển lúc"), default=timezone.now)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("bản in bảng xếp hạng")
        verbose_name_plural = _("bản in bảng xếp hạng")
        indexes = [models.Index(fields=["user", "period", "query"], name="ranking_print_request")]

    def __str__(self):
        return f"{self.period} — {self.user}"

    @property
    def is_active(self) -> bool:
        return self.status in (PrintStatus.QUEUED, PrintStatus.RUNNING)

    @property
    def is_stalled(self) -> bool:
        """Queued or running without progress for CERTIFICATE_BATCH_STALL_SECONDS: its task was lost."""
        limit = timezone.now() - datetime.timedelta(seconds=settings.CERTIFICATE_BATCH_STALL_SECONDS)
        return self.is_active and self.updated_at < limit

    @property
    def percent(self) -> int:
        if self.status == PrintStatus.DONE:
            return 100
        return min(99, round(100 * self.pages / self.expected_pages)) if self.expected_pages else 0
