"""Configurable rules: provincial quota and rounding, registration on/off, holds, discipline periods, later changes."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from emulation.eligibility.engine import quota_for, run_eligibility
from emulation.models import ConditionKind, EligibilityResult, Quota, TitleCondition
from emulation.titles.catalogue import copy_rule_set
from evaluations.inspections.violations import change_violation_status
from evaluations.models import DisciplineRecord, InvestigationHold, ViolationStatus
from evaluations.records.services import save_record
from tests.emulation.eligibility.helpers import (
    YEAR,
    discipline,
    failed,
    initiative,
    make_team,
    national,
    reasons,
    register,
    result,
    title,
)
from tests.emulation.factories import make_period
from tests.factories import make_person, make_user, make_violation, make_violation_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def period():
    return make_period()


def provincial_rules(**quota):
    """The national rules copied as a province's own, in force later, optionally with a CSTĐCS quota row."""
    rule_set = copy_rule_set(
        source=national(),
        code="DNO-2025",
        name="Quy định thi đua, khen thưởng tỉnh Đắk Nông",
        issuer="UBND tỉnh Đắk Nông",
        legal_basis="QĐ …/2025/QĐ-UBND",
        effective_from=datetime.date(2025, 12, 15),
    )
    if quota:
        TitleCondition.objects.create(
            rule_set=rule_set,
            title=title("CSTDCS"),
            kind=ConditionKind.QUOTA,
            position=99,
            legal_basis="QĐ …/2025/QĐ-UBND, Điều 9",
            effective_from=datetime.date(2025, 12, 15),
            **quota,
        )
    return rule_set


@pytest.mark.parametrize(("rounding", "expected"), [("down", 3), ("half_up", 3), ("up", 4)])
def test_a_15_percent_quota_of_23_staff_rounds_as_the_data_says(rounding, expected):
    condition = TitleCondition(number=15, rounding=rounding)
    assert quota_for(condition=condition, base=23) == expected


@pytest.mark.parametrize(("rounding", "quota"), [("down", 3), ("up", 4)])
def test_four_candidates_see_the_quota_of_23_staff_as_the_rounding_says(period, rounding, quota):
    """The quota is the council's to apply by votes: the line says how many places for how many candidates."""
    provincial_rules(number=15, quota_base="headcount", rounding=rounding)
    unit, people, pledge = make_team(period, 23, rating="htxsnv")
    for person in people[:4]:
        register(pledge, person, "CSTDCS")
    res = result(period, person=people[0], code="CSTDCS")
    assert res.met
    quota_line = res.checks.get(kind="quota").reason
    assert f"{quota} suất / 4 người đủ điều kiện (15,0 % của 23 người của {unit.name}" in quota_line
    assert Quota.objects.get(period=period, unit=unit, title__code="CSTDCS").number == quota


def test_without_a_quota_row_chien_si_co_so_has_no_cap(period):
    _, people, pledge = make_team(period, 23, rating="htxsnv")
    for person in people:
        register(pledge, person, "CSTDCS")
    run_eligibility(period=period)
    assert EligibilityResult.objects.filter(period=period, title__code="CSTDCS", met=True).count() == 23


def test_a_draft_pledge_is_no_registration_when_the_rule_asks_for_one(period):
    _, (person,), pledge = make_team(period, 1, status="draft")
    register(pledge, person, "LDTT")
    res = result(period, person=person, code="LDTT")
    assert failed(res) == ["registered"]
    assert "Chưa đăng ký thi đua" in reasons(res)


def test_a_province_without_the_registration_rule_does_not_ask_for_one(period):
    rules = provincial_rules()
    rules.conditions.filter(kind=ConditionKind.REGISTERED).delete()
    _, (person,), pledge = make_team(period, 1, status="draft")
    register(pledge, person, "LDTT")
    assert result(period, person=person, code="LDTT").met


def test_an_open_investigation_holds_the_award_and_a_closed_one_does_not(period):
    _, (person,), pledge = make_team(period, 1)
    register(pledge, person, "LDTT")
    hold = InvestigationHold.objects.create(person=person, starts_on=datetime.date(YEAR, 3, 1), reason="Đơn tố cáo")
    res = result(period, person=person, code="LDTT")
    assert failed(res) == ["not_under_investigation"]
    assert "Đang bị xem xét từ ngày 01/03/2026: Đơn tố cáo — chưa xét khen thưởng" in reasons(res)
    hold.ends_on, hold.outcome = datetime.date(YEAR, 4, 1), "Không có vi phạm"
    hold.save()
    assert result(period, person=person, code="LDTT").met


