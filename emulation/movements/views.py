"""Movement and period pages: what administrators configure, and what everyone else reads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from emulation.movements.blocs import save_bloc
from emulation.movements.forms import BlocForm, CommitmentItemForm, MovementForm, PeriodForm, ReopenForm
from emulation.movements.models import Bloc, BlocMembership, CommitmentItem, Movement
from emulation.movements.periods import advance_period, reopen_period
from emulation.movements.permissions import get_movement_for_user, get_period_for_user
from emulation.permissions import can_configure, require_configure
from units.models import Level, Unit
from units.permissions import require_browse


@login_required
@require_GET
def movement_list(request):
    require_browse(request.user)
    movements = Movement.objects.annotate(period_count=Count("periods"))
    return render(
        request,
        "emulation/movements/movement_list.html",
        {"movements": movements, "can_configure": can_configure(request.user)},
    )


@login_required
@require_GET
def movement_detail(request, pk):
    movement = get_movement_for_user(request.user, pk)
    context = {
        "movement": movement,
        "periods": movement.periods.annotate(pledge_count=Count("pledges")).order_by("-starts_on"),
        "items": movement.commitment_items.order_by("position", "code"),
        "can_configure": can_configure(request.user),
    }
    return render(request, "emulation/movements/movement_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def movement_edit(request, pk=None):
    movement = get_movement_for_user(request.user, pk, write=True) if pk else None
    require_configure(request.user)
    form = MovementForm(request.POST or None, instance=movement)
    if request.method == "POST" and form.is_valid():
        movement = form.save()
        messages.success(request, _("Đã lưu phong trào."))
        return redirect("emulation:movement_detail", pk=movement.pk)
    return render(request, "emulation/form.html", {"form": form, "title": movement or _("Thêm phong trào")})


@login_required
@require_http_methods(["GET", "POST"])
def period_edit(request, pk=None):
    period = get_period_for_user(request.user, pk, write=True) if pk else None
    require_configure(request.user)
    if period is not None and period.is_read_only:
        messages.error(request, _("Kỳ thi đua đã kết thúc; muốn sửa phải mở lại."))
        return redirect("emulation:period_detail", pk=period.pk)
    form = PeriodForm(request.POST or None, instance=period, initial={"movement": request.GET.get("movement")})
    if request.method == "POST" and form.is_valid():
        period = form.save()
        messages.success(request, _("Đã lưu kỳ thi đua."))
        return redirect("emulation:period_detail", pk=period.pk)
    return render(request, "emulation/form.html", {"form": form, "title": period or _("Thêm kỳ thi đua")})


@login_required
@require_GET
def period_detail(request, pk):
    period = get_period_for_user(request.user, pk)
    members = BlocMembership.objects.select_related("unit").order_by("unit__name")
    blocs = Bloc.objects.filter(period=period).select_related("leader", "deputy")
    # Schemes and pledges sit above movements: the period page reads them through the period's relations.
    counts = period.pledges.values("status").annotate(n=Count("pk"))
    labels = dict(period.pledges.model._meta.get_field("status").choices)
    context = {
        "period": period,
        "blocs": blocs.prefetch_related(Prefetch("memberships", queryset=members)),
        "scheme": getattr(period, "scheme", None),
        "pledge_counts": {labels[row["status"]]: row["n"] for row in counts},
        "reopenings": period.reopenings.select_related("reopened_by"),
        "can_configure": can_configure(request.user),
    }
    return render(request, "emulation/movements/period_detail.html", context)


@login_required
@require_POST
def period_advance(request, pk):
    period = get_period_for_user(request.user, pk, write=True)
    try:
        period = advance_period(period=period, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Kỳ thi đua chuyển sang: %(status)s.") % {"status": period.get_status_display()})
    return redirect("emulation:period_detail", pk=period.pk)


@login_required
@require_http_methods(["GET", "POST"])
def period_reopen(request, pk):
    period = get_period_for_user(request.user, pk, write=True)
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reopen_period(period=period, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã mở lại kỳ thi đua."))
            return redirect("emulation:period_detail", pk=period.pk)
    return render(request, "emulation/form.html", {"form": form, "title": _("Mở lại %(period)s") % {"period": period}})


@login_required
@require_http_methods(["GET", "POST"])
def commitment_item_edit(request, movement_pk, pk=None):
    movement = get_movement_for_user(request.user, movement_pk, write=True)
    item = get_object_or_404(movement.commitment_items, pk=pk) if pk else CommitmentItem(movement=movement)
    form = CommitmentItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Đã lưu nội dung cam kết."))
        return redirect("emulation:movement_detail", pk=movement.pk)
    title = _("Nội dung cam kết — %(movement)s") % {"movement": movement}
    return render(request, "emulation/form.html", {"form": form, "title": title})


@login_required
@require_http_methods(["GET", "POST"])
def bloc_edit(request, period_pk, pk=None):
    period = get_period_for_user(request.user, period_pk, write=True)
    bloc = get_object_or_404(Bloc, period=period, pk=pk) if pk else None
    units = Unit.objects.for_user(request.user).exclude(level=Level.SUB_UNIT).order_by("path")
    form = BlocForm(request.POST or None, units=units, bloc=bloc)
    if request.method == "POST" and form.is_valid():
        try:
            save_bloc(period=period, bloc=bloc, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã lưu khối, cụm thi đua."))
            return redirect("emulation:period_detail", pk=period.pk)
    title = bloc or _("Thêm khối, cụm thi đua — %(period)s") % {"period": period}
    return render(request, "emulation/form.html", {"form": form, "title": title})
