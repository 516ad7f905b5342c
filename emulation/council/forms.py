"""Forms of the council and nomination pages: they parse and validate; services do the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from emulation.council.models.ballots import Choice
from emulation.council.models.council import Presence, Session
from emulation.movements.models import Period, PeriodStatus
from emulation.titles.models import AwardForm, Title
from units.forms import CheckedFileField
from units.models import Person, Unit
from units.search.pickers import PersonPicker, UnitPicker


class NominationForm(forms.Form):
    """A unit proposes itself or one of its people for a title or an award form."""

    period = forms.ModelChoiceField(label=_("Kỳ thi đua"), queryset=Period.objects.none())
    unit = forms.ModelChoiceField(
        label=_("Đơn vị đề nghị / tập thể được đề nghị"), queryset=Unit.objects.none(), widget=UnitPicker
    )
    person = forms.ModelChoiceField(
        label=_("Cá nhân được đề nghị"),
        queryset=Person.objects.none(),
        required=False,
        widget=PersonPicker,
        help_text=_("Để trống khi đề nghị khen thưởng cho tập thể."),
    )
    title = forms.ModelChoiceField(label=_("Danh hiệu thi đua"), queryset=Title.objects.none(), required=False)
    award_form = forms.ModelChoiceField(
        label=_("Hoặc hình thức khen thưởng"), queryset=AwardForm.objects.none(), required=False
    )
    achievement_report = forms.CharField(label=_("Báo cáo thành tích"), widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = Period.objects.exclude(status=PeriodStatus.FINALIZED).select_related(
            "movement"
        )
        self.fields["unit"].queryset = units
        self.fields["person"].queryset = Person.objects.filter(unit__in=units, active=True).select_related("unit")
        self.fields["title"].queryset = Title.objects.filter(active=True)
        self.fields["award_form"].queryset = AwardForm.objects.filter(active=True)

    def clean(self):
        data = super().clean()
        if bool(data.get("title")) == bool(data.get("award_form")):
            raise forms.ValidationError(_("Chọn một danh hiệu hoặc một hình thức khen thưởng."))
        person, unit = data.get("person"), data.get("unit")
        if person and unit and person.unit_id != unit.pk:
            self.add_error("person", _("Cá nhân phải thuộc đơn vị đề nghị."))
        return data


class ReviseForm(forms.Form):
    achievement_report = forms.CharField(label=_("Báo cáo thành tích"), widget=forms.Textarea(attrs={"rows": 8}))


class AttachmentForm(forms.Form):
    name = forms.CharField(label=_("Tên tài liệu"), max_length=255, required=False)
    file = CheckedFileField(label=_("Tệp"))


class NotesForm(forms.Form):
    notes = forms.CharField(label=_("Ý kiến"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    override = forms.CharField(
        label=_("Lý do vẫn đưa ra Hội đồng dù chưa đủ điều kiện"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class AgendaForm(forms.Form):
    session = forms.ModelChoiceField(
        label=_("Phiên họp"), queryset=Session.objects.none(), widget=forms.Select(attrs={"class": "form-select"})
    )

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions


class SessionForm(forms.Form):
    date = forms.DateField(label=_("Ngày họp"), input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    place = forms.CharField(label=_("Địa điểm"), max_length=255, required=False)
    considers_awards = forms.BooleanField(label=_("Phiên xét khen thưởng"), required=False, initial=True)


class AttendanceForm(forms.Form):
    """One choice per member of the session, named `m<member id>`."""

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        for line in lines:
            self.fields[f"m{line.member_id}"] = forms.ChoiceField(
                label=str(line.member), choices=Presence.choices, initial=line.presence
            )

    def presence(self) -> dict[int, str]:
        return {int(name[1:]): value for name, value in self.cleaned_data.items()}


class VoteForm(forms.Form):
    choice = forms.ChoiceField(choices=Choice.choices)


class WrittenVoteForm(forms.Form):
    member = forms.IntegerField(widget=forms.HiddenInput)
    choice = forms.ChoiceField(label=_("Ý kiến bằng văn bản"), choices=Choice.choices)


class CloseBallotForm(forms.Form):
    chair_decision = forms.TypedChoiceField(
        label=_("Ý kiến quyết định của Chủ tịch Hội đồng (khi số phiếu ngang nhau)"),
        choices=[("", "—"), ("1", _("Đồng ý")), ("0", _("Không đồng ý"))],
        coerce=lambda value: value == "1",
        empty_value=None,
        required=False,
    )
    confirm = forms.BooleanField(
        label=_("Tôi đã xem danh sách chưa bỏ phiếu: kết thúc và niêm phong kết quả."), required=False
    )
