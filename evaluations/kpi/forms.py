"""KPI reading forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from evaluations.kpi.models import KpiIndicator, KpiReading
from units.search.pickers import UnitPicker

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})

NUMBER_WIDGET = forms.NumberInput(attrs={"inputmode": "decimal", "step": "any", "min": "0"})


class KpiEntryForm(forms.Form):
    """One unit and one period, with a value field per enterable indicator (blank = not read)."""

    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None, widget=UnitPicker)
    period_start = forms.DateField(label=_("Từ ngày"), widget=DATE_WIDGET)
    period_end = forms.DateField(label=_("Đến ngày"), widget=DATE_WIDGET)
    source = forms.CharField(label=_("Nguồn số liệu"), max_length=255, required=False)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.indicators = list(KpiIndicator.objects.enterable())
        for indicator in self.indicators:
            self.fields[self.field_name(indicator)] = forms.DecimalField(
                label=f"{indicator.name} ({indicator.unit_of_measure})",
                required=False,
                min_value=0,
                max_digits=14,
                decimal_places=2,
                widget=NUMBER_WIDGET,
            )

    @staticmethod
    def field_name(indicator: KpiIndicator) -> str:
        return f"value_{indicator.code}"

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Ngày kết thúc phải từ ngày bắt đầu trở đi."))
        if not any(cleaned.get(self.field_name(i)) is not None for i in self.indicators):
            raise forms.ValidationError(_("Hãy nhập ít nhất một chỉ số."))
        return cleaned

    def values(self) -> list[tuple[KpiIndicator, object]]:
        """(indicator, value) pairs the user filled in."""
        pairs = [(i, self.cleaned_data.get(self.field_name(i))) for i in self.indicators]
        return [(i, v) for i, v in pairs if v is not None]


class KpiReadingForm(forms.ModelForm):
    class Meta:
        model = KpiReading
        fields = ["value", "source"]
        widgets = {"value": NUMBER_WIDGET}
