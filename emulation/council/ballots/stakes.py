"""What closing a ballot puts at stake, for the confirmation page: who has not voted yet, what the seal prevents,
who will be told."""

from django.utils.translation import gettext as _

from emulation.council.models.ballots import Ballot
from emulation.council.models.council import Presence


def not_voted(ballot: Ballot) -> list[str]:
    """Members entitled to vote on the ballot (present, or absent with a written opinion the rule counts) who have
    no vote recorded yet, by name."""
    voted = set((ballot.participations if ballot.secret else ballot.open_votes).values_list("member_id", flat=True))
    recused = set(ballot.recused.values_list("pk", flat=True))
    wanted = [Presence.PRESENT]
    if ballot.rule_snapshot.get("written_votes_for_absent"):
        wanted.append(Presence.ABSENT_WRITTEN)
    lines = ballot.session.attendance.filter(presence__in=wanted).select_related("member__person")
    return [
        line.member.person.full_name for line in lines if line.member_id not in voted and line.member_id not in recused
    ]


def closing_stakes(ballot: Ballot) -> list[str]:
    missing = not_voted(ballot)
    lines = []
    if missing:
        lines.append(_("%(n)s thành viên chưa bỏ phiếu: %(names)s.") % {"n": len(missing), "names": ", ".join(missing)})
    lines.append(_("Niêm phong: sau khi kết thúc, không ai bỏ phiếu thêm hay sửa được kết quả."))
    proposer = ballot.nomination.proposed_by
    lines.append(_("Sẽ báo kết quả cho người đề nghị: %(who)s.") % {"who": proposer})
    return lines
