"""Forms of the decision pages: they parse and validate; `emulation.decisions` decides and saves."""

from django import forms
from django.utils.translation import gettext_lazy as _

from emulation.movements.models import Period
from emulation.titles.models import Authority, AwardForm, Title
from units.models import Person, Unit
from units.search.pickers import PersonPicker, UnitPicker

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DecisionForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Cơ quan ban hành"), queryset=Unit.objects.none(), widget=UnitPicker)
    authority = forms.ModelChoiceField(label=_("Thẩm quyền"), queryset=Authority.objects.all())
    period = forms.ModelChoiceField(label=_("Kỳ thi đua"), queryset=Period.objects.select_related("movement"))
    subject = forms.CharField(label=_("Trích yếu"), max_length=500, required=False)
    notes = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, units=None, decision=None, **kwargs):
        if decision is not None:
            kwargs["initial"] = {
                "authority": decision.authority,
                "period": decision.period,
                "subject": decision.subject,
                "notes": decision.notes,
            }
        super().__init__(*args, **kwargs)
        if units is None:
            del self.fields["unit"]
        else:
            self.fields["unit"].queryset = units


class RecipientForm(forms.Form):
    """A person or a collective of the issuing body's subtree, and a title or an award form."""

    person = forms.ModelChoiceField(
        label=_("Cá nhân"), queryset=Person.objects.none(), required=False, widget=PersonPicker
    )
    unit = forms.ModelChoiceField(
        label=_("hoặc tập thể"), queryset=Unit.objects.none(), required=False, widget=UnitPicker
    )
    title = forms.ModelChoiceField(label=_("Danh hiệu thi đua"), queryset=Title.objects.none(), required=False)
    award_form = forms.ModelChoiceField(
        label=_("hoặc hình thức khen thưởng"), queryset=AwardForm.objects.none(), required=False
    )
    achievement = forms.CharField(label=_("Thành tích"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, decision, **kwargs):
        super().__init__(*args, **kwargs)
        subtree = decision.unit.path
        self.fields["person"].queryset = Person.objects.filter(unit__path__startswith=subtree, active=True)
        self.fields["unit"].queryset = Unit.objects.filter(path__startswith=subtree)
        self.fields["person"].widget.within = self.fields["unit"].widget.within = decision.unit
        self.fields["title"].queryset = Title.objects.filter(active=True, powers__authority=decision.authority)
        self.fields["award_form"].queryset = AwardForm.objects.filter(active=True, powers__authority=decision.authority)
        for name in ("title", "award_form"):
            self.fields[name].queryset = self.fields[name].queryset.distinct()

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("unit")):
            raise forms.ValidationError(_("Chọn một cá nhân hoặc một tập thể."))
        if bool(data.get("title")) == bool(data.get("award_form")):
            raise forms.ValidationError(_("Chọn một danh hiệu thi đua hoặc một hình thức khen thưởng."))
        return data


class NominationPickForm(forms.Form):
    nominations = forms.ModelMultipleChoiceField(
        label=_("Đề nghị đã được Hội đồng thông qua"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = nominations
        self.fields["nominations"].label_from_instance = lambda n: f"{n.person or n.unit} — {n.title or n.award_form}"


class SignForm(forms.Form):
    """Recording the signature: irreversible, so the page states the stakes and asks to confirm."""

    number = forms.CharField(label=_("Số quyết định"), max_length=50, help_text=_("Ví dụ: 123/QĐ-UBND"))
    decided_on = forms.DateField(label=_("Ngày ký"), widget=DATE)
    signer_name = forms.CharField(label=_("Người ký"), max_length=150)
    signer_position = forms.CharField(label=_("Chức vụ người ký"), max_length=150)

    confirm = forms.BooleanField(
        label=_(
            "Tôi đã kiểm tra: sau khi ghi nhận ký, quyết định không sửa được và người được khen thưởng được báo tin."
        ),
        required=True,
    )

    def __init__(self, *args, decision, **kwargs):
        initial = {"signer_name": decision.signer_name, "signer_position": decision.signer_position}
        super().__init__(*args, initial=initial, **kwargs)

    def clean(self):
        data = super().clean()
        data.pop("confirm", None)
        return data


class AnnulForm(forms.Form):
    """The annulling decision (Law 2022 Chương VII): its number, date and the reason."""

    reason = forms.CharField(label=_("Lý do thu hồi, hủy bỏ"), widget=forms.Textarea(attrs={"rows": 3}))
    number = forms.CharField(label=_("Số quyết định hủy bỏ"), max_length=50)
    decided_on = forms.DateField(label=_("Ngày quyết định hủy bỏ"), widget=DATE)
    confirm = forms.BooleanField(
        label=_("Tôi đã kiểm tra: việc thu hồi, hủy bỏ không hoàn tác được và người được khen thưởng được báo tin."),
        required=True,
    )

    def clean(self):
        data = super().clean()
        data.pop("confirm", None)
        return data
