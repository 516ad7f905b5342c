"""An inspector's photos are processed in the background (evaluations.inspections.photos): the request stores the
photo as received after quick checks and answers; a task re-encodes it and makes the thumbnail; the violation's
page shows a placeholder, asks again every 2 s, and shows the thumbnail once ready. The received bytes (GPS and all)
are never served."""

import io
import time
import uuid

import pytest
from django.urls import reverse
from PIL import Image

from evaluations.inspections.models import EvidenceStatus
from evaluations.inspections.tasks import process_evidence_photo
from evaluations.models import Evidence, Violation
from tests.evaluations import images
from tests.test_celery import BROKER_URL, celery_worker  # noqa: F401  (pytest fixture)
from units.outbox.models import OutboxTask

pytestmark = pytest.mark.django_db


def record(client, inspection, catalogue, photo):
    data = {
        "type": catalogue.badge_type.pk,
        "occurred_at": "2025-03-12T11:45",
        "description": "Không đeo thẻ tại bộ phận một cửa",
        "token": str(uuid.uuid4()),
        "photos": [photo],
    }
    return client.post(reverse("evaluations:violation_create", args=[inspection.pk]), data)


def htmx_get(client, url):
    return client.get(url, HTTP_HX_REQUEST="true")


def test_the_request_stores_the_photo_as_received_and_queues_its_processing(login, personas, inspection, catalogue):
    client = login(personas.inspector)
    response = record(client, inspection, catalogue, images.upload(images.jpeg_with_gps_and_orientation()))
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.status == EvidenceStatus.PROCESSING and not evidence.thumbnail
    assert OutboxTask.objects.get().task == process_evidence_photo.name  # through the outbox, after the commit
    assert client.get(reverse("evaluations:evidence_file", args=[evidence.pk])).status_code == 404
    assert client.get(reverse("evaluations:evidence_thumbnail", args=[evidence.pk])).status_code == 404
    page = client.get(reverse("evaluations:violation_detail", args=[evidence.violation_id])).content.decode()
    assert "Đang xử lý ảnh…" in page and 'hx-trigger="every 2s"' in page
    assert reverse("evaluations:evidence_thumbnail", args=[evidence.pk]) not in page


def test_once_processed_the_page_shows_the_thumbnail_and_stops_asking(login, personas, inspection, catalogue):
    client = login(personas.inspector)
    record(client, inspection, catalogue, images.upload(images.jpeg_with_gps_and_orientation()))
    evidence = Evidence.objects.get()
    received = evidence.image.path
    assert process_evidence_photo(evidence.pk) == EvidenceStatus.READY
    evidence.refresh_from_db()
    stored = Image.open(evidence.image.path)
    assert stored.size == (20, 60) and not stored.getexif() and evidence.thumbnail
    part = htmx_get(client, reverse("evaluations:violation_detail", args=[evidence.violation_id])).content.decode()
    assert reverse("evaluations:evidence_thumbnail", args=[evidence.pk]) in part and "every 2s" not in part
    thumb = client.get(reverse("evaluations:evidence_thumbnail", args=[evidence.pk]))
    assert Image.open(io.BytesIO(b"".join(thumb.streaming_content))).format == "JPEG"
    assert process_evidence_photo(evidence.pk) == EvidenceStatus.READY  # delivered twice: processed once
    assert Evidence.objects.get().image.name == evidence.image.name
    assert received != evidence.image.path


def test_a_photo_corrupt_behind_a_valid_header_is_marked_failed_with_the_reason(
    login, personas, inspection, catalogue, django_capture_on_commit_callbacks
):
    good = images.jpeg_bytes(size=(400, 300))
    corrupt = good[:600] + bytes(len(good) - 602) + b"\xff\xd9"  # header intact, scan data gone, end marker kept
    client = login(personas.inspector)
    with django_capture_on_commit_callbacks(execute=True):  # eager mode: the task runs once the request commits
        assert record(client, inspection, catalogue, images.upload(corrupt)).status_code == 302
    evidence = Evidence.objects.get()
    if evidence.status == EvidenceStatus.READY:  # Pillow may decode grey pixels from zeros: then it is a photo
        pytest.skip("this Pillow decodes the zeroed scan")
    assert evidence.status == EvidenceStatus.FAILED and "hỏng" in evidence.error
    page = client.get(reverse("evaluations:violation_detail", args=[evidence.violation_id])).content.decode()
    assert "Ảnh không dùng được" in page and "every 2s" not in page, page[page.find("Ảnh minh chứng") :][:800]


def test_a_bomb_or_a_cut_off_photo_is_refused_in_the_request(login, personas, inspection, catalogue):
    client = login(personas.inspector)
    for data in (images.png_declaring(30000, 30000), images.jpeg_bytes()[:-40]):
        started = time.perf_counter()
        response = record(client, inspection, catalogue, images.upload(data))
        assert response.status_code == 400 and time.perf_counter() - started < 5  # the form again, with the reason
    assert not Violation.objects.exists() and not Evidence.objects.exists()


def test_the_photos_part_is_refused_to_anonymous_and_outsiders(client, login, personas, inspection, catalogue):
    record(login(personas.inspector), inspection, catalogue, images.upload(images.jpeg_bytes()))
    url = reverse("evaluations:violation_detail", args=[Evidence.objects.get().violation_id])
    client.logout()
    assert htmx_get(client, url).status_code == 302
    assert htmx_get(login(personas.outsider), url).status_code == 404


@pytest.mark.worker
def test_a_real_worker_processes_the_photo_after_the_request(login, personas, inspection, catalogue, celery_worker):  # noqa: F811
    client = login(personas.inspector)
    record(client, inspection, catalogue, images.upload(images.jpeg_with_gps_and_orientation()))
    evidence = Evidence.objects.get()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        evidence.refresh_from_db()
        if evidence.status != EvidenceStatus.PROCESSING:
            break
        time.sleep(0.2)
    assert evidence.status == EvidenceStatus.READY and BROKER_URL
    assert not Image.open(evidence.image.path).getexif()
