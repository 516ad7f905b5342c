"""Checklist item, violation type and appeal policy forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from evaluations.catalogue.models import AppealPolicy, ChecklistItem, ViolationType


class ChecklistItemForm(forms.ModelForm):
    class Meta:
        model = ChecklistItem
        fields = ["code", "category", "text", "legal_basis", "violation_type", "position", "active"]


class ViolationTypeForm(forms.ModelForm):
    class Meta:
        model = ViolationType
        fields = [
            "code",
            "name",
            "category",
            "severity",
            "default_deduction",
            "bars_person_titles",
            "bars_unit_titles",
            "sensitive",
            "legal_basis",
            "effective_from",
            "active",
        ]
        widgets = {"effective_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        localized_fields = ["default_deduction"]  # Vietnamese decimals are written "1,5"


class AppealPolicyForm(forms.ModelForm):
    class Meta:
        model = AppealPolicy
        fields = ["appeal_window_days", "effective_from", "legal_basis"]
        widgets = {"effective_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean_appeal_window_days(self):
        days = self.cleaned_data["appeal_window_days"]
        if days < 1:
            raise ValidationError(_("Thời hạn khiếu nại phải ít nhất 1 ngày."))
        return days
