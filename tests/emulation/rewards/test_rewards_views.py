"""Money pages: who reaches them, what they show (per-recipient and total amounts, money to recover), the decision
PDF read back, the fund ledger and its XLSX, and the overspend warning on the signing page."""

import datetime
import io
import subprocess

import openpyxl
import pytest
from django.urls import reverse

from emulation.decisions.revocation import revoke_award
from emulation.models import RewardFund
from units.models import Notification, Person

pytestmark = pytest.mark.django_db

JULY_1 = datetime.date(2026, 7, 1)


def pdf_text(data: bytes) -> str:
    return " ".join(subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True).stdout.decode().split())


@pytest.fixture
def signed(issue, people):
    return issue(
        [(people.an, "CSTD_TINH"), (people.binh, "BK_TINH")],
        on=JULY_1,
        number="27/QĐ-UBND",
        subject="Về việc tặng danh hiệu Chiến sĩ thi đua cấp tỉnh năm 2026",
    )


@pytest.fixture
def fund(tree):
    return RewardFund.objects.create(unit=tree.province, year=2026, budget=15_000_000, basis="Dự toán 2026")


@pytest.mark.parametrize("name", ["decision_money", "decision_pdf"])
def test_a_decisions_money_follows_the_decisions_access(client, login, personas, signed, name):
    url = reverse(f"emulation:{name}", args=[signed.pk])
    assert client.get(url)["Location"].startswith(reverse("account_login"))
    assert login(personas.outsider).get(url).status_code == 404
    assert login(personas.staff).get(url).status_code == 404
    for user in (personas.administrator, personas.council_member, personas.unit_head):
        assert login(user).get(url).status_code == 200


def test_the_money_page_lists_each_recipients_amount_and_the_total(login, personas, signed):
    page = login(personas.council_member).get(reverse("emulation:decision_money", args=[signed.pk])).content.decode()
    assert "Nguyễn Thị Ánh Tuyết" in page and "7.590.000" in page and "3.800.000" in page
    assert 'data-testid="money-total">11.390.000<' in page


def test_a_revoked_awards_money_shows_as_to_be_recovered(login, personas, signed, people):
    award = signed.awards.get(person=people.an)
    revoke_award(award=award, by=personas.administrator, reason="Sai", number="30/QĐ-UBND", decided_on=JULY_1)
    page = login(personas.administrator).get(reverse("emulation:decision_money", args=[signed.pk])).content.decode()
    assert 'data-testid="to-recover"' in page and 'data-testid="money-to-recover">7.590.000<' in page
    assert 'data-testid="money-total">3.800.000<' in page


def test_the_decision_pdf_carries_number_names_titles_and_amounts_from_the_records(login, personas, signed):
    response = login(personas.administrator).get(reverse("emulation:decision_pdf", args=[signed.pk]))
    text = pdf_text(response.content)
    for expected in (
        "27/QĐ-UBND",
        "ngày 01 tháng 07 năm 2026",
        "Nguyễn Thị Ánh Tuyết",
        "Trần Văn Bình",
        "Chiến sĩ thi đua cấp tỉnh",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "7.590.000",
        "3.800.000",
        "11.390.000",
        "Hồ Văn Mười",
    ):
        assert expected in text, expected


def test_a_draft_pdf_says_it_is_a_draft(login, personas, issue, people):
    draft = issue([(people.an, "CSTD_TINH")])
    text = pdf_text(login(personas.secretary).get(reverse("emulation:decision_pdf", args=[draft.pk])).content)
    assert "DỰ THẢO" in text and "Nguyễn Thị Ánh Tuyết" in text


def test_the_fund_pages_are_for_those_who_read_the_bodys_decisions(client, login, personas, fund):
    urls = [reverse("emulation:funds"), reverse("emulation:fund_detail", args=[fund.pk])]
    for url in urls:
        assert client.get(url)["Location"].startswith(reverse("account_login"))
    assert login(personas.outsider).get(urls[0]).status_code == 403
    assert login(personas.outsider).get(urls[1]).status_code == 404
    for user in (personas.administrator, personas.council_member, personas.secretary):
        assert all(login(user).get(url).status_code == 200 for url in urls)


def test_the_fund_ledger_shows_budget_spending_and_remainder_and_exports_xlsx(login, personas, fund, signed):
    client = login(personas.administrator)
    url = reverse("emulation:fund_detail", args=[fund.pk])
    page = client.get(url).content.decode()
    assert 'data-testid="fund-spent">11.390.000 đ<' in page
    assert 'data-testid="fund-remainder">3.610.000 đ<' in page
    assert "27/QĐ-UBND" in page
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(url, {"_export": "xlsx"}).content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[1][0] == "27/QĐ-UBND" and rows[1][4] == 11_390_000
    assert rows[-1][0] == "Còn lại" and rows[-1][4] == 3_610_000


def test_signing_a_decision_that_would_overspend_the_fund_warns_first(login, personas, fund, signed, issue, tree):
    draft = issue([(tree.sub, "CO_TINH")])
    url = reverse("emulation:decision_sign", args=[draft.pk])
    page = login(personas.administrator).post(url, {"decided_on": "2026-07-02"}).content.decode()
    assert 'data-testid="signing-warning"' in page
    assert "20.240.000" in page and "3.610.000" in page


def test_a_decision_within_the_fund_is_signed_without_warning(login, personas, fund, issue, people):
    draft = issue([(people.an, "CSTD_TINH")])
    page = login(personas.administrator).post(
        reverse("emulation:decision_sign", args=[draft.pk]), {"decided_on": "2026-07-02"}
    )
    assert 'data-testid="signing-warning"' not in page.content.decode()


def test_a_recipient_downloads_the_decision_from_the_award_their_notification_links_to(login, personas, issue, tree):
    staff = Person.objects.get(user=personas.staff)
    decision = issue([(staff, "CSTD_TINH")], on=JULY_1, number="31/QĐ-UBND")
    award = decision.awards.get()
    notice = Notification.objects.get(user=personas.staff)
    assert notice.link == reverse("emulation:award_detail", args=[award.pk])
    client = login(personas.staff)
    assert 'data-testid="award-decision-pdf"' in client.get(notice.link).content.decode()
    text = pdf_text(client.get(reverse("emulation:award_decision_pdf", args=[award.pk])).content)
    assert "31/QĐ-UBND" in text and staff.full_name in text and "7.590.000" in text
    assert login(personas.outsider).get(reverse("emulation:award_decision_pdf", args=[award.pk])).status_code == 404
