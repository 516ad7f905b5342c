"""Decision and award pages: the access matrix of every view, then what each page shows and refuses."""

import datetime
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from emulation.council.models.nominations import Nomination, NominationStatus
from emulation.decisions.services import draft_decision, sign_decision
from emulation.models import Authority, AwardStatus, Decision, DecisionStatus, Title
from tests.emulation.decisions.recipients import add_eligible
from tests.emulation.factories import make_eligible, make_period
from tests.factories import make_person
from units.models import Notification, Person

pytestmark = pytest.mark.django_db


def title(code):
    return Title.objects.get(code=code)


@pytest.fixture
def world(tree, personas):
    """A signed provincial decision 15/QĐ-UBND (CSTĐ cấp tỉnh to Nguyễn Văn An of Văn phòng Sở Nội vụ and to the
    staff persona) and a draft with one collective recipient."""
    period = make_period()
    chair = Authority.objects.get(code="CT_UBND_TINH")
    an = make_person(unit=tree.sub, full_name="Nguyễn Văn An")
    staff_person = Person.objects.get(user=personas.staff)
    signed = draft_decision(by=personas.secretary, unit=tree.province, authority=chair, period=period)
    for person in (an, staff_person):
        add_eligible(decision=signed, by=personas.secretary, person=person, title=title("CSTD_TINH"))
    sign_decision(
        decision=signed,
        by=personas.administrator,
        number="15/QĐ-UBND",
        decided_on=datetime.date(2027, 1, 15),
        signer_name="Hồ Văn Mười",
        signer_position="Chủ tịch UBND tỉnh",
    )
    draft = draft_decision(by=personas.secretary, unit=tree.province, authority=chair, period=period)
    draft_award = add_eligible(decision=draft, by=personas.secretary, unit=tree.sub, title=title("TTLDXS"))
    return SimpleNamespace(
        period=period,
        signed=signed,
        draft=draft,
        an_award=signed.awards.get(person=an),
        staff_award=signed.awards.get(person=staff_person),
        draft_award=draft_award,
    )


def pages(w):
    """name → (url, method)"""
    d, s = w.draft.pk, w.signed.pk
    return {
        "decisions": (reverse("emulation:decisions"), "get"),
        "decision_create": (reverse("emulation:decision_create"), "get"),
        "decision_detail": (reverse("emulation:decision_detail", args=[s]), "get"),
        "decision_edit": (reverse("emulation:decision_edit", args=[d]), "get"),
        "decision_add_recipient": (reverse("emulation:decision_add_recipient", args=[d]), "get"),
        "decision_add_nominations": (reverse("emulation:decision_add_nominations", args=[d]), "get"),
        "decision_sign": (reverse("emulation:decision_sign", args=[d]), "get"),
        "decision_annul": (reverse("emulation:decision_annul", args=[s]), "get"),
        "awards": (reverse("emulation:awards"), "get"),
        "award_detail": (reverse("emulation:award_detail", args=[w.an_award.pk]), "get"),
        "award_remove": (reverse("emulation:award_remove", args=[w.draft_award.pk]), "post"),
        "award_revoke": (reverse("emulation:award_revoke", args=[w.an_award.pk]), "get"),
    }


# persona → {page: expected status}; pages not listed answer 200 (award_remove answers 302 back to the draft).
EXPECTED = {
    "administrator": {},
    "secretary": {"decision_sign": 403, "decision_annul": 403, "award_revoke": 403},
    "council_member": {
        "decision_create": 403,
        "decision_edit": 403,
        "decision_add_recipient": 403,
        "decision_add_nominations": 403,
        "decision_sign": 403,
        "decision_annul": 403,
        "award_remove": 403,
        "award_revoke": 403,
    },
    # the head of Sở Nội vụ sees the issued decision (it grants awards in the department) but never the draft
    "unit_head": {
        "decision_create": 403,
        "decision_edit": 404,
        "decision_add_recipient": 404,
        "decision_add_nominations": 404,
        "decision_sign": 404,
        "decision_annul": 403,
        "award_remove": 404,
        "award_revoke": 403,
    },
    "staff": {
        "decisions": 403,
        "decision_create": 403,
        "decision_detail": 404,
        "decision_edit": 404,
        "decision_add_recipient": 404,
        "decision_add_nominations": 404,
        "decision_sign": 404,
        "decision_annul": 404,
        "award_detail": 404,
        "award_remove": 404,
        "award_revoke": 404,
    },
    # the head of Sở Tài chính: nothing of this decision reaches the department
    "outsider": {
        "decision_create": 403,
        "decision_detail": 404,
        "decision_edit": 404,
        "decision_add_recipient": 404,
        "decision_add_nominations": 404,
        "decision_sign": 404,
        "decision_annul": 404,
        "award_detail": 404,
        "award_remove": 404,
        "award_revoke": 404,
    },
}


