"""Hand-computed scores for constructed schemes: caps, deductions, bonuses, vetoes, verification, KPI, inspections."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from emulation.models import (
    Band,
    BonusRule,
    CriterionGroup,
    CriterionMethod,
    CriterionSource,
    DeductionRule,
    LineKind,
    ManualScore,
    PeriodStatus,
    Score,
    SelfAssessment,
    VetoKind,
    VetoRule,
)
from emulation.scoring.engine import compute_period
from emulation.scoring.models import BonusGrant
from emulation.scoring.views import breakdown_sections, shown_lines
from evaluations.models import ItemOutcome, KpiReading, ViolationCategory, ViolationStatus
from tests.emulation.factories import make_criterion, make_period, make_pledge, make_scheme
from tests.factories import (
    make_kpi_indicator,
    make_submitted_inspection,
    make_unit,
    make_violation,
    make_violation_type,
)

D = Decimal
PASS, FAIL, NA = ItemOutcome.PASS, ItemOutcome.FAIL, ItemOutcome.NOT_APPLICABLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def period():
    return make_period(
        starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 12, 31), status=PeriodStatus.IN_PROGRESS
    )


@pytest.fixture
def scheme(period):
    return make_scheme(period, bonus_cap=D("10"), min_inspections=0)


def group(scheme, code, max_points):
    return CriterionGroup.objects.create(scheme=scheme, code=code, name=f"Nhóm {code}", max_points=D(max_points))


def claim(unit, criterion, points, verified=None, reason=""):
    pledge = make_pledge(unit=unit, period=criterion.group.scheme.period)
    line = SelfAssessment(pledge=pledge, criterion=criterion, claimed_points=D(points))
    if verified is not None:
        line.verified_points, line.verified_at, line.verification_reason = D(verified), timezone.now(), reason
    line.save()
    return line


def at(day: str):
    return timezone.make_aware(datetime.datetime.fromisoformat(f"{day}T09:00"))


def score_of(unit, period) -> Score:
    compute_period(period=period)
    return Score.objects.get(unit=unit, period=period)


def lines(score, kind=None):
    """The score's breakdown lines as its page shows them."""
    return [line for line in shown_lines(score) if kind is None or line["kind"] == kind]


def test_group_points_are_capped_at_the_group_maximum(scheme, period):
    unit = make_unit()
    a = group(scheme, "A", "10")
    a1, a2 = make_criterion(scheme, group=a, code="A1", max_points=D(6)), make_criterion(scheme, group=a, code="A2")
    claim(unit, a1, "6")
    SelfAssessment.objects.create(pledge=unit.pledges.get(), criterion=a2, claimed_points=D("5"))
    b1 = make_criterion(scheme, group=group(scheme, "B", "20"), code="B1")
    SelfAssessment.objects.create(pledge=unit.pledges.get(), criterion=b1, claimed_points=D("7.5"))

    score = score_of(unit, period)

    assert score.criteria_points == D("17.50")  # min(10, 6 + 5) + 7.5
    assert score.total == D("17.50")
    [cap] = lines(score, LineKind.GROUP_CAP)
    assert (cap["group"], D(cap["points"])) == ("A", D("-1"))


def test_deductions_of_a_rule_stop_at_its_cap_and_other_rules_add_up(scheme, period):
    unit = make_unit()
    badge, smoking = make_violation_type(), make_violation_type()
    DeductionRule.objects.create(scheme=scheme, violation_type=badge, points_per_occurrence=D("2"), cap=D("3"))
    DeductionRule.objects.create(scheme=scheme, violation_type=smoking, points_per_occurrence=D("1.5"))
    for day in ("2026-02-01", "2026-03-01"):
        make_violation(unit=unit, type=badge, status=ViolationStatus.UPHELD, occurred_at=at(day))
    make_violation(unit=unit, type=smoking, status=ViolationStatus.UPHELD, occurred_at=at("2026-04-01"))
    make_pledge(unit=unit, period=period)

    score = score_of(unit, period)

    assert score.deduction_points == D("4.50")  # min(3, 2 × 2) + 1.5
    assert score.total == D("-4.50")
    assert [D(line["points"]) for line in lines(score, LineKind.DEDUCTION)] == [D(-2), D(-2), D("-1.5")]
    [cap] = lines(score, LineKind.DEDUCTION_CAP)
    assert D(cap["points"]) == D(1)
    assert all(line["link"].startswith("/inspections/violations/") for line in lines(score, LineKind.DEDUCTION))


