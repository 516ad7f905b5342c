"""The public notice page and feed: no login; nominations under consultation with their window, signed decisions
with their recipients; never a draft, an annulled decision, a revoked award, a nomination not yet vetted, nor any
report, amount or contact detail."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from emulation.decisions.revocation import annul_decision, revoke_award
from emulation.models import ConsultationRule, NominationStatus, Title
from tests.emulation.council.helpers import make_nomination
from tests.factories import make_person

pytestmark = pytest.mark.django_db

JULY_1 = datetime.date(2026, 7, 1)
SECRET_REPORT = "Báo cáo nội bộ: số điện thoại 0912 345 678"


@pytest.fixture
def published(issue, people, personas, tree):
    signed = issue([(people.an, "CSTD_TINH"), (people.binh, "BK_TINH")], on=JULY_1, number="27/QĐ-UBND")
    revoked = make_person(unit=tree.home, full_name="Đặng Văn Thu Hồi")
    other = issue([(revoked, "CSTD_TINH")], on=JULY_1, number="28/QĐ-UBND")
    revoke_award(award=other.awards.get(), by=personas.administrator, reason="Sai", number="1/QĐ", decided_on=JULY_1)
    draft = issue([(make_person(unit=tree.home, full_name="Phan Dự Thảo"), "CSTD_TINH")])
    annulled = issue([(make_person(unit=tree.home, full_name="Lâm Bị Hủy"), "CSTD_TINH")], on=JULY_1, number="29/QĐ")
    annul_decision(decision=annulled, by=personas.administrator, reason="Sai", number="2/QĐ", decided_on=JULY_1)
    return signed, draft


@pytest.fixture
def consulted(tree):
    title = Title.objects.get(code="CSTD_TINH")
    ConsultationRule.objects.create(
        title=title, days=10, legal_basis="Luật TĐKT 2022, Điều 84 khoản 5", effective_from=datetime.date(2024, 1, 1)
    )
    vetted_at = timezone.make_aware(datetime.datetime(2026, 11, 2, 9, 0))
    rows = {
        "Cao Thị Lấy Ý Kiến": NominationStatus.VETTED,
        "Mai Văn Mới Đề Nghị": NominationStatus.PROPOSED,
        "Tô Bị Bác": NominationStatus.REJECTED,
    }
    for name, status in rows.items():
        make_nomination(
            person=make_person(unit=tree.sub, full_name=name),
            title=title,
            status=status,
            vetted_at=vetted_at,
            achievement_report=SECRET_REPORT,
        )
    make_nomination(person=make_person(unit=tree.sub, full_name="Hà Không Cần Công Khai"), vetted_at=vetted_at)


def test_the_public_page_needs_no_login_and_lists_signed_decisions_with_their_recipients(client, published, tree):
    index = client.get(reverse("emulation:notices"))
    assert index.status_code == 200 and "Tỉnh Đắk Nông" in index.content.decode()
    page = client.get(reverse("emulation:notice_body", args=[tree.province.pk])).content.decode()
    assert "27/QĐ-UBND" in page and "Nguyễn Thị Ánh Tuyết" in page and "Bằng khen của Chủ tịch UBND tỉnh" in page


def test_a_draft_an_annulled_decision_and_a_revoked_award_never_appear(client, published, tree):
    page = client.get(reverse("emulation:notice_body", args=[tree.province.pk])).content.decode()
    for hidden in ("Phan Dự Thảo", "Lâm Bị Hủy", "29/QĐ", "Đặng Văn Thu Hồi", "7.590.000", "@example.vn"):
        assert hidden not in page, hidden


def test_nominations_under_consultation_show_their_window_and_nothing_else(client, consulted, tree):
    page = client.get(reverse("emulation:notice_body", args=[tree.province.pk])).content.decode()
    assert "Cao Thị Lấy Ý Kiến" in page and "02/11/2026 – 12/11/2026" in page
    for hidden in ("Mai Văn Mới Đề Nghị", "Tô Bị Bác", "Hà Không Cần Công Khai", SECRET_REPORT):
        assert hidden not in page, hidden


def test_a_body_with_nothing_published_shows_none_and_an_unknown_one_is_not_found(client, published, tree):
    page = client.get(reverse("emulation:notice_body", args=[tree.other.pk])).content.decode()
    assert "27/QĐ-UBND" not in page and "Chưa có quyết định." in page
    assert client.get(reverse("emulation:notice_body", args=[999999])).status_code == 404


def test_the_atom_feed_lists_signed_decisions_only(client, published):
    feed = client.get(reverse("emulation:notices_feed"))
    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "27/QĐ-UBND" in body and "28/QĐ-UBND" in body
    assert "29/QĐ" not in body and "Phan Dự Thảo" not in body
