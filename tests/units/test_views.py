import pytest
from django.urls import reverse

from tests.factories import make_person
from units.models import Notification, Person, Role, RoleAssignment, Unit

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(name, args=args)


@pytest.mark.parametrize(
    "name",
    ["home", "units:profile", "units:notifications", "units:units", "units:people", "units:roles", "units:unit_create"],
)
def test_anonymous_is_sent_to_login(client, name):
    response = client.get(url(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_anonymous_cannot_open_a_unit_or_person(client, tree):
    person = make_person(unit=tree.home)
    for target in (url("units:unit_detail", tree.home.pk), url("units:person_detail", person.pk)):
        assert client.get(target)["Location"].startswith(reverse("account_login"))


def test_home_shows_real_unread_count(login, personas):
    Notification.objects.create(user=personas.unit_head, title="Có đoàn kiểm tra")
    response = login(personas.unit_head).get(url("home"))
    assert response.status_code == 200
    assert "Thông báo chưa đọc" in response.content.decode()
    assert response.context["items"][0]["count"] == 1


def test_unit_head_sees_own_subtree_only(login, personas, tree):
    response = login(personas.unit_head).get(url("units:units"))
    names = {row.record.name for row in response.context["table"].rows}
    assert names == {"Sở Nội vụ", "Văn phòng Sở Nội vụ"}


def test_outsider_gets_404_for_a_unit_outside_their_tree(login, personas, tree):
    assert login(personas.outsider).get(url("units:unit_detail", tree.home.pk)).status_code == 404


def test_staff_cannot_browse_units(login, personas):
    assert login(personas.staff).get(url("units:units")).status_code == 403
    assert login(personas.staff).get(url("units:people")).status_code == 403


def test_staff_sees_their_own_person_record(login, personas):
    person = Person.objects.get(user=personas.staff)
    assert login(personas.staff).get(url("units:person_detail", person.pk)).status_code == 200


def test_unit_head_may_view_but_not_edit_own_unit(login, personas, tree):
    client = login(personas.unit_head)
    assert client.get(url("units:unit_detail", tree.home.pk)).status_code == 200
    assert client.get(url("units:unit_edit", tree.home.pk)).status_code == 403
    assert client.get(url("units:unit_create")).status_code == 403


def test_administrator_creates_a_unit_under_the_province(login, personas, tree):
    response = login(personas.administrator).post(
        url("units:unit_create"),
        {"code": "SYT", "name": "Sở Y tế", "level": "department", "kind": "department", "parent": tree.province.pk},
    )
    unit = Unit.objects.get(code="SYT")
    assert response.status_code == 302
    assert unit.path == f"{tree.province.path}{unit.pk}/"


def test_unit_form_refuses_end_before_start(login, personas, tree):
    response = login(personas.administrator).post(
        url("units:unit_edit", tree.home.pk),
        {
            "code": "SNV",
            "name": "Sở Nội vụ",
            "level": "department",
            "kind": "department",
            "parent": tree.province.pk,
            "valid_from": "01/07/2025",
            "valid_to": "30/06/2025",
        },
    )
    assert response.status_code == 200
    assert "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực." in response.content.decode()


def test_moving_a_unit_moves_its_subtree(personas, tree):
    tree.home.parent = tree.other
    tree.home.save()
    tree.sub.refresh_from_db()
    assert tree.sub.path == f"{tree.other.path}{tree.home.pk}/{tree.sub.pk}/"


def test_people_filter_by_unit_includes_sub_units(login, personas, tree):
    make_person(unit=tree.sub, full_name="Trịnh Văn Con")
    response = login(personas.administrator).get(url("units:people"), {"unit": tree.home.pk})
    names = {row.record.full_name for row in response.context["table"].rows}
    assert "Trịnh Văn Con" in names
    assert "Đỗ Kiểm Tra" not in names


def test_people_list_query_count_does_not_grow_with_rows(login, personas, tree, django_assert_max_num_queries):
    client = login(personas.administrator)
    for _ in range(30):
        make_person(unit=tree.sub)
    with django_assert_max_num_queries(14):
        assert client.get(url("units:people")).status_code == 200


def test_notification_inbox_marks_read(login, personas):
    note = Notification.objects.create(user=personas.staff, title="Vi phạm mới")
    client = login(personas.staff)
    assert "Vi phạm mới" in client.get(url("units:notifications")).content.decode()
    client.post(url("units:notification_read", note.pk))
    note.refresh_from_db()
    assert note.read_at is not None


def test_nobody_marks_another_users_notification(login, personas):
    note = Notification.objects.create(user=personas.staff, title="Riêng")
    assert login(personas.outsider).post(url("units:notification_read", note.pk)).status_code == 404


def test_role_pages_need_an_administrator(login, personas):
    assert login(personas.unit_head).get(url("units:roles")).status_code == 403
    assert login(personas.administrator).get(url("units:roles")).status_code == 200


def test_administrator_grants_and_revokes_a_role(login, personas, tree):
    client = login(personas.administrator)
    client.post(url("units:role_create"), {"email": "staff@example.vn", "role": Role.UNIT_CLERK, "unit": tree.sub.pk})
    assignment = RoleAssignment.objects.get(user=personas.staff, role=Role.UNIT_CLERK)
    assert login(personas.outsider).post(url("units:role_delete", assignment.pk)).status_code == 404
    client = login(personas.administrator)
    client.post(url("units:role_delete", assignment.pk))
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()


def test_invite_creates_login_and_emails_set_password_link(login, personas, tree, mailoutbox):
    person = make_person(unit=tree.home, full_name="Đinh Thị Mới")
    response = login(personas.administrator).post(url("units:person_invite", person.pk), {"email": "moi@example.vn"})
    person.refresh_from_db()
    assert response.status_code == 302
    assert person.user.email == "moi@example.vn"
    assert not person.user.has_usable_password()
    assert mailoutbox[-1].to == ["moi@example.vn"]
    assert "/accounts/password/reset/key/" in mailoutbox[-1].body


def test_unit_head_cannot_invite(login, personas, tree):
    person = make_person(unit=tree.home)
    assert login(personas.unit_head).get(url("units:person_invite", person.pk)).status_code == 403
