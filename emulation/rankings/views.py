"""Bloc rankings: the filtered table with CSV/XLSX export, and the print-ready PDF for the council meeting (built
in the background, with its progress and a download when ready)."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from emulation.movements.models import Period
from emulation.rankings import dashboard, prints
from emulation.rankings.models import PrintStatus, RankingPrint
from emulation.rankings.permissions import require_dashboard, require_rankings
from emulation.rankings.sheet import min_inspections, ranking_filter
from emulation.rankings.tables import RankingTable, annotate_for_ranking
from emulation.scoring.models import Score
from units.listing.exports import table_page


def _score_links(user, period: Period | None, table):
    """Links to the score pages the user may open (their own permission decides): one query, for the units on the
    table's page only — never the ids of every score of the period."""
    openable = None

    def url(score):
        nonlocal openable
        if openable is None:
            page = getattr(table, "page", None)
            units = [row.record.unit_id for row in page.object_list] if page else [score.unit_id]
            scores = Score.objects.for_user(user).filter(period=period, unit_id__in=units)
            openable = set(scores.values_list("unit_id", flat=True))
        if score.unit_id not in openable:
            return None
        return reverse("emulation:score_detail", args=[score.period_id, score.unit_id])

    return url


@login_required
@require_GET
def ranking(request):
    filterset, period = ranking_filter(request.user, request.GET)
    table = RankingTable(annotate_for_ranking(filterset.qs), min_inspections=min_inspections(period))
    table.score_url = _score_links(request.user, period, table)
    return table_page(
        request,
        table=table,
        filterset=filterset,
        template="emulation/rankings/ranking.html",
        export_name=f"xep-hang-thi-dua-{period.pk if period else 'trong'}",
        extra={"period": period},
        per_page=100,
    )


@login_required
@require_GET
def ranking_pdf(request):
    """Ask for the ranking sheet of the page's period and filters: built in the background (see `prints`); the
    same request again gets the same sheet. `?fresh=1` builds a new one."""
    filterset, period = ranking_filter(request.user, request.GET)
    if period is None:
        raise Http404
    job = prints.start_print(user=request.user, period=period, params=request.GET, fresh="fresh" in request.GET)
    return redirect("emulation:ranking_print", job.pk)


def _own_print(request, pk) -> RankingPrint:
    """A sheet is its requester's alone (it prints what they may see); they must still reach the rankings."""
    require_rankings(request.user)
    return get_object_or_404(RankingPrint.objects.select_related("period__movement"), pk=pk, user=request.user)


@login_required
@require_GET
def ranking_print(request, pk):
    job = _own_print(request, pk)
    template = "emulation/rankings/ranking_print.html" + ("#progress" if request.htmx else "")
    return render(request, template, {"job": job})


@login_required
@require_GET
def ranking_print_file(request, pk):
    job = _own_print(request, pk)
    if job.status != PrintStatus.DONE or not job.file:
        raise Http404
    response = FileResponse(job.file.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="bang-xep-hang-{job.period_id}.pdf"'
    return response


def _dashboard_period(request):
    """The period asked for in ?period= (404 when there is none such), else the default of `dashboard`."""
    periods = Period.objects.select_related("movement")
    raw = request.GET.get("period")
    if not raw:
        return dashboard.default_period(periods)
    chosen = periods.filter(pk=raw).first() if raw.isdigit() else None
    if chosen is None:
        raise Http404
    return chosen


@login_required
@require_GET
def province_dashboard(request):
    require_dashboard(request.user)
    user, period = request.user, _dashboard_period(request)
    context = {"period": period, "periods": Period.objects.select_related("movement").order_by("-starts_on")}
    if period is not None:
        registration, rows = dashboard.registration_chart(user, period.movement)
        violations = dashboard.violations_chart(user, period)
        context |= {
            "registration": next((row for row in rows if row.period.pk == period.pk), None),
            "violations_total": sum(row[-1] for row in violations.rows),
            "charts": [
                registration,
                violations,
                dashboard.band_chart(user, period),
                dashboard.total_chart(user, period),
                dashboard.flagged_chart(user, period),
            ],
            "flagged": dashboard.flagged_scores(user, period),
            "min_inspections": getattr(getattr(period, "scheme", None), "min_inspections", None),
        }
    return render(request, "emulation/rankings/dashboard.html", context)
