"""Council points and bonus grants: the unit from a searchable picker, within the units the administrator manages.

Rules
-----
- Only criteria and bonus rules of a period not yet finalized are offered; a finalized period's entries are read-only.
- Council points lie between 0 and the criterion's maximum; one entry per unit and criterion, one grant per unit and
  bonus rule (said in Vietnamese here, before the database would refuse it).
"""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from emulation.movements.models import PeriodStatus
from emulation.schemes.models import BonusRule, Criterion
from emulation.scoring.models import BonusGrant, ManualScore
from units.search.pickers import UnitPicker


class CriterionChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.group.scheme.period} — {obj.code}. {obj.name} ({gettext('tối đa')} {obj.max_points})"


class BonusRuleChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.scheme.period} — {obj.code}. {obj.description} (+{obj.points})"


class ManualScoreForm(forms.ModelForm):
    criterion = CriterionChoice(label=_("Tiêu chí"), queryset=Criterion.objects.none())

    class Meta:
        model = ManualScore
        fields = ["unit", "criterion", "points", "note"]
        widgets = {"unit": UnitPicker, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        criteria = Criterion.objects.exclude(group__scheme__period__status=PeriodStatus.FINALIZED)
        self.fields["criterion"].queryset = criteria.select_related("group__scheme__period").order_by(
            "-group__scheme__period__starts_on", "group__position", "position", "code"
        )

    def clean(self):
        data = super().clean()
        unit, criterion, points = data.get("unit"), data.get("criterion"), data.get("points")
        if criterion is not None and points is not None and not 0 <= points <= criterion.max_points:
            self.add_error(
                "points", _("Điểm phải từ 0 đến %(max)s (điểm tối đa của tiêu chí).") % {"max": criterion.max_points}
            )
        entries = ManualScore.objects.filter(unit=unit, criterion=criterion).exclude(pk=self.instance.pk)
        if unit is not None and criterion is not None and entries.exists():
            self.add_error("criterion", _("Đơn vị này đã có điểm Hội đồng chấm cho tiêu chí này: hãy sửa dòng đó."))
        return data

    def validate_unique(self):
        """Checked in `clean` with a clearer message."""


class BonusGrantForm(forms.ModelForm):
    rule = BonusRuleChoice(label=_("Điểm thưởng"), queryset=BonusRule.objects.none())

    class Meta:
        model = BonusGrant
        fields = ["unit", "rule", "note"]
        widgets = {"unit": UnitPicker}
        help_texts = {"note": _("Ví dụ: số, ngày quyết định tặng Cờ thi đua.")}

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        rules = BonusRule.objects.exclude(scheme__period__status=PeriodStatus.FINALIZED)
        self.fields["rule"].queryset = rules.select_related("scheme__period").order_by(
            "-scheme__period__starts_on", "code"
        )

    def clean(self):
        data = super().clean()
        unit, rule = data.get("unit"), data.get("rule")
        grants = BonusGrant.objects.filter(unit=unit, rule=rule).exclude(pk=self.instance.pk)
        if unit is not None and rule is not None and grants.exists():
            self.add_error("rule", _("Đơn vị này đã được ghi nhận điểm thưởng này."))
        return data

    def validate_unique(self):
        """Checked in `clean` with a clearer message."""
