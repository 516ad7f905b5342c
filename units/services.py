"""Account provisioning: administrators create logins for people, send them a set-password link, grant roles."""

from allauth.account.forms import ResetPasswordForm
from django.db import transaction

from units.audit.log import record_event
from units.audit.models import EventKind
from units.models import Person, RoleAssignment, User


def invite_person(*, person: Person, email: str, request) -> User:
    """Give the person a login (no usable password) and e-mail them a link to set their password."""
    with transaction.atomic():
        user = person.user or User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=None, full_name=person.full_name)
        else:
            user.email = email
            user.save(update_fields=["email"])
        person.user = user
        person.email = email
        person.save(update_fields=["user", "email"])
    form = ResetPasswordForm(data={"email": email})
    if form.is_valid():
        form.save(request)
    return user


@transaction.atomic
def grant_role(*, assignment: RoleAssignment, by: User) -> RoleAssignment:
    """Save a validated role assignment; the grant goes into the audit log."""
    assignment.save()
    data = _role_data(assignment)
    record_event(kind=EventKind.ROLE_GRANTED, obj=assignment, by=by, summary=str(assignment), data=data)
    return assignment


@transaction.atomic
def change_role(*, assignment: RoleAssignment, by: User) -> RoleAssignment:
    """Save an edited role assignment (the Django admin allows it): the old role is logged removed, the new granted."""
    old = RoleAssignment.objects.select_related("user", "unit").get(pk=assignment.pk)
    summary = str(old)
    record_event(
        kind=EventKind.ROLE_REMOVED,
        target=("units.roleassignment", old.pk),
        by=by,
        summary=summary,
        data=_role_data(old),
    )
    return grant_role(assignment=assignment, by=by)


@transaction.atomic
def remove_role(*, assignment: RoleAssignment, by: User) -> None:
    """Withdraw a role; the removal goes into the audit log."""
    data, summary, pk = _role_data(assignment), str(assignment), assignment.pk
    assignment.delete()
    record_event(kind=EventKind.ROLE_REMOVED, target=("units.roleassignment", pk), by=by, summary=summary, data=data)


def _role_data(assignment: RoleAssignment) -> dict:
    return {"user": assignment.user_id, "role": assignment.role, "unit": assignment.unit_id}
