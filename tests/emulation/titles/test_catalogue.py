"""The title catalogue: the seeded numbers of the texts, dated authorities, and the catalogue pages' access."""

import datetime

import pytest
from django.urls import reverse

from emulation.models import AuthorityPower, ConditionKind, RuleSet, TitleCondition
from tests.emulation.eligibility.helpers import national, title

pytestmark = pytest.mark.django_db


def condition(code: str, kind: str) -> TitleCondition:
    return national().conditions.get(title__code=code, kind=kind)


def test_the_seeded_collective_thresholds_are_the_laws_numbers_with_their_articles():
    share = condition("TTLDTT", ConditionKind.MEMBER_SHARE_WITH_TITLE)
    assert (share.number, share.other_title.code, share.legal_basis) == (
        70,
        "LDTT",
        "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 28",
    )
    assert condition("TTLDTT", ConditionKind.NO_MEMBER_DISCIPLINE).discipline_form == "canh_cao"
    assert condition("TTLDXS", ConditionKind.MEMBER_SHARE_MIN_RATING).number == 100
    assert condition("TTLDXS", ConditionKind.MIN_MEMBERS_WITH_TITLE).number == 1
    assert condition("CSTD_TINH", ConditionKind.CONSECUTIVE_YEARS).number == 3


def test_chien_si_co_so_has_no_national_quota_and_every_row_is_dated():
    assert not national().conditions.filter(title__code="CSTDCS", kind=ConditionKind.QUOTA).exists()
    assert not TitleCondition.objects.filter(legal_basis="").exists()
    assert not TitleCondition.objects.filter(effective_from__isnull=True).exists()
    hold = condition("LDTT", ConditionKind.NOT_UNDER_INVESTIGATION)
    assert (hold.legal_basis, hold.effective_from) == (
        "Nghị định 152/2025/NĐ-CP, Điều 4 khoản 4",
        datetime.date(2025, 7, 1),
    )


def test_since_july_2025_the_commune_chair_awards_the_grassroots_titles_and_the_district_chair_no_longer():
    def awarders(code, day):
        powers = AuthorityPower.objects.in_force(day).filter(title__code=code)
        return set(powers.values_list("authority__code", flat=True))

    assert awarders("CSTDCS", datetime.date(2025, 7, 1)) == {"GD_SO", "CT_UBND_XA"}
    assert awarders("CSTDCS", datetime.date(2025, 6, 30)) == {"GD_SO", "CT_UBND_HUYEN"}
    assert awarders("CO_TINH", datetime.date(2025, 7, 1)) == {"CT_UBND_TINH"}
    assert AuthorityPower.objects.filter(authority__code="CT_UBND_TINH", award_form__code="BK_TINH").exists()


def test_a_condition_without_its_parameters_is_refused(personas, login):
    client = login(personas.administrator)
    data = {
        "rule_set": national().pk,
        "title": title("TTLDTT").pk,
        "kind": "member_share_with_title",
        "position": 5,
        "legal_basis": "QĐ 1/2026",
        "effective_from": "2026-01-01",
    }
    response = client.post(reverse("emulation:title_catalogue_add", args=["condition"]), data)
    assert "Loại điều kiện này cần tham số này." in response.content.decode()
    data.update(number="80", other_title=title("LDTT").pk)
    assert client.post(reverse("emulation:title_catalogue_add", args=["condition"]), data).status_code == 302
    assert national().conditions.filter(kind="member_share_with_title", number=80).exists()


def test_a_province_copies_the_national_rules_into_its_own_set(personas, login):
    client = login(personas.administrator)
    data = {
        "code": "DNO-2026",
        "name": "Tiêu chuẩn của tỉnh Đắk Nông",
        "issuer": "UBND tỉnh Đắk Nông",
        "legal_basis": "QĐ 5/2026/QĐ-UBND",
        "effective_from": "2026-01-15",
    }
    assert client.post(reverse("emulation:rule_set_copy", args=[national().pk]), data).status_code == 302
    copy = RuleSet.objects.get(code="DNO-2026")
    assert copy.conditions.count() == national().conditions.count() > 20
    page = client.get(reverse("emulation:title_catalogue")).content.decode()
    assert "Tiêu chuẩn của tỉnh Đắk Nông" in page


def page_urls():
    urls = [reverse("emulation:title_catalogue"), reverse("emulation:title_catalogue_add", args=["condition"])]
    urls.append(reverse("emulation:title_catalogue_edit", args=["condition", condition("LDTT", "min_rating").pk]))
    urls.append(reverse("emulation:rule_set_copy", args=[national().pk]))
    return urls


def test_anonymous_is_sent_to_login_from_every_catalogue_page(client):
    for url in page_urls():
        response = client.get(url)
        assert response.status_code == 302 and "login" in response.url


def test_the_council_reads_the_catalogue_but_only_administrators_change_it(personas, login):
    read, *edit = page_urls()
    member = login(personas.council_member)
    page = member.get(read).content.decode()
    assert "Chủ tịch UBND xã, phường, đặc khu" in page and "Sửa" not in page
    assert all(member.get(url).status_code == 403 for url in edit)
    admin = login(personas.administrator)
    assert all(admin.get(url).status_code == 200 for url in [read, *edit])


def test_plain_staff_cannot_open_the_catalogue(personas, login):
    assert login(personas.staff).get(reverse("emulation:title_catalogue")).status_code == 403


def test_an_administrator_records_a_title_from_a_paper_decision(personas, login, client):
    from emulation.models import TitleHistory
    from tests.factories import make_person

    person = make_person(full_name="Võ Thị Sáu")
    url = reverse("emulation:title_history")
    assert "login" in client.get(url).url
    assert login(personas.unit_head).get(url).status_code == 403
    admin = login(personas.administrator)
    data = {"title": title("CSTDCS").pk, "person": person.pk, "year": 2024, "decision_number": "88/QĐ-SNV"}
    assert admin.post(reverse("emulation:title_catalogue_add", args=["history"]), data).status_code == 302
    assert TitleHistory.objects.get(person=person).year == 2024
    page = admin.get(url, {"q": "Võ Thị"}).content.decode()
    assert "Võ Thị Sáu" in page and "88/QĐ-SNV" in page


def test_the_commune_chair_confers_the_family_and_village_culture_titles_from_july_2025():
    def awarders(code, day):
        powers = AuthorityPower.objects.in_force(day).filter(title__code=code)
        return set(powers.values_list("authority__code", flat=True))

    for code in ("GDVH", "THON_VH"):
        assert awarders(code, datetime.date(2025, 7, 1)) == {"CT_UBND_XA"}
        assert awarders(code, datetime.date(2025, 6, 30)) == set()
    power = AuthorityPower.objects.get(title__code="GDVH")
    assert power.legal_basis == "Nghị định 129/2025/NĐ-CP, Điều 59"
    assert set(
        AuthorityPower.objects.in_force(datetime.date(2025, 7, 1))
        .filter(authority__code="CT_UBND_XA", title__isnull=False)
        .values_list("title__code", flat=True)
    ) == {"LDTT", "CSTDCS", "TTLDTT", "GDVH", "THON_VH"}


def test_reseeding_the_catalogue_keeps_the_culture_titles_powers():
    from django.apps import apps

    from emulation.titles.seed import seed_catalogue

    seed_catalogue(apps)
    assert AuthorityPower.objects.filter(authority__code="CT_UBND_XA", title__code="GDVH").exists()
