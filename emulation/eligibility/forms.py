"""The unit filter of the results page: a searchable picker over the units the user reaches."""

from django import forms
from django.utils.translation import gettext_lazy as _

from units.models import Unit
from units.search.pickers import UnitPicker


class ResultUnitFilter(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"),
        queryset=Unit.objects.none(),
        required=False,
        widget=UnitPicker(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, auto_id="f-%s", **kwargs)
        self.fields["unit"].queryset = Unit.objects.for_user(user)
