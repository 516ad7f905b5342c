"""The engine gives the scores and page lines the engine before the national-scale rewrite gave (captured in
engine_before.json.gz by `agreement.snapshot` on the same dataset): every feature of a scheme, unit by unit."""

import gzip
import json
from pathlib import Path

import pytest

from emulation.scoring.engine import compute_period, recompute_unit
from emulation.scoring.models import Score
from tests.emulation.scoring.agreement import build_agreement_world, snapshot
from units.models import Unit

pytestmark = pytest.mark.django_db

BEFORE = Path(__file__).with_name("engine_before.json.gz")


def _in_any_order(snapshot_of_unit):
    """A unit's figures and page sections, each section's lines in a fixed order: the page orders them (a criterion's
    inspections follow the criterion since issue 14), the engine only has to produce the same lines."""
    if snapshot_of_unit is None:
        return None
    figures, sections = snapshot_of_unit
    return [figures, [[*section[:2], sorted(section[2], key=json.dumps)] for section in sections]]


def _differences(now: dict, before: dict) -> list[str]:
    codes = sorted(set(now) | set(before))
    now = {code: _in_any_order(now.get(code)) for code in codes}
    before = {code: _in_any_order(before.get(code)) for code in codes}
    return [f"{code}: {now[code]} ≠ {before[code]}" for code in codes if now[code] != before[code]]


def test_the_engine_gives_every_unit_the_score_and_lines_of_the_engine_before_fully_and_bloc_by_bloc():
    period = build_agreement_world()
    before = json.loads(gzip.decompress(BEFORE.read_bytes()))

    compute_period(period=period)
    full = json.loads(json.dumps(snapshot(period)))
    Score.objects.filter(period=period).update(total=0, rank=None, band=None, breakdown=[])
    for unit_id in (
        Score.objects.filter(period=period).order_by("bloc_id", "unit_id").distinct().values_list("unit_id", flat=True)
    ):  # from a division when the unit has one: it counts for the nearest scored unit above it
        division = Unit.objects.filter(parent_id=unit_id).order_by("pk").first()
        recompute_unit(period=period, unit_id=division.pk if division else unit_id)
    again = json.loads(json.dumps(snapshot(period)))

    assert len(full) == len(before) == 41
    assert _differences(full, before) == []
    assert _differences(again, before) == []
