"""Appeal pages: who may contest, read and decide; evidence files follow the privacy rule."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from evaluations.appeals import services as appeals
from evaluations.models import Appeal, AppealStatus, ViolationStatus
from tests import files
from tests.factories import make_person, make_violation, make_violation_type

pytestmark = pytest.mark.django_db


def open_violation(tree, personas, **overrides):
    fields = {"unit": tree.home, "recorded_by": personas.inspector}
    fields["appeal_deadline"] = timezone.localdate() + timedelta(days=3)
    fields.update(overrides)
    return make_violation(**fields)


def photo(name="anh.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_anonymous_is_sent_to_login(client, tree, personas):
    violation = open_violation(tree, personas)
    for url in (reverse("evaluations:appeal_create", args=[violation.pk]), reverse("evaluations:appeals")):
        assert client.get(url)["Location"].startswith(reverse("account_login"))


def test_contest_access_matrix(login, tree, personas):
    violation = open_violation(tree, personas)
    url = reverse("evaluations:appeal_create", args=[violation.pk])
    assert login(personas.outsider).get(url).status_code == 404
    assert login(personas.staff).get(url).status_code == 404
    for persona in (personas.inspector, personas.administrator, personas.council_member):
        assert login(persona).get(url).status_code == 403
    for persona in (personas.unit_head, personas.clerk):
        assert login(persona).get(url).status_code == 200


def test_the_person_named_may_contest_their_own_violation(login, tree, personas):
    from units.models import Person

    violation = open_violation(tree, personas, person=Person.objects.get(user=personas.staff))
    assert login(personas.staff).get(reverse("evaluations:appeal_create", args=[violation.pk])).status_code == 200


def test_unit_head_files_an_appeal_with_a_photo_and_a_pdf(login, tree, personas):
    violation = open_violation(tree, personas)
    pdf = SimpleUploadedFile("cv.pdf", files.pdf_bytes(), content_type="application/pdf")
    client = login(personas.unit_head)
    response = client.post(
        reverse("evaluations:appeal_create", args=[violation.pk]),
        {"reason": "Cán bộ đã đeo thẻ, ảnh chụp cùng giờ.", "files": [photo(), pdf]},
        follow=True,
    )
    assert response.status_code == 200
    appeal = Appeal.objects.get()
    assert appeal.attachments.count() == 2
    assert "Đang xem xét" in response.content.decode()
    image = appeal.attachments.get(content_type="image/jpeg")
    assert client.get(reverse("evaluations:attachment_thumbnail", args=[image.pk])).status_code == 200
    assert login(personas.outsider).get(reverse("evaluations:attachment_file", args=[image.pk])).status_code == 404


def test_a_disguised_file_is_refused_and_nothing_is_filed(login, tree, personas):
    violation = open_violation(tree, personas)
    fake = SimpleUploadedFile("anh.jpg", b"<html><script>alert(1)</script></html>", content_type="image/jpeg")
    response = login(personas.unit_head).post(
        reverse("evaluations:appeal_create", args=[violation.pk]), {"reason": "x", "files": [fake]}
    )
    assert response.status_code == 200
    assert "anh.jpg" in response.content.decode()
    assert not Appeal.objects.exists()


def test_contest_after_the_window_shows_why(login, tree, personas):
    violation = open_violation(tree, personas, appeal_deadline=timezone.localdate() - timedelta(days=1))
    response = login(personas.unit_head).post(
        reverse("evaluations:appeal_create", args=[violation.pk]), {"reason": "Muộn"}
    )
    assert response.status_code == 409
    assert "Đã hết hạn khiếu nại" in response.content.decode()
    assert not Appeal.objects.exists()


def file_appeal(violation, personas):
    return appeals.contest_violation(violation=violation, by=personas.unit_head, reason="Xin xem lại")


def test_decide_access_matrix(login, tree, personas):
    appeal = file_appeal(open_violation(tree, personas), personas)
    url = reverse("evaluations:appeal_decide", args=[appeal.pk])
    data = {"outcome": AppealStatus.DISMISSED, "reason": "Có minh chứng"}
    assert login(personas.outsider).post(url, data).status_code == 404
    for persona in (personas.unit_head, personas.council_member, personas.inspector):
        assert login(persona).post(url, data).status_code == 403
    appeal.refresh_from_db()
    assert appeal.is_pending
    assert login(personas.secretary).post(url, data).status_code == 302
    appeal.violation.refresh_from_db()
    assert appeal.violation.status == ViolationStatus.DISMISSED


def test_reviewer_sees_the_decision_form_and_the_unit_head_does_not(login, tree, personas):
    appeal = file_appeal(open_violation(tree, personas), personas)
    url = reverse("evaluations:appeal_detail", args=[appeal.pk])
    assert login(personas.administrator).get(url).context["can_decide"] is True
    response = login(personas.unit_head).get(url)
    assert response.status_code == 200 and response.context["can_decide"] is False
    assert "Xin xem lại" in response.content.decode()
    assert login(personas.outsider).get(url).status_code == 404


def test_appeal_queue_filters_by_status(login, tree, personas):
    file_appeal(open_violation(tree, personas), personas)
    response = login(personas.secretary).get(reverse("evaluations:appeals") + "?status=pending")
    assert len(response.context["appeals"]) == 1
    assert login(personas.outsider).get(reverse("evaluations:appeals")).context["appeals"].count() == 0


def test_sensitive_appeal_hides_the_name_and_files_from_the_clerk(login, tree, personas):
    drunk = make_violation_type(name="Uống rượu bia giờ trưa", sensitive=True)
    person = make_person(unit=tree.home, full_name="Ngô Văn Say")
    appeal = file_appeal(open_violation(tree, personas, type=drunk, person=person), personas)
    from evaluations.appeals.attachments import store_attachments
    from units.uploads import clean_photo

    attachment = store_attachments(files=[clean_photo(photo())], by=personas.unit_head, appeal=appeal)[0]
    clerk_page = login(personas.clerk).get(reverse("evaluations:appeal_detail", args=[appeal.pk])).content.decode()
    assert "Ngô Văn Say" not in clerk_page
    assert login(personas.clerk).get(reverse("evaluations:attachment_file", args=[attachment.pk])).status_code == 403
    head_page = login(personas.unit_head).get(reverse("evaluations:appeal_detail", args=[appeal.pk])).content.decode()
    assert "Ngô Văn Say" in head_page


def test_violation_panel_offers_contest_to_the_head_only_inside_the_window(login, tree, personas):
    violation = open_violation(tree, personas)
    url = reverse("evaluations:violation_panel", args=[violation.pk])
    assert login(personas.unit_head).get(url).context["can_contest"] is True
    assert login(personas.inspector).get(url).context["can_contest"] is False
    assert login(personas.inspector).get(url).context["can_require"] is True
    assert login(personas.outsider).get(url).status_code == 404
    violation.appeal_deadline = timezone.localdate() - timedelta(days=1)
    violation.save()
    assert login(personas.unit_head).get(url).context["can_contest"] is False


def test_violation_page_loads_the_appeal_panel(login, tree, personas):
    violation = open_violation(tree, personas)
    page = login(personas.unit_head).get(reverse("evaluations:violation_detail", args=[violation.pk])).content.decode()
    assert reverse("evaluations:violation_panel", args=[violation.pk]) in page
    panel = login(personas.unit_head).get(reverse("evaluations:violation_panel", args=[violation.pk])).content.decode()
    assert reverse("evaluations:appeal_create", args=[violation.pk]) in panel
