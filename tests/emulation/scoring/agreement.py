"""A small national dataset with every scheme feature, and a snapshot of its scores for comparing engines.

Built by `benchmarks.national.build_national` (caps, deductions, bonuses over the cap, bands, vetoes, KPI criteria,
self-assessment verified or not, divisions and public-service units under scored units, too few inspections), plus a
council-entered score, a discipline in a division and one entered on a unit outside every bloc. The snapshot names
units by code and lines by what the page shows, never by ids (ids differ between databases).
"""

import datetime
from decimal import Decimal

from benchmarks.national import build_national
from emulation.models import Criterion, ManualScore, Pledge, Score
from emulation.scoring.views import breakdown_sections
from evaluations.models import DisciplineForm, DisciplineRecord
from units.models import Category, Person, Unit

UNITS = 40


def build_agreement_world():
    """The dataset the agreement test scores; returns its period."""
    national = build_national(units=UNITS, seed=2026)
    period, scored = national.period, national.tree.scored
    criterion = Criterion.objects.filter(group__scheme__period=period).order_by("group__position", "position").first()
    ManualScore.objects.create(unit_id=scored[3], criterion=criterion, points=Decimal("1.5"), note="Hội đồng chấm lại")
    ManualScore.objects.create(unit_id=scored[4], criterion=criterion, points=Decimal("999"))
    division = national.tree.children[scored[5]][0]
    person = Person.objects.create(code="KL-1", full_name="Trần Văn Kỷ", unit_id=division, category=Category.CONG_CHUC)
    day = period.starts_on + datetime.timedelta(days=40)
    DisciplineRecord.objects.create(person=person, form=DisciplineForm.CANH_CAO, decided_on=day)
    DisciplineRecord.objects.create(person=person, form=DisciplineForm.KHIEN_TRACH, decided_on=day)
    loner = Unit.objects.create(code="NGOAI-KHOI", name="Đơn vị ngoài khối", level=Unit.objects.get(pk=scored[0]).level)
    Pledge.objects.create(unit=loner, period=period, status=Pledge.objects.first().status)
    return period


def snapshot(period) -> dict:
    """Every score of the period by unit code: its figures and its page sections line by line."""
    result = {}
    for score in Score.objects.filter(period=period).select_related("unit", "band"):
        figures = [str(score.criteria_points), str(score.deduction_points), str(score.bonus_points), str(score.total),
                   score.band.code if score.band else None, score.band_capped, score.bars_bloc_lead, score.rank,
                   score.tie_broken_by, score.insufficient_evidence, score.inspection_count,
                   score.upheld_violation_count]  # fmt: skip
        sections = [
            [str(section["title"]), section["points"], [_line(line) for line in section["lines"]]]
            for section in breakdown_sections(score)
        ]
        result[score.unit.code] = [figures, sections]
    return result


def _line(line: dict) -> list:
    return [line["kind"], line["label"], line["shown"], line["counted"], line.get("detail", ""),
            line.get("source", ""), bool(line.get("link"))]  # fmt: skip