def fetch(client, url, method):
    return client.post(url) if method == "post" else client.get(url)


def test_anonymous_is_sent_to_login_everywhere(client, world):
    for name, (url, method) in pages(world).items():
        response = fetch(client, url, method)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("account_login")), name


@pytest.mark.parametrize("persona", list(EXPECTED))
def test_access_matrix(login, personas, world, persona):
    client = login(getattr(personas, persona))
    for name, (url, method) in pages(world).items():
        default = 302 if method == "post" else 200
        assert fetch(client, url, method).status_code == EXPECTED[persona].get(name, default), name


def test_registers_show_only_what_the_user_reaches(login, personas, world):
    assert "15/QĐ-UBND" in login(personas.council_member).get(reverse("emulation:decisions")).getvalue().decode()
    outsider = login(personas.outsider)
    assert "15/QĐ-UBND" not in outsider.get(reverse("emulation:decisions")).getvalue().decode()
    assert outsider.get(reverse("emulation:awards")).context["table"].paginator.count == 0
    staff_rows = login(personas.staff).get(reverse("emulation:awards")).context["table"].data
    assert [row.person.user_id for row in staff_rows] == [personas.staff.pk]
    head = login(personas.unit_head).get(reverse("emulation:awards"))
    assert "Nguyễn Văn An" in head.getvalue().decode() and "Nguyễn Thị Hương Trà" in head.getvalue().decode()
    assert head.context["table"].paginator.count == 2  # the draft's award is not in the register


def test_the_decision_register_links_drafts_too(login, personas, world):
    html = login(personas.secretary).get(reverse("emulation:decisions")).getvalue().decode()
    for decision in (world.draft, world.signed):
        assert f'href="{reverse("emulation:decision_detail", args=[decision.pk])}"' in html
    assert "(dự thảo)" in html
    exported = (
        login(personas.secretary).get(reverse("emulation:decisions") + "?_export=csv").getvalue().decode("utf-8-sig")
    )
    assert "15/QĐ-UBND" in exported and "<a" not in exported


def test_the_secretary_drafts_and_adds_a_recipient_and_sees_the_reason_of_a_refusal(login, personas, tree, world):
    client = login(personas.secretary)
    response = client.post(
        reverse("emulation:decision_create"),
        {
            "unit": tree.province.pk,
            "authority": Authority.objects.get(code="CT_UBND_TINH").pk,
            "period": world.period.pk,
        },
    )
    decision = Decision.objects.latest("pk")
    assert response.status_code == 302 and decision.status == DecisionStatus.DRAFT
    assert "Đã tạo dự thảo quyết định" in client.get(response["Location"]).content.decode()
    url = reverse("emulation:decision_add_recipient", args=[decision.pk])
    again = {"person": world.an_award.person_id, "title": title("CSTD_TINH").pk}
    page = client.post(url, again).getvalue().decode()
    assert "Nguyễn Văn An đã được tặng “Chiến sĩ thi đua cấp tỉnh” năm 2026 (Quyết định số 15/QĐ-UBND" in page
    assert decision.awards.count() == 0
    page = client.post(url, {"unit": tree.home.pk, "title": title("TTLDXS").pk}).getvalue().decode()
    assert "chưa có kết quả xét điều kiện “Tập thể lao động xuất sắc”" in page and decision.awards.count() == 0
    make_eligible(world.period, title("TTLDXS"), unit=tree.home)
    client.post(url, {"unit": tree.home.pk, "title": title("TTLDXS").pk, "achievement": "Dẫn đầu khối"})
    assert decision.awards.get().recipient == tree.home


def test_adding_approved_nominations_from_the_page(login, personas, tree, world):
    person = make_person(unit=tree.sub, full_name="Trần Thị Bình")
    nomination = Nomination.objects.create(
        period=world.period,
        title=title("CSTD_TINH"),
        person=person,
        unit=person.unit,
        proposed_by=personas.unit_head,
        achievement_report="Sáng kiến cấp tỉnh",
        status=NominationStatus.APPROVED,
    )
    make_eligible(world.period, title("CSTD_TINH"), person=person)
    client = login(personas.secretary)
    url = reverse("emulation:decision_add_nominations", args=[world.draft.pk])
    assert "Trần Thị Bình" in client.get(url).getvalue().decode()
    client.post(url, {"nominations": [nomination.pk]})
    assert world.draft.awards.filter(nomination=nomination, person=person).exists()


