"""Yearly statistics per awarding body: counts by title or form, collective/individual, category and gender, over a
year range; revoked awards and other bodies' decisions are not counted; XLSX and PDF carry the same figures."""

import datetime
import io
import subprocess

import openpyxl
import pytest
from django.urls import reverse

from emulation.decisions.revocation import revoke_award
from emulation.statistics.counting import columns, yearly_statistics
from tests.factories import make_person
from units.models import Category, Gender

pytestmark = pytest.mark.django_db


@pytest.fixture
def granted(issue, tree, personas):
    """2026: CSTĐ tỉnh to a female công chức and a male viên chức, BK tỉnh to a người lao động without gender and to
    a collective; 2027: CSTĐ tỉnh to one more (outside a 2026-only range); one revoked award."""
    woman = make_person(unit=tree.sub, full_name="Lê Thị Hoa", category=Category.CONG_CHUC, gender=Gender.FEMALE)
    man = make_person(unit=tree.home, full_name="Vũ Văn Nam", category=Category.VIEN_CHUC, gender=Gender.MALE)
    worker = make_person(unit=tree.home, full_name="Đinh Thợ", category=Category.NGUOI_LAO_DONG)
    issue(
        [(woman, "CSTD_TINH"), (man, "CSTD_TINH"), (worker, "BK_TINH"), (tree.sub, "BK_TINH")],
        on=datetime.date(2026, 12, 20),
        number="40/QĐ-UBND",
    )
    revoked = issue(
        [(make_person(unit=tree.home, category=Category.CAN_BO), "BK_TINH")],
        on=datetime.date(2026, 12, 21),
        number="41/QĐ-UBND",
    )
    revoke_award(
        award=revoked.awards.get(),
        by=personas.administrator,
        reason="Sai",
        number="1/QĐ",
        decided_on=datetime.date(2026, 12, 22),
    )
    issue(
        [(make_person(unit=tree.home, category=Category.CAN_BO), "CSTD_TINH")],
        on=datetime.date(2027, 1, 5),
        number="1/QĐ-UBND",
    )


def as_dict(rows):
    return {row.name: dict(row.counts) for row in rows}


def test_counts_by_title_scope_category_and_gender_for_one_year(granted, tree):
    table = as_dict(yearly_statistics(body=tree.province, first_year=2026, last_year=2026))
    assert table["Chiến sĩ thi đua cấp tỉnh"] == {
        "total": 2,
        "individual": 2,
        "cat:cong_chuc": 1,
        "cat:vien_chuc": 1,
        "gender:female": 1,
        "gender:male": 1,
    }
    assert table["Bằng khen của Chủ tịch UBND tỉnh"] == {
        "total": 2,
        "individual": 1,
        "collective": 1,
        "cat:nguoi_lao_dong": 1,
        "gender:": 1,
    }
    assert table["Tổng cộng"]["total"] == 4


def test_a_year_range_adds_the_later_years_and_another_body_counts_nothing(granted, tree):
    table = as_dict(yearly_statistics(body=tree.province, first_year=2026, last_year=2027))
    assert table["Chiến sĩ thi đua cấp tỉnh"]["total"] == 3 and table["Tổng cộng"]["cat:can_bo"] == 1
    assert as_dict(yearly_statistics(body=tree.home, first_year=2026, last_year=2027)) == {"Tổng cộng": {}}


def test_the_page_and_its_exports_show_the_same_figures(login, personas, granted, tree):
    client = login(personas.council_member)
    query = {"body": tree.province.pk, "first_year": 2026, "last_year": 2026}
    page = client.get(reverse("emulation:statistics"), query).content.decode()
    assert 'data-testid="statistics"' in page and "Chiến sĩ thi đua cấp tỉnh" in page
    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("emulation:statistics"), {**query, "_export": "xlsx"}).content)
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Danh hiệu, hình thức", "Cấp", "Tổng số", "Tập thể", "Cá nhân")
    assert rows[-1][0] == "Tổng cộng" and rows[-1][2] == 4 and len(rows[0]) == 2 + len(columns())
    pdf = client.get(reverse("emulation:statistics"), {**query, "_export": "pdf"}).content
    text = " ".join(subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True).stdout.decode().split())
    assert "NĂM 2026 – 2026" in text and "Chiến sĩ thi đua cấp tỉnh" in text
    # the total row: 4 = 1 collective + 3 individuals; 0 cán bộ, 1 each other category; 1 man, 1 woman, 1 unrecorded
    assert "Tổng cộng" in text and "4 1 3 0 1 1 1 1 1 1" in text


def test_a_reversed_year_range_is_refused(login, personas, tree):
    query = {"body": tree.province.pk, "first_year": 2027, "last_year": 2026}
    page = login(personas.administrator).get(reverse("emulation:statistics"), query).content.decode()
    assert "Năm bắt đầu phải trước" in page and 'data-testid="statistics"' not in page


def test_the_statistics_page_is_for_those_who_read_decisions(client, login, personas, tree):
    url = reverse("emulation:statistics")
    assert client.get(url)["Location"].startswith(reverse("account_login"))
    assert login(personas.outsider).get(url).status_code == 403
    assert login(personas.staff).get(url).status_code == 403
    assert login(personas.secretary).get(url).status_code == 200
    outside_body = {"body": tree.other.pk, "first_year": 2026, "last_year": 2026}
    assert 'data-testid="statistics"' in login(personas.administrator).get(url, outside_body).content.decode()
