"""The administrator's certificate design of an authority (layout, serial format, place name), the PDF anyone may
drop on the verification page, and the PDF whose signature the public check reads."""

import hashlib

from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from emulation.certificates.models import CertificateDesign
from emulation.titles.forms import StyledModelForm


class CertificateDesignForm(StyledModelForm):
    """The model's own check refuses a serial format without {number}, {year} and {unit}."""

    class Meta:
        model = CertificateDesign
        fields = ["name", "template", "serial_format", "place"]


class CertificateFileForm(forms.Form):
    """A PDF to compare with the issued one: only hashed, never stored or opened (so not an evidence upload)."""

    pdf = forms.FileField(
        label=_("Tệp PDF của giấy khen"),
        error_messages={"required": _("Hãy chọn tệp PDF."), "empty": _("Tệp rỗng.")},
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    def clean_pdf(self) -> str:
        """The SHA-256 of the file, read in chunks; a file above VERIFY_PDF_MAX_BYTES is refused unread."""
        upload = self.cleaned_data["pdf"]
        if upload.size > settings.VERIFY_PDF_MAX_BYTES:
            limit = settings.VERIFY_PDF_MAX_BYTES // (1024 * 1024)
            raise forms.ValidationError(_("Tệp lớn hơn %(limit)s MB.") % {"limit": limit})
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        return digest.hexdigest()


class SignatureCheckForm(forms.Form):
    """A PDF to check the digital signature of (size-limited like evidence)."""

    pdf = forms.FileField(label=_("Tệp PDF"), validators=[FileExtensionValidator(["pdf"])])

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        if upload.size > settings.EVIDENCE_MAX_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn."))
        return upload
