"""Stored results of the eligibility engine: one per subject and title aimed for, with a line per condition."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emulation.movements.models import Period
from emulation.titles.models import ConditionKind, RuleSet, Title, TitleCondition
from evaluations.models import Violation
from units.models import Person, Role, Unit
from units.permissions import role_paths

RESULT_READER_ROLES = {
    Role.ADMINISTRATOR,
    Role.UNIT_HEAD,
    Role.UNIT_CLERK,
    Role.COUNCIL_MEMBER,
    Role.COUNCIL_SECRETARY,
}


class EligibilityResultQuerySet(models.QuerySet):
    def for_user(self, user):
        """Results of the subjects of units below the user's reading roles, and the user's own."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        condition = Q(person__user=user)
        for role, path in role_paths(user):
            if role in RESULT_READER_ROLES:
                condition |= Q(unit__path__startswith=path)
        return self.filter(condition)


class EligibilityResult(models.Model):
    """Whether a registered person or unit meets the title it aims for in a period, under a rule set."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="eligibility_results")
    rule_set = models.ForeignKey(RuleSet, on_delete=models.PROTECT, related_name="+")
    title = models.ForeignKey(Title, verbose_name=_("danh hiệu"), on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        Person, verbose_name=_("cán bộ"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The collective itself, or the person's unit: filters and access go through it.
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="+")
    met = models.BooleanField(_("đủ điều kiện"))
    stale = models.BooleanField(_("cần tính lại"), default=False)
    computed_at = models.DateTimeField(_("tính lúc"))

    objects = EligibilityResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("kết quả xét điều kiện")
        verbose_name_plural = _("kết quả xét điều kiện")
        ordering = ["unit__path", "person__full_name", "title__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "title", "person"], condition=Q(person__isnull=False), name="one_result_per_person"
            ),
            models.UniqueConstraint(
                fields=["period", "title", "unit"], condition=Q(person__isnull=True), name="one_result_per_unit"
            ),
        ]
        indexes = [models.Index(fields=["period", "met"])]

    def __str__(self):
        return f"{self.person or self.unit} — {self.title}"

    @property
    def subject(self):
        return self.person or self.unit


class EligibilityCheck(models.Model):
    """One condition's outcome for a result, with the reason in Vietnamese and a link to the evidence."""

    result = models.ForeignKey(EligibilityResult, on_delete=models.CASCADE, related_name="checks")
    condition = models.ForeignKey(TitleCondition, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(_("điều kiện"), max_length=40, choices=ConditionKind.choices)
    met = models.BooleanField(_("đạt"))
    reason = models.TextField(_("lý do"))
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=500, blank=True)
    evidence_url = models.CharField(_("minh chứng"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    # The sensitive violation a person's reason names: the reason then follows Violation.names_person_to.
    private_violation = models.ForeignKey(
        Violation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    private = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("điều kiện đã xét")
        verbose_name_plural = _("điều kiện đã xét")
        ordering = ["result", "position"]

    def __str__(self):
        return self.reason

    @property
    def public_reason(self) -> str:
        """The reason as anyone reading the result may see it: a sensitive violation is not described."""
        if self.private:
            return str(_("Có vi phạm thuộc loại không xét danh hiệu được giữ nguyên trong kỳ (nội dung được bảo mật)."))
        return self.reason

    def names_violation_to(self, user) -> bool:
        """The one privacy rule of violations (Violation.names_person_to); a deleted violation stays hidden."""
        if not self.private:
            return True
        return self.private_violation is not None and self.private_violation.names_person_to(user)


def checks_shown_to(checks, user) -> list:
    """The checks with `shown_reason` and `shown_url` set for the user under the privacy rule of violations."""
    checks = list(checks)
    for check in checks:
        named = check.names_violation_to(user)
        check.shown_reason = check.reason if named else check.public_reason
        check.shown_url = check.evidence_url if named else ""
    return checks


class Quota(models.Model):
    """How many of a title an awarding unit may confer in a period (its quota condition applied to its subtree), as
    the engine computed it; replaced with the period's results."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="quotas")
    title = models.ForeignKey(Title, verbose_name=_("danh hiệu"), on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị khen thưởng"), on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField(_("số suất"))
    base = models.PositiveIntegerField(_("cơ sở tính"))
    reason = models.TextField(_("cách tính"))
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["period", "unit__path", "title__position"]
        constraints = [models.UniqueConstraint(fields=["period", "title", "unit"], name="one_quota_per_awarding_unit")]

    def __str__(self):
        return f"{self.unit} — {self.title}: {self.number}"
