"""On a 390-px phone: a council member opens the ballot from the home page, taps a big button, and sees that the
vote was taken — and the choice is not shown back (a secret ballot)."""

import pytest
from django.urls import reverse

from emulation.council import sessions as services
from emulation.council.ballots import box as ballot_box
from emulation.models import BallotParticipation
from tests.e2e.conftest import browser, log_in, phone  # noqa: F401  (fixtures)
from tests.emulation.council.helpers import make_council, make_nomination, make_rule, members, open_session_with
from tests.factories import make_person

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_member_votes_from_a_phone(phone, tree):  # noqa: F811
    nomination = make_nomination(person=make_person(unit=tree.other, full_name="Nguyễn Thị Hương Trà"))
    council = make_council(tree.province, size=4)
    make_rule(nomination.title, secret=True)
    session = open_session_with(council, nomination, present=4)
    ballot = services.open_ballot(session=session, nomination=nomination, by=council.secretary)
    member = members(council)[1]
    log_in(phone, member.user.email)
    phone.goto(reverse("home"))
    phone.get_by_text("Phiếu chờ bạn biểu quyết").click()
    phone.wait_for_url(f"**{reverse('emulation:ballot_vote', args=[ballot.pk])}")
    assert phone.get_by_test_id("nominee").inner_text() == "Nguyễn Thị Hương Trà"
    button = phone.get_by_role("button", name="Đồng ý", exact=True)
    assert button.bounding_box()["height"] >= 60 and button.bounding_box()["width"] >= 300
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    button.click()
    assert "Phiếu đã ghi không sửa được" in phone.get_by_test_id("confirm-vote").inner_text()
    assert not BallotParticipation.objects.filter(ballot=ballot).exists()
    phone.get_by_role("button", name="Xác nhận bỏ phiếu").click()
    phone.get_by_test_id("voted").wait_for()
    assert "Đã ghi nhận phiếu của bạn" in phone.content()
    assert "Đồng ý" not in phone.get_by_test_id("voted").inner_text()
    assert BallotParticipation.objects.filter(ballot=ballot, member=member).exists()
    assert ballot_box.open_papers(ballot) == ["agree"]
