"""Forms for the per-person yearly records; the person (or unit) list is limited to where the user may record."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from evaluations.records.models import (
    AdministrativeSanction,
    AnnualRating,
    DisciplineRecord,
    Initiative,
    InvestigationHold,
)
from evaluations.records.permissions import record_writer_paths
from units.models import Person, Unit
from units.search.pickers import PersonPicker, UnitPicker

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class RecordForm(forms.ModelForm):
    """Common setup: Bootstrap classes, dd/mm/yyyy dates, people and units within the user's recording scope."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = Q(pk__in=[])
        for path in record_writer_paths(user):
            scope |= Q(path__startswith=path)
        units = Unit.objects.all() if user.is_superuser else Unit.objects.filter(scope)
        if "person" in self.fields:
            self.fields["person"].widget = PersonPicker()
            self.fields["person"].queryset = Person.objects.filter(unit__in=units, active=True).select_related("unit")
        if "unit" in self.fields:
            self.fields["unit"].widget = UnitPicker()
            self.fields["unit"].queryset = units
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.input_formats = DATE_FORMATS
                field.widget = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)

    def clean(self):
        data = super().clean()
        if {"person", "unit"} <= set(self.fields) and bool(data.get("person")) == bool(data.get("unit")):
            raise forms.ValidationError(_("Chọn một cán bộ hoặc một tập thể (không chọn cả hai)."))
        return data


class AnnualRatingForm(RecordForm):
    class Meta:
        model = AnnualRating
        fields = ["person", "unit", "year", "rating", "source"]


class DisciplineForm(RecordForm):
    class Meta:
        model = DisciplineRecord
        fields = ["person", "form", "decided_on", "ends_on", "decision_number", "reason"]

    def clean(self):
        data = super().clean()
        if data.get("ends_on") and data.get("decided_on") and data["ends_on"] < data["decided_on"]:
            self.add_error("ends_on", _("Ngày hết thời hạn phải từ ngày quyết định trở đi."))
        return data


class InitiativeForm(RecordForm):
    class Meta:
        model = Initiative
        fields = ["person", "title", "kind", "level", "recognised_on", "decision_number"]


class SanctionForm(RecordForm):
    class Meta:
        model = AdministrativeSanction
        fields = ["person", "decided_on", "description", "decision_number"]


class HoldForm(RecordForm):
    class Meta:
        model = InvestigationHold
        fields = ["person", "unit", "starts_on", "ends_on", "reason", "outcome"]
