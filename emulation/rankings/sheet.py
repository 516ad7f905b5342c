"""What the ranking page and its PDF show: the user's visible scores of the chosen period, filtered by bloc and
band (from the query string), and the ranking sheet of those scores."""

import os
from itertools import groupby

from django.http import Http404
from django.utils import timezone

from emulation.movements.models import Period
from emulation.rankings import pdfs
from emulation.rankings.dashboard import default_period
from emulation.rankings.filters import RankingFilter
from emulation.rankings.permissions import blocs_for_user, require_rankings
from emulation.rankings.tables import ranked_first
from emulation.scoring.models import Score
from units.models import Unit


def chosen_period(params, blocs) -> Period | None:
    """The period in ?period= (404 when the user sees no bloc of it), else the default of the visible periods."""
    periods = Period.objects.filter(pk__in=blocs.values("period")).select_related("movement", "scheme")
    raw = params.get("period")
    if raw:
        period = periods.filter(pk=raw).first() if raw.isdigit() else None
        if period is None:
            raise Http404
        return period
    return default_period(periods)


def ranking_filter(user, params) -> tuple[RankingFilter, Period | None]:
    """The user's visible scores of the chosen period, filtered by bloc and band."""
    require_rankings(user)
    blocs = blocs_for_user(user)
    period = chosen_period(params, blocs)
    scores = Score.objects.filter(bloc__in=blocs, period=period).select_related("unit", "bloc", "band")
    data = params.copy()
    if period is not None:
        data["period"] = period.pk
    filterset = RankingFilter(data, queryset=scores.defer("breakdown"), blocs=blocs, period=period)
    return filterset, period


def min_inspections(period: Period | None):
    scheme = getattr(period, "scheme", None) if period is not None else None
    return scheme.min_inspections if scheme is not None else None


def common_ancestor(scores) -> Unit | None:
    """The lowest unit strictly above every ranked unit (the authority whose council meets), e.g. the province."""
    paths = [score.unit.path.strip("/").split("/") for score in scores]
    common = os.path.commonprefix(paths) if paths else []
    if common and common in paths:
        common = common[:-1]
    return Unit.objects.filter(pk=common[-1]).first() if common else None


def sheet_pdf(period: Period, scores: list) -> bytes:
    """The ranking sheet of `scores` (ranked first, bloc by bloc)."""
    blocs = [(bloc, list(rows)) for bloc, rows in groupby(scores, key=lambda score: score.bloc)]
    return pdfs.ranking_sheet(
        period=period,
        blocs=blocs,
        authority=common_ancestor(scores),
        min_inspections=min_inspections(period),
        printed_on=timezone.localdate(),
    )


def sheet_scores(filterset) -> list:
    return list(ranked_first(filterset.qs))
