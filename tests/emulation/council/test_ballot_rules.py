"""Vote rules as data, tested with hand-computed cases from the texts' numbers (ND 98/2023 Điều 30 k7: 90 % / 80 %
of all members; quorum 2/3 and award-session quorum 80 %, Bắc Ninh QĐ 86/2025 Điều 8; chair's casting vote,
TT 25/2025/TT-BKHCN Điều 23)."""

import pytest
from django.core.exceptions import ValidationError

from emulation.council import sessions as services
from emulation.council.ballots import voting
from emulation.models import Choice, NominationStatus, Outcome, TieBreak, VoteBase
from tests.emulation.council.helpers import (
    add_member,
    make_council,
    make_nomination,
    make_rule,
    members,
    open_session_with,
)
from tests.factories import make_person

pytestmark = pytest.mark.django_db

AGREE, DISAGREE = Choice.AGREE, Choice.DISAGREE


@pytest.fixture
def nomination(tree):
    return make_nomination(person=make_person(unit=tree.other))


def vote(ballot, voters, choices):
    for member, choice in zip(voters, choices, strict=True):
        voting.cast_vote(ballot=ballot, user=member.user, choice=choice)


def run(council, nomination, *, present, choices, written=(), **rule):
    """Open a session with `present` members present (and `written` absent members' written opinions), open a
    ballot under a rule with the given fields, vote, close; returns the sealed ballot."""
    make_rule(nomination.title, **rule)
    session = open_session_with(council, nomination, present=present, written=len(written))
    ballot = services.open_ballot(session=session, nomination=nomination, by=council.secretary)
    vote(ballot, members(council)[: len(choices)], choices)
    absent = members(council)[present : present + len(written)]
    for member, choice in zip(absent, written, strict=True):
        voting.record_written_vote(ballot=ballot, member=member, choice=choice, by=council.secretary)
    return voting.close_ballot(ballot=ballot, by=council.secretary)


# --- quorum ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("present", "met"), [(6, True), (5, False)])
def test_quorum_of_two_thirds_of_nine_members(tree, nomination, present, met):
    council = make_council(tree.province, size=9)
    make_rule(nomination.title, quorum_pct="66.67")
    session = open_session_with(council, nomination, present=present)
    assert (session.quorum_present, session.quorum_total, session.quorum_met) == (present, 9, met)


def test_a_ballot_does_not_open_without_quorum(tree, nomination):
    council = make_council(tree.province, size=9)
    make_rule(nomination.title, quorum_pct="66.67")
    session = open_session_with(council, nomination, present=5)
    with pytest.raises(ValidationError, match="5/9"):
        services.open_ballot(session=session, nomination=nomination, by=council.secretary)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.ON_AGENDA


@pytest.mark.parametrize(("present", "met"), [(7, False), (8, True)])
def test_award_session_needs_eighty_percent_present(tree, nomination, present, met):
    """7/9 = 77,78 % < 80 %; 8/9 = 88,89 %."""
    council = make_council(tree.province, size=9)
    make_rule(nomination.title, quorum_pct="66.67", award_session_quorum_pct="80")
    session = open_session_with(council, nomination, present=present)
    assert session.quorum_met is met
    assert session.quorum_required_pct == 80


def test_a_session_that_is_not_an_award_review_uses_the_ordinary_quorum(tree, nomination):
    council = make_council(tree.province, size=9)
    make_rule(nomination.title, quorum_pct="66.67", award_session_quorum_pct="80")
    session = open_session_with(council, nomination, present=7, award_session=False)
    assert session.quorum_met is True


def test_written_opinions_do_not_count_towards_the_quorum(tree, nomination):
    council = make_council(tree.province, size=9)
    make_rule(nomination.title, quorum_pct="66.67")
    session = open_session_with(council, nomination, present=5, written=3)
    assert (session.quorum_present, session.quorum_met) == (5, False)


# --- thresholds -----------------------------------------------------------------------------------------------------


def test_eight_of_ten_members_passes_eighty_percent_of_all_members(tree, nomination):
    council = make_council(tree.province, size=10)
    ballot = run(council, nomination, present=10, choices=[AGREE] * 8 + [DISAGREE] * 2, pct="80")
    assert (ballot.agree_count, ballot.base_count, ballot.agree_pct, ballot.outcome) == (8, 10, 80, Outcome.PASSED)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.APPROVED


def test_eight_of_ten_members_fails_ninety_percent_of_all_members(tree, nomination):
    council = make_council(tree.province, size=10)
    ballot = run(council, nomination, present=10, choices=[AGREE] * 8 + [DISAGREE] * 2, pct="90")
    assert (ballot.agree_pct, ballot.threshold_pct, ballot.outcome) == (80, 90, Outcome.FAILED)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.REJECTED


