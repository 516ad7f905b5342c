"""Quotas at the council: how many of a title the awarding unit may confer, shown at proposal and vetting and
applied when the results of a session are decided.

Rules
-----
- A quota belongs to the awarding unit (the unit whose head signs: a Sở for its phòng, a commune for its staff) and
  is counted over its subtree; the eligibility engine computes it (`eligibility.Quota`, data: percentage, base,
  rounding). No quota row, no quota.
- Proposal and vetting show "N suất / M đề cử" (live nominations of the period for the title in that subtree). A
  quota of 0 stops vetting, naming the quota.
- Results: once every nomination of a session for the same title and awarding unit has been voted, those that met
  the vote rule are ordered by agreeing votes; those within the quota left (the quota less the nominations already
  approved in earlier sessions) are approved, the others rejected "ngoài chỉ tiêu". A tie at the boundary goes to the
  chair's deciding vote: the secretary records whom the chair chose and why, and the minutes print it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation.council.models.ballots import Ballot, Outcome
from emulation.council.models.nominations import Nomination, NominationStatus, QuotaDecision
from emulation.eligibility.models import Quota
from emulation.movements.models import PeriodStatus
from emulation.titles.catalogue import awarding_units

LIVE = [s for s in NominationStatus.values if s != NominationStatus.REJECTED]


def quota_of(nomination: Nomination) -> Quota | None:
    """The quota of the nomination's awarding unit for its title in its period (None: no quota)."""
    if nomination.title_id is None:
        return None
    day = nomination.period.ends_on
    awarding = awarding_units(units=[nomination.unit], title=nomination.title, day=day)[nomination.unit_id]
    quotas = Quota.objects.filter(period_id=nomination.period_id, title_id=nomination.title_id)
    return quotas.filter(unit=awarding).select_related("unit").first()


def competing(nomination: Nomination, quota: Quota):
    """Live nominations of the period for the same title within the awarding unit's subtree."""
    return Nomination.objects.filter(
        period_id=nomination.period_id,
        title_id=nomination.title_id,
        unit__path__startswith=quota.unit.path,
        status__in=LIVE,
    )


def usage(nomination: Nomination) -> str:
    """ "3 suất / 5 đề cử (Sở Nội vụ: 15 % của …)", or "" when the title has no quota there."""
    quota = quota_of(nomination)
    if quota is None:
        return ""
    text = _("%(quota)s suất / %(count)s đề cử — chỉ tiêu của %(unit)s (%(how)s)")
    return text % {
        "quota": quota.number,
        "count": competing(nomination, quota).count(),
        "unit": quota.unit.name,
        "how": quota.reason,
    }


def open_quotas_for(units) -> list[Quota]:
    """The quotas of periods still open whose awarding unit is one of `units` or above one of them, each with
    `nominated` (live nominations in its subtree): what a proposer sees before proposing."""
    inside = units.filter(path__startswith=OuterRef("unit__path"))
    rows = list(
        Quota.objects.exclude(period__status=PeriodStatus.FINALIZED)
        .filter(Exists(inside))
        .select_related("period", "title", "unit")
    )
    for quota in rows:
        quota.nominated = Nomination.objects.filter(
            period_id=quota.period_id, title_id=quota.title_id, unit__path__startswith=quota.unit.path, status__in=LIVE
        ).count()
    return rows


def zero_quota_gap(nomination: Nomination) -> str:
    """The vetting refusal when the awarding unit's quota is 0, naming it; "" otherwise."""
    quota = quota_of(nomination)
    if quota is None or quota.number > 0:
        return ""
    text = _("Chỉ tiêu %(title)s của %(unit)s là 0 suất (%(how)s; %(basis)s): không đưa ra Hội đồng được.")
    return text % {
        "title": nomination.title.name,
        "unit": quota.unit.name,
        "how": quota.reason,
        "basis": quota.legal_basis,
    }


def _passing_agree(nomination: Nomination) -> int:
    ballot = Ballot.objects.filter(nomination=nomination, outcome=Outcome.PASSED).order_by("-pk").first()
    return ballot.agree_count if ballot else 0


