"""The public verification page: no login, the certificate's printed facts and status only, revoked ones marked
"ĐÃ THU HỒI" with the reason and the annulling decision, unknown tokens a plain 404, and a per-address rate limit."""

import datetime

import pytest
from django.core.cache import cache

from emulation.certificates.issuing import issue_certificate
from emulation.certificates.models import new_token
from emulation.decisions.revocation import annul_decision
from emulation.models import Title
from tests.emulation.certificates.helpers import make_signed_decision, revoke
from tests.factories import make_award

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


@pytest.fixture
def certificate(tree, personas):
    decision = make_signed_decision(tree.home, number="15/QĐ-SNV")
    award = make_award(
        decision, person=personas.staff.person, title=Title.objects.get(code="CSTDCS"), achievement="Xuất sắc"
    )
    return issue_certificate(award=award)


def test_anyone_sees_a_valid_certificate_without_logging_in(client, certificate):
    response = client.get(f"/verify/{certificate.token}/")
    assert response.status_code == 200
    page = response.content.decode()
    for expected in [
        "Giấy khen hợp lệ",
        "00001/GK-SNV/2025",
        "Nguyễn Thị Hương Trà",
        "Sở Nội vụ",
        "Chiến sĩ thi đua cơ sở",
        "Số 15/QĐ-SNV ngày 15/01/2025",
        "Trần Văn Ký",
    ]:
        assert expected in page, expected
    assert "ĐÃ THU HỒI" not in page


def test_the_page_shows_nothing_the_certificate_does_not(client, certificate, personas):
    page = client.get(f"/verify/{certificate.token}/").content.decode()
    person = personas.staff.person
    for secret in [personas.staff.email, person.code, personas.secretary.full_name, "/emulation/", "/admin/"]:
        assert secret not in page, secret
    assert f"/{certificate.award.pk}/" not in page and f"certificates/{certificate.pk}" not in page


def test_a_revoked_certificate_says_so_with_the_reason_and_the_annulling_decision(client, certificate, personas):
    revoke(certificate.award, personas.administrator)
    page = client.get(f"/verify/{certificate.token}/").content.decode()
    assert "ĐÃ THU HỒI" in page
    assert "Kê khai thành tích không trung thực" in page
    assert "Quyết định hủy bỏ số 3/QĐ-SNV ngày 02/06/2025" in page
    assert "Giấy khen hợp lệ" not in page


def test_an_unknown_token_is_a_plain_404(client, certificate):
    response = client.get(f"/verify/{new_token()}/")
    assert response.status_code == 404
    assert "Nguyễn Thị Hương Trà" not in response.content.decode()


def test_beyond_the_rate_limit_the_page_answers_429(client, certificate, settings):
    settings.VERIFY_RATE_LIMIT_PER_MINUTE = 3
    codes = [client.get(f"/verify/{certificate.token}/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert client.get("/verify/unknown-token/", REMOTE_ADDR="10.0.0.9").status_code == 404  # another address


def test_guessing_tokens_counts_against_the_limit_too(client, certificate, settings):
    settings.VERIFY_RATE_LIMIT_PER_MINUTE = 2
    assert [client.get(f"/verify/guess-{i}/").status_code for i in range(3)] == [404, 404, 429]
    assert client.get(f"/verify/{certificate.token}/").status_code == 429


def test_a_council_member_without_two_factor_still_reaches_the_page(login, certificate, personas):
    personas.council_member.authenticator_set.all().delete()
    response = login(personas.council_member).get(f"/verify/{certificate.token}/")
    assert response.status_code == 200


def test_annulling_the_whole_decision_shows_every_certificate_revoked(client, certificate, personas):
    annul_decision(
        decision=certificate.award.decision,
        by=personas.administrator,
        reason="Quyết định ban hành sai thẩm quyền",
        number="7/QĐ-SNV",
        decided_on=datetime.date(2025, 3, 1),
    )
    page = client.get(f"/verify/{certificate.token}/").content.decode()
    assert "ĐÃ THU HỒI" in page and "Quyết định ban hành sai thẩm quyền" in page
    assert "Quyết định hủy bỏ số 7/QĐ-SNV ngày 01/03/2025" in page
