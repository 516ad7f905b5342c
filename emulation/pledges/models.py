"""A unit's pledge for a period, its staff registrations, and its self-assessment lines with verification."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emulation.movements.models import CommitmentItem, Period
from emulation.schemes.models import POINTS, Criterion
from emulation.titles.models import Title
from units.models import Person, Role, Unit
from units.permissions import role_paths

# Roles that see every pledge of the units below the unit they hold the role on.
PLEDGE_READER_ROLES = {Role.ADMINISTRATOR, Role.UNIT_HEAD, Role.UNIT_CLERK, Role.INSPECTOR, Role.COUNCIL_MEMBER}


class PledgeStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")
    ACCEPTED = "accepted", _("Đã chấp nhận")
    RETURNED = "returned", _("Trả lại")


class PledgeQuerySet(models.QuerySet):
    def for_user(self, user):
        """Pledges of units below the user's reading roles, plus those of blocs whose leader unit the user heads."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        condition = Q(pk__in=[])
        for role, path in role_paths(user):
            if role in PLEDGE_READER_ROLES:
                condition |= Q(unit__path__startswith=path)
        led = led_unit_ids(user)
        if led:
            condition |= Q(unit__bloc_memberships__bloc__leader_id__in=led) & Q(
                unit__bloc_memberships__period_id=models.F("period_id")
            )
        return self.filter(condition).distinct()


def led_unit_ids(user) -> list[int]:
    """Units whose head the user is (a bloc led by one of them is reviewed by this user)."""
    return list(
        Unit.objects.filter(role_assignments__user=user, role_assignments__role=Role.UNIT_HEAD).values_list(
            "pk", flat=True
        )
    )


class Pledge(models.Model):
    """A unit's registration for a period: commitments, own targets, the collective title aimed for."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="pledges")
    period = models.ForeignKey(Period, verbose_name=_("kỳ thi đua"), on_delete=models.PROTECT, related_name="pledges")
    commitment_items = models.ManyToManyField(
        CommitmentItem, verbose_name=_("nội dung cam kết"), blank=True, related_name="pledges"
    )
    own_targets = models.TextField(_("chỉ tiêu riêng của đơn vị"), blank=True)
    target_title = models.ForeignKey(
        Title,
        verbose_name=_("danh hiệu tập thể đăng ký"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=PledgeStatus.choices, default=PledgeStatus.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_late = models.BooleanField(_("gửi sau hạn"), default=False)
    accepted_at = models.DateTimeField(_("chấp nhận lúc"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    accepted_after_deadline = models.BooleanField(_("chấp nhận sau hạn"), default=False)
    returned_at = models.DateTimeField(_("trả lại lúc"), null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    return_comment = models.TextField(_("lý do trả lại"), blank=True)

    objects = PledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("bản đăng ký thi đua")
        verbose_name_plural = _("bản đăng ký thi đua")
        ordering = ["-period__starts_on", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["unit", "period"], name="one_pledge_per_unit_and_period")]
        indexes = [models.Index(fields=["period", "status"])]

    def __str__(self):
        return f"{self.unit} — {self.period.name}"

    @property
    def is_editable(self) -> bool:
        """The unit may change a pledge while it is a draft or has been returned, in an open period."""
        return self.status in {PledgeStatus.DRAFT, PledgeStatus.RETURNED} and not self.period.is_read_only


class Registration(models.Model):
    """A person of the unit registered for the individual title they aim for."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(Person, verbose_name=_("cán bộ"), on_delete=models.PROTECT, related_name="registrations")
    title = models.ForeignKey(Title, verbose_name=_("danh hiệu đăng ký"), on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("đăng ký danh hiệu cá nhân")
        verbose_name_plural = _("đăng ký danh hiệu cá nhân")
        ordering = ["pledge", "person__full_name"]
        constraints = [models.UniqueConstraint(fields=["pledge", "person"], name="one_registration_per_person")]

    def __str__(self):
        return f"{self.person} → {self.title}"


class SelfAssessmentQuerySet(models.QuerySet):
    def verifiable_by(self, user):
        """Lines an inspector may verify (units below their role, never their own unit or its ancestors), and lines
        of the members of blocs led by a unit the user heads (never the leader unit itself)."""
        if not user.is_authenticated:
            return self.none()
        condition = Q(pk__in=[])
        inspector_paths = [path for role, path in role_paths(user) if role == Role.INSPECTOR]
        if inspector_paths:
            below = Q(pk__in=[])
            for path in inspector_paths:
                below |= Q(pledge__unit__path__startswith=path)
            person = Person.objects.filter(user=user).select_related("unit").first()
            own = person.unit.ancestor_ids() if person else []
            condition |= below & ~Q(pledge__unit_id__in=own)
        led = led_unit_ids(user)
        if led:
            condition |= (
                Q(pledge__unit__bloc_memberships__bloc__leader_id__in=led)
                & Q(pledge__unit__bloc_memberships__period_id=models.F("pledge__period_id"))
                & ~Q(pledge__unit_id__in=led)
            )
        return self.filter(condition).distinct()

    def pending(self):
        return self.filter(verified_at__isnull=True)


def evidence_path(instance, filename):
    """A random name under the unit's folder of the period: nothing guessable, nothing from the uploader."""
    folder = f"self-assessment/{instance.pledge.period_id}/{instance.pledge.unit_id}"
    return f"{folder}/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1]}"


class SelfAssessment(models.Model):
    """A unit's claimed points on one self-assessed criterion, and the verifier's confirmed points and reason."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="self_assessments")
    criterion = models.ForeignKey(Criterion, verbose_name=_("tiêu chí"), on_delete=models.PROTECT, related_name="+")
    claimed_points = models.DecimalField(_("điểm tự chấm"), **POINTS)
    evidence = models.FileField(_("minh chứng"), upload_to=evidence_path, blank=True)
    note = models.TextField(_("thuyết minh"), blank=True)
    claimed_at = models.DateTimeField(_("tự chấm lúc"), auto_now=True)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verified_points = models.DecimalField(_("điểm thẩm định"), null=True, blank=True, **POINTS)
    verifier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thẩm định"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    verification_reason = models.TextField(_("lý do điều chỉnh"), blank=True)
    verified_at = models.DateTimeField(_("thẩm định lúc"), null=True, blank=True)

    objects = SelfAssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("dòng tự chấm điểm")
        verbose_name_plural = _("tự chấm điểm")
        ordering = ["pledge", "criterion__group__position", "criterion__position"]
        constraints = [models.UniqueConstraint(fields=["pledge", "criterion"], name="one_line_per_criterion")]

    def __str__(self):
        return f"{self.pledge} — {self.criterion.code}"

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def is_adjusted(self) -> bool:
        return self.is_verified and self.verified_points != self.claimed_points
