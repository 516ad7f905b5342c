"""The province dashboard: registration by deadline, violations, score distribution, flagged units (charts)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from emulation import dashboard
from emulation.models import Period
from emulation.permissions_ranking import require_dashboard


def _chosen_period(request):
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
    user, period = request.user, _chosen_period(request)
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
    return render(request, "emulation/dashboard.html", context)
