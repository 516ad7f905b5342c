"""Accent-folded copies of names, so that "nguyen van" finds "Nguyễn Văn" and "dak" finds "Đắk".

The folded text is a stored column filled from its source field whenever the row is written (save() and
bulk_create() both call Field.pre_save), rather than unaccent() on PostgreSQL: one Python rule gives the same
answers on SQLite and PostgreSQL, needs no database extension, and the column can be indexed.
"""

import unicodedata

from django.db import models

# NFD splits "ễ" into "e" + marks, but "đ" is a letter of its own, not "d" + a mark.
LETTERS = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lower case, without diacritics, đ → d, spaces collapsed: "  Đắk  Nông" → "dak nong"."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(LETTERS))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


class FoldedField(models.CharField):
    """A read-only copy of `source`, folded; kept in step on every save() and bulk_create()."""

    def __init__(self, *args, source: str, **kwargs):
        self.source = source
        kwargs.setdefault("editable", False)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, {**kwargs, "source": self.source}

    def pre_save(self, model_instance, add):
        value = fold(getattr(model_instance, self.source))
        setattr(model_instance, self.attname, value)
        return value


def with_folded(model, objects: list, fields: list[str]) -> list[str]:
    """The fields for a bulk_update() of `objects`, plus the folded copies of any source among them (refreshed)."""
    extra = [f for f in model._meta.fields if isinstance(f, FoldedField) and f.source in fields]
    for field in extra:
        for obj in objects:
            field.pre_save(obj, False)
    return [*fields, *(f.name for f in extra if f.name not in fields)]
