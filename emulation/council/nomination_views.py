"""Nomination pages: list, propose, detail (dossier, score breakdown beside the eligibility evidence), revise,
attach, and the secretary's vet / return / place on agenda."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from emulation.council import nominations as services
from emulation.council import quotas
from emulation.council.forms import AgendaForm, AttachmentForm, NominationForm, NotesForm, ReviseForm
from emulation.council.models.council import Session, SessionStatus
from emulation.council.models.nominations import Nomination, NominationStatus
from emulation.council.permissions import can_propose, can_vet, get_nomination_for_user, secretary_councils
from emulation.eligibility.models import checks_shown_to
from emulation.scoring.criteria import number
from emulation.scoring.models import Score
from emulation.scoring.views import breakdown_sections
from units.models import Role, Unit


def _proposing_units(user):
    if user.is_superuser:
        return Unit.objects.all()
    roles = [Role.UNIT_HEAD, Role.ADMINISTRATOR]
    roots = Unit.objects.filter(role_assignments__user=user, role_assignments__role__in=roles)
    return Unit.objects.subtree_of(list(roots.only("path")))


PER_PAGE = 50


@login_required
@require_GET
def nomination_list(request):
    rows = Nomination.objects.for_user(request.user).select_related(
        "period", "person", "unit", "title", "award_form", "session"
    )
    status = request.GET.get("status")
    if status in NominationStatus.values:
        rows = rows.filter(status=status)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "nominations": page.object_list,
        "page": page,
        "statuses": NominationStatus.choices,
        "status": status,
        "can_create": _proposing_units(request.user).exists(),
        "suggestions": services.suggestions(units=_proposing_units(request.user)),
    }
    return render(request, "emulation/council/nomination_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def nomination_create(request):
    units = _proposing_units(request.user)
    if not units.exists():
        raise PermissionDenied
    prefill = {key: request.GET[key] for key in ("period", "unit", "person", "title") if key in request.GET}
    form = NominationForm(request.POST or None, units=units, initial=prefill)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = None if data["person"] else data["unit"]
        try:
            nomination = services.propose_nomination(
                period=data["period"],
                person=data["person"],
                unit=unit,
                title=data["title"],
                award_form=data["award_form"],
                achievement_report=data["achievement_report"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã gửi đề nghị. Bổ sung tài liệu hồ sơ bên dưới."))
            return redirect("emulation:nomination_detail", pk=nomination.pk)
    context = {"form": form, "title": _("Đề nghị khen thưởng"), "quotas": quotas.open_quotas_for(units)}
    return render(request, "emulation/council/nomination_form.html", context)


@login_required
@require_GET
def nomination_detail(request, pk):
    nomination = get_nomination_for_user(request.user, pk)
    user = request.user
    score = Score.objects.select_related("band", "bloc").filter(unit=nomination.unit, period=nomination.period).first()
    can_secretary = can_vet(user, nomination)
    sessions = Session.objects.none()
    eligibility = services.eligibility_result(nomination)
    if can_secretary:
        councils = secretary_councils(user).filter(scope_id__in=nomination.unit.ancestor_ids())
        sessions = Session.objects.filter(council__in=councils).exclude(status=SessionStatus.CLOSED)
    context = {
        "nomination": nomination,
        "attachments": nomination.attachments.all(),
        "score": score,
        "score_total": number(score.total) if score else None,
        "sections": breakdown_sections(score) if score else [],
        "quota_usage": quotas.usage(nomination),
        "eligibility": eligibility,
        "eligibility_checks": checks_shown_to(eligibility.checks.all(), user) if eligibility else [],
        "ballots": nomination.ballots.select_related("session").order_by("session__date", "round"),
        "can_edit": nomination.is_editable and can_propose(user, nomination.unit),
        "can_secretary": can_secretary,
        "agenda_form": AgendaForm(sessions=sessions),
        "attach_form": AttachmentForm(),
        "notes_form": NotesForm(),
    }
    return render(request, "emulation/council/nomination_detail.html", context)


@login_required
@require_GET
def nomination_attachment(request, pk, attachment_pk):
    """A dossier file, served only to those who may see the nomination (media is never public)."""
    nomination = get_nomination_for_user(request.user, pk)
    attachment = nomination.attachments.filter(pk=attachment_pk).first()
    if attachment is None or not attachment.file:
        raise Http404
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.file.name.rsplit("/", 1)[-1]
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def nomination_edit(request, pk):
    nomination = get_nomination_for_user(request.user, pk, action="edit")
    form = ReviseForm(request.POST or None, initial={"achievement_report": nomination.achievement_report})
    if request.method == "POST" and form.is_valid():
        try:
            services.revise_nomination(nomination=nomination, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("emulation:nomination_detail", pk=nomination.pk)
    return render(request, "emulation/form.html", {"form": form, "title": _("Sửa báo cáo thành tích")})


def _run(request, nomination, action, success: str = "", **kwargs):
    """Call a service; its refusal becomes a message on the nomination page, its success the `success` one."""
    try:
        action(nomination=nomination, by=request.user, **kwargs)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        if success:
            messages.success(request, success)
    return redirect("emulation:nomination_detail", pk=nomination.pk)


@login_required
@require_POST
def nomination_attach(request, pk):
    nomination = get_nomination_for_user(request.user, pk, action="edit")
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for text in errors:
                messages.error(request, text)
        return redirect("emulation:nomination_detail", pk=nomination.pk)
    done = _("Đã đính kèm tài liệu vào hồ sơ.")
    return _run(request, nomination, services.attach_document, done, **form.cleaned_data)


@login_required
@require_POST
def nomination_vet(request, pk):
    nomination = get_nomination_for_user(request.user, pk, action="vet")
    form = NotesForm(request.POST)
    data = form.cleaned_data if form.is_valid() else {}
    override = data.get("override", "")
    return _run(request, nomination, services.vet_nomination, notes=data.get("notes", ""), override=override)


@login_required
@require_POST
def nomination_return(request, pk):
    nomination = get_nomination_for_user(request.user, pk, action="vet")
    form = NotesForm(request.POST)
    notes = form.cleaned_data["notes"] if form.is_valid() else ""
    return _run(request, nomination, services.return_nomination, notes=notes)


@login_required
@require_POST
def nomination_schedule(request, pk):
    nomination = get_nomination_for_user(request.user, pk, action="vet")
    councils = secretary_councils(request.user)
    form = AgendaForm(request.POST, sessions=Session.objects.filter(council__in=councils))
    if not form.is_valid():
        messages.error(request, _("Chọn phiên họp."))
        return redirect("emulation:nomination_detail", pk=nomination.pk)
    session = form.cleaned_data["session"]
    done = _("Đã đưa đề nghị vào chương trình phiên họp ngày %(day)s.") % {"day": f"{session.date:%d/%m/%Y}"}
    return _run(request, nomination, services.place_on_agenda, done, session=session)
