"""Decision services: who drafts and signs, competence as data, one award per achievement, signed is read-only."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from emulation.council.models.nominations import Nomination, NominationStatus
from emulation.decisions.services import (
    add_recipients_from_nominations,
    draft_decision,
    remove_recipient,
    sign_decision,
)
from emulation.models import Authority, AwardForm, DecisionStatus, Title
from tests.emulation.decisions.recipients import add_eligible
from tests.emulation.factories import make_eligible, make_period
from tests.factories import make_person, make_unit
from units.models import Kind, Level

pytestmark = pytest.mark.django_db

SIGNED_ON = datetime.date(2027, 1, 15)


def authority(code):
    return Authority.objects.get(code=code)


def title(code):
    return Title.objects.get(code=code)


@pytest.fixture
def period():
    return make_period()


@pytest.fixture
def decision(tree, personas, period):
    return draft_decision(by=personas.secretary, unit=tree.province, authority=authority("CT_UBND_TINH"), period=period)


def sign(decision, by, number="15/QĐ-UBND", on=SIGNED_ON):
    return sign_decision(
        decision=decision, by=by, number=number, decided_on=on, signer_name="Hồ Văn Mười", signer_position="Chủ tịch"
    )


def test_the_secretary_drafts_a_decision_and_staff_cannot(tree, personas, period):
    decision = draft_decision(
        by=personas.secretary, unit=tree.province, authority=authority("CT_UBND_TINH"), period=period
    )
    assert decision.status == DecisionStatus.DRAFT and decision.number == ""
    with pytest.raises(PermissionDenied):
        draft_decision(by=personas.staff, unit=tree.home, authority=authority("GD_SO"), period=period)


def test_a_body_cannot_act_as_an_authority_of_another_level(tree, personas, period):
    with pytest.raises(ValidationError) as error:
        draft_decision(by=personas.secretary, unit=tree.home, authority=authority("CT_UBND_TINH"), period=period)
    assert "Sở Nội vụ không ban hành quyết định với thẩm quyền “Chủ tịch UBND tỉnh”" in error.value.messages[0]


def test_a_second_award_of_the_same_title_in_the_year_is_refused_naming_the_decision_that_holds_it(
    tree, personas, period, decision
):
    person = make_person(unit=tree.sub)
    add_eligible(decision=decision, by=personas.secretary, person=person, title=title("CSTD_TINH"))
    sign(decision, personas.administrator)
    other = draft_decision(
        by=personas.secretary, unit=tree.province, authority=authority("CT_UBND_TINH"), period=period
    )
    with pytest.raises(ValidationError) as error:
        add_eligible(decision=other, by=personas.secretary, person=person, title=title("CSTD_TINH"))
    message = error.value.messages[0]
    assert f"{person.full_name} đã được tặng “Chiến sĩ thi đua cấp tỉnh” năm 2026" in message
    assert "15/QĐ-UBND" in message and "một thành tích chỉ được khen thưởng một lần" in message
    assert other.awards.count() == 0


def test_a_commune_chair_cannot_grant_the_provincial_chairs_bang_khen(tree, personas, period):
    commune = make_unit(parent=tree.province, level=Level.COMMUNE, kind=Kind.PEOPLES_COMMITTEE, name="UBND xã Đắk Sắk")
    decision = draft_decision(by=personas.secretary, unit=commune, authority=authority("CT_UBND_XA"), period=period)
    with pytest.raises(ValidationError) as error:
        add_eligible(
            decision=decision,
            by=personas.secretary,
            person=make_person(unit=commune),
            award_form=AwardForm.objects.get(code="BK_TINH"),
        )
    assert (
        "Chủ tịch UBND xã, phường, đặc khu không có thẩm quyền tặng “Bằng khen của Chủ tịch UBND tỉnh”"
        in (error.value.messages[0])
    )
    add_eligible(
        decision=decision,
        by=personas.secretary,
        person=make_person(unit=commune),
        award_form=AwardForm.objects.get(code="GK_XA"),
    )
    assert decision.awards.count() == 1


def test_a_department_head_grants_only_to_the_department(tree, personas, period):
    decision = draft_decision(by=personas.secretary, unit=tree.home, authority=authority("GD_SO"), period=period)
    with pytest.raises(ValidationError) as error:
        add_eligible(decision=decision, by=personas.secretary, person=make_person(unit=tree.other), title=title("LDTT"))
    assert "không thuộc phạm vi của Sở Nội vụ" in error.value.messages[0]


def test_a_collective_title_goes_to_a_unit_not_a_person(tree, personas, decision):
    with pytest.raises(ValidationError) as error:
        add_eligible(decision=decision, by=personas.secretary, person=make_person(unit=tree.sub), title=title("TTLDXS"))
    assert "không dành cho cá nhân" in error.value.messages[0]
    award = add_eligible(decision=decision, by=personas.secretary, unit=tree.sub, title=title("TTLDXS"))
    assert award.recipient == tree.sub


def make_nomination(period, person, status, by, code="CSTD_TINH"):
    return Nomination.objects.create(
        period=period,
        title=title(code),
        person=person,
        unit=person.unit,
        proposed_by=by,
        achievement_report="Ba năm liền Chiến sĩ thi đua cơ sở; sáng kiến cấp tỉnh.",
        status=status,
    )


def test_only_approved_nominations_become_recipients_all_or_none(tree, personas, period, decision):
    approved = make_nomination(period, make_person(unit=tree.sub), NominationStatus.APPROVED, personas.unit_head)
    rejected = make_nomination(period, make_person(unit=tree.sub), NominationStatus.REJECTED, personas.unit_head)
    make_eligible(period, approved.title, person=approved.person)
    with pytest.raises(ValidationError) as error:
        add_recipients_from_nominations(decision=decision, nominations=[approved, rejected], by=personas.secretary)
    assert "chưa được Hội đồng thông qua" in error.value.messages[0]
    assert decision.awards.count() == 0
    (award,) = add_recipients_from_nominations(decision=decision, nominations=[approved], by=personas.secretary)
    assert award.nomination == approved and award.person == approved.person
    assert award.achievement.startswith("Ba năm liền")
    with pytest.raises(ValidationError):
        add_recipients_from_nominations(decision=decision, nominations=[approved], by=personas.secretary)


def test_signing_records_number_date_and_signer_and_makes_the_decision_read_only(tree, personas, decision):
    award = add_eligible(decision=decision, by=personas.secretary, unit=tree.sub, title=title("TTLDXS"))
    with pytest.raises(PermissionDenied):
        sign(decision, personas.secretary)
    sign(decision, personas.administrator)
    decision.refresh_from_db()
    assert (decision.status, decision.number, decision.decided_on) == ("signed", "15/QĐ-UBND", SIGNED_ON)
    assert str(decision) == "Quyết định số 15/QĐ-UBND ngày 15/01/2027"
    for attempt in (
        lambda: add_eligible(decision=decision, by=personas.administrator, unit=tree.home, title=title("TTLDXS")),
        lambda: remove_recipient(award=award, by=personas.administrator),
        lambda: sign(decision, personas.administrator, number="16/QĐ-UBND"),
    ):
        with pytest.raises(ValidationError) as error:
            attempt()
        assert "đã ký ban hành" in error.value.messages[0]
    assert decision.awards.count() == 1


def test_an_empty_decision_or_a_number_already_used_that_year_cannot_be_signed(tree, personas, period, decision):
    with pytest.raises(ValidationError) as error:
        sign(decision, personas.administrator)
    assert "chưa có người được khen thưởng" in error.value.messages[0]
    add_eligible(decision=decision, by=personas.secretary, unit=tree.sub, title=title("TTLDXS"))
    sign(decision, personas.administrator)
    other = draft_decision(
        by=personas.secretary, unit=tree.province, authority=authority("CT_UBND_TINH"), period=period
    )
    add_eligible(decision=other, by=personas.secretary, unit=tree.home, title=title("TTLDXS"))
    with pytest.raises(ValidationError) as error:
        sign(other, personas.administrator)
    assert "Số 15/QĐ-UBND đã được Tỉnh Đắk Nông dùng trong năm 2027" in error.value.messages[0]
    sign(other, personas.administrator, on=datetime.date(2028, 1, 10))  # numbering restarts each year


def test_competence_is_checked_again_on_the_signing_date(tree, personas):
    period = make_period(starts_on=datetime.date(2025, 1, 1), ends_on=datetime.date(2025, 12, 31))
    commune = make_unit(parent=tree.province, level=Level.COMMUNE, kind=Kind.PEOPLES_COMMITTEE)
    decision = draft_decision(by=personas.secretary, unit=commune, authority=authority("CT_UBND_XA"), period=period)
    add_eligible(decision=decision, by=personas.secretary, person=make_person(unit=commune), title=title("CSTDCS"))
    # the commune chair's powers start on 01/07/2025 (ND 129/2025): a signature dated before is refused
    with pytest.raises(ValidationError) as error:
        sign(decision, personas.administrator, on=datetime.date(2025, 3, 1))
    assert (
        "không có thẩm quyền tặng “Chiến sĩ thi đua cơ sở” (theo danh mục thẩm quyền hiệu lực ngày 01/03/2025)"
        in (error.value.messages[0])
    )
    sign(decision, personas.administrator, on=datetime.date(2025, 12, 20))


def test_the_district_chairs_powers_ended_on_30_june_2025(tree, personas):
    district = make_unit(
        parent=tree.province, level=Level.DISTRICT, kind=Kind.PEOPLES_COMMITTEE, name="UBND huyện Krông Nô"
    )
    period = make_period()
    decision = draft_decision(by=personas.secretary, unit=district, authority=authority("CT_UBND_HUYEN"), period=period)
    with pytest.raises(ValidationError) as error:
        add_eligible(decision=decision, by=personas.secretary, person=make_person(unit=district), title=title("LDTT"))
    assert (
        "Chủ tịch UBND huyện (đến 30/06/2025) không có thẩm quyền tặng “Lao động tiên tiến”" in error.value.messages[0]
    )


def test_a_residential_culture_title_is_not_granted_to_a_person_or_a_collective_of_the_tree(tree, personas, period):
    commune = make_unit(parent=tree.province, level=Level.COMMUNE, kind=Kind.PEOPLES_COMMITTEE)
    decision = draft_decision(by=personas.secretary, unit=commune, authority=authority("CT_UBND_XA"), period=period)
    with pytest.raises(ValidationError):
        add_eligible(decision=decision, by=personas.secretary, unit=commune, title=title("THON_VH"))


def test_a_person_moved_by_a_reorganisation_is_still_awarded_by_the_body_they_registered_under(tree, personas, period):
    """Sở Nội vụ's year: its staff moved to Sở Tài chính since (a merger), yet the award is for that year's work."""
    from emulation.pledges.models import Registration
    from tests.emulation.factories import make_pledge

    moved, stranger = make_person(unit=tree.home), make_person(unit=tree.home)
    Registration.objects.create(pledge=make_pledge(unit=tree.home, period=period), person=moved, title=title("LDTT"))
    for person in (moved, stranger):
        person.unit = tree.other
        person.save()
    decision = draft_decision(by=personas.secretary, unit=tree.home, authority=authority("GD_SO"), period=period)
    giay_khen = AwardForm.objects.get(code="GK_SO")

    add_eligible(decision=decision, by=personas.secretary, person=moved, award_form=giay_khen)

    assert decision.awards.get().person == moved
    with pytest.raises(ValidationError, match="không thuộc phạm vi của Sở Nội vụ"):
        add_eligible(decision=decision, by=personas.secretary, person=stranger, award_form=giay_khen)
