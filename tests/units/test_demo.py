import datetime
import unicodedata
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from units.demo import DEMO_PASSWORD, build_demo
from units.models import Level, Person, Role, RoleAssignment, Unit, User

pytestmark = pytest.mark.django_db

SEVEN_DISTRICTS = ["Cư Jút", "Đắk Glong", "Đắk Mil", "Đắk R'Lấp", "Đắk Song", "Krông Nô", "Tuy Đức"]


@pytest.fixture
def demo():
    return build_demo()


def row_counts():
    return {model.__name__: model.objects.count() for model in (Unit, Person, User, RoleAssignment)}


def test_demo_province_has_the_departments_the_article_names(demo):
    province = Unit.objects.get(name="Tỉnh Đắk Nông")
    departments = Unit.objects.filter(parent=province, level=Level.DEPARTMENT)
    assert departments.count() >= 20
    names = set(departments.values_list("name", flat=True))
    assert {"Sở Nội vụ", "Trung tâm Hành chính công tỉnh", "Văn phòng UBND tỉnh", "Sở Tài chính"} <= names
    assert Unit.objects.filter(parent__name="Sở Nội vụ", level=Level.SUB_UNIT).count() >= 3


def test_demo_has_gia_nghia_the_seven_districts_and_their_communes(demo):
    districts = Unit.objects.filter(level=Level.DISTRICT, parent__name="Tỉnh Đắk Nông")
    names = list(districts.values_list("name", flat=True))
    assert "UBND thành phố Gia Nghĩa" in names
    for district in SEVEN_DISTRICTS:
        assert f"UBND huyện {district}" in names
    assert Unit.objects.filter(level=Level.COMMUNE, parent__in=districts).count() >= 10


def test_demo_records_the_merger_into_lam_dong_but_keeps_the_working_tree_live(demo):
    province = Unit.objects.get(name="Tỉnh Đắk Nông")
    assert province.valid_to == datetime.date(2025, 6, 30)
    assert province.successor.name == "Tỉnh Lâm Đồng"
    assert province.successor.valid_from == datetime.date(2025, 7, 1)
    below = Unit.objects.filter(path__startswith=province.path).exclude(pk=province.pk)
    assert below.active_on(timezone.localdate()).count() == below.count()


def test_demo_has_three_hundred_people_with_vietnamese_names(demo):
    people = Person.objects.filter(unit__path__startswith=Unit.objects.get(name="Tỉnh Đắk Nông").path)
    assert people.count() >= 300
    names = list(people.values_list("full_name", flat=True))
    assert all(len(name.split()) >= 3 for name in names)
    assert all(unicodedata.is_normalized("NFC", name) for name in names)
    with_diacritics = [name for name in names if not name.isascii()]
    assert len(with_diacritics) > 0.9 * len(names)
    assert len(set(names)) > 0.6 * len(names)
    assert people.filter(position="Giám đốc", unit__name="Sở Nội vụ").exists()


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
    assert "Sở Nội vụ" in names
    assert "Ban Thi đua - Khen thưởng" in names
    assert "Sở Tài chính" not in names


def test_load_demo_prints_the_counts_and_every_login_with_the_password():
    out = StringIO()
    call_command("load_demo", "--only", "units", stdout=out)
    text = out.getvalue()
    assert "people: " in text
    assert DEMO_PASSWORD in text
    for email in User.objects.filter(email__endswith="@thidua.demo").values_list("email", flat=True):
        assert email in text
    assert "Sở Nội vụ" in text
