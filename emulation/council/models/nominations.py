"""Nominations (đề nghị khen thưởng) with their dossier, vetted by the council secretary and voted in a session.

Flow: proposed → vetted → on agenda → voting → (passed under a quota: quota →) approved | rejected; the secretary
may return a proposal (→ returned → proposed again after the unit edits it). A tie broken by re-vote puts it back
on the agenda.
"""

import uuid

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emulation.council.models.council import Council, Session
from emulation.movements.models import Period
from emulation.titles.models import AwardForm, Title
from units.models import Person, Role, Unit
from units.permissions import role_paths

DOSSIER_EXTENSIONS = ["pdf", "doc", "docx", "odt", "jpg", "jpeg", "png"]

PROPOSER_ROLES = {Role.UNIT_HEAD, Role.UNIT_CLERK, Role.ADMINISTRATOR}


class NominationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Đã đề nghị")
    RETURNED = "returned", _("Trả lại để bổ sung")
    VETTED = "vetted", _("Đã thẩm định")
    ON_AGENDA = "on_agenda", _("Đưa vào phiên họp")
    VOTING = "voting", _("Đang bỏ phiếu")
    QUOTA = "quota", _("Đạt số phiếu, chờ xét chỉ tiêu")
    APPROVED = "approved", _("Được đề nghị công nhận")
    REJECTED = "rejected", _("Không được thông qua")


FINISHED = [NominationStatus.APPROVED, NominationStatus.REJECTED]


class NominationQuerySet(models.QuerySet):
    def for_user(self, user):
        """The proposing side sees its units' nominations; a council sees those within its scope."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        paths = {path for role, path in role_paths(user) if role in PROPOSER_ROLES}
        paths |= set(Council.objects.for_user(user).values_list("scope__path", flat=True))
        # Ids read first, so the rows are found through their own unit and person columns, not by joining every
        # nomination to its unit and person.
        units = list(Unit.objects.subtree_of_paths(sorted(paths)).values_list("pk", flat=True)) if paths else []
        people = list(Person.objects.filter(user=user).values_list("pk", flat=True))
        return self.filter(Q(person__in=people) | Q(unit__in=units))

    def approved(self):
        return self.filter(status=NominationStatus.APPROVED)


class Nomination(models.Model):
    """A proposal that a person or a unit receive a title or an award form for a period."""

    period = models.ForeignKey(Period, verbose_name=_("kỳ thi đua"), on_delete=models.PROTECT, related_name="+")
    title = models.ForeignKey(
        Title, verbose_name=_("danh hiệu"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    award_form = models.ForeignKey(
        AwardForm,
        verbose_name=_("hình thức khen thưởng"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("cá nhân"), null=True, blank=True, on_delete=models.PROTECT, related_name="nominations"
    )
    # The collective itself, or the person's unit: access and recusal go through it.
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="nominations")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người đề nghị"), on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(_("đề nghị lúc"), auto_now_add=True)
    achievement_report = models.TextField(_("báo cáo thành tích"))
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=NominationStatus.choices, default=NominationStatus.PROPOSED
    )
    vetting_notes = models.TextField(_("ý kiến thẩm định"), blank=True)
    vetted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    vetted_at = models.DateTimeField(_("thẩm định lúc"), null=True, blank=True)
    eligibility_met = models.BooleanField(_("đủ điều kiện khi thẩm định"), null=True, blank=True)
    eligibility_summary = models.TextField(_("kết quả xét điều kiện khi thẩm định"), blank=True)
    eligibility_override = models.TextField(
        _("lý do vẫn đưa ra Hội đồng khi chưa đủ điều kiện"),
        blank=True,
        help_text=_("Thư ký ghi bằng văn bản; được in trong biên bản họp."),
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("phiên họp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
    )

    objects = NominationQuerySet.as_manager()

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(title__isnull=False, award_form__isnull=True)
                | Q(title__isnull=True, award_form__isnull=False),
                name="nomination_title_xor_form",
            )
        ]
        indexes = [models.Index(fields=["status"])]

    def __str__(self):
        return f"{self.subject} — {self.target}"

    @property
    def subject(self):
        return self.person or self.unit

    @property
    def target(self):
        return self.title or self.award_form

    @property
    def is_editable(self) -> bool:
        return self.status in (NominationStatus.PROPOSED, NominationStatus.RETURNED)


def dossier_path(instance, filename):
    """A random name under the nomination's folder: nothing guessable, nothing from the uploader."""
    return f"dossiers/{instance.nomination_id}/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1]}"


class NominationAttachment(models.Model):
    """A file of the dossier: cover letter, certified achievement report, council minutes of the unit…"""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField(_("tên tài liệu"), max_length=255)
    file = models.FileField(_("tệp"), upload_to=dossier_path, validators=[FileExtensionValidator(DOSSIER_EXTENSIONS)])
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu hồ sơ")
        verbose_name_plural = _("tài liệu hồ sơ")
        ordering = ["nomination", "pk"]

    def __str__(self):
        return self.name


class QuotaDecision(models.Model):
    """A session's results for one title and awarding unit decided within its quota: the order by agreeing votes and,
    at a tie on the quota's edge, the chair's deciding vote with its reason (printed in the minutes)."""

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="quota_decisions")
    title = models.ForeignKey(Title, verbose_name=_("danh hiệu"), on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị khen thưởng"), on_delete=models.PROTECT, related_name="+")
    quota = models.PositiveIntegerField(_("số suất"))
    used = models.PositiveIntegerField(_("đã dùng ở phiên trước"), default=0)
    ranking = models.TextField(_("thứ tự theo số phiếu đồng ý"))
    chair_note = models.TextField(_("quyết định của Chủ tịch Hội đồng khi ngang phiếu"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("lúc"))

    class Meta:
        verbose_name = _("xét chỉ tiêu")
        verbose_name_plural = _("xét chỉ tiêu")
        ordering = ["session", "pk"]

    def __str__(self):
        return f"{self.title} — {self.unit}: {self.quota}"
