from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from units.models import Unit, administered_unit_ids
from units.permissions import require_administrator
from units.reorganisation.forms import ReorganisationForm
from units.reorganisation.models import Reorganisation, ReorganisationChange
from units.reorganisation.permissions import get_reorganisation_for_user
from units.reorganisation.services import preview_reorganisation, record_reorganisation, reverse_reorganisation


@login_required
@require_GET
def reorganisation_list(request):
    require_administrator(request.user)
    reached = Unit.objects.for_user(request.user).values("pk")
    hidden = ReorganisationChange.objects.exclude(unit__isnull=True).exclude(unit__in=reached).values("reorganisation")
    acts = Reorganisation.objects.exclude(pk__in=hidden).prefetch_related("changes")[:200]
    return render(request, "units/reorganisation/list.html", {"acts": acts})


@login_required
@require_http_methods(["GET", "POST"])
def reorganisation_create(request):
    """Fill in the act, preview exactly what it changes, then record it (all of it or nothing)."""
    require_administrator(request.user)
    units = Unit.objects.filter(pk__in=administered_unit_ids(request.user))
    form = ReorganisationForm(request.POST or None, units=units)
    preview = None
    if request.method == "POST" and form.is_valid():
        try:
            if request.POST.get("action") == "record":
                record = record_reorganisation(act=form.act(), by=request.user)
                messages.success(request, _("Đã ghi nhận văn bản sắp xếp %(number)s.") % {"number": record})
                return redirect("units:reorganisation_detail", pk=record.pk)
            preview = preview_reorganisation(act=form.act(), by=request.user)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
    return render(request, "units/reorganisation/form.html", {"form": form, "preview": preview})


@login_required
@require_GET
def reorganisation_detail(request, pk):
    record = get_reorganisation_for_user(request.user, pk)
    return render(request, "units/reorganisation/detail.html", {"act": record, "changes": record.changes.all()})


@login_required
@require_POST
def reorganisation_reverse(request, pk):
    record = get_reorganisation_for_user(request.user, pk)
    try:
        reverse_reorganisation(reorganisation=record, by=request.user)
        messages.success(request, _("Đã hủy bỏ văn bản sắp xếp; các đơn vị trở lại như trước."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("units:reorganisation_detail", pk=record.pk)
