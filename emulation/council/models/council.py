"""The emulation & commendation council (Hội đồng Thi đua – Khen thưởng): its vote rules (data), members,
sessions and attendance.

Rules
-----
- A vote rule belongs to one title or one award form and is dated; the rule in force on the session's date is used.
  Its numbers (threshold, base, quorum, award-session quorum) are data, seeded from ND 98/2023 Điều 30 k7
  (90 % / 80 % of all members) and to be confirmed against ND 152/2025.
- "All members" (`VoteBase.TOTAL_MEMBERS`) counts every seat of the council on the session's date: recused and absent
  members included (absent members may agree in writing where the rule counts written opinions; recused members
  cannot vote at all), unless the rule itself says recused members leave the base (`exclude_recused_from_base`).
- Secrecy is the rule's own choice with its basis (`secret_basis`): ND 98/2023 says "bỏ phiếu", not "bỏ phiếu kín".
- Percentages are compared after rounding the share to two decimals, as the minutes write it (6/9 = 66,67 %).
- A council's scope is a unit subtree; a member belongs to a council between two optional dates.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emulation.titles.dated import ActiveDatedQuerySet
from emulation.titles.models import AwardForm, Title
from units.models import Person, Unit


class VoteBase(models.TextChoices):
    TOTAL_MEMBERS = "total_members", _("Tổng số thành viên Hội đồng")
    PRESENT = "present", _("Số thành viên dự họp và có ý kiến bằng văn bản")


class TieBreak(models.TextChoices):
    CHAIR = "chair", _("Theo ý kiến của Chủ tịch Hội đồng")
    REVOTE = "revote", _("Bỏ phiếu lại")


def share_pct(count: int, base: int) -> Decimal:
    """count / base as a percentage rounded to two decimals (half up); 0 when the base is empty."""
    if base <= 0:
        return Decimal(0)
    return (Decimal(count) * 100 / Decimal(base)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class VoteRuleQuerySet(ActiveDatedQuerySet):
    def for_target(self, *, title=None, award_form=None, day):
        """The rule in force on `day` for the title or award form (the latest start wins)."""
        rules = self.in_force(day).filter(title=title) if title else self.in_force(day).filter(award_form=award_form)
        return rules.order_by("-effective_from", "-pk").first()


class VoteRule(models.Model):
    """How the council votes on one title or award form: threshold, its base, secrecy, written votes, quorum."""

    title = models.ForeignKey(
        Title, verbose_name=_("danh hiệu"), null=True, blank=True, on_delete=models.CASCADE, related_name="vote_rules"
    )
    award_form = models.ForeignKey(
        AwardForm,
        verbose_name=_("hình thức khen thưởng"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="vote_rules",
    )
    base = models.CharField(_("tỷ lệ tính trên"), max_length=20, choices=VoteBase.choices)
    pct = models.DecimalField(_("tỷ lệ đồng ý tối thiểu (%)"), max_digits=5, decimal_places=2)
    strictly_above = models.BooleanField(
        _("phải vượt tỷ lệ"), default=False, help_text=_("Bật khi văn bản ghi “trên” (>) thay vì “từ … trở lên” (≥).")
    )
    secret = models.BooleanField(_("bỏ phiếu kín"), default=False)
    secret_basis = models.CharField(
        _("căn cứ bỏ phiếu kín"),
        max_length=500,
        blank=True,
        help_text=_("Văn bản quy định bỏ phiếu kín (ND 98/2023 Điều 30 k7 chỉ ghi “bỏ phiếu”, không ghi “kín”)."),
    )
    written_votes_for_absent = models.BooleanField(_("tính ý kiến bằng văn bản của người vắng"), default=False)
    exclude_recused_from_base = models.BooleanField(
        _("không tính người không tham gia biểu quyết vào tổng số"),
        default=False,
        help_text=_(
            "Mặc định “tổng số thành viên” tính mọi thành viên Hội đồng, kể cả người không biểu quyết và người vắng "
            "mặt; chỉ bật khi văn bản làm căn cứ ghi rõ không tính người không biểu quyết."
        ),
    )
    quorum_pct = models.DecimalField(_("tỷ lệ dự họp tối thiểu (%)"), max_digits=5, decimal_places=2)
    award_session_quorum_pct = models.DecimalField(
        _("tỷ lệ dự họp tối thiểu khi xét khen thưởng (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    tie_break = models.CharField(_("khi số phiếu ngang nhau"), max_length=10, choices=TieBreak.choices)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=500)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    effective_from = models.DateField(_("hiệu lực từ"))
    effective_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    active = models.BooleanField(_("đang dùng"), default=True)

    objects = VoteRuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("quy tắc biểu quyết")
        verbose_name_plural = _("quy tắc biểu quyết")
        ordering = ["title__position", "award_form__position", "-effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(title__isnull=False, award_form__isnull=True)
                | Q(title__isnull=True, award_form__isnull=False),
                name="vote_rule_title_xor_form",
            )
        ]

    def __str__(self):
        return f"{self.title or self.award_form}: {self.describe()}"

    def clean(self):
        """A secret ballot names the text that makes it secret: secrecy is not national, it is the rule's own."""
        if self.secret and not self.secret_basis.strip():
            raise ValidationError({"secret_basis": _("Ghi căn cứ của việc bỏ phiếu kín.")})

    def describe(self) -> str:
        sign = ">" if self.strictly_above else "≥"
        return f"{sign} {self.pct.normalize():f} % {VoteBase(self.base).label.lower()}"

    def passes(self, agree: int, base: int) -> bool:
        share = share_pct(agree, base)
        return base > 0 and (share > self.pct if self.strictly_above else share >= self.pct)

    def required_quorum(self, *, award_session: bool) -> Decimal:
        if award_session and self.award_session_quorum_pct is not None:
            return self.award_session_quorum_pct
        return self.quorum_pct

    def snapshot(self) -> dict:
        """The rule as it was when a ballot opened, kept with the ballot and its sealed result."""
        return {
            "id": self.pk,
            "base": self.base,
            "pct": str(self.pct),
            "strictly_above": self.strictly_above,
            "secret": self.secret,
            "secret_basis": self.secret_basis,
            "written_votes_for_absent": self.written_votes_for_absent,
            "exclude_recused_from_base": self.exclude_recused_from_base,
            "quorum_pct": str(self.quorum_pct),
            "award_session_quorum_pct": None
            if self.award_session_quorum_pct is None
            else str(self.award_session_quorum_pct),
            "tie_break": self.tie_break,
            "legal_basis": self.legal_basis,
        }


