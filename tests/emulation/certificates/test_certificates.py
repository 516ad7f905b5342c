"""Issuing certificates: idempotent issue, gap-free serials per issuing body, authority and year, and the batch of a
decision (idempotent re-runs, a failed render counted and completed by a re-run, ZIP and register outputs)."""

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import load_workbook

from emulation.certificates.batches import run_batch
from emulation.certificates.issuing import (
    allocate_serial,
    batch_certificates,
    issue_certificate,
    prepare_batch,
    start_batch,
    zip_stream,
)
from emulation.models import (
    Authority,
    BatchStatus,
    Certificate,
    CertificateDesign,
    DecisionStatus,
    SerialCounter,
)
from tests.emulation.certificates.helpers import (
    fail_for,
    make_authority,
    make_awards,
    make_signed_decision,
    pdf_text,
    revoke,
)
from tests.factories import make_award, make_decision, make_person, make_unit
from units.models import Notification

pytestmark = pytest.mark.django_db


def numbers(decision) -> list[int]:
    return sorted(Certificate.objects.filter(award__decision=decision).values_list("number", flat=True))


def test_issuing_twice_returns_the_same_certificate(tree):
    award = make_awards(make_signed_decision(tree.home), 1, tree.sub)[0]
    first = issue_certificate(award=award)
    assert issue_certificate(award=award) == first
    assert Certificate.objects.count() == 1
    assert SerialCounter.objects.get().last_number == 1


def test_serials_follow_the_authority_s_format_and_restart_per_body_and_year(tree):
    decision = make_signed_decision(tree.home)
    serials = [issue_certificate(award=award).serial for award in make_awards(decision, 3, tree.sub)]
    assert serials == ["00001/GK-SNV/2025", "00002/GK-SNV/2025", "00003/GK-SNV/2025"]
    other_body = make_signed_decision(tree.other)
    assert issue_certificate(award=make_awards(other_body, 1, tree.other)[0]).serial == "00001/GK-STC/2025"
    next_year = make_signed_decision(tree.home, decided_on=datetime.date(2026, 1, 20))
    assert issue_certificate(award=make_awards(next_year, 1, tree.sub)[0]).serial == "00001/GK-SNV/2026"


def test_tokens_are_long_random_and_distinct(tree):
    certificates = [issue_certificate(award=a) for a in make_awards(make_signed_decision(tree.home), 3, tree.sub)]
    tokens = {certificate.token for certificate in certificates}
    assert len(tokens) == 3
    assert all(len(token) >= 32 for token in tokens)  # 24 random bytes, url-safe base64: 192 bits


def test_a_draft_decision_or_a_revoked_award_gets_no_certificate(tree, personas):
    draft = make_decision(unit=tree.home, authority=Authority.objects.get(code="GD_SO"))
    with pytest.raises(ValidationError, match="đã ký ban hành"):
        issue_certificate(award=make_award(draft, person=make_person(unit=tree.sub)))
    decision = make_signed_decision(tree.home)
    award = make_awards(decision, 1, tree.sub)[0]
    revoke(award, personas.administrator)
    with pytest.raises(ValidationError, match="thu hồi"):
        issue_certificate(award=award)
    assert not Certificate.objects.exists()


def test_an_authority_without_a_chosen_design_is_refused_with_its_name(tree, personas):
    CertificateDesign.objects.filter(authority__code="GD_SO").delete()
    decision = make_signed_decision(tree.home)
    make_awards(decision, 1, tree.sub)
    with pytest.raises(ValidationError, match="Chưa chọn mẫu giấy khen"):
        prepare_batch(decision=decision, by=personas.secretary)


@pytest.mark.django_db(transaction=True)
def test_serials_are_allocated_only_inside_a_transaction():
    with pytest.raises(RuntimeError, match="inside the issuing transaction"):
        allocate_serial(authority=make_authority(), issuer=make_unit(), year=2025)


def test_a_failed_render_gives_its_number_back(tree, monkeypatch):
    first, second = make_awards(make_signed_decision(tree.home), 2, tree.sub)
    fail_for(monkeypatch, first.person.full_name)
    with pytest.raises(RuntimeError):
        issue_certificate(award=first)
    assert issue_certificate(award=second).number == 1
    monkeypatch.undo()
    assert issue_certificate(award=first).number == 2


def test_running_a_batch_twice_issues_each_certificate_once(tree, personas):
    decision = make_signed_decision(tree.home)
    make_awards(decision, 4, tree.sub)
    batch = prepare_batch(decision=decision, by=personas.secretary)
    run_batch(batch_id=batch.pk)
    run_batch(batch_id=batch.pk)
    batch.refresh_from_db()
    assert (batch.status, batch.total, batch.done, batch.failed) == (BatchStatus.DONE, 4, 4, 0)
    assert numbers(decision) == [1, 2, 3, 4]


