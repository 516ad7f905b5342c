"""Decision workflow: draft → signed (read-only) → annulled, the recipients it grants, and revocation.

Rules
-----
- The issuing body acts as an authority of its own level (a commune's UBND as "Chủ tịch UBND xã"), and grants only
  to people and collectives in its own subtree.
- The authority must be competent for each title or award form on the decision's date (`AuthorityPower`, data): a
  commune chair cannot grant Bằng khen of the provincial chair. Refused with the reason.
- A title goes to the scope it is for (an individual title to a person, a collective one to a unit); an award form
  to the scope it allows.
- One achievement is rewarded once: a recipient holding the title in the same year (an active award, in any
  decision) is refused, naming the decision that holds it; the database constraint backs this up under races.
- A title goes only to a recipient who meets its conditions in the period (the stored eligibility result, unless the
  secretary vetted the nomination with a written override) and within the awarding unit's quota; refused with why.
- Only approved nominations of the decision's period become recipients; each at most once, ever (a revoked award's
  nomination is not offered again).
- The authority that awarded is the one that annuls (Law 2022 Điều 93); annulling a decision revokes all its awards.
- After signing or revoking, the eligibility results that depended on these awards are marked stale and re-run after
  the commit (counts of members holding a title, consecutive-year conditions).
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation.council.models.nominations import Nomination, NominationStatus
from emulation.decisions.entitlement import check_eligibility_and_quota
from emulation.decisions.models import Award, Decision, DecisionStatus, Revocation
from emulation.decisions.permissions import can_draft_decision, can_sign_decision
from emulation.decisions.signals import AWARD_DECISION_PDF, decision_signed
from emulation.eligibility.models import EligibilityResult
from emulation.eligibility.tasks import recheck_eligibility
from emulation.movements.models import Period
from emulation.pledges.models import Registration
from emulation.titles.models import Authority, AuthorityPower, AwardForm, AwardScope, Title, TitleScope
from units.audit.log import record_event
from units.audit.models import EventKind
from units.models import Person, Unit, User
from units.notifications import attachments
from units.notifications import services as notifications
from units.outbox.services import enqueue


def day(value: datetime.date) -> str:
    return f"{value:%d/%m/%Y}"


def _check_authority(unit: Unit, authority: Authority) -> None:
    if authority.unit_level != unit.level:
        raise ValidationError(
            _("%(unit)s không ban hành quyết định với thẩm quyền “%(authority)s” (thẩm quyền của cấp %(level)s).")
            % {"unit": unit.name, "authority": authority.name, "level": authority.get_unit_level_display().lower()}
        )


def draft_decision(
    *, by: User, unit: Unit, authority: Authority, period: Period, subject: str = "", notes: str = ""
) -> Decision:
    """The secretary or an administrator over the issuing body opens a draft; the authority is of the body's level."""
    if not can_draft_decision(by, unit):
        raise PermissionDenied
    _check_authority(unit, authority)
    return Decision.objects.create(
        unit=unit, authority=authority, period=period, subject=subject, notes=notes, created_by=by
    )


def _lock_draft(decision: Decision) -> None:
    """Re-reads the stored status under a row lock: a decision signed meanwhile is read-only."""
    decision.status = (
        Decision.objects.select_for_update(of=("self",)).values_list("status", flat=True).get(pk=decision.pk)
    )
    if not decision.is_editable:
        raise ValidationError(_("Quyết định đã ký ban hành, không được sửa đổi; muốn sửa phải hủy bỏ quyết định."))


@transaction.atomic
def save_draft(*, decision: Decision, by: User, authority: Authority, period: Period, subject: str, notes: str):
    """A draft's heading changes until it is signed; recipients already added keep the period they were added for."""
    if not can_draft_decision(by, decision.unit):
        raise PermissionDenied
    _lock_draft(decision)
    _check_authority(decision.unit, authority)
    if period != decision.period and decision.awards.exists():
        raise ValidationError(_("Quyết định đã có người được khen thưởng, không đổi được kỳ thi đua."))
    decision.authority, decision.period, decision.subject, decision.notes = authority, period, subject, notes
    decision.save(update_fields=["authority", "period", "subject", "notes"])
    return decision


def competent_on(authority: Authority, thing: Title | AwardForm, on: datetime.date) -> bool:
    field = "title" if isinstance(thing, Title) else "award_form"
    return AuthorityPower.objects.in_force(on).filter(authority=authority, **{field: thing}).exists()


def _check_competence(decision: Decision, thing: Title | AwardForm, on: datetime.date) -> None:
    if not competent_on(decision.authority, thing, on):
        text = _("%(authority)s không có thẩm quyền tặng “%(thing)s” (theo danh mục thẩm quyền hiệu lực ngày %(day)s).")
        raise ValidationError(text % {"authority": decision.authority.name, "thing": thing.name, "day": day(on)})


