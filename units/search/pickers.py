"""One searchable picker for units and one for people: the form renders only the chosen row, the rest loads on demand.

A picker is a plain <select> holding the current choice, plus a search box that asks /pick/units/ or /pick/people/
for at most PICKER_LIMIT matches by name (accents ignored: `folding`) or code, within what the user may see
(static/js/picker.js, no inline script). The form field keeps its queryset, so a posted value outside it is refused
as before.
"""

from django import forms
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse_lazy
from django.utils.safestring import mark_safe

from units.models import Person, Unit, User
from units.search.folding import fold

PICKER_LIMIT = 20


class SearchSelect(forms.Select):
    """A select that ships only its chosen option; `within` (a unit) narrows the search to that subtree."""

    template_name = "includes/picker.html"  # wraps Django's own select.html
    search_url = ""

    def __init__(self, attrs=None, *, within=None):
        super().__init__(attrs)
        self.within = within

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["search_url"] = str(self.search_url)
        context["widget"]["within"] = getattr(self.within, "pk", self.within) or ""
        return context

    def render(self, name, value, attrs=None, renderer=None):
        # The project's template folder, not the form renderer's (which only sees Django's own widget templates).
        context = self.get_context(name, value, attrs)
        context["select"] = mark_safe(self._render(forms.Select.template_name, context, renderer))
        return mark_safe(render_to_string(self.template_name, context))

    def optgroups(self, name, value, attrs=None):
        chosen = [str(v) for v in value if str(v).isdigit()]
        queryset = getattr(self.choices, "queryset", None)
        rows = list(queryset.filter(pk__in=chosen)) if chosen and queryset is not None else []
        options = [] if self.allow_multiple_selected else [self.create_option(name, "", "---------", not rows, 0)]
        options += [self.create_option(name, str(row.pk), label_of(row), True, i) for i, row in enumerate(rows, 1)]
        return [(None, options, 0)]


class UnitPicker(SearchSelect):
    search_url = reverse_lazy("units:pick_units")


class PersonPicker(SearchSelect):
    search_url = reverse_lazy("units:pick_people")


def label_of(row) -> str:
    """What a picker shows for a row: name and code (and a person's unit), so namesakes can be told apart."""
    if isinstance(row, Person):
        return f"{row.full_name} · {row.code} · {row.unit.name}"
    if isinstance(row, User):
        return f"{row.full_name} · {row.email}"
    return f"{row.name} ({row.code})"


def _matching(queryset, query: str):
    """Every word typed is in the folded name (accents and case ignored: "dak" finds "Đắk") or in the code."""
    for word in query.split()[:5]:
        queryset = queryset.filter(Q(search_name__contains=fold(word)) | Q(code__icontains=word))
    return queryset


def _within(user, within: str):
    unit = Unit.objects.for_user(user).filter(pk=within).only("path").first() if within.isdigit() else None
    return unit.path if unit else None


def search_units(*, user, query: str, within: str = "") -> list[dict]:
    """Units the user reaches whose name or code holds every word typed, at most PICKER_LIMIT, by name."""
    units = _matching(Unit.objects.for_user(user), query)
    if within:
        units = units.filter(path__startswith=_within(user, within) or "-")
    return [{"id": unit.pk, "label": label_of(unit)} for unit in units.order_by("name")[:PICKER_LIMIT]]


def search_people(*, user, query: str, within: str = "") -> list[dict]:
    """People the user may see whose name or code holds every word typed, at most PICKER_LIMIT, by name."""
    people = _matching(Person.objects.for_user(user), query).select_related("unit")
    if within:
        people = people.filter(unit__path__startswith=_within(user, within) or "-")
    return [{"id": p.pk, "label": label_of(p)} for p in people.order_by("-active", "full_name")[:PICKER_LIMIT]]


def search_users(users, *, query: str) -> list[dict]:
    """Among `users` (a short list, e.g. the inspectors), those whose folded name or e-mail holds every word typed."""
    words = [fold(word) for word in query.split()[:5]]
    found = [u for u in users if all(w in fold(u.full_name) or w in u.email.lower() for w in words)]
    return [{"id": u.pk, "label": label_of(u)} for u in found[:PICKER_LIMIT]]


class UnitMultiPicker(UnitPicker, forms.SelectMultiple):
    """Several units (a bloc's members): each search result clicked is added to the chosen ones."""
