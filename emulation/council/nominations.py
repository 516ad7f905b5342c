"""Nominations: proposed by a unit with its dossier, vetted by the council secretary, placed on a session's agenda.

Rules
-----
- A nomination names a person (individual title or form) or a unit (collective title or form) for a period that is
  not finalized; the same subject cannot have two live nominations for the same title or form in one period.
- Proposal and vetting re-check eligibility with the eligibility engine (a missing or stale result is recomputed
  first: the engine works on the whole period at once) and store it on the nomination, so an ineligible or
  unregistered proposal is flagged at once. A title's conditions must all be met, except a quota line (the council
  chooses within the quota, council/quotas.py); the secretary may still vet an unmet one only with a written reason,
  which the minutes print. A quota of 0 stops vetting. Award forms have no rule set here: the dossier only.
- The dossier is complete when it has an achievement report and at least one attached document.
- Only a vetted nomination goes on the agenda of a session of a council whose scope holds the subject, and only if
  a vote rule for its title or form is in force on the session's date.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation.council import quotas
from emulation.council.models.council import Session, SessionStatus, VoteRule
from emulation.council.models.nominations import Nomination, NominationAttachment, NominationStatus
from emulation.eligibility.engine import rerun_period
from emulation.eligibility.models import EligibilityResult
from emulation.movements.models import PeriodStatus
from emulation.titles.models import AwardScope, ConditionKind, TitleScope
from units.models import Person, Unit
from units.notifications.services import notify
from units.uploads import CleanPhoto

LIVE = [s for s in NominationStatus.values if s != NominationStatus.REJECTED]


def _check_subject(*, person: Person | None, unit: Unit | None, title, award_form) -> None:
    if (person is None) == (unit is None):
        raise ValidationError(_("Chọn một cá nhân hoặc một tập thể."))
    if (title is None) == (award_form is None):
        raise ValidationError(_("Chọn một danh hiệu hoặc một hình thức khen thưởng."))
    individual = person is not None
    if title is not None and (title.scope == TitleScope.INDIVIDUAL) != individual:
        raise ValidationError(_("Danh hiệu “%(title)s” không dành cho đối tượng này.") % {"title": title})
    form_scope = award_form.scope if award_form is not None else AwardScope.BOTH
    if form_scope != AwardScope.BOTH and (form_scope == AwardScope.INDIVIDUAL) != individual:
        raise ValidationError(_("Hình thức “%(form)s” không dành cho đối tượng này.") % {"form": award_form})


@transaction.atomic
def propose_nomination(
    *, period, by, achievement_report: str, person=None, unit=None, title=None, award_form=None
) -> Nomination:
    """A unit proposes a person or itself for a title or form in a period that is not finalized, once."""
    _check_subject(person=person, unit=unit, title=title, award_form=award_form)
    if period.status == PeriodStatus.FINALIZED:
        raise ValidationError(_("Kỳ thi đua đã kết thúc, không thể đề nghị thêm."))
    subject = {"person": person} if person else {"unit": unit, "person__isnull": True}
    target = {"title": title} if title else {"award_form": award_form}
    if Nomination.objects.filter(period=period, status__in=LIVE, **subject, **target).exists():
        raise ValidationError(_("Đối tượng này đã được đề nghị cho cùng danh hiệu/hình thức trong kỳ."))
    nomination = Nomination.objects.create(
        period=period,
        person=person,
        unit=person.unit if person else unit,
        title=title,
        award_form=award_form,
        achievement_report=achievement_report.strip(),
        proposed_by=by,
    )
    return flag_eligibility(nomination)


def flag_eligibility(nomination: Nomination) -> Nomination:
    """Store the eligibility re-check on the nomination, so the proposer and the secretary see the flag at once."""
    met, summary = recheck_eligibility(nomination)
    nomination.eligibility_met, nomination.eligibility_summary = met, summary
    Nomination.objects.filter(pk=nomination.pk).update(eligibility_met=met, eligibility_summary=summary)
    return nomination


def revise_nomination(*, nomination: Nomination, achievement_report: str, by) -> Nomination:
    """The proposer edits a nomination still with them; a returned one goes back to the secretary."""
    if not nomination.is_editable:
        raise ValidationError(_("Đề nghị đã được thẩm định, không sửa được nữa."))
    nomination.achievement_report = achievement_report.strip()
    nomination.status = NominationStatus.PROPOSED
    nomination.save(update_fields=["achievement_report", "status"])
    return nomination


def attach_document(*, nomination: Nomination, name: str, file: CleanPhoto, by) -> NominationAttachment:
    """A checked document (units.uploads) is added to the dossier while the nomination is still with the proposer."""
    if not nomination.is_editable:
        raise ValidationError(_("Đề nghị đã được thẩm định, không bổ sung hồ sơ được nữa."))
    attachment = NominationAttachment(nomination=nomination, name=name.strip() or file.original_name)
    attachment.file.save(f"file.{file.extension}", ContentFile(file.data), save=False)
    attachment.save()
    return attachment


def suggestions(*, units, limit: int = 50):
    """Met eligibility results of open periods in `units` not yet nominated for that title (the engine's suggestions);
    a quota line that leaves the choice to the council still counts as a suggestion only when every line is met."""
    live = Nomination.objects.filter(period=OuterRef("period"), title=OuterRef("title"), status__in=LIVE).filter(
        Q(person=OuterRef("person")) | Q(person__isnull=True, unit=OuterRef("unit"))
    )
    results = EligibilityResult.objects.filter(met=True, stale=False, unit__in=units)
    results = results.exclude(period__status=PeriodStatus.FINALIZED).exclude(Exists(live))
    return results.select_related("period", "person", "unit", "title").order_by("unit__path", "title__position")[:limit]


def eligibility_result(nomination: Nomination) -> EligibilityResult | None:
    """The engine's stored result for the nomination's subject and title in its period, with its lines."""
    if nomination.title_id is None:
        return None
    subject = {"person": nomination.person} if nomination.person_id else {"unit": nomination.unit, "person": None}
    results = EligibilityResult.objects.filter(period=nomination.period, title=nomination.title, **subject)
    return results.prefetch_related("checks__private_violation__type").first()


def recheck_eligibility(nomination: Nomination) -> tuple[bool | None, str]:
    """(met, summary) after recomputing a missing or stale result; None for award forms."""
    if nomination.title_id is None:
        return None, _("Hình thức khen thưởng: không xét theo bộ tiêu chuẩn danh hiệu.")
    result = eligibility_result(nomination)
    if result is None or result.stale:
        rerun_period(period=nomination.period)
        result = eligibility_result(nomination)
    if result is None:
        return False, _("Không có kết quả xét điều kiện: đối tượng chưa đăng ký danh hiệu này trong kỳ.")
    checks = list(result.checks.all())
    met = bool(checks) and all(check.met or check.kind == ConditionKind.QUOTA for check in checks)
    lines = [f"{'✓' if check.met else '✗'} {check.public_reason}" for check in checks]
    return met, "\n".join(lines)


def _dossier_gaps(nomination: Nomination) -> list[str]:
    gaps = []
    if not nomination.achievement_report.strip():
        gaps.append(_("Thiếu báo cáo thành tích."))
    if not nomination.attachments.exists():
        gaps.append(_("Hồ sơ chưa có tài liệu đính kèm."))
    return gaps


def vet_nomination(*, nomination: Nomination, by, notes: str = "", override: str = "") -> Nomination:
    """The secretary vets a proposed nomination: dossier complete, the awarding unit's quota not 0, and eligibility
    re-checked and met — or not met but overridden with a written reason (kept, printed in the minutes). The re-check
    is stored even when vetting is refused, so the page shows why."""
    if nomination.status != NominationStatus.PROPOSED:
        raise ValidationError(_("Chỉ thẩm định được đề nghị đang chờ thẩm định."))
    met = flag_eligibility(nomination).eligibility_met
    gaps = _dossier_gaps(nomination)
    if zero := quotas.zero_quota_gap(nomination):
        gaps.append(zero)
    if met is False and not override.strip():
        gaps.append(
            _("Chưa đủ điều kiện danh hiệu (thư ký chỉ đưa ra Hội đồng khi ghi rõ lý do):")
            + "\n"
            + nomination.eligibility_summary
        )
    if gaps:
        raise ValidationError(gaps)
    nomination.eligibility_override = override.strip() if met is False else ""
    with transaction.atomic():
        locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if locked.status != NominationStatus.PROPOSED:
            raise ValidationError(_("Chỉ thẩm định được đề nghị đang chờ thẩm định."))
        nomination.status = NominationStatus.VETTED
        nomination.vetting_notes, nomination.vetted_by, nomination.vetted_at = notes.strip(), by, timezone.now()
        nomination.save()
    return nomination


@transaction.atomic
def return_nomination(*, nomination: Nomination, by, notes: str) -> Nomination:
    """The secretary returns a proposed or vetted nomination to the unit with the reason; the proposer is told."""
    if nomination.status not in (NominationStatus.PROPOSED, NominationStatus.VETTED):
        raise ValidationError(_("Chỉ trả lại được đề nghị chưa đưa vào phiên họp."))
    if not notes.strip():
        raise ValidationError(_("Ghi rõ lý do trả lại."))
    nomination.status, nomination.vetting_notes = NominationStatus.RETURNED, notes.strip()
    nomination.vetted_by, nomination.vetted_at = by, timezone.now()
    nomination.save()
    notify(
        users=[nomination.proposed_by],
        title=_("Đề nghị khen thưởng bị trả lại: %(subject)s") % {"subject": nomination.subject},
        body=nomination.vetting_notes,
        link=reverse("emulation:nomination_detail", args=[nomination.pk]),
    )
    return nomination


@transaction.atomic
def place_on_agenda(*, nomination: Nomination, session: Session, by) -> Nomination:
    """A vetted nomination goes on a session (not closed) of a council whose scope holds it, under a rule in force."""
    if nomination.status != NominationStatus.VETTED:
        raise ValidationError(_("Chỉ đưa vào phiên họp đề nghị đã được thẩm định."))
    if session.status == SessionStatus.CLOSED:
        raise ValidationError(_("Phiên họp đã kết thúc."))
    if not nomination.unit.is_within(session.council.scope):
        raise ValidationError(_("Đối tượng không thuộc phạm vi của Hội đồng này."))
    rule = VoteRule.objects.for_target(title=nomination.title, award_form=nomination.award_form, day=session.date)
    if rule is None:
        raise ValidationError(
            _("Chưa có quy tắc biểu quyết cho “%(target)s” vào ngày họp.") % {"target": nomination.target}
        )
    nomination.status, nomination.session = NominationStatus.ON_AGENDA, session
    nomination.save(update_fields=["status", "session"])
    return nomination
