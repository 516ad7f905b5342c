from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from evaluations.kpi import services as kpi
from evaluations.models import EntryMethod, KpiIndicator, KpiReading

pytestmark = pytest.mark.django_db

Q1 = (date(2024, 1, 1), date(2024, 3, 31))
Q2 = (date(2024, 4, 1), date(2024, 6, 30))


def indicator(code):
    return KpiIndicator.objects.get(code=code)


def record(unit, code, value, period=Q1, by=None):
    return kpi.record_reading(
        unit=unit, indicator=indicator(code), start=period[0], end=period[1], value=Decimal(value), by=by
    )


def rate(unit, code, period=Q1):
    reading = KpiReading.objects.filter(unit=unit, indicator__code=code, period_start=period[0]).first()
    return reading.value if reading else None


def test_on_time_rate_is_early_plus_on_time_over_resolved(tree, personas):
    for code, value in [("HS-GQ", 200), ("HS-TH", 150), ("HS-DH", 42), ("HS-QH", 8)]:
        record(tree.home, code, value, by=personas.administrator)
    assert rate(tree.home, "TL-DH") == Decimal("96.00")
    assert rate(tree.home, "TL-QH") == Decimal("4.00")
    derived = KpiReading.objects.get(unit=tree.home, indicator__code="TL-DH")
    assert derived.entry_method == EntryMethod.DERIVED


def test_a_rate_waits_until_every_component_is_read(tree):
    record(tree.home, "HS-GQ", 200)
    record(tree.home, "HS-DH", 190)
    assert rate(tree.home, "TL-DH") is None
    record(tree.home, "HS-TH", 0)
    assert rate(tree.home, "TL-DH") == Decimal("95.00")


def test_correcting_a_count_recomputes_the_rate_and_deleting_it_removes_the_rate(tree):
    for code, value in [("HS-GQ", 300), ("HS-TH", 100), ("HS-DH", 100)]:
        record(tree.home, code, value)
    assert rate(tree.home, "TL-DH") == Decimal("66.67")
    record(tree.home, "HS-DH", 200)
    assert rate(tree.home, "TL-DH") == Decimal("100.00")
    assert KpiReading.objects.filter(unit=tree.home, indicator__code="HS-DH").count() == 1
    kpi.delete_reading(reading=KpiReading.objects.get(unit=tree.home, indicator__code="HS-TH"), by=None)
    assert rate(tree.home, "TL-DH") is None


def test_no_resolved_dossiers_gives_no_rate_rather_than_a_division_by_zero(tree):
    for code in ["HS-GQ", "HS-TH", "HS-DH"]:
        record(tree.home, code, 0)
    assert rate(tree.home, "TL-DH") is None


@pytest.mark.parametrize(
    ("code", "value", "message"),
    [
        ("TL-DH", "97", "được tính tự động"),
        ("HS-TN", "12.5", "số nguyên"),
        ("HS-TN", "-1", "không được âm"),
        ("SIPAS", "101", "vượt quá 100"),
    ],
)
def test_refused_readings_say_why_in_vietnamese(tree, code, value, message):
    with pytest.raises(ValidationError) as error:
        record(tree.home, code, value)
    assert message in " ".join(error.value.messages)
    assert not KpiReading.objects.exists()


def test_a_survey_rate_without_formula_is_entered_directly(tree):
    record(tree.home, "SIPAS", "91.5")
    assert rate(tree.home, "SIPAS") == Decimal("91.50")


def test_a_period_overlapping_another_of_the_same_indicator_is_refused(tree):
    record(tree.home, "HS-TN", 100, period=Q1)
    with pytest.raises(ValidationError, match="chồng lấn"):
        record(tree.home, "HS-TN", 400, period=(date(2024, 1, 1), date(2024, 12, 31)))
    record(tree.other, "HS-TN", 400, period=(date(2024, 1, 1), date(2024, 12, 31)))


def test_the_database_refuses_a_duplicate_reading(tree):
    record(tree.home, "HS-TN", 100)
    with pytest.raises(IntegrityError):
        KpiReading.objects.create(
            unit=tree.home, indicator=indicator("HS-TN"), period_start=Q1[0], period_end=Q1[1], value=5
        )


def test_rates_over_a_year_weigh_each_quarter_by_its_dossiers(tree, django_assert_max_num_queries):
    for period, (resolved, early, on_time) in [(Q1, (100, 50, 50)), (Q2, (300, 100, 170))]:
        for code, value in [("HS-GQ", resolved), ("HS-TH", early), ("HS-DH", on_time)]:
            record(tree.home, code, value, period=period)
    record(tree.other, "HS-GQ", 10)
    record(tree.other, "HS-TH", 9)
    on_time = indicator("TL-DH")
    with django_assert_max_num_queries(3):
        rates = kpi.rates_over(
            indicator=on_time, units=[tree.home, tree.other], start=date(2024, 1, 1), end=date(2024, 12, 31)
        )
    assert rates == {tree.home.pk: Decimal("92.50"), tree.other.pk: Decimal("90.00")}
