"""Who may see and change what in `emulation`: one helper per object type, returning the object or raising 404/403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from emulation.models import Bloc, EligibilityResult, Movement, Period, Pledge, Registration, Score, SelfAssessment
from emulation.models.pledges import led_unit_ids
from units.models import Person, Role, Unit
from units.permissions import can_browse_units, has_role, is_administrator


def can_configure(user) -> bool:
    """Movements, periods, schemes and blocs are configured by administrators."""
    return is_administrator(user)


def require_configure(user) -> None:
    if not can_configure(user):
        raise PermissionDenied


def get_movement_for_user(user, pk, *, write: bool = False) -> Movement:
    """Any user who browses units sees movements; changing them needs an administrator."""
    movement = Movement.objects.filter(pk=pk).first()
    if movement is None or not can_browse_units(user):
        raise Http404
    if write:
        require_configure(user)
    return movement


def get_period_for_user(user, pk, *, write: bool = False) -> Period:
    """Any user who browses units sees periods; changing them needs an administrator."""
    period = Period.objects.select_related("movement").filter(pk=pk).first()
    if period is None or not can_browse_units(user):
        raise Http404
    if write:
        require_configure(user)
    return period


def can_prepare_pledge(user, unit: Unit) -> bool:
    """The unit's head or clerk prepares the pledge (and an administrator may help)."""
    return has_role(user, Role.UNIT_HEAD, Role.UNIT_CLERK, Role.ADMINISTRATOR, unit=unit)


def can_submit_pledge(user, unit: Unit) -> bool:
    """Only the unit's head submits."""
    return has_role(user, Role.UNIT_HEAD, unit=unit)


def can_review_pledge(user, pledge: Pledge, *, after_deadline: bool) -> bool:
    """An administrator reviews; before the deadline the head of a superior unit may too (never their own unit)."""
    if is_administrator(user, unit=pledge.unit):
        return True
    parent = pledge.unit.parent
    return not after_deadline and parent is not None and has_role(user, Role.UNIT_HEAD, unit=parent)


def can_verify_unit(user, unit: Unit, period: Period) -> bool:
    """An inspector over the unit who is not its member, or the head of the leader unit of the unit's bloc."""
    if has_role(user, Role.INSPECTOR, unit=unit) and not _belongs_to(user, unit):
        return True
    leaders = led_unit_ids(user)
    return (
        bool(leaders)
        and unit.pk not in leaders
        and (unit.bloc_memberships.filter(period=period, bloc__leader_id__in=leaders).exists())
    )


def can_verify_anything(user) -> bool:
    """Inspectors, and heads of a unit that leads a bloc, verify self-assessment lines."""
    if has_role(user, Role.INSPECTOR):
        return True
    leaders = led_unit_ids(user)
    return bool(leaders) and Bloc.objects.filter(leader_id__in=leaders).exists()


def _belongs_to(user, unit: Unit) -> bool:
    person = Person.objects.filter(user=user).select_related("unit").first()
    return person is not None and person.unit.is_within(unit)


PLEDGE_ACTIONS = {"prepare", "submit", "review"}


def get_pledge_for_user(user, pk, *, action: str | None = None) -> Pledge:
    """A pledge the user can see; `action` (prepare / submit / review) must also be allowed."""
    pledge = Pledge.objects.for_user(user).select_related("unit__parent", "period__movement").filter(pk=pk).first()
    if pledge is None:
        raise Http404
    allowed = {
        None: True,
        "prepare": can_prepare_pledge(user, pledge.unit),
        "submit": can_submit_pledge(user, pledge.unit),
        "review": can_review_pledge(user, pledge, after_deadline=False),
    }[action]
    if not allowed:
        raise PermissionDenied
    return pledge


def get_self_assessment_for_user(user, pk, *, verify: bool = False) -> SelfAssessment:
    """A self-assessment line of a visible pledge; verifying needs the right to verify that unit."""
    line = SelfAssessment.objects.select_related("pledge__unit", "pledge__period", "criterion").filter(pk=pk).first()
    if line is None or not Pledge.objects.for_user(user).filter(pk=line.pledge_id).exists():
        raise Http404
    if verify and not can_verify_unit(user, line.pledge.unit, line.pledge.period):
        raise PermissionDenied
    return line


def get_registration_for_user(user, pk) -> Registration:
    """A registration: the person's own, or one of a pledge the user can see."""
    registration = Registration.objects.select_related("pledge", "person", "title").filter(pk=pk).first()
    if registration is None:
        raise Http404
    own = registration.person.user_id == user.pk
    if not own and not Pledge.objects.for_user(user).filter(pk=registration.pledge_id).exists():
        raise Http404
    return registration


def get_score_for_user(user, *, unit_pk, period_pk) -> Score:
    """A unit's score for a period, if the user sees it (`Score.objects.for_user`): administrators and the council
    the units they reach, heads and clerks their subtree, inspectors and staff their own unit only; else 404."""
    score = (
        Score.objects.for_user(user)
        .select_related("unit", "period__movement", "period__scheme", "band", "bloc")
        .filter(unit_id=unit_pk, period_id=period_pk)
        .first()
    )
    if score is None:
        raise Http404
    return score


# --- title catalogue and eligibility ---------------------------------------------------------------------------------


def can_run_eligibility(user) -> bool:
    """Administrators run the eligibility engine for a period."""
    return is_administrator(user)


def get_eligibility_result_for_user(user, pk):
    """A result if the user reads it (`EligibilityResult.objects.for_user`): administrators and the council the units
    they reach, heads and clerks their subtree, a person their own result; else 404."""
    result = (
        EligibilityResult.objects.for_user(user)
        .select_related("period__movement", "title", "person__unit", "unit", "rule_set")
        .filter(pk=pk)
        .first()
    )
    if result is None:
        raise Http404
    return result
