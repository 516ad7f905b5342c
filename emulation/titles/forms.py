"""Forms of the title catalogue: rule sets, titles and their conditions, award forms, authorities and powers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from emulation.titles.models import Authority, AuthorityPower, AwardForm, RuleSet, Title, TitleCondition, TitleHistory

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StyledModelForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs.setdefault("class", "form-check-input")
            else:
                css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
                field.widget.attrs.setdefault("class", css)


class RuleSetForm(StyledModelForm):
    class Meta:
        model = RuleSet
        fields = ["code", "name", "issuer", "legal_basis", "effective_from", "effective_to", "active"]
        widgets = {"effective_from": DATE, "effective_to": DATE}


class TitleForm(StyledModelForm):
    class Meta:
        model = Title
        fields = ["code", "name", "scope", "level", "legal_basis", "effective_date", "position", "active"]
        widgets = {"effective_date": DATE}


class TitleConditionForm(StyledModelForm):
    class Meta:
        model = TitleCondition
        fields = [
            "rule_set",
            "title",
            "kind",
            "position",
            "number",
            "other_title",
            "rating",
            "discipline_form",
            "initiative_level",
            "quota_base",
            "rounding",
            "count_predecessors",
            "legal_basis",
            "effective_from",
            "effective_to",
            "active",
        ]
        widgets = {"effective_from": DATE, "effective_to": DATE}


class AwardFormForm(StyledModelForm):
    class Meta:
        model = AwardForm
        fields = ["code", "name", "scope", "level", "legal_basis", "effective_date", "position", "active"]
        widgets = {"effective_date": DATE}


class AuthorityForm(StyledModelForm):
    class Meta:
        model = Authority
        fields = ["code", "name", "unit_level", "legal_basis", "effective_from", "effective_to"]
        widgets = {"effective_from": DATE, "effective_to": DATE}


class AuthorityPowerForm(StyledModelForm):
    class Meta:
        model = AuthorityPower
        fields = ["authority", "title", "award_form", "legal_basis", "effective_from", "effective_to"]
        widgets = {"effective_from": DATE, "effective_to": DATE}

    def clean(self):
        data = super().clean()
        if bool(data.get("title")) == bool(data.get("award_form")):
            raise forms.ValidationError(_("Chọn một danh hiệu hoặc một hình thức khen thưởng (không chọn cả hai)."))
        return data


class CopyRuleSetForm(forms.Form):
    code = forms.CharField(label=_("Mã bộ mới"), max_length=40)
    name = forms.CharField(label=_("Tên bộ tiêu chuẩn"), max_length=255)
    issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=255)
    legal_basis = forms.CharField(label=_("Căn cứ pháp lý"), max_length=500)
    effective_from = forms.DateField(label=_("Hiệu lực từ"), widget=DATE)

    def clean_code(self):
        code = self.cleaned_data["code"]
        if RuleSet.objects.filter(code=code).exists():
            raise forms.ValidationError(_("Mã này đã có."))
        return code


class TitleHistoryForm(StyledModelForm):
    """A title held in an earlier year, copied from its paper decision (read by consecutive-year conditions)."""

    class Meta:
        model = TitleHistory
        fields = ["title", "person", "unit", "year", "decision_number", "decided_on", "revoked_on"]
        widgets = {"decided_on": DATE, "revoked_on": DATE}

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("unit")):
            raise forms.ValidationError(_("Chọn một cán bộ hoặc một tập thể (không chọn cả hai)."))
        return data
