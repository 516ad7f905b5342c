import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from units.models import Person, RoleAssignment, Unit

# Secondary columns are hidden on phones; the export still carries them.
WIDE_ONLY = {"th": {"class": "d-none d-md-table-cell"}, "td": {"class": "d-none d-md-table-cell"}}
# A list that becomes cards on phones (static/css/app.css): each cell carries its column heading as its label.
CARDS_ON_PHONE = {
    "class": "table table-sm table-hover align-middle table-cards",
    "td": {"data-label": lambda bound_column: bound_column.header},
}


class UnitTable(tables.Table):
    code = tables.Column(linkify=("units:unit_detail", [tables.A("pk")]))
    name = tables.Column(linkify=("units:unit_detail", [tables.A("pk")]))
    parent = tables.Column(verbose_name=_("Đơn vị cấp trên"), accessor="parent__name", order_by="parent__name")
    kind = tables.Column(attrs=WIDE_ONLY)
    valid_from = tables.DateColumn(format="d/m/Y", attrs=WIDE_ONLY)
    valid_to = tables.DateColumn(format="d/m/Y", attrs=WIDE_ONLY)

    class Meta:
        model = Unit
        fields = ("code", "name", "level", "kind", "parent", "valid_from", "valid_to")
        sequence = ("code", "name", "level", "kind", "parent", "valid_from", "valid_to")
        order_by = ("code",)


class PersonTable(tables.Table):
    code = tables.Column(linkify=("units:person_detail", [tables.A("pk")]))
    full_name = tables.Column(linkify=("units:person_detail", [tables.A("pk")]))
    unit = tables.Column(accessor="unit__name", verbose_name=_("Đơn vị"), order_by="unit__name")
    has_account = tables.BooleanColumn(verbose_name=_("Có tài khoản"), accessor="user_id", orderable=False, yesno="✔,—")

    class Meta:
        model = Person
        fields = ("code", "full_name", "unit", "position", "category", "has_account")
        order_by = ("full_name",)


class RoleAssignmentTable(tables.Table):
    user = tables.Column(verbose_name=_("Tài khoản"), accessor="user__email", order_by="user__email")
    unit = tables.Column(verbose_name=_("Đơn vị"), accessor="unit__name", order_by="unit__name")
    actions = tables.TemplateColumn(
        template_name="units/includes/role_delete_button.html",
        verbose_name="",
        orderable=False,
        exclude_from_export=True,
    )

    class Meta:
        model = RoleAssignment
        fields = ("user", "role", "unit", "created_at")
        order_by = ("user",)
