"""Voting on a ballot and sealing its result.

Rules
-----
- A member present at the session votes once, agree or disagree, from their own account; a recused member is
  refused. An absent member's written opinion is entered by the secretary, and only where the ballot's rule counts
  written opinions (the member must be marked "absent, with a written opinion").
- Secret ballot: who voted (`BallotParticipation`) and a paper sealed under the ballot's key (`SecretVote`, see
  `box.py`) are inserted in one transaction; nothing is rewritten, and the paper opens only with the ballot's
  key, which closing destroys. The unique (ballot, member) participation refuses a second vote.
- Result (from the rule snapshot taken when the ballot opened): base = every seat of the council on the session's
  date (recused and absent members included), or those present plus counted written opinions; recused members
  leave the base only where the rule says so. The nomination
  passes when agree / base meets the threshold (≥, or > where the rule says "trên").
- A tie (as many agree as disagree) is broken only where it decides the outcome — the threshold is missed but one
  more agree would meet it: the chair's vote decides (their open vote, or their declared decision on a secret
  ballot), or the nomination goes back on the agenda for a new round.
- Under a quota (council/quotas.py) a passing nomination waits for the session's other nominations of the same title
  and awarding unit; they are then approved in order of agreeing votes within the quota.
- Closing seals the result with a SHA-256 of it; a closed ballot takes no vote and cannot be closed again.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation.council import quotas
from emulation.council.ballots.box import destroy_key, drop_paper, open_papers
from emulation.council.models.ballots import (
    Ballot,
    BallotParticipation,
    BallotStatus,
    Choice,
    OpenVote,
    Outcome,
)
from emulation.council.models.council import (
    Attendance,
    CouncilMember,
    MemberRole,
    Presence,
    TieBreak,
    VoteBase,
    VoteRule,
    share_pct,
)
from emulation.council.models.nominations import NominationStatus
from units.audit.log import record_event
from units.audit.models import EventKind
from units.notifications.services import notify


class Recused(PermissionDenied):
    """The member belongs to the nominated unit and does not vote on this nomination."""


def member_for(ballot: Ballot, user) -> CouncilMember | None:
    seats = CouncilMember.objects.active_on(ballot.session.date).filter(council_id=ballot.session.council_id)
    return seats.filter(user=user).select_related("person").first()


def has_voted(ballot: Ballot, member: CouncilMember) -> bool:
    votes = ballot.participations if ballot.secret else ballot.open_votes
    return votes.filter(member=member).exists()


def _locked_open(ballot: Ballot) -> Ballot:
    ballot = Ballot.objects.select_for_update().select_related("session").get(pk=ballot.pk)
    if ballot.status != BallotStatus.OPEN:
        raise ValidationError(_("Lượt bỏ phiếu đã kết thúc, kết quả đã niêm phong."))
    return ballot


def _store(ballot: Ballot, member: CouncilMember, choice: str, *, written: bool) -> None:
    if choice not in Choice.values:
        raise ValidationError(_("Phiếu không hợp lệ."))
    if ballot.recused.filter(pk=member.pk).exists():
        raise Recused(_("Thành viên thuộc đơn vị được đề nghị không tham gia biểu quyết đề nghị này."))
    try:
        with transaction.atomic():
            if ballot.secret:
                BallotParticipation.objects.create(ballot=ballot, member=member, written=written)
                drop_paper(ballot, choice)
            else:
                OpenVote.objects.create(ballot=ballot, member=member, choice=choice, written=written)
    except IntegrityError:
        raise ValidationError(_("Thành viên này đã bỏ phiếu.")) from None


@transaction.atomic
def cast_vote(*, ballot: Ballot, user, choice: str) -> None:
    """A member present at the session casts their one vote on an open ballot."""
    ballot = _locked_open(ballot)
    member = member_for(ballot, user)
    if member is None:
        raise PermissionDenied(_("Bạn không phải thành viên Hội đồng của phiên họp này."))
    presence = Attendance.objects.filter(session=ballot.session, member=member).values_list("presence", flat=True)
    if presence.first() != Presence.PRESENT:
        raise ValidationError(_("Bạn không được ghi nhận có mặt tại phiên họp; ý kiến bằng văn bản do thư ký ghi."))
    _store(ballot, member, choice, written=False)


@transaction.atomic
def record_written_vote(*, ballot: Ballot, member: CouncilMember, choice: str, by) -> None:
    """The secretary enters an absent member's written opinion, where the ballot's rule counts them."""
    ballot = _locked_open(ballot)
    if not ballot.rule_snapshot["written_votes_for_absent"]:
        raise ValidationError(_("Quy tắc biểu quyết này không tính ý kiến bằng văn bản của người vắng mặt."))
    presence = Attendance.objects.filter(session=ballot.session, member=member).values_list("presence", flat=True)
    if presence.first() != Presence.ABSENT_WRITTEN:
        raise ValidationError(_("Thành viên không được ghi nhận vắng mặt có ý kiến bằng văn bản."))
    _store(ballot, member, choice, written=True)


@dataclass
class Tally:
    agree: int
    disagree: int
    written: int


def tally(ballot: Ballot) -> Tally:
    if ballot.secret:
        votes = open_papers(ballot)
        written = ballot.participations.filter(written=True).count()
    else:
        votes = list(ballot.open_votes.values_list("choice", flat=True))
        written = ballot.open_votes.filter(written=True).count()
    return Tally(votes.count(Choice.AGREE), votes.count(Choice.DISAGREE), written)


def base_count(ballot: Ballot, rule: VoteRule, counted: Tally) -> tuple[int, int]:
    """(base, members entitled to vote) under the rule snapshot."""
    members = set(
        CouncilMember.objects.active_on(ballot.session.date)
        .filter(council_id=ballot.session.council_id)
        .values_list("pk", flat=True)
    )
    recused = set(ballot.recused.values_list("pk", flat=True)) & members
    entitled = len(members - recused)
    if rule.base == VoteBase.TOTAL_MEMBERS:
        return (entitled if rule.exclude_recused_from_base else len(members)), entitled
    present = set(
        ballot.session.attendance.filter(presence=Presence.PRESENT, member_id__in=members).values_list(
            "member_id", flat=True
        )
    )
    counted_present = present - recused if rule.exclude_recused_from_base else present
    return len(counted_present) + counted.written, entitled


def rule_from(snapshot: dict) -> VoteRule:
    """An unsaved rule carrying the snapshot's numbers, so a later edit of the rule never changes a ballot."""
    fields = {k: v for k, v in snapshot.items() if k != "id"}
    for name in ("pct", "quorum_pct", "award_session_quorum_pct"):
        fields[name] = None if fields.get(name) is None else Decimal(fields[name])
    return VoteRule(**fields)


