"""Eligibility pages: run the engine for a period (administrators), the period's results with filters, and one
subject's result with every condition and its reason. Unit heads and clerks see their units' people and units."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from emulation.eligibility.engine import default_rule_set, run_eligibility
from emulation.eligibility.forms import ResultUnitFilter
from emulation.eligibility.models import EligibilityResult, checks_shown_to
from emulation.eligibility.permissions import can_run_eligibility, get_eligibility_result_for_user
from emulation.movements.models import Period
from emulation.movements.permissions import get_period_for_user
from emulation.titles.models import RuleSet, Title
from units.models import Unit
from units.permissions import require_browse


@login_required
@require_GET
def eligibility_index(request):
    """The periods, each with how many of the results the user reads are met and not met."""
    require_browse(request.user)
    visible = EligibilityResult.objects.for_user(request.user)
    periods = Period.objects.select_related("movement").annotate(
        met=Count("eligibility_results", filter=Q(eligibility_results__in=visible.filter(met=True))),
        not_met=Count("eligibility_results", filter=Q(eligibility_results__in=visible.filter(met=False))),
    )
    return render(request, "emulation/eligibility/eligibility_index.html", {"periods": periods})


@login_required
@require_GET
def eligibility_results(request, period_pk):
    period = get_period_for_user(request.user, period_pk)
    results = EligibilityResult.objects.for_user(request.user).filter(period=period)
    filters = {key: request.GET.get(key, "") for key in ("title", "met", "unit")}
    if filters["title"].isdigit():
        results = results.filter(title_id=filters["title"])
    if filters["met"] in {"yes", "no"}:
        results = results.filter(met=filters["met"] == "yes")
    if filters["unit"].isdigit():
        unit = Unit.objects.for_user(request.user).filter(pk=filters["unit"]).first()
        results = results.filter(unit__path__startswith=unit.path) if unit else results.none()
    context = {
        "period": period,
        "results": results.select_related("title", "person", "unit", "rule_set")[:1000],
        "filters": filters,
        "titles": Title.objects.filter(active=True),
        "unit_filter": ResultUnitFilter(request.GET, user=request.user),
        "can_run": can_run_eligibility(request.user),
        "rule_sets": RuleSet.objects.filter(active=True),
        "default_rule_set": default_rule_set(period),
    }
    return render(request, "emulation/eligibility/eligibility_results.html", context)


@login_required
@require_POST
def eligibility_run(request, period_pk):
    period = get_period_for_user(request.user, period_pk)
    if not can_run_eligibility(request.user):
        raise PermissionDenied
    rule_set = RuleSet.objects.filter(pk=request.POST.get("rule_set") or 0, active=True).first()
    count = run_eligibility(period=period, rule_set=rule_set)
    if count:
        messages.success(request, _("Đã xét điều kiện cho %(count)s đối tượng.") % {"count": count})
    else:
        messages.warning(request, _("Không có đối tượng đăng ký hoặc chưa có bộ tiêu chuẩn áp dụng cho kỳ này."))
    return redirect("emulation:eligibility_results", period.pk)


@login_required
@require_GET
def eligibility_detail(request, pk):
    result = get_eligibility_result_for_user(request.user, pk)
    checks = checks_shown_to(result.checks.select_related("private_violation__type"), request.user)
    return render(request, "emulation/eligibility/eligibility_detail.html", {"result": result, "checks": checks})
