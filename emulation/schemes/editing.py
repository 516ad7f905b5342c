"""Editing a scoring scheme in the app: the scheme's own numbers, its child rows as inline formsets, and the lock.

Rules
-----
- A scheme is edited only while its period's results are not frozen: a finalized period, or one whose scores were
  frozen when it entered review, refuses every change (`locked_reason`), since the scheme decides those results.
  Re-opening the period (recorded) unfreezes them and lets the scheme be changed again.
- Each child row is validated as the engine reads it: a KPI criterion names its indicator and thresholds, a veto names
  what triggers it and what it does. Rows are saved vetoes before bands, so a veto and its band go together; a band
  still used by a veto is not deleted (the view says so).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from emulation.movements.forms import DATE
from emulation.movements.models import Period
from emulation.schemes.models import (
    Band,
    BonusRule,
    Criterion,
    CriterionGroup,
    CriterionMethod,
    DeductionRule,
    ScoringScheme,
    VetoKind,
    VetoRule,
)
from evaluations.models import ViolationType

# The tie-break keys the ranking knows (emulation.scoring.ranking); `higher_group_points` takes a group code.
TIE_BREAK_NAMES = ("fewer_upheld_violations", "fewer_deductions", "higher_group_points", "higher_criteria_points")
KPI_METHODS = {CriterionMethod.KPI_THRESHOLD_LINEAR, CriterionMethod.KPI_AT_MOST}


def locked_reason(period: Period) -> str:
    """Why the period's scheme may not change now, or "" when it may."""
    if period.is_read_only:
        return gettext("Kỳ thi đua “%(period)s” đã kết thúc: bảng điểm không sửa được nữa.") % {"period": period}
    # The period's scores sit above schemes: read through the period's relation, not the scoring models.
    if period.scores.filter(frozen=True).exists():
        return gettext(
            "Điểm của kỳ thi đua “%(period)s” đã chốt (bước “%(status)s”): sửa bảng điểm sẽ làm thay đổi kết quả "
            "đã chốt, nên không được sửa. Muốn sửa, hãy mở lại kỳ thi đua (việc mở lại được ghi nhật ký)."
        ) % {"period": period, "status": period.get_status_display()}
    return ""


def open_periods_without_scheme():
    """Periods a new or copied scheme may go to: no scheme yet, not finalized, scores not frozen."""
    periods = Period.objects.open().filter(scheme__isnull=True).exclude(scores__frozen=True).distinct()
    return periods.select_related("movement").order_by("movement__name", "-starts_on")


