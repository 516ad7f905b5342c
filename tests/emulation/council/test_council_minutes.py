"""The session minutes PDF (biên bản họp) and sealed results: the text a reader extracts, and a seal that holds."""

import io
import unicodedata

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from emulation.council import minutes as pdfs
from emulation.council import sessions as services
from emulation.council.ballots import voting
from emulation.models import Choice, Outcome
from tests.emulation.council.helpers import make_council, make_nomination, make_rule, members, open_session_with
from tests.factories import make_person, make_unit

pytestmark = pytest.mark.django_db


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    text = unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in reader.pages))
    return " ".join(text.split())  # lines wrapped in table cells read as one line


@pytest.fixture
def sealed_session(tree):
    """Two ballots of one session: Nguyễn Thị Hương Trà passes 8/10, Tập thể Phòng Kế hoạch fails 7/10."""
    council = make_council(tree.province, size=10, name="Hội đồng Thi đua – Khen thưởng tỉnh Đắk Nông")
    person = make_person(unit=tree.other, full_name="Nguyễn Thị Hương Trà")
    first = make_nomination(person=person)
    make_rule(first.title, pct="80")
    session = open_session_with(council, first, present=10)
    collective = make_unit(parent=tree.other, name="Phòng Kế hoạch – Đầu tư")
    second = make_nomination(unit=collective, period=first.period, title=first.title, session=session)
    second.status = "on_agenda"
    second.save()
    results = []
    for nomination, agree in [(first, 8), (second, 7)]:
        ballot = services.open_ballot(session=session, nomination=nomination, by=council.secretary)
        for index, member in enumerate(members(council)):
            choice = Choice.AGREE if index < agree else Choice.DISAGREE
            voting.cast_vote(ballot=ballot, user=member.user, choice=choice)
        results.append(voting.close_ballot(ballot=ballot, by=council.secretary))
    services.close_session(session=session, by=council.secretary)
    return session, results


def test_minutes_name_the_council_the_date_the_nominees_and_each_result(sealed_session):
    session, (passed, failed) = sealed_session
    assert (passed.outcome, failed.outcome) == (Outcome.PASSED, Outcome.FAILED)
    text = text_of(pdfs.minutes_pdf(session))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG" in text
    assert "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG TỈNH ĐẮK NÔNG" in text
    assert "Ngày 15/01/2027, Hội đồng Thi đua – Khen thưởng tỉnh Đắk Nông họp" in text
    assert "15/01/2027" in text
    assert "Nguyễn Thị Hương Trà" in text and "Phòng Kế hoạch – Đầu tư" in text
    assert "Đồng ý: 8; không đồng ý: 2" in text and "8/10 = 80 %" in text
    assert "Đồng ý: 7; không đồng ý: 3" in text and "7/10 = 70 %" in text
    assert "Đạt" in text and "Không đạt" in text
    assert "Có mặt 10/10 thành viên" in text


def test_a_sealed_ballot_cannot_be_closed_again_or_voted_on(sealed_session):
    session, (ballot, _) = sealed_session
    with pytest.raises(ValidationError, match="đã niêm phong"):
        voting.close_ballot(ballot=ballot, by=session.council.secretary)
    with pytest.raises(ValidationError, match="đã niêm phong"):
        voting.cast_vote(ballot=ballot, user=members(session.council)[0].user, choice=Choice.DISAGREE)
    ballot.refresh_from_db()
    assert (ballot.agree_count, ballot.disagree_count) == (8, 2)
    assert ballot.seal_intact()


def test_a_changed_result_no_longer_matches_its_seal(sealed_session):
    _, (ballot, _) = sealed_session
    ballot.agree_count = 9
    assert not ballot.seal_intact()


def test_a_session_with_an_open_ballot_does_not_close(tree):
    council = make_council(tree.province, size=3)
    nomination = make_nomination(person=make_person(unit=tree.other))
    make_rule(nomination.title)
    session = open_session_with(council, nomination, present=3)
    services.open_ballot(session=session, nomination=nomination, by=council.secretary)
    with pytest.raises(ValidationError, match="chưa kết thúc"):
        services.close_session(session=session, by=council.secretary)


def test_attendance_is_frozen_while_a_ballot_is_open(tree):
    council = make_council(tree.province, size=3)
    nomination = make_nomination(person=make_person(unit=tree.other))
    make_rule(nomination.title)
    session = open_session_with(council, nomination, present=3)
    services.open_ballot(session=session, nomination=nomination, by=council.secretary)
    with pytest.raises(ValidationError, match="Đang có lượt bỏ phiếu mở"):
        services.record_attendance(session=session, presence={}, by=council.secretary)
