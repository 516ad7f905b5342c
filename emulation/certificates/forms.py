"""The administrator's certificate design of an authority: layout, serial format and place name."""

from emulation.certificates.models import CertificateDesign
from emulation.titles.forms import StyledModelForm


class CertificateDesignForm(StyledModelForm):
    """The model's own check refuses a serial format without {number}, {year} and {unit}."""

    class Meta:
        model = CertificateDesign
        fields = ["name", "template", "serial_format", "place"]
