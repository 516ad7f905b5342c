"""The demo builder issues the certificates of the demo province's signed decisions once, with its place name."""

import pytest

from emulation.certificates.demo import build_demo
from emulation.models import BatchStatus, Certificate, CertificateBatch
from tests.emulation.certificates.helpers import make_awards, make_signed_decision
from tests.factories import make_unit, make_user
from units.demo import PROVINCE_CODE, demo_email
from units.models import Kind, Level

pytestmark = pytest.mark.django_db


def test_the_demo_prints_every_signed_decision_s_certificates_once():
    make_user(email=demo_email("thuky"))
    province = make_unit(code=PROVINCE_CODE, name="Tỉnh Đắk Nông", level=Level.PROVINCE, kind=Kind.PEOPLES_COMMITTEE)
    department = make_unit(code=f"{PROVINCE_CODE}-SNV", name="Sở Nội vụ", parent=province)
    make_awards(make_signed_decision(department), 3, department)
    assert build_demo() == {"certificates": 3, "certificate batches": 1}
    assert build_demo() == {"certificates": 3, "certificate batches": 1}
    assert CertificateBatch.objects.get().status == BatchStatus.DONE
    assert set(Certificate.objects.values_list("place", flat=True)) == {"Đắk Nông"}
    assert Certificate.objects.order_by("number").first().serial == "00001/GK-DNO-SNV/2025"