class TieBreakField(forms.CharField):
    """One tie-break key per line, in order; unknown keys are refused here (the ranking would skip them silently)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        keys = [line.strip() for line in (value or "").splitlines() if line.strip()]
        for key in keys:
            name, sep, argument = key.partition(":")
            if name not in TIE_BREAK_NAMES or (name == "higher_group_points") != bool(sep and argument):
                raise ValidationError(
                    gettext(
                        "Khóa “%(key)s” không hợp lệ; dùng một trong: %(known)s (điểm nhóm ghi kèm mã nhóm, ví dụ "
                        "higher_group_points:C)."
                    )
                    % {"key": key, "known": ", ".join(TIE_BREAK_NAMES)}
                )
        return keys


class SchemeForm(forms.ModelForm):
    tie_break_keys = TieBreakField(
        label=_("Tiêu chí phân định khi bằng điểm"),
        required=False,
        help_text=_("Mỗi dòng một khóa, theo thứ tự ưu tiên, ví dụ fewer_upheld_violations."),
    )

    class Meta:
        model = ScoringScheme
        fields = ["period", "name", "max_total", "bonus_cap", "min_inspections", "tie_break_keys", "legal_basis"]
        fields += ["effective_date"]
        widgets = {"effective_date": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["period"]
        else:
            self.fields["period"].queryset = open_periods_without_scheme()
            self.fields["period"].error_messages["invalid_choice"] = _(
                "Kỳ thi đua này đã có bảng điểm, đã kết thúc hoặc đã chốt điểm."
            )

    def clean(self):
        data = super().clean()
        if data.get("max_total") is not None and data["max_total"] <= 0:
            self.add_error("max_total", _("Tổng điểm chuẩn phải lớn hơn 0."))
        if data.get("bonus_cap") is not None and data["bonus_cap"] < 0:
            self.add_error("bonus_cap", _("Điểm thưởng tối đa không được âm."))
        return data


class CopyToPeriodForm(forms.Form):
    period = forms.ModelChoiceField(
        label=_("Sao chép sang kỳ thi đua"),
        queryset=Period.objects.none(),
        error_messages={"invalid_choice": _("Kỳ thi đua này đã có bảng điểm, đã kết thúc hoặc đã chốt điểm.")},
    )
    name = forms.CharField(label=_("Tên bảng điểm mới"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = open_periods_without_scheme()


def _not_negative(form, *fields):
    for field in fields:
        value = form.cleaned_data.get(field)
        if value is not None and value < 0:
            form.add_error(field, gettext("Không được âm."))


class GroupForm(forms.ModelForm):
    class Meta:
        model = CriterionGroup
        fields = ["code", "name", "max_points", "position"]

    def clean(self):
        data = super().clean()
        _not_negative(self, "max_points")
        return data


class DeductionForm(forms.ModelForm):
    class Meta:
        model = DeductionRule
        fields = ["violation_type", "points_per_occurrence", "cap"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["violation_type"].queryset = ViolationType.objects.order_by("code")

    def clean(self):
        data = super().clean()
        _not_negative(self, "points_per_occurrence", "cap")
        return data


class BonusRuleForm(forms.ModelForm):
    class Meta:
        model = BonusRule
        fields = ["code", "description", "points"]

    def clean(self):
        data = super().clean()
        _not_negative(self, "points")
        return data


class BandForm(forms.ModelForm):
    class Meta:
        model = Band
        fields = ["code", "name", "min_total"]


class VetoForm(forms.ModelForm):
    class Meta:
        model = VetoRule
        fields = ["kind", "description", "violation_type", "capped_band", "min_discipline"]

    def __init__(self, *args, scheme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["violation_type"].queryset = ViolationType.objects.order_by("code")
        self.fields["capped_band"].queryset = Band.objects.filter(scheme=scheme)

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind in {VetoKind.VIOLATION_CAPS_BAND, VetoKind.VIOLATION_BARS_BLOC_LEAD} and not data.get("violation_type"):
            self.add_error("violation_type", _("Chọn loại vi phạm làm phát sinh điều kiện này."))
        if kind == VetoKind.VIOLATION_CAPS_BAND and not data.get("capped_band"):
            self.add_error("capped_band", _("Chọn xếp loại cao nhất khi có vi phạm."))
        if kind == VetoKind.DISCIPLINE_BARS_COLLECTIVE_TITLES and not data.get("min_discipline"):
            self.add_error("min_discipline", _("Chọn mức kỷ luật từ đó không xét danh hiệu tập thể."))
        return data


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["code", "name", "max_points", "step", "source", "method", "kpi_indicator", "full_at", "zero_at"]
        fields += ["evidence_required", "guidance", "position"]
        widgets = {"guidance": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        _not_negative(self, "max_points")
        if data.get("step") is not None and data["step"] <= 0:
            self.add_error("step", _("Bước điểm phải lớn hơn 0."))
        if data.get("method") in KPI_METHODS:
            if not data.get("kpi_indicator"):
                self.add_error("kpi_indicator", _("Cách tính theo KPI cần chọn chỉ số KPI."))
            if data.get("full_at") is None or data.get("zero_at") is None:
                self.add_error("full_at", _("Cách tính theo KPI cần cả ngưỡng đủ điểm và ngưỡng 0 điểm."))
        return data


def _formset(model, form, **extra):
    return inlineformset_factory(ScoringScheme, model, form=form, extra=1, can_delete=True, **extra)


SCHEME_FORMSETS = (
    ("groups", _("Nhóm tiêu chí"), _formset(CriterionGroup, GroupForm)),
    ("deductions", _("Trừ điểm"), _formset(DeductionRule, DeductionForm)),
    ("bonuses", _("Điểm thưởng"), _formset(BonusRule, BonusRuleForm)),
    ("vetoes", _("Điều kiện loại trừ"), _formset(VetoRule, VetoForm)),
    ("bands", _("Xếp loại"), _formset(Band, BandForm)),
)

CriterionFormSet = inlineformset_factory(CriterionGroup, Criterion, form=CriterionForm, extra=1, can_delete=True)


def scheme_formsets(scheme: ScoringScheme, data=None) -> list[tuple[str, str, forms.BaseInlineFormSet]]:
    """(prefix, heading, bound formset) for each kind of child row of the scheme."""
    result = []
    for prefix, heading, formset_class in SCHEME_FORMSETS:
        kwargs = {"form_kwargs": {"scheme": scheme}} if prefix == "vetoes" else {}
        result.append((prefix, heading, formset_class(data, instance=scheme, prefix=prefix, **kwargs)))
    return result
