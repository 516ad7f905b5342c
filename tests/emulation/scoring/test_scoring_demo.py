"""The demo's scores: every period scored from the demo's observations, past years frozen, building twice is a no-op."""

from decimal import Decimal

import pytest

from emulation.models import Period, PeriodStatus, Score
from emulation.pledges import demo
from emulation.scoring import demo as demo_scores
from emulation.scoring.facts import scored_unit_ids
from evaluations.appeals import demo as demo_appeals_kpi
from evaluations.inspections import demo as evaluations_demo
from units.demo import build_demo as build_units

pytestmark = pytest.mark.django_db


def test_demo_scores_cover_every_period_freeze_the_past_and_add_up():
    build_units()
    evaluations_demo.build_demo()
    demo_appeals_kpi.build_demo()
    demo.build_demo()

    first = demo_scores.build_demo()

    assert first["scores"] == Score.objects.count() > 0
    for period in Period.objects.all():
        scores = Score.objects.filter(period=period)
        assert set(scores.values_list("unit_id", flat=True)) == set(scored_unit_ids(period)) != set()
        assert {s.frozen for s in scores} == {period.status == PeriodStatus.FINALIZED}
    for score in Score.objects.all():
        counted = sum((Decimal(line["points"]) for line in score.breakdown if line["counted"]), Decimal(0))
        assert counted == score.total, score
    assert Score.objects.filter(rank=1, period__starts_on__year=2025).exists()
    office_culture = Period.objects.filter(movement__code="VHCS", status=PeriodStatus.FINALIZED)
    assert office_culture.count() == 7
    for period in office_culture:  # enough inspections: most units ranked, a few flagged, bands spread
        scores = Score.objects.filter(period=period)
        assert scores.filter(insufficient_evidence=True).count() <= 5, period
        assert scores.filter(rank__isnull=False).count() >= scores.count() - 5, period
        assert len(set(scores.values_list("band", flat=True))) >= 2, period
    assert not Score.objects.filter(period__movement__code="CCHC", insufficient_evidence=True).exists()
    frozen_at = dict(Score.objects.filter(frozen=True).values_list("pk", "computed_at"))

    assert demo_scores.build_demo() == first
    assert dict(Score.objects.filter(frozen=True).values_list("pk", "computed_at")) == frozen_at