def test_all_members_base_counts_absent_members(tree, nomination):
    """7 present of 10, all 7 agree: 7/10 = 70 % < 80 %."""
    council = make_council(tree.province, size=10)
    ballot = run(council, nomination, present=7, choices=[AGREE] * 7, pct="80", written_votes_for_absent=False)
    assert (ballot.base_count, ballot.outcome) == (10, Outcome.FAILED)


def test_rule_counted_over_those_present(tree, nomination):
    """7 present of 10, 6 agree 1 disagree: 6/7 = 85,71 % ≥ 70 % of those present (but 6/10 of all members)."""
    council = make_council(tree.province, size=10)
    ballot = run(council, nomination, present=7, choices=[AGREE] * 6 + [DISAGREE], base=VoteBase.PRESENT, pct="70")
    assert (ballot.base_count, str(ballot.agree_pct), ballot.outcome) == (7, "85.71", Outcome.PASSED)


def test_strictly_above_half_refuses_exactly_half(tree, nomination):
    """“Trên 50 %” (QĐ 2264/QĐ-KTNN): 5 of 10 all members is not enough; no tie (4 disagree)."""
    council = make_council(tree.province, size=10)
    choices = [AGREE] * 5 + [DISAGREE] * 4
    ballot = run(council, nomination, present=10, choices=choices, pct="50", strictly_above=True)
    assert (ballot.agree_pct, ballot.outcome) == (50, Outcome.FAILED)


# --- written opinions -------------------------------------------------------------------------------------------------


def test_written_opinions_of_absent_members_count_where_the_rule_allows(tree, nomination):
    """10 members, 7 present (6 agree, 1 disagree) + 2 written agree: 8/10 = 80 %."""
    council = make_council(tree.province, size=10)
    choices = [AGREE] * 6 + [DISAGREE]
    ballot = run(council, nomination, present=7, choices=choices, written=[AGREE, AGREE], pct="80")
    assert (ballot.agree_count, ballot.written_count, ballot.outcome) == (8, 2, Outcome.PASSED)


def test_written_opinions_join_the_base_of_a_rule_over_those_present(tree, nomination):
    """7 present (5 agree, 2 disagree) + 2 written (1 agree, 1 disagree): 6/9 = 66,67 % < 70 %."""
    council = make_council(tree.province, size=10)
    choices = [AGREE] * 5 + [DISAGREE] * 2
    ballot = run(
        council, nomination, present=7, choices=choices, written=[AGREE, DISAGREE], base=VoteBase.PRESENT, pct="70"
    )
    assert (ballot.base_count, str(ballot.agree_pct), ballot.outcome) == (9, "66.67", Outcome.FAILED)


def test_written_opinions_are_refused_where_the_rule_does_not_count_them(tree, nomination):
    council = make_council(tree.province, size=10)
    make_rule(nomination.title, written_votes_for_absent=False)
    session = open_session_with(council, nomination, present=7, written=2)
    ballot = services.open_ballot(session=session, nomination=nomination, by=council.secretary)
    with pytest.raises(ValidationError, match="không tính ý kiến bằng văn bản"):
        voting.record_written_vote(ballot=ballot, member=members(council)[7], choice=AGREE, by=council.secretary)
    vote(ballot, members(council)[:7], [AGREE] * 7)
    ballot = voting.close_ballot(ballot=ballot, by=council.secretary)
    assert (ballot.agree_count, ballot.written_count, ballot.outcome) == (7, 0, Outcome.FAILED)


def test_a_present_member_cannot_be_given_a_written_opinion(tree, nomination):
    council = make_council(tree.province, size=6)
    make_rule(nomination.title)
    session = open_session_with(council, nomination, present=6)
    ballot = services.open_ballot(session=session, nomination=nomination, by=council.secretary)
    with pytest.raises(ValidationError, match="vắng mặt có ý kiến"):
        voting.record_written_vote(ballot=ballot, member=members(council)[0], choice=AGREE, by=council.secretary)


def test_an_absent_member_cannot_vote_from_the_phone(tree, nomination):
    council = make_council(tree.province, size=6)
    make_rule(nomination.title, quorum_pct="50")
    session = open_session_with(council, nomination, present=4)
    ballot = services.open_ballot(session=session, nomination=nomination, by=council.secretary)
    with pytest.raises(ValidationError, match="không được ghi nhận có mặt"):
        voting.cast_vote(ballot=ballot, user=members(council)[5].user, choice=AGREE)


# --- recusal ----------------------------------------------------------------------------------------------------------


def recused_setup(tree, nomination, *, exclude: bool):
    """10 members, 2 of them from the nominee's unit; 7 agree, 1 disagree, rule 80 % of all members."""
    council = make_council(tree.province, size=8)
    for _ in range(2):
        add_member(council, unit=nomination.unit)
    return run(council, nomination, present=10, choices=[AGREE] * 7 + [DISAGREE], exclude_recused_from_base=exclude)


