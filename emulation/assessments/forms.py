"""Self-assessment forms: a claim with its evidence, a verification with its reason."""

from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

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
