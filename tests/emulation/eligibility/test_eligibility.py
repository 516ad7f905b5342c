"""Hand-computed cases from the texts' numbers (Law 06/2022 Điều 22–28, ND 152/2025 Điều 4), seeded rule set."""

import datetime

import pytest

from emulation.models import Score, TitleHistory
from tests.emulation.eligibility.helpers import (
    YEAR,
    discipline,
    failed,
    initiative,
    make_team,
    rate,
    reasons,
    register,
    result,
    title,
)
from tests.emulation.factories import make_period
from tests.factories import make_bloc

pytestmark = pytest.mark.django_db


@pytest.fixture
def period():
    return make_period()


def test_lao_dong_tien_tien_is_met_at_hoan_thanh_tot(period):
    _, (person,), pledge = make_team(period, 1, rating="httnv")
    register(pledge, person, "LDTT")
    res = result(period, person=person, code="LDTT")
    assert res.met
    assert "Xếp loại năm 2026: Hoàn thành tốt nhiệm vụ" in reasons(res)


def test_lao_dong_tien_tien_is_not_met_at_hoan_thanh(period):
    _, (person,), pledge = make_team(period, 1, rating="htnv")
    register(pledge, person, "LDTT")
    res = result(period, person=person, code="LDTT")
    assert not res.met
    assert failed(res) == ["min_rating"]
    assert "Hoàn thành nhiệm vụ (yêu cầu từ Hoàn thành tốt nhiệm vụ)" in reasons(res)


def test_chien_si_co_so_with_excellent_rating_is_met(period):
    _, (person,), pledge = make_team(period, 1, rating="htxsnv")
    register(pledge, person, "CSTDCS")
    assert result(period, person=person, code="CSTDCS").met


def test_chien_si_co_so_with_good_rating_and_a_recognised_initiative_is_met(period):
    _, (person,), pledge = make_team(period, 1, rating="httnv")
    initiative(person)
    register(pledge, person, "CSTDCS")
    res = result(period, person=person, code="CSTDCS")
    assert res.met
    assert "Có sáng kiến “Số hóa hồ sơ một cửa” được công nhận cấp cơ sở ngày 01/06/2026" in reasons(res)


def test_chien_si_co_so_without_excellence_or_initiative_is_not_met(period):
    _, (person,), pledge = make_team(period, 1, rating="httnv")
    initiative(person, on=datetime.date(YEAR - 1, 6, 1))  # last year's initiative does not count
    register(pledge, person, "CSTDCS")
    res = result(period, person=person, code="CSTDCS")
    assert not res.met
    assert failed(res) == ["rating_or_initiative"]


def test_chien_si_co_so_needs_lao_dong_tien_tien_first(period):
    _, (person,), pledge = make_team(period, 1, rating="htxsnv")
    discipline(person, "khien_trach", datetime.date(YEAR, 3, 2))
    register(pledge, person, "CSTDCS")
    res = result(period, person=person, code="CSTDCS")
    assert failed(res) == ["prerequisite_title"]
    assert "Chưa đạt tiêu chuẩn Lao động tiên tiến năm 2026" in reasons(res)


def test_tap_the_tien_tien_with_exactly_70_percent_lao_dong_tien_tien_is_met(period):
    unit, people, _ = make_team(period, 10, target="TTLDTT")
    for person in people[7:]:
        rate(person, "htnv")
    res = result(period, unit=unit, code="TTLDTT")
    assert res.met
    assert "7/10 thành viên (70,0 %) đạt Lao động tiên tiến; yêu cầu từ 70,0 %" in reasons(res)


def test_tap_the_tien_tien_with_60_percent_lao_dong_tien_tien_is_not_met(period):
    unit, people, _ = make_team(period, 10, target="TTLDTT")
    for person in people[6:]:
        rate(person, "htnv")
    res = result(period, unit=unit, code="TTLDTT")
    assert not res.met
    assert failed(res) == ["member_share_with_title"]


def test_a_member_warned_bars_tap_the_tien_tien_with_the_date_in_the_reason(period):
    unit, people, _ = make_team(period, 10, target="TTLDTT")
    discipline(people[0], "canh_cao", datetime.date(YEAR, 5, 12))
    res = result(period, unit=unit, code="TTLDTT")
    assert not res.met
    assert failed(res) == ["no_member_discipline"]
    assert (
        "Một thành viên bị kỷ luật cảnh cáo ngày 12/05/2026 — không đủ điều kiện Tập thể lao động tiên tiến"
        in reasons(res)
    )