def test_recused_members_leave_the_base_only_where_the_rule_says_so(tree, nomination):
    """7 / (10 − 2) = 87,5 % ≥ 80 %."""
    ballot = recused_setup(tree, nomination, exclude=True)
    assert (ballot.base_count, ballot.eligible_voters, str(ballot.agree_pct)) == (8, 8, "87.50")
    assert ballot.outcome == Outcome.PASSED
    assert ballot.recused.count() == 2


def test_recused_members_stay_in_the_base_of_all_members_when_the_rule_counts_them(tree, nomination):
    """7 / 10 = 70 % < 80 %."""
    ballot = recused_setup(tree, nomination, exclude=False)
    assert (ballot.base_count, ballot.outcome) == (10, Outcome.FAILED)


def test_a_member_of_the_nominated_unit_cannot_vote(tree, nomination):
    council = make_council(tree.province, size=5)
    insider = add_member(council, unit=nomination.unit)
    make_rule(nomination.title)
    session = open_session_with(council, nomination, present=6)
    ballot = services.open_ballot(session=session, nomination=nomination, by=council.secretary)
    with pytest.raises(voting.Recused, match="không tham gia biểu quyết"):
        voting.cast_vote(ballot=ballot, user=insider.user, choice=AGREE)
    assert not ballot.open_votes.exists()


def test_members_below_a_nominated_collective_are_recused(tree):
    nomination = make_nomination(unit=tree.home)
    council = make_council(tree.province, size=4, member_unit=tree.other)
    from_sub_unit = add_member(council, unit=tree.sub)
    make_rule(nomination.title)
    session = open_session_with(council, nomination, present=5)
    ballot = services.open_ballot(session=session, nomination=nomination, by=council.secretary)
    assert list(ballot.recused.all()) == [from_sub_unit]


# --- ties -------------------------------------------------------------------------------------------------------------


def tie_ballot(tree, nomination, *, secret, tie_break, chair_choice=AGREE):
    """4 present; the chair and one member agree, two disagree; rule: more than 50 % of those present."""
    council = make_council(tree.province, size=4)
    make_rule(
        nomination.title, base=VoteBase.PRESENT, pct="50", strictly_above=True, secret=secret, tie_break=tie_break
    )
    session = open_session_with(council, nomination, present=4)
    ballot = services.open_ballot(session=session, nomination=nomination, by=council.secretary)
    other = DISAGREE if chair_choice == AGREE else AGREE
    vote(ballot, members(council), [chair_choice, chair_choice, other, other])
    return council, ballot


def test_the_chairs_open_vote_breaks_a_tie(tree, nomination):
    council, ballot = tie_ballot(tree, nomination, secret=False, tie_break=TieBreak.CHAIR)
    ballot = voting.close_ballot(ballot=ballot, by=council.secretary)
    assert (ballot.agree_count, ballot.disagree_count, ballot.agree_pct) == (2, 2, 50)
    assert ballot.outcome == Outcome.PASSED
    assert "Chủ tịch Hội đồng (đồng ý)" in ballot.tie_break_note


def test_the_chair_voting_against_breaks_a_tie_the_other_way(tree, nomination):
    council, ballot = tie_ballot(tree, nomination, secret=False, tie_break=TieBreak.CHAIR, chair_choice=DISAGREE)
    assert voting.close_ballot(ballot=ballot, by=council.secretary).outcome == Outcome.FAILED


def test_a_secret_tie_needs_the_chairs_declared_decision(tree, nomination):
    council, ballot = tie_ballot(tree, nomination, secret=True, tie_break=TieBreak.CHAIR)
    with pytest.raises(ValidationError, match="Chủ tịch Hội đồng"):
        voting.close_ballot(ballot=ballot, by=council.secretary)
    ballot = voting.close_ballot(ballot=ballot, by=council.secretary, chair_decision=False)
    assert ballot.outcome == Outcome.FAILED
    assert "không đồng ý" in ballot.tie_break_note


def test_a_tie_under_a_revote_rule_puts_the_nomination_back_for_a_second_round(tree, nomination):
    council, ballot = tie_ballot(tree, nomination, secret=False, tie_break=TieBreak.REVOTE)
    ballot = voting.close_ballot(ballot=ballot, by=council.secretary)
    assert ballot.outcome == Outcome.REVOTE
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.ON_AGENDA
    second = services.open_ballot(session=ballot.session, nomination=nomination, by=council.secretary)
    assert second.round == 2


def test_a_tie_that_cannot_reach_the_threshold_is_simply_a_failure(tree, nomination):
    """5 agree, 5 disagree under 90 % of all members: 6/10 would still fail, so the chair has nothing to decide."""
    council = make_council(tree.province, size=10)
    choices = [AGREE] * 5 + [DISAGREE] * 5
    ballot = run(council, nomination, present=10, choices=choices, pct="90", tie_break=TieBreak.CHAIR)
    assert (ballot.outcome, ballot.tie_break_note) == (Outcome.FAILED, "")
