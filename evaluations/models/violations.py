"""Violations (found at an inspection or recorded from a document) and their photo evidence."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from evaluations.models.inspections import Inspection, InspectionStatus, unit_scope
from units.models import Person, Role, Unit
from units.permissions import has_role

# Roles that may read the person's name on a sensitive violation (besides the person and the inspectors on it).
NAMING_ROLES = (Role.UNIT_HEAD, Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY)


class ViolationStatus(models.TextChoices):
    RECORDED = "recorded", _("Đã ghi nhận")
    CONTESTED = "contested", _("Đang khiếu nại")
    UPHELD = "upheld", _("Giữ nguyên")
    DISMISSED = "dismissed", _("Hủy bỏ")


def inspection_ids_of(user) -> set[int]:
    """Inspections the user is on the team of, cached on the user object for the request."""
    if not hasattr(user, "_inspection_ids"):
        user._inspection_ids = set(
            Inspection.team.through.objects.filter(user=user).values_list("inspection_id", flat=True)
        )
    return user._inspection_ids


class ViolationQuerySet(models.QuerySet):
    def for_user(self, user):
        """Administrators see all of their units; heads, clerks and the council see their units' violations once
        the inspection is submitted; inspectors see what their teams or they recorded; staff see their own."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        published = Q(inspection__isnull=True) | Q(inspection__status=InspectionStatus.SUBMITTED)
        administered = unit_scope(user, "unit", {Role.ADMINISTRATOR})
        by_unit = published & unit_scope(user, "unit")
        team = Q(inspection_id__in=inspection_ids_of(user)) | Q(recorded_by=user)
        own = published & Q(person__user=user)
        return self.filter(administered | by_unit | team | own)

    def upheld(self):
        """Only upheld violations count towards scores and eligibility."""
        return self.filter(status=ViolationStatus.UPHELD)

    def between(self, start, end):
        """Violations that occurred on a day from `start` to `end`, both included."""
        return self.filter(occurred_at__date__gte=start, occurred_at__date__lte=end)

    def awaiting_appeal_window(self, day):
        return self.filter(status=ViolationStatus.RECORDED, appeal_deadline__gte=day)


class Violation(models.Model):
    """An observed breach about a unit and, when known, a person. Recorded → contested → upheld | dismissed."""

    inspection = models.ForeignKey(
        Inspection,
        verbose_name=_("cuộc kiểm tra"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="violations",
    )
    document_reference = models.CharField(_("số văn bản"), max_length=100, blank=True)
    document_date = models.DateField(_("ngày văn bản"), null=True, blank=True)
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="violations")
    person = models.ForeignKey(
        Person,
        verbose_name=_("người vi phạm"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="violations",
    )
    type = models.ForeignKey("ViolationType", verbose_name=_("loại vi phạm"), on_delete=models.PROTECT)
    occurred_at = models.DateTimeField(_("thời điểm vi phạm"))
    description = models.TextField(_("mô tả"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=ViolationStatus.choices, default=ViolationStatus.RECORDED
    )
    appeal_deadline = models.DateField(_("hạn khiếu nại"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)
    # The one-time token of the form that created it: a repeated POST returns this record instead of a new one.
    client_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = ViolationQuerySet.as_manager()

    class Meta:
        verbose_name = _("vi phạm")
        verbose_name_plural = _("vi phạm")
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["status", "occurred_at"]), models.Index(fields=["unit", "occurred_at"])]

    def __str__(self):
        return _("%(type)s — %(unit)s") % {"type": self.type.name, "unit": self.unit}

    @property
    def is_standalone(self) -> bool:
        return self.inspection_id is None

    def names_person_to(self, user) -> bool:
        """A sensitive violation (alcohol, conduct) names the person only to the unit head, the council,
        the inspectors who recorded it and the person themself; everyone else sees the unit only."""
        if not self.type.sensitive or user.is_superuser:
            return True
        if self.person_id and self.person.user_id == user.pk:
            return True
        if self.recorded_by_id == user.pk or self.inspection_id in inspection_ids_of(user):
            return True
        return has_role(user, *NAMING_ROLES, unit=self.unit)

    def person_label_for(self, user) -> str:
        if self.person_id is None:
            return ""
        return self.person.full_name if self.names_person_to(user) else str(_("(ẩn danh)"))


def evidence_path(instance, filename: str) -> str:
    """A random name under the private folder: nothing guessable, nothing from the uploader."""
    return f"evidence/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1]}"


class Evidence(models.Model):
    """A photo of a violation, re-encoded without metadata, with a thumbnail; served only through a checked view."""

    violation = models.ForeignKey(Violation, on_delete=models.CASCADE, related_name="evidence")
    image = models.FileField(_("ảnh"), upload_to=evidence_path, max_length=200)
    thumbnail = models.FileField(_("ảnh thu nhỏ"), upload_to=evidence_path, max_length=200)
    content_type = models.CharField(max_length=40)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    byte_size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ảnh minh chứng")
        verbose_name_plural = _("ảnh minh chứng")
        ordering = ["pk"]

    def __str__(self):
        return _("Ảnh %(pk)s của vi phạm %(violation)s") % {"pk": self.pk, "violation": self.violation_id}
