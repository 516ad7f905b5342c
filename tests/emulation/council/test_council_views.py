"""Council pages: the access matrix for every view, the secretary's session run through the pages, voting from a
phone, recusal, the nomination page's score breakdown beside the eligibility evidence, and the home count."""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from emulation.council import sessions as services
from emulation.models import (
    Ballot,
    EligibilityCheck,
    EligibilityResult,
    MemberRole,
    NominationStatus,
    Outcome,
    Presence,
    RuleSet,
    Session,
)
from tests.emulation.council.helpers import SESSION_DAY, add_member, make_council, make_nomination, make_rule
from tests.emulation.factories import make_period
from tests.factories import enrol_totp, make_person, make_score, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(tree, personas):
    """Province council (chair: the council_member persona; secretary: the secretary persona; 4 more members in
    Sở Tài chính); a department council of Sở Tài chính with its own member; the staff persona nominated."""
    council = make_council(tree.province, size=0, secretary=personas.secretary, name="Hội đồng TĐKT tỉnh Đắk Nông")
    chair = add_member(council, unit=tree.province, role=MemberRole.CHAIR, user=personas.council_member)
    others = [add_member(council, unit=tree.other) for _ in range(4)]
    other_council = make_council(tree.other, size=1, name="Hội đồng TĐKT Sở Tài chính", member_unit=tree.other)
    stranger = other_council.members.get()
    period = make_period()
    staff = personas.staff.person
    nomination = make_nomination(person=staff, period=period, status=NominationStatus.VETTED)
    make_rule(nomination.title, pct="80")
    session = Session.objects.create(council=council, date=SESSION_DAY, place="Phòng họp số 1")
    nomination.session, nomination.status = session, NominationStatus.ON_AGENDA
    nomination.save()
    other_session = Session.objects.create(council=other_council, date=SESSION_DAY)
    return SimpleNamespace(
        council=council,
        chair=chair,
        others=others,
        other_council=other_council,
        stranger=stranger,
        period=period,
        nomination=nomination,
        session=session,
        other_session=other_session,
    )


def open_ballot(world, present=None):
    session = services.open_session(session=world.session, by=world.council.secretary)
    present = present if present is not None else [world.chair, *world.others]
    services.record_attendance(
        session=session, presence={m.pk: Presence.PRESENT for m in present}, by=world.council.secretary
    )
    return services.open_ballot(session=session, nomination=world.nomination, by=world.council.secretary)


def page_urls(world, ballot):
    return [
        reverse("emulation:councils"),
        reverse("emulation:council_detail", args=[world.council.pk]),
        reverse("emulation:session_detail", args=[world.session.pk]),
        reverse("emulation:session_minutes", args=[world.session.pk]),
        reverse("emulation:ballot_vote", args=[ballot.pk]),
        reverse("emulation:nominations"),
        reverse("emulation:nomination_detail", args=[world.nomination.pk]),
        reverse("emulation:nomination_create"),
    ]


def test_anonymous_users_are_sent_to_login_from_every_page(client, world):
    ballot = open_ballot(world)
    for url in page_urls(world, ballot):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_an_outsider_sees_nothing_of_the_council(login, world, personas):
    ballot = open_ballot(world)
    client = login(personas.outsider)
    for url in page_urls(world, ballot)[1:5] + [reverse("emulation:nomination_detail", args=[world.nomination.pk])]:
        assert client.get(url).status_code == 404, url
    assert "Hội đồng TĐKT tỉnh" not in client.get(reverse("emulation:councils")).content.decode()


def test_a_member_of_another_council_sees_nothing_of_this_councils_sessions(login, world):
    ballot = open_ballot(world)
    client = login(world.stranger.user)
    for url in page_urls(world, ballot)[1:5]:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("emulation:ballot_vote", args=[ballot.pk]), {"choice": "agree"}).status_code == 404
    assert client.get(reverse("emulation:session_detail", args=[world.other_session.pk])).status_code == 200


def test_a_member_sees_the_session_but_cannot_run_it(login, world):
    ballot = open_ballot(world)
    client = login(world.others[0].user)
    page = client.get(reverse("emulation:session_detail", args=[world.session.pk]))
    assert page.status_code == 200 and "Phòng họp số 1" in page.content.decode()
    assert client.post(reverse("emulation:session_close", args=[world.session.pk])).status_code == 403
    assert client.post(reverse("emulation:ballot_close", args=[ballot.pk])).status_code == 403
    assert client.post(reverse("emulation:session_attendance", args=[world.session.pk])).status_code == 403
    ballot.refresh_from_db()
    assert ballot.is_open


