"""The title catalogue: rule sets with each title's conditions, award forms, authorities and their powers. Anyone who
browses units reads it; administrators maintain it, or copy a rule set as the start of a province's own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods

from emulation.permissions import can_configure, require_configure
from emulation.titles import forms as f
from emulation.titles.catalogue import copy_rule_set
from emulation.titles.models import Authority, AuthorityPower, AwardForm, RuleSet, Title, TitleCondition, TitleHistory
from units.permissions import require_browse

EDITABLE = {
    "ruleset": (RuleSet, f.RuleSetForm, _lazy("bộ tiêu chuẩn")),
    "title": (Title, f.TitleForm, _lazy("danh hiệu")),
    "condition": (TitleCondition, f.TitleConditionForm, _lazy("điều kiện danh hiệu")),
    "form": (AwardForm, f.AwardFormForm, _lazy("hình thức khen thưởng")),
    "authority": (Authority, f.AuthorityForm, _lazy("thẩm quyền")),
    "power": (AuthorityPower, f.AuthorityPowerForm, _lazy("quyền khen thưởng")),
    "history": (TitleHistory, f.TitleHistoryForm, _lazy("danh hiệu đã đạt")),
}


@login_required
@require_GET
def title_catalogue(request):
    require_browse(request.user)
    conditions = TitleCondition.objects.select_related("title", "other_title").order_by(
        "title__scope", "title__position", "position"
    )
    context = {
        "rule_sets": RuleSet.objects.prefetch_related(Prefetch("conditions", queryset=conditions)),
        "titles": Title.objects.all(),
        "award_forms": AwardForm.objects.all(),
        "authorities": Authority.objects.prefetch_related(
            Prefetch("powers", queryset=AuthorityPower.objects.select_related("title", "award_form"))
        ),
        "can_edit": can_configure(request.user),
    }
    return render(request, "emulation/titles/titles_catalogue.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def title_catalogue_edit(request, kind, pk=None):
    """Add or change one catalogue row (administrators)."""
    require_configure(request.user)
    if kind not in EDITABLE:
        raise Http404
    model, form_class, label = EDITABLE[kind]
    instance = get_object_or_404(model, pk=pk) if pk else None
    form = form_class(request.POST or None, instance=instance, initial=request.GET.dict() if not pk else None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Đã lưu %(what)s.") % {"what": label})
        return redirect("emulation:title_history" if kind == "history" else "emulation:title_catalogue")
    title = (_("Sửa %(what)s") if instance else _("Thêm %(what)s")) % {"what": label}
    return render(request, "emulation/titles/titles_form.html", {"form": form, "title": title})


@login_required
@require_http_methods(["GET", "POST"])
def rule_set_copy(request, pk):
    """Copy every condition of a rule set into a new one a province then edits."""
    require_configure(request.user)
    source = get_object_or_404(RuleSet, pk=pk)
    form = f.CopyRuleSetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        copy = copy_rule_set(source=source, **form.cleaned_data)
        messages.success(
            request, _("Đã tạo bộ tiêu chuẩn “%(name)s” từ “%(source)s”.") % {"name": copy.name, "source": source.name}
        )
        return redirect("emulation:title_catalogue")
    title = _("Sao chép bộ tiêu chuẩn “%(name)s”") % {"name": source.name}
    return render(request, "emulation/titles/titles_form.html", {"form": form, "title": title})


@login_required
@require_GET
def title_history(request):
    """Titles held in earlier years, recorded from paper decisions by administrators (search by name or code)."""
    require_configure(request.user)
    query = request.GET.get("q", "").strip()
    rows = TitleHistory.objects.select_related("title", "person__unit", "unit")
    if query:
        rows = rows.filter(
            Q(person__full_name__icontains=query) | Q(person__code=query) | Q(unit__name__icontains=query)
        )
    return render(request, "emulation/titles/titles_history.html", {"rows": rows[:500], "query": query})