def test_signing_makes_the_decision_read_only_through_every_write_view(login, personas, tree, world):
    client = login(personas.administrator)
    client.post(
        reverse("emulation:decision_sign", args=[world.draft.pk]),
        {
            "number": "16/QĐ-UBND",
            "decided_on": "2027-01-20",
            "signer_name": "Hồ Văn Mười",
            "signer_position": "CT",
            "confirm": "on",
        },
    )
    world.draft.refresh_from_db()
    assert world.draft.status == DecisionStatus.SIGNED and world.draft.number == "16/QĐ-UBND"
    d = world.draft.pk
    writes = [
        (
            reverse("emulation:decision_edit", args=[d]),
            {"authority": world.draft.authority_id, "period": world.period.pk, "subject": "Đổi"},
        ),
        (reverse("emulation:decision_add_recipient", args=[d]), {"unit": tree.home.pk, "title": title("TTLDXS").pk}),
        (reverse("emulation:decision_add_nominations", args=[d]), {"nominations": []}),
        (reverse("emulation:award_remove", args=[world.draft_award.pk]), {}),
        (
            reverse("emulation:decision_sign", args=[d]),
            {"number": "17/QĐ-UBND", "decided_on": "2027-01-21", "signer_name": "X", "signer_position": "Y"},
        ),
    ]
    for url, data in writes:
        for response in (client.get(url), client.post(url, data, follow=True)):
            assert response.status_code in (200, 302, 405), url
        assert "đã ký ban hành, không được sửa đổi" in client.post(url, data, follow=True).getvalue().decode(), url
    world.draft.refresh_from_db()
    assert (world.draft.number, world.draft.subject, world.draft.awards.count()) == ("16/QĐ-UBND", "", 1)


def test_annulling_a_decision_shows_the_annulling_decision_on_each_award_and_the_register_counts_drop(
    login, personas, world
):
    client = login(personas.administrator)
    register = reverse("emulation:awards")
    assert client.get(register).context["counts"] == {"active": 2, "revoked": 0}
    client.post(
        reverse("emulation:decision_annul", args=[world.signed.pk]),
        {
            "reason": "Hồ sơ kê khai không trung thực",
            "number": "52/QĐ-UBND",
            "decided_on": "2027-05-04",
            "confirm": "on",
        },
    )
    assert client.get(register).context["counts"] == {"active": 0, "revoked": 2}
    for award in (world.an_award, world.staff_award):
        page = client.get(reverse("emulation:award_detail", args=[award.pk])).getvalue().decode()
        assert "Đã thu hồi" in page and "Quyết định hủy bỏ số 52/QĐ-UBND ngày 04/05/2027" in page
        assert "Hồ sơ kê khai không trung thực" in page
    revoked_only = client.get(register + "?status=revoked&_export=csv").getvalue().decode("utf-8-sig")
    assert "52/QĐ-UBND" in revoked_only and "Nguyễn Văn An" in revoked_only


def test_revoking_one_award_from_its_page(login, personas, world):
    client = login(personas.administrator)
    response = client.post(
        reverse("emulation:award_revoke", args=[world.an_award.pk]),
        {
            "reason": "Sáng kiến không được công nhận",
            "number": "40/QĐ-UBND",
            "decided_on": "2027-04-01",
            "confirm": "on",
        },
        follow=True,
    )
    assert "Quyết định hủy bỏ số 40/QĐ-UBND ngày 01/04/2027" in response.getvalue().decode()
    world.an_award.refresh_from_db()
    world.staff_award.refresh_from_db()
    assert (world.an_award.status, world.staff_award.status) == (AwardStatus.REVOKED, AwardStatus.ACTIVE)
    assert client.get(reverse("emulation:awards")).context["counts"] == {"active": 1, "revoked": 1}
    staff_page = login(personas.staff).get(reverse("emulation:award_detail", args=[world.staff_award.pk]))
    assert "Còn hiệu lực" in staff_page.getvalue().decode()


