"""Inspections (a team's visit to a unit on a day, the result of each checklist item) and the violations they or
documents record, with their photo evidence."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from units.models import Person, Role, Unit
from units.permissions import has_role, role_paths

# Roles that see what happened in the units they reach once an inspection is submitted.
UNIT_SCOPE_ROLES = {Role.ADMINISTRATOR, Role.UNIT_HEAD, Role.UNIT_CLERK, Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY}


class InspectionKind(models.TextChoices):
    SCHEDULED = "scheduled", _("Theo kế hoạch")
    UNANNOUNCED = "unannounced", _("Đột xuất")
    SELF = "self", _("Tự kiểm tra")


class InspectionStatus(models.TextChoices):
    DRAFT = "draft", _("Đang thực hiện")
    SUBMITTED = "submitted", _("Đã nộp")


class ItemOutcome(models.TextChoices):
    PASS = "pass", _("Đạt")
    FAIL = "fail", _("Không đạt")
    NOT_APPLICABLE = "na", _("Không áp dụng")


def unit_scope(user, field: str, roles=UNIT_SCOPE_ROLES) -> Q:
    """Rows whose `field` unit lies in the subtree of a unit where the user holds one of `roles`.

    The subtree's unit ids are read first (one indexed query) and the rows are filtered on their own unit column, so
    the database reaches them through that column's index instead of joining every row of the table to its unit to
    compare paths."""
    paths = sorted({path for role, path in role_paths(user) if role in roles})
    if not paths:
        return Q(pk__in=[])
    units = Unit.objects.subtree_of_paths(paths).order_by("pk").values_list("pk", flat=True)
    return Q(**{f"{field}__in": list(units)})


class InspectionQuerySet(models.QuerySet):
    def for_user(self, user):
        """Administrators see every inspection of their units; team members see theirs (drafts included);
        unit heads, clerks and the council see submitted inspections of the units they reach."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        administered = unit_scope(user, "unit", {Role.ADMINISTRATOR})
        submitted = Q(status=InspectionStatus.SUBMITTED) & unit_scope(user, "unit")
        on_team = Q(pk__in=inspection_ids_of(user))
        return self.filter(administered | submitted | on_team)

    def drafts(self):
        return self.filter(status=InspectionStatus.DRAFT)


class Inspection(models.Model):
    """A team's visit to a unit on a day. Draft while the team works; read-only once submitted."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị được kiểm tra"), on_delete=models.PROTECT)
    date = models.DateField(_("ngày kiểm tra"))
    kind = models.CharField(_("hình thức"), max_length=20, choices=InspectionKind.choices)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=InspectionStatus.choices, default=InspectionStatus.DRAFT
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trưởng đoàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_inspections",
    )
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("đoàn kiểm tra"), related_name="inspections", blank=True
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("lập lúc"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The one-time token of the form that submitted it: a repeated POST with it is answered, not re-applied.
    submit_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = InspectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("cuộc kiểm tra")
        verbose_name_plural = _("cuộc kiểm tra")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["unit", "date"]), models.Index(fields=["status", "date"])]

    def __str__(self):
        return _("Kiểm tra %(unit)s ngày %(date)s") % {"unit": self.unit, "date": self.date.strftime("%d/%m/%Y")}

    @property
    def is_draft(self) -> bool:
        return self.status == InspectionStatus.DRAFT


class ItemResult(models.Model):
    """What the team found for one checklist item: pass, fail or not applicable, with a note."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="results")
    item = models.ForeignKey("ChecklistItem", verbose_name=_("mục kiểm tra"), on_delete=models.PROTECT)
    outcome = models.CharField(_("kết quả"), max_length=10, choices=ItemOutcome.choices)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("kết quả mục kiểm tra")
        verbose_name_plural = _("kết quả mục kiểm tra")
        constraints = [models.UniqueConstraint(fields=["inspection", "item"], name="one_result_per_item")]

    def __str__(self):
        return f"{self.item.code}: {self.get_outcome_display()}"


# Roles that may read the person's name on a sensitive violation (besides the person and the inspectors on it).
NAMING_ROLES = (Role.UNIT_HEAD, Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY)
ANONYMOUS = _("(ẩn danh)")  # what the others read in place of the person of a sensitive violation


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
        own = published & Q(person__in=list(Person.objects.filter(user=user).values_list("pk", flat=True)))
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
        """The one privacy rule of violations, used by every page, export and reason that could name the person: a
        sensitive violation (alcohol, conduct) names the person only to the unit head, the council, the inspectors
        who recorded it and the person themself; everyone else sees the unit only."""
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
        return self.person.full_name if self.names_person_to(user) else str(ANONYMOUS)


def evidence_path(instance, filename: str) -> str:
    """A random name under the private folder: nothing guessable, nothing from the uploader."""
    return f"evidence/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1]}"


class EvidenceStatus(models.TextChoices):
    PROCESSING = "processing", _("Đang xử lý ảnh")
    READY = "ready", _("Sẵn sàng")
    FAILED = "failed", _("Ảnh không dùng được")


class Evidence(models.Model):
    """A photo of a violation, re-encoded without metadata, with a thumbnail; served only through a checked view.
    While `processing`, `image` holds the upload as received (checked quickly, never served) until a task replaces
    it by the re-encoding and makes the thumbnail (evaluations.inspections.photos)."""

    violation = models.ForeignKey(Violation, on_delete=models.CASCADE, related_name="evidence")
    image = models.FileField(_("ảnh"), upload_to=evidence_path, max_length=200)
    thumbnail = models.FileField(_("ảnh thu nhỏ"), upload_to=evidence_path, max_length=200, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=EvidenceStatus.choices, default=EvidenceStatus.READY
    )
    error = models.CharField(_("lỗi"), max_length=300, blank=True)
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
