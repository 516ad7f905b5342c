"""Inspections: a team's visit to a unit on a day, and the result of each checklist item."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from units.models import Role, Unit
from units.permissions import role_paths

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
    """Rows whose `field` unit lies in the subtree of a unit where the user holds one of `roles`."""
    condition = Q(pk__in=[])
    for role, path in role_paths(user):
        if role in roles:
            condition |= Q(**{f"{field}__path__startswith": path})
    return condition


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
        on_team = Q(pk__in=Inspection.team.through.objects.filter(user=user).values("inspection_id"))
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
