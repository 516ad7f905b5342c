"""Decisions' revocations and certificates shown read-only: they change only through their services (serial
numbers, revocation)."""

from django.contrib import admin

from emulation.certificates.models import Certificate, CertificateBatch, CertificateDesign
from emulation.decisions.models import Revocation
from units.admin import ReadOnlyAdmin

for model in (Revocation, CertificateDesign, Certificate, CertificateBatch):
    admin.site.register(model, ReadOnlyAdmin)
