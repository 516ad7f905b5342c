"""Bloc rankings: the filtered table with CSV/XLSX export, and the print-ready PDF for the council meeting."""

import os
from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from emulation.movements.models import Period
from emulation.rankings import dashboard, pdfs
from emulation.rankings.dashboard import default_period
from emulation.rankings.filters import RankingFilter
from emulation.rankings.permissions import blocs_for_user, require_dashboard, require_rankings
from emulation.rankings.tables import RankingTable, annotate_for_ranking, ranked_first
from emulation.scoring.models import Score
from units.exports import table_page
from units.models import Unit


def _chosen_period(request, blocs) -> Period | None:
    """The period in ?period= (404 when the user sees no bloc of it), else the default of the visible periods."""
    periods = Period.objects.filter(pk__in=blocs.values("period")).select_related("movement", "scheme")
    raw = request.GET.get("period")
    if raw:
        period = periods.filter(pk=raw).first() if raw.isdigit() else None
        if period is None:
            raise Http404
        return period
    return default_period(periods)


def _ranking_filter(request) -> tuple[RankingFilter, Period | None]:
    """The user's visible scores of the chosen period, filtered by bloc and band."""
    require_rankings(request.user)
    blocs = blocs_for_user(request.user)
    period = _chosen_period(request, blocs)
    scores = Score.objects.filter(bloc__in=blocs, period=period).select_related("unit", "bloc", "band")
    data = request.GET.copy()
    if period is not None:
        data["period"] = period.pk
    filterset = RankingFilter(data, queryset=scores.defer("breakdown"), blocs=blocs, period=period)
    return filterset, period


def _min_inspections(period: Period | None):
    scheme = getattr(period, "scheme", None) if period is not None else None
    return scheme.min_inspections if scheme is not None else None


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
    filterset, period = _ranking_filter(request)
    table = RankingTable(annotate_for_ranking(filterset.qs), min_inspections=_min_inspections(period))
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


def _common_ancestor(scores) -> Unit | None:
    """The lowest unit strictly above every ranked unit (the authority whose council meets), e.g. the province."""
    paths = [score.unit.path.strip("/").split("/") for score in scores]
    common = os.path.commonprefix(paths) if paths else []
    if common and common in paths:
        common = common[:-1]
    return Unit.objects.filter(pk=common[-1]).first() if common else None


@login_required
@require_GET
def ranking_pdf(request):
    filterset, period = _ranking_filter(request)
    if period is None:
        raise Http404
    scores = list(ranked_first(filterset.qs))
    blocs = [(bloc, list(rows)) for bloc, rows in groupby(scores, key=lambda score: score.bloc)]
    pdf = pdfs.ranking_sheet(
        period=period,
        blocs=blocs,
        authority=_common_ancestor(scores),
        min_inspections=_min_inspections(period),
        printed_on=timezone.localdate(),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bang-xep-hang-{period.pk}.pdf"'
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
