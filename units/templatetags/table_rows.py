"""`{% table_rows table %}`: a django-tables2 table's body written in Python, cell for cell the markup of
`django_tables2/bootstrap5.html`'s `table.tbody` block, without a template loop per cell (a 100-row ranking spent
most of its time there). Used by `templates/tables/table.html`, the project's DJANGO_TABLES2_TEMPLATE."""

from django import template
from django.template.base import render_value_in_context
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


def _fixed_td_attrs(table, column) -> str | None:
    """The column's `<td>` attributes when no callable decides them per record (then they are the same on every
    row), else None."""
    attrs = {**table.attrs, **column.column.attrs}
    td = attrs.get("td", attrs.get("cell", {}))
    if any(callable(value) for value in td.values()):
        return None
    return column.attrs["td"].as_html()


def _cell(context, column, cell) -> str:
    if column.localize is None:
        return render_value_in_context(cell, context)
    return conditional_escape(localize(cell, use_l10n=bool(column.localize)))


@register.simple_tag(takes_context=True)
def table_rows(context, table):
    columns = list(table.columns)
    fixed = {column.name: _fixed_td_attrs(table, column) for column in columns}
    parts = []
    for row in table.paginated_rows:
        parts.append(format_html("<tr {}>", row.attrs.as_html()))
        for column, cell in row.items():
            attrs = fixed[column.name]
            if attrs is None:
                attrs = column.attrs["td"].as_html()
            parts.append(f"<td {attrs}>{_cell(context, column, cell)}</td>")
        parts.append("</tr>")
    if not parts and table.empty_text:
        parts.append(format_html('<tr><td colspan="{}">{}</td></tr>', len(columns), table.empty_text))
    return mark_safe("\n".join(parts))  # noqa: S308 - every piece above is escaped or built by format_html
