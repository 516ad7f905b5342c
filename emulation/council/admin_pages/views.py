"""The administrators' council pages: list, create and edit a council; add, change and remove its members.

An administrator manages the councils whose scope lies in the units they administer (a superuser all of them); a
council outside that is a 404, a user who administers nothing gets a 403. Seats change through `membership`, which
writes the audit log.
"""

import django_tables2 as tables
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from emulation.council.admin_pages.filters import CouncilFilter
from emulation.council.admin_pages.forms import CouncilForm, SeatForm
from emulation.council.admin_pages.membership import remove_seat, save_seat
from emulation.council.models.council import Council, CouncilMember
from units.listing.exports import table_page
from units.models import Person, Unit, administered_unit_ids
from units.permissions import require_administrator

WIDE_ONLY = {"th": {"class": "d-none d-md-table-cell"}, "td": {"class": "d-none d-md-table-cell"}}


class CouncilTable(tables.Table):
    name = tables.Column(
        verbose_name=gettext_lazy("Hội đồng"), linkify=("emulation:council_manage_edit", [tables.A("pk")])
    )
    scope = tables.Column(verbose_name=gettext_lazy("Phạm vi"), accessor="scope__name", attrs=WIDE_ONLY)
    secretary = tables.Column(verbose_name=gettext_lazy("Thư ký"), accessor="secretary__full_name")
    seats = tables.Column(verbose_name=gettext_lazy("Số thành viên"))
    establishing_decision = tables.Column(verbose_name=gettext_lazy("Quyết định thành lập"), attrs=WIDE_ONLY)

    class Meta:
        model = Council
        fields = ["name", "scope", "secretary", "seats", "establishing_decision"]
        order_by = ("name",)


def _administered(user):
    """Units the administrator manages councils in (403 when none)."""
    require_administrator(user)
    return Unit.objects.all() if user.is_superuser else Unit.objects.filter(pk__in=administered_unit_ids(user))


def _people(units):
    return Person.objects.filter(unit__in=units).select_related("unit")


def _council_to_manage(user, pk) -> tuple[Council, object]:
    units = _administered(user)
    return get_object_or_404(Council.objects.select_related("scope", "secretary"), pk=pk, scope__in=units), units


@login_required
@require_GET
def council_manage_list(request):
    units = _administered(request.user)
    councils = Council.objects.filter(scope__in=units).select_related("scope", "secretary")
    filterset = CouncilFilter(request.GET, queryset=councils.annotate(seats=Count("members")))
    template = "emulation/council/manage/council_list.html"
    return table_page(
        request, table=CouncilTable(filterset.qs), filterset=filterset, template=template, export_name="hoi-dong"
    )


@login_required
@require_http_methods(["GET", "POST"])
def council_manage_create(request):
    units = _administered(request.user)
    form = CouncilForm(request.POST or None, units=units, people=_people(units))
    if request.method == "POST" and form.is_valid():
        council = form.save()
        messages.success(request, _("Đã thành lập Hội đồng; thêm các thành viên bên dưới."))
        return redirect("emulation:council_manage_edit", pk=council.pk)
    return render(request, "emulation/form.html", {"form": form, "title": _("Thêm Hội đồng Thi đua – Khen thưởng")})


@login_required
@require_http_methods(["GET", "POST"])
def council_manage_edit(request, pk):
    council, units = _council_to_manage(request.user, pk)
    form = CouncilForm(request.POST or None, instance=council, units=units, people=_people(units))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Đã lưu Hội đồng."))
        return redirect("emulation:council_manage_edit", pk=council.pk)
    seats = council.members.select_related("person__unit", "user").order_by("role", "person__full_name")
    context = {"council": council, "form": form, "seats": seats}
    return render(request, "emulation/council/manage/council_edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def council_seat_edit(request, pk, seat_pk=None):
    council, units = _council_to_manage(request.user, pk)
    seat = get_object_or_404(council.members, pk=seat_pk) if seat_pk else CouncilMember(council=council)
    form = SeatForm(request.POST or None, instance=seat, people=_people(units))
    if request.method == "POST" and form.is_valid():
        save_seat(member=form.instance, by=request.user)
        messages.success(request, _("Đã lưu thành viên %(member)s.") % {"member": form.instance})
        return redirect("emulation:council_manage_edit", pk=council.pk)
    title = _("Thành viên Hội đồng — %(council)s") % {"council": council}
    return render(request, "emulation/form.html", {"form": form, "title": title})


@login_required
@require_http_methods(["GET", "POST"])
def council_seat_remove(request, pk, seat_pk):
    council, _units = _council_to_manage(request.user, pk)
    seat = get_object_or_404(council.members.select_related("person"), pk=seat_pk)
    if request.method == "POST":
        try:
            remove_seat(member=seat, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã xóa %(member)s khỏi Hội đồng.") % {"member": seat})
        return redirect("emulation:council_manage_edit", pk=council.pk)
    context = {
        "title": _("Xóa thành viên khỏi Hội đồng"),
        "question": _("Xóa %(member)s khỏi %(council)s? Việc này được ghi vào nhật ký sự kiện.")
        % {"member": seat, "council": council},
        "cancel_url": reverse("emulation:council_manage_edit", args=[council.pk]),
    }
    return render(request, "emulation/confirm_delete.html", context)
