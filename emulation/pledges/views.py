"""Pledge pages: list, start, edit, registrations, submit / accept / return, registration sheet PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from emulation.pledges import pdfs
from emulation.pledges.filters import PledgeFilter
from emulation.pledges.forms import BulkRegistrationForm, PledgeForm, RegistrationForm, ReturnForm, StartPledgeForm
from emulation.pledges.models import Pledge, Registration
from emulation.pledges.permissions import can_prepare_pledge, can_review_pledge, can_submit_pledge, get_pledge_for_user
from emulation.pledges.services import (
    accept_pledge,
    register_staff_in_bulk,
    return_pledge,
    save_pledge,
    set_registration,
    staff_of,
    start_pledge,
    submit_pledge,
)
from emulation.pledges.tables import PledgeTable, RegistrationTable
from units.listing.exports import table_page
from units.models import Role, Unit, administered_unit_ids
from units.permissions import require_browse, role_paths


@login_required
@require_GET
def pledge_list(request):
    require_browse(request.user)
    pledges = Pledge.objects.for_user(request.user).select_related("unit", "period__movement", "target_title")
    filterset = PledgeFilter(request.GET, queryset=pledges)
    return table_page(
        request,
        table=PledgeTable(filterset.qs),
        filterset=filterset,
        template="emulation/pledges/pledge_list.html",
        export_name="dang-ky-thi-dua",
        extra={"can_start": _preparable_units(request.user).exists()},
    )


def _preparable_units(user):
    """Units whose pledge the user may prepare: those they head or clerk (administrators: all they administer, not
    the predecessors they only read)."""
    if user.is_superuser:
        return Unit.objects.all()
    if any(role == Role.ADMINISTRATOR for role, _path in role_paths(user)):
        return Unit.objects.filter(pk__in=administered_unit_ids(user))
    return Unit.objects.filter(
        role_assignments__user=user, role_assignments__role__in=[Role.UNIT_HEAD, Role.UNIT_CLERK]
    )


@login_required
@require_http_methods(["GET", "POST"])
def pledge_start(request):
    units = _preparable_units(request.user).distinct()
    if not units.exists():
        raise PermissionDenied
    form = StartPledgeForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            pledge = start_pledge(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("emulation:pledge_edit", pk=pledge.pk)
    return render(request, "emulation/form.html", {"form": form, "title": _("Lập bản đăng ký thi đua")})


@login_required
@require_GET
def pledge_detail(request, pk):
    pledge = get_pledge_for_user(request.user, pk)
    user = request.user
    context = {
        "pledge": pledge,
        "items": pledge.commitment_items.order_by("position", "code"),
        "registrations": pledge.registrations.select_related("person", "title").order_by("person__full_name"),
        "can_prepare": pledge.is_editable and can_prepare_pledge(user, pledge.unit),
        "can_submit": pledge.is_editable and can_submit_pledge(user, pledge.unit),
        "can_review": pledge.status == "submitted"
        and can_review_pledge(user, pledge, after_deadline=pledge.period.is_past_deadline()),
        "return_form": ReturnForm(),
    }
    return render(request, "emulation/pledges/pledge_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def pledge_edit(request, pk):
    pledge = get_pledge_for_user(request.user, pk, action="prepare")
    form = PledgeForm(request.POST or None, pledge=pledge)
    if request.method == "POST" and form.is_valid():
        try:
            save_pledge(pledge=pledge, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã lưu bản đăng ký."))
        return redirect("emulation:pledge_detail", pk=pledge.pk)
    return render(request, "emulation/pledges/pledge_edit.html", {"form": form, "pledge": pledge})


@login_required
@require_http_methods(["GET", "POST"])
def pledge_registrations(request, pk):
    pledge = get_pledge_for_user(request.user, pk, action="prepare")
    bulk_form = BulkRegistrationForm(request.POST if "bulk" in request.POST else None)
    one_form = RegistrationForm(request.POST if "one" in request.POST else None, people=staff_of(pledge.unit))
    form = bulk_form if "bulk" in request.POST else one_form
    if request.method == "POST" and form.is_valid():
        try:
            _register(request, pledge, form)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("emulation:pledge_registrations", pk=pledge.pk)
    rows = pledge.registrations.select_related("person__unit", "title")
    context = {"pledge": pledge, "bulk_form": bulk_form, "one_form": one_form, "table": RegistrationTable(rows)}
    return render(request, "emulation/pledges/pledge_registrations.html", context)


def _register(request, pledge, form):
    if isinstance(form, BulkRegistrationForm):
        count = register_staff_in_bulk(pledge=pledge, title=form.cleaned_data["title"], by=request.user)
        messages.success(request, _("Đã đăng ký thêm %(count)s cán bộ.") % {"count": count})
    else:
        set_registration(pledge=pledge, by=request.user, **form.cleaned_data)
        messages.success(request, _("Đã cập nhật đăng ký của %(name)s.") % {"name": form.cleaned_data["person"]})


def _run(request, pledge, action, success: str, **kwargs):
    try:
        action(pledge=pledge, by=request.user, **kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect("emulation:pledge_detail", pk=pledge.pk)


@login_required
@require_POST
def pledge_submit(request, pk):
    pledge = get_pledge_for_user(request.user, pk, action="submit")
    return _run(request, pledge, submit_pledge, _("Đã gửi bản đăng ký."))


@login_required
@require_POST
def pledge_accept(request, pk):
    pledge = get_pledge_for_user(request.user, pk, action="review")
    return _run(request, pledge, accept_pledge, _("Đã chấp nhận bản đăng ký."))


@login_required
@require_POST
def pledge_return(request, pk):
    pledge = get_pledge_for_user(request.user, pk, action="review")
    form = ReturnForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    return _run(request, pledge, return_pledge, _("Đã trả lại bản đăng ký."), comment=comment)


@login_required
@require_GET
def pledge_pdf(request, pk):
    pledge = get_pledge_for_user(request.user, pk)
    response = HttpResponse(pdfs.registration_sheet(pledge), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="dang-ky-thi-dua-{pledge.unit.code}-{pledge.period_id}.pdf"'
    return response


@login_required
@require_GET
def my_registrations(request):
    rows = Registration.objects.filter(person__user=request.user).select_related(
        "pledge__period__movement", "pledge__unit", "title"
    )
    return render(
        request,
        "emulation/pledges/my_registrations.html",
        {"registrations": rows.order_by("-pledge__period__starts_on")},
    )