def _chair_side(ballot: Ballot, chair_decision: bool | None) -> bool:
    """The chair's side of a tie: their open vote, else their declared decision (a secret ballot)."""
    if not ballot.secret:
        vote = ballot.open_votes.filter(member__role=MemberRole.CHAIR).values_list("choice", flat=True).first()
        if vote is not None:
            return vote == Choice.AGREE
    if chair_decision is None:
        raise ValidationError(_("Số phiếu ngang nhau: cần ghi ý kiến quyết định của Chủ tịch Hội đồng."))
    return chair_decision


def decide(ballot: Ballot, rule: VoteRule, counted: Tally, base: int, chair_decision: bool | None):
    """(outcome, tie-break note) by the rule."""
    if rule.passes(counted.agree, base):
        return Outcome.PASSED, ""
    tie = counted.agree == counted.disagree > 0 and rule.passes(counted.agree + 1, base)
    if not tie:
        return Outcome.FAILED, ""
    if rule.tie_break == TieBreak.REVOTE:
        return Outcome.REVOTE, _("Số phiếu ngang nhau: bỏ phiếu lại.")
    agree = _chair_side(ballot, chair_decision)
    side = _("đồng ý") if agree else _("không đồng ý")
    note = _("Số phiếu ngang nhau: theo ý kiến của Chủ tịch Hội đồng (%(side)s).") % {"side": side}
    return (Outcome.PASSED if agree else Outcome.FAILED), note


NEXT_STATUS = {
    Outcome.PASSED: NominationStatus.APPROVED,
    Outcome.FAILED: NominationStatus.REJECTED,
    Outcome.REVOTE: NominationStatus.ON_AGENDA,
}


def _record_closing(ballot: Ballot, by) -> None:
    tally_data = {
        "agree": ballot.agree_count,
        "disagree": ballot.disagree_count,
        "written": ballot.written_count,
        "base": ballot.base_count,
        "outcome": ballot.outcome,
        "result_hash": ballot.result_hash,
    }
    summary = f"{ballot.nomination.subject} — {ballot.get_outcome_display()}"
    record_event(kind=EventKind.BALLOT_CLOSED, obj=ballot, by=by, summary=summary, data=tally_data)


@transaction.atomic
def close_ballot(*, ballot: Ballot, by, chair_decision: bool | None = None) -> Ballot:
    """Count the votes by the ballot's rule, seal the result and move the nomination on."""
    ballot = _locked_open(ballot)
    rule = rule_from(ballot.rule_snapshot)
    counted = tally(ballot)
    base, entitled = base_count(ballot, rule, counted)
    outcome, note = decide(ballot, rule, counted, base, chair_decision)
    ballot.agree_count, ballot.disagree_count, ballot.written_count = counted.agree, counted.disagree, counted.written
    ballot.eligible_voters, ballot.base_count = entitled, base
    ballot.agree_pct, ballot.threshold_pct = share_pct(counted.agree, base), rule.pct
    ballot.outcome, ballot.tie_break_note = outcome, note
    ballot.status, ballot.sealed_at = BallotStatus.CLOSED, timezone.now()
    ballot.result_hash = ballot.compute_hash()
    ballot.save()
    if ballot.secret:
        destroy_key(ballot)
    _record_closing(ballot, by)
    nomination = ballot.nomination
    quota = quotas.quota_of(nomination) if outcome == Outcome.PASSED else None
    nomination.status = NominationStatus.QUOTA if quota else NEXT_STATUS[outcome]
    nomination.save(update_fields=["status"])
    quotas.settle(session=ballot.session, nomination=nomination, by=by)
    notify(
        users=[nomination.proposed_by],
        title=_("Kết quả bỏ phiếu: %(subject)s — %(outcome)s")
        % {"subject": nomination.subject, "outcome": ballot.get_outcome_display()},
        link=reverse("emulation:nomination_detail", args=[nomination.pk]),
    )
    return ballot
