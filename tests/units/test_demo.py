import datetime
import unicodedata
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from units.demo import DEMO_PASSWORD, build_demo
from units.models import Level, Notification, Person, Role, RoleAssignment, Unit, User
from units.reorganisation.models import Reorganisation

pytestmark = pytest.mark.django_db

JUNE_30, JULY_1 = datetime.date(2025, 6, 30), datetime.date(2025, 7, 1)

SEVEN_DISTRICTS = ["Cư Jút", "Đắk Glong", "Đắk Mil", "Đắk R'Lấp", "Đắk Song", "Krông Nô", "Tuy Đức"]


@pytest.fixture
def demo():
    return build_demo()


def row_counts():
    return {model.__name__: model.objects.count() for model in (Unit, Person, User, RoleAssignment)}


def test_demo_province_has_the_departments_the_article_names(demo):
    province = Unit.objects.get(name="Tỉnh Đắk Nông")
    departments = Unit.objects.filter(
        Q(parent=province) | Q(successor__name="Tỉnh Lâm Đồng") | Q(code__startswith="DNO-"), level=Level.DEPARTMENT
    )
    assert departments.count() >= 20
    names = set(departments.values_list("name", flat=True))
    assert {"Sở Nội vụ", "Trung tâm Hành chính công tỉnh", "Văn phòng UBND tỉnh", "Sở Tài chính"} <= names
    assert Unit.objects.filter(code__startswith="DNO-SNV-", level=Level.SUB_UNIT).count() >= 3


def test_demo_has_gia_nghia_the_seven_districts_and_their_communes_until_30_06_2025(demo):
    districts = Unit.objects.filter(level=Level.DISTRICT, code__startswith="DNO-")
    names = list(districts.values_list("name", flat=True))
    assert "UBND thành phố Gia Nghĩa" in names
    for district in SEVEN_DISTRICTS:
        assert f"UBND huyện {district}" in names
    assert set(districts.values_list("valid_to", flat=True)) == {JUNE_30}
    communes = Unit.objects.filter(level=Level.COMMUNE, parent__in=districts)
    assert communes.count() >= 20
    assert set(communes.values_list("valid_to", flat=True)) == {JUNE_30}


def test_the_reorganisation_is_recorded_as_real_acts_with_their_resolutions(demo):
    acts = Reorganisation.objects.filter(effective_on=JULY_1)
    assert set(acts.values_list("resolution_number", flat=True)) == {
        "202/2025/QH15", "1671/NQ-UBTVQH15", "203/2025/QH15"
    }  # fmt: skip
    assert set(acts.values_list("kind", flat=True)) == {"merge", "move", "dissolve"}
    province = Unit.objects.get(code="DNO")
    assert (province.valid_to, province.successor.name) == (JUNE_30, "Tỉnh Lâm Đồng")
    assert province.successor.valid_from == JULY_1
    interior = Unit.objects.get(code="LDG-SNV")
    assert {"Sở Nội vụ", "Sở Lao động - Thương binh và Xã hội"} == set(
        interior.direct_predecessors().values_list("name", flat=True)
    )
    assert Unit.objects.get(code="DNO-SNV-BTG").parent.name == "Sở Dân tộc và Tôn giáo tỉnh Lâm Đồng"
    ward = Unit.objects.get(name="UBND phường Nam Gia Nghĩa")
    assert ward.parent == province.successor and ward.level == Level.COMMUNE
    assert set(ward.direct_predecessors().values_list("name", flat=True)) == {
        "UBND phường Nghĩa Thành", "UBND xã Đắk Nia"
    }  # fmt: skip
    assert Person.objects.filter(unit=ward).count() == 12  # the staff of both communes moved with them


def test_the_current_tree_is_lam_dong_and_no_district_is_open_today(demo):
    today = timezone.localdate()
    open_units = Unit.objects.active_on(today)
    assert not open_units.filter(level=Level.DISTRICT).exists()
    assert not open_units.filter(code="DNO").exists()
    province = Unit.objects.get(code="LDG")
    below = open_units.filter(parent=province)
    assert below.filter(level=Level.COMMUNE).count() >= 15
    assert below.filter(level=Level.DEPARTMENT).count() >= 15
    assert set(open_units.filter(level=Level.PROVINCE).values_list("name", flat=True)) == {"Tỉnh Lâm Đồng"}


