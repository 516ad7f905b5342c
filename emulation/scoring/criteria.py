"""Criterion points from their source, as breakdown lines: the counted line and every earlier stage it replaced.

Stages, later overriding earlier: the source's value (self-assessment claim → verified points; inspection results;
KPI readings) → the council's manual entry. A replaced stage stays in the breakdown, not counted.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from emulation.schemes.models import Criterion, CriterionMethod
from emulation.scoring.facts import Facts
from emulation.scoring.facts import translated as _
from emulation.scoring.models import LineKind

CENT = Decimal("0.01")

ZERO = Decimal(0)

CRITERION = LineKind.CRITERION.value  # read once: an enum member's lookup costs more than the line it labels


def cents(value: Decimal) -> Decimal:
    return (value if isinstance(value, Decimal) else Decimal(value)).quantize(CENT, rounding=ROUND_HALF_UP)


@lru_cache(maxsize=4096)
def number(value) -> str:
    """A Vietnamese-style number for labels: decimal comma, no trailing zeros (96,5). Remembered: the lines of a
    computation repeat the same few maxima and thresholds thousands of times."""
    text = f"{cents(value):f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


@dataclass
class Line:
    """One breakdown line; only counted lines add `points` to the total."""

    kind: str
    label: str
    points: Decimal | None = None  # a Decimal (never a float or an int), or None for a line that is only shown
    counted: bool = True
    group: str = ""
    criterion: str = ""
    detail: str = ""
    source: str = ""
    source_id: int | None = None
    link: str = ""
    evidence: list | None = None  # [inspection id, checks passed, checks counted]: one evidence line each
    violations: list | None = None  # [violation id, points (none when its type has no rule)]: one line each

    def as_json(self) -> dict:
        """Compact: blank keys are left out (a criterion's line has no label or group: the page writes
        "<code>. <name>" and the group from the scheme's criterion) and links are not stored (the page derives them
        from the source, see `emulation.scoring.views.line_link`); a KPI line stores the marker "kpi" as its link.
        The inspections a criterion's points rest on are stored on its line as `evidence`, the upheld violations on
        one deduction line as `violations`, each shown as a line of its own (`emulation.scoring.views.shown_lines`)."""
        data = {"kind": self.kind, "counted": self.counted}
        if self.label:
            data["label"] = self.label
        data["points"] = None if self.points is None else str(self.points.quantize(CENT, rounding=ROUND_HALF_UP))
        if self.group:
            data["group"] = self.group
        if self.criterion:
            data["criterion"] = self.criterion
        if self.detail:
            data["detail"] = self.detail
        if self.source:
            data["source"] = self.source
        if self.source_id:
            data["source_id"] = self.source_id
        if self.link:
            data["link"] = self.link
        if self.evidence:
            data["evidence"] = self.evidence
        if self.violations:
            data["violations"] = self.violations
        return data


def criterion_lines(facts: Facts, unit_id: int, criterion: Criterion) -> list[Line]:
    """The criterion's lines, the counted one last; a council entry overrides whatever the source gave."""
    lines = SOURCES[criterion.method](facts, unit_id, criterion)
    entry = facts.manual.get((unit_id, criterion.id))
    if entry is not None:
        for line in lines:
            if line.kind == LineKind.CRITERION:
                line.kind, line.counted = LineKind.SUPERSEDED, False
        detail = entry.note or _("Hội đồng chấm", facts)
        lines.append(
            _line(criterion, min(entry.points, criterion.max_points), detail, "emulation.manualscore", entry.pk)
        )
    elif criterion.method == CriterionMethod.MANUAL_ENTRY:
        lines.append(_line(criterion, ZERO, _("Hội đồng chưa chấm", facts)))
    return lines


def _line(criterion: Criterion, points, detail: str, source: str = "", source_id=None, link: str = "") -> Line:
    return Line(  # its label and group are the criterion's, written when the page is shown
        kind=CRITERION,
        label="",
        points=cents(points),
        criterion=criterion.code,
        detail=detail,
        source=source,
        source_id=source_id,
        link=link,
    )


