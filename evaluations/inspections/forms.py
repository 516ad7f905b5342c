"""Forms parse and validate; the services in evaluations.inspections / evaluations.violations do the work."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from evaluations.catalogue.models import ChecklistItem, ViolationType
from evaluations.inspections.models import InspectionKind, ItemOutcome
from evaluations.inspections.services import team_problems
from units.models import Person, Role, Unit, User
from units.search.pickers import SearchSelect, UnitPicker
from units.uploads import receive_photo


def inspectors():
    return User.objects.filter(role_assignments__role=Role.INSPECTOR, is_active=True).distinct().order_by("full_name")


class InspectorPicker(SearchSelect):
    search_url = reverse_lazy("evaluations:pick_inspectors")


class InspectorMultiPicker(InspectorPicker, forms.SelectMultiple):
    """The team: each inspector found and tapped joins the chosen ones."""


class InspectionPlanForm(forms.Form):
    unit = forms.ModelChoiceField(label=_lazy("Đơn vị được kiểm tra"), queryset=Unit.objects.none(), widget=UnitPicker)
    date = forms.DateField(
        label=_lazy("Ngày kiểm tra"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    kind = forms.ChoiceField(label=_lazy("Hình thức"), choices=InspectionKind.choices)
    lead = forms.ModelChoiceField(label=_lazy("Trưởng đoàn"), queryset=User.objects.none(), widget=InspectorPicker)
    team = forms.ModelMultipleChoiceField(
        label=_lazy("Thành viên đoàn"),
        queryset=User.objects.none(),
        required=False,
        widget=InspectorMultiPicker(attrs={"size": 4}),
        help_text=_lazy("Gõ tên để tìm và chọn; giữ Ctrl (hoặc chạm lâu) để bỏ chọn một người."),
    )
    notes = forms.CharField(label=_lazy("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units.order_by("path")
        self.fields["lead"].queryset = self.fields["team"].queryset = inspectors()

    def clean(self):
        data = super().clean()
        if data.get("unit") and data.get("lead"):
            for problem in team_problems(unit=data["unit"], team={*data.get("team", []), data["lead"]}):
                self.add_error("team", problem)
        return data


class ItemResultForm(forms.Form):
    outcome = forms.ChoiceField(choices=ItemOutcome.choices)
    note = forms.CharField(max_length=500, required=False)


class SubmitForm(forms.Form):
    token = forms.UUIDField(widget=forms.HiddenInput)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Several photos at once; each is checked quickly and stored, then re-encoded in the background (see
    units.uploads.receive_photo and evaluations.inspections.photos)."""

    def __init__(self, *args, **kwargs):
        attrs = {"accept": "image/jpeg,image/png,image/webp,image/*", "capture": "environment"}
        kwargs.setdefault("widget", MultipleFileInput(attrs=attrs))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        photos, errors = [], []
        for upload in files:
            upload = super().clean(upload, initial)
            try:
                photos.append(receive_photo(upload))  # checked quickly here, re-encoded by a task
            except ValidationError as error:
                errors.extend(f"{upload.name}: {message}" for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return photos


class ViolationForm(forms.Form):
    type = forms.ModelChoiceField(label=_lazy("Loại vi phạm"), queryset=ViolationType.objects.filter(active=True))
    person = forms.ModelChoiceField(
        label=_lazy("Người vi phạm (nếu biết)"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.HiddenInput,
    )
    occurred_at = forms.DateTimeField(
        label=_lazy("Thời điểm"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    description = forms.CharField(label=_lazy("Mô tả"), widget=forms.Textarea(attrs={"rows": 3}))
    photos = MultiplePhotoField(label=_lazy("Ảnh minh chứng"), required=False)
    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, unit, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("token", uuid.uuid4())
        kwargs["initial"].setdefault("occurred_at", timezone.localtime().replace(second=0, microsecond=0))
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = staff_of(unit)

    def clean_occurred_at(self):
        value = self.cleaned_data["occurred_at"]
        if value > timezone.now() + timezone.timedelta(minutes=5):
            raise ValidationError(_("Thời điểm vi phạm không được ở tương lai."))
        return value


def staff_of(unit: Unit):
    """People working in the unit or below it: the only people a violation at this unit may name."""
    return Person.objects.filter(unit__path__startswith=unit.path, active=True)


def search_staff(unit: Unit, query: str, limit: int = 8):
    query = query.strip()
    if len(query) < 2:
        return Person.objects.none()
    people = staff_of(unit).filter(Q(full_name__icontains=query) | Q(code__iexact=query))
    return people.select_related("unit").order_by("full_name")[:limit]


def checklist_by_category():
    """Active checklist items grouped by category, in catalogue order: [(label, [items])]."""
    groups: dict[str, list] = {}
    for item in ChecklistItem.objects.filter(active=True).order_by("position", "code"):
        groups.setdefault(item.get_category_display(), []).append(item)
    return list(groups.items())