def test_a_member_reprimanded_does_not_bar_tap_the_tien_tien_below_the_warning_threshold(period):
    unit, people, _ = make_team(period, 10, target="TTLDTT")
    discipline(people[0], "khien_trach", datetime.date(YEAR, 5, 12))
    res = result(period, unit=unit, code="TTLDTT")
    assert res.met  # 9/10 still Lao động tiên tiến, and khiển trách is below cảnh cáo
    assert "9/10 thành viên (90,0 %)" in reasons(res)


def make_excellent_collective(period):
    """10 members: 7 rated 'tốt' or better (one 'xuất sắc' → CSTĐCS), 3 'hoàn thành'; the unit 'xuất sắc'."""
    unit, people, _ = make_team(period, 10, target="TTLDXS", unit_rating="htxsnv")
    rate(people[0], "htxsnv")
    for person in people[7:]:
        rate(person, "htnv")
    return unit, people


def test_tap_the_xuat_sac_with_all_complete_70_percent_and_one_chien_si_is_met(period):
    unit, _ = make_excellent_collective(period)
    res = result(period, unit=unit, code="TTLDXS")
    assert res.met, reasons(res)
    assert "1 thành viên đạt Chiến sĩ thi đua cơ sở" in reasons(res)


def test_tap_the_xuat_sac_fails_when_one_member_did_not_complete_tasks(period):
    unit, people = make_excellent_collective(period)
    rate(people[9], "khtnv")
    res = result(period, unit=unit, code="TTLDXS")
    assert failed(res) == ["member_share_min_rating"]
    assert "9/10 thành viên (90,0 %) xếp loại từ Hoàn thành nhiệm vụ; yêu cầu từ 100,0 %" in reasons(res)


def test_tap_the_xuat_sac_fails_without_a_chien_si_thi_dua_co_so(period):
    unit, people = make_excellent_collective(period)
    rate(people[0], "httnv")
    res = result(period, unit=unit, code="TTLDXS")
    assert failed(res) == ["min_members_with_title"]


def test_chien_si_tinh_needs_three_consecutive_years_of_chien_si_co_so(period):
    _, (person,), pledge = make_team(period, 1, rating="htxsnv")
    initiative(person, level="tinh")
    register(pledge, person, "CSTD_TINH")
    for year in (YEAR - 1, YEAR - 2):
        TitleHistory.objects.create(person=person, title=title("CSTDCS"), year=year)
    assert result(period, person=person, code="CSTD_TINH").met


def test_a_gap_or_a_revoked_year_breaks_the_consecutive_run(period):
    _, (person,), pledge = make_team(period, 1, rating="htxsnv")
    initiative(person, level="tinh")
    register(pledge, person, "CSTD_TINH")
    TitleHistory.objects.create(person=person, title=title("CSTDCS"), year=YEAR - 1)
    TitleHistory.objects.create(
        person=person, title=title("CSTDCS"), year=YEAR - 2, revoked_on=datetime.date(YEAR, 2, 1)
    )
    TitleHistory.objects.create(person=person, title=title("CSTDCS"), year=YEAR - 3)
    res = result(period, person=person, code="CSTD_TINH")
    assert failed(res) == ["consecutive_years"]
    assert "Thiếu danh hiệu Chiến sĩ thi đua cơ sở năm 2024" in reasons(res)


def test_the_provincial_flag_goes_only_to_the_bloc_leader(period):
    leader, _, _ = make_team(period, 2, target="CO_TINH", unit_rating="htxsnv")
    second, _, _ = make_team(period, 2, target="CO_TINH", unit_rating="htxsnv")
    bloc = make_bloc(period, [leader, second], name="Khối các sở")
    Score.objects.create(unit=leader, period=period, bloc=bloc, rank=1)
    Score.objects.create(unit=second, period=period, bloc=bloc, rank=2)
    assert result(period, unit=leader, code="CO_TINH").met
    res = result(period, unit=second, code="CO_TINH", run=False)
    assert failed(res) == ["bloc_leader"]
    assert "Xếp thứ 2 trong Khối các sở" in reasons(res)
