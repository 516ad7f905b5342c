"""Roles granted, changed or removed in the Django admin are written to the audit log as the app's role pages do."""

import pytest
from django.urls import reverse

from tests.factories import enrol_totp, grant, make_unit, make_user
from units.audit.log import verify_chain
from units.audit.models import AuditEntry, EventKind
from units.models import Role, RoleAssignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def root(client):
    superuser = make_user(email="root@example.vn", full_name="Quản Trị Gốc", is_superuser=True, is_staff=True)
    enrol_totp(superuser)
    client.force_login(superuser)
    return superuser


def entries():
    return list(AuditEntry.objects.order_by("seq").values_list("kind", "object_type", "object_id", "actor_id", "data"))


def test_a_role_added_changed_and_deleted_in_the_admin_is_logged_each_time(client, root, personas, tree):
    add = client.post(
        reverse("admin:units_roleassignment_add"),
        {"user": personas.staff.pk, "role": Role.UNIT_CLERK, "unit": tree.sub.pk, "_save": "Lưu"},
    )
    assert add.status_code == 302
    assignment = RoleAssignment.objects.get(user=personas.staff, role=Role.UNIT_CLERK)
    pk = str(assignment.pk)
    granted = {"user": personas.staff.pk, "role": Role.UNIT_CLERK, "unit": tree.sub.pk}
    assert entries() == [(EventKind.ROLE_GRANTED, "units.roleassignment", pk, root.pk, granted)]

    change_url = reverse("admin:units_roleassignment_change", args=[assignment.pk])
    form = {"user": personas.staff.pk, "role": Role.UNIT_HEAD, "unit": tree.sub.pk, "_save": "Lưu"}
    assert client.post(change_url, form).status_code == 302
    head = {**granted, "role": Role.UNIT_HEAD}
    assert entries()[1:] == [
        (EventKind.ROLE_REMOVED, "units.roleassignment", pk, root.pk, granted),
        (EventKind.ROLE_GRANTED, "units.roleassignment", pk, root.pk, head),
    ]
    assert client.post(change_url, form).status_code == 302  # saved unchanged: nothing granted or removed
    assert len(entries()) == 3

    delete_url = reverse("admin:units_roleassignment_delete", args=[assignment.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()
    assert entries()[3:] == [(EventKind.ROLE_REMOVED, "units.roleassignment", pk, root.pk, head)]
    assert verify_chain().intact


def test_roles_deleted_in_bulk_from_the_admin_list_are_logged_one_by_one(client, root, personas, tree):
    first, second = grant(personas.staff, Role.UNIT_CLERK, tree.sub), grant(personas.clerk, Role.UNIT_HEAD, tree.sub)
    form = {"action": "delete_selected", "_selected_action": [first.pk, second.pk], "post": "yes"}
    assert client.post(reverse("admin:units_roleassignment_changelist"), form).status_code == 302
    assert not RoleAssignment.objects.filter(pk__in=[first.pk, second.pk]).exists()
    removed = {(kind, object_id) for kind, _, object_id, _, _ in entries()}
    assert removed == {(EventKind.ROLE_REMOVED, str(first.pk)), (EventKind.ROLE_REMOVED, str(second.pk))}


def test_a_role_the_admin_refuses_as_a_duplicate_is_not_logged(client, root, personas, tree):
    form = {"user": personas.clerk.pk, "role": Role.UNIT_CLERK, "unit": tree.home.pk, "_save": "Lưu"}
    assert client.post(reverse("admin:units_roleassignment_add"), form).status_code == 200  # the form's error
    assert entries() == []


def test_making_a_user_superuser_or_staff_in_the_user_admin_is_logged_as_a_role_granted_then_removed(
    client, root, personas
):
    user = personas.staff
    url = reverse("admin:units_user_change", args=[user.pk])
    form = {
        "email": user.email,
        "full_name": user.full_name,
        "is_active": "on",
        "is_superuser": "on",
        "date_joined_0": "01/01/2026",
        "date_joined_1": "08:00:00",
        "_save": "Lưu",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.context["adminform"].form.errors
    user.refresh_from_db()
    assert user.is_superuser
    assert entries() == [
        (
            EventKind.ROLE_GRANTED,
            "units.user",
            str(user.pk),
            root.pk,
            {"user": user.pk, "role": "is_superuser", "unit": None, "via": "admin"},
        )
    ]
    form.pop("is_superuser")
    form["is_staff"] = "on"
    assert client.post(url, form).status_code == 302
    assert [(kind, data["role"]) for kind, *_, data in entries()[1:]] == [
        (EventKind.ROLE_REMOVED, "is_superuser"),
        (EventKind.ROLE_GRANTED, "is_staff"),
    ]
    assert client.post(url, form).status_code == 302  # nothing changed: nothing logged
    assert len(entries()) == 3


def test_deleting_a_user_or_a_unit_in_the_admin_logs_the_removal_of_their_roles(client, root, personas):
    helper = make_user(email="helper@example.vn")
    role = grant(helper, Role.UNIT_CLERK, make_unit())
    assert client.post(reverse("admin:units_user_delete", args=[helper.pk]), {"post": "yes"}).status_code == 302
    empty_unit = make_unit()
    other = grant(personas.staff, Role.UNIT_CLERK, empty_unit)
    form = {"action": "delete_selected", "_selected_action": [empty_unit.pk], "post": "yes"}
    assert client.post(reverse("admin:units_unit_changelist"), form).status_code == 302
    assert [(kind, object_id) for kind, _, object_id, _, _ in entries()] == [
        (EventKind.ROLE_REMOVED, str(role.pk)),
        (EventKind.ROLE_REMOVED, str(other.pk)),
    ]
    assert not RoleAssignment.objects.filter(pk__in=[role.pk, other.pk]).exists()
