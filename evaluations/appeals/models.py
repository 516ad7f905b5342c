"""Appeals against violations, corrective actions a violation requires, and the files attached to either."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from evaluations.inspections.models import ANONYMOUS, Violation
from units.models import Person


class AppealStatus(models.TextChoices):
    """Named after what happens to the violation: it ends upheld or dismissed."""

    PENDING = "pending", _("Đang xem xét")
    UPHELD = "upheld", _("Giữ nguyên vi phạm")
    DISMISSED = "dismissed", _("Hủy bỏ vi phạm")


class AppealQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=AppealStatus.PENDING)

    def for_user(self, user):
        """Appeals of the violations the user may see."""
        return self.filter(violation__in=Violation.objects.for_user(user))


class Appeal(models.Model):
    """A unit's (or person's) contest of a violation, filed inside the appeal window and decided by a reviewer."""

    violation = models.ForeignKey(
        Violation, verbose_name=_("vi phạm"), on_delete=models.CASCADE, related_name="appeals"
    )
    reason = models.TextField(_("lý do khiếu nại"))
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người khiếu nại"), on_delete=models.PROTECT, related_name="+"
    )
    filed_at = models.DateTimeField(_("gửi lúc"), default=timezone.now)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=AppealStatus.choices, default=AppealStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người quyết định"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("quyết định lúc"), null=True, blank=True)
    decision_reason = models.TextField(_("lý do quyết định"), blank=True)

    objects = AppealQuerySet.as_manager()

    class Meta:
        verbose_name = _("khiếu nại")
        verbose_name_plural = _("khiếu nại")
        ordering = ["-filed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["violation"], condition=Q(status="pending"), name="one_pending_appeal_per_violation"
            )
        ]

    def __str__(self):
        return _("Khiếu nại vi phạm %(pk)s") % {"pk": self.violation_id}

    @property
    def is_pending(self) -> bool:
        return self.status == AppealStatus.PENDING


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Đang thực hiện")
    DONE = "done", _("Đã khắc phục, chờ xác nhận")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    REOPENED = "reopened", _("Yêu cầu khắc phục lại")


class CorrectiveActionQuerySet(models.QuerySet):
    def for_user(self, user):
        """Corrective actions of the violations the user may see, plus those the user owns."""
        return self.filter(
            Q(violation__in=Violation.objects.for_user(user)) | Q(owner_user=user) | Q(owner_person__user=user)
        )

    def unfinished(self):
        return self.filter(status__in=[ActionStatus.OPEN, ActionStatus.REOPENED])

    def overdue(self, day):
        return self.unfinished().filter(due_date__lt=day)


class CorrectiveAction(models.Model):
    """What a unit must do about a violation, by when and by whom; done by the unit, confirmed by the inspector."""

    violation = models.ForeignKey(
        Violation, verbose_name=_("vi phạm"), on_delete=models.CASCADE, related_name="corrective_actions"
    )
    description = models.TextField(_("nội dung khắc phục"))
    owner_person = models.ForeignKey(
        Person,
        verbose_name=_("người chịu trách nhiệm"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrective_actions",
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản chịu trách nhiệm"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrective_actions",
    )
    due_date = models.DateField(_("hạn hoàn thành"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    completion_note = models.TextField(_("kết quả khắc phục"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("lập lúc"), default=timezone.now)
    done_at = models.DateTimeField(_("báo hoàn thành lúc"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)

    objects = CorrectiveActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("biện pháp khắc phục")
        verbose_name_plural = _("biện pháp khắc phục")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner_person__isnull=False) | Q(owner_user__isnull=False), name="corrective_action_owner"
            )
        ]

    def __str__(self):
        return self.description[:80]

    @property
    def owner_label(self) -> str:
        return str(self.owner_person or self.owner_user)

    def owner_label_for(self, user) -> str:
        """The owner's name, unless the owner is the person of a sensitive violation the user may not see named."""
        violation = self.violation
        if self.owner_person_id and self.owner_person_id == violation.person_id and not violation.names_person_to(user):
            return str(ANONYMOUS)
        return self.owner_label

    def owner_users(self) -> list:
        """The accounts to notify: the owning account and the owning person's account, once each."""
        users = [self.owner_user, self.owner_person.user if self.owner_person_id else None]
        return list({u.pk: u for u in users if u is not None}.values())

    @property
    def is_unfinished(self) -> bool:
        return self.status in {ActionStatus.OPEN, ActionStatus.REOPENED}


def attachment_path(instance, filename: str) -> str:
    """A random name under the private folder: nothing guessable, nothing from the uploader."""
    return f"appeals/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


class Attachment(models.Model):
    """A photo (re-encoded, thumbnailed) or a PDF given as evidence for an appeal or a corrective action."""

    appeal = models.ForeignKey(Appeal, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments")
    corrective_action = models.ForeignKey(
        CorrectiveAction, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("tệp"), upload_to=attachment_path, max_length=200)
    thumbnail = models.FileField(_("ảnh thu nhỏ"), upload_to=attachment_path, max_length=200, blank=True)
    content_type = models.CharField(max_length=60)
    byte_size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp minh chứng")
        verbose_name_plural = _("tệp minh chứng")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(appeal__isnull=False, corrective_action__isnull=True)
                | Q(appeal__isnull=True, corrective_action__isnull=False),
                name="attachment_has_one_owner",
            )
        ]

    def __str__(self):
        return _("Tệp %(pk)s") % {"pk": self.pk}

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")

    @property
    def violation(self) -> Violation:
        return (self.appeal or self.corrective_action).violation
