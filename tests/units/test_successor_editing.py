"""An administrator sets every successor of a unit by hand (unit form, unit import), never the unit itself, never a
chain that comes back to where it started, only units that exist; an import with any such error writes nothing."""

import pytest
from django.urls import reverse

from tests.factories import make_unit
from tests.units.test_imports import UNIT_HEADER, csv_file, import_file, row_errors, upload
from units.models import Kind, Level, Unit

pytestmark = pytest.mark.django_db

HEADER = [*UNIT_HEADER, "further_successor_codes"]


@pytest.fixture
def split_units(tree):
    make = {"parent": tree.province, "level": Level.DEPARTMENT, "kind": Kind.DEPARTMENT}
    return make_unit(code="SNV-A", name="Sở A", **make), make_unit(code="SNV-B", name="Sở B", **make)


def edit(client, unit, **fields):
    data = {"code": unit.code, "name": unit.name, "level": unit.level, "kind": unit.kind, "parent": unit.parent_id}
    data.update(fields)
    return client.post(reverse("units:unit_edit", args=[unit.pk]), data)


def test_the_unit_form_names_every_successor_of_a_split(login, personas, tree, split_units):
    first, second = split_units

    response = edit(login(personas.administrator), tree.home, valid_to="30/06/2025", successor=first.pk,
                    further_successors=[second.pk])  # fmt: skip

    assert response.status_code == 302
    tree.home.refresh_from_db()
    assert tree.home.all_successors() == [first, second]
    assert set(second.predecessor_ids()) == {tree.home.pk}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"successor": "STC", "further_successors": ["SNV"]}, "Đơn vị không thể kế thừa chính nó."),
        ({"successor": "SNV"}, "Đơn vị không thể kế thừa chính nó."),
        ({"further_successors": ["STC"]}, "Chọn đơn vị kế thừa (thứ nhất) trước"),
        ({"successor": "STC", "further_successors": [999999]}, "Đơn vị kế thừa không tồn tại."),
        ({"successor": 999999}, "Đơn vị kế thừa không tồn tại."),
    ],
)
def test_the_unit_form_refuses_successors_it_cannot_keep(login, personas, tree, fields, message):
    codes = {"SNV": tree.home.pk, "STC": tree.other.pk}
    fields = {name: codes.get(value, value) if not isinstance(value, list) else [codes.get(v, v) for v in value]
              for name, value in fields.items()}  # fmt: skip

    response = edit(login(personas.administrator), tree.home, **fields)

    assert response.status_code == 200
    assert message in response.content.decode()
    tree.home.refresh_from_db()
    assert tree.home.all_successors() == []


def test_the_unit_form_refuses_a_chain_of_successors_that_comes_back(login, personas, tree, split_units):
    first, second = split_units
    Unit.objects.filter(pk=first.pk).update(successor=tree.other)
    tree.other.further_successors.set([tree.home])

    response = edit(login(personas.administrator), tree.home, successor=second.pk, further_successors=[first.pk])

    assert response.status_code == 200
    assert "Chuỗi đơn vị kế thừa quay vòng: Sở Nội vụ → Sở A → Sở Tài chính → Sở Nội vụ." in response.content.decode()
    tree.home.refresh_from_db()
    assert tree.home.all_successors() == []


def test_the_import_sets_further_successors_even_of_units_created_in_the_same_file(login, personas, tree):
    rows = [
        HEADER,
        ["SNV", "Sở Nội vụ", "department", "department", "T-DNO", "", "30/06/2025", "SNV-A", "SNV-B; STC"],
        ["SNV-A", "Sở A", "department", "department", "T-DNO", "01/07/2025", "", "", ""],
        ["SNV-B", "Sở B", "department", "department", "T-DNO", "01/07/2025", "", "", ""],
    ]

    import_file(login(personas.administrator), "units", csv_file(rows))

    tree.home.refresh_from_db()
    assert [unit.code for unit in tree.home.all_successors()] == ["SNV-A", "SNV-B", "STC"]


def test_importing_the_same_file_again_changes_nothing_and_a_file_without_the_column_keeps_them(
    login, personas, tree, split_units
):
    client = login(personas.administrator)
    row = ["SNV", "Sở Nội vụ", "department", "department", "T-DNO", "", "30/06/2025", "SNV-A", "SNV-B"]
    import_file(client, "units", csv_file([HEADER, row]))

    again = upload(client, "units", csv_file([HEADER, row]))
    assert again.context["preview"].counts["unchanged"] == 1
    import_file(client, "units", csv_file([UNIT_HEADER, row[:-1]]))
    tree.home.refresh_from_db()
    assert [unit.code for unit in tree.home.all_successors()] == ["SNV-A", "SNV-B"]
    import_file(client, "units", csv_file([HEADER, [*row[:-1], ""]]))
    assert [unit.code for unit in tree.home.all_successors()] == ["SNV-A"]


def test_the_import_refuses_bad_successors_row_by_row_and_writes_nothing(login, personas, tree, split_units):
    rows = [
        HEADER,
        ["SNV", "Sở Nội vụ mới", "department", "department", "T-DNO", "", "", "STC", "SNV-A; SNV"],
        ["STC", "Sở Tài chính", "department", "department", "T-DNO", "", "", "", "KHONG-CO"],
        ["SNV-A", "Sở A", "department", "department", "T-DNO", "", "", "SNV-B", ""],
        ["SNV-B", "Sở B", "department", "department", "T-DNO", "", "", "", "SNV-A"],
    ]
    client = login(personas.administrator)

    response = upload(client, "units", csv_file(rows))

    errors = row_errors(response)
    assert "“further_successor_codes”: đơn vị không thể kế thừa chính nó" in errors[2]
    assert "không có đơn vị mã “KHONG-CO”" in errors[3]
    assert "Chuỗi đơn vị kế thừa quay vòng" in errors[4] and "Chuỗi đơn vị kế thừa quay vòng" in errors[5]
    assert not response.context["preview"].is_valid
    tree.home.refresh_from_db()
    assert (tree.home.name, tree.home.all_successors()) == ("Sở Nội vụ", [])
