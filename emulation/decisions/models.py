"""Decisions of the competent authority (quyết định khen thưởng), the awards they grant, and their revocation.

Rules
-----
- A decision is issued by one body (`unit`, e.g. UBND tỉnh, Sở Nội vụ) acting as one `Authority` (e.g. Chủ tịch
  UBND tỉnh). Its number ("15/QĐ-UBND") and date are given when it is signed; a number is unique for its body and
  year (numbering restarts each year, and two communes may both issue "15/QĐ-UBND").
- draft → signed → annulled. A signed decision is read-only; annulling it revokes every award it granted.
- An award goes to exactly one recipient (a person or a collective) for exactly one thing (a title or an award form).
- One achievement is rewarded once: among active awards a recipient holds a title at most once per year (the year of
  the period, as titles are annual and two movements' periods of the same year must not both confer Lao động tiên
  tiến), a database constraint. A revoked award does not block a corrected re-award.
- Award forms (Giấy khen, Bằng khen) are not limited per year: one may be given for the annual achievement and
  again for a one-off (đột xuất) or thematic one. The same form to the same recipient twice in one decision is refused.
- A revocation (Law 2022 Chương VII, Điều 93) records the reason and the annulling decision (number, date,
  authority); every award it revoked points to it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emulation.movements.models import Period
from emulation.titles.models import Authority, AwardForm, Title
from units.models import Person, Role, Unit
from units.permissions import role_paths

# Roles that see decisions issued by the units below the unit they hold the role on (drafts included).
DECISION_READER_ROLES = {Role.ADMINISTRATOR, Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY}

# Roles that see the awards (and the signed decisions granting them) of recipients below their unit.
AWARD_READER_ROLES = DECISION_READER_ROLES | {Role.UNIT_HEAD, Role.UNIT_CLERK}


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SIGNED = "signed", _("Đã ký ban hành")
    ANNULLED = "annulled", _("Đã bị hủy bỏ")


class AwardStatus(models.TextChoices):
    ACTIVE = "active", _("Còn hiệu lực")
    REVOKED = "revoked", _("Đã thu hồi")


def _recipient_in(path: str, prefix: str = "") -> Q:
    return Q(**{f"{prefix}unit__path__startswith": path}) | Q(**{f"{prefix}person__unit__path__startswith": path})


class DecisionQuerySet(models.QuerySet):
    def for_user(self, user):
        """Administrators and the council see decisions issued below their unit (drafts too); heads and clerks see
        issued decisions of their subtree or granting an award to someone in it."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        condition = Q(pk__in=[])
        for role, path in role_paths(user):
            if role in DECISION_READER_ROLES:
                condition |= Q(unit__path__startswith=path)
            elif role in AWARD_READER_ROLES:
                issued = ~Q(status=DecisionStatus.DRAFT)
                condition |= issued & Q(unit__path__startswith=path)
                condition |= issued & Q(pk__in=Award.objects.filter(_recipient_in(path)).values("decision_id"))
        return self.filter(condition)