def test_the_awards_register_filters_by_title_and_exports_xlsx(login, personas, world):
    client = login(personas.council_member)
    response = client.get(reverse("emulation:awards") + f"?title={title('LDTT').pk}")
    assert response.context["table"].paginator.count == 0
    response = client.get(reverse("emulation:awards") + f"?title={title('CSTD_TINH').pk}&_export=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_register_pages_keep_a_flat_query_count_as_awards_grow(login, personas, tree, world):
    client = login(personas.administrator)
    pages = [
        reverse("emulation:awards"),
        reverse("emulation:decisions"),
        reverse("emulation:decision_detail", args=[world.signed.pk]),
    ]
    with CaptureQueriesContext(connection) as before:
        for url in pages:
            client.get(url)
    more = draft_decision(
        by=personas.secretary, unit=tree.province, authority=world.signed.authority, period=world.period
    )
    for _ in range(6):
        add_eligible(
            decision=more, by=personas.secretary, person=make_person(unit=tree.other), title=title("CSTD_TINH")
        )
    add_eligible(decision=more, by=personas.secretary, unit=tree.other, title=title("TTLDXS"))
    sign_decision(
        decision=more,
        by=personas.administrator,
        number="20/QĐ-UBND",
        decided_on=datetime.date(2027, 2, 1),
        signer_name="Hồ Văn Mười",
        signer_position="Chủ tịch UBND tỉnh",
    )
    pages[2] = reverse("emulation:decision_detail", args=[more.pk])
    with CaptureQueriesContext(connection) as after:
        for url in pages:
            client.get(url)
    assert client.get(reverse("emulation:awards")).context["table"].paginator.count == 9
    assert len(after) == len(before)


def test_a_revoked_awards_nomination_is_not_offered_again(login, personas, tree, world):
    person = make_person(unit=tree.sub)
    nomination = Nomination.objects.create(
        period=world.period,
        title=title("CSTD_TINH"),
        person=person,
        unit=person.unit,
        proposed_by=personas.unit_head,
        achievement_report="Sáng kiến cấp tỉnh",
        status=NominationStatus.APPROVED,
    )
    make_eligible(world.period, title("CSTD_TINH"), person=person)
    client = login(personas.secretary)
    client.post(reverse("emulation:decision_add_nominations", args=[world.draft.pk]), {"nominations": [nomination.pk]})
    login(personas.administrator).post(
        reverse("emulation:decision_sign", args=[world.draft.pk]),
        {
            "number": "16/QĐ-UBND",
            "decided_on": "2027-01-20",
            "signer_name": "Hồ Văn Mười",
            "signer_position": "CT",
            "confirm": "on",
        },
    )
    award = world.draft.awards.get(nomination=nomination)
    login(personas.administrator).post(
        reverse("emulation:award_revoke", args=[award.pk]),
        {"reason": "Sáng kiến bị hủy công nhận", "number": "40/QĐ-UBND", "decided_on": "2027-04-01", "confirm": "on"},
    )
    fresh = draft_decision(
        by=personas.secretary, unit=tree.province, authority=world.signed.authority, period=world.period
    )
    page = login(personas.secretary).get(reverse("emulation:decision_add_nominations", args=[fresh.pk]))
    assert list(page.context["form"].fields["nominations"].queryset) == []


def test_the_recipient_hears_of_the_award_and_of_its_revocation(login, personas, world):
    inbox = Notification.objects.filter(user=personas.staff).order_by("pk")
    assert [n.title for n in inbox] == [
        "Bạn được khen thưởng: Chiến sĩ thi đua cấp tỉnh — Quyết định số 15/QĐ-UBND ngày 15/01/2027."
    ]
    login(personas.administrator).post(
        reverse("emulation:award_revoke", args=[world.staff_award.pk]),
        {"reason": "Sai đối tượng", "number": "40/QĐ-UBND", "decided_on": "2027-04-01", "confirm": "on"},
    )
    latest = inbox.last()
    assert latest.title == (
        "Khen thưởng “Chiến sĩ thi đua cấp tỉnh” của bạn đã bị thu hồi "
        "theo Quyết định hủy bỏ số 40/QĐ-UBND ngày 01/04/2027."
    )
    assert login(personas.staff).get(latest.link).status_code == 200


def test_signing_states_who_will_be_told_and_needs_a_confirmation(login, personas, world):
    client = login(personas.administrator)
    url = reverse("emulation:decision_sign", args=[world.draft.pk])
    stakes = client.get(url).content.decode().split('data-testid="stakes"')[1].split("</div>")[0]
    assert "không sửa được" in stakes
    data = {"number": "16/QĐ-UBND", "decided_on": "2027-01-20", "signer_name": "Hồ Văn Mười", "signer_position": "CT"}
    client.post(url, data)
    world.draft.refresh_from_db()
    assert world.draft.status == DecisionStatus.DRAFT
    client.post(url, {**data, "confirm": "on"})
    world.draft.refresh_from_db()
    assert world.draft.status == DecisionStatus.SIGNED
