"""The ranking PDF built in the background (emulation.rankings.prints): the request answers at once with a progress
page, the sheet is built by a task through the outbox, downloaded when ready by its requester alone, and asking again
never builds it twice."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from emulation.models import PeriodStatus
from emulation.rankings.models import PrintStatus, RankingPrint
from emulation.rankings.prints import build_print
from emulation.rankings.tasks import build_ranking_print
from tests.emulation.factories import make_period, make_scheme
from tests.emulation.rankings.test_ranking import url
from tests.factories import make_bloc, make_score, make_unit
from units.outbox.models import OutboxTask

pytestmark = pytest.mark.django_db


def ask(client, **query):
    return client.get(url("emulation:ranking_pdf", **query))


def test_asking_answers_at_once_with_a_progress_page_and_queues_one_task(login, personas, world):
    client = login(personas.council_member)
    response = ask(client, bloc=world.districts.pk)
    job = RankingPrint.objects.get()
    assert response["Location"] == reverse("emulation:ranking_print", args=[job.pk])
    assert (job.status, job.user, job.period) == (PrintStatus.QUEUED, personas.council_member, world.period)
    assert OutboxTask.objects.get().task == build_ranking_print.name
    page = client.get(response["Location"]).content.decode()
    assert "Đang chờ" in page and 'hx-trigger="every 2s"' in page and 'aria-valuenow="0"' in page
    assert reverse("emulation:ranking_print_file", args=[job.pk]) not in page
    assert client.get(reverse("emulation:ranking_print_file", args=[job.pk])).status_code == 404


def test_asking_again_reuses_the_sheet_queued_or_done_and_fresh_builds_a_new_one(login, personas, world):
    client = login(personas.council_member)
    first = ask(client, bloc=world.districts.pk, page=2)["Location"]
    assert ask(client, bloc=world.districts.pk, sort="total")["Location"] == first  # paging and sorting ignored
    assert RankingPrint.objects.count() == 1 and OutboxTask.objects.count() == 1
    job = RankingPrint.objects.get()
    assert build_ranking_print(job.pk) == PrintStatus.DONE
    assert ask(client, bloc=world.districts.pk)["Location"] == first
    assert RankingPrint.objects.count() == 1 and OutboxTask.objects.count() == 1
    other_filter = ask(client)["Location"]
    fresh = ask(client, bloc=world.districts.pk, fresh=1)["Location"]
    assert len({first, other_filter, fresh}) == 3 and OutboxTask.objects.count() == 3


def test_once_built_the_page_offers_the_download_and_stops_asking(login, personas, world):
    client = login(personas.council_member)
    ask(client, bloc=world.districts.pk)
    job = RankingPrint.objects.get()
    assert build_print(job.pk) == PrintStatus.DONE
    name = RankingPrint.objects.get().file.name
    assert build_print(job.pk) == PrintStatus.DONE and RankingPrint.objects.get().file.name == name  # not twice
    part = client.get(reverse("emulation:ranking_print", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "every 2s" not in part and 'aria-valuenow="100"' in part and "Đã xong" in part
    download = client.get(reverse("emulation:ranking_print_file", args=[job.pk]))
    assert download["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(b"".join(download.streaming_content))).pages[0].extract_text()
    assert "Cụm các huyện phía Bắc" in text and "Khối các sở, ban, ngành" not in text
    job.refresh_from_db()
    assert job.units == 2 and job.pages >= 1 and job.expected_pages >= 1 and job.finished_at


def test_the_sheet_is_its_requesters_alone(client, login, personas, world):
    ask(login(personas.council_member))
    job = RankingPrint.objects.get()
    build_print(job.pk)
    for name in ("emulation:ranking_print", "emulation:ranking_print_file"):
        target = reverse(name, args=[job.pk])
        assert login(personas.secretary).get(target).status_code == 404  # another council member
        assert login(personas.outsider).get(target).status_code == 403
        client.logout()
        assert "/accounts/login/" in client.get(target)["Location"]
        assert login(personas.council_member).get(target).status_code == 200


def test_a_failed_build_says_why_and_may_be_asked_again(login, personas, world, monkeypatch):
    client = login(personas.council_member)
    ask(client)
    job = RankingPrint.objects.get()
    monkeypatch.setattr("emulation.rankings.sheet.sheet_pdf", lambda period, scores: 1 / 0)
    assert build_print(job.pk) == PrintStatus.FAILED
    page = client.get(reverse("emulation:ranking_print", args=[job.pk])).content.decode()
    assert "Không lập được bản in" in page and "division by zero" in page and "fresh=1" in page
    assert ask(client)["Location"] != reverse("emulation:ranking_print", args=[job.pk])  # a failed one is not reused


def test_hundreds_of_units_are_cut_into_tables_and_each_printed_once(login, personas, tree):
    period = make_period(status=PeriodStatus.REVIEW)
    make_scheme(period, min_inspections=0)
    units = [make_unit(name=f"Xã Thử Nghiệm {i:03d}", parent=tree.province) for i in range(130)]
    make_bloc(period, units)
    for i, unit in enumerate(units):
        make_score(unit, period, total=Decimal(200 - i), rank=i + 1, inspection_count=3)
    client = login(personas.council_member)
    ask(client, period=period.pk)
    job = RankingPrint.objects.get()
    assert build_print(job.pk) == PrintStatus.DONE
    job.refresh_from_db()
    reader = PdfReader(io.BytesIO(job.file.read()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert all(text.count(f"Xã Thử Nghiệm {i:03d}") == 1 for i in range(130))
    assert job.pages == len(reader.pages) and job.units == 130
