"""Forms parse and validate; services decide and save."""

from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from emulation.models import BlocKind, CommitmentItem, Movement, Period, PeriodStatus, ScoringScheme, Title
from units.models import Person, Unit

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


class StartPledgeForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
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
    person = forms.ModelChoiceField(label=_("Cán bộ"), queryset=Person.objects.none())
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


EVIDENCE_EXTENSIONS = ["pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx", "odt", "ods"]


class ClaimForm(forms.Form):
    points = forms.DecimalField(label=_("Điểm tự chấm"), min_value=0, max_digits=6, decimal_places=2)
    note = forms.CharField(label=_("Thuyết minh"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    evidence = forms.FileField(
        label=_("Minh chứng"),
        required=False,
        validators=[FileExtensionValidator(EVIDENCE_EXTENSIONS)],
        help_text=_("PDF, ảnh hoặc văn bản văn phòng."),
    )

    def clean_evidence(self):
        evidence = self.cleaned_data["evidence"]
        if evidence and evidence.size > settings.EVIDENCE_MAX_BYTES:
            limit = settings.EVIDENCE_MAX_BYTES // (1024 * 1024)
            raise forms.ValidationError(_("Tệp minh chứng vượt quá %(mb)s MB.") % {"mb": limit})
        return evidence


class VerifyForm(forms.Form):
    points = forms.DecimalField(label=_("Điểm thẩm định"), min_value=0, max_digits=6, decimal_places=2)
    reason = forms.CharField(
        label=_("Lý do"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Bắt buộc khi điểm thẩm định khác điểm tự chấm."),
    )


class CopySchemeForm(forms.Form):
    source = forms.ModelChoiceField(label=_("Sao chép từ bảng điểm"), queryset=ScoringScheme.objects.none())

    def __init__(self, *args, period, **kwargs):
        super().__init__(*args, **kwargs)
        schemes = ScoringScheme.objects.filter(period__movement=period.movement_id).exclude(period=period)
        self.fields["source"].queryset = schemes.select_related("period").order_by("-period__starts_on")
        latest = self.fields["source"].queryset.first()
        self.fields["source"].initial = latest.pk if latest else None


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
        label=_("Đơn vị thành viên"), queryset=Unit.objects.none(), widget=forms.SelectMultiple(attrs={"size": 12})
    )
    leader = forms.ModelChoiceField(label=_("Trưởng khối/cụm"), queryset=Unit.objects.none(), required=False)
    deputy = forms.ModelChoiceField(label=_("Phó khối/cụm"), queryset=Unit.objects.none(), required=False)

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
