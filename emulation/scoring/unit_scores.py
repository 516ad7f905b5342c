"""One unit's score from the period's facts, explained line by line (no queries: everything comes from `Facts`).

total = Σ groups min(group max, Σ criterion points) − Σ rules min(cap, occurrences × points) + min(bonus cap, Σ bonuses)
The band is the highest whose minimum the total reaches, lowered by any veto the unit triggers.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from emulation.schemes.models import Band, VetoKind
from emulation.scoring.criteria import ZERO, Line, cents, criterion_lines, number
from emulation.scoring.facts import Facts
from emulation.scoring.facts import translated as _
from emulation.scoring.models import LineKind
from evaluations.models import DisciplineForm


@dataclass
class UnitScore:
    """The engine's result for one unit, before ranking."""

    unit_id: int
    bloc_id: int | None
    lines: list[Line] = field(default_factory=list)
    criteria_points: Decimal = ZERO
    deduction_points: Decimal = ZERO
    bonus_points: Decimal = ZERO
    group_points: dict[str, Decimal] = field(default_factory=dict)
    band: Band | None = None
    band_capped: bool = False
    bars_bloc_lead: bool = False
    inspection_count: int = 0
    upheld_violation_count: int = 0
    insufficient_evidence: bool = False
    rank: int | None = None
    tie_broken_by: str = ""

    @cached_property
    def total(self) -> Decimal:
        """Read once every part is in (the band and the ranking read it, many times)."""
        return cents(self.criteria_points - self.deduction_points + self.bonus_points)


def score_unit(facts: Facts, unit_id: int) -> UnitScore:
    result = UnitScore(unit_id=unit_id, bloc_id=facts.bloc_of.get(unit_id))
    result.inspection_count = facts.inspection_count.get(unit_id, 0)
    result.upheld_violation_count = len(facts.violations.get(unit_id, []))
    _add_groups(facts, result)
    _add_deductions(facts, result)
    _add_bonuses(facts, result)
    _add_band_and_vetoes(facts, result)
    _add_evidence_flag(facts, result)
    return result


def _add_groups(facts: Facts, result: UnitScore) -> None:
    """Each group contributes the sum of its criteria, capped at the group's maximum."""
    for group, criteria in facts.scheme.plan.groups:
        points = ZERO
        for criterion in criteria:
            lines = criterion_lines(facts, result.unit_id, criterion)
            for line in lines:
                if line.counted:
                    points += line.points
            result.lines.extend(lines)
        if points > group.max_points:
            excess = points - group.max_points
            label = _("Nhóm %(code)s vượt điểm tối đa %(max)s", facts) % {
                "code": group.code,
                "max": number(group.max_points),
            }
            result.lines.append(Line(LineKind.GROUP_CAP, label, -excess, group=group.code))
            points = group.max_points
        points = cents(points)
        result.group_points[group.code] = points
        result.criteria_points += points


def _add_deductions(facts: Facts, result: UnitScore) -> None:
    """Every upheld violation of the period is listed; a type with a rule takes its points off, up to the cap.
    The violations are stored compactly on one line, [violation id, points taken off] each (no points: its type
    has no rule), and shown one line each when the page is shown (`emulation.scoring.views.shown_lines`)."""
    rules = facts.scheme.plan.deduction_rules
    taken_off = facts.scheme.plan.taken_off
    occurrences: dict[int, int] = {}
    rows = []
    for violation in facts.violations.get(result.unit_id, []):
        if violation.type_id in rules:
            occurrences[violation.type_id] = occurrences.get(violation.type_id, 0) + 1
            rows.append([violation.pk, taken_off[violation.type_id]])
        else:
            rows.append([violation.pk])
    taken = {type_id: rules[type_id].points_per_occurrence * count for type_id, count in occurrences.items()}
    if rows:
        listed = -sum(taken.values(), ZERO)
        result.lines.append(Line(LineKind.DEDUCTION, "", listed, source="evaluations.violation", violations=rows))
    total = ZERO
    for type_id, rule in rules.items():
        points = taken.get(type_id, ZERO)
        if rule.cap is not None and points > rule.cap:
            label = _("%(type)s: trừ tối đa %(cap)s", facts) % {
                "type": rule.violation_type.name,
                "cap": number(rule.cap),
            }
            result.lines.append(Line(LineKind.DEDUCTION_CAP, label, points - rule.cap))
            points = rule.cap
        total += points
    result.deduction_points = cents(total)


