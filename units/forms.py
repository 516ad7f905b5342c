from django import forms
from django.utils.translation import gettext_lazy as _

from units.models import Person, Role, RoleAssignment, Unit, User
from units.reorganisation.successors import successor_errors
from units.search.pickers import UnitMultiPicker, UnitPicker
from units.uploads import clean_upload

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["code", "name", "level", "kind", "parent", "valid_from", "valid_to"]
        fields += ["successor", "further_successors"]
        widgets = {
            "valid_from": DATE_WIDGET,
            "valid_to": DATE_WIDGET,
            "parent": UnitPicker,
            "successor": UnitPicker,
            "further_successors": UnitMultiPicker,
        }

    def __init__(self, *args, administered=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = administered
        self.fields["successor"].queryset = Unit.objects.all()
        self.fields["further_successors"].queryset = Unit.objects.all()
        self.fields["further_successors"].help_text = _("Khi chia tách: các đơn vị mới khác, ngoài đơn vị kế thừa.")
        self.fields["further_successors"].error_messages["invalid_choice"] = _("Đơn vị kế thừa không tồn tại.")
        self.fields["further_successors"].error_messages["invalid_pk_value"] = _("Đơn vị kế thừa không tồn tại.")
        self.fields["successor"].error_messages["invalid_choice"] = _("Đơn vị kế thừa không tồn tại.")
        if self.instance.pk:
            self.fields["parent"].queryset = administered.exclude(path__startswith=self.instance.path)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("valid_from"), cleaned.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."))
        first, further = cleaned.get("successor"), list(cleaned.get("further_successors") or [])
        if further and first is None:
            self.add_error("successor", _("Chọn đơn vị kế thừa (thứ nhất) trước các đơn vị kế thừa khác."))
        for name, chosen in (("successor", [first] if first else []), ("further_successors", further)):
            if self.instance.pk and any(item.pk == self.instance.pk for item in chosen):
                self.add_error(name, _("Đơn vị không thể kế thừa chính nó."))
        if not self.errors:
            for message in successor_errors(self.instance, [item for item in [first, *further] if item is not None]):
                self.add_error("successor", message)
        return cleaned


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["code", "full_name", "unit", "position", "category", "gender", "email", "active"]
        widgets = {"unit": UnitPicker}

    def __init__(self, *args, administered=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = administered


class RoleAssignmentForm(forms.ModelForm):
    email = forms.EmailField(label=_("E-mail tài khoản"))

    class Meta:
        model = RoleAssignment
        fields = ["email", "role", "unit"]
        widgets = {"unit": UnitPicker}

    def __init__(self, *args, administered=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = administered
        self.fields["role"].choices = Role.choices

    def clean_email(self):
        user = User.objects.filter(email__iexact=self.cleaned_data["email"]).first()
        if user is None:
            raise forms.ValidationError(_("Không có tài khoản nào với e-mail này."))
        self.instance.user = user
        return user.email

    def clean(self):
        cleaned = super().clean()
        if (
            self.instance.user_id
            and RoleAssignment.objects.filter(
                user=self.instance.user, role=cleaned.get("role"), unit=cleaned.get("unit")
            ).exists()
        ):
            raise forms.ValidationError(_("Tài khoản này đã có vai trò đó tại đơn vị này."))
        return cleaned


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))

    def __init__(self, *args, person=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        if person is not None and person.email:
            self.fields["email"].initial = person.email

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exclude(person=self.person).exists():
            raise forms.ValidationError(_("E-mail này đã thuộc về một tài khoản khác."))
        return email


class CheckedFileField(forms.FileField):
    """One uploaded file through the one path of units.uploads: it cleans to a CleanPhoto (a re-encoded photo or a
    parsed PDF), or to None when nothing was chosen."""

    default_error_messages = {
        "invalid": _("Không nhận được tệp. Hãy kiểm tra kiểu mã hoá của biểu mẫu."),
        "missing": _("Chưa chọn tệp."),
        "empty": _("Tệp rỗng."),
        "max_length": _("Tên tệp quá dài."),
        "contradiction": _("Hãy chọn tệp mới hoặc đánh dấu xoá, không chọn cả hai."),
    }

    def __init__(self, *args, documents: bool = True, **kwargs):
        self.documents = documents
        accept = "image/jpeg,image/png,image/webp" + (",application/pdf" if documents else "")
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": accept}))
        kwargs.setdefault(
            "help_text", _("Ảnh JPEG/PNG/WebP hoặc văn bản PDF; tệp Word/Excel hãy lưu thành PDF trước khi tải lên.")
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        return clean_upload(upload, documents=self.documents) if upload else None