def test_only_upheld_violations_inside_the_period_are_deducted(scheme, period):
    unit = make_unit()
    kind = make_violation_type()
    DeductionRule.objects.create(scheme=scheme, violation_type=kind, points_per_occurrence=D("1"))
    for status in (ViolationStatus.RECORDED, ViolationStatus.CONTESTED, ViolationStatus.DISMISSED):
        make_violation(unit=unit, type=kind, status=status, occurred_at=at("2026-05-05"))
    make_violation(unit=unit, type=kind, status=ViolationStatus.UPHELD, occurred_at=at("2025-12-31"))
    make_violation(unit=unit, type=kind, status=ViolationStatus.UPHELD, occurred_at=at("2027-01-01"))
    counted = make_violation(unit=unit, type=kind, status=ViolationStatus.UPHELD, occurred_at=at("2026-12-31"))
    make_violation(type=kind, status=ViolationStatus.UPHELD, occurred_at=at("2026-05-05"))  # another unit's
    make_pledge(unit=unit, period=period)

    score = score_of(unit, period)

    assert score.deduction_points == D("1.00")
    assert score.upheld_violation_count == 1
    assert [line["source_id"] for line in lines(score, LineKind.DEDUCTION)] == [counted.pk]


def test_bonuses_above_the_cap_count_only_up_to_it(scheme, period):
    unit = make_unit()
    flag = BonusRule.objects.create(scheme=scheme, code="CO", description="Cờ thi đua", points=D("8"))
    merit = BonusRule.objects.create(scheme=scheme, code="BK", description="Bằng khen", points=D("5"))
    BonusGrant.objects.create(unit=unit, rule=flag)
    BonusGrant.objects.create(unit=unit, rule=merit)
    make_pledge(unit=unit, period=period)

    score = score_of(unit, period)

    assert score.bonus_points == D("10.00")  # min(10, 8 + 5)
    assert [D(line["points"]) for line in lines(score, LineKind.BONUS)] == [D(5), D(8)]
    [cap] = lines(score, LineKind.BONUS_CAP)
    assert D(cap["points"]) == D(-3)


def test_the_total_is_criteria_minus_deductions_plus_bonuses_and_the_counted_lines_add_up_to_it(scheme, period):
    unit = make_unit()
    a = group(scheme, "A", "10")
    claim(unit, make_criterion(scheme, group=a, code="A1", max_points=D(12)), "12")
    kind = make_violation_type()
    DeductionRule.objects.create(scheme=scheme, violation_type=kind, points_per_occurrence=D("0.5"))
    make_violation(unit=unit, type=kind, status=ViolationStatus.UPHELD, occurred_at=at("2026-06-01"))
    BonusGrant.objects.create(
        unit=unit, rule=BonusRule.objects.create(scheme=scheme, code="X", description="X", points=3)
    )

    score = score_of(unit, period)

    assert (score.criteria_points, score.deduction_points, score.bonus_points) == (D(10), D("0.5"), D(3))
    assert score.total == D("12.50")
    assert sum(D(line["points"]) for line in score.breakdown if line["counted"]) == score.total


def test_a_verifier_overrides_the_claim_and_the_breakdown_keeps_both(scheme, period):
    unit = make_unit()
    criterion = make_criterion(scheme, code="A1", max_points=D(6))
    claim(unit, criterion, "6", verified="4", reason="Thiếu kế hoạch năm")

    score = score_of(unit, period)

    assert score.criteria_points == D(4)
    [superseded] = lines(score, LineKind.SUPERSEDED)
    [counted] = lines(score, LineKind.CRITERION)
    assert (D(superseded["points"]), superseded["counted"]) == (D(6), False)
    assert D(counted["points"]) == D(4)
    assert "Thiếu kế hoạch năm" in counted["detail"]
    assert counted["link"] == f"/emulation/pledges/{unit.pledges.get().pk}/self-assessment/"


def test_an_unverified_claim_counts_as_claimed(scheme, period):
    unit = make_unit()
    claim(unit, make_criterion(scheme, max_points=D(6)), "5.5")

    assert score_of(unit, period).criteria_points == D("5.5")


def test_the_council_entry_overrides_the_source_and_the_replaced_value_stays_listed(scheme, period):
    unit = make_unit()
    criterion = make_criterion(scheme, max_points=D(6))
    claim(unit, criterion, "6", verified="5")
    ManualScore.objects.create(unit=unit, criterion=criterion, points=D("3"), note="Hội đồng rà soát lại")

    score = score_of(unit, period)

    assert score.criteria_points == D(3)
    assert [D(line["points"]) for line in lines(score, LineKind.SUPERSEDED)] == [D(6), D(5)]
    assert lines(score, LineKind.CRITERION)[0]["detail"] == "Hội đồng rà soát lại"


def kpi_criterion(scheme, indicator, method=CriterionMethod.KPI_THRESHOLD_LINEAR, **numbers):
    return make_criterion(
        scheme, source=CriterionSource.KPI, method=method, kpi_indicator=indicator, max_points=D(10), **numbers
    )