def _rank(candidates: list[Nomination], left: int, chair_pick: list[int] | None):
    """(approved, rejected, needs the chair) by agreeing votes within `left` places."""
    ordered = sorted(candidates, key=lambda n: -n.agree)
    if len(ordered) <= left:
        return ordered, [], False
    if left <= 0:
        return [], ordered, False
    edge = ordered[left - 1].agree
    above = [n for n in ordered if n.agree > edge]
    tied = [n for n in ordered if n.agree == edge]
    below = [n for n in ordered if n.agree < edge]
    if len(above) + len(tied) <= left:
        return above + tied, below, False
    if not chair_pick:
        return [], [], True
    chosen = [n for n in tied if n.pk in set(chair_pick)]
    if len(chosen) != left - len(above):
        raise ValidationError(
            _("Chủ tịch Hội đồng chọn đúng %(n)s người trong số ngang phiếu.") % {"n": left - len(above)}
        )
    return above + chosen, below + [n for n in tied if n not in chosen], False


def _group(nomination: Nomination, quota: Quota, session) -> list[Nomination]:
    return list(competing(nomination, quota).filter(session=session).select_related("person", "unit"))


def _ranking_text(approved: list[Nomination], rejected: list[Nomination]) -> str:
    lines = [
        _("%(who)s — %(agree)s phiếu đồng ý — %(result)s")
        % {"who": n.subject, "agree": n.agree, "result": _("trong chỉ tiêu") if n in approved else _("ngoài chỉ tiêu")}
        for n in sorted(approved + rejected, key=lambda n: -n.agree)
    ]
    return "\n".join(f"{i}. {line}" for i, line in enumerate(lines, start=1))


@transaction.atomic
def settle(*, session, nomination: Nomination, by, chair_pick: list[int] | None = None, reason: str = ""):
    """Decide a session's results for the nomination's title and awarding unit within the quota, once all its
    nominations have been voted; returns the stored decision, or None while votes or the chair's choice are due."""
    quota = quota_of(nomination)
    if quota is None:
        return None
    group = _group(nomination, quota, session)
    if any(n.status in (NominationStatus.ON_AGENDA, NominationStatus.VOTING) for n in group):
        return None
    candidates = [n for n in group if n.status == NominationStatus.QUOTA]
    if not candidates:
        return None
    used = competing(nomination, quota).filter(status=NominationStatus.APPROVED).exclude(session=session).count()
    for candidate in candidates:
        candidate.agree = _passing_agree(candidate)
    approved, rejected, needs_chair = _rank(candidates, quota.number - used, chair_pick)
    if needs_chair:
        return None
    if chair_pick and not reason.strip():
        raise ValidationError(_("Ghi lý do quyết định của Chủ tịch Hội đồng."))
    Nomination.objects.filter(pk__in=[n.pk for n in approved]).update(status=NominationStatus.APPROVED)
    Nomination.objects.filter(pk__in=[n.pk for n in rejected]).update(status=NominationStatus.REJECTED)
    return QuotaDecision.objects.create(
        session=session,
        title=nomination.title,
        unit=quota.unit,
        quota=quota.number,
        used=used,
        ranking=_ranking_text(approved, rejected),
        chair_note=reason.strip(),
        decided_by=by,
        decided_at=timezone.now(),
    )


def awaiting_chair(session) -> list[Nomination]:
    """Nominations of the session that passed their vote and wait for the chair's deciding vote at a quota's edge."""
    waiting = list(session.nominations.filter(status=NominationStatus.QUOTA).select_related("person", "unit", "title"))
    pending = []
    for nomination in waiting:
        group = _group(nomination, quota_of(nomination), session) if quota_of(nomination) else []
        if not any(n.status in (NominationStatus.ON_AGENDA, NominationStatus.VOTING) for n in group):
            nomination.agree = _passing_agree(nomination)
            pending.append(nomination)
    return pending
