"""The ranking PDF of thousands of units, built in the background with its progress and a download when ready.

Rules
-----
- A request names the user, the period and the filters (the query string, canonical: sorted, without paging or
  sorting). The same request while one is queued or running, or once one is done, gets that one back: a second
  click, a reload or another tab never builds the sheet twice. "Lập lại" (`fresh=True`) builds a new one.
- The sheet prints what its user may see: the task applies the same filter as the page, as that user.
- Progress is the pages laid out against the pages expected (about 20 units a page); the file is kept privately
  and served only to its user.
"""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from emulation.pdfs import page_progress
from emulation.rankings import sheet
from emulation.rankings.models import PrintStatus, RankingPrint
from units.outbox.services import enqueue

logger = logging.getLogger(__name__)
ROWS_PER_PAGE = 20
IGNORED = {"page", "sort", "_export", "fresh"}


def canonical_query(params) -> str:
    pairs = sorted((key, value) for key, values in params.lists() if key not in IGNORED for value in values if value)
    query = QueryDict(mutable=True)
    for key, value in pairs:
        query.appendlist(key, value)
    return query.urlencode()


def start_print(*, user, period, params, fresh: bool = False) -> RankingPrint:
    """The user's sheet of the period with these filters: the one queued, running or done, else a new one."""
    from emulation.rankings.tasks import build_ranking_print  # the task module imports this one

    query = canonical_query(params)
    with transaction.atomic():
        same = RankingPrint.objects.select_for_update().filter(user=user, period=period, query=query)
        current = same.exclude(status=PrintStatus.FAILED).order_by("-pk").first()
        if current is not None and not fresh and not current.is_stalled:
            return current
        job = RankingPrint.objects.create(user=user, period=period, query=query)
        enqueue(build_ranking_print, job.pk)
    return job


def _claim(print_id: int) -> RankingPrint | None:
    with transaction.atomic():
        job = RankingPrint.objects.select_for_update().filter(pk=print_id).first()
        if job is None or job.status == PrintStatus.DONE or (job.status == PrintStatus.RUNNING and not job.is_stalled):
            return None  # done, or being built by another delivery of the task
        job.status, job.updated_at, job.error = PrintStatus.RUNNING, timezone.now(), ""
        job.save(update_fields=["status", "updated_at", "error"])
    return job


def build_print(print_id: int) -> str:
    """Build the sheet (idempotent: a done or running print is left alone); returns the status afterwards."""
    job = _claim(print_id)
    if job is None:
        return RankingPrint.objects.filter(pk=print_id).values_list("status", flat=True).first() or ""
    try:
        filterset, period = sheet.ranking_filter(job.user, QueryDict(job.query))
        scores = sheet.sheet_scores(filterset)
        expected = 1 + len(scores) // ROWS_PER_PAGE
        RankingPrint.objects.filter(pk=job.pk).update(units=len(scores), expected_pages=expected)

        def told(page: int) -> None:
            RankingPrint.objects.filter(pk=job.pk).update(pages=page, updated_at=timezone.now())

        with page_progress(told):
            pdf = sheet.sheet_pdf(period, scores)
    except Exception as error:  # the user sees why, and may ask again
        logger.exception("ranking print %s failed", job.pk)
        RankingPrint.objects.filter(pk=job.pk).update(status=PrintStatus.FAILED, error=str(error)[:300])
        return PrintStatus.FAILED
    job.refresh_from_db()
    job.file.save(f"bang-xep-hang-{job.period_id}-{job.pk}.pdf", ContentFile(pdf), save=False)
    job.status, job.finished_at, job.updated_at = PrintStatus.DONE, timezone.now(), timezone.now()
    job.save(update_fields=["file", "status", "finished_at", "updated_at"])
    return job.status