def read(unit, indicator, value, start="2026-01-01", end="2026-12-31"):
    KpiReading.objects.create(
        unit=unit, indicator=indicator, period_start=start, period_end=end, value=D(value), source="test"
    )


@pytest.mark.parametrize(("value", "points"), [("95", "10"), ("99", "10"), ("82.5", "5"), ("70", "0"), ("60", "0")])
def test_a_kpi_criterion_gives_full_points_from_the_threshold_and_linear_points_below(scheme, period, value, points):
    unit = make_unit()
    indicator = make_kpi_indicator()
    kpi_criterion(scheme, indicator, full_at=D("95"), zero_at=D("70"))
    read(unit, indicator, value)
    make_pledge(unit=unit, period=period)

    assert score_of(unit, period).criteria_points == D(points)  # 10 × (82.5 − 70) / (95 − 70) = 5


def test_a_derived_kpi_rate_sums_the_counts_of_the_period_first(scheme, period):
    """Two half-years: 90/100 and 100/100 on time → 190/200 = 95 % (not the mean of 90 % and 100 %... which is 95 too),
    so the second half has 300 dossiers: (90 + 300) / (100 + 300) = 97.5 % → full points; and one below."""
    from evaluations.models import IndicatorKind

    on_time = make_kpi_indicator(kind=IndicatorKind.COUNT, unit_of_measure="hồ sơ")
    resolved = make_kpi_indicator(kind=IndicatorKind.COUNT, unit_of_measure="hồ sơ")
    rate = make_kpi_indicator()
    rate.numerator.add(on_time)
    rate.denominator.add(resolved)
    kpi_criterion(scheme, rate, full_at=D("95"), zero_at=D("70"))
    unit, other = make_unit(), make_unit()
    for who, first, second in ((unit, ("90", "100"), ("300", "300")), (other, ("80", "100"), ("80", "100"))):
        read(who, on_time, first[0], "2026-01-01", "2026-06-30")
        read(who, resolved, first[1], "2026-01-01", "2026-06-30")
        read(who, on_time, second[0], "2026-07-01", "2026-12-31")
        read(who, resolved, second[1], "2026-07-01", "2026-12-31")
        make_pledge(unit=who, period=period)

    compute_period(period=period)

    assert Score.objects.get(unit=unit).criteria_points == D(10)  # 390/400 = 97.5 %
    assert Score.objects.get(unit=other).criteria_points == D(4)  # 160/200 = 80 % → 10 × 10/25
    [line] = lines(Score.objects.get(unit=other), LineKind.CRITERION)
    assert "= 80 (2 kỳ số liệu)" in line["detail"]


def test_an_at_most_kpi_gives_full_points_up_to_the_threshold(scheme, period):
    unit = make_unit()
    indicator = make_kpi_indicator()
    kpi_criterion(scheme, indicator, method=CriterionMethod.KPI_AT_MOST, full_at=D("2"), zero_at=D("10"))
    read(unit, indicator, "4")
    make_pledge(unit=unit, period=period)

    assert score_of(unit, period).criteria_points == D("7.5")  # 10 × (10 − 4) / (10 − 2)


def test_an_inspection_criterion_counts_the_share_of_its_categories_passed_in_the_period(scheme, period):
    unit = make_unit()
    make_criterion(
        scheme,
        source=CriterionSource.INSPECTIONS,
        method=CriterionMethod.PASS_SHARE,
        checklist_categories=[ViolationCategory.BADGE],
        max_points=D(10),
    )
    badge, dress = ViolationCategory.BADGE, ViolationCategory.DRESS
    first = make_submitted_inspection(
        unit, datetime.date(2026, 3, 2), [(badge, PASS), (badge, PASS), (badge, FAIL), (badge, NA), (dress, FAIL)]
    )
    make_submitted_inspection(unit, datetime.date(2026, 9, 9), [(badge, PASS), (badge, PASS), (badge, PASS)])
    make_submitted_inspection(unit, datetime.date(2025, 9, 9), [(badge, FAIL)])  # outside the period
    draft = make_submitted_inspection(unit, datetime.date(2026, 10, 1), [(badge, FAIL)])
    draft.status = "draft"
    draft.save()
    make_pledge(unit=unit, period=period)

    score = score_of(unit, period)

    assert score.criteria_points == D("8.33")  # 10 × 5/6
    assert score.inspection_count == 2
    evidence = lines(score, LineKind.EVIDENCE)
    assert [(line["detail"], line["link"]) for line in evidence][0] == (
        "2/3 mục đạt",
        f"/inspections/{first.pk}/",
    )
    kinds = [line["kind"] for section in breakdown_sections(score) for line in section["lines"]]
    assert kinds[:3] == [LineKind.CRITERION, LineKind.EVIDENCE, LineKind.EVIDENCE]  # its grounds under it


