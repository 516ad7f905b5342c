"""Council points and bonus grants: list, add, change and delete (after a confirmation), each recomputing the unit.

An administrator sees and changes the entries of the units they administer (a superuser all); another unit's entry
is a 404, a user who administers nothing gets a 403. A finalized period's entries are read-only. Every change
recomputes the unit's score in the background once it commits (`units.outbox.enqueue`, as the Django admin did).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from emulation.scoring.entries.filters import BonusGrantFilter, ManualScoreFilter
from emulation.scoring.entries.forms import BonusGrantForm, ManualScoreForm
from emulation.scoring.entries.tables import BonusGrantTable, ManualScoreTable
from emulation.scoring.models import BonusGrant, ManualScore
from emulation.scoring.tasks import recompute_unit_in_period
from units.listing.exports import table_page
from units.models import Unit, administered_unit_ids
from units.outbox.services import enqueue
from units.permissions import require_administrator


@dataclass(frozen=True)
class Entries:
    """One kind of hand entry: its model, form, table, filter, path to its period, author field, names and words."""

    model: type
    form: type
    table: type
    filter: type
    period_path: str
    author_field: str
    url: str
    title: str
    one: str

    def period_of(self, entry):
        for attr in self.period_path.split("__"):
            entry = getattr(entry, attr)
        return entry


COUNCIL_POINTS = Entries(
    ManualScore,
    ManualScoreForm,
    ManualScoreTable,
    ManualScoreFilter,
    "criterion__group__scheme__period",
    "entered_by",
    "manual_score",
    gettext_lazy("Điểm Hội đồng chấm"),
    gettext_lazy("điểm Hội đồng chấm"),
)
BONUS_GRANTS = Entries(
    BonusGrant,
    BonusGrantForm,
    BonusGrantTable,
    BonusGrantFilter,
    "rule__scheme__period",
    "granted_by",
    "bonus_grant",
    gettext_lazy("Điểm thưởng được ghi nhận"),
    gettext_lazy("điểm thưởng"),
)


def _units(user):
    require_administrator(user)
    return Unit.objects.all() if user.is_superuser else Unit.objects.filter(pk__in=administered_unit_ids(user))


def _entries(kind: Entries, units):
    related = ["unit", kind.period_path] + (["criterion"] if kind.model is ManualScore else ["rule"])
    return kind.model.objects.filter(unit__in=units).select_related(*related)


def _where(kind: Entries, entry) -> tuple[int, int]:
    """(unit id, period id) whose score the entry moves."""
    return entry.unit_id, kind.period_of(entry).pk


def _recompute(*places: tuple[int, int] | None) -> None:
    """One background recomputation per (unit, period) the change touched, after the commit."""
    for unit_id, period_id in dict.fromkeys(filter(None, places)):
        enqueue(recompute_unit_in_period, unit_id, period_id)


def _refuse_if_finalized(request, kind, entry):
    if entry is not None and kind.period_of(entry).is_read_only:
        messages.error(
            request, _("Kỳ thi đua đã kết thúc: %(what)s của kỳ này không sửa, xóa được.") % {"what": kind.one}
        )
        return redirect(f"emulation:{kind.url}_list")
    return None


@login_required
@require_GET
def entry_list(request, kind: Entries):
    filterset = kind.filter(request.GET, queryset=_entries(kind, _units(request.user)))
    extra = {"title": kind.title, "create_url": reverse(f"emulation:{kind.url}_create")}
    template = "emulation/scoring/entries/entry_list.html"
    table = kind.table(filterset.qs)
    return table_page(request, table=table, filterset=filterset, template=template, export_name=kind.url, extra=extra)


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request, kind: Entries, pk=None):
    units = _units(request.user)
    entry = get_object_or_404(_entries(kind, units), pk=pk) if pk else None
    refused = _refuse_if_finalized(request, kind, entry)
    if refused:
        return refused
    before = _where(kind, entry) if entry else None
    form = kind.form(request.POST or None, instance=entry, units=units)
    if request.method == "POST" and form.is_valid():
        setattr(form.instance, kind.author_field, request.user)
        saved = form.save()
        _recompute(before, _where(kind, saved))
        messages.success(request, _("Đã lưu %(what)s; điểm của đơn vị đang được tính lại.") % {"what": kind.one})
        return redirect(f"emulation:{kind.url}_list")
    title = _("Sửa %(what)s") % {"what": kind.one} if entry else _("Thêm %(what)s") % {"what": kind.one}
    return render(request, "emulation/form.html", {"form": form, "title": title})


@login_required
@require_http_methods(["GET", "POST"])
def entry_delete(request, kind: Entries, pk):
    entry = get_object_or_404(_entries(kind, _units(request.user)), pk=pk)
    refused = _refuse_if_finalized(request, kind, entry)
    if refused:
        return refused
    if request.method == "POST":
        place = _where(kind, entry)
        entry.delete()
        _recompute(place)
        messages.success(request, _("Đã xóa %(what)s; điểm của đơn vị đang được tính lại.") % {"what": kind.one})
        return redirect(f"emulation:{kind.url}_list")
    context = {
        "title": _("Xóa %(what)s") % {"what": kind.one},
        "question": _("Xóa %(what)s “%(entry)s”? Điểm của đơn vị sẽ được tính lại.")
        % {"what": kind.one, "entry": entry},
        "cancel_url": reverse(f"emulation:{kind.url}_list"),
    }
    return render(request, "emulation/confirm_delete.html", context)