class CouncilQuerySet(models.QuerySet):
    def for_user(self, user):
        """Councils the user sits on (on any date) or is the secretary of; superusers see all."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(Q(members__user=user) | Q(secretary=user)).distinct()


class Council(models.Model):
    """A council whose scope is a unit subtree: the province council, a department's grassroots council."""

    name = models.CharField(_("tên Hội đồng"), max_length=255)
    scope = models.ForeignKey(Unit, verbose_name=_("phạm vi"), on_delete=models.PROTECT, related_name="councils")
    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("thư ký"),
        on_delete=models.PROTECT,
        related_name="councils_as_secretary",
    )
    establishing_decision = models.CharField(_("quyết định thành lập"), max_length=255, blank=True)

    objects = CouncilQuerySet.as_manager()

    class Meta:
        verbose_name = _("Hội đồng Thi đua – Khen thưởng")
        verbose_name_plural = _("Hội đồng Thi đua – Khen thưởng")
        ordering = ["scope__path", "name"]

    def __str__(self):
        return self.name

    def members_on(self, day):
        return self.members.active_on(day).select_related("person__unit", "user")


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chủ tịch Hội đồng")
    VICE_CHAIR = "vice_chair", _("Phó Chủ tịch Hội đồng")
    MEMBER = "member", _("Ủy viên")


class CouncilMemberQuerySet(models.QuerySet):
    def active_on(self, day):
        return self.filter(Q(starts_on__isnull=True) | Q(starts_on__lte=day)).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=day)
        )


class CouncilMember(models.Model):
    """A voting member of a council between two optional dates."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("tài khoản"), on_delete=models.PROTECT, related_name="council_seats"
    )
    person = models.ForeignKey(Person, verbose_name=_("cán bộ"), on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("chức danh"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)
    starts_on = models.DateField(_("từ ngày"), null=True, blank=True)
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)

    objects = CouncilMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("thành viên Hội đồng")
        verbose_name_plural = _("thành viên Hội đồng")
        ordering = ["council", "role", "person__full_name"]
        constraints = [models.UniqueConstraint(fields=["council", "user", "starts_on"], name="one_seat_per_term")]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    @property
    def is_chair(self) -> bool:
        return self.role == MemberRole.CHAIR


class SessionStatus(models.TextChoices):
    DRAFT = "draft", _("Dự kiến")
    OPEN = "open", _("Đang họp")
    CLOSED = "closed", _("Đã kết thúc")


class SessionQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(council__in=Council.objects.for_user(user))


class Session(models.Model):
    """A council meeting: its agenda is the nominations placed on it; its quorum is checked on attendance."""

    council = models.ForeignKey(Council, verbose_name=_("Hội đồng"), on_delete=models.PROTECT, related_name="sessions")
    date = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    considers_awards = models.BooleanField(
        _("phiên xét khen thưởng"), default=True, help_text=_("Áp dụng tỷ lệ dự họp tối thiểu khi xét khen thưởng.")
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=SessionStatus.choices, default="draft")
    opened_at = models.DateTimeField(_("khai mạc lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("bế mạc lúc"), null=True, blank=True)
    quorum_present = models.PositiveSmallIntegerField(_("số dự họp"), null=True, blank=True)
    quorum_total = models.PositiveSmallIntegerField(_("tổng số thành viên"), null=True, blank=True)
    quorum_required_pct = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    quorum_met = models.BooleanField(_("đủ số lượng dự họp"), null=True, blank=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("phiên họp Hội đồng")
        verbose_name_plural = _("phiên họp Hội đồng")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.council} — {self.date:%d/%m/%Y}"


class Presence(models.TextChoices):
    PRESENT = "present", _("Có mặt")
    ABSENT = "absent", _("Vắng mặt")
    ABSENT_WRITTEN = "absent_written", _("Vắng mặt, có ý kiến bằng văn bản")


class Attendance(models.Model):
    """Whether a member attended a session, or sent a written opinion while absent."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="attendance")
    presence = models.CharField(_("tình trạng"), max_length=20, choices=Presence.choices)

    class Meta:
        verbose_name = _("điểm danh")
        verbose_name_plural = _("điểm danh")
        ordering = ["session", "member__role", "member__person__full_name"]
        constraints = [models.UniqueConstraint(fields=["session", "member"], name="one_attendance_per_member")]

    def __str__(self):
        return f"{self.member}: {self.get_presence_display()}"
