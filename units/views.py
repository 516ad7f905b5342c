from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_tables2 import RequestConfig

from units.filters import PersonFilter, UnitFilter
from units.forms import InviteForm, PersonForm, RoleAssignmentForm, UnitForm
from units.home import attention_items
from units.listing.exports import table_page
from units.listing.tables import PersonTable, RoleAssignmentTable, UnitTable
from units.models import Notification, Person, Role, RoleAssignment, Unit, administered_unit_ids
from units.notifications import services as notifications
from units.permissions import (
    get_notification_for_user,
    get_person_for_user,
    get_role_assignment_for_user,
    get_unit_for_user,
    has_role,
    require_administrator,
    require_browse,
)
from units.search.pickers import search_people, search_units
from units.services import grant_role, invite_person, remove_role


@require_GET
def health(request):
    """A trivial page for load balancers and the page benchmark's floor: the middleware runs, nothing else."""
    return HttpResponse("ok", content_type="text/plain")


@login_required
@require_GET
def home(request):
    return render(request, "units/home.html", {"items": attention_items(request.user)})


@login_required
@require_GET
def profile(request):
    assignments = request.user.role_assignments.select_related("unit").order_by("role")
    person = Person.objects.filter(user=request.user).select_related("unit").first()
    return render(request, "units/profile.html", {"assignments": assignments, "person": person})


@login_required
@require_GET
def notification_list(request):
    items = Notification.objects.filter(user=request.user)[:200]
    return render(request, "units/notifications.html", {"notifications": items})


@login_required
@require_POST
def notification_read(request, pk):
    notification = get_notification_for_user(request.user, pk)
    notifications.mark_read(user=request.user, notification=notification)
    if notification.link and request.POST.get("open"):
        return redirect(notification.link)
    return redirect("units:notifications")


@login_required
@require_POST
def notification_read_all(request):
    notifications.mark_read(user=request.user)
    return redirect("units:notifications")


@login_required
@require_GET
def unit_list(request):
    require_browse(request.user)
    units = Unit.objects.for_user(request.user)
    filterset = UnitFilter(request.GET, queryset=units.select_related("parent"), units=units)
    table = UnitTable(filterset.qs)
    return table_page(request, table=table, filterset=filterset, template="units/unit_list.html", export_name="don-vi")


@login_required
@require_GET
def unit_detail(request, pk):
    unit = get_unit_for_user(request.user, pk)
    context = {
        "unit": unit,
        "children": unit.children.order_by("name"),
        "predecessors": unit.direct_predecessors().order_by("name"),
        "further_successors": unit.further_successors.order_by("name"),
        "people_count": Person.objects.filter(unit__path__startswith=unit.path).count(),
        "can_edit": has_role(request.user, Role.ADMINISTRATOR, unit=unit),
    }
    return render(request, "units/unit_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def unit_edit(request, pk=None):
    unit = get_unit_for_user(request.user, pk, write=True) if pk else None
    if unit is None:
        require_administrator(request.user)
    administered = Unit.objects.filter(pk__in=administered_unit_ids(request.user))
    form = UnitForm(request.POST or None, instance=unit, administered=administered)
    if request.method == "POST" and form.is_valid():
        unit = form.save()
        messages.success(request, _("Đã lưu đơn vị %(name)s.") % {"name": unit.name})
        return redirect("units:unit_detail", pk=unit.pk)
    return render(request, "units/form.html", {"form": form, "title": unit or _("Thêm đơn vị")})


@login_required
@require_GET
def person_list(request):
    require_browse(request.user)
    units = Unit.objects.for_user(request.user)
    people = Person.objects.for_user(request.user).select_related("unit")
    filterset = PersonFilter(request.GET, queryset=people, units=units)
    table = PersonTable(filterset.qs)
    return table_page(
        request, table=table, filterset=filterset, template="units/person_list.html", export_name="can-bo"
    )


@login_required
@require_GET
def person_detail(request, pk):
    person = get_person_for_user(request.user, pk)
    can_edit = has_role(request.user, Role.ADMINISTRATOR, unit=person.unit)
    return render(request, "units/person_detail.html", {"person": person, "can_edit": can_edit})


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request, pk=None):
    person = get_person_for_user(request.user, pk, write=True) if pk else None
    if person is None:
        require_administrator(request.user)
    administered = Unit.objects.filter(pk__in=administered_unit_ids(request.user))
    form = PersonForm(request.POST or None, instance=person, administered=administered)
    if request.method == "POST" and form.is_valid():
        person = form.save()
        messages.success(request, _("Đã lưu %(name)s.") % {"name": person.full_name})
        return redirect("units:person_detail", pk=person.pk)
    return render(request, "units/form.html", {"form": form, "title": person or _("Thêm cán bộ")})


@login_required
@require_http_methods(["GET", "POST"])
def person_invite(request, pk):
    person = get_person_for_user(request.user, pk, write=True)
    form = InviteForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        invite_person(person=person, email=form.cleaned_data["email"], request=request)
        messages.success(request, _("Đã gửi liên kết đặt mật khẩu tới %(email)s.") % form.cleaned_data)
        return redirect("units:person_detail", pk=person.pk)
    return render(request, "units/form.html", {"form": form, "title": _("Mời %(name)s") % {"name": person}})


@login_required
@require_GET
def role_list(request):
    require_administrator(request.user)
    assignments = RoleAssignment.objects.for_user(request.user).select_related("user", "unit")
    table = RoleAssignmentTable(assignments)
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    return render(request, "units/role_list.html", {"table": table})


@login_required
@require_http_methods(["GET", "POST"])
def role_create(request):
    require_administrator(request.user)
    administered = Unit.objects.filter(pk__in=administered_unit_ids(request.user))
    form = RoleAssignmentForm(request.POST or None, administered=administered)
    if request.method == "POST" and form.is_valid():
        grant_role(assignment=form.instance, by=request.user)
        messages.success(request, _("Đã phân quyền."))
        return redirect("units:roles")
    return render(request, "units/form.html", {"form": form, "title": _("Phân quyền")})


@login_required
@require_POST
def role_delete(request, pk):
    assignment = get_role_assignment_for_user(request.user, pk)
    remove_role(assignment=assignment, by=request.user)
    messages.success(request, _("Đã thu hồi vai trò."))
    return redirect(reverse("units:roles"))


@login_required
@require_GET
def pick_units(request):
    query = request.GET.get("q", "").strip()
    return JsonResponse({"results": search_units(user=request.user, query=query, within=request.GET.get("within", ""))})


@login_required
@require_GET
def pick_people(request):
    query = request.GET.get("q", "").strip()
    results = search_people(user=request.user, query=query, within=request.GET.get("within", ""))
    return JsonResponse({"results": results})