def _self_assessment_lines(facts: Facts, unit_id: int, criterion: Criterion) -> list[Line]:
    """The claimed points count until verified; verified points then replace them (both stay listed)."""
    claim = facts.claims.get((unit_id, criterion.id))
    if claim is None:
        return [_line(criterion, ZERO, _("Đơn vị chưa tự chấm", facts))]
    source = ("emulation.selfassessment", claim.pk)
    if not claim.is_verified:
        return [_line(criterion, claim.claimed_points, _("Tự chấm, chưa thẩm định", facts), *source)]
    claimed = _line(criterion, claim.claimed_points, _("Đơn vị tự chấm", facts), *source)
    claimed.kind, claimed.counted = LineKind.SUPERSEDED, False
    detail = _("Điểm thẩm định", facts)
    if claim.verification_reason:
        detail = f"{detail}: {claim.verification_reason}"
    return [claimed, _line(criterion, claim.verified_points, detail, *source)]


def _inspection_lines(facts: Facts, unit_id: int, criterion: Criterion) -> list[Line]:
    """Max × share of checks passed over the period's submitted inspections (not-applicable checks left out),
    counting only the criterion's checklist categories when it names some."""
    evidence = facts.evidence.get(criterion.id, {}).get(unit_id, [])
    passed = checked = 0
    for _inspection, ok, counted in evidence:
        passed, checked = passed + ok, checked + counted
    if not checked:
        return [_line(criterion, ZERO, _("Không có kết quả kiểm tra trong kỳ", facts))]
    points = criterion.max_points * passed / checked
    detail = _("%(max)s × %(ok)s/%(n)s mục đạt", facts) % {
        "max": number(criterion.max_points),
        "ok": passed,
        "n": checked,
    }
    line = _line(criterion, points, detail)
    line.evidence = evidence
    return [line]


def kpi_value(facts: Facts, unit_id: int, indicator) -> tuple[Decimal | None, int]:
    """The indicator's value over the period and how many readings it rests on: a derived rate sums its counts
    first (Σ numerator ÷ Σ denominator × 100); an entered rate is the mean of its readings; a count is their sum."""
    if indicator.id in facts.components:
        numerator, denominator = facts.components[indicator.id]
        num = sum((facts.readings[unit_id, i][0] for i in numerator if (unit_id, i) in facts.readings), ZERO)
        den, count = ZERO, 0
        for i in denominator:
            if (unit_id, i) in facts.readings:
                total, n = facts.readings[unit_id, i]
                den, count = den + total, count + n
        return (cents(num * 100 / den), count) if den else (None, 0)
    found = facts.readings.get((unit_id, indicator.id))
    if found is None:
        return None, 0
    total, count = found
    return (total if indicator.is_count else cents(total / count)), count


def kpi_points(criterion: Criterion, value: Decimal) -> Decimal:
    """Full points from `full_at` (at least, or at most for "at most" criteria), none from `zero_at`, linear between;
    without `zero_at` there is no linear part."""
    full, zero, top = criterion.full_at, criterion.zero_at, criterion.max_points
    at_most = criterion.method == CriterionMethod.KPI_AT_MOST
    if (value <= full) if at_most else (value >= full):
        return top
    if zero is None or ((value >= zero) if at_most else (value <= zero)):
        return ZERO
    return top * (zero - value) / (zero - full) if at_most else top * (value - zero) / (full - zero)


def _kpi_lines(facts: Facts, unit_id: int, criterion: Criterion) -> list[Line]:
    indicator = criterion.kpi_indicator
    if indicator is None or criterion.full_at is None:
        return [_line(criterion, ZERO, _("Tiêu chí chưa cấu hình chỉ số KPI", facts))]
    value, count = kpi_value(facts, unit_id, indicator)
    link = "kpi"  # the unit's KPI page, linked when the page is shown
    if value is None:
        return [
            _line(criterion, ZERO, _("Không có số liệu %(code)s trong kỳ", facts) % {"code": indicator.code}, link=link)
        ]
    sign = "≤" if criterion.method == CriterionMethod.KPI_AT_MOST else "≥"
    detail = _("%(code)s = %(value)s (%(n)s kỳ số liệu); đủ điểm khi %(sign)s %(full)s", facts) % {
        "code": indicator.code,
        "value": number(value),
        "n": count,
        "sign": sign,
        "full": number(criterion.full_at),
    }
    return [_line(criterion, kpi_points(criterion, value), detail, "evaluations.kpireading", None, link)]


SOURCES = {  # the lines of each method's source, before a council entry
    CriterionMethod.VERIFIED_CLAIM.value: _self_assessment_lines,
    CriterionMethod.PASS_SHARE.value: _inspection_lines,
    CriterionMethod.KPI_THRESHOLD_LINEAR.value: _kpi_lines,
    CriterionMethod.KPI_AT_MOST.value: _kpi_lines,
    CriterionMethod.MANUAL_ENTRY.value: lambda *args: [],
}
