import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def menu(client) -> str:
    html = client.get(reverse("units:profile")).content.decode()
    return html[html.index('id="mainnav"') : html.index("</nav>")]


def test_each_role_gets_the_menu_of_its_work(login, personas):
    ranking, standalone = reverse("emulation:ranking"), reverse("evaluations:standalone_create")
    head = menu(login(personas.unit_head))
    assert ranking in head and standalone not in head
    inspector = menu(login(personas.inspector))
    assert standalone in inspector
    council = menu(login(personas.council_member))
    assert ranking in council and reverse("emulation:dashboard") in council


def test_staff_see_only_their_own_records_in_the_menu(login, personas):
    staff = menu(login(personas.staff))
    assert reverse("emulation:my_certificates") in staff and reverse("evaluations:my_violations") in staff
    assert reverse("units:units") not in staff and reverse("emulation:ranking") not in staff


def test_the_unit_and_people_imports_are_in_the_administrators_menu_only(login, personas):
    imports = [reverse("units:import", args=["units"]), reverse("units:import", args=["people"])]
    assert all(url in menu(login(personas.administrator)) for url in imports)
    assert not any(url in menu(login(personas.unit_head)) for url in imports)