def _add_bonuses(facts: Facts, result: UnitScore) -> None:
    """Granted bonuses add up to the scheme's bonus cap."""
    total = ZERO
    for grant in facts.grants.get(result.unit_id, []):
        result.lines.append(Line(LineKind.BONUS, grant.rule.description, grant.rule.points, detail=grant.note,
                                 source="emulation.bonusgrant", source_id=grant.pk))  # fmt: skip
        total += grant.rule.points
    cap = facts.scheme.bonus_cap
    if total > cap:
        label = _("Điểm thưởng tối đa %(cap)s", facts) % {"cap": number(cap)}
        result.lines.append(Line(LineKind.BONUS_CAP, label, cap - total))
        total = cap
    result.bonus_points = cents(total)


def _add_band_and_vetoes(facts: Facts, result: UnitScore) -> None:
    """The band reached by points, then each triggered veto: a band cap lowers it, a lead bar marks the unit."""
    total = result.total
    result.band = next((band for band in facts.scheme.plan.bands if total >= band.min_total), None)
    type_ids = {violation.type_id for violation in facts.violations.get(result.unit_id, [])}
    for veto in facts.scheme.plan.vetoes:
        if veto.violation_type_id is None or veto.violation_type_id not in type_ids:
            continue
        detail = ""
        if veto.kind == VetoKind.VIOLATION_CAPS_BAND and veto.capped_band is not None:
            if result.band is None or result.band.min_total > veto.capped_band.min_total:
                result.band, result.band_capped = veto.capped_band, True
            detail = _("Xếp loại không quá %(band)s", facts) % {"band": veto.capped_band.name}
        elif veto.kind == VetoKind.VIOLATION_BARS_BLOC_LEAD:
            result.bars_bloc_lead = True
            detail = _("Không được suy tôn dẫn đầu khối/cụm", facts)
        result.lines.append(Line(LineKind.VETO, veto.description, None, False, detail=detail))
    _add_discipline_vetoes(facts, result)


def _add_discipline_vetoes(facts: Facts, result: UnitScore) -> None:
    """A discipline at or above a rule's level, decided in the period, bars collective titles (shown, not scored)."""
    records = facts.disciplines.get(result.unit_id)
    if not records:
        return
    for veto in facts.scheme.plan.vetoes:
        if veto.kind != VetoKind.DISCIPLINE_BARS_COLLECTIVE_TITLES or not veto.min_discipline:
            continue
        threshold = DisciplineForm.gravity(veto.min_discipline)
        for form, decided_on in records:
            if DisciplineForm.gravity(form) >= threshold:
                form, day = DisciplineForm(form).label, f"{decided_on:%d/%m/%Y}"
                detail = _("%(form)s ngày %(date)s", facts) % {"form": form, "date": day}
                result.lines.append(Line(LineKind.VETO, veto.description, None, False, detail=detail))
                break


def _add_evidence_flag(facts: Facts, result: UnitScore) -> None:
    """Fewer submitted inspections than the scheme's minimum: flagged "chưa đủ căn cứ", not ranked."""
    needed = facts.scheme.min_inspections
    if result.inspection_count < needed:
        result.insufficient_evidence = True
        detail = _("%(n)s/%(min)s lần kiểm tra trong kỳ", facts) % {"n": result.inspection_count, "min": needed}
        result.lines.append(
            Line(LineKind.INSUFFICIENT, _("Chưa đủ căn cứ để xếp hạng", facts), None, False, detail=detail)
        )
