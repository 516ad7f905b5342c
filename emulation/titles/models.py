"""The catalogue as data: titles, award forms, authorities and their powers, rule sets and their conditions, and
titles held before the app (from paper decisions)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emulation.titles.dated import ActiveDatedQuerySet, DatedQuerySet
from evaluations.records.models import DisciplineForm, InitiativeLevel, TaskRating
from units.models import Level


class TitleScope(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    RESIDENTIAL = "residential", _("Hộ gia đình, thôn, tổ dân phố")


class TitleLevel(models.TextChoices):
    GRASSROOTS = "grassroots", _("Cơ sở")
    PROVINCE = "province", _("Cấp tỉnh, bộ, ngành")
    NATIONAL = "national", _("Toàn quốc")


class TitleQuerySet(models.QuerySet):
    def individual(self):
        return self.filter(scope=TitleScope.INDIVIDUAL, active=True)

    def collective(self):
        return self.filter(scope=TitleScope.COLLECTIVE, active=True)


class Title(models.Model):
    """An emulation title a person or a collective may aim for and earn (Law 2022 Điều 24–27)."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên danh hiệu"), max_length=255)
    scope = models.CharField(_("đối tượng"), max_length=20, choices=TitleScope.choices)
    level = models.CharField(_("cấp"), max_length=20, choices=TitleLevel.choices)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255, blank=True)
    effective_date = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    active = models.BooleanField(_("đang dùng"), default=True)

    objects = TitleQuerySet.as_manager()

    class Meta:
        verbose_name = _("danh hiệu thi đua")
        verbose_name_plural = _("danh hiệu thi đua")
        ordering = ["scope", "position", "name"]

    def __str__(self):
        return self.name


class RuleSet(models.Model):
    """A dated set of title conditions from one issuer: the national texts, or a province's own regulation."""

    code = models.CharField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên bộ quy định"), max_length=255)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=500, blank=True)
    effective_from = models.DateField(_("hiệu lực từ"))
    effective_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("bộ tiêu chuẩn danh hiệu")
        verbose_name_plural = _("bộ tiêu chuẩn danh hiệu")
        ordering = ["-effective_from", "name"]

    def __str__(self):
        return self.name

    def is_in_force_on(self, day) -> bool:
        return self.effective_from <= day and (self.effective_to is None or self.effective_to >= day)


class ConditionKind(models.TextChoices):
    """What a condition checks; its numbers come from the condition row (data), never from code."""

    MIN_RATING = "min_rating", _("Xếp loại từ mức … trở lên")
    PREREQUISITE_TITLE = "prerequisite_title", _("Đạt danh hiệu … cùng năm")
    RATING_OR_INITIATIVE = "rating_or_initiative", _("Xếp loại … hoặc có sáng kiến/đề tài được công nhận")
    MEMBER_SHARE_WITH_TITLE = "member_share_with_title", _("Tỷ lệ thành viên đạt danh hiệu … ≥ %")
    MEMBER_SHARE_MIN_RATING = "member_share_min_rating", _("Tỷ lệ thành viên xếp loại từ … ≥ %")
    MIN_MEMBERS_WITH_TITLE = "min_members_with_title", _("Số thành viên đạt danh hiệu … ≥")
    NO_DISCIPLINE = "no_discipline", _("Không bị kỷ luật từ mức … trong năm")
    NO_MEMBER_DISCIPLINE = "no_member_discipline", _("Không thành viên nào bị kỷ luật từ mức … trong năm")
    DISCIPLINE_PERIOD_ENDED = "discipline_period_ended", _("Thành tích chỉ tính sau khi hết thời hạn kỷ luật")
    NO_ADMIN_SANCTION = "no_admin_sanction", _("Không bị xử phạt hành chính trong năm")
    NO_BARRING_VIOLATION = "no_barring_violation", _("Không có vi phạm (đã giữ nguyên) thuộc loại không xét danh hiệu")
    CONSECUTIVE_YEARS = "consecutive_years", _("Đạt danh hiệu … liên tục … năm")
    BLOC_LEADER = "bloc_leader", _("Dẫn đầu khối, cụm thi đua")
    REGISTERED = "registered", _("Có đăng ký thi đua")
    NOT_UNDER_INVESTIGATION = "not_under_investigation", _("Không đang bị xem xét, điều tra, thanh tra")
    QUOTA = "quota", _("Trong chỉ tiêu (tỷ lệ, cơ sở tính, làm tròn)")