def test_a_session_run_through_the_pages(login, world, personas):
    secretary = login(personas.secretary)
    assert secretary.post(reverse("emulation:session_open", args=[world.session.pk])).status_code == 302
    attendance = {f"m{m.pk}": "present" for m in [world.chair, *world.others]}
    secretary.post(reverse("emulation:session_attendance", args=[world.session.pk]), attendance)
    page = secretary.get(reverse("emulation:session_detail", args=[world.session.pk])).content.decode()
    assert "Có mặt 5/5 thành viên" in page
    opened = secretary.post(reverse("emulation:ballot_open", args=[world.session.pk, world.nomination.pk]), follow=True)
    assert "Đã mở bỏ phiếu" in opened.content.decode()
    ballot = Ballot.objects.get(nomination=world.nomination)
    for member, choice in zip([world.chair, *world.others], ["agree"] * 4 + ["disagree"], strict=True):
        voter = login(member.user)
        confirmed = {"choice": choice, "confirm": "1"}
        assert voter.post(reverse("emulation:ballot_vote", args=[ballot.pk]), confirmed).status_code == 302
    again = login(world.chair.user).post(
        reverse("emulation:ballot_vote", args=[ballot.pk]), {"choice": "disagree", "confirm": "1"}
    )
    assert "Thành viên này đã bỏ phiếu" in login(world.chair.user).get(again["Location"]).content.decode()
    secretary = login(personas.secretary)
    page = secretary.get(reverse("emulation:session_detail", args=[world.session.pk])).content.decode()
    assert "Đã nhận 5 phiếu" in page
    secretary.post(reverse("emulation:ballot_close", args=[ballot.pk]), {"confirm": "on"})
    ballot.refresh_from_db()
    assert (ballot.agree_count, ballot.disagree_count, ballot.outcome) == (4, 1, Outcome.PASSED)
    page = secretary.get(reverse("emulation:session_detail", args=[world.session.pk])).content.decode()
    assert "Đạt" in page and "4/5 = 80" in page
    closed = secretary.post(reverse("emulation:session_close", args=[world.session.pk]), follow=True)
    assert "Đã kết thúc phiên họp" in closed.content.decode()
    world.session.refresh_from_db()
    assert world.session.status == "closed"


def test_the_voting_page_fits_a_phone_with_two_big_buttons(login, world):
    ballot = open_ballot(world)
    page = login(world.others[0].user).get(reverse("emulation:ballot_vote", args=[ballot.pk])).content.decode()
    assert 'value="agree"' in page and 'value="disagree"' in page and "btn-lg" in page
    assert "Nguyễn Thị Hương Trà" in page


def test_a_recused_member_is_told_why_and_refused(login, world, tree):
    insider = add_member(world.council, unit=tree.home)
    ballot = open_ballot(world, present=[world.chair, *world.others, insider])
    client = login(insider.user)
    page = client.get(reverse("emulation:ballot_vote", args=[ballot.pk]))
    assert page.status_code == 403
    assert "không tham gia biểu quyết" in page.content.decode()
    assert client.post(reverse("emulation:ballot_vote", args=[ballot.pk]), {"choice": "agree"}).status_code == 403
    assert not ballot.open_votes.exists()


def test_voting_after_the_ballot_is_sealed_is_refused(login, world):
    ballot = open_ballot(world)
    login(world.council.secretary).post(reverse("emulation:ballot_close", args=[ballot.pk]), {"confirm": "on"})
    client = login(world.others[0].user)
    response = client.post(
        reverse("emulation:ballot_vote", args=[ballot.pk]), {"choice": "agree", "confirm": "1"}, follow=True
    )
    assert "Lượt bỏ phiếu đã kết thúc" in response.content.decode()
    ballot.refresh_from_db()
    assert ballot.agree_count == 0 and ballot.seal_intact()


