"""Movements (phong trào thi đua), their periods, the items units can pledge, and emulation blocs."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from units.models import Unit


class Movement(models.Model):
    """An emulation movement launched by a document, e.g. QĐ 733/QĐ-TTg (2019–2025) on office culture."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên phong trào"), max_length=255)
    launching_document = models.CharField(_("văn bản phát động"), max_length=255, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("phong trào kế tiếp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )
    active = models.BooleanField(_("đang triển khai"), default=True)

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-start_year", "name"]

    def __str__(self):
        return self.name


class PeriodStatus(models.TextChoices):
    SETUP = "setup", _("Chuẩn bị")
    REGISTRATION = "registration", _("Đăng ký thi đua")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    REVIEW = "review", _("Chấm điểm, đánh giá")
    COUNCIL = "council", _("Hội đồng xét")
    FINALIZED = "finalized", _("Đã kết thúc")


PERIOD_FLOW = list(PeriodStatus.values)


class PeriodQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=PeriodStatus.FINALIZED)


class Period(models.Model):
    """A yearly (or custom) period of a movement, with its registration deadline and status."""

    movement = models.ForeignKey(
        Movement, verbose_name=_("phong trào"), on_delete=models.PROTECT, related_name="periods"
    )
    name = models.CharField(_("tên kỳ"), max_length=100)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    registration_deadline = models.DateTimeField(_("hạn đăng ký"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=PeriodStatus.choices, default=PeriodStatus.SETUP)

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("kỳ thi đua")
        verbose_name_plural = _("kỳ thi đua")
        ordering = ["-starts_on", "movement__name"]
        constraints = [
            models.UniqueConstraint(fields=["movement", "name"], name="unique_period_name"),
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="period_dates_order"),
        ]

    def __str__(self):
        return f"{self.movement.name} — {self.name}"

    @property
    def is_read_only(self) -> bool:
        """A finalized period cannot change until it is re-opened (with a record)."""
        return self.status == PeriodStatus.FINALIZED

    @property
    def accepts_pledges(self) -> bool:
        """Pledges are prepared and submitted while registration is open or the period is running."""
        return self.status in {PeriodStatus.REGISTRATION, PeriodStatus.IN_PROGRESS}

    @property
    def accepts_self_assessment(self) -> bool:
        """Claims and their verification happen while the period runs; review freezes the scores they feed."""
        return self.status == PeriodStatus.IN_PROGRESS

    def is_past_deadline(self, at=None) -> bool:
        """Past the deadline means strictly after it: a submission at the deadline itself is on time."""
        return (at or timezone.now()) > self.registration_deadline

    @property
    def days_from_deadline(self) -> int:
        """Whole days between today and the registration deadline: positive before it, negative after it."""
        deadline = self.registration_deadline
        day = timezone.localdate(deadline) if timezone.is_aware(deadline) else deadline.date()
        return (day - timezone.localdate()).days

    @property
    def days_past_deadline(self) -> int:
        return -self.days_from_deadline

    def next_status(self) -> str | None:
        index = PERIOD_FLOW.index(self.status)
        return PERIOD_FLOW[index + 1] if index + 1 < len(PERIOD_FLOW) else None


class PeriodReopening(models.Model):
    """The record kept when a finalized period is opened again for changes."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="reopenings")
    reopened_at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người mở lại"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("lý do"))
    status_after = models.CharField(_("trạng thái sau khi mở"), max_length=20, choices=PeriodStatus.choices)

    class Meta:
        verbose_name = _("lần mở lại kỳ thi đua")
        verbose_name_plural = _("lần mở lại kỳ thi đua")
        ordering = ["-reopened_at"]

    def __str__(self):
        return f"{self.period} — {self.reopened_at:%d/%m/%Y}"


class CommitmentItem(models.Model):
    """Something a unit can pledge under a movement, e.g. "Không uống rượu, bia buổi trưa ngày làm việc"."""

    movement = models.ForeignKey(
        Movement, verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="commitment_items"
    )
    code = models.CharField(_("mã"), max_length=30)
    text = models.CharField(_("nội dung cam kết"), max_length=500)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("nội dung cam kết")
        verbose_name_plural = _("nội dung cam kết")
        ordering = ["movement", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["movement", "code"], name="unique_commitment_code")]

    def __str__(self):
        return self.text


class BlocKind(models.TextChoices):
    KHOI = "khoi", _("Khối thi đua")
    CUM = "cum", _("Cụm thi đua")


class Bloc(models.Model):
    """An emulation bloc or cluster of a period: member units ranked together, led by one of them."""

    period = models.ForeignKey(Period, verbose_name=_("kỳ thi đua"), on_delete=models.CASCADE, related_name="blocs")
    name = models.CharField(_("tên khối/cụm"), max_length=255)
    kind = models.CharField(_("loại"), max_length=10, choices=BlocKind.choices, default=BlocKind.KHOI)
    members = models.ManyToManyField(Unit, through="BlocMembership", related_name="blocs", verbose_name=_("thành viên"))
    leader = models.ForeignKey(
        Unit, verbose_name=_("trưởng khối/cụm"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    deputy = models.ForeignKey(
        Unit, verbose_name=_("phó khối/cụm"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("khối, cụm thi đua")
        verbose_name_plural = _("khối, cụm thi đua")
        ordering = ["period", "name"]
        constraints = [models.UniqueConstraint(fields=["period", "name"], name="unique_bloc_name")]

    def __str__(self):
        return self.name


class BlocMembership(models.Model):
    """A unit's place in a bloc; a unit belongs to at most one bloc per period."""

    bloc = models.ForeignKey(Bloc, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="bloc_memberships")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="+", editable=False)

    class Meta:
        verbose_name = _("thành viên khối/cụm")
        verbose_name_plural = _("thành viên khối/cụm")
        constraints = [models.UniqueConstraint(fields=["period", "unit"], name="one_bloc_per_unit_and_period")]

    def __str__(self):
        return f"{self.bloc} — {self.unit}"

    def save(self, *args, **kwargs):
        # The period is copied from the bloc so the database itself enforces one bloc per unit and period.
        self.period_id = self.bloc.period_id
        super().save(*args, **kwargs)
