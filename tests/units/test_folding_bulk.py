"""The folded name is written by bulk_create() too (the demo and the people import create rows in bulk)."""

import pytest

from units.models import Category, Person

pytestmark = pytest.mark.django_db


def test_bulk_created_people_are_found_without_accents(tree):
    Person.objects.bulk_create(
        [Person(code="BK-1", full_name="Đặng Thị Ánh", unit=tree.sub, category=Category.CONG_CHUC)]
    )
    assert Person.objects.get(code="BK-1").search_name == "dang thi anh"