def test_achievement_counts_only_after_the_discipline_period_ends(period):
    _, (person,), pledge = make_team(period, 1)
    register(pledge, person, "LDTT")
    record = discipline(person, "khien_trach", datetime.date(YEAR - 1, 6, 1), ends_on=datetime.date(YEAR, 5, 31))
    res = result(period, person=person, code="LDTT")
    assert failed(res) == ["discipline_period_ended"]
    assert "thành tích chỉ được tính từ sau ngày 31/05/2026" in reasons(res)
    record.ends_on = datetime.date(YEAR - 1, 12, 31)
    record.save()
    assert result(period, person=person, code="LDTT").met


def test_a_discipline_back_dated_into_the_period_re_opens_a_met_result(period, django_capture_on_commit_callbacks):
    unit, people, _ = make_team(period, 10, target="TTLDTT")
    assert result(period, unit=unit, code="TTLDTT").met
    record = DisciplineRecord(person=people[3], form="canh_cao", decided_on=datetime.date(YEAR, 2, 12))
    with django_capture_on_commit_callbacks(execute=True):
        save_record(record=record, by=make_user())
    res = result(period, unit=unit, code="TTLDTT", run=False)
    assert not res.met and not res.stale
    assert "Một thành viên bị kỷ luật cảnh cáo ngày 12/02/2026" in reasons(res)
    assert not result(period, person=people[3], code="LDTT", run=False).met


def test_a_violation_upheld_later_re_opens_the_persons_result(period, django_capture_on_commit_callbacks):
    unit, (person,), pledge = make_team(period, 1)
    register(pledge, person, "LDTT")
    assert result(period, person=person, code="LDTT").met
    barring = make_violation_type(name="Uống rượu, bia trong giờ làm việc", bars_person_titles=True)
    when = datetime.datetime(YEAR, 4, 9, 11, 30, tzinfo=datetime.UTC)
    violation = make_violation(unit=unit, person=person, type=barring, occurred_at=when)
    with django_capture_on_commit_callbacks(execute=True):
        change_violation_status(violation=violation, to_status=ViolationStatus.UPHELD, by=make_user())
    res = result(period, person=person, code="LDTT", run=False)
    assert failed(res) == ["no_barring_violation"]
    assert "Vi phạm “Uống rượu, bia trong giờ làm việc” ngày 09/04/2026 đã được giữ nguyên" in reasons(res)
    assert res.checks.get(kind="no_barring_violation").evidence_url.endswith(f"/violations/{violation.pk}/")


def test_the_engine_reads_in_a_fixed_number_of_queries_whatever_the_headcount():
    """Only the bulk inserts may split into batches as rows grow; every read is set-wise."""

    def reads_for(size):
        period = make_period()
        make_team(period, size, target="TTLDXS", unit_rating="htxsnv")
        with CaptureQueriesContext(connection) as ctx:
            run_eligibility(period=period)
        return sum(q["sql"].lstrip().upper().startswith("SELECT") for q in ctx.captured_queries)

    assert reads_for(30) == reads_for(3)


def test_a_person_of_another_unit_does_not_count_as_a_member(period):
    unit, people, _ = make_team(period, 10, target="TTLDTT")
    make_person()  # elsewhere in the tree
    res = result(period, unit=unit, code="TTLDTT")
    assert "10/10 thành viên" in reasons(res)


def test_signed_awards_count_for_consecutive_years_and_a_revoked_one_does_not(
    period, django_capture_on_commit_callbacks
):
    from emulation.decisions.revocation import revoke_award
    from tests.factories import make_award, make_decision

    _, (person,), pledge = make_team(period, 1, rating="htxsnv")
    initiative(person, level="tinh")
    register(pledge, person, "CSTD_TINH")
    awards = []
    for year in (YEAR - 1, YEAR - 2):
        earlier = make_period(starts_on=datetime.date(year, 1, 1), ends_on=datetime.date(year, 12, 31))
        decision = make_decision(period=earlier, status="signed")
        awards.append(make_award(decision, person=person, title=title("CSTDCS")))
    assert result(period, person=person, code="CSTD_TINH").met
    with django_capture_on_commit_callbacks(execute=True):
        revoke_award(
            award=awards[1],
            by=make_user(is_superuser=True),
            reason="Kê khai thành tích không trung thực",
            number="9/QĐ-UBND",
            decided_on=datetime.date(YEAR, 3, 1),
        )
    res = result(period, person=person, code="CSTD_TINH", run=False)
    assert not res.met and not res.stale
    assert "Thiếu danh hiệu Chiến sĩ thi đua cơ sở năm 2024" in reasons(res)


def test_a_rating_corrected_later_re_opens_the_result(period, django_capture_on_commit_callbacks):
    from evaluations.models import AnnualRating

    _, (person,), pledge = make_team(period, 1, rating="httnv")
    register(pledge, person, "LDTT")
    assert result(period, person=person, code="LDTT").met
    rating = AnnualRating.objects.get(person=person, year=YEAR)
    rating.rating = "htnv"
    with django_capture_on_commit_callbacks(execute=True):
        save_record(record=rating, by=make_user())
    assert failed(result(period, person=person, code="LDTT", run=False)) == ["min_rating"]
