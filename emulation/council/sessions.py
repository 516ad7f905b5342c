"""Council sessions: opening, attendance and quorum, opening ballots, closing the session.

Rules
-----
- Quorum: members present / members of the council on the session's date, against the strictest quorum of the
  rules of the session's agenda (the award-session quorum where the session considers awards and the rule sets one).
  Written opinions of absent members never count towards the quorum.
- A ballot opens only in an open session whose attendance meets its rule's quorum, on a nomination of its agenda.
- Recusal: a member whose own unit lies within the nominated unit's subtree (a collective), or within the nominated
  person's unit, does not vote on that nomination; the rule says whether recused members leave the base
  (`exclude_recused_from_base`, off by default: "all members" counts every seat, recused ones included).
- Attendance is recorded while the session is open and no ballot is open.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation.council import quotas
from emulation.council.ballots.box import create_key
from emulation.council.models.ballots import Ballot, BallotStatus
from emulation.council.models.council import (
    Attendance,
    CouncilMember,
    Presence,
    Session,
    SessionStatus,
    VoteRule,
    share_pct,
)
from emulation.council.models.nominations import Nomination, NominationStatus
from units.audit.log import record_event
from units.audit.models import EventKind


def members_of(session: Session) -> list[CouncilMember]:
    return list(session.council.members_on(session.date).order_by("role", "person__full_name"))


@transaction.atomic
def open_session(*, session: Session, by) -> Session:
    """A draft session opens; every member on its date gets an attendance line (absent until recorded)."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.status != SessionStatus.DRAFT:
        raise ValidationError(_("Phiên họp đã được khai mạc."))
    session.status, session.opened_at = SessionStatus.OPEN, timezone.now()
    session.save(update_fields=["status", "opened_at"])
    Attendance.objects.bulk_create(
        [Attendance(session=session, member=member, presence=Presence.ABSENT) for member in members_of(session)],
        ignore_conflicts=True,
    )
    check_quorum(session=session)
    return session


@transaction.atomic
def record_attendance(*, session: Session, presence: dict[int, str], by) -> Session:
    """Record each member's presence (by member id) while the session is open and no ballot is open."""
    session = Session.objects.select_for_update().select_related("council").get(pk=session.pk)
    if session.status != SessionStatus.OPEN:
        raise ValidationError(_("Chỉ điểm danh khi phiên họp đang diễn ra."))
    if session.ballots.filter(status=BallotStatus.OPEN).exists():
        raise ValidationError(_("Đang có lượt bỏ phiếu mở: đóng lượt bỏ phiếu trước khi sửa điểm danh."))
    valid = set(Presence.values)
    for member in members_of(session):
        value = presence.get(member.pk)
        if value is None:
            continue
        if value not in valid:
            raise ValidationError(_("Tình trạng dự họp không hợp lệ."))
        Attendance.objects.update_or_create(session=session, member=member, defaults={"presence": value})
    return check_quorum(session=session)


def agenda_rules(session: Session) -> list[VoteRule]:
    nominations = session.nominations.select_related("title", "award_form")
    rules = {VoteRule.objects.for_target(title=n.title, award_form=n.award_form, day=session.date) for n in nominations}
    return [rule for rule in rules if rule is not None]


def required_quorum(session: Session, rules: list[VoteRule] | None = None):
    """The strictest quorum among the agenda's rules (all rules in force that day when the agenda is empty)."""
    rules = agenda_rules(session) if rules is None else rules
    rules = rules or list(VoteRule.objects.in_force(session.date))
    values = [rule.required_quorum(award_session=session.considers_awards) for rule in rules]
    return max(values) if values else None


def quorum_met(present: int, total: int, required) -> bool:
    return total > 0 and required is not None and share_pct(present, total) >= required


def check_quorum(*, session: Session) -> Session:
    """Store present / total and whether they meet the required quorum."""
    total = len(members_of(session))
    present = session.attendance.filter(presence=Presence.PRESENT, member__in=session.council.members_on(session.date))
    session.quorum_present, session.quorum_total = present.count(), total
    session.quorum_required_pct = required_quorum(session)
    session.quorum_met = quorum_met(session.quorum_present, total, session.quorum_required_pct)
    session.save(update_fields=["quorum_present", "quorum_total", "quorum_required_pct", "quorum_met"])
    return session


def recused_members(nomination: Nomination, members: list[CouncilMember]) -> list[CouncilMember]:
    """Members from the nominated unit's subtree (or the nominated person's unit), the nominee included."""
    unit = nomination.person.unit if nomination.person_id else nomination.unit
    return [
        m
        for m in members
        if m.person.unit.is_within(unit) or (nomination.person_id and m.person_id == nomination.person_id)
    ]


@transaction.atomic
def open_ballot(*, session: Session, nomination: Nomination, by) -> Ballot:
    """Open a ballot on an agenda item of an open session whose attendance meets the rule's quorum."""
    session = Session.objects.select_for_update().select_related("council").get(pk=session.pk)
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if session.status != SessionStatus.OPEN:
        raise ValidationError(_("Phiên họp chưa khai mạc hoặc đã kết thúc."))
    if nomination.session_id != session.pk or nomination.status != NominationStatus.ON_AGENDA:
        raise ValidationError(_("Đề nghị không nằm trong chương trình phiên họp đang chờ bỏ phiếu."))
    rule = VoteRule.objects.for_target(title=nomination.title, award_form=nomination.award_form, day=session.date)
    if rule is None:
        raise ValidationError(_("Chưa có quy tắc biểu quyết áp dụng vào ngày họp."))
    check_quorum(session=session)
    required = rule.required_quorum(award_session=session.considers_awards)
    if not quorum_met(session.quorum_present, session.quorum_total, required):
        raise ValidationError(
            _("Không đủ số thành viên dự họp: %(present)s/%(total)s, cần từ %(pct)s %% trở lên.")
            % {"present": session.quorum_present, "total": session.quorum_total, "pct": required.normalize()}
        )
    rounds = Ballot.objects.filter(nomination=nomination, session=session).count()
    ballot = Ballot.objects.create(
        nomination=nomination, session=session, round=rounds + 1, rule_snapshot=rule.snapshot(), secret=rule.secret
    )
    ballot.recused.set(recused_members(nomination, members_of(session)))
    if ballot.secret:
        create_key(ballot)
    record_event(
        kind=EventKind.BALLOT_OPENED,
        obj=ballot,
        by=by,
        summary=str(nomination.subject),
        data={"round": ballot.round, "secret": ballot.secret, "rule": ballot.rule_snapshot},
    )
    nomination.status = NominationStatus.VOTING
    nomination.save(update_fields=["status"])
    return ballot


@transaction.atomic
def close_session(*, session: Session, by) -> Session:
    """An open session closes once every ballot is closed; its minutes are then final."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.status != SessionStatus.OPEN:
        raise ValidationError(_("Phiên họp không ở trạng thái đang họp."))
    if session.ballots.filter(status=BallotStatus.OPEN).exists():
        raise ValidationError(_("Còn lượt bỏ phiếu chưa kết thúc."))
    if quotas.awaiting_chair(session):
        raise ValidationError(_("Còn đề nghị ngang phiếu tại ranh giới chỉ tiêu chờ Chủ tịch Hội đồng quyết định."))
    session.status, session.closed_at = SessionStatus.CLOSED, timezone.now()
    session.save(update_fields=["status", "closed_at"])
    return session