def test_the_logins_moved_with_their_units_and_were_told(demo):
    head = RoleAssignment.objects.get(user__email="thutruong@thidua.demo")
    assert head.unit.name == "Sở Nội vụ tỉnh Lâm Đồng"
    assert RoleAssignment.objects.get(user__email="quantri@thidua.demo").unit.name == "Tỉnh Lâm Đồng"
    chair = RoleAssignment.objects.get(user__email="chutich.xa@thidua.demo")
    assert chair.unit.name == "UBND phường Nam Gia Nghĩa"
    assert Notification.objects.filter(user=head.user, body__contains="202/2025/QH15").exists()


def test_demo_has_three_hundred_people_with_vietnamese_names(demo):
    people = Person.objects.filter(code__startswith="DNO-")
    assert people.count() >= 300
    names = list(people.values_list("full_name", flat=True))
    assert all(len(name.split()) >= 3 for name in names)
    assert all(unicodedata.is_normalized("NFC", name) for name in names)
    with_diacritics = [name for name in names if not name.isascii()]
    assert len(with_diacritics) > 0.9 * len(names)
    assert len(set(names)) > 0.6 * len(names)
    assert people.filter(position="Giám đốc", unit__name="Sở Nội vụ tỉnh Lâm Đồng").exists()


def test_demo_has_a_login_for_every_role_tied_to_a_person(demo):
    for role in Role.values:
        assignment = RoleAssignment.objects.filter(role=role, user__email__endswith="@thidua.demo").first()
        assert assignment is not None, role
        assert Person.objects.filter(user=assignment.user).exists()
    administrator = User.objects.get(email="quantri@thidua.demo")
    assert administrator.is_superuser and administrator.is_staff
    assert not User.objects.get(email="thutruong@thidua.demo").is_superuser


def test_running_the_demo_twice_changes_nothing(demo):
    before = row_counts()
    paths = dict(Unit.objects.values_list("code", "path"))
    assert build_demo() == demo
    assert row_counts() == before
    assert Reorganisation.objects.count() == demo["reorganisation acts (01/07/2025)"] > 30
    assert dict(Unit.objects.values_list("code", "path")) == paths


@pytest.mark.parametrize("email", ["thutruong@thidua.demo", "nhanvien@thidua.demo", "quantri@thidua.demo"])
def test_demo_users_log_in_with_the_printed_password(client, demo, email):
    response = client.post(reverse("account_login"), {"login": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == User.objects.get(email=email).pk


def test_administrator_is_asked_to_enrol_an_authenticator_first(client, demo):
    client.post(reverse("account_login"), {"login": "quantri@thidua.demo", "password": DEMO_PASSWORD})
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_unit_head_lands_on_the_home_page_and_browses_their_department(client, demo):
    client.post(reverse("account_login"), {"login": "thutruong@thidua.demo", "password": DEMO_PASSWORD})
    assert client.get(reverse("home")).status_code == 200
    response = client.get(reverse("units:units"))
    names = {row.record.name for row in response.context["table"].rows}
    assert "Sở Nội vụ tỉnh Lâm Đồng" in names
    assert "Ban Thi đua - Khen thưởng" in names
    assert {"Sở Nội vụ", "Sở Lao động - Thương binh và Xã hội"} <= names  # the predecessors' history, to read
    assert "Sở Tài chính tỉnh Lâm Đồng" not in names and "Sở Tài chính" not in names


def test_load_demo_prints_the_counts_and_every_login_with_the_password():
    out = StringIO()
    call_command("load_demo", "--only", "units", stdout=out)
    text = out.getvalue()
    assert "people: " in text
    assert DEMO_PASSWORD in text
    for email in User.objects.filter(email__endswith="@thidua.demo").values_list("email", flat=True):
        assert email in text
    assert "Sở Nội vụ tỉnh Lâm Đồng" in text and "UBND phường Nam Gia Nghĩa" in text
