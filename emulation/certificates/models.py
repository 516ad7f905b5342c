"""Certificates of merit (Giấy khen, Bằng khen): one per award, with a serial number and a public verification token.

Rules
-----
- An administrator chooses each authority's design (layout, serial format, place name): data, not code.
- Serial numbers run per issuing body, authority and year (the decision's year) from 1, with no gap and no duplicate:
  the counter row is locked inside the issuing transaction, so a rolled-back issue gives its number back.
- The serial format fills `{number}`, `{year}` and `{unit}` (the issuing body's code), e.g.
  "{number:05d}/GK-{unit}/{year}" → "00127/GK-SNV/2024"; `{unit}` is required because several bodies act under
  one authority (every Sở under "Giám đốc Sở").
- One certificate per award; its status follows the award (a revoked award's certificate is revoked).
- The verification token is random (≥ 128 bits), unique, and the only way to the public page.
- A decision has one batch; re-running it issues only what is missing.
- A certificate vouches for what it printed: the printed facts (recipient, unit, title, decision number and date,
  issuer, authority, signer, serial, place) are frozen at issue with the SHA-256 of the PDF. A later rename or merger
  changes the live records only; the verification page shows it as "tên hiện nay", never in place of the printed name.
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from emulation.decisions.models import Award, AwardStatus, Decision
from emulation.titles.models import Authority
from units.models import Unit

TOKEN_BYTES = 24  # 192 bits: unguessable; the public page is also rate-limited


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


class CertificateTemplate(models.TextChoices):
    GIAY_KHEN = "giay_khen", _("Giấy khen")
    BANG_KHEN = "bang_khen", _("Bằng khen")


class CertificateDesign(models.Model):
    """The administrator's choice of layout and serial format for the certificates one authority signs."""

    authority = models.OneToOneField(
        Authority, verbose_name=_("thẩm quyền"), on_delete=models.CASCADE, related_name="certificate_design"
    )
    name = models.CharField(_("tên mẫu"), max_length=150)
    template = models.CharField(_("mẫu trình bày"), max_length=20, choices=CertificateTemplate.choices)
    serial_format = models.CharField(
        _("định dạng số hiệu"),
        max_length=80,
        help_text=_("Dùng {number}, {year} và {unit} (mã cơ quan ban hành), ví dụ {number:05d}/GK-{unit}/{year}"),
    )
    place = models.CharField(
        _("địa danh"), max_length=100, blank=True, help_text=_("In trước ngày tháng, ví dụ Đắk Nông")
    )

    class Meta:
        verbose_name = _("mẫu giấy khen, bằng khen")
        verbose_name_plural = _("mẫu giấy khen, bằng khen")
        ordering = ["authority__name"]

    def __str__(self):
        return self.name

    def format_serial(self, *, number: int, year: int, unit_code: str) -> str:
        return self.serial_format.format(number=number, year=year, unit=unit_code)

    def clean(self):
        """The format must name the number, the year and the issuing body, and be a valid format string."""
        missing = [key for key in ("{number", "{year", "{unit") if key not in self.serial_format]
        if missing:
            raise ValidationError({"serial_format": _("Định dạng số hiệu phải có {number}, {year} và {unit}.")})
        try:
            self.format_serial(number=1, year=2025, unit_code="SNV")
        except (KeyError, ValueError, IndexError) as error:
            raise ValidationError({"serial_format": _("Định dạng số hiệu không hợp lệ: %s") % error}) from None


class SerialCounter(models.Model):
    """The last serial number an issuing body used for an authority in a year; locked while issuing."""

    issuer = models.ForeignKey(Unit, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="+")
    authority = models.ForeignKey(Authority, verbose_name=_("thẩm quyền"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"))
    last_number = models.PositiveIntegerField(_("số cuối đã cấp"), default=0)

    class Meta:
        verbose_name = _("bộ đếm số hiệu")
        verbose_name_plural = _("bộ đếm số hiệu")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "authority", "year"], name="one_serial_counter_per_year")
        ]

    def __str__(self):
        return f"{self.issuer} / {self.authority} / {self.year}: {self.last_number}"


class CertificateStatus(models.TextChoices):
    ISSUED = "issued", _("Còn hiệu lực")
    REVOKED = "revoked", _("Đã thu hồi")


class CertificateQuerySet(models.QuerySet):
    def for_user(self, user):
        """Certificates of the awards the user sees: their own, their subtree's for heads, clerks and the council."""
        return self.filter(award__in=Award.objects.for_user(user).values("pk"))

    def of_user(self, user):
        return self.filter(award__person__user=user) if user.is_authenticated else self.none()

    def with_facts(self):
        """Everything a certificate prints, in one query."""
        return self.select_related(
            "award__decision__unit",
            "award__decision__authority",
            "award__person__unit",
            "award__unit",
            "award__title",
            "award__award_form",
            "award__revocation__authority",
        )


def certificate_path(certificate, filename: str) -> str:
    return f"private/certificates/{certificate.year}/{filename}"


