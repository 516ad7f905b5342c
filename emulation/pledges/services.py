"""Pledge workflow: draft → submitted → accepted | returned (→ draft), with the registration deadline."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation.movements.models import Period
from emulation.pledges.models import Pledge, PledgeStatus, Registration
from emulation.pledges.permissions import can_prepare_pledge, can_review_pledge, can_submit_pledge
from emulation.titles.models import Title, TitleScope
from units.models import Person, Role, Unit, User
from units.notifications import services as notifications


def start_pledge(*, unit: Unit, period: Period, by: User) -> Pledge:
    """A unit has one pledge per period; starting it again returns the existing one."""
    if not can_prepare_pledge(by, unit):
        raise PermissionDenied
    if not period.accepts_pledges:
        raise ValidationError(_("Kỳ thi đua này không nhận đăng ký."))
    try:
        with transaction.atomic():
            pledge, _created = Pledge.objects.get_or_create(unit=unit, period=period)
    except IntegrityError:  # a concurrent request created it first
        pledge = Pledge.objects.get(unit=unit, period=period)
    return pledge


def _require_editable(pledge: Pledge) -> None:
    """Checks the stored status (the caller's copy may be stale), locking the row for the transaction."""
    pledge.status = Pledge.objects.select_for_update().values_list("status", flat=True).get(pk=pledge.pk)
    if not pledge.is_editable:
        raise ValidationError(_("Bản đăng ký đã gửi hoặc kỳ thi đua đã khóa, không sửa được."))


@transaction.atomic
def save_pledge(*, pledge: Pledge, by: User, commitment_items, own_targets: str, target_title: Title | None) -> Pledge:
    """The head or clerk edits a draft or a returned pledge; a returned pledge goes back to draft."""
    if not can_prepare_pledge(by, pledge.unit):
        raise PermissionDenied
    _require_editable(pledge)
    if target_title is not None and target_title.scope != TitleScope.COLLECTIVE:
        raise ValidationError(_("Danh hiệu của đơn vị phải là danh hiệu tập thể."))
    pledge.own_targets = own_targets
    pledge.target_title = target_title
    pledge.status = PledgeStatus.DRAFT
    pledge.save()
    pledge.commitment_items.set(commitment_items)
    return pledge


def staff_of(unit: Unit):
    """Active people of the unit and its sub-units: those a pledge may register."""
    return Person.objects.filter(unit__path__startswith=unit.path, active=True)


@transaction.atomic
def register_staff_in_bulk(*, pledge: Pledge, title: Title, by: User) -> int:
    """Register every active staff member not yet registered for `title`; existing choices stay. Returns the count."""
    if not can_prepare_pledge(by, pledge.unit):
        raise PermissionDenied
    _require_editable(pledge)
    _require_individual(title)
    done = set(pledge.registrations.values_list("person_id", flat=True))
    new = [Registration(pledge=pledge, person=p, title=title) for p in staff_of(pledge.unit) if p.pk not in done]
    Registration.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


@transaction.atomic
def set_registration(*, pledge: Pledge, person: Person, title: Title | None, by: User) -> Registration | None:
    """Register one person for a title, change it, or (title None) remove the registration."""
    if not can_prepare_pledge(by, pledge.unit):
        raise PermissionDenied
    _require_editable(pledge)
    if not staff_of(pledge.unit).filter(pk=person.pk).exists():
        raise ValidationError(_("Cán bộ không thuộc đơn vị."))
    if title is None:
        pledge.registrations.filter(person=person).delete()
        return None
    _require_individual(title)
    registration, _created = Registration.objects.update_or_create(
        pledge=pledge, person=person, defaults={"title": title}
    )
    return registration


def _require_individual(title: Title) -> None:
    if title.scope != TitleScope.INDIVIDUAL:
        raise ValidationError(_("Cán bộ chỉ đăng ký danh hiệu cá nhân."))


def _locked(pledge: Pledge) -> Pledge:
    return Pledge.objects.select_for_update(of=("self",)).select_related("unit__parent", "period").get(pk=pledge.pk)


@transaction.atomic
def submit_pledge(*, pledge: Pledge, by: User) -> Pledge:
    """Only the unit head submits; after the deadline it is still accepted for review but marked late.

    Submitting an already submitted pledge changes nothing (a double click makes no second record).
    """
    if not can_submit_pledge(by, pledge.unit):
        raise PermissionDenied
    pledge = _locked(pledge)
    if pledge.status in {PledgeStatus.SUBMITTED, PledgeStatus.ACCEPTED}:
        return pledge
    _require_editable(pledge)
    if not pledge.commitment_items.exists():
        raise ValidationError(_("Chọn ít nhất một nội dung cam kết trước khi gửi."))
    now = timezone.now()
    pledge.status = PledgeStatus.SUBMITTED
    pledge.submitted_at, pledge.submitted_by = now, by
    pledge.is_late = pledge.period.is_past_deadline(now)
    pledge.save()
    _notify_reviewers(pledge)
    return pledge


@transaction.atomic
def accept_pledge(*, pledge: Pledge, by: User) -> Pledge:
    """Accept a submitted pledge; after the deadline only an administrator may, and that is recorded."""
    pledge = _locked(pledge)
    now = timezone.now()
    after_deadline = pledge.period.is_past_deadline(now)
    if not can_review_pledge(by, pledge, after_deadline=after_deadline):
        raise PermissionDenied(_("Sau hạn đăng ký, chỉ quản trị mới được chấp nhận."))
    if pledge.status != PledgeStatus.SUBMITTED or pledge.period.is_read_only:
        raise ValidationError(_("Chỉ chấp nhận bản đăng ký đã gửi, trong kỳ thi đua chưa kết thúc."))
    pledge.status = PledgeStatus.ACCEPTED
    pledge.accepted_at, pledge.accepted_by = now, by
    pledge.accepted_after_deadline = after_deadline
    pledge.save()
    _notify_unit(pledge, _("Bản đăng ký thi đua đã được chấp nhận"), "")
    return pledge


@transaction.atomic
def return_pledge(*, pledge: Pledge, by: User, comment: str) -> Pledge:
    """Send a submitted pledge back to the unit with a comment saying what to fix."""
    pledge = _locked(pledge)
    if not can_review_pledge(by, pledge, after_deadline=False):
        raise PermissionDenied
    if pledge.status != PledgeStatus.SUBMITTED or pledge.period.is_read_only:
        raise ValidationError(_("Chỉ trả lại bản đăng ký đã gửi, trong kỳ thi đua chưa kết thúc."))
    if not comment.strip():
        raise ValidationError(_("Cần ghi lý do trả lại."))
    pledge.status = PledgeStatus.RETURNED
    pledge.returned_at, pledge.returned_by, pledge.return_comment = timezone.now(), by, comment.strip()
    pledge.save()
    _notify_unit(pledge, _("Bản đăng ký thi đua bị trả lại"), comment)
    return pledge


def _link(pledge: Pledge) -> str:
    return reverse("emulation:pledge_detail", args=[pledge.pk])


def _notify_reviewers(pledge: Pledge) -> None:
    ancestors = pledge.unit.ancestor_ids()
    users = User.objects.filter(
        role_assignments__role=Role.ADMINISTRATOR, role_assignments__unit_id__in=ancestors
    ).distinct()
    title = _("%(unit)s đã gửi bản đăng ký thi đua") % {"unit": pledge.unit.name}
    notifications.notify(users=users, title=title, link=_link(pledge))


def _notify_unit(pledge: Pledge, title: str, body: str) -> None:
    users = User.objects.filter(
        role_assignments__role__in=[Role.UNIT_HEAD, Role.UNIT_CLERK], role_assignments__unit=pledge.unit
    ).distinct()
    notifications.notify(users=users, title=f"{title}: {pledge.period}", body=body, link=_link(pledge))