def test_the_nomination_page_shows_the_score_breakdown_beside_the_eligibility_evidence(login, world, tree):
    make_score(
        tree.home,
        world.period,
        total=87.5,
        breakdown=[
            {"kind": "criterion", "group": "A", "label": "Ban hành kế hoạch thi đua", "points": "10", "counted": True},
            {"kind": "deduction", "group": "", "label": "Không đeo thẻ công chức", "points": "-2.5", "counted": True},
        ],
    )
    result = EligibilityResult.objects.create(
        period=world.period,
        rule_set=RuleSet.objects.get(code="QG-2024"),
        title=world.nomination.title,
        person=world.nomination.person,
        unit=tree.home,
        met=True,
        computed_at=timezone.now(),
    )
    EligibilityCheck.objects.create(
        result=result, kind="min_rating", met=True, reason="Xếp loại năm 2026: Hoàn thành xuất sắc nhiệm vụ"
    )
    page = login(world.chair.user).get(reverse("emulation:nomination_detail", args=[world.nomination.pk]))
    html = page.content.decode()
    score_block = html.split('data-testid="score"')[1].split('data-testid="eligibility"')[0]
    evidence_block = html.split('data-testid="eligibility"')[1]
    assert "87,5" in score_block or "87.5" in score_block
    assert "Ban hành kế hoạch thi đua" in score_block and "Không đeo thẻ công chức" in score_block
    assert "Hoàn thành xuất sắc nhiệm vụ" in evidence_block and "Đủ điều kiện" in evidence_block


def test_the_home_page_counts_ballots_awaiting_my_vote(login, world):
    open_ballot(world)
    page = login(world.others[0].user).get(reverse("home")).content.decode()
    assert "Phiếu chờ bạn biểu quyết" in page


def test_a_user_without_a_council_gets_no_council_page_content(login):
    client = login(make_user())
    assert "Bạn không thuộc Hội đồng nào" in client.get(reverse("emulation:councils")).content.decode()


