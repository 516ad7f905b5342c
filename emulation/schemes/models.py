"""Scoring schemes: every point, cap, band, veto and tie-break of a period is data here."""

import uuid
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from emulation.movements.models import Period

POINTS = {"max_digits": 6, "decimal_places": 2}


class ScoringScheme(models.Model):
    """How a period's units are scored: Σ groups (capped) − deductions (each rule capped) + bonuses (capped)."""

    period = models.OneToOneField(Period, verbose_name=_("kỳ thi đua"), on_delete=models.CASCADE, related_name="scheme")
    name = models.CharField(_("tên bảng điểm"), max_length=255)
    max_total = models.DecimalField(_("tổng điểm chuẩn"), default=Decimal("100"), **POINTS)
    bonus_cap = models.DecimalField(_("điểm thưởng tối đa"), default=Decimal("10"), **POINTS)
    min_inspections = models.PositiveSmallIntegerField(
        _("số lần kiểm tra tối thiểu để xếp hạng"),
        default=0,
        help_text=_("Đơn vị có ít lần kiểm tra hơn bị đánh dấu “chưa đủ căn cứ” thay vì được xếp hạng."),
    )
    tie_break_keys = models.JSONField(
        _("tiêu chí phân định khi bằng điểm"),
        default=list,
        blank=True,
        help_text=_('Danh sách khóa theo thứ tự, ví dụ ["fewer_upheld_violations", "higher_discipline_group"].'),
    )
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    effective_date = models.DateField(_("áp dụng từ"), null=True, blank=True)
    copied_from = models.ForeignKey(
        "self", verbose_name=_("sao chép từ"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A new random value each time the scheme or one of its parts is saved or deleted
    # (`emulation.scoring.scheme_cache`): a loaded scheme is used again while its revision is the same.
    revision = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = _("bảng điểm thi đua")
        verbose_name_plural = _("bảng điểm thi đua")

    def __str__(self):
        return self.name


class CriterionGroup(models.Model):
    """A group of criteria whose points are capped at its maximum."""

    scheme = models.ForeignKey(ScoringScheme, on_delete=models.CASCADE, related_name="groups")
    code = models.CharField(_("mã"), max_length=20)
    name = models.CharField(_("nhóm tiêu chí"), max_length=255)
    max_points = models.DecimalField(_("điểm tối đa"), **POINTS)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("nhóm tiêu chí")
        verbose_name_plural = _("nhóm tiêu chí")
        ordering = ["scheme", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["scheme", "code"], name="unique_group_code")]

    def __str__(self):
        return f"{self.code}. {self.name}"


class CriterionSource(models.TextChoices):
    SELF_ASSESSMENT = "self_assessment", _("Tự chấm (có thẩm định)")
    INSPECTIONS = "inspections", _("Kết quả kiểm tra")
    KPI = "kpi", _("Chỉ số (KPI)")
    MANUAL = "manual", _("Hội đồng chấm trực tiếp")


class CriterionMethod(models.TextChoices):
    VERIFIED_CLAIM = "verified_claim", _("Điểm tự chấm đã thẩm định")
    PASS_SHARE = "pass_share", _("Điểm tối đa × tỉ lệ nội dung kiểm tra đạt")
    KPI_THRESHOLD_LINEAR = "kpi_threshold_linear", _("Đủ điểm khi đạt ngưỡng, tuyến tính dưới ngưỡng")
    KPI_AT_MOST = "kpi_at_most", _("Đủ điểm khi không vượt ngưỡng, tuyến tính trên ngưỡng")
    MANUAL_ENTRY = "manual_entry", _("Nhập trực tiếp")


class Criterion(models.Model):
    """A scored line: its maximum, where its points come from, and the method's numbers.

    KPI methods read `kpi_indicator` with `full_at` (full points from here) and `zero_at` (no points from here);
    the inspection method may restrict the checks counted to `checklist_categories`.
    """

    group = models.ForeignKey(CriterionGroup, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(_("mã"), max_length=20)
    name = models.CharField(_("tiêu chí"), max_length=500)
    max_points = models.DecimalField(_("điểm tối đa"), **POINTS)
    step = models.DecimalField(_("bước điểm"), default=Decimal("0.5"), **POINTS)
    source = models.CharField(_("nguồn điểm"), max_length=20, choices=CriterionSource.choices)
    method = models.CharField(_("cách tính"), max_length=30, choices=CriterionMethod.choices)
    kpi_indicator = models.ForeignKey(
        "evaluations.KpiIndicator",
        verbose_name=_("chỉ số KPI"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    full_at = models.DecimalField(_("ngưỡng đủ điểm"), max_digits=14, decimal_places=2, null=True, blank=True)
    zero_at = models.DecimalField(_("ngưỡng 0 điểm"), max_digits=14, decimal_places=2, null=True, blank=True)
    checklist_categories = models.JSONField(
        _("nhóm nội dung kiểm tra"), default=list, blank=True, help_text=_("Để trống: tính mọi nội dung kiểm tra.")
    )
    evidence_required = models.BooleanField(_("bắt buộc minh chứng"), default=False)
    guidance = models.TextField(_("hướng dẫn chấm"), blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["group__position", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["group", "code"], name="unique_criterion_code")]

    def __str__(self):
        return f"{self.code}. {self.name}"


class BonusRule(models.Model):
    """A bonus a unit may earn (e.g. provincial flag received +10); their sum is capped by the scheme."""

    scheme = models.ForeignKey(ScoringScheme, on_delete=models.CASCADE, related_name="bonus_rules")
    code = models.CharField(_("mã"), max_length=20)
    description = models.CharField(_("nội dung thưởng"), max_length=500)
    points = models.DecimalField(_("điểm thưởng"), **POINTS)

    class Meta:
        verbose_name = _("điểm thưởng")
        verbose_name_plural = _("điểm thưởng")
        ordering = ["scheme", "code"]
        constraints = [models.UniqueConstraint(fields=["scheme", "code"], name="unique_bonus_code")]

    def __str__(self):
        return self.description


class Band(models.Model):
    """A classification band reached from `min_total` points upwards (e.g. Xuất sắc ≥ 90)."""

    scheme = models.ForeignKey(ScoringScheme, on_delete=models.CASCADE, related_name="bands")
    code = models.CharField(_("mã"), max_length=20)
    name = models.CharField(_("xếp loại"), max_length=100)
    min_total = models.DecimalField(_("từ điểm"), **POINTS)

    class Meta:
        verbose_name = _("mức xếp loại")
        verbose_name_plural = _("mức xếp loại")
        ordering = ["scheme", "-min_total"]
        constraints = [models.UniqueConstraint(fields=["scheme", "code"], name="unique_band_code")]

    def __str__(self):
        return self.name


class DeductionRule(models.Model):
    """Points taken off per upheld violation of a type, up to the rule's cap (no cap when empty)."""

    scheme = models.ForeignKey(ScoringScheme, on_delete=models.CASCADE, related_name="deduction_rules")
    violation_type = models.ForeignKey(
        "evaluations.ViolationType", verbose_name=_("loại vi phạm"), on_delete=models.PROTECT, related_name="+"
    )
    points_per_occurrence = models.DecimalField(_("điểm trừ mỗi lần"), **POINTS)
    cap = models.DecimalField(_("trừ tối đa"), null=True, blank=True, **POINTS)

    class Meta:
        verbose_name = _("quy tắc trừ điểm")
        verbose_name_plural = _("quy tắc trừ điểm")
        ordering = ["scheme", "violation_type__code"]
        constraints = [models.UniqueConstraint(fields=["scheme", "violation_type"], name="one_rule_per_violation_type")]

    def __str__(self):
        return f"{self.violation_type} −{self.points_per_occurrence}"


class VetoKind(models.TextChoices):
    VIOLATION_CAPS_BAND = "violation_caps_band", _("Vi phạm được xác nhận → xếp loại không quá mức")
    DISCIPLINE_BARS_COLLECTIVE_TITLES = "discipline_bars_titles", _("Có người bị kỷ luật → không xét danh hiệu tập thể")
    VIOLATION_BARS_BLOC_LEAD = "violation_bars_lead", _("Vi phạm được xác nhận → không được dẫn đầu khối/cụm")


class DisciplineLevel(models.TextChoices):
    """Disciplinary measures in increasing order of gravity (ND 112/2020, amended by ND 71/2023)."""

    KHIEN_TRACH = "khien_trach", _("Khiển trách")
    CANH_CAO = "canh_cao", _("Cảnh cáo")
    HA_BAC_LUONG = "ha_bac_luong", _("Hạ bậc lương")
    GIANG_CHUC = "giang_chuc", _("Giáng chức")
    CACH_CHUC = "cach_chuc", _("Cách chức")
    BUOC_THOI_VIEC = "buoc_thoi_viec", _("Buộc thôi việc")


class VetoRule(models.Model):
    """A condition that overrides the points: caps the band, bars collective titles, or bars leading the bloc."""

    scheme = models.ForeignKey(ScoringScheme, on_delete=models.CASCADE, related_name="veto_rules")
    kind = models.CharField(_("loại"), max_length=30, choices=VetoKind.choices)
    description = models.CharField(_("nội dung"), max_length=500)
    violation_type = models.ForeignKey(
        "evaluations.ViolationType",
        verbose_name=_("loại vi phạm"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    capped_band = models.ForeignKey(
        Band, verbose_name=_("xếp loại cao nhất"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    min_discipline = models.CharField(_("từ mức kỷ luật"), max_length=20, choices=DisciplineLevel.choices, blank=True)

    class Meta:
        verbose_name = _("điều kiện loại trừ")
        verbose_name_plural = _("điều kiện loại trừ")
        ordering = ["scheme", "kind"]

    def __str__(self):
        return self.description
