"""Movement, period, commitment item and bloc forms, and the shared date widgets."""

from django import forms
from django.utils.translation import gettext_lazy as _

from emulation.movements.models import BlocKind, CommitmentItem, Movement, Period, PeriodStatus
from units.models import Unit
from units.search.pickers import UnitMultiPicker, UnitPicker

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class MovementForm(forms.ModelForm):
    class Meta:
        model = Movement
        fields = ["code", "name", "launching_document", "description", "start_year", "end_year", "active"]


class PeriodForm(forms.ModelForm):
    class Meta:
        model = Period
        fields = ["movement", "name", "starts_on", "ends_on", "registration_deadline"]
        widgets = {"starts_on": DATE, "ends_on": DATE, "registration_deadline": DATETIME}


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Lý do mở lại"), widget=forms.Textarea(attrs={"rows": 3}))
    status = forms.ChoiceField(
        label=_("Mở lại về bước"),
        choices=[(s, label) for s, label in PeriodStatus.choices if s != PeriodStatus.FINALIZED],
        initial=PeriodStatus.COUNCIL,
    )


class CommitmentItemForm(forms.ModelForm):
    class Meta:
        model = CommitmentItem
        fields = ["code", "text", "position", "active"]


class BlocForm(forms.Form):
    name = forms.CharField(label=_("Tên khối/cụm"), max_length=255)
    kind = forms.ChoiceField(label=_("Loại"), choices=BlocKind.choices)
    members = forms.ModelMultipleChoiceField(
        label=_("Đơn vị thành viên"), queryset=Unit.objects.none(), widget=UnitMultiPicker(attrs={"size": 8})
    )
    leader = forms.ModelChoiceField(
        label=_("Trưởng khối/cụm"), queryset=Unit.objects.none(), required=False, widget=UnitPicker
    )
    deputy = forms.ModelChoiceField(
        label=_("Phó khối/cụm"), queryset=Unit.objects.none(), required=False, widget=UnitPicker
    )

    def __init__(self, *args, units, bloc=None, **kwargs):
        if bloc is not None:
            kwargs["initial"] = {
                "name": bloc.name,
                "kind": bloc.kind,
                "members": list(bloc.members.all()),
                "leader": bloc.leader,
                "deputy": bloc.deputy,
            }
        super().__init__(*args, **kwargs)
        for field in ("members", "leader", "deputy"):
            self.fields[field].queryset = units
