"""Violation types are named by the breach ("Uống rượu, bia trong giờ làm việc…"), the rule kept beside them."""

import importlib

import pytest
from django.apps import apps

from evaluations.catalogue.seed import seed_catalogue
from evaluations.models import ChecklistItem, ViolationType
from tests.factories import make_checklist_item, make_violation_type

pytestmark = pytest.mark.django_db

migration = importlib.import_module("evaluations.migrations.0005_violation_types_named_by_breach")


def test_seeded_types_say_what_happened_and_their_items_keep_the_rule():
    seed_catalogue()
    alcohol = ViolationType.objects.get(code="VP-AL-01")
    assert alcohol.name == "Uống rượu, bia trong giờ làm việc, giờ nghỉ trưa hoặc ngày trực"
    assert ChecklistItem.objects.get(violation_type=alcohol).text.startswith("Không uống rượu, bia trong giờ làm việc")
    assert not ViolationType.objects.filter(name__startswith="Vi phạm:").exists()


def test_the_migration_renames_old_seeded_names_but_keeps_an_administrators_wording():
    rule = "Không uống rượu, bia trong giờ làm việc, giờ nghỉ trưa của ngày làm việc, ngày trực"
    old = make_violation_type(code="VP-AL-01", name=f"Vi phạm: k{rule[1:]}")
    make_checklist_item(code="AL-01", text=rule, violation_type=old)
    reworded = make_violation_type(code="VP-SM-01", name="Hút thuốc trong công sở")
    make_checklist_item(code="SM-01", text="Không hút thuốc lá trong phòng làm việc", violation_type=reworded)
    migration.name_by_breach(apps, None)
    old.refresh_from_db()
    reworded.refresh_from_db()
    assert old.name == "Uống rượu, bia trong giờ làm việc, giờ nghỉ trưa hoặc ngày trực"
    assert reworded.name == "Hút thuốc trong công sở"
