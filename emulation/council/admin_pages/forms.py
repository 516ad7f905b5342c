"""A council (name, scope, secretary, establishing decision) and a seat (person, role, term), with pickers."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from emulation.council.models.council import Council, CouncilMember
from emulation.movements.forms import DATE
from units.models import Person
from units.search.pickers import PersonPicker, UnitPicker

NO_LOGIN = _("Cán bộ này chưa có tài khoản đăng nhập: hãy cấp tài khoản (mời qua e-mail) trước.")


class CouncilForm(forms.ModelForm):
    secretary_person = forms.ModelChoiceField(
        label=_("Thư ký Hội đồng"),
        queryset=Person.objects.none(),
        widget=PersonPicker,
        help_text=_("Thư ký mở phiên họp, điểm danh, mở và kết thúc bỏ phiếu; phải có tài khoản đăng nhập."),
    )

    class Meta:
        model = Council
        fields = ["name", "scope", "establishing_decision"]
        widgets = {"scope": UnitPicker}
        help_texts = {"scope": _("Hội đồng xét các đơn vị thuộc đơn vị này (kể cả đơn vị cấp dưới).")}

    def __init__(self, *args, units, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope"].queryset = units
        self.fields["secretary_person"].queryset = people
        if self.instance.pk:
            self.fields["secretary_person"].initial = Person.objects.filter(user=self.instance.secretary_id).first()

    def clean_secretary_person(self):
        person = self.cleaned_data["secretary_person"]
        if person.user_id is None:
            raise forms.ValidationError(NO_LOGIN)
        return person

    def save(self, commit=True):
        self.instance.secretary_id = self.cleaned_data["secretary_person"].user_id
        return super().save(commit)


class SeatForm(forms.ModelForm):
    class Meta:
        model = CouncilMember
        fields = ["person", "role", "starts_on", "ends_on"]
        widgets = {"person": PersonPicker, "starts_on": DATE, "ends_on": DATE}
        labels = {"person": _("Thành viên (cán bộ)")}

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people

    def clean(self):
        data = super().clean()
        person, starts, ends = data.get("person"), data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu."))
        if person is None:
            return data
        if person.user_id is None:
            self.add_error("person", NO_LOGIN)
            return data
        self.instance.user_id = person.user_id
        seats = self.instance.council.members.filter(user_id=person.user_id).exclude(pk=self.instance.pk)
        overlapping = seats.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=starts)) if starts else seats
        if ends:
            overlapping = overlapping.filter(Q(starts_on__isnull=True) | Q(starts_on__lte=ends))
        if overlapping.exists():
            self.add_error("person", _("Người này đã là thành viên Hội đồng trong thời gian này."))
        return data

    def validate_unique(self):
        """The overlap check in `clean` covers the one-seat-per-term constraint with a clearer message."""
