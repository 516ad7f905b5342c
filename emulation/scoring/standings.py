"""A bloc's ranks from its stored scores: when one unit's score changes, only that unit is scored again and its bloc
is ranked anew from what the other members' score rows already hold (totals and the tie-break figures), so the cost
is one unit's facts and one bloc's rows, whatever the size of the country.
"""

from decimal import Decimal
from typing import NamedTuple

from emulation.scoring.models import Score
from emulation.scoring.ranking import rank_results
from emulation.scoring.unit_scores import UnitScore


class Standing(NamedTuple):
    """What a stored score row gives the ranking of its bloc."""

    pk: int
    unit_id: int
    bloc_id: int | None
    frozen: bool
    criteria_points: Decimal
    deduction_points: Decimal
    bonus_points: Decimal
    upheld_violation_count: int
    insufficient_evidence: bool
    group_points: dict | None
    rank: int | None
    tie_broken_by: str


def lock_standings(period, units: list[int]) -> dict[int, Standing]:
    """Lock the score rows of `units` for this transaction and read what ranking them needs."""
    rows = Score.objects.select_for_update().filter(period=period, unit_id__in=units).order_by("unit_id")
    return {row[1]: Standing(*row) for row in rows.values_list(*Standing._fields)}


def complete(standings: dict[int, Standing], members: list[int], bloc_id: int) -> bool:
    """Every member has a score row written for this bloc by an engine that stores group points."""
    return all(
        unit in standings and standings[unit].bloc_id == bloc_id and standings[unit].group_points is not None
        for unit in members
    )


def _stored(row: Standing) -> UnitScore:
    return UnitScore(
        unit_id=row.unit_id,
        bloc_id=row.bloc_id,
        criteria_points=row.criteria_points,
        deduction_points=row.deduction_points,
        bonus_points=row.bonus_points,
        group_points={code: Decimal(points) for code, points in row.group_points.items()},
        upheld_violation_count=row.upheld_violation_count,
        insufficient_evidence=row.insufficient_evidence,
    )


def rerank(result: UnitScore, standings: dict[int, Standing], keys: list[str]) -> list[Score]:
    """Rank `result` (freshly scored) with the stored members of its bloc; the other members' rows whose rank or
    tie-break note changed, ready for `write_ranks`."""
    others = [_stored(row) for unit, row in standings.items() if unit != result.unit_id]
    rank_results([result, *others], keys)
    changed = []
    for other in others:
        row = standings[other.unit_id]
        if (other.rank, other.tie_broken_by) != (row.rank, row.tie_broken_by):
            changed.append(Score(pk=row.pk, rank=other.rank, tie_broken_by=other.tie_broken_by))
    return changed


def write_ranks(changed: list[Score]) -> None:
    if changed:
        Score.objects.bulk_update(changed, ["rank", "tie_broken_by"])