def test_a_failed_render_is_counted_and_a_re_run_completes_the_batch(tree, personas, monkeypatch):
    decision = make_signed_decision(tree.home)
    awards = make_awards(decision, 3, tree.sub)
    fail_for(monkeypatch, awards[1].person.full_name)
    batch = run_batch(batch_id=prepare_batch(decision=decision, by=personas.secretary).pk)
    assert (batch.status, batch.done, batch.failed) == (BatchStatus.FAILED, 2, 1)
    assert batch.errors[0]["award"] == awards[1].pk
    monkeypatch.undo()
    batch = run_batch(batch_id=prepare_batch(decision=decision, by=personas.secretary).pk)
    assert (batch.status, batch.done, batch.failed) == (BatchStatus.DONE, 3, 0)
    assert numbers(decision) == [1, 2, 3]
    assert Certificate.objects.get(award=awards[1]).number == 2  # a chunk numbers first, so it kept its number


def test_a_finished_batch_gives_the_zip_and_the_register(tree, personas, django_capture_on_commit_callbacks):
    decision = make_signed_decision(tree.home, number="15/QĐ-SNV")
    awards = make_awards(decision, 3, tree.sub)
    with django_capture_on_commit_callbacks(execute=True):
        batch = start_batch(decision=decision, by=personas.secretary)
    batch.refresh_from_db()
    names = zipfile.ZipFile(io.BytesIO(b"".join(zip_stream(batch_certificates(batch))))).namelist()
    assert names == ["00001-GK-SNV-2025.pdf", "00002-GK-SNV-2025.pdf", "00003-GK-SNV-2025.pdf"]
    sheet = load_workbook(io.BytesIO(batch.register_xlsx.read())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Số hiệu", "Người/tập thể được khen")
    assert [row[:2] for row in rows[1:]] == [
        (f"{i:05d}/GK-SNV/2025", award.person.full_name) for i, award in enumerate(awards, 1)
    ]
    text = pdf_text(batch.register_pdf.read())
    assert "SỔ THEO DÕI CẤP GIẤY KHEN, BẰNG KHEN" in text
    assert "Quyết định số 15/QĐ-SNV ngày 15/01/2025" in text
    assert all(award.person.full_name in text for award in awards)
    assert Notification.objects.filter(user=personas.secretary, title__startswith="Đã in xong giấy khen").exists()


def test_a_batch_is_refused_for_a_decision_not_signed(tree, personas):
    draft = make_decision(unit=tree.home, authority=Authority.objects.get(code="GD_SO"), status=DecisionStatus.DRAFT)
    with pytest.raises(ValidationError):
        start_batch(decision=draft, by=personas.secretary)


def test_a_revoked_award_s_certificate_follows_it(tree, personas):
    award = make_awards(make_signed_decision(tree.home), 1, tree.sub)[0]
    certificate = issue_certificate(award=award)
    revoke(award, personas.administrator)
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.get_status_display() == "Đã thu hồi"


def test_a_collective_award_needs_no_person(tree):
    unit = make_unit(parent=tree.home, code="SNV-P2", name="Phòng Công chức")
    decision = make_signed_decision(tree.home)
    from emulation.models import Title

    award = make_award(decision, unit=unit, title=Title.objects.get(code="TTLDTT"))
    assert "Phòng Công chức" in pdf_text(issue_certificate(award=award).pdf.read())


def test_issue_is_atomic_with_the_counter(tree):
    """A failure after allocation inside the issuing transaction leaves neither a number nor a counter step."""
    authority = Authority.objects.get(code="GD_SO")
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        allocate_serial(authority=authority, issuer=tree.home, year=2025)
        1 / 0  # noqa: B018
    with transaction.atomic():
        assert allocate_serial(authority=authority, issuer=tree.home, year=2025) == 1


def test_a_double_click_queues_one_task_and_a_stalled_batch_can_be_started_again(
    tree, personas, django_capture_on_commit_callbacks, settings
):
    decision = make_signed_decision(tree.home)
    make_awards(decision, 1, tree.sub)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        start_batch(decision=decision, by=personas.secretary)
        start_batch(decision=decision, by=personas.secretary)
    assert len(queued) == 1
    settings.CERTIFICATE_BATCH_STALL_SECONDS = 0
    with django_capture_on_commit_callbacks(execute=True):
        batch = start_batch(decision=decision, by=personas.secretary)
    batch.refresh_from_db()
    assert (batch.status, batch.done) == (BatchStatus.DONE, 1)


def test_re_running_a_finished_batch_changes_nothing_and_notifies_no_one(
    tree, personas, django_capture_on_commit_callbacks
):
    decision = make_signed_decision(tree.home)
    make_awards(decision, 2, tree.sub)
    with django_capture_on_commit_callbacks(execute=True):
        batch = start_batch(decision=decision, by=personas.secretary)
    batch.refresh_from_db()
    finished, register = batch.finished_at, batch.register_pdf.name
    with django_capture_on_commit_callbacks(execute=True) as queued:
        start_batch(decision=decision, by=personas.administrator)
    run_batch(batch_id=batch.pk)  # a redelivered task
    batch.refresh_from_db()
    assert queued == [] and (batch.finished_at, batch.register_pdf.name) == (finished, register)
    assert batch.created_by == personas.secretary
    assert Notification.objects.filter(title__startswith="Đã in xong giấy khen").count() == 1