def _check_scope(thing: Title | AwardForm, person: Person | None) -> None:
    if isinstance(thing, Title):
        wanted = TitleScope.INDIVIDUAL if person else TitleScope.COLLECTIVE
        ok = thing.scope == wanted
    else:
        ok = thing.scope == AwardScope.BOTH or thing.scope == (
            AwardScope.INDIVIDUAL if person else AwardScope.COLLECTIVE
        )
    if not ok:
        if person:
            raise ValidationError(_("“%(thing)s” không dành cho cá nhân.") % {"thing": thing.name})
        raise ValidationError(_("“%(thing)s” không dành cho tập thể.") % {"thing": thing.name})


def _check_recipient(decision: Decision, person: Person | None, unit: Unit | None) -> Unit:
    if (person is None) == (unit is None):
        raise ValidationError(_("Chọn một cá nhân hoặc một tập thể được khen thưởng."))
    recipient_unit = unit or person.unit
    if not recipient_unit.is_within(decision.unit) and not _registered_within(decision, person):
        raise ValidationError(
            _("%(who)s không thuộc phạm vi của %(body)s.") % {"who": person or unit, "body": decision.unit.name}
        )
    return recipient_unit


def _registered_within(decision: Decision, person: Person | None) -> bool:
    """A person moved since (a reorganisation handed their unit's staff on) is still in the scope of the body they
    registered under for the decision's period: the award is for that year's work there."""
    if person is None:
        return False
    pledges = Registration.objects.filter(person=person, pledge__period=decision.period)
    return pledges.filter(pledge__unit__path__startswith=decision.unit.path).exists()


def _duplicate_message(decision: Decision, person, unit, title: Title) -> str | None:
    """The decision already granting this title to this recipient for the year, worded for the user."""
    existing = (
        Award.objects.active()
        .filter(title=title, year=decision.period.ends_on.year)
        .filter(Q(person=person) if person else Q(unit=unit))
        .select_related("decision")
        .first()
    )
    if existing is None:
        return None
    text = _(
        "%(who)s đã được tặng “%(title)s” năm %(year)s (%(decision)s); một thành tích chỉ được khen thưởng một lần."
    )
    return text % {"who": person or unit, "title": title.name, "year": existing.year, "decision": existing.decision}


@transaction.atomic
def add_recipient(
    *,
    decision: Decision,
    by: User,
    person: Person | None = None,
    unit: Unit | None = None,
    title: Title | None = None,
    award_form: AwardForm | None = None,
    achievement: str = "",
    nomination: Nomination | None = None,
) -> Award:
    """Add one recipient of one title or award form to a draft, within the rules above."""
    if not can_draft_decision(by, decision.unit):
        raise PermissionDenied
    _lock_draft(decision)
    _check_recipient(decision, person, unit)
    if (title is None) == (award_form is None):
        raise ValidationError(_("Chọn một danh hiệu thi đua hoặc một hình thức khen thưởng."))
    thing = title or award_form
    _check_scope(thing, person)
    _check_competence(decision, thing, decision.decided_on or timezone.localdate())
    if title is not None and (message := _duplicate_message(decision, person, unit, title)):
        raise ValidationError(message)
    if title is not None:
        check_eligibility_and_quota(decision=decision, person=person, unit=unit, title=title, nomination=nomination)
    award = Award(decision=decision, person=person, unit=unit, title=title, award_form=award_form)
    award.period, award.year = decision.period, decision.period.ends_on.year
    award.achievement, award.nomination = achievement, nomination
    return _save_award(award)


def _save_award(award: Award) -> Award:
    """Saved in a savepoint: a concurrent award of the same title (the database constraint) becomes the reason."""
    try:
        with transaction.atomic():
            award.save()
    except IntegrityError:
        who, thing = award.person or award.unit, award.what
        message = award.title and _duplicate_message(award.decision, award.person, award.unit, award.title)
        raise ValidationError(
            message or _("%(who)s đã có “%(thing)s” trong quyết định này.") % {"who": who, "thing": thing.name}
        ) from None
    return award


@transaction.atomic
def add_recipients_from_nominations(*, decision: Decision, nominations, by: User) -> list[Award]:
    """Every nomination must be approved by the council, of the decision's period, and not yet in a decision;
    all are added or none."""
    awards = []
    for nomination in nominations:
        if nomination.status != NominationStatus.APPROVED:
            raise ValidationError(
                _("Đề nghị khen thưởng %(who)s chưa được Hội đồng thông qua.") % {"who": _nominee(nomination)}
            )
        if nomination.period_id != decision.period_id:
            raise ValidationError(_("Đề nghị khen thưởng %(who)s thuộc kỳ khác.") % {"who": _nominee(nomination)})
        if Award.objects.filter(nomination=nomination).exists():
            raise ValidationError(
                _("Đề nghị khen thưởng %(who)s đã có trong quyết định.") % {"who": _nominee(nomination)}
            )
        awards.append(
            add_recipient(
                decision=decision,
                by=by,
                person=nomination.person,
                unit=None if nomination.person_id else nomination.unit,
                title=nomination.title,
                award_form=nomination.award_form,
                achievement=nomination.achievement_report,
                nomination=nomination,
            )
        )
    return awards


