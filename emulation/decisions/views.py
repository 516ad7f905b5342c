"""Decision and award pages: registers, the draft and its recipients, signing, revocation and annulment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from emulation.decisions import revocation
from emulation.decisions import services as decisions
from emulation.decisions.filters import AwardFilter, DecisionFilter
from emulation.decisions.forms import AnnulForm, DecisionForm, NominationPickForm, RecipientForm, SignForm
from emulation.decisions.models import Award, AwardStatus, Decision, DecisionStatus
from emulation.decisions.permissions import (
    can_draft_any,
    can_draft_decision,
    can_sign_decision,
    draftable_units,
    get_award_for_user,
    get_decision_for_user,
)
from emulation.decisions.signals import decision_signing
from emulation.decisions.tables import AwardTable, DecisionTable
from units.listing.exports import table_page
from units.models import Role
from units.permissions import has_role

AWARD_RELATED = ("person__unit", "unit", "title", "award_form", "decision", "revocation")


@login_required
@require_GET
def decision_list(request):
    if not can_see_decisions(request.user):
        raise PermissionDenied
    rows = (
        Decision.objects.for_user(request.user)
        .select_related("authority", "period")
        .annotate(award_count=Count("awards"))
    )
    filterset = DecisionFilter(request.GET, queryset=rows)
    return table_page(
        request,
        table=DecisionTable(filterset.qs),
        filterset=filterset,
        template="emulation/decisions/decision_list.html",
        export_name="quyet-dinh-khen-thuong",
        extra={"can_draft": can_draft_any(request.user)},
    )


def can_see_decisions(user) -> bool:
    """Everyone who reads decisions or awards of a unit (staff see only their own awards, not the register)."""
    return has_role(
        user, Role.ADMINISTRATOR, Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY, Role.UNIT_HEAD, Role.UNIT_CLERK
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_create(request):
    units = draftable_units(request.user)
    if not can_draft_any(request.user):
        raise PermissionDenied
    form = DecisionForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            decision = decisions.draft_decision(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã tạo dự thảo quyết định. Thêm người, tập thể được khen bên dưới."))
            return redirect("emulation:decision_detail", pk=decision.pk)
    return render(
        request, "emulation/decisions/decision_form.html", {"form": form, "title": _("Dự thảo quyết định khen thưởng")}
    )


@login_required
@require_GET
def decision_detail(request, pk):
    decision = get_decision_for_user(request.user, pk)
    user = request.user
    awards = decision.awards.select_related(*AWARD_RELATED).order_by("unit__path", "person__full_name", "pk")
    context = {
        "decision": decision,
        "awards": awards,
        "revocation": decision.revocations.select_related("authority", "revoked_by").first(),
        "can_draft": decision.is_editable and can_draft_decision(user, decision.unit),
        "can_sign": decision.is_editable and can_sign_decision(user, decision.unit),
        "can_annul": decision.status == DecisionStatus.SIGNED and can_sign_decision(user, decision.unit),
        "active_count": sum(award.status == AwardStatus.ACTIVE for award in awards),
    }
    return render(request, "emulation/decisions/decision_detail.html", context)


def _refuse_if_signed(request, decision):
    """Every write view of a signed decision sends the user back to it with the reason."""
    if decision.is_editable:
        return None
    messages.error(request, _("Quyết định đã ký ban hành, không được sửa đổi; muốn sửa phải hủy bỏ quyết định."))
    return redirect("emulation:decision_detail", pk=decision.pk)


def _run(request, service, success: str, **kwargs) -> bool:
    try:
        service(by=request.user, **kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, success)
    return True


@login_required
@require_http_methods(["GET", "POST"])
def decision_edit(request, pk):
    decision = get_decision_for_user(request.user, pk, action="draft")
    if refused := _refuse_if_signed(request, decision):
        return refused
    form = DecisionForm(request.POST or None, decision=decision)
    saved = _("Đã lưu dự thảo.")
    if (
        request.method == "POST"
        and form.is_valid()
        and _run(request, decisions.save_draft, saved, decision=decision, **form.cleaned_data)
    ):
        return redirect("emulation:decision_detail", pk=decision.pk)
    return render(
        request, "emulation/decisions/decision_form.html", {"form": form, "title": _("Sửa dự thảo quyết định")}
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_add_recipient(request, pk):
    decision = get_decision_for_user(request.user, pk, action="draft")
    if refused := _refuse_if_signed(request, decision):
        return refused
    form = RecipientForm(request.POST or None, decision=decision)
    if request.method == "POST" and form.is_valid():
        try:
            decisions.add_recipient(decision=decision, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã thêm vào quyết định."))
            return redirect("emulation:decision_detail", pk=decision.pk)
    context = {"form": form, "title": _("Thêm người, tập thể được khen thưởng"), "decision": decision}
    return render(request, "emulation/decisions/decision_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def decision_add_nominations(request, pk):
    decision = get_decision_for_user(request.user, pk, action="draft")
    if refused := _refuse_if_signed(request, decision):
        return refused
    form = NominationPickForm(request.POST or None, nominations=decisions.approved_nominations_for(decision))
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["nominations"]
        done = _("Đã thêm %(count)s đề nghị vào quyết định.") % {"count": len(chosen)}
        if _run(request, decisions.add_recipients_from_nominations, done, decision=decision, nominations=chosen):
            return redirect("emulation:decision_detail", pk=decision.pk)
    context = {"form": form, "title": _("Thêm từ đề nghị đã được Hội đồng thông qua"), "decision": decision}
    return render(request, "emulation/decisions/decision_form.html", context)


@login_required
@require_POST
def award_remove(request, pk):
    award = get_award_for_user(request.user, pk, action="draft")
    if refused := _refuse_if_signed(request, award.decision):
        return refused
    _run(request, decisions.remove_recipient, _("Đã bỏ khỏi dự thảo."), award=award)
    return redirect("emulation:decision_detail", pk=award.decision_id)


@login_required
@require_http_methods(["GET", "POST"])
def decision_sign(request, pk):
    decision = get_decision_for_user(request.user, pk, action="sign")
    if refused := _refuse_if_signed(request, decision):
        return refused
    form = SignForm(request.POST or None, decision=decision)
    if request.method == "POST" and form.is_valid():
        try:
            decisions.sign_decision(decision=decision, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã ghi nhận quyết định được ký ban hành."))
            return redirect("emulation:decision_detail", pk=decision.pk)
    context = {"form": form, "title": _("Ghi nhận ký ban hành quyết định"), "decision": decision}
    context["stakes"] = _stakes(
        decision.awards.all(), _("Sau khi ghi nhận ký, quyết định và danh sách khen thưởng không sửa được.")
    )
    context["warnings"] = signing_warnings(decision, form)
    return render(request, "emulation/decisions/decision_form.html", context)


def _stakes(awards, warning: str) -> list[str]:
    """What an irreversible step does, in words for the confirmation page: the warning, then who is told."""
    awards = list(awards.select_related("person__user", "unit") if hasattr(awards, "select_related") else awards)
    told = [str(a.person) for a in awards if a.person_id and a.person.user_id]
    lines = [warning, _("%(n)s khen thưởng bị ảnh hưởng.") % {"n": len(awards)}]
    if told:
        lines.append(_("Sẽ báo tin cho: %(people)s.") % {"people": ", ".join(told)})
    return lines


def signing_warnings(decision, form) -> list[str]:
    """What the concepts above decisions ask the signer to read first (e.g. the reward fund would be overspent), for
    the date typed in, else today."""
    on = (form.is_bound and form.is_valid() and form.cleaned_data["decided_on"]) or timezone.localdate()
    replies = decision_signing.send(sender=Decision, decision=decision, on=on)
    return [text for _receiver, texts in replies for text in texts or ()]


@login_required
@require_http_methods(["GET", "POST"])
def decision_annul(request, pk):
    decision = get_decision_for_user(request.user, pk, action="sign")
    form = AnnulForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            revocation.annul_decision(decision=decision, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã hủy bỏ quyết định; mọi khen thưởng của quyết định đã bị thu hồi."))
            return redirect("emulation:decision_detail", pk=decision.pk)
    context = {"form": form, "title": _("Hủy bỏ quyết định %(d)s") % {"d": decision}, "decision": decision}
    warning = _("Hủy bỏ quyết định thu hồi mọi khen thưởng của quyết định, không hoàn tác được.")
    context["stakes"] = _stakes(decision.awards.filter(status=AwardStatus.ACTIVE), warning)
    return render(request, "emulation/decisions/decision_form.html", context)


@login_required
@require_GET
def award_list(request):
    awards = Award.objects.for_user(request.user).select_related(*AWARD_RELATED, "person__unit")
    filterset = AwardFilter(request.GET, queryset=awards)
    counts = filterset.qs.aggregate(
        active=Count("pk", filter=Q(status=AwardStatus.ACTIVE)),
        revoked=Count("pk", filter=Q(status=AwardStatus.REVOKED)),
    )
    return table_page(
        request,
        table=AwardTable(filterset.qs),
        filterset=filterset,
        template="emulation/decisions/award_list.html",
        export_name="so-khen-thuong",
        extra={"counts": counts},
    )


@login_required
@require_GET
def award_detail(request, pk):
    award = get_award_for_user(request.user, pk)
    context = {
        "award": award,
        "decision_visible": Decision.objects.for_user(request.user).filter(pk=award.decision_id).exists(),
        "can_revoke": award.status == AwardStatus.ACTIVE
        and award.decision.status == DecisionStatus.SIGNED
        and can_sign_decision(request.user, award.decision.unit),
    }
    return render(request, "emulation/decisions/award_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def award_revoke(request, pk):
    award = get_award_for_user(request.user, pk, action="revoke")
    form = AnnulForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            revocation.revoke_award(award=award, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã thu hồi khen thưởng."))
            return redirect("emulation:award_detail", pk=award.pk)
    context = {"form": form, "title": _("Thu hồi khen thưởng: %(a)s") % {"a": award}, "award": award}
    context["stakes"] = _stakes(
        [award], _("Thu hồi khen thưởng không hoàn tác được; giấy khen in ra hiện “ĐÃ THU HỒI”.")
    )
    return render(request, "emulation/decisions/decision_form.html", context)
