"""The database itself keeps one active award per recipient, title and year, and exactly one recipient and one
thing awarded per row."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from emulation.models import Authority, AwardForm, AwardStatus, Revocation, Title
from tests.factories import make_award, make_decision, make_person, make_unit, make_user

pytestmark = pytest.mark.django_db


def revoke_directly(award):
    revocation = Revocation.objects.create(
        award=award,
        reason="Kê khai không trung thực",
        number="3/QĐ-UBND",
        decided_on=datetime.date(2027, 3, 1),
        authority=Authority.objects.get(code="CT_UBND_TINH"),
        revoked_by=make_user(),
    )
    award.status, award.revocation = AwardStatus.REVOKED, revocation
    award.save()


def test_a_second_active_award_of_the_same_title_to_the_same_person_in_the_same_period_is_refused():
    decision = make_decision()
    first = make_award(decision)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_award(make_decision(period=decision.period), person=first.person)


def test_a_second_active_award_of_the_same_title_to_the_same_unit_in_the_same_year_is_refused():
    decision, unit = make_decision(), make_unit()
    make_award(decision, unit=unit, title=Title.objects.get(code="TTLDTT"))
    with pytest.raises(IntegrityError), transaction.atomic():
        make_award(make_decision(period=decision.period), unit=unit, title=Title.objects.get(code="TTLDTT"))


def test_a_revoked_award_does_not_block_a_corrected_re_award():
    decision = make_decision()
    first = make_award(decision)
    revoke_directly(first)
    second = make_award(make_decision(period=decision.period), person=first.person)
    assert second.status == AwardStatus.ACTIVE


def test_another_title_or_another_person_is_not_blocked():
    decision = make_decision()
    first = make_award(decision)
    make_award(decision, person=first.person, title=Title.objects.get(code="CSTDCS"))
    make_award(decision)


def test_an_award_needs_exactly_one_recipient():
    decision = make_decision()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_award(decision, person=make_person(), unit=make_unit())
    with pytest.raises(IntegrityError), transaction.atomic():
        make_award(decision, person=None, unit=None)


def test_an_award_is_either_a_title_or_an_award_form():
    decision = make_decision()
    form = AwardForm.objects.get(code="BK_TINH")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_award(decision, title=Title.objects.get(code="LDTT"), award_form=form)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_award(decision, title=None, award_form=None)


def test_the_same_award_form_twice_to_one_person_in_one_decision_is_refused_but_in_another_decision_allowed():
    decision = make_decision()
    form = AwardForm.objects.get(code="BK_TINH")
    first = make_award(decision, award_form=form)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_award(decision, person=first.person, award_form=form)
    make_award(make_decision(period=decision.period), person=first.person, award_form=form)


def test_a_decision_number_is_unique_for_its_body_and_year():
    decision = make_decision(status="signed", number="15/QĐ-UBND")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_decision(status="signed", number="15/QĐ-UBND", unit=decision.unit)
    make_decision(status="signed", number="15/QĐ-UBND")  # another commune's "15/QĐ-UBND"


def test_an_issued_decision_has_a_number_and_a_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_decision(status="signed", number="")
