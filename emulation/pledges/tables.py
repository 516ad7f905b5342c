"""The pledge and registration tables (columns only; views hand them scoped querysets)."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from emulation.pledges.models import Pledge, Registration


class PledgeTable(tables.Table):
    unit = tables.Column(
        verbose_name=_("Đơn vị"),
        accessor="unit__name",
        order_by="unit__name",
        linkify=("emulation:pledge_detail", [tables.A("pk")]),
    )
    period = tables.Column(verbose_name=_("Kỳ thi đua"), accessor="period__name", order_by="period__starts_on")
    movement = tables.Column(verbose_name=_("Phong trào"), accessor="period__movement__name")
    target_title = tables.Column(verbose_name=_("Danh hiệu tập thể"), accessor="target_title__name")
    submitted_at = tables.DateTimeColumn(format="d/m/Y H:i")
    is_late = tables.BooleanColumn(yesno="⚠,—")

    class Meta:
        model = Pledge
        fields = ("unit", "movement", "period", "status", "target_title", "submitted_at", "is_late")
        order_by = ("unit",)


class RegistrationTable(tables.Table):
    person = tables.Column(verbose_name=_("Họ và tên"), accessor="person__full_name", order_by="person__full_name")
    position = tables.Column(verbose_name=_("Chức vụ"), accessor="person__position")
    unit = tables.Column(verbose_name=_("Đơn vị"), accessor="person__unit__name")
    title = tables.Column(verbose_name=_("Danh hiệu đăng ký"), accessor="title__name", order_by="title__name")

    class Meta:
        model = Registration
        fields = ("person", "position", "unit", "title")
        order_by = ("person",)
