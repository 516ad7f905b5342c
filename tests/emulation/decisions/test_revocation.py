"""Revocation (Law 2022 Chương VII): one award or a whole decision is annulled with its reason and annulling
decision, by the authority that awarded; what depended on it is counted again."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from emulation.decisions.revocation import annul_decision, revoke_award
from emulation.decisions.services import draft_decision, sign_decision
from emulation.models import Authority, AwardStatus, DecisionStatus, Title
from tests.emulation.decisions.recipients import add_eligible
from tests.emulation.eligibility.helpers import YEAR, initiative, make_team, rate, reasons, register, result
from tests.emulation.factories import make_period
from tests.factories import make_person

pytestmark = pytest.mark.django_db

ANNULLED_ON = datetime.date(2027, 5, 4)


def title(code):
    return Title.objects.get(code=code)


def signed_decision(by_secretary, by_admin, unit, authority_code, period, grants, number="15/QĐ-UBND", on=None):
    """A signed decision of `unit` granting each (person or unit, title code) of `grants`."""
    decision = draft_decision(
        by=by_secretary, unit=unit, authority=Authority.objects.get(code=authority_code), period=period
    )
    for recipient, code in grants:
        who = {"person": recipient} if hasattr(recipient, "full_name") else {"unit": recipient}
        add_eligible(decision=decision, by=by_secretary, title=title(code), **who)
    on = on or datetime.date(period.ends_on.year + 1, 1, 15)
    return sign_decision(
        decision=decision, by=by_admin, number=number, decided_on=on, signer_name="Hồ Văn Mười", signer_position="CT"
    )


@pytest.fixture
def period():
    return make_period()


@pytest.fixture
def granted(tree, personas, period):
    people = [make_person(unit=tree.sub) for _ in range(3)]
    decision = signed_decision(
        personas.secretary,
        personas.administrator,
        tree.province,
        "CT_UBND_TINH",
        period,
        [(person, "CSTD_TINH") for person in people],
    )
    return decision, people


def test_revoking_one_award_keeps_the_rest_of_the_decision_and_records_reason_and_annulling_decision(personas, granted):
    decision, people = granted
    award = decision.awards.get(person=people[0])
    revoke_award(
        award=award,
        by=personas.administrator,
        reason="Kê khai thành tích không trung thực",
        number="40/QĐ-UBND",
        decided_on=ANNULLED_ON,
    )
    award.refresh_from_db()
    assert award.status == AwardStatus.REVOKED
    assert award.revocation.number == "40/QĐ-UBND" and award.revocation.authority.code == "CT_UBND_TINH"
    assert award.revocation.reason == "Kê khai thành tích không trung thực"
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.SIGNED
    assert decision.awards.filter(status=AwardStatus.ACTIVE).count() == 2
    with pytest.raises(ValidationError) as error:
        revoke_award(
            award=award, by=personas.administrator, reason="Lần nữa", number="41/QĐ-UBND", decided_on=ANNULLED_ON
        )
    assert "Chỉ thu hồi được khen thưởng còn hiệu lực" in error.value.messages[0]


def test_a_revoked_award_allows_a_corrected_re_award_through_the_service(tree, personas, period, granted):
    decision, people = granted
    revoke_award(
        award=decision.awards.get(person=people[0]),
        by=personas.administrator,
        reason="Sai đối tượng",
        number="40/QĐ-UBND",
        decided_on=ANNULLED_ON,
    )
    again = signed_decision(
        personas.secretary,
        personas.administrator,
        tree.province,
        "CT_UBND_TINH",
        period,
        [(people[0], "CSTD_TINH")],
        number="41/QĐ-UBND",
        on=ANNULLED_ON,
    )
    assert again.awards.get().status == AwardStatus.ACTIVE


def test_annulling_a_decision_revokes_every_award_each_showing_the_annulling_decision(personas, granted):
    decision, _ = granted
    annul_decision(
        decision=decision,
        by=personas.administrator,
        reason="Quy trình bình xét không đúng quy định",
        number="52/QĐ-UBND",
        decided_on=ANNULLED_ON,
    )
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.ANNULLED
    awards = list(decision.awards.select_related("revocation"))
    assert [a.status for a in awards] == [AwardStatus.REVOKED] * 3
    assert {str(a.revocation) for a in awards} == {"Quyết định hủy bỏ số 52/QĐ-UBND ngày 04/05/2027"}
    with pytest.raises(ValidationError) as error:
        annul_decision(decision=decision, by=personas.administrator, reason="x", number="53", decided_on=ANNULLED_ON)
    assert "Chỉ hủy bỏ được quyết định đã ký ban hành" in error.value.messages[0]


def test_only_the_authority_that_awarded_annuls_and_only_an_administrator_records_it(personas, granted):
    decision, _ = granted
    kwargs = {"decision": decision, "reason": "Vi phạm", "number": "52/QĐ-UBND", "decided_on": ANNULLED_ON}
    with pytest.raises(ValidationError) as error:
        annul_decision(by=personas.administrator, authority=Authority.objects.get(code="GD_SO"), **kwargs)
    assert "Chỉ Chủ tịch UBND tỉnh — thẩm quyền đã quyết định khen thưởng — mới hủy bỏ được" in error.value.messages[0]
    with pytest.raises(ValidationError) as error:
        annul_decision(by=personas.administrator, **{**kwargs, "reason": "  "})
    assert "Phải ghi rõ lý do" in error.value.messages[0]
    with pytest.raises(PermissionDenied):
        annul_decision(by=personas.secretary, **kwargs)
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.SIGNED


def test_a_draft_cannot_be_annulled_nor_its_awards_revoked(tree, personas, period):
    decision = draft_decision(
        by=personas.secretary, unit=tree.province, authority=Authority.objects.get(code="CT_UBND_TINH"), period=period
    )
    award = add_eligible(decision=decision, by=personas.secretary, unit=tree.sub, title=title("TTLDXS"))
    with pytest.raises(ValidationError):
        revoke_award(award=award, by=personas.administrator, reason="x", number="1", decided_on=ANNULLED_ON)
    with pytest.raises(ValidationError):
        annul_decision(decision=decision, by=personas.administrator, reason="x", number="1", decided_on=ANNULLED_ON)


def team_under_province(tree, period, size, **kwargs):
    """make_team's unit, moved under the province so the personas' roles reach it."""
    unit, people, pledge = make_team(period, size, **kwargs)
    unit.parent = tree.province
    unit.save()
    return unit, people, pledge


def test_a_unit_at_exactly_seventy_percent_drops_below_when_one_members_ldtt_is_revoked(
    tree, personas, period, django_capture_on_commit_callbacks
):
    unit, people, _ = team_under_province(tree, period, 10, rating="httnv", target="TTLDTT")
    for person in people[7:]:
        rate(person, "htnv")
    assert result(period, unit=unit, code="TTLDTT").met  # 7/10 = 70 %
    decision = signed_decision(
        personas.secretary,
        personas.administrator,
        unit,
        "GD_SO",
        period,
        [(person, "LDTT") for person in people[:7]],
        number="7/QĐ-SNV",
    )
    with django_capture_on_commit_callbacks(execute=True):
        revoke_award(
            award=decision.awards.get(person=people[0]),
            by=personas.administrator,
            reason="Bị kỷ luật khiển trách, phát hiện sau",
            number="9/QĐ-SNV",
            decided_on=ANNULLED_ON,
        )
    res = result(period, unit=unit, code="TTLDTT", run=False)
    assert not res.met and not res.stale
    assert "6/10 thành viên (60,0 %) đạt Lao động tiên tiến" in reasons(res)


def test_a_revoked_earlier_year_breaks_a_consecutive_run(tree, personas, period, django_capture_on_commit_callbacks):
    unit, (person,), pledge = team_under_province(tree, period, 1, rating="htxsnv")
    initiative(person, level="tinh")
    register(pledge, person, "CSTD_TINH")
    decisions = {}
    for year in (YEAR - 2, YEAR - 1):
        past = make_period(starts_on=datetime.date(year, 1, 1), ends_on=datetime.date(year, 12, 31))
        decisions[year] = signed_decision(
            personas.secretary,
            personas.administrator,
            unit,
            "GD_SO",
            past,
            [(person, "CSTDCS")],
            number=f"{year % 100}/QĐ-SNV",
        )
    assert result(period, person=person, code="CSTD_TINH").met  # 2024 and 2025 awarded, 2026 met now
    with django_capture_on_commit_callbacks(execute=True):
        annul_decision(
            decision=decisions[YEAR - 1],
            by=personas.administrator,
            reason="Sáng kiến không được công nhận",
            number="3/QĐ-SNV",
            decided_on=datetime.date(YEAR, 3, 2),
        )
    res = result(period, person=person, code="CSTD_TINH", run=False)
    assert not res.met
    assert "Thiếu danh hiệu Chiến sĩ thi đua cơ sở năm 2025" in reasons(res)