class QuotaBase(models.TextChoices):
    HEADCOUNT = "headcount", _("Tổng số cán bộ của đơn vị")
    PREREQUISITE_MET = "prerequisite_met", _("Số người đạt danh hiệu điều kiện (ví dụ LĐTT)")


class Rounding(models.TextChoices):
    DOWN = "down", _("Làm tròn xuống")
    HALF_UP = "half_up", _("Làm tròn đến số gần nhất (0,5 lên)")
    UP = "up", _("Làm tròn lên")


class TitleCondition(models.Model):
    """One condition of a title under a rule set: its kind, numbers, legal basis and effective dates (all data)."""

    rule_set = models.ForeignKey(
        RuleSet, verbose_name=_("bộ tiêu chuẩn"), on_delete=models.CASCADE, related_name="conditions"
    )
    title = models.ForeignKey(Title, verbose_name=_("danh hiệu"), on_delete=models.CASCADE, related_name="conditions")
    kind = models.CharField(_("loại điều kiện"), max_length=40, choices=ConditionKind.choices)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    number = models.DecimalField(
        _("tham số số"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Tỷ lệ %, số người hoặc số năm, tùy loại điều kiện."),
    )
    other_title = models.ForeignKey(
        Title,
        verbose_name=_("danh hiệu liên quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    rating = models.CharField(_("mức xếp loại"), max_length=10, choices=TaskRating.choices, blank=True)
    discipline_form = models.CharField(_("từ mức kỷ luật"), max_length=20, choices=DisciplineForm.choices, blank=True)
    initiative_level = models.CharField(
        _("sáng kiến từ cấp"), max_length=20, choices=InitiativeLevel.choices, blank=True
    )
    quota_base = models.CharField(_("cơ sở tính chỉ tiêu"), max_length=20, choices=QuotaBase.choices, blank=True)
    rounding = models.CharField(_("làm tròn"), max_length=10, choices=Rounding.choices, blank=True)
    count_predecessors = models.BooleanField(
        _("tính cả đơn vị tiền thân"),
        default=False,
        help_text=_("Với tập thể: năm đạt danh hiệu của đơn vị đã sáp nhập, hợp nhất vào đơn vị này cũng được tính."),
    )
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=500)
    effective_from = models.DateField(_("hiệu lực từ"))
    effective_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    active = models.BooleanField(_("đang dùng"), default=True)

    objects = ActiveDatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("điều kiện danh hiệu")
        verbose_name_plural = _("điều kiện danh hiệu")
        ordering = ["rule_set", "title__scope", "title__position", "position", "pk"]

    def __str__(self):
        return f"{self.title} — {self.get_kind_display()}"

    def clean(self):
        """Each kind needs its own parameters, e.g. a member share needs the title counted and the percentage."""
        missing = [name for name in NEEDS.get(self.kind, ()) if getattr(self, name) in (None, "")]
        if self.kind == ConditionKind.RATING_OR_INITIATIVE and not (self.rating or self.initiative_level):
            missing.append("initiative_level")
        if missing:
            raise ValidationError({name: _("Loại điều kiện này cần tham số này.") for name in missing})


# The parameters each condition kind reads (checked when an administrator saves a condition).
NEEDS = {
    ConditionKind.MIN_RATING: ("rating",),
    ConditionKind.PREREQUISITE_TITLE: ("other_title",),
    ConditionKind.MEMBER_SHARE_WITH_TITLE: ("other_title", "number"),
    ConditionKind.MEMBER_SHARE_MIN_RATING: ("rating", "number"),
    ConditionKind.MIN_MEMBERS_WITH_TITLE: ("other_title", "number"),
    ConditionKind.NO_DISCIPLINE: ("discipline_form",),
    ConditionKind.NO_MEMBER_DISCIPLINE: ("discipline_form",),
    ConditionKind.CONSECUTIVE_YEARS: ("other_title", "number"),
    ConditionKind.QUOTA: ("number", "quota_base", "rounding"),
}


class TitleHistory(models.Model):
    """A title a person or unit held in an earlier year (from a paper decision), read by consecutive-year rules;
    a revoked one no longer counts."""

    title = models.ForeignKey(Title, verbose_name=_("danh hiệu"), on_delete=models.PROTECT, related_name="history")
    person = models.ForeignKey(
        "units.Person", verbose_name=_("cán bộ"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("tập thể"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    decision_number = models.CharField(_("số quyết định"), max_length=100, blank=True)
    decided_on = models.DateField(_("ngày quyết định"), null=True, blank=True)
    revoked_on = models.DateField(_("ngày thu hồi"), null=True, blank=True)

    class Meta:
        verbose_name = _("danh hiệu đã đạt")
        verbose_name_plural = _("danh hiệu đã đạt")
        ordering = ["-year", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False, unit__isnull=True)
                | models.Q(person__isnull=True, unit__isnull=False),
                name="title_history_person_xor_unit",
            )
        ]

    def __str__(self):
        return f"{self.person or self.unit} — {self.title} {self.year}"


class AwardScope(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    BOTH = "both", _("Cá nhân và tập thể")


class AwardForm(models.Model):
    """A commendation form (hình thức khen thưởng) with its level and legal basis (Law 2022 Điều 72–75)."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên hình thức"), max_length=255)
    scope = models.CharField(_("đối tượng"), max_length=20, choices=AwardScope.choices, default=AwardScope.BOTH)
    level = models.CharField(_("cấp"), max_length=20, choices=Level.choices)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=500, blank=True)
    effective_date = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("hình thức khen thưởng")
        verbose_name_plural = _("hình thức khen thưởng")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Authority(models.Model):
    """Who signs: e.g. Chủ tịch UBND tỉnh, Giám đốc Sở, Chủ tịch UBND xã — acting for units of one level."""

    code = models.CharField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên thẩm quyền"), max_length=255)
    unit_level = models.CharField(_("cấp đơn vị"), max_length=20, choices=Level.choices)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=500, blank=True)
    effective_from = models.DateField(_("hiệu lực từ"))
    effective_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("thẩm quyền khen thưởng")
        verbose_name_plural = _("thẩm quyền khen thưởng")
        ordering = ["unit_level", "name"]

    def __str__(self):
        return self.name


class AuthorityPower(models.Model):
    """That an authority may confer a title or an award form, from a date, on a legal basis."""

    authority = models.ForeignKey(
        Authority, verbose_name=_("thẩm quyền"), on_delete=models.CASCADE, related_name="powers"
    )
    title = models.ForeignKey(
        Title, verbose_name=_("danh hiệu"), null=True, blank=True, on_delete=models.CASCADE, related_name="powers"
    )
    award_form = models.ForeignKey(
        AwardForm,
        verbose_name=_("hình thức khen thưởng"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="powers",
    )
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=500)
    effective_from = models.DateField(_("hiệu lực từ"))
    effective_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("quyền khen thưởng")
        verbose_name_plural = _("quyền khen thưởng")
        ordering = ["authority", "effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(title__isnull=False, award_form__isnull=True)
                | Q(title__isnull=True, award_form__isnull=False),
                name="power_title_xor_form",
            )
        ]

    def __str__(self):
        return f"{self.authority} → {self.title or self.award_form}"
