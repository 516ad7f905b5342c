"""Pledge forms: start, commitments and own targets, staff registrations, return. They parse and validate; services
decide and save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from emulation.movements.models import CommitmentItem, Period, PeriodStatus
from emulation.titles.models import Title
from units.models import Person, Unit
from units.search.pickers import PersonPicker, UnitPicker


class StartPledgeForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none(), widget=UnitPicker)
    period = forms.ModelChoiceField(label=_("Kỳ thi đua"), queryset=Period.objects.none())

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        statuses = [PeriodStatus.REGISTRATION, PeriodStatus.IN_PROGRESS]
        self.fields["period"].queryset = Period.objects.filter(status__in=statuses).select_related("movement")


class PledgeForm(forms.Form):
    commitment_items = forms.ModelMultipleChoiceField(
        label=_("Nội dung cam kết"),
        queryset=CommitmentItem.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    own_targets = forms.CharField(
        label=_("Chỉ tiêu riêng của đơn vị"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    target_title = forms.ModelChoiceField(
        label=_("Danh hiệu tập thể đăng ký"), queryset=Title.objects.collective(), required=False
    )

    def __init__(self, *args, pledge, **kwargs):
        initial = {
            "commitment_items": list(pledge.commitment_items.all()),
            "own_targets": pledge.own_targets,
            "target_title": pledge.target_title,
        }
        super().__init__(*args, initial=initial, **kwargs)
        items = CommitmentItem.objects.filter(movement=pledge.period.movement_id, active=True)
        self.fields["commitment_items"].queryset = items


class BulkRegistrationForm(forms.Form):
    title = forms.ModelChoiceField(label=_("Danh hiệu cho toàn bộ cán bộ"), queryset=Title.objects.individual())


class RegistrationForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Cán bộ"), queryset=Person.objects.none(), widget=PersonPicker)
    title = forms.ModelChoiceField(
        label=_("Danh hiệu"),
        queryset=Title.objects.individual(),
        required=False,
        help_text=_("Để trống để bỏ đăng ký của người này."),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 3}))
