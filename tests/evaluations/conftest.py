"""Evaluations fixtures: a small catalogue and a draft inspection of Sở Nội vụ led by the persona inspector."""

from types import SimpleNamespace

import pytest

from evaluations.models import ViolationCategory
from tests.factories import make_checklist_item, make_inspection, make_person, make_violation_type


@pytest.fixture
def catalogue(db):
    badge = make_violation_type(code="VT-ID", name="Không đeo thẻ", category=ViolationCategory.BADGE)
    alcohol = make_violation_type(
        code="VT-AL", name="Uống rượu bia giờ làm việc", category=ViolationCategory.ALCOHOL, sensitive=True
    )
    return SimpleNamespace(
        badge_type=badge,
        alcohol_type=alcohol,
        id01=make_checklist_item(code="ID-01", text="Đeo thẻ công chức", violation_type=badge),
        al01=make_checklist_item(
            code="AL-01", category=ViolationCategory.ALCOHOL, text="Không uống rượu bia", violation_type=alcohol
        ),
    )


@pytest.fixture
def inspection(personas, tree, catalogue):
    return make_inspection(unit=tree.home, lead=personas.inspector)


@pytest.fixture
def offender(tree):
    return make_person(unit=tree.sub, full_name="Trịnh Văn Uống")
