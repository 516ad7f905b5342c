"""A unit's score for a period, explained line by line, plus what the council enters by hand (points, bonuses).

A Score is the engine's output: recomputed while the period is open, frozen when the period goes to review, and
never overwritten while frozen. Its breakdown is a snapshot too, kept compact on the score's own row: each line's kind,
points and source id; a criterion's label and group, links, the lines of the inspections a criterion rests on
([id, passed, counted] each) and of the upheld violations ([id, points] each) are written when the page is shown
(`emulation.scoring.views.shown_lines`, which also reads the longer lines older scores stored).
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from emulation.movements.models import Bloc, Period
from emulation.schemes.models import POINTS, Band, BonusRule, Criterion
from units.models import Person, Role, Unit
from units.permissions import role_paths

# Roles that see the scores of every unit below the unit they hold the role on.
SCORE_READER_ROLES = {Role.ADMINISTRATOR, Role.UNIT_HEAD, Role.UNIT_CLERK, Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY}


class ScoreQuerySet(models.QuerySet):
    def for_user(self, user):
        """Administrators and the council see the units they reach; heads and clerks their subtree; inspectors
        and staff only the unit they belong to (their own unit's result, nothing more)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        condition = Q(pk__in=[])
        for role, path in role_paths(user):
            if role in SCORE_READER_ROLES:
                condition |= Q(unit__path__startswith=path)
        condition |= Q(unit_id__in=Person.objects.filter(user=user).values("unit_id"))
        return self.filter(condition)

    def ranked(self):
        return self.filter(rank__isnull=False)


class Score(models.Model):
    """total = Σ groups min(group max, Σ criterion points) − Σ deductions (each rule capped) + min(cap, Σ bonuses)."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="scores")
    period = models.ForeignKey(Period, verbose_name=_("kỳ thi đua"), on_delete=models.CASCADE, related_name="scores")
    criteria_points = models.DecimalField(_("điểm tiêu chí"), default=0, **POINTS)
    deduction_points = models.DecimalField(_("điểm trừ"), default=0, **POINTS)
    bonus_points = models.DecimalField(_("điểm thưởng"), default=0, **POINTS)
    total = models.DecimalField(_("tổng điểm"), default=0, **POINTS)
    band = models.ForeignKey(
        Band, verbose_name=_("xếp loại"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    band_capped = models.BooleanField(_("xếp loại bị giới hạn"), default=False)
    bars_bloc_lead = models.BooleanField(_("không được dẫn đầu khối/cụm"), default=False)
    bloc = models.ForeignKey(
        Bloc, verbose_name=_("khối/cụm"), null=True, blank=True, on_delete=models.SET_NULL, related_name="scores"
    )
    rank = models.PositiveSmallIntegerField(_("thứ hạng trong khối/cụm"), null=True, blank=True)
    tie_broken_by = models.CharField(_("phân định bằng điểm"), max_length=255, blank=True)
    insufficient_evidence = models.BooleanField(_("chưa đủ căn cứ"), default=False)
    inspection_count = models.PositiveIntegerField(_("số lần kiểm tra"), default=0)
    upheld_violation_count = models.PositiveIntegerField(_("số vi phạm được xác nhận"), default=0)
    computed_at = models.DateTimeField(_("tính lúc"), default=timezone.now)
    frozen = models.BooleanField(_("đã chốt"), default=False)
    frozen_at = models.DateTimeField(_("chốt lúc"), null=True, blank=True)
    # Capped points of each criterion group ({code: "12.50"}): the tie-break "higher_group_points:<code>" reads them
    # when one unit's recomputation ranks its bloc again from the stored scores (null: written by an older engine).
    group_points = models.JSONField(_("điểm từng nhóm"), null=True, blank=True, editable=False)
    # Every line that moved the score, in page order; see `LineKind` and `emulation.scoring.Line` for the keys.
    breakdown = models.JSONField(_("giải trình điểm"), default=list, blank=True, encoder=DjangoJSONEncoder)

    objects = ScoreQuerySet.as_manager()

    class Meta:
        verbose_name = _("điểm thi đua")
        verbose_name_plural = _("điểm thi đua")
        ordering = ["period", "bloc", "rank", "-total", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["unit", "period"], name="one_score_per_unit_and_period")]
        indexes = [models.Index(fields=["period", "bloc", "rank"])]

    def __str__(self):
        return f"{self.unit} — {self.period.name}: {self.total}"

    @cached_property
    def live_total(self):
        """The engine's current figure after a freeze (a `LiveScore`); the ranking annotates it as `live`."""
        if hasattr(self, "live"):
            return self.live
        if not self.frozen:
            return None
        return (
            LiveScore.objects.filter(unit_id=self.unit_id, period_id=self.period_id)
            .values_list("total", flat=True)
            .first()
        )

    def live_note(self) -> str:
        """ "đã chốt ngày dd/mm/yyyy — kết quả hiện tại khác (x)" when the live figure left the snapshot, else ""."""
        if not self.live_differs:
            return ""
        day = timezone.localtime(self.frozen_at).strftime("%d/%m/%Y") if self.frozen_at else "—"
        live = f"{self.live_total.normalize():f}".replace(".", ",")
        return gettext("đã chốt ngày %(day)s — kết quả hiện tại khác (%(live)s điểm)") % {"day": day, "live": live}

    @property
    def live_differs(self) -> bool:
        """Frozen, and the engine's current figure is no longer the snapshot."""
        return self.frozen and self.live_total is not None and self.live_total != self.total


class LineKind(models.TextChoices):
    """The kinds of breakdown line; only lines with `counted` true add their points to the total."""

    CRITERION = "criterion", _("Điểm tiêu chí")
    SUPERSEDED = "superseded", _("Điểm ở bước trước (đã được thay)")
    EVIDENCE = "evidence", _("Căn cứ")
    GROUP_CAP = "group_cap", _("Vượt điểm tối đa của nhóm")
    DEDUCTION = "deduction", _("Điểm trừ")
    DEDUCTION_CAP = "deduction_cap", _("Vượt mức trừ tối đa")
    BONUS = "bonus", _("Điểm thưởng")
    BONUS_CAP = "bonus_cap", _("Vượt điểm thưởng tối đa")
    VETO = "veto", _("Điều kiện loại trừ")
    INSUFFICIENT = "insufficient", _("Chưa đủ căn cứ")


class ManualScore(models.Model):
    """Points the council enters for a criterion; it overrides whatever the criterion's source gave."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey(Criterion, verbose_name=_("tiêu chí"), on_delete=models.CASCADE, related_name="+")
    points = models.DecimalField(_("điểm"), **POINTS)
    note = models.TextField(_("căn cứ, lý do"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField(_("nhập lúc"), auto_now=True)

    class Meta:
        verbose_name = _("điểm Hội đồng chấm")
        verbose_name_plural = _("điểm Hội đồng chấm")
        constraints = [models.UniqueConstraint(fields=["unit", "criterion"], name="one_manual_score_per_criterion")]

    def __str__(self):
        return f"{self.unit} — {self.criterion.code}: {self.points}"


class BonusGrant(models.Model):
    """A bonus rule granted to a unit (e.g. it received the provincial flag this year), with its basis."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    rule = models.ForeignKey(BonusRule, verbose_name=_("điểm thưởng"), on_delete=models.CASCADE, related_name="grants")
    note = models.CharField(_("căn cứ"), max_length=500, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("điểm thưởng được ghi nhận")
        verbose_name_plural = _("điểm thưởng được ghi nhận")
        constraints = [models.UniqueConstraint(fields=["unit", "rule"], name="one_grant_per_bonus_rule")]

    def __str__(self):
        return f"{self.unit} — {self.rule.code}"


class LiveScore(models.Model):
    """After a freeze, the figure the engine computes now, beside the frozen `Score` (which councils and decisions
    keep using); written by the same recompute path, dropped when the period is re-opened."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="+")
    total = models.DecimalField(_("tổng điểm hiện tại"), **POINTS)
    computed_at = models.DateTimeField(_("tính lúc"))

    class Meta:
        verbose_name = _("điểm hiện tại sau khi chốt")
        verbose_name_plural = _("điểm hiện tại sau khi chốt")
        constraints = [models.UniqueConstraint(fields=["unit", "period"], name="one_live_score_per_unit_and_period")]

    def __str__(self):
        return f"{self.unit} — {self.period}: {self.total}"
