"""Count the titles and award forms an awarding body granted over a range of years.

Rules
-----
- Counted: awards in force of the body's signed decisions whose decision year is in the range (a revoked award or an
  annulled decision no longer counts).
- One row per title or award form, with its level; columns: total, collectives, individuals, then individuals by
  category (cán bộ, công chức, viên chức, người lao động) and by gender where recorded (nam, nữ, not recorded).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from emulation.decisions.models import Award
from units.models import Category, Gender, Unit


@dataclass
class Row:
    name: str
    level: str
    counts: Counter = field(default_factory=Counter)


def columns() -> list[tuple[str, str]]:
    """(key, heading) of the count columns, in order."""
    fixed = [("total", _("Tổng số")), ("collective", _("Tập thể")), ("individual", _("Cá nhân"))]
    categories = [(f"cat:{value}", label) for value, label in Category.choices]
    genders = [(f"gender:{value}", label) for value, label in Gender.choices] + [("gender:", _("Không ghi giới tính"))]
    return fixed + categories + genders


def _level(award: Award) -> str:
    return award.title.get_level_display() if award.title_id else award.award_form.get_level_display()


def yearly_statistics(*, body: Unit, first_year: int, last_year: int) -> list[Row]:
    """One row per title or form the body granted in [first_year, last_year], then a total row."""
    awards = (
        Award.objects.in_force()
        .filter(decision__unit=body, decision__year__gte=first_year, decision__year__lte=last_year)
        .select_related("title", "award_form", "person")
        .order_by("title__position", "award_form__position", "pk")
    )
    rows: dict[str, Row] = {}
    total = Row(name=_("Tổng cộng"), level="")
    for award in awards:
        row = rows.setdefault(award.what.name, Row(name=award.what.name, level=_level(award)))
        keys = ["total"]
        if award.person_id:
            keys += ["individual", f"cat:{award.person.category}", f"gender:{award.person.gender}"]
        else:
            keys.append("collective")
        for counts in (row.counts, total.counts):
            counts.update(keys)
    return [*rows.values(), total]
