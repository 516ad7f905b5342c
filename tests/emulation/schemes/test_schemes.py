from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from emulation.models import PeriodStatus, VetoKind
from emulation.schemes.copying import copy_scheme
from evaluations.models import ViolationType
from tests.emulation.factories import make_criterion, make_period, make_scheme

pytestmark = pytest.mark.django_db


def test_copy_brings_every_rule_and_the_copy_is_independent():
    source_period = make_period(status=PeriodStatus.FINALIZED)
    scheme = make_scheme(source_period, bonus_cap=Decimal("10"), min_inspections=2, tie_break_keys=["fewer_upheld"])
    criterion = make_criterion(scheme, name="Tỷ lệ hồ sơ đúng hạn", full_at=Decimal("95"), zero_at=Decimal("70"))
    alcohol = ViolationType.objects.create(code="RB-01", name="Uống rượu, bia buổi trưa", category="alcohol")
    scheme.deduction_rules.create(violation_type=alcohol, points_per_occurrence=Decimal("2"), cap=Decimal("10"))
    scheme.bonus_rules.create(code="CO", description="Cờ thi đua cấp tỉnh", points=Decimal("10"))
    good = scheme.bands.create(code="TOT", name="Tốt", min_total=Decimal("80"))
    scheme.veto_rules.create(
        kind=VetoKind.VIOLATION_CAPS_BAND, description="Rượu bia", violation_type=alcohol, capped_band=good
    )
    target = make_period(movement=source_period.movement, name="Năm 2027", status=PeriodStatus.SETUP)

    copy = copy_scheme(source=scheme, to_period=target)

    assert copy.pk != scheme.pk and copy.period == target and copy.copied_from == scheme
    assert (copy.bonus_cap, copy.min_inspections, copy.tie_break_keys) == (Decimal("10"), 2, ["fewer_upheld"])
    copied = copy.groups.get().criteria.get()
    assert (copied.name, copied.full_at, copied.zero_at) == ("Tỷ lệ hồ sơ đúng hạn", Decimal("95"), Decimal("70"))
    assert copy.deduction_rules.get().cap == Decimal("10")
    assert copy.bonus_rules.get().points == Decimal("10")
    veto = copy.veto_rules.get()
    assert veto.capped_band.scheme == copy and veto.capped_band.name == "Tốt"
    copied.max_points = Decimal("1")
    copied.save()
    criterion.refresh_from_db()
    assert criterion.max_points == Decimal("10")


def test_a_period_gets_one_scheme_and_not_after_it_is_finalized():
    scheme = make_scheme(make_period())
    with pytest.raises(ValidationError):
        copy_scheme(source=scheme, to_period=scheme.period)
    with pytest.raises(ValidationError):
        copy_scheme(source=scheme, to_period=make_period(status=PeriodStatus.FINALIZED))
