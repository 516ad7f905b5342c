"""The audit log page: administrators of a top-level unit read (and export) the chain, filtered by kind and date."""

import django_filters
import django_tables2 as tables
from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from units.audit.log import verify_chain
from units.audit.models import AuditEntry, EventKind
from units.listing.exports import table_page
from units.permissions import is_top_administrator


def can_read_audit(user) -> bool:
    """The log spans the whole province: only a superuser or an administrator of a top-level unit reads it."""
    return is_top_administrator(user)


class AuditFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Loại sự kiện"), choices=EventKind.choices)
    since = django_filters.DateFilter(
        label=_("Từ ngày"), field_name="at", lookup_expr="date__gte", widget=forms.DateInput(attrs={"type": "date"})
    )
    until = django_filters.DateFilter(
        label=_("Đến ngày"), field_name="at", lookup_expr="date__lte", widget=forms.DateInput(attrs={"type": "date"})
    )

    class Meta:
        model = AuditEntry
        fields = ["kind", "since", "until"]


class AuditTable(tables.Table):
    seq = tables.Column(verbose_name=_("Số"))
    at = tables.DateTimeColumn(format="d/m/Y H:i:s")
    hash = tables.Column(verbose_name=_("Mã bản ghi"), attrs={"td": {"class": "font-monospace small text-break"}})

    class Meta:
        model = AuditEntry
        fields = ("seq", "at", "kind", "actor_name", "summary", "object_type", "object_id", "hash")
        order_by = ("-seq",)


@login_required
@require_GET
def audit_log(request):
    if not can_read_audit(request.user):
        raise PermissionDenied
    filterset = AuditFilter(request.GET, queryset=AuditEntry.objects.all())
    extra = {"report": verify_chain()} if not request.GET.get("_export") else None
    return table_page(
        request,
        table=AuditTable(filterset.qs),
        filterset=filterset,
        template="units/audit_log.html",
        export_name="nhat-ky",
        extra=extra,
    )