def _nominee(nomination: Nomination):
    return nomination.person or nomination.unit


def approved_nominations_for(decision: Decision):
    """Approved nominations of the decision's period, for the issuing body's subtree, never yet in a decision (after a
    revocation a corrected re-award is added by hand, with its own reasons)."""
    taken = Award.objects.filter(nomination__isnull=False).values("nomination_id")
    return (
        Nomination.objects.filter(
            status=NominationStatus.APPROVED, period=decision.period, unit__path__startswith=decision.unit.path
        )
        .exclude(pk__in=taken)
        .select_related("person", "unit", "title", "award_form")
    )


@transaction.atomic
def remove_recipient(*, award: Award, by: User) -> None:
    """A recipient leaves a draft (never a signed decision: that takes a revocation)."""
    if not can_draft_decision(by, award.decision.unit):
        raise PermissionDenied
    _lock_draft(award.decision)
    award.delete()


@transaction.atomic
def sign_decision(
    *, decision: Decision, by: User, number: str, decided_on: datetime.date, signer_name: str, signer_position: str
) -> Decision:
    """Record the signed decision: number, date and signer; competence is checked again on the decision's date.
    From then on the decision is read-only."""
    if not can_sign_decision(by, decision.unit):
        raise PermissionDenied
    _lock_draft(decision)
    awards = list(decision.awards.select_related("title", "award_form", "person__unit", "person__user", "unit"))
    if not awards:
        raise ValidationError(_("Quyết định chưa có người được khen thưởng."))
    if decided_on < decision.period.starts_on:
        raise ValidationError(_("Ngày quyết định không được trước ngày bắt đầu kỳ thi đua."))
    for award in awards:
        _check_competence(decision, award.what, decided_on)
    taken = Decision.objects.filter(unit=decision.unit, year=decided_on.year, number=number).exclude(pk=decision.pk)
    if taken.exists():
        raise ValidationError(
            _("Số %(number)s đã được %(unit)s dùng trong năm %(year)s.")
            % {"number": number, "unit": decision.unit.name, "year": decided_on.year}
        )
    decision.number, decision.decided_on, decision.year = number.strip(), decided_on, decided_on.year
    decision.signer_name, decision.signer_position = signer_name, signer_position
    decision.status, decision.signed_at, decision.signed_by = DecisionStatus.SIGNED, timezone.now(), by
    decision.save()
    record_event(
        kind=EventKind.DECISION_SIGNED,
        obj=decision,
        by=by,
        summary=f"{decision.number} — {decision.subject}",
        data={"decided_on": decided_on, "signer": signer_name, "awards": sorted(a.pk for a in awards)},
    )
    decision_signed.send(sender=Decision, decision=decision, awards=awards)
    recheck_after_change(awards)
    tell_recipients(awards, _("Bạn được khen thưởng: %(what)s — %(decision)s."), attach_decision=True)
    return decision


def tell_recipients(
    awards: list[Award], text: str, revocation: Revocation | None = None, *, attach_decision: bool = False
) -> None:
    """Each person awarded who has a login hears of it in the inbox (and by e-mail); with `attach_decision` the
    e-mail carries the signed decision's PDF, resolved for that recipient when it is sent."""
    for award in awards:
        if award.person_id and award.person.user_id:
            values = {"what": award.what, "decision": award.decision, "revocation": revocation}
            notifications.notify(
                users=[award.person.user],
                title=text % values,
                link=reverse("emulation:award_detail", args=[award.pk]),
                attachment=attachments.reference(AWARD_DECISION_PDF, award.pk) if attach_decision else "",
            )


def recheck_after_change(awards: list[Award]) -> list[int]:
    """Eligibility results that may have read these awards — of the recipients' units and the collectives above
    them, in the awards' year and later (consecutive-year conditions) — are marked stale and re-run after the commit.
    Returns the periods re-run."""
    if not awards:
        return []
    unit_ids = set()
    for award in awards:
        unit_ids.update(award.recipient_unit.ancestor_ids())
    affected = EligibilityResult.objects.filter(
        unit_id__in=unit_ids, period__ends_on__year__gte=min(award.year for award in awards)
    )
    periods = sorted(set(affected.values_list("period_id", flat=True)))
    affected.update(stale=True)
    for period_id in periods:
        enqueue(recheck_eligibility, period_id)
    return periods
