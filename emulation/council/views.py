"""Council pages: my councils, a council, a session (agenda, attendance, quorum, ballots), the phone voting page,
the secretary's controls and the session minutes PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from emulation.council import minutes as pdfs
from emulation.council import quotas
from emulation.council import sessions as services
from emulation.council.ballots import stakes, voting
from emulation.council.forms import AttendanceForm, CloseBallotForm, SessionForm, VoteForm, WrittenVoteForm
from emulation.council.models.council import Council, CouncilMember, Presence, Session
from emulation.council.permissions import (
    get_ballot_for_user,
    get_council_for_user,
    get_nomination_for_user,
    get_session_for_user,
    is_secretary,
)


@login_required
@require_GET
def council_list(request):
    councils = Council.objects.for_user(request.user).select_related("scope", "secretary")
    return render(request, "emulation/council/council_list.html", {"councils": councils})


@login_required
@require_http_methods(["GET", "POST"])
def council_detail(request, pk):
    council = get_council_for_user(request.user, pk)
    secretary = is_secretary(request.user, council)
    form = SessionForm(request.POST or None)
    if request.method == "POST":
        if not secretary:
            raise PermissionDenied
        if form.is_valid():
            session = Session.objects.create(council=council, **form.cleaned_data)
            return redirect("emulation:session_detail", pk=session.pk)
    context = {
        "council": council,
        "members": council.members.select_related("person__unit").order_by("role", "person__full_name"),
        "sessions": council.sessions.all(),
        "is_secretary": secretary,
        "form": form,
    }
    return render(request, "emulation/council/council_detail.html", context)


@login_required
@require_GET
def session_detail(request, pk):
    session = get_session_for_user(request.user, pk)
    secretary = is_secretary(request.user, session.council)
    attendance = list(session.attendance.select_related("member__person__unit").order_by("member__role"))
    ballots = session.ballots.select_related("nomination__person", "nomination__unit").annotate(
        votes_in=Count("participations", distinct=True) + Count("open_votes", distinct=True)
    )
    ballots = list(ballots.order_by("pk"))
    context = {
        "session": session,
        "agenda": session.nominations.select_related("person", "unit", "title", "award_form"),
        "attendance": attendance,
        "ballots": ballots,
        "is_secretary": secretary,
        "attendance_form": AttendanceForm(lines=attendance) if secretary else None,
        "written": [line for line in attendance if line.presence == Presence.ABSENT_WRITTEN],
        "awaiting_chair": quotas.awaiting_chair(session),
    }
    return render(request, "emulation/council/council_session.html", context)


def _run(request, redirect_to, action, success: str = "", **kwargs):
    """Call a service; its refusal becomes a message on the page redirected to, its success the `success` one."""
    try:
        action(by=request.user, **kwargs)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        if success:
            messages.success(request, success)
    return redirect_to


@login_required
@require_POST
def session_open(request, pk):
    session = get_session_for_user(request.user, pk, manage=True)
    return _run(request, redirect("emulation:session_detail", pk=pk), services.open_session, session=session)


@login_required
@require_POST
def session_close(request, pk):
    session = get_session_for_user(request.user, pk, manage=True)
    done = _("Đã kết thúc phiên họp; biên bản đã sẵn sàng để tải về.")
    return _run(request, redirect("emulation:session_detail", pk=pk), services.close_session, done, session=session)


@login_required
@require_POST
def session_attendance(request, pk):
    session = get_session_for_user(request.user, pk, manage=True)
    lines = session.attendance.select_related("member__person")
    data = request.POST.copy()
    if "all_present" in data:  # the "everyone present" button
        data.update({f"m{line.member_id}": "present" for line in lines})
    form = AttendanceForm(data, lines=lines)
    if not form.is_valid():
        messages.error(request, _("Tình trạng dự họp không hợp lệ."))
        return redirect("emulation:session_detail", pk=pk)
    target = redirect("emulation:session_detail", pk=pk)
    return _run(request, target, services.record_attendance, session=session, presence=form.presence())


@login_required
@require_POST
def ballot_open(request, pk, nomination_pk):
    session = get_session_for_user(request.user, pk, manage=True)
    nomination = get_nomination_for_user(request.user, nomination_pk)
    target = redirect("emulation:session_detail", pk=pk)
    done = _("Đã mở bỏ phiếu; các thành viên có mặt có thể biểu quyết ngay.")
    return _run(request, target, services.open_ballot, done, session=session, nomination=nomination)


@login_required
@require_http_methods(["GET", "POST"])
def ballot_vote(request, pk):
    """The phone page: two big buttons; a recused member gets a 403 that says why."""
    ballot = get_ballot_for_user(request.user, pk)
    member = voting.member_for(ballot, request.user)
    if member is None:
        raise PermissionDenied(_("Bạn không phải thành viên Hội đồng của phiên họp này."))
    if ballot.recused.filter(pk=member.pk).exists():
        return render(request, "emulation/council/council_vote.html", {"ballot": ballot, "recused": True}, status=403)
    if request.method == "POST":
        form = VoteForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(_("Phiếu không hợp lệ."))
            if not request.POST.get("confirm"):  # a vote is final: the choice is shown once more before it counts
                return render(request, "emulation/council/council_vote.html", {"ballot": ballot, "confirm": form})
            voting.cast_vote(ballot=ballot, user=request.user, choice=form.cleaned_data["choice"])
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        else:
            messages.success(request, _("Đã ghi nhận phiếu của bạn."))  # never the choice: messages may be stored
        return redirect("emulation:ballot_vote", pk=ballot.pk)
    present = ballot.session.attendance.filter(member=member, presence=Presence.PRESENT).exists()
    context = {"ballot": ballot, "voted": voting.has_voted(ballot, member), "member": member, "present": present}
    return render(request, "emulation/council/council_vote.html", context)


@login_required
@require_POST
def ballot_written(request, pk):
    ballot = get_ballot_for_user(request.user, pk, manage=True)
    form = WrittenVoteForm(request.POST)
    target = redirect("emulation:session_detail", pk=ballot.session_id)
    if not form.is_valid():
        messages.error(request, _("Phiếu không hợp lệ."))
        return target
    member = CouncilMember.objects.filter(council=ballot.session.council, pk=form.cleaned_data["member"]).first()
    if member is None:
        messages.error(request, _("Không tìm thấy thành viên."))
        return target
    choice = form.cleaned_data["choice"]
    try:
        return _run(request, target, voting.record_written_vote, ballot=ballot, member=member, choice=choice)
    except voting.Recused as refusal:
        messages.error(request, str(refusal))
        return target


@login_required
@require_http_methods(["GET", "POST"])
def ballot_close(request, pk):
    """GET: the stakes (who has not voted, what the seal prevents, who is told); POST with `confirm` seals."""
    ballot = get_ballot_for_user(request.user, pk, manage=True)
    form = CloseBallotForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and form.cleaned_data["confirm"]:
        target = redirect("emulation:session_detail", pk=ballot.session_id)
        return _run(
            request, target, voting.close_ballot, ballot=ballot, chair_decision=form.cleaned_data["chair_decision"]
        )
    if request.method == "POST":
        messages.error(request, _("Xác nhận trước khi kết thúc bỏ phiếu và niêm phong."))
    context = {"ballot": ballot, "stakes": stakes.closing_stakes(ballot), "form": form}
    return render(request, "emulation/council/ballot_close.html", context)


@login_required
@require_POST
def session_quota(request, pk):
    """The chair's deciding vote at a quota's edge, entered by the secretary with the reason."""
    session = get_session_for_user(request.user, pk, manage=True)
    chosen = [int(v) for v in request.POST.getlist("chosen") if v.isdigit()]
    first = session.nominations.filter(pk__in=chosen).first()
    target = redirect("emulation:session_detail", pk=pk)
    if first is None:
        messages.error(request, _("Chọn người được Chủ tịch Hội đồng quyết định."))
        return target
    reason = request.POST.get("reason", "")
    return _run(request, target, quotas.settle, session=session, nomination=first, chair_pick=chosen, reason=reason)


@login_required
@require_GET
def session_minutes(request, pk):
    session = get_session_for_user(request.user, pk)
    response = HttpResponse(pdfs.minutes_pdf(session), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bien-ban-{session.date:%Y%m%d}.pdf"'
    return response
