"""Turn a page's forms and formsets (from the response context) into the POST a browser would send unchanged."""


def form_data(form) -> dict:
    data = {}
    for field in form:
        value = field.value()
        if field.widget_type == "checkbox":
            if value:
                data[field.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[field.html_name] = [str(v) for v in value]
        elif value is not None:
            data[field.html_name] = field.field.widget.format_value(value) if hasattr(value, "isoformat") else value
    return data


def formset_data(formset) -> dict:
    data = form_data(formset.management_form)
    for form in formset:
        data.update(form_data(form))
    return data