class Decision(models.Model):
    """A decision (quyết định) of a competent authority granting titles or award forms to a list of recipients."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="award_decisions"
    )
    authority = models.ForeignKey(
        Authority, verbose_name=_("thẩm quyền"), on_delete=models.PROTECT, related_name="decisions"
    )
    period = models.ForeignKey(Period, verbose_name=_("kỳ thi đua"), on_delete=models.PROTECT, related_name="decisions")
    number = models.CharField(_("số quyết định"), max_length=50, blank=True, help_text=_("Ví dụ: 123/QĐ-UBND"))
    decided_on = models.DateField(_("ngày quyết định"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("năm ban hành"), null=True, blank=True, editable=False)
    signer_name = models.CharField(_("người ký"), max_length=150, blank=True)
    signer_position = models.CharField(_("chức vụ người ký"), max_length=150, blank=True)
    subject = models.CharField(_("trích yếu"), max_length=500, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT
    )
    created_at = models.DateTimeField(_("lập lúc"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người lập"), on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField(_("ghi nhận ký lúc"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận ký"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-decided_on", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "number"], condition=~Q(number=""), name="unique_decision_number"
            ),
            models.CheckConstraint(
                condition=Q(status=DecisionStatus.DRAFT) | (~Q(number="") & Q(decided_on__isnull=False)),
                name="issued_decision_has_number_and_date",
            ),
        ]

    def __str__(self):
        if self.number:
            return _("Quyết định số %(number)s ngày %(day)s") % {
                "number": self.number,
                "day": f"{self.decided_on:%d/%m/%Y}",
            }
        return _("Dự thảo quyết định — %(subject)s") % {"subject": self.subject or self.period}

    @property
    def is_editable(self) -> bool:
        """Only a draft changes; a signed decision is read-only (an error is corrected by annulling it)."""
        return self.status == DecisionStatus.DRAFT


class AwardQuerySet(models.QuerySet):
    def for_user(self, user):
        """Awards of issued decisions to recipients below the user's reading roles, and the user's own awards."""
        if not user.is_authenticated:
            return self.none()
        issued = self.exclude(decision__status=DecisionStatus.DRAFT)
        if user.is_superuser:
            return issued
        condition = Q(person__user=user)
        for role, path in role_paths(user):
            if role in AWARD_READER_ROLES:
                condition |= _recipient_in(path)
        return issued.filter(condition)

    def active(self):
        return self.filter(status=AwardStatus.ACTIVE)

    def in_force(self):
        """Active awards of signed decisions: what counts as held."""
        return self.filter(status=AwardStatus.ACTIVE, decision__status=DecisionStatus.SIGNED)

    def of_subjects(self, people_ids, unit_ids):
        return self.filter(title__isnull=False).filter(Q(person_id__in=people_ids) | Q(unit_id__in=unit_ids))

    def held_titles(self, *, people_ids, unit_ids) -> set:
        """(("p"|"u", id), title id, year) of every title held by these people and units under a signed decision —
        the eligibility engine counts them like `TitleHistory` rows."""
        rows = self.in_force().of_subjects(people_ids, unit_ids).values_list("person_id", "unit_id", "title_id", "year")
        return {
            ("p", person, title, year) if person else ("u", unit, title, year) for person, unit, title, year in rows
        }

    def revoked_titles(self, *, year: int, people_ids, unit_ids) -> set:
        """(("p"|"u", id), title id) whose award for `year` was revoked and not granted again: the engine treats the
        subject as not meeting that title that year (the achievement was found not to stand)."""
        held = {
            (kind, pk, title)
            for kind, pk, title, held_year in self.held_titles(people_ids=people_ids, unit_ids=unit_ids)
            if held_year == year
        }
        rows = (
            self.filter(status=AwardStatus.REVOKED, year=year)
            .of_subjects(people_ids, unit_ids)
            .values_list("person_id", "unit_id", "title_id")
        )
        keys = {("p", person, title) if person else ("u", unit, title) for person, unit, title in rows}
        return {((kind, pk), title) for kind, pk, title in keys - held}


class Award(models.Model):
    """One recipient (person or collective) granted one title or award form by a decision."""

    decision = models.ForeignKey(
        Decision, verbose_name=_("quyết định"), on_delete=models.PROTECT, related_name="awards"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("cá nhân"), null=True, blank=True, on_delete=models.PROTECT, related_name="awards"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("tập thể"), null=True, blank=True, on_delete=models.PROTECT, related_name="awards"
    )
    title = models.ForeignKey(
        Title, verbose_name=_("danh hiệu"), null=True, blank=True, on_delete=models.PROTECT, related_name="awards"
    )
    award_form = models.ForeignKey(
        AwardForm,
        verbose_name=_("hình thức khen thưởng"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
    )
    period = models.ForeignKey(Period, verbose_name=_("kỳ thi đua"), on_delete=models.PROTECT, related_name="awards")
    year = models.PositiveSmallIntegerField(_("năm"))
    achievement = models.TextField(_("thành tích"), blank=True)
    nomination = models.ForeignKey(
        "emulation.Nomination",
        verbose_name=_("đề nghị khen thưởng"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=AwardStatus.choices, default=AwardStatus.ACTIVE)
    revocation = models.ForeignKey(
        "Revocation",
        verbose_name=_("thu hồi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revoked_awards",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AwardQuerySet.as_manager()

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        ordering = ["decision", "unit__path", "person__full_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, unit__isnull=True) | Q(person__isnull=True, unit__isnull=False),
                name="award_person_xor_unit",
            ),
            models.CheckConstraint(
                condition=Q(title__isnull=False, award_form__isnull=True)
                | Q(title__isnull=True, award_form__isnull=False),
                name="award_title_xor_form",
            ),
            models.CheckConstraint(
                condition=Q(status=AwardStatus.ACTIVE, revocation__isnull=True)
                | Q(status=AwardStatus.REVOKED, revocation__isnull=False),
                name="revoked_award_has_revocation",
            ),
            models.UniqueConstraint(
                fields=["person", "title", "year"],
                condition=Q(status=AwardStatus.ACTIVE),
                name="one_active_title_per_person_year",
            ),
            models.UniqueConstraint(
                fields=["unit", "title", "year"],
                condition=Q(status=AwardStatus.ACTIVE),
                name="one_active_title_per_unit_year",
            ),
            models.UniqueConstraint(
                fields=["decision", "person", "award_form"],
                condition=Q(status=AwardStatus.ACTIVE),
                name="one_form_per_person_in_decision",
            ),
            models.UniqueConstraint(
                fields=["decision", "unit", "award_form"],
                condition=Q(status=AwardStatus.ACTIVE),
                name="one_form_per_unit_in_decision",
            ),
        ]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self):
        return f"{self.recipient} — {self.what}"

    @property
    def recipient(self):
        return self.person or self.unit

    @property
    def what(self):
        return self.title or self.award_form

    @property
    def recipient_unit(self) -> Unit:
        """The collective itself, or the person's unit."""
        return self.unit or self.person.unit


class Revocation(models.Model):
    """The annulment of one award or of a whole decision, with its reason and the annulling decision (Law 2022
    Chương VII): the authority that awarded is the one that annuls (Điều 93)."""

    decision = models.ForeignKey(
        Decision,
        verbose_name=_("quyết định bị hủy bỏ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revocations",
    )
    award = models.ForeignKey(
        Award,
        verbose_name=_("khen thưởng bị thu hồi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revocations",
    )
    reason = models.TextField(_("lý do"))
    number = models.CharField(_("số quyết định hủy bỏ"), max_length=50)
    decided_on = models.DateField(_("ngày quyết định hủy bỏ"))
    authority = models.ForeignKey(
        Authority, verbose_name=_("thẩm quyền hủy bỏ"), on_delete=models.PROTECT, related_name="revocations"
    )
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người ghi nhận"), on_delete=models.PROTECT, related_name="+"
    )
    revoked_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("thu hồi, hủy bỏ khen thưởng")
        verbose_name_plural = _("thu hồi, hủy bỏ khen thưởng")
        ordering = ["-decided_on", "-revoked_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision__isnull=False, award__isnull=True) | Q(decision__isnull=True, award__isnull=False),
                name="revocation_decision_xor_award",
            )
        ]

    def __str__(self):
        return _("Quyết định hủy bỏ số %(number)s ngày %(day)s") % {
            "number": self.number,
            "day": f"{self.decided_on:%d/%m/%Y}",
        }
