"""The statistics filter: the awarding body and the range of years."""

from django import forms
from django.utils.translation import gettext_lazy as _


class StatisticsForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Cơ quan khen thưởng"), queryset=None)
    first_year = forms.IntegerField(label=_("Từ năm"), min_value=2000, max_value=2100)
    last_year = forms.IntegerField(label=_("Đến năm"), min_value=2000, max_value=2100)

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies.order_by("path")

    def clean(self):
        data = super().clean()
        if data.get("first_year") and data.get("last_year") and data["first_year"] > data["last_year"]:
            raise forms.ValidationError(_("Năm bắt đầu phải trước hoặc bằng năm kết thúc."))
        return data
