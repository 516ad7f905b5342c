"""Self-assessment forms: a claim with its evidence, a verification with its reason."""

from django import forms
from django.utils.translation import gettext_lazy as _

from units.forms import CheckedFileField


class ClaimForm(forms.Form):
    points = forms.DecimalField(label=_("Điểm tự chấm"), min_value=0, max_digits=6, decimal_places=2)
    note = forms.CharField(label=_("Thuyết minh"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    evidence = CheckedFileField(label=_("Minh chứng"), required=False)


class VerifyForm(forms.Form):
    points = forms.DecimalField(label=_("Điểm thẩm định"), min_value=0, max_digits=6, decimal_places=2)
    reason = forms.CharField(
        label=_("Lý do"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Bắt buộc khi điểm thẩm định khác điểm tự chấm."),
    )
