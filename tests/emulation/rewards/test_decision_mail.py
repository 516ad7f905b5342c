"""The signed decision's PDF attached to each recipient's notification e-mail: resolved when the e-mail is sent, read
back with pypdf (decision number, the recipient's full Vietnamese name); the decision as signed — never a later
revocation of another recipient; nothing attached for someone who no longer sees the award."""

import datetime
import io

import pytest
from pypdf import PdfReader

from emulation.decisions.revocation import annul_decision, revoke_award
from emulation.decisions.signals import AWARD_DECISION_PDF
from emulation.models import Award
from tests.factories import make_user
from units.models import Notification

pytestmark = pytest.mark.django_db

JULY_1 = datetime.date(2026, 7, 1)


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


@pytest.fixture
def logins(people):
    for person, email in ((people.an, "tuyet@example.vn"), (people.binh, "binh@example.vn")):
        person.user = make_user(email=email, full_name=person.full_name)
        person.save(update_fields=["user"])
    return people


def sign(issue, people):
    return issue([(people.an, "CSTD_TINH"), (people.binh, "BK_TINH")], on=JULY_1, number="27/QĐ-UBND")


def mail_to(outbox, email):
    [message] = [m for m in outbox if m.to == [email]]
    return message


def test_each_recipient_gets_the_signed_decision_attached_as_a_pdf(
    issue, logins, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign(issue, logins)
    assert len(mailoutbox) == 2
    for email, name in (("tuyet@example.vn", "Nguyễn Thị Ánh Tuyết"), ("binh@example.vn", "Trần Văn Bình")):
        message = mail_to(mailoutbox, email)
        [(filename, content, mimetype)] = message.attachments
        assert mimetype == "application/pdf" and filename.endswith(".pdf")
        text = pdf_text(content)
        assert "27/QĐ-UBND" in text and name in text
        assert "/awards/" in message.body  # the link to the award stays
    stored = Notification.objects.get(user__email="tuyet@example.vn")
    assert stored.attachment.startswith(f"{AWARD_DECISION_PDF}:")  # a reference, not the bytes


def test_a_later_revocation_of_another_recipient_is_not_in_the_attached_decision(
    issue, logins, personas, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        decision = sign(issue, logins)
    binh = Award.objects.get(decision=decision, person=logins.binh)
    revoke_award(award=binh, by=personas.administrator, reason="Kê khai sai", number="3/QĐ", decided_on=JULY_1)
    for callback in callbacks:
        callback()
    text = pdf_text(mail_to(mailoutbox, "tuyet@example.vn").attachments[0][1])
    assert "Trần Văn Bình" in text  # the decision as signed names him
    assert "thu hồi" not in text.lower()
    assert mail_to(mailoutbox, "binh@example.vn").attachments == []  # his award is no longer in force


def test_nothing_is_attached_for_a_login_no_longer_linked_to_the_recipient_nor_for_an_annulled_decision(
    issue, logins, personas, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        decision = sign(issue, logins)
    logins.an.user = make_user(email="nguoi-khac@example.vn")
    logins.an.save(update_fields=["user"])
    annul_decision(
        decision=decision, by=personas.administrator, reason="Sai thẩm quyền", number="4/QĐ", decided_on=JULY_1
    )
    for callback in callbacks:
        callback()
    old_login = mail_to(mailoutbox, "tuyet@example.vn")
    assert old_login.attachments == [] and "/awards/" in old_login.body
    assert mail_to(mailoutbox, "binh@example.vn").attachments == []


def test_a_malformed_or_unknown_award_reference_resolves_to_nothing(issue, logins):
    from emulation.rewards.pdfs import award_decision_attachment

    decision = sign(issue, logins)
    award = Award.objects.get(decision=decision, person=logins.an)
    assert award_decision_attachment(logins.an.user, "không-phải-số") is None
    assert award_decision_attachment(logins.an.user, "999999") is None
    assert award_decision_attachment(logins.binh.user, str(award.pk)) is None  # another recipient's award
    assert award_decision_attachment(logins.an.user, str(award.pk)).filename == f"quyet-dinh-{decision.pk}.pdf"
