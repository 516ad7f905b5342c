"""Tables declare columns only; views hand them user-scoped, filtered querysets."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from evaluations.inspections.models import Inspection, Violation
from units.listing.tables import CARDS_ON_PHONE


class InspectionTable(tables.Table):
    date = tables.DateColumn(format="d/m/Y", linkify=("evaluations:inspection_detail", [tables.A("pk")]))
    unit = tables.Column(accessor="unit__name", verbose_name=_("Đơn vị"), order_by="unit__name")
    lead = tables.Column(accessor="lead__full_name", verbose_name=_("Trưởng đoàn"), order_by="lead__full_name")
    violation_count = tables.Column(verbose_name=_("Số vi phạm"), orderable=True)

    class Meta:
        model = Inspection
        fields = ("date", "unit", "kind", "status", "lead", "violation_count")
        order_by = ("-date",)
        attrs = CARDS_ON_PHONE


class ViolationTable(tables.Table):
    """The person's name follows the privacy rule of Violation.names_person_to for the viewing user."""

    occurred_at = tables.DateTimeColumn(
        format="d/m/Y H:i", verbose_name=_("Thời điểm"), linkify=("evaluations:violation_detail", [tables.A("pk")])
    )
    unit = tables.Column(accessor="unit__name", verbose_name=_("Đơn vị"), order_by="unit__name")
    type = tables.Column(accessor="type__name", verbose_name=_("Loại vi phạm"), order_by="type__code")
    severity = tables.Column(accessor="type__severity", verbose_name=_("Mức độ"), order_by="type__severity")
    person = tables.Column(accessor="pk", verbose_name=_("Người vi phạm"), orderable=False)
    appeal_deadline = tables.DateColumn(format="d/m/Y")

    class Meta:
        model = Violation
        fields = ("occurred_at", "unit", "type", "severity", "person", "status", "appeal_deadline")
        order_by = ("-occurred_at",)
        attrs = CARDS_ON_PHONE

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def render_person(self, record):
        return record.person_label_for(self.user) or "—"

    def value_person(self, record):
        return record.person_label_for(self.user)