def test_minutes_pdf_is_refused_to_strangers_but_served_to_members(login, world):
    open_ballot(world)
    assert (
        login(world.stranger.user).get(reverse("emulation:session_minutes", args=[world.session.pk])).status_code == 404
    )
    response = login(world.others[1].user).get(reverse("emulation:session_minutes", args=[world.session.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_the_session_page_query_count_does_not_grow_with_ballots(login, world, tree):
    open_ballot(world)
    client = login(world.council.secretary)
    url = reverse("emulation:session_detail", args=[world.session.pk])
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(3):
        extra = make_nomination(person=make_person(unit=tree.other), period=world.period, title=world.nomination.title)
        extra.session, extra.status = world.session, NominationStatus.ON_AGENDA
        extra.save()
        services.open_ballot(session=world.session, nomination=extra, by=world.council.secretary)
    with CaptureQueriesContext(connection) as four:
        client.get(url)
    assert len(four.captured_queries) == len(one.captured_queries)


def test_vote_rules_are_edited_in_the_admin_and_ballots_are_read_only_there(client, world):
    superuser = make_user(is_staff=True, is_superuser=True)
    enrol_totp(superuser)
    client.force_login(superuser)
    page = client.get(reverse("admin:emulation_voterule_changelist")).content.decode()
    assert "≥ 80 %" in page
    ballot = open_ballot(world)
    assert client.get(reverse("admin:emulation_ballot_change", args=[ballot.pk])).status_code == 200
    assert client.post(reverse("admin:emulation_ballot_delete", args=[ballot.pk]), {"post": "yes"}).status_code == 403
    assert Ballot.objects.filter(pk=ballot.pk).exists()


def endpoints(world, ballot):
    """(method, url, secretary only) for every council view but the list."""
    s, b, n = world.session.pk, ballot.pk, world.nomination.pk
    return [
        ("get", reverse("emulation:council_detail", args=[world.council.pk]), False),
        ("post", reverse("emulation:council_detail", args=[world.council.pk]), True),
        ("get", reverse("emulation:session_detail", args=[s]), False),
        ("get", reverse("emulation:session_minutes", args=[s]), False),
        ("post", reverse("emulation:session_open", args=[s]), True),
        ("post", reverse("emulation:session_attendance", args=[s]), True),
        ("post", reverse("emulation:session_close", args=[s]), True),
        ("post", reverse("emulation:ballot_open", args=[s, n]), True),
        ("get", reverse("emulation:ballot_vote", args=[b]), False),
        ("post", reverse("emulation:ballot_written", args=[b]), True),
        ("post", reverse("emulation:ballot_close", args=[b]), True),
        ("get", reverse("emulation:ballot_close", args=[b]), True),
        ("post", reverse("emulation:session_quota", args=[s]), True),
    ]


def test_access_matrix_of_every_council_view(client, login, world, personas):
    ballot = open_ballot(world)
    for method, url, _ in endpoints(world, ballot):
        client.logout()
        assert "/accounts/login/" in getattr(client, method)(url)["Location"], url
    for user in (personas.outsider, personas.administrator, world.stranger.user):
        visitor = login(user)
        for method, url, _ in endpoints(world, ballot):
            assert getattr(visitor, method)(url).status_code == 404, (user, url)
    member = login(world.others[0].user)
    for method, url, secretary_only in endpoints(world, ballot):
        status = getattr(member, method)(url).status_code
        assert status == (403 if secretary_only else 200), url
    secretary = login(personas.secretary)
    for method, url, _ in endpoints(world, ballot):
        if "ballots" in url and method == "get":
            continue  # the secretary is not a voting member: the voting page is for members
        assert getattr(secretary, method)(url).status_code in (200, 302), url
    ballot.refresh_from_db()
    assert ballot.is_open  # closing without confirming only shows the stakes
    secretary.post(reverse("emulation:ballot_close", args=[ballot.pk]), {"confirm": "on"})
    ballot.refresh_from_db()
    assert not ballot.is_open  # the secretary closed it, once confirmed; nobody else could


def test_the_secretary_schedules_a_session_with_a_vietnamese_date(login, world, personas):
    client = login(personas.secretary)
    data = {"date": "20/01/2027", "place": "Hội trường tầng 3", "considers_awards": "on"}
    response = client.post(reverse("emulation:council_detail", args=[world.council.pk]), data)
    session = Session.objects.get(place="Hội trường tầng 3")
    assert response["Location"] == reverse("emulation:session_detail", args=[session.pk])
    assert session.date.strftime("%d/%m/%Y") == "20/01/2027" and session.considers_awards
    assert "20/01/2027" in client.get(reverse("emulation:council_detail", args=[world.council.pk])).content.decode()


def test_the_secretarys_home_page_counts_nominations_to_vet(login, world, personas):
    make_nomination(person=make_person(unit=world.nomination.unit), status=NominationStatus.PROPOSED)
    page = login(personas.secretary).get(reverse("home")).content.decode()
    assert "Đề nghị khen thưởng chờ thẩm định" in page
    card = page.split("Đề nghị khen thưởng chờ thẩm định")[0].rsplit('class="card-count"', 1)[1]
    assert card.startswith(">1<")


def test_an_absent_member_is_told_so_on_the_voting_page(login, world):
    ballot = open_ballot(world, present=[world.chair, *world.others[:3]])
    page = login(world.others[3].user).get(reverse("emulation:ballot_vote", args=[ballot.pk])).content.decode()
    assert "không được ghi nhận có mặt" in page and 'value="agree"' not in page


def test_closing_a_ballot_first_shows_who_has_not_voted_and_what_the_seal_prevents(login, world, personas):
    ballot = open_ballot(world)
    login(world.chair.user).post(
        reverse("emulation:ballot_vote", args=[ballot.pk]), {"choice": "agree", "confirm": "1"}
    )
    secretary = login(personas.secretary)
    page = secretary.get(reverse("emulation:ballot_close", args=[ballot.pk])).content.decode()
    stakes = page.split('data-testid="stakes"')[1].split("</div>")[0]
    assert "4 thành viên chưa bỏ phiếu" in stakes and world.others[0].person.full_name in stakes
    assert "không ai bỏ phiếu thêm hay sửa được kết quả" in stakes
    secretary.post(reverse("emulation:ballot_close", args=[ballot.pk]))  # no confirmation: nothing sealed
    ballot.refresh_from_db()
    assert ballot.is_open


def test_a_members_vote_is_shown_back_and_recorded_only_once_confirmed(login, world):
    ballot = open_ballot(world)
    client = login(world.others[0].user)
    page = client.post(reverse("emulation:ballot_vote", args=[ballot.pk]), {"choice": "disagree"}).content.decode()
    assert 'data-testid="confirm-vote"' in page and "Không đồng ý" in page
    assert not ballot.open_votes.exists()
    client.post(reverse("emulation:ballot_vote", args=[ballot.pk]), {"choice": "disagree", "confirm": "1"})
    assert list(ballot.open_votes.values_list("choice", flat=True)) == ["disagree"]


def test_everyone_present_marks_every_member_present_in_one_tap(login, world, personas):
    secretary = login(personas.secretary)
    secretary.post(reverse("emulation:session_open", args=[world.session.pk]))
    absent = {f"m{m.pk}": "absent" for m in [world.chair, *world.others]}
    secretary.post(reverse("emulation:session_attendance", args=[world.session.pk]), {**absent, "all_present": "1"})
    page = secretary.get(reverse("emulation:session_detail", args=[world.session.pk])).content.decode()
    assert "Có mặt 5/5 thành viên" in page and "Tất cả có mặt" in page
