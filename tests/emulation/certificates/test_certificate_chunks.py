"""A batch in chunks: several chunks per decision, a bounded number of queries per certificate, a chunk whose worker
stopped beating taken over by the beat task, and a batch whose finisher died finished by it too."""

import datetime

import pytest
from django.utils import timezone

from emulation.certificates.batches import claim_chunk, plan_batch, run_batch, run_chunk
from emulation.certificates.issuing import prepare_batch
from emulation.certificates.tasks import resume_stale_chunks, run_certificate_batch, warm_up_certificates
from emulation.models import BatchStatus, Certificate, CertificateBatch, CertificateChunk
from tests.emulation.certificates.helpers import make_authority, make_awards, make_signed_decision
from tests.factories import make_unit, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision():
    return make_signed_decision(make_unit(code="SNV"), authority=make_authority())


def numbers(decision) -> list[int]:
    return sorted(Certificate.objects.filter(award__decision=decision).values_list("number", flat=True))


def test_a_batch_is_split_into_chunks_of_the_configured_size(decision, settings):
    settings.CERTIFICATE_CHUNK_SIZE = 4
    make_awards(decision, 10, decision.unit)
    batch = prepare_batch(decision=decision, by=make_user())
    chunks = plan_batch(batch_id=batch.pk)
    assert [len(chunk.awards) for chunk in CertificateChunk.objects.filter(pk__in=chunks)] == [4, 4, 2]
    assert plan_batch(batch_id=batch.pk) == chunks, "planning again while chunks are pending adds none"


def test_a_chunk_costs_at_most_three_queries_a_certificate(decision, settings, django_assert_max_num_queries):
    settings.CERTIFICATE_CHUNK_SIZE = 20
    make_awards(decision, 20, decision.unit)
    batch = prepare_batch(decision=decision, by=make_user())
    [chunk] = plan_batch(batch_id=batch.pk)
    assert claim_chunk(chunk)
    with django_assert_max_num_queries(3 * 20):
        run_chunk(chunk_id=chunk)
    assert numbers(decision) == list(range(1, 21))
    assert CertificateBatch.objects.get(pk=batch.pk).status == BatchStatus.DONE


def test_a_chunk_beaten_lately_cannot_be_claimed_twice(decision):
    make_awards(decision, 2, decision.unit)
    [chunk] = plan_batch(batch_id=prepare_batch(decision=decision, by=make_user()).pk)
    assert claim_chunk(chunk)
    assert not claim_chunk(chunk)


def test_the_beat_task_takes_over_a_chunk_whose_worker_died(decision, settings):
    settings.CERTIFICATE_CHUNK_SIZE = 3
    make_awards(decision, 5, decision.unit)
    batch = prepare_batch(decision=decision, by=make_user())
    first, second = plan_batch(batch_id=batch.pk)
    assert claim_chunk(first)  # its worker dies here, before issuing anything
    assert claim_chunk(second) and run_chunk(chunk_id=second) is None
    assert resume_stale_chunks() == 0, "a chunk beaten lately is left to its worker"
    CertificateChunk.objects.filter(pk=first).update(heartbeat=timezone.now() - datetime.timedelta(minutes=1))
    assert resume_stale_chunks() == 1
    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.failed) == (BatchStatus.DONE, 5, 0)
    assert numbers(decision) == [1, 2, 3, 4, 5]


def test_a_batch_whose_finishing_worker_died_is_finished_by_the_beat_task(decision):
    make_awards(decision, 2, decision.unit)
    batch = prepare_batch(decision=decision, by=make_user())
    [chunk] = plan_batch(batch_id=batch.pk)
    CertificateChunk.objects.filter(pk=chunk).update(done=True)  # the worker died between its chunk and the outputs
    CertificateBatch.objects.filter(pk=batch.pk).update(updated_at=timezone.now() - datetime.timedelta(minutes=1))
    resume_stale_chunks()
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE and batch.register_pdf, "finished, and its register written"


def test_a_batch_is_done_before_its_register_which_its_own_task_writes(decision, settings):
    """What a user waits for is the certificates: the batch is done (ZIP downloadable) when the last chunk is, and
    the register comes from another task, which the beat task asks for again when it was lost."""
    make_awards(decision, 3, decision.unit)
    batch = prepare_batch(decision=decision, by=make_user())
    [chunk] = plan_batch(batch_id=batch.pk)
    assert claim_chunk(chunk)
    finished = run_chunk(chunk_id=chunk)
    assert (finished.status, finished.done) == (BatchStatus.DONE, 3)
    assert finished.register_pending and not finished.register_xlsx
    assert resume_stale_chunks() == 0 and not CertificateBatch.objects.get(pk=batch.pk).register_pdf, "not yet lost"
    settings.CERTIFICATE_BATCH_STALL_SECONDS = 0
    resume_stale_chunks()
    batch.refresh_from_db()
    assert batch.register_xlsx and batch.register_pdf and not batch.register_pending


def test_the_batch_task_hands_out_every_chunk(decision, settings):
    settings.CERTIFICATE_CHUNK_SIZE = 2
    make_awards(decision, 5, decision.unit)
    batch = prepare_batch(decision=decision, by=make_user())
    assert run_certificate_batch.delay(batch.pk).get() == 3
    batch.refresh_from_db()
    assert (batch.status, batch.done) == (BatchStatus.DONE, 5)
    assert run_batch(batch_id=batch.pk).status == BatchStatus.DONE


def test_a_worker_warms_up_as_it_starts_without_the_database_or_any_file(
    settings, tmp_path, django_assert_num_queries, caplog
):
    """Before its pool forks, a worker prints a sample of each design (fonts, templates, QR, signer loaded once): no
    database connection to share with its children, nothing stored."""
    settings.MEDIA_ROOT = tmp_path
    with django_assert_num_queries(0):
        warm_up_certificates()
    assert list(tmp_path.iterdir()) == []
    assert "certificate warm-up failed" not in caplog.text


def test_a_worker_that_lost_its_chunk_while_rendering_keeps_the_first_pdf(decision):
    """A slow worker whose chunk was taken over renders a certificate the takeover already issued: the first PDF and
    its hash stand (a verifier and a recipient hold that one), the late file is removed, and the slow worker does not
    count it as issued by itself (so its chunk's audit line does not name it again)."""
    from emulation.certificates.batches import _render

    make_awards(decision, 1, decision.unit)
    batch = prepare_batch(decision=decision, by=make_user())
    [chunk] = plan_batch(batch_id=batch.pk)
    assert claim_chunk(chunk)
    run_chunk(chunk_id=chunk)  # the takeover issued it
    certificate = Certificate.objects.get(award__decision=decision)
    stale = Certificate.objects.with_facts().get(pk=certificate.pk)
    stale.pdf = ""  # what the slow worker read before the takeover
    files_before = set(certificate.pdf.storage.listdir(str(certificate.pdf.name).rsplit("/", 1)[0])[1])
    assert _render(stale) is False
    certificate.refresh_from_db()
    assert certificate.pdf_sha256 != stale.pdf_sha256, "the late render is another PDF (its own signing time)"
    assert Certificate.objects.get(pk=certificate.pk).pdf == certificate.pdf
    assert set(certificate.pdf.storage.listdir(str(certificate.pdf.name).rsplit("/", 1)[0])[1]) == files_before