def test_a_veto_caps_the_band_whatever_the_points(scheme, period):
    for code, name, minimum in (("XS", "Xuất sắc", 90), ("TOT", "Tốt", 80), ("KHA", "Khá", 70)):
        Band.objects.create(scheme=scheme, code=code, name=name, min_total=D(minimum))
    drunk_driving = make_violation_type(category=ViolationCategory.ALCOHOL)
    VetoRule.objects.create(
        scheme=scheme,
        kind=VetoKind.VIOLATION_CAPS_BAND,
        description="Lái xe sau khi uống rượu: không quá Khá",
        violation_type=drunk_driving,
        capped_band=Band.objects.get(code="KHA"),
    )
    criterion = make_criterion(scheme, group=group(scheme, "A", "100"), max_points=D(100))
    clean, vetoed = make_unit(), make_unit()
    claim(clean, criterion, "95")
    claim(vetoed, criterion, "95")
    make_violation(unit=vetoed, type=drunk_driving, status=ViolationStatus.UPHELD, occurred_at=at("2026-08-08"))

    compute_period(period=period)

    assert Score.objects.get(unit=clean).band.code == "XS"
    capped = Score.objects.get(unit=vetoed)
    assert (capped.total, capped.band.code, capped.band_capped) == (D(95), "KHA", True)
    [veto] = lines(capped, LineKind.VETO)
    assert veto["detail"] == "Xếp loại không quá Khá"


def test_without_a_scheme_nothing_is_scored(period):
    make_pledge(unit=make_unit(), period=period)

    assert compute_period(period=period) == 0
    assert not Score.objects.exists()


def test_computing_twice_gives_the_same_scores(scheme, period):
    unit = make_unit()
    claim(unit, make_criterion(scheme), "7")

    compute_period(period=period)
    compute_period(period=period)

    assert Score.objects.get().total == D(7)


def test_a_discipline_from_warning_up_in_the_period_is_listed_as_barring_collective_titles(scheme, period, tree):
    from evaluations.models import DisciplineRecord
    from tests.factories import make_person

    VetoRule.objects.create(
        scheme=scheme,
        kind=VetoKind.DISCIPLINE_BARS_COLLECTIVE_TITLES,
        description="Có cán bộ bị kỷ luật từ cảnh cáo trở lên: không xét danh hiệu tập thể",
        min_discipline="canh_cao",
    )
    make_pledge(unit=tree.home, period=period)
    make_pledge(unit=tree.other, period=period)
    clerk, accountant = make_person(unit=tree.sub), make_person(unit=tree.other)
    DisciplineRecord.objects.create(person=clerk, form="canh_cao", decided_on=datetime.date(2026, 6, 1))
    DisciplineRecord.objects.create(person=accountant, form="khien_trach", decided_on=datetime.date(2026, 6, 1))
    DisciplineRecord.objects.create(person=accountant, form="cach_chuc", decided_on=datetime.date(2025, 6, 1))

    compute_period(period=period)

    [veto] = lines(Score.objects.get(unit=tree.home), LineKind.VETO)
    assert veto["detail"] == "Cảnh cáo ngày 01/06/2026"
    assert lines(Score.objects.get(unit=tree.other), LineKind.VETO) == []
    assert Score.objects.get(unit=tree.home).total == D(0)


def test_a_criterion_without_categories_counts_every_check_and_an_inspection_without_counted_checks_is_no_ground(
    scheme, period
):
    unit = make_unit()
    every = make_criterion(
        scheme, code="E1", source=CriterionSource.INSPECTIONS, method=CriterionMethod.PASS_SHARE, max_points=D(10)
    )
    dress_only = make_criterion(
        scheme,
        code="E2",
        source=CriterionSource.INSPECTIONS,
        method=CriterionMethod.PASS_SHARE,
        checklist_categories=[ViolationCategory.DRESS],
        max_points=D(4),
    )
    badge, dress = ViolationCategory.BADGE, ViolationCategory.DRESS
    first = make_submitted_inspection(unit, datetime.date(2026, 3, 2), [(badge, PASS), (dress, FAIL), (badge, NA)])
    make_submitted_inspection(unit, datetime.date(2026, 4, 2), [(badge, NA)])  # nothing counted: no ground
    make_pledge(unit=unit, period=period)

    score = score_of(unit, period)

    assert score.inspection_count == 2
    assert score.criteria_points == D("5.00")  # 10 × 1/2 (badge passed, dress failed) + 4 × 0/1
    shown = [(line["criterion"], line["detail"], line["link"]) for line in lines(score, LineKind.EVIDENCE)]
    grounds = f"/inspections/{first.pk}/"
    assert shown == [(every.code, "1/2 mục đạt", grounds), (dress_only.code, "0/1 mục đạt", grounds)]
