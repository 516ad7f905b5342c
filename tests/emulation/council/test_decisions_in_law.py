"""Decisions that hold up in law (issue 10): one test per problem found on the council path."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from emulation.council import nominations, quotas
from emulation.council import sessions as services
from emulation.council.ballots import voting
from emulation.council.minutes import minutes_pdf
from emulation.council.seed import correct_vote_rules
from emulation.decisions.services import add_recipient, draft_decision
from emulation.eligibility.engine import run_eligibility
from emulation.models import (
    Authority,
    AwardForm,
    NominationStatus,
    Outcome,
    Quota,
    QuotaDecision,
    TitleCondition,
    VoteRule,
)
from evaluations.models import AnnualRating
from tests.emulation.council.helpers import add_member, make_council, make_nomination, make_rule, members
from tests.emulation.council.law import (
    propose_and_vet,
    quota_council,
    quota_rules,
    so_with_two_phong,
    statuses,
    vote_on,
)
from tests.emulation.eligibility.helpers import (
    YEAR,
    discipline,
    failed,
    make_team,
    national,
    reasons,
    register,
    result,
    title,
)
from tests.emulation.factories import make_period
from tests.factories import grant, make_person
from units.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def period():
    return make_period()


def test_1_two_candidates_tied_for_one_place_wait_for_the_chairs_vote_recorded_in_the_minutes(period, personas):
    quota_rules(pct=10)  # 10 % of the Sở's 12 people → 1 place
    so = so_with_two_phong(period)
    run_eligibility(period=period)
    noms = propose_and_vet(period, so.candidates, by=personas.unit_head, secretary=personas.secretary)
    assert quotas.usage(noms[0]).startswith("1 suất / 2 đề cử")
    council = quota_council(so.so, personas.secretary)
    session = vote_on(noms, council=council, agree=[4, 4], secretary=personas.secretary)
    assert statuses(noms) == [NominationStatus.QUOTA, NominationStatus.QUOTA]  # both met 50 %, neither approved
    assert {n.pk for n in quotas.awaiting_chair(session)} == {n.pk for n in noms}
    with pytest.raises(ValidationError, match="chờ Chủ tịch"):
        services.close_session(session=session, by=personas.secretary)
    with pytest.raises(ValidationError, match="lý do"):
        quotas.settle(session=session, nomination=noms[0], by=personas.secretary, chair_pick=[noms[1].pk])
    quotas.settle(
        session=session, nomination=noms[0], by=personas.secretary, chair_pick=[noms[1].pk], reason="Có sáng kiến"
    )
    assert statuses(noms) == [NominationStatus.REJECTED, NominationStatus.APPROVED]
    decided = QuotaDecision.objects.get(session=session)
    assert decided.quota == 1 and decided.chair_note == "Có sáng kiến" and "ngoài chỉ tiêu" in decided.ranking


def test_1_a_decision_refuses_a_recipient_past_the_quota_or_not_eligible(period, personas):
    quota_rules(pct=10)
    so = so_with_two_phong(period)
    stranger = make_person(unit=so.phong[0])  # never registered: no result for CSTĐCS
    third = make_person(unit=so.phong[1])
    AnnualRating.objects.create(person=third, year=YEAR, rating="htxsnv")
    register(so.pledges[1], third, "CSTDCS")
    discipline(so.candidates[1], "khien_trach", datetime.date(YEAR, 3, 1))
    run_eligibility(period=period)
    grant(personas.secretary, Role.COUNCIL_SECRETARY, so.so)
    decision = draft_decision(
        by=personas.secretary, unit=so.so, authority=Authority.objects.get(code="GD_SO"), period=period
    )
    with pytest.raises(ValidationError, match="chưa đủ điều kiện"):
        add_recipient(decision=decision, by=personas.secretary, person=so.candidates[1], title=title("CSTDCS"))
    with pytest.raises(ValidationError, match="chưa có kết quả xét điều kiện “Chiến sĩ thi đua cơ sở”"):
        add_recipient(decision=decision, by=personas.secretary, person=stranger, title=title("CSTDCS"))
    add_recipient(decision=decision, by=personas.secretary, person=so.candidates[0], title=title("CSTDCS"))
    with pytest.raises(ValidationError, match="Đã hết chỉ tiêu"):
        add_recipient(decision=decision, by=personas.secretary, person=third, title=title("CSTDCS"))


def test_2_a_quota_of_zero_stops_vetting_and_names_the_quota(period, personas):
    quota_rules(pct=15)
    unit, people, pledge = make_team(period, 6, rating="htxsnv")
    register(pledge, people[0], "CSTDCS")
    run_eligibility(period=period)
    with pytest.raises(ValidationError, match="0 suất"):
        propose_and_vet(period, [people[0]], by=personas.unit_head, secretary=personas.secretary)


def test_3_the_quota_is_the_sos_over_its_two_phong_not_zero_for_each(period):
    quota_rules(pct=15)  # 15 % of 6 → 0 for a phòng; of 12 → 1 for the Sở
    so = so_with_two_phong(period)
    run_eligibility(period=period)
    assert list(Quota.objects.filter(period=period).values_list("unit_id", "number")) == [(so.so.pk, 1)]
    line = result(period, person=so.candidates[0], code="CSTDCS", run=False).checks.get(kind="quota")
    assert line.met and "1 suất / 2 người đủ điều kiện" in line.reason and so.so.name in line.reason


def test_4_of_all_members_counts_recused_members_in_the_base(tree):
    """15 members, 3 recused, 11 agree on a 90 %-of-all-members rule: 11/15 = 73,33 %, not 11/12."""
    nomination = make_nomination(person=make_person(unit=tree.home))
    council = make_council(tree.province, size=12, member_unit=tree.other)
    for _ in range(3):
        add_member(council, unit=tree.home)
    make_rule(nomination.title, pct="90")  # the rule's own default: recused members stay in the base
    from tests.emulation.council.helpers import open_session_with

    session = open_session_with(council, nomination, present=15)
    ballot = services.open_ballot(session=session, nomination=nomination, by=council.secretary)
    for member in members(council)[:11]:
        voting.cast_vote(ballot=ballot, user=member.user, choice="agree")
    ballot = voting.close_ballot(ballot=ballot, by=council.secretary)
    assert (ballot.base_count, str(ballot.agree_pct), ballot.outcome) == (15, "73.33", Outcome.FAILED)
    assert "15 = tổng số thành viên Hội đồng (kể cả người vắng mặt và người không biểu quyết)" in ballot.base_explained


def test_5_seeded_national_vote_rules_follow_the_decree_and_cite_no_provincial_text():
    day = datetime.date(2026, 6, 1)
    for code in ["LDTT", "TTLDTT", "TTLDXS"]:
        assert VoteRule.objects.for_target(title=title(code), day=day) is None, code
    for code in ["GK_XA", "GK_SO", "BK_TINH", "BK_TTG"]:
        assert VoteRule.objects.for_target(award_form=AwardForm.objects.get(code=code), day=day) is None, code
    rules = {r.title.code: r for r in VoteRule.objects.in_force(day).select_related("title")}
    assert {code: int(r.pct) for code, r in rules.items()} == {
        "CSTD_TQ": 90,  # in the catalogue since emulation 0027
        "CSTD_TINH": 90,
        "CSTDCS": 80,
        "CO_TINH": 80,
    }
    for rule in rules.values():
        assert (rule.base, rule.secret, rule.written_votes_for_absent, rule.exclude_recused_from_base) == (
            "total_members",
            False,
            True,
            False,
        )
        assert "98/2023" in rule.legal_basis and "Bắc Ninh" not in rule.legal_basis
    bases = " ".join(TitleCondition.objects.filter(rule_set=national()).values_list("legal_basis", flat=True))
    assert "Hải Phòng" not in bases and "Bắc Ninh" not in bases


def test_5_the_data_migration_corrects_rows_seeded_the_old_way():
    old = VoteRule.objects.create(
        title=title("LDTT"), base="present", pct="70", secret=False, written_votes_for_absent=True,
        quorum_pct="66.67", tie_break="chair", effective_from=datetime.date(2024, 1, 1),
        legal_basis="TT 35/2015/TT-BGDĐT (ví dụ ngành Giáo dục, thay bằng quy chế của tỉnh); QĐ 86/2025",
    )  # fmt: skip
    VoteRule.objects.filter(title__code="CSTDCS").update(secret=True, exclude_recused_from_base=True)
    correct_vote_rules(apps)
    old.refresh_from_db()
    assert not old.active
    cstdcs = VoteRule.objects.get(title__code="CSTDCS", active=True)
    assert (cstdcs.secret, cstdcs.exclude_recused_from_base) == (False, False)


def test_6_an_unregistered_person_is_flagged_at_proposal_and_vetted_only_with_a_written_reason(login, period, personas):
    unit, people, pledge = make_team(period, 3, rating="htxsnv")
    nomination = nominations.propose_nomination(
        period=period, person=people[0], title=title("LDTT"), achievement_report="x", by=personas.unit_head
    )
    assert nomination.eligibility_met is False and "chưa đăng ký" in nomination.eligibility_summary
    grant(personas.unit_head, Role.UNIT_HEAD, unit)
    page = login(personas.unit_head).get(reverse("emulation:nomination_detail", args=[nomination.pk]))
    assert 'data-testid="eligibility-flag"' in page.content.decode()
    from tests.emulation.council.helpers import attach

    attach(nomination)
    with pytest.raises(ValidationError, match="Chưa đủ điều kiện"):
        nominations.vet_nomination(nomination=nomination, by=personas.secretary)
    nominations.vet_nomination(nomination=nomination, by=personas.secretary, override="Đăng ký trên giấy ngày 10/01")
    nomination.refresh_from_db()
    assert (nomination.status, nomination.eligibility_override) == (
        NominationStatus.VETTED,
        "Đăng ký trên giấy ngày 10/01",
    )


def test_7_a_collective_excellent_title_names_a_members_discipline(period):
    unit, people, pledge = make_team(period, 5, rating="htxsnv", unit_rating="htxsnv", target="TTLDXS")
    discipline(people[0], "canh_cao", datetime.date(YEAR, 4, 1))
    res = result(period, unit=unit, code="TTLDXS")
    assert not res.met and "no_member_discipline" in failed(res)
    assert "kỷ luật cảnh cáo" in reasons(res)


def ranked(candidates, left, pick=None):
    approved, rejected, needs_chair = quotas._rank(candidates, left, pick)
    return [c.pk for c in approved], [c.pk for c in rejected], needs_chair


def test_1_candidates_are_ordered_by_agreeing_votes_and_only_a_tie_on_the_edge_asks_the_chair():
    from types import SimpleNamespace

    a, b, c = (SimpleNamespace(pk=pk, agree=agree) for pk, agree in ((1, 5), (2, 3), (3, 3)))
    assert ranked([b, a], 2) == ([1, 2], [], False)
    assert ranked([a, b], 0) == ([], [1, 2], False)
    assert ranked([a, c, b], 1) == ([1], [3, 2], False)  # the order of the votes, stable among equals
    assert ranked([a, b, c], 2) == ([], [], True)
    assert ranked([a, b, c], 2, [3]) == ([1, 3], [2], False)
    with pytest.raises(ValidationError, match="đúng 1 người"):
        ranked([a, b, c], 2, [2, 3])


def test_1_more_agreeing_votes_win_the_one_place_without_the_chair(period, personas):
    quota_rules(pct=10)
    so = so_with_two_phong(period)
    run_eligibility(period=period)
    noms = propose_and_vet(period, so.candidates, by=personas.unit_head, secretary=personas.secretary)
    session = vote_on(
        noms, council=quota_council(so.so, personas.secretary), agree=[3, 5], secretary=personas.secretary
    )
    assert statuses(noms) == [NominationStatus.REJECTED, NominationStatus.APPROVED]
    decided = QuotaDecision.objects.get(session=session)
    assert (
        decided.chair_note == ""
        and decided.ranking.startswith("1. ")
        and "5 phiếu đồng ý — trong chỉ tiêu" in decided.ranking
    )
    services.close_session(session=session, by=personas.secretary)


def test_1_the_secretary_enters_the_chairs_deciding_vote_from_the_session_page(login, period, personas):
    quota_rules(pct=10)
    so = so_with_two_phong(period)
    run_eligibility(period=period)
    noms = propose_and_vet(period, so.candidates, by=personas.unit_head, secretary=personas.secretary)
    session = vote_on(
        noms, council=quota_council(so.so, personas.secretary), agree=[4, 4], secretary=personas.secretary
    )
    client = login(personas.secretary)
    page = client.get(reverse("emulation:session_detail", args=[session.pk])).content.decode()
    assert 'data-testid="quota-tie"' in page and so.candidates[1].full_name in page
    url = reverse("emulation:session_quota", args=[session.pk])
    client.post(url, {"reason": "Không chọn ai"})
    assert statuses(noms) == [NominationStatus.QUOTA, NominationStatus.QUOTA]
    client.post(url, {"chosen": [noms[1].pk], "reason": "Thành tích nổi bật hơn"})
    assert statuses(noms) == [NominationStatus.REJECTED, NominationStatus.APPROVED]
    detail = client.get(reverse("emulation:nomination_detail", args=[noms[1].pk])).content.decode()
    assert 'data-testid="quota"' in detail and "1 suất / 1 đề cử" in detail


def test_1_the_proposal_form_shows_the_awarding_units_quota_before_proposing(login, period, personas):
    quota_rules(pct=10)
    so = so_with_two_phong(period)
    run_eligibility(period=period)
    propose_and_vet(period, so.candidates[:1], by=personas.unit_head, secretary=personas.secretary)
    grant(personas.unit_head, Role.UNIT_HEAD, so.phong[1])
    page = login(personas.unit_head).get(reverse("emulation:nomination_create")).content.decode()
    assert "Chỉ tiêu khen thưởng của các kỳ đang mở" in page
    assert "1 suất / 1 đề cử" in page and so.so.name in page and "Đã đủ số đề cử" in page


def test_2_the_proposal_form_warns_of_a_quota_of_zero(login, period, personas):
    quota_rules(pct=15)
    unit, people, pledge = make_team(period, 6, rating="htxsnv")
    register(pledge, people[0], "CSTDCS")
    run_eligibility(period=period)
    grant(personas.unit_head, Role.UNIT_HEAD, unit)
    page = login(personas.unit_head).get(reverse("emulation:nomination_create")).content.decode()
    assert "0 suất / 0 đề cử" in page and "Chỉ tiêu 0 suất: đề nghị sẽ không được đưa ra Hội đồng." in page


def test_1_an_outsider_does_not_see_another_awarding_units_quota(login, period, personas, tree):
    quota_rules(pct=10)
    so = so_with_two_phong(period)
    run_eligibility(period=period)
    grant(personas.unit_head, Role.UNIT_HEAD, tree.other)
    page = login(personas.unit_head).get(reverse("emulation:nomination_create")).content.decode()
    assert so.so.name not in page


def test_1_quotas_follow_a_new_registration_and_new_staff_without_a_manual_rerun(django_capture_on_commit_callbacks):
    today = timezone.localdate()  # a person's arrival counts for the periods running today
    period = make_period(starts_on=today - datetime.timedelta(days=30), ends_on=today + datetime.timedelta(days=30))
    quota_rules(pct=10)
    so = so_with_two_phong(period)  # 12 people: 1 place
    run_eligibility(period=period)
    assert Quota.objects.get(period=period).number == 1
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(8):  # 20 people: 2 places
            make_person(unit=so.phong[1])
    assert Quota.objects.get(period=period).number == 2
    with django_capture_on_commit_callbacks(execute=True):
        newcomer = make_person(unit=so.phong[0])
    with django_capture_on_commit_callbacks(execute=True):
        register(so.pledges[0], newcomer, "CSTDCS")
    assert result(period, person=newcomer, code="CSTDCS", run=False) is not None


def test_the_minutes_pdf_prints_the_base_the_quota_order_the_chairs_vote_and_an_override(period, personas):
    from tests.emulation.council.helpers import attach
    from tests.emulation.council.test_council_minutes import text_of

    quota_rules(pct=10)
    so = so_with_two_phong(period)
    late = make_person(unit=so.phong[1], full_name="Lê Thị Hồng Nhung")  # never registered
    run_eligibility(period=period)
    noms = propose_and_vet(period, so.candidates, by=personas.unit_head, secretary=personas.secretary)
    flagged = nominations.propose_nomination(
        period=period, person=late, title=title("CSTDCS"), achievement_report="x", by=personas.unit_head
    )
    attach(flagged)
    noms.append(nominations.vet_nomination(nomination=flagged, by=personas.secretary, override="Đăng ký trên giấy"))
    council = quota_council(so.so, personas.secretary)
    session = vote_on(noms, council=council, agree=[4, 4, 3], secretary=personas.secretary)
    quotas.settle(
        session=session,
        nomination=noms[0],
        by=personas.secretary,
        chair_pick=[noms[1].pk],
        reason="Có sáng kiến cấp tỉnh",
    )
    services.close_session(session=session, by=personas.secretary)
    text = text_of(minutes_pdf(session))
    assert "5 = tổng số thành viên Hội đồng" in text
    assert "Đăng ký trên giấy" in text
    assert "Có sáng kiến cấp tỉnh" in text
    assert f"{so.candidates[1].full_name} — 4 phiếu đồng ý — trong chỉ tiêu" in text
    assert "Lê Thị Hồng Nhung — 3 phiếu đồng ý — ngoài chỉ tiêu" in text


def test_7_ttldxs_cites_the_points_of_article_27_and_calls_its_discipline_bar_a_provincial_default():
    from emulation.titles.seed import TTLDXS_CITATIONS, correct_ttldxs_citations

    rows = TitleCondition.objects.filter(rule_set=national(), title__code="TTLDXS")
    bases = set(rows.values_list("legal_basis", flat=True))
    assert not bases & set(TTLDXS_CITATIONS), "an old citation is still seeded"
    bar = rows.get(kind="no_member_discipline").legal_basis
    assert bar.startswith("Quy định của tỉnh") and "Điều 27 khoản 1 không có điều kiện này" in bar
    rows.filter(kind="min_rating").update(legal_basis="Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 27 khoản 1")
    assert correct_ttldxs_citations(apps) == 1
    assert rows.get(kind="min_rating").legal_basis.endswith("Điều 27 khoản 1 điểm a")