class Certificate(models.Model):
    """The printed certificate of one award, with its serial number and public verification token."""

    award = models.OneToOneField(
        Award, verbose_name=_("khen thưởng"), on_delete=models.PROTECT, related_name="certificate"
    )
    issuer = models.ForeignKey(Unit, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="+")
    authority = models.ForeignKey(Authority, verbose_name=_("thẩm quyền"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số thứ tự"))
    serial = models.CharField(_("số hiệu"), max_length=80, unique=True)
    token = models.CharField(_("mã xác thực"), max_length=64, unique=True, default=new_token, editable=False)
    template = models.CharField(_("mẫu trình bày"), max_length=20, choices=CertificateTemplate.choices)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    pdf = models.FileField(_("tệp PDF"), upload_to=certificate_path, max_length=200, blank=True)
    printed = models.JSONField(_("nội dung đã in"), default=dict, editable=False)
    pdf_sha256 = models.CharField(_("SHA-256 của tệp PDF"), max_length=64, blank=True, editable=False)
    issued_at = models.DateTimeField(_("cấp lúc"), default=timezone.now)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("giấy khen, bằng khen đã cấp")
        verbose_name_plural = _("giấy khen, bằng khen đã cấp")
        ordering = ["-year", "issuer", "authority", "number"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "authority", "year", "number"], name="unique_certificate_number")
        ]

    def __str__(self):
        return self.serial

    @property
    def status(self) -> str:
        """Follows the award: revoked when the award (or the whole decision) was revoked."""
        return CertificateStatus.REVOKED if self.award.status == AwardStatus.REVOKED else CertificateStatus.ISSUED

    @property
    def is_revoked(self) -> bool:
        return self.status == CertificateStatus.REVOKED

    def get_status_display(self) -> str:
        return CertificateStatus(self.status).label

    @property
    def verify_url(self) -> str:
        return f"{settings.SITE_URL}/verify/{self.token}/"


class BatchStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang in")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Có lỗi")


def batch_path(batch, filename: str) -> str:
    return f"private/certificate-batches/{batch.decision_id}/{filename}"


class CertificateBatch(models.Model):
    """The background issue of every certificate of one decision, with its progress and its outputs."""

    decision = models.OneToOneField(
        Decision, verbose_name=_("quyết định"), on_delete=models.PROTECT, related_name="certificate_batch"
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=BatchStatus.choices, default=BatchStatus.QUEUED)
    total = models.PositiveIntegerField(_("tổng số"), default=0)
    done = models.PositiveIntegerField(_("đã cấp"), default=0)
    failed = models.PositiveIntegerField(_("lỗi"), default=0)
    errors = models.JSONField(_("chi tiết lỗi"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người yêu cầu"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("yêu cầu lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)
    updated_at = models.DateTimeField(_("tiến triển lúc"), default=timezone.now)
    register_xlsx = models.FileField(_("sổ theo dõi (XLSX)"), upload_to=batch_path, max_length=200, blank=True)
    register_pdf = models.FileField(_("sổ theo dõi (PDF)"), upload_to=batch_path, max_length=200, blank=True)

    class Meta:
        verbose_name = _("đợt in giấy khen")
        verbose_name_plural = _("đợt in giấy khen")

    def __str__(self):
        return str(self.decision)

    @property
    def is_active(self) -> bool:
        return self.status in (BatchStatus.QUEUED, BatchStatus.RUNNING)

    @property
    def is_stalled(self) -> bool:
        """Queued or running, yet without progress for CERTIFICATE_BATCH_STALL_SECONDS: its task was lost (e.g. the
        broker restarted), so it may be started again — safely, as issuing is idempotent."""
        limit = timezone.now() - datetime.timedelta(seconds=settings.CERTIFICATE_BATCH_STALL_SECONDS)
        return self.is_active and self.updated_at < limit

    @property
    def percent(self) -> int:
        return min(100, round(100 * (self.done + self.failed) / self.total)) if self.total else 0

    @property
    def register_pending(self) -> bool:
        """Finished, with its register (sổ theo dõi) still being written by its own task."""
        return not self.is_active and not self.register_pdf


class CertificateChunk(models.Model):
    """A slice of a batch's awards (CERTIFICATE_CHUNK_SIZE of them) issued by one worker at a time: several workers
    share a batch chunk by chunk. The worker beats the heartbeat every few certificates; a chunk whose heartbeat is
    older than CERTIFICATE_CHUNK_STALE_SECONDS lost its worker and is taken over (by a redelivered task or by the
    beat task that re-enqueues stale chunks)."""

    batch = models.ForeignKey(CertificateBatch, on_delete=models.CASCADE, related_name="chunks")
    awards = models.JSONField(_("khen thưởng"), default=list)
    done = models.BooleanField(_("xong"), default=False)
    heartbeat = models.DateTimeField(_("nhịp gần nhất"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần nhận"), default=0)
    errors = models.JSONField(_("chi tiết lỗi"), default=list, blank=True)

    class Meta:
        verbose_name = _("phần của đợt in giấy khen")
        verbose_name_plural = _("phần của đợt in giấy khen")
        indexes = [models.Index(fields=["done", "heartbeat"], name="certificate_chunk_stale")]

    def __str__(self):
        return f"{self.batch} #{self.pk}"
