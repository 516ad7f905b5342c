"""The administrators' council pages: who reaches them, founding a council with its secretary, adding, changing and
removing members (each change in the audit log), and the Vietnamese refusals."""

import datetime

import pytest
from django.urls import reverse

from emulation.models import Council, CouncilMember, MemberRole, Presence, Session
from tests.emulation.council.helpers import add_member, make_council
from tests.factories import make_person, make_user, make_user_with_role
from units.audit.models import AuditEntry, EventKind
from units.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(tree, personas):
    council = make_council(tree.home, size=0, secretary=personas.secretary, name="Hội đồng TĐKT Sở Nội vụ")
    add_member(council, unit=tree.home, role=MemberRole.CHAIR)
    return council


def person_with_login(unit, name="Ngô Thành Viên"):
    return make_person(unit=unit, user=make_user(full_name=name), full_name=name)


def test_anonymous_users_are_sent_to_the_login(client, council):
    seat = council.members.get()
    for url in (
        reverse("emulation:council_manage_edit", args=[council.pk]),
        reverse("emulation:council_seat_add", args=[council.pk]),
        reverse("emulation:council_seat_edit", args=[council.pk, seat.pk]),
        reverse("emulation:council_seat_remove", args=[council.pk, seat.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("persona", ["unit_head", "secretary", "council_member", "outsider"])
def test_other_roles_are_refused_and_their_posts_change_nothing(login, personas, council, persona):
    client = login(getattr(personas, persona))
    seat = council.members.get()
    assert client.get(reverse("emulation:council_manage_edit", args=[council.pk])).status_code == 403
    assert client.post(reverse("emulation:council_seat_remove", args=[council.pk, seat.pk])).status_code == 403
    assert client.post(reverse("emulation:council_seat_add", args=[council.pk]), {"role": "chair"}).status_code == 403
    assert CouncilMember.objects.filter(pk=seat.pk).exists() and council.members.count() == 1


def test_an_administrator_of_another_branch_does_not_find_the_council(login, tree, council):
    other_admin = make_user_with_role(Role.ADMINISTRATOR, tree.other, email="admin-stc@example.vn")
    client = login(other_admin)
    assert client.get(reverse("emulation:council_manage_edit", args=[council.pk])).status_code == 404
    seat = council.members.get()
    assert client.post(reverse("emulation:council_seat_remove", args=[council.pk, seat.pk])).status_code == 404
    assert "Hội đồng TĐKT Sở Nội vụ" not in client.get(reverse("emulation:council_manage_list")).content.decode()


def test_the_list_shows_the_councils_with_their_scope_secretary_and_size(login, personas, council):
    page = login(personas.administrator).get(reverse("emulation:council_manage_list")).content.decode()
    assert "Hội đồng TĐKT Sở Nội vụ" in page and "Sở Nội vụ" in page and "Hoàng Thư Ký" in page
    assert reverse("emulation:council_manage_edit", args=[council.pk]) in page


def test_an_administrator_founds_a_council_with_a_secretary_who_has_a_login(login, personas, tree):
    client = login(personas.administrator)
    secretary = person_with_login(tree.home, "Đinh Thư Ký")
    no_login = make_person(unit=tree.home, full_name="Lý Chưa Có Tài Khoản")
    data = {"name": "Hội đồng TĐKT Sở Nội vụ", "scope": tree.home.pk, "secretary_person": no_login.pk}
    refused = client.post(reverse("emulation:council_manage_create"), data)
    assert "chưa có tài khoản đăng nhập" in refused.context["form"].errors["secretary_person"][0]
    response = client.post(reverse("emulation:council_manage_create"), data | {"secretary_person": secretary.pk})
    council = Council.objects.get()
    assert response.url == reverse("emulation:council_manage_edit", args=[council.pk])
    assert (council.scope, council.secretary) == (tree.home, secretary.user)
    form = client.get(response.url).context["form"]
    assert form["secretary_person"].value() == secretary.pk  # the secretary shows in the picker


def test_the_scope_must_be_a_unit_the_administrator_manages(login, tree):
    admin = make_user_with_role(Role.ADMINISTRATOR, tree.other, email="admin-stc@example.vn")
    secretary = person_with_login(tree.other)
    data = {"name": "Hội đồng lạ", "scope": tree.home.pk, "secretary_person": secretary.pk}
    response = login(admin).post(reverse("emulation:council_manage_create"), data)
    assert "scope" in response.context["form"].errors and not Council.objects.exists()


def test_renaming_a_council_keeps_its_members(login, personas, council):
    client = login(personas.administrator)
    form = client.get(reverse("emulation:council_manage_edit", args=[council.pk])).context["form"]
    data = {"name": "Hội đồng TĐKT Sở Nội vụ (kiện toàn)", "scope": council.scope_id}
    data |= {"secretary_person": form["secretary_person"].value(), "establishing_decision": "QĐ 12/QĐ-SNV"}
    assert client.post(reverse("emulation:council_manage_edit", args=[council.pk]), data).status_code == 302
    council.refresh_from_db()
    assert council.establishing_decision == "QĐ 12/QĐ-SNV" and council.members.count() == 1


def test_adding_changing_and_removing_a_member_is_audited(login, personas, tree, council):
    client = login(personas.administrator)
    person = person_with_login(tree.home)
    data = {"person": person.pk, "role": MemberRole.VICE_CHAIR, "starts_on": "2026-01-01", "ends_on": ""}
    assert client.post(reverse("emulation:council_seat_add", args=[council.pk]), data).status_code == 302
    seat = council.members.get(person=person)
    assert (seat.user, seat.role, seat.starts_on) == (person.user, MemberRole.VICE_CHAIR, datetime.date(2026, 1, 1))
    granted = AuditEntry.objects.get(kind=EventKind.ROLE_GRANTED)
    assert granted.object_type == "emulation.councilmember" and granted.actor_id == personas.administrator.pk

    data |= {"role": MemberRole.MEMBER, "ends_on": "2026-12-31"}
    client.post(reverse("emulation:council_seat_edit", args=[council.pk, seat.pk]), data)
    seat.refresh_from_db()
    assert (seat.role, seat.ends_on) == (MemberRole.MEMBER, datetime.date(2026, 12, 31))
    changed = AuditEntry.objects.filter(kind=EventKind.ROLE_GRANTED).order_by("-seq").first()
    assert changed.data["before"]["role"] == MemberRole.VICE_CHAIR and changed.data["role"] == MemberRole.MEMBER

    url = reverse("emulation:council_seat_remove", args=[council.pk, seat.pk])
    question = client.get(url).content.decode()
    assert "Ngô Thành Viên" in question and 'data-testid="confirm-question"' in question
    assert CouncilMember.objects.filter(pk=seat.pk).exists()  # asking deletes nothing
    client.post(url)
    assert not CouncilMember.objects.filter(pk=seat.pk).exists()
    removed = AuditEntry.objects.get(kind=EventKind.ROLE_REMOVED)
    assert removed.object_id == str(seat.pk) and "Ngô Thành Viên" in removed.summary


def test_member_errors_are_clear_and_save_nothing(login, personas, tree, council):
    client = login(personas.administrator)
    chair = council.members.get()
    url = reverse("emulation:council_seat_add", args=[council.pk])
    no_login = make_person(unit=tree.home, full_name="Lý Chưa Có Tài Khoản")
    response = client.post(url, {"person": no_login.pk, "role": MemberRole.MEMBER})
    assert "chưa có tài khoản đăng nhập" in response.context["form"].errors["person"][0]
    response = client.post(url, {"person": chair.person_id, "role": MemberRole.MEMBER})
    assert "đã là thành viên Hội đồng trong thời gian này" in response.context["form"].errors["person"][0]
    person = person_with_login(tree.home)
    response = client.post(
        url, {"person": person.pk, "role": "member", "starts_on": "2026-06-01", "ends_on": "2026-01-01"}
    )
    assert "phải sau ngày bắt đầu" in response.context["form"].errors["ends_on"][0]
    assert council.members.count() == 1 and not AuditEntry.objects.exists()


def test_members_are_picked_among_the_people_of_the_units_the_administrator_manages(login, tree):
    admin = make_user_with_role(Role.ADMINISTRATOR, tree.other, email="admin-stc@example.vn")
    council = make_council(tree.other, size=0, name="Hội đồng TĐKT Sở Tài chính")
    stranger = person_with_login(tree.home, "Người Sở Khác")
    url = reverse("emulation:council_seat_add", args=[council.pk])
    response = login(admin).post(url, {"person": stranger.pk, "role": MemberRole.MEMBER})
    assert "person" in response.context["form"].errors and not council.members.exists()


def test_a_member_who_sat_in_a_session_is_not_removed_but_told_to_end_the_term(login, personas, council):
    client = login(personas.administrator)
    seat = council.members.get()
    session = Session.objects.create(council=council, date=datetime.date(2026, 6, 1))
    session.attendance.create(member=seat, presence=Presence.PRESENT)
    response = client.post(reverse("emulation:council_seat_remove", args=[council.pk, seat.pk]), follow=True)
    assert "hãy ghi ngày kết thúc nhiệm kỳ" in response.content.decode()
    assert CouncilMember.objects.filter(pk=seat.pk).exists() and not AuditEntry.objects.exists()


def test_the_list_searches_councils_by_name_or_scope(login, personas, tree, council):
    make_council(tree.other, size=0, name="Hội đồng TĐKT Sở Tài chính")
    client = login(personas.administrator)
    rows = client.get(reverse("emulation:council_manage_list"), {"q": "tài chính"}).context["table"].rows
    assert [row.record.name for row in rows] == ["Hội đồng TĐKT Sở Tài chính"]


def test_the_council_page_leads_administrators_and_only_them_to_the_management(login, personas, council):
    manage = reverse("emulation:council_manage_list")
    assert manage in login(personas.administrator).get(reverse("emulation:councils")).content.decode()
    assert manage not in login(personas.secretary).get(reverse("emulation:councils")).content.decode()
