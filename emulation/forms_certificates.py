"""The administrator's certificate design of an authority: layout, serial format and place name."""

from emulation.forms_titles import StyledModelForm
from emulation.models import CertificateDesign


class CertificateDesignForm(StyledModelForm):
    """The model's own check refuses a serial format without {number}, {year} and {unit}."""

    class Meta:
        model = CertificateDesign
        fields = ["name", "template", "serial_format", "place"]
