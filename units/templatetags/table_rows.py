"""`{% table_rows table %}`: a django-tables2 table's body written in Python, cell for cell the markup of
`django_tables2/bootstrap5.html`'s `table.tbody` block, without a template loop per cell (a 100-row ranking spent
most of its time there). Used by `templates/tables/table.html`, the project's DJANGO_TABLES2_TEMPLATE."""

import inspect
import re

import django_tables2 as tables
from django import template
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.template.base import render_value_in_context
from django.template.defaultfilters import date as date_filter
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django_tables2.utils import call_with_appropriate

register = template.Library()


PER_ROW_ARGUMENTS = {"record", "value", "bound_row"}


def _per_row(value) -> bool:
    """A callable attribute that reads the row (its record or value); one reading only the column or the table,
    such as the phone cards' `data-label` (the column's heading), is the same on every row."""
    if not callable(value):
        return False
    try:
        parameters = inspect.signature(value).parameters.values()
    except (TypeError, ValueError):
        return True
    return any(p.kind == p.VAR_KEYWORD or p.name in PER_ROW_ARGUMENTS for p in parameters)


def _fixed_td_attrs(table, column) -> str | None:
    """The column's `<td>` attributes when no callable decides them per row (then they are the same on every row,
    worked out once), else None."""
    attrs = {**table.attrs, **column.column.attrs}
    td = attrs.get("td", attrs.get("cell", {}))
    if any(_per_row(value) for value in td.values()):
        return None
    return column.attrs["td"].as_html()


def _cell(context, column, cell) -> str:
    if column.localize is None:
        return render_value_in_context(cell, context)
    return conditional_escape(localize(cell, use_l10n=bool(column.localize)))


DATE_TEMPLATE = re.compile(r'^\{\{ value\|date:"(?P<format>[^"]*)"\|default:default \}\}$')


def _model_fields(model, accessor):
    """The fields an accessor walks on a model — foreign keys, then one plain field (`pk` is the primary key) — or
    None when it walks anything else (a property, a method, a reverse relation), which django-tables2 then resolves
    itself."""
    fields = []
    for bit in accessor.split("__"):
        if model is None:
            return None
        try:
            field = model._meta.pk if bit == "pk" else model._meta.get_field(bit)
        except (AttributeError, FieldDoesNotExist):
            return None
        if not getattr(field, "concrete", False) or field.many_to_many:
            return None
        fields.append(field)
        model = field.related_model if field.is_relation else None
    return fields if fields and not fields[-1].is_relation else None


def _plain_cell(table, bound_column, record):
    """The cell of a column django-tables2 would render from one field of the record — a plain `Column` (through the
    table's `render_<name>` if it has one), or a `DateColumn`/`DateTimeColumn` with its format — as a function of the
    row, or None for any other column. It gives exactly django-tables2's cell (choices shown by their label, empty
    values as the column's default, the same arguments to `render_<name>`, the column's link), without asking the
    model for each cell which field and which choices it reads (most of the cost of a 50-row list)."""
    column = bound_column.column
    render = getattr(table, f"render_{bound_column.name}", None)
    if not isinstance(record, models.Model):
        return None
    date_format = None
    if type(column) in (tables.DateColumn, tables.DateTimeColumn) and render is None:
        match = DATE_TEMPLATE.match(column.template_code or "")
        if match is None:
            return None
        date_format = match["format"]
    elif type(column) is not tables.Column:
        return None
    fields = _model_fields(type(record), str(bound_column.accessor))
    if fields is None:
        return None
    names = [field.attname if field is fields[-1] else field.name for field in fields]
    labels = {key: str(label) for key, label in fields[-1].flatchoices} if fields[-1].choices else None
    empty, default = column.empty_values, bound_column.default

    def cell(row):
        value = row.record
        for name in names:
            value = getattr(value, name)
            if value is None:
                break
        if labels is not None and value is not None:
            value = labels.get(value, value)
        if value in empty:
            return default
        content = value
        kwargs = {"value": value, "record": row.record, "column": column, "bound_column": bound_column,
                  "bound_row": row, "table": table}  # fmt: skip
        if render is not None:
            content = call_with_appropriate(render, kwargs)
        elif date_format is not None:
            content = date_filter(template_localtime(value), date_format) or default
            content = mark_safe(conditional_escape(content))  # noqa: S308 - escaped as the column's template would
        return bound_column.link(content, **kwargs) if bound_column.link else content

    return cell


@register.simple_tag(takes_context=True)
def table_rows(context, table):
    columns = list(table.columns)
    fixed = {column.name: _fixed_td_attrs(table, column) for column in columns}
    plain = {}
    parts = []
    for row in table.paginated_rows:
        if not plain:
            plain = {column.name: _plain_cell(table, column, row.record) for column in columns}
        parts.append(format_html("<tr {}>", row.attrs.as_html()))
        for column in columns:
            fast = plain[column.name]
            cell = fast(row) if fast is not None else row.get_cell(column.name)
            column.current_value, column.current_record = cell, row.record  # for attributes that read the row
            attrs = fixed[column.name]
            if attrs is None:
                attrs = column.attrs["td"].as_html()
            parts.append(f"<td {attrs}>{_cell(context, column, cell)}</td>")
        parts.append("</tr>")
    if not parts and table.empty_text:
        parts.append(format_html('<tr><td colspan="{}">{}</td></tr>', len(columns), table.empty_text))
    return mark_safe("\n".join(parts))  # noqa: S308 - every piece above is escaped or built by format_html
