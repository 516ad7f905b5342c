"""django-tables2 compiles a `TemplateColumn`'s `template_code` again for every cell it renders (`DateColumn` and
`DateTimeColumn` are such columns: a 50-row list with two dates compiled 100 templates a request). The compiled
template is kept per code instead: a compiled Django template renders any number of times, in any thread."""

from functools import lru_cache

from django.template import Template


@lru_cache(maxsize=512)
def compiled(template_code: str) -> Template:
    return Template(template_code)


def compile_column_templates_once() -> None:
    from django_tables2.columns import templatecolumn

    templatecolumn.Template = compiled
