"""The administrator's certificate design of an authority (layout, serial format, place name); the PDF whose
signature the public check reads."""

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


class SignatureCheckForm(forms.Form):
    """A PDF to check the digital signature of (size-limited like evidence)."""

    pdf = forms.FileField(label=_("Tệp PDF"), validators=[FileExtensionValidator(["pdf"])])

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        if upload.size > settings.EVIDENCE_MAX_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn."))
        return upload
