"""Appeal, decision, corrective-action and attachment forms."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from evaluations.appeals.models import AppealStatus
from evaluations.catalogue.models import ViolationType
from evaluations.inspections.forms import MultipleFileInput, MultiplePhotoField, staff_of
from units.models import Person
from units.search.pickers import PersonPicker, UnitPicker
from units.uploads import clean_upload

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})

TEXTAREA = forms.Textarea(attrs={"rows": 4})


class MultipleAttachmentField(forms.FileField):
    """Several photos or PDF documents at once; each is checked by content (see units.uploads)."""

    def __init__(self, *args, **kwargs):
        attrs = {"accept": "image/jpeg,image/png,image/webp,application/pdf"}
        kwargs.setdefault("widget", MultipleFileInput(attrs=attrs))
        kwargs.setdefault("help_text", _lazy("Ảnh JPEG/PNG/WebP hoặc văn bản PDF; có thể chọn nhiều tệp."))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if not files and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        cleaned, errors = [], []
        for upload in files:
            upload = super().clean(upload, initial)
            try:
                cleaned.append(clean_upload(upload))
            except ValidationError as error:
                errors.extend(f"{upload.name}: {message}" for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned


class AppealForm(forms.Form):
    reason = forms.CharField(label=_lazy("Lý do khiếu nại"), widget=TEXTAREA)
    files = MultipleAttachmentField(label=_lazy("Minh chứng"), required=False)


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_lazy("Kết luận"),
        choices=[
            (AppealStatus.UPHELD, AppealStatus.UPHELD.label),
            (AppealStatus.DISMISSED, AppealStatus.DISMISSED.label),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_lazy("Lý do"), widget=TEXTAREA)


class CorrectiveActionForm(forms.Form):
    description = forms.CharField(label=_lazy("Nội dung cần khắc phục"), widget=TEXTAREA)
    owner_code = forms.CharField(
        label=_lazy("Mã cán bộ chịu trách nhiệm"), help_text=_lazy("Để trống: thủ trưởng đơn vị chịu trách nhiệm.")
    )
    due_date = forms.DateField(label=_lazy("Hạn hoàn thành"), widget=DATE_WIDGET)

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.fields["owner_code"].required = False

    def clean_owner_code(self):
        code = self.cleaned_data["owner_code"].strip()
        if not code:
            return None
        person = staff_of(self.unit).filter(code__iexact=code).first()
        if person is None:
            raise ValidationError(_("Không có cán bộ mã %(code)s trong đơn vị.") % {"code": code})
        return person


class ActionDoneForm(forms.Form):
    note = forms.CharField(label=_lazy("Đã khắc phục như thế nào"), widget=TEXTAREA)
    files = MultipleAttachmentField(label=_lazy("Minh chứng"), required=False)


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_lazy("Lý do yêu cầu khắc phục lại"), widget=TEXTAREA)


class StandaloneViolationForm(forms.Form):
    """A violation known from a document (traffic-police record, verified citizen complaint…)."""

    unit = forms.ModelChoiceField(label=_lazy("Đơn vị"), queryset=None, widget=UnitPicker)
    person = forms.ModelChoiceField(
        label=_lazy("Cán bộ vi phạm (nếu có)"),
        queryset=None,
        required=False,
        widget=PersonPicker,
        help_text=_lazy("Tìm theo họ tên hoặc mã cán bộ."),
    )
    type = forms.ModelChoiceField(label=_lazy("Loại vi phạm"), queryset=ViolationType.objects.filter(active=True))
    occurred_at = forms.DateTimeField(
        label=_lazy("Thời điểm vi phạm"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    document_reference = forms.CharField(label=_lazy("Số văn bản"), max_length=100)
    document_date = forms.DateField(label=_lazy("Ngày văn bản"), widget=DATE_WIDGET)
    description = forms.CharField(label=_lazy("Mô tả"), widget=TEXTAREA)
    photos = MultiplePhotoField(label=_lazy("Ảnh minh chứng"), required=False)
    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, units, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("token", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["person"].queryset = Person.objects.filter(unit__in=units).select_related("unit")

    def clean(self):
        cleaned = super().clean()
        person, unit = cleaned.get("person"), cleaned.get("unit")
        if person and unit and not person.unit.is_within(unit):
            self.add_error("person", _("%(name)s không thuộc đơn vị đã chọn.") % {"name": person.full_name})
        now = timezone.now()
        if cleaned.get("occurred_at") and cleaned["occurred_at"] > now:
            self.add_error("occurred_at", _("Thời điểm vi phạm không được ở tương lai."))
        if cleaned.get("document_date") and cleaned["document_date"] > timezone.localdate(now):
            self.add_error("document_date", _("Ngày văn bản không được ở tương lai."))
        return cleaned
