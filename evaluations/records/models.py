"""What the title rules need per person (or unit) and year: task-completion ratings, discipline, initiatives,
administrative sanctions and holds while a subject is under investigation. Observations only; the rules that read
them live in `emulation`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from units.models import Person, Role, Unit
from units.permissions import role_paths

# Roles that read the records of the people of the units below the unit they hold the role on.
RECORD_READER_ROLES = {
    Role.ADMINISTRATOR,
    Role.UNIT_HEAD,
    Role.UNIT_CLERK,
    Role.COUNCIL_MEMBER,
    Role.COUNCIL_SECRETARY,
}

# Roles that record them: administrators anywhere below them, heads and clerks for their own unit's people.
RECORD_WRITER_ROLES = {Role.ADMINISTRATOR, Role.UNIT_HEAD, Role.UNIT_CLERK}


class TaskRating(models.TextChoices):
    """The four levels of the annual quality rating (ND 90/2020, ND 48/2023, ND 335/2025), best first."""

    EXCELLENT = "htxsnv", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "httnv", _("Hoàn thành tốt nhiệm vụ")
    DONE = "htnv", _("Hoàn thành nhiệm vụ")
    FAILED = "khtnv", _("Không hoàn thành nhiệm vụ")

    @classmethod
    def rank(cls, value: str | None) -> int:
        """Higher is better; an absent rating ranks below every level."""
        order = [cls.FAILED, cls.DONE, cls.GOOD, cls.EXCELLENT]
        return order.index(value) if value in order else -1


class DisciplineForm(models.TextChoices):
    """Disciplinary measures in increasing order of gravity (ND 112/2020, amended by ND 71/2023)."""

    KHIEN_TRACH = "khien_trach", _("Khiển trách")
    CANH_CAO = "canh_cao", _("Cảnh cáo")
    HA_BAC_LUONG = "ha_bac_luong", _("Hạ bậc lương")
    GIANG_CHUC = "giang_chuc", _("Giáng chức")
    CACH_CHUC = "cach_chuc", _("Cách chức")
    BUOC_THOI_VIEC = "buoc_thoi_viec", _("Buộc thôi việc")

    @classmethod
    def gravity(cls, value: str | None) -> int:
        return cls.values.index(value) if value in cls.values else -1


class InitiativeLevel(models.TextChoices):
    GRASSROOTS = "co_so", _("Cấp cơ sở")
    PROVINCE = "tinh", _("Cấp tỉnh, bộ, ngành")
    NATIONAL = "toan_quoc", _("Toàn quốc")

    @classmethod
    def reach(cls, value: str | None) -> int:
        return cls.values.index(value) if value in cls.values else -1


class InitiativeKind(models.TextChoices):
    INITIATIVE = "initiative", _("Sáng kiến")
    RESEARCH = "research", _("Đề tài, đề án khoa học đã nghiệm thu")


class RecordQuerySet(models.QuerySet):
    """Records about a person (or a unit) read through the unit tree."""

    unit_field = "person__unit"

    def for_user(self, user):
        """Records of people below the user's reading roles, plus the user's own."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        condition = Q(pk__in=[])
        for role, path in role_paths(user):
            if role in RECORD_READER_ROLES:
                condition |= Q(**{f"{self.unit_field}__path__startswith": path})
        if self.unit_field.startswith("person"):
            condition |= Q(person__user=user)
        return self.filter(condition)


class SubjectQuerySet(RecordQuerySet):
    """Records about a person or a unit."""

    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        condition = Q(pk__in=[])
        for role, path in role_paths(user):
            if role in RECORD_READER_ROLES:
                condition |= Q(person__unit__path__startswith=path) | Q(unit__path__startswith=path)
        return self.filter(condition | Q(person__user=user))


class RecordBase(models.Model):
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), auto_now=True)

    class Meta:
        abstract = True


