from django import forms
from django.utils.translation import gettext_lazy as _

from units.forms import DATE_WIDGET
from units.reorganisation.models import ReorganisationKind
from units.reorganisation.services import Act, NewUnit


class ReorganisationForm(forms.Form):
    """Parses a reorganisation act; the service checks it (the preview shows what it would change)."""

    kind = forms.ChoiceField(label=_("Loại sắp xếp"), choices=ReorganisationKind.choices)
    resolution_number = forms.CharField(label=_("Số nghị quyết, quyết định"), max_length=100)
    resolution_date = forms.DateField(label=_("Ngày ban hành"), widget=DATE_WIDGET)
    effective_on = forms.DateField(label=_("Ngày có hiệu lực"), widget=DATE_WIDGET)
    sources = forms.ModelMultipleChoiceField(label=_("Đơn vị cũ (được sắp xếp)"), queryset=None)
    target = forms.ModelChoiceField(
        label=_("Đơn vị tiếp nhận / đơn vị cấp trên mới"),
        queryset=None,
        required=False,
        help_text=_("Sáp nhập vào đơn vị có sẵn; đơn vị cấp trên mới khi chuyển; đơn vị tiếp nhận khi giải thể."),
    )
    new_units = forms.CharField(
        label=_("Đơn vị mới"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một đơn vị: mã | tên. Đơn vị đầu tiên là đơn vị kế thừa."),
    )
    parent = forms.ModelChoiceField(
        label=_("Đơn vị cấp trên của đơn vị mới"),
        queryset=None,
        required=False,
        help_text=_("Để trống: cùng cấp trên với đơn vị cũ đầu tiên."),
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("sources", "target", "parent"):
            self.fields[name].queryset = units
        for field in self.fields.values():
            field.widget.attrs.setdefault(
                "class", "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            )
        self.fields["sources"].widget.attrs["size"] = 8

    def clean_new_units(self):
        rows = []
        for line in self.cleaned_data["new_units"].splitlines():
            if not line.strip():
                continue
            code, bar, name = line.partition("|")
            if not bar:
                raise forms.ValidationError(_("Mỗi dòng ghi: mã | tên."))
            rows.append(NewUnit(code=code.strip(), name=name.strip()))
        return rows

    def act(self) -> Act:
        data = self.cleaned_data
        return Act(
            kind=data["kind"],
            resolution_number=data["resolution_number"],
            resolution_date=data["resolution_date"],
            effective_on=data["effective_on"],
            sources=list(data["sources"]),
            new_units=data["new_units"],
            target=data["target"],
            parent=data["parent"],
            note=data["note"],
        )
