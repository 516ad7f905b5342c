"""Ranking inside a bloc: by total, ties broken by the scheme's keys in order, otherwise a shared rank (1, 1, 3).

Units flagged "chưa đủ căn cứ" (too few inspections) and units outside any bloc get no rank.

Tie-break keys (scheme data, in order):
- ``fewer_upheld_violations``: fewer upheld violations in the period ranks higher;
- ``fewer_deductions``: fewer deduction points ranks higher;
- ``higher_group_points:<code>``: more (capped) points in criterion group <code> ranks higher;
- ``higher_criteria_points``: more criteria points (before deductions and bonuses) ranks higher.
Unknown keys are skipped.
"""

from collections import defaultdict
from decimal import Decimal

from django.utils.translation import gettext as _

from emulation.scoring.unit_scores import UnitScore


def tie_key_value(key: str, result: UnitScore) -> Decimal | None:
    """A value where smaller ranks higher, or None for an unknown key."""
    name, _sep, argument = key.partition(":")
    if name == "fewer_upheld_violations":
        return Decimal(result.upheld_violation_count)
    if name == "fewer_deductions":
        return result.deduction_points
    if name == "higher_group_points":
        return -result.group_points.get(argument, Decimal(0))
    if name == "higher_criteria_points":
        return -result.criteria_points
    return None


def tie_key_label(key: str) -> str:
    name, _sep, argument = key.partition(":")
    return {
        "fewer_upheld_violations": _("ít vi phạm được xác nhận hơn"),
        "fewer_deductions": _("ít điểm trừ hơn"),
        "higher_group_points": _("điểm nhóm %(code)s cao hơn") % {"code": argument},
        "higher_criteria_points": _("điểm tiêu chí cao hơn"),
    }.get(name, key)


def rank_results(results: list[UnitScore], keys: list[str]) -> None:
    """Set `rank` and `tie_broken_by` (the key that separated equal totals) on every ranked result, bloc by bloc."""
    blocs: dict[int, list[UnitScore]] = defaultdict(list)
    for result in results:
        result.rank, result.tie_broken_by = None, ""
        if result.bloc_id is not None and not result.insufficient_evidence:
            blocs[result.bloc_id].append(result)
    known = [key for key in keys if tie_key_value(key, results[0]) is not None] if results else []
    for members in blocs.values():
        _rank_bloc(members, known)


def _sort_key(result: UnitScore, keys: list[str]) -> tuple:
    return (-result.total, *(tie_key_value(key, result) for key in keys))


def _rank_bloc(members: list[UnitScore], keys: list[str]) -> None:
    members.sort(key=lambda result: (_sort_key(result, keys), result.unit_id))
    for position, result in enumerate(members, start=1):
        previous = members[position - 2] if position > 1 else None
        if previous is not None and _sort_key(previous, keys) == _sort_key(result, keys):
            result.rank = previous.rank
        else:
            result.rank = position
    for result in members:
        result.tie_broken_by = _tie_note(result, members, keys)


def _tie_note(result: UnitScore, members: list[UnitScore], keys: list[str]) -> str:
    """For a unit sharing its total with others but not its rank: the key that separated them (blank otherwise)."""
    same_total = [other for other in members if other is not result and other.total == result.total]
    if not same_total:
        return ""
    if any(other.rank == result.rank for other in same_total):
        return ""
    for index, key in enumerate(keys):
        prefix = [tie_key_value(k, result) for k in keys[:index]]
        rivals = [o for o in same_total if [tie_key_value(k, o) for k in keys[:index]] == prefix]
        if any(tie_key_value(key, o) != tie_key_value(key, result) for o in rivals):
            return tie_key_label(key)
    return ""