class AnnualRating(RecordBase):
    """The year's task-completion rating of a person, or of a collective (its superior's assessment)."""

    person = models.ForeignKey(
        Person, verbose_name=_("cán bộ"), null=True, blank=True, on_delete=models.CASCADE, related_name="ratings"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("tập thể"), null=True, blank=True, on_delete=models.CASCADE, related_name="ratings"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    rating = models.CharField(_("mức xếp loại"), max_length=10, choices=TaskRating.choices)
    source = models.CharField(_("văn bản, nguồn"), max_length=255, blank=True)

    objects = SubjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("xếp loại chất lượng hằng năm")
        verbose_name_plural = _("xếp loại chất lượng hằng năm")
        ordering = ["-year", "person__full_name", "unit__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, unit__isnull=True) | Q(person__isnull=True, unit__isnull=False),
                name="rating_person_xor_unit",
            ),
            models.UniqueConstraint(fields=["person", "year"], name="one_rating_per_person_year"),
            models.UniqueConstraint(fields=["unit", "year"], name="one_rating_per_unit_year"),
        ]

    def __str__(self):
        return f"{self.person or self.unit} — {self.year}: {self.get_rating_display()}"


class DisciplineRecord(RecordBase):
    """A disciplinary decision: its form, the day decided and the day its effect ends (achievement counts after)."""

    person = models.ForeignKey(Person, verbose_name=_("cán bộ"), on_delete=models.CASCADE, related_name="disciplines")
    form = models.CharField(_("hình thức kỷ luật"), max_length=20, choices=DisciplineForm.choices)
    decided_on = models.DateField(_("ngày quyết định"))
    ends_on = models.DateField(
        _("hết thời hạn kỷ luật"), null=True, blank=True, help_text=_("Để trống nếu chưa xác định.")
    )
    decision_number = models.CharField(_("số quyết định"), max_length=100, blank=True)
    reason = models.TextField(_("lý do"), blank=True)

    objects = RecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("decided_on")), name="discipline_dates"
            )
        ]

    def __str__(self):
        return f"{self.person} — {self.get_form_display()} {self.decided_on:%d/%m/%Y}"


class Initiative(RecordBase):
    """A recognised initiative (sáng kiến) or accepted research work of a person, with its level of recognition."""

    person = models.ForeignKey(Person, verbose_name=_("cán bộ"), on_delete=models.CASCADE, related_name="initiatives")
    title = models.CharField(_("tên sáng kiến, đề tài"), max_length=500)
    kind = models.CharField(_("loại"), max_length=20, choices=InitiativeKind.choices, default=InitiativeKind.INITIATIVE)
    level = models.CharField(_("cấp công nhận"), max_length=20, choices=InitiativeLevel.choices)
    recognised_on = models.DateField(_("ngày công nhận"))
    decision_number = models.CharField(_("số quyết định"), max_length=100, blank=True)

    objects = RecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("sáng kiến, đề tài")
        verbose_name_plural = _("sáng kiến, đề tài")
        ordering = ["-recognised_on", "-pk"]

    def __str__(self):
        return self.title


class AdministrativeSanction(RecordBase):
    """An administrative sanction (xử phạt hành chính) of a person, e.g. a traffic or alcohol fine."""

    person = models.ForeignKey(Person, verbose_name=_("cán bộ"), on_delete=models.CASCADE, related_name="sanctions")
    decided_on = models.DateField(_("ngày xử phạt"))
    description = models.CharField(_("nội dung"), max_length=500)
    decision_number = models.CharField(_("số quyết định"), max_length=100, blank=True)

    objects = RecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("xử phạt hành chính")
        verbose_name_plural = _("xử phạt hành chính")
        ordering = ["-decided_on", "-pk"]

    def __str__(self):
        return f"{self.person} — {self.decided_on:%d/%m/%Y}"


class InvestigationHold(RecordBase):
    """A person or unit under discipline review, investigation, inspection or complaint: awards wait (ND 152 Đ4)."""

    person = models.ForeignKey(
        Person, verbose_name=_("cán bộ"), null=True, blank=True, on_delete=models.CASCADE, related_name="holds"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("tập thể"), null=True, blank=True, on_delete=models.CASCADE, related_name="holds"
    )
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True, help_text=_("Để trống khi đang xem xét."))
    reason = models.CharField(_("lý do"), max_length=500)
    outcome = models.CharField(_("kết luận"), max_length=500, blank=True)

    objects = SubjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("tạm hoãn xét khen thưởng")
        verbose_name_plural = _("tạm hoãn xét khen thưởng")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, unit__isnull=True) | Q(person__isnull=True, unit__isnull=False),
                name="hold_person_xor_unit",
            )
        ]

    def __str__(self):
        return f"{self.person or self.unit} — {self.reason}"

    def is_open_on(self, day) -> bool:
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)
