"""Account provisioning: administrators create logins for people and send them a set-password link."""

from allauth.account.forms import ResetPasswordForm
from django.db import transaction

from units.models import Person, User


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
