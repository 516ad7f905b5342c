"""Searchable pickers: a page ships only the chosen row; the search answers within the user's reach, 20 at most."""

import pytest
from django.urls import reverse

from emulation.decisions.forms import RecipientForm
from evaluations.inspections.filters import ViolationFilter
from evaluations.models import Violation
from tests.factories import make_person, make_unit
from units.models import Unit

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
