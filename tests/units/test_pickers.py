"""Searchable pickers: a page ships only the chosen row; the search answers within the user's reach, 20 at most."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from emulation.decisions.forms import RecipientForm
from emulation.eligibility.forms import ResultUnitFilter
from evaluations.inspections.filters import ViolationFilter
from evaluations.models import Violation
from tests.factories import make_person, make_unit
from units.models import Person, Unit
from units.search.folding import fold, with_folded

pytestmark = pytest.mark.django_db

UNITS = reverse("units:pick_units")
PEOPLE = reverse("units:pick_people")


def labels(response):
    return [row["label"] for row in response.json()["results"]]


def test_anonymous_is_sent_to_login(client):
    for url in (UNITS, PEOPLE):
        assert client.get(url, {"q": "Sở"})["Location"].startswith(reverse("account_login"))


def test_units_are_found_by_name_or_code_within_the_users_reach(login, personas, tree):
    client = login(personas.unit_head)
    assert labels(client.get(UNITS, {"q": "văn phòng"})) == ["Văn phòng Sở Nội vụ (SNV-VP)"]
    assert labels(client.get(UNITS, {"q": "SNV-VP"})) == ["Văn phòng Sở Nội vụ (SNV-VP)"]
    assert labels(client.get(UNITS, {"q": "Tài chính"})) == []  # another department: out of reach


def test_people_are_found_by_any_words_of_their_name_and_an_outsider_finds_none(login, personas, tree):
    make_person(unit=tree.sub, code="CB-0042", full_name="Nguyễn Thị Hương Lan")
    client = login(personas.unit_head)
    assert labels(client.get(PEOPLE, {"q": "Nguyễn Lan"})) == ["Nguyễn Thị Hương Lan · CB-0042 · Văn phòng Sở Nội vụ"]
    assert labels(client.get(PEOPLE, {"q": "cb-0042"})) == ["Nguyễn Thị Hương Lan · CB-0042 · Văn phòng Sở Nội vụ"]
    assert labels(login(personas.outsider).get(PEOPLE, {"q": "Lan"})) == []


def test_a_search_answers_at_most_twenty_rows(login, personas, tree):
    for i in range(25):
        make_unit(code=f"PX-{i:02}", name=f"Phòng xã {i:02}", parent=tree.home)
    response = login(personas.administrator).get(UNITS, {"q": "Phòng xã"})
    assert len(labels(response)) == 20


def test_within_narrows_the_search_to_a_subtree(login, personas, tree):
    client = login(personas.administrator)
    assert "Sở Tài chính (STC)" in labels(client.get(UNITS, {"q": "Sở"}))
    assert labels(client.get(UNITS, {"q": "Sở", "within": tree.home.pk})) == [
        "Sở Nội vụ (SNV)",
        "Văn phòng Sở Nội vụ (SNV-VP)",
    ]
    assert labels(client.get(UNITS, {"q": "Sở", "within": "abc"})) == []


def test_a_filter_ships_only_the_chosen_unit_not_the_whole_tree(personas, tree):
    for i in range(40):
        make_unit(code=f"X-{i:02}", name=f"Xã số {i:02}", parent=tree.home)
    form = ViolationFilter({"unit": tree.sub.pk}, queryset=Violation.objects.all(), units=Unit.objects.all()).form
    html = str(form["unit"])
    assert f'<option value="{tree.sub.pk}" selected>Văn phòng Sở Nội vụ (SNV-VP)</option>' in html
    assert "Xã số 07" not in html and html.count("<option") == 2


def test_a_decision_recipient_picker_searches_only_under_the_issuing_body(personas, tree):
    class Decision:
        unit, authority = tree.home, None

    html = str(RecipientForm(decision=Decision)["person"])
    assert f'data-within="{tree.home.pk}"' in html and 'data-url="/pick/people/"' in html


def test_search_ignores_accents_and_case_and_reads_dd_as_d(login, personas, tree):
    make_person(unit=tree.sub, code="CB-0043", full_name="Nguyễn Văn Đức")
    make_unit(code="DAK-MIL", name="UBND huyện Đắk Mil", parent=tree.home)
    client = login(personas.administrator)
    assert labels(client.get(PEOPLE, {"q": "nguyen van duc"})) == ["Nguyễn Văn Đức · CB-0043 · Văn phòng Sở Nội vụ"]
    assert labels(client.get(PEOPLE, {"q": "NGUYỄN đức"})) == ["Nguyễn Văn Đức · CB-0043 · Văn phòng Sở Nội vụ"]
    assert labels(client.get(UNITS, {"q": "dak mil"})) == ["UBND huyện Đắk Mil (DAK-MIL)"]
    assert labels(client.get(PEOPLE, {"q": "nguyen van dat"})) == []


def test_a_rename_and_an_import_keep_the_search_in_step(login, personas, tree):
    unit = make_unit(code="CJ", name="Huyện Cư Jút", parent=tree.home)
    unit.name = "Huyện Krông Nô"
    unit.save()
    person = make_person(unit=tree.sub, code="CB-0044", full_name="Lê Thị Ánh")
    person.full_name = "Lê Thị Ánh Dương"
    Person.objects.bulk_update([person], with_folded(Person, [person], ["full_name"]))
    client = login(personas.administrator)
    assert labels(client.get(UNITS, {"q": "krong no"})) == ["Huyện Krông Nô (CJ)"]
    assert labels(client.get(UNITS, {"q": "cu jut"})) == []
    assert labels(client.get(PEOPLE, {"q": "anh duong"})) == ["Lê Thị Ánh Dương · CB-0044 · Văn phòng Sở Nội vụ"]


def test_fold_strips_vietnamese_marks_and_spaces():
    assert fold("  Đắk  Nông ") == "dak nong"
    assert fold("Nguyễn Thị Hương Giang") == "nguyen thi huong giang"
    assert fold("ĐỖ ĐÌNH") == "do dinh"
    assert fold("") == ""


def test_the_migration_backfills_names_stored_before_it(tree):
    backfill = importlib.import_module("units.migrations.0008_search_name").backfill
    Unit.objects.filter(pk=tree.home.pk).update(search_name="")
    backfill(apps, None)
    assert Unit.objects.get(pk=tree.home.pk).search_name == "so noi vu"


def test_the_eligibility_page_filters_units_with_a_picker(personas, tree):
    form = ResultUnitFilter({"unit": tree.sub.pk}, user=personas.unit_head)
    html = str(form["unit"])
    assert 'data-url="/pick/units/"' in html and 'id="f-unit_q"' in html
    assert f'<option value="{tree.sub.pk}" selected>Văn phòng Sở Nội vụ (SNV-VP)</option>' in html
    assert str(ResultUnitFilter({"unit": tree.other.pk}, user=personas.unit_head)["unit"]).count("<option") == 1


def test_inspectors_are_found_by_name_without_accents_by_those_who_plan_or_lead(login, personas):
    url = reverse("evaluations:pick_inspectors")
    name = personas.inspector.full_name
    query = fold(name).split()[-1]
    assert labels(login(personas.administrator).get(url, {"q": query})) == [f"{name} · {personas.inspector.email}"]
    assert labels(login(personas.inspector).get(url, {"q": "không có ai"})) == []
    assert login(personas.unit_head).get(url, {"q": query}).status_code == 403
    assert login(personas.staff).get(url, {"q": query}).status_code == 403
