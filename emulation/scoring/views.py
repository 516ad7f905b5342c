"""A unit's score page: total, band, rank in its bloc, the trend across the movement's periods, and the breakdown
of every line that moved the score, each linked to its source. Also the list of a unit's scores."""

from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from emulation.pledges.models import Pledge
from emulation.schemes.models import Criterion, CriterionGroup
from emulation.scoring.criteria import number
from emulation.scoring.models import LineKind, Score
from emulation.scoring.permissions import get_score_for_user
from emulation.titles.models import Title, TitleHistory
from evaluations.models import Inspection, Violation
from units.models import Person, Unit

# Lines shown under their criterion group; the others go to the sections after the groups.
CRITERION_KINDS = {LineKind.CRITERION, LineKind.SUPERSEDED, LineKind.EVIDENCE, LineKind.GROUP_CAP}

OTHER_SECTIONS = [  # (key, title, line kinds)
    ("-deductions", _("Điểm trừ (vi phạm được xác nhận)"), {LineKind.DEDUCTION, LineKind.DEDUCTION_CAP}),
    ("-bonuses", _("Điểm thưởng"), {LineKind.BONUS, LineKind.BONUS_CAP}),
    ("-vetoes", _("Điều kiện loại trừ"), {LineKind.VETO}),
    ("-evidence", _("Căn cứ xếp hạng"), {LineKind.INSUFFICIENT}),
]

FIGURES = ["total", "criteria_points", "deduction_points", "bonus_points"]

# SVG user units; the chart is drawn at about this width on a phone, so 13-unit text stays legible.
CHART = {"width": 360, "height": 180, "left": 40, "right": 22, "top": 12, "bottom": 30}


@login_required
@require_GET
def score_detail(request, period_pk, unit_pk):
    score = get_score_for_user(request.user, unit_pk=unit_pk, period_pk=period_pk)
    lineage = [score.unit_id, *score.unit.predecessor_ids()]  # the trend runs across a merger
    trend = list(
        Score.objects.for_user(request.user)
        .filter(unit_id__in=lineage, period__movement=score.period.movement)
        .select_related("period", "band", "unit")
        .order_by("period__starts_on", "unit__name")
    )
    for item in trend:
        item.shown = number(item.total)
    context = {
        "score": score,
        "figures": {name: number(getattr(score, name)) for name in FIGURES},
        "sections": breakdown_sections(score),
        "bloc_size": Score.objects.filter(period=score.period, bloc=score.bloc).count() if score.bloc else 0,
        "min_inspections": getattr(getattr(score.period, "scheme", None), "min_inspections", None),
        "chart": trend_chart(trend, current=score),
        "trend": trend,
    }
    return render(request, "emulation/scoring/score_detail.html", context)


@login_required
@require_GET
def unit_scores(request, unit_pk):
    """Every score, title and award of the unit and of the units merged into it (marked as theirs) that the user may
    see, newest first; a unit the user cannot see is a 404."""
    unit = get_object_or_404(Unit, pk=unit_pk)
    lineage = [unit.pk, *unit.predecessor_ids()]
    scores = Score.objects.for_user(request.user).filter(unit_id__in=lineage)
    scores = scores.select_related("period__movement", "band", "bloc", "unit")
    scores = list(scores.order_by("-period__starts_on", "period__movement__name"))
    reaches = (
        Unit.objects.for_user(request.user).filter(pk=unit.pk).exists()
        or Person.objects.filter(user=request.user, unit=unit).exists()
    )
    if not scores and not reaches:
        raise Http404
    context = {"unit": unit, "scores": scores, "titles": titles_held(lineage) if reaches else []}
    return render(request, "emulation/scoring/score_list.html", context)


def titles_held(unit_ids: list[int]) -> list[dict]:
    """Titles and awards the units hold (from paper history and signed decisions, revoked ones marked), newest first."""
    rows = [
        {"year": item.year, "unit": item.unit, "name": item.title.name, "basis": item.decision_number,
         "revoked": bool(item.revoked_on)}
        for item in TitleHistory.objects.filter(unit_id__in=unit_ids).select_related("unit", "title")
    ]  # fmt: skip
    awards = Title._meta.get_field("awards").related_model.objects  # decisions sit above scoring
    for award in (
        awards.exclude(decision__status="draft")
        .filter(unit_id__in=unit_ids)
        .select_related("unit", "title", "award_form", "decision")
    ):
        rows.append({"year": award.year, "unit": award.unit, "name": (award.title or award.award_form).name,
                     "basis": award.decision.number, "revoked": award.status != "active"})  # fmt: skip
    return sorted(rows, key=lambda row: (-row["year"], row["name"]))


def signed(points: Decimal | None) -> str:
    if points is None:
        return ""
    sign = "+" if points > 0 else "−" if points < 0 else ""
    return f"{sign}{number(abs(points))}"


# A stored line leaves its blank keys out (older scores stored every key, and a full link: both are read).
LINE_DEFAULTS = {"label": "", "points": None, "counted": True, "group": "", "criterion": "", "detail": "", "source": "",
                 "source_id": None, "link": ""}  # fmt: skip

SOURCE_PAGES = {
    "evaluations.inspection": "evaluations:inspection_detail",
    "evaluations.violation": "evaluations:violation_detail",
}


def line_link(line: dict, score: Score, pledges: dict) -> str:
    """The page a line's source is shown on: an inspection, a violation, the unit's KPI readings, the unit's
    self-assessment (its pledge for the period); a link stored by an older engine is kept as it is."""
    if line["link"].startswith("/"):
        return line["link"]
    if line["link"] == "kpi":
        return reverse("evaluations:kpi_unit", args=[score.unit_id])
    if line["source"] in SOURCE_PAGES and line["source_id"]:
        return reverse(SOURCE_PAGES[line["source"]], args=[line["source_id"]])
    if line["source"] == "emulation.selfassessment":
        if "pledge" not in pledges:
            found = Pledge.objects.filter(unit_id=score.unit_id, period_id=score.period_id).values_list("pk", flat=True)
            pledges["pledge"] = found.first()
        return reverse("emulation:self_assessment", args=[pledges["pledge"]]) if pledges["pledge"] else ""
    return ""


def _display(stored: dict, score: Score, pledges: dict) -> dict:
    line = {**LINE_DEFAULTS, **stored}
    line["link"] = line_link(line, score, pledges)
    points = None if line["points"] is None else Decimal(line["points"])
    plain = line["kind"] in {LineKind.CRITERION, LineKind.SUPERSEDED} or not line["counted"]
    return {**line, "value": points, "shown": number(points or 0) if plain else signed(points)}


def shown_lines(score: Score) -> list[dict]:
    """The score's breakdown lines as the page shows them (every key, the link, the points as text), in order:
    a criterion's stored `evidence` (the inspections its points rest on) becomes one line per inspection before it."""
    pledges: dict = {}
    seen = _inspections([row[0] for line in score.breakdown for row in line.get("evidence", ())])
    upheld = _violations([row[0] for line in score.breakdown for row in line.get("violations", ())])
    criteria = _criteria(score) if any("label" not in line for line in score.breakdown) else {}
    shown = []
    for line in score.breakdown:
        if "label" not in line and line.get("criterion"):  # a criterion's line: its name and group
            label, group = criteria.get(line.get("criterion", ""), (line.get("criterion", ""), ""))
            line = {**line, "label": label, "group": group}
        if "violations" in line:  # the upheld violations, one line each
            shown += [_display(violation, score, pledges) for violation in _violation_lines(line, score, upheld)]
            continue
        shown += [_display(evidence, score, pledges) for evidence in _evidence_lines(line, score, seen)]
        shown.append(_display({k: v for k, v in line.items() if k != "evidence"}, score, pledges))
    return shown


def _criteria(score: Score) -> dict[str, tuple[str, str]]:
    """The period's criteria by code: the label of their lines ("A1. name") and their group's code."""
    rows = Criterion.objects.filter(group__scheme__period_id=score.period_id)
    return {code: (f"{code}. {name}", group) for code, name, group in rows.values_list("code", "name", "group__code")}


def _violations(ids: list[int]) -> dict[int, tuple]:
    if not ids:
        return {}
    rows = Violation.objects.filter(pk__in=ids).values_list("pk", "type__name", "occurred_at", "unit_id", "unit__name")
    return {pk: rest for pk, *rest in rows}


def _violation_lines(line: dict, score: Score, upheld: dict[int, tuple]) -> list[dict]:
    """An upheld violation's line: its type and day (and unit, for a division of the unit), the points it took off
    (none, not counted, when its type has no deduction rule)."""
    lines = []
    for pk, *points in line["violations"]:
        kind, occurred_at, unit_id, name = upheld.get(pk, ("?", None, score.unit_id, ""))
        day = f"{occurred_at:%d/%m/%Y}" if occurred_at else "?"
        label = gettext_now("%(type)s ngày %(date)s") % {"type": kind, "date": day}
        if unit_id != score.unit_id:
            label = f"{label} — {name}"
        detail = (
            gettext_now("Vi phạm được xác nhận")
            if points
            else gettext_now("Loại vi phạm này không bị trừ điểm trong bảng điểm")
        )
        lines.append({"kind": LineKind.DEDUCTION, "label": label, "points": points[0] if points else "0.00",
                      "counted": bool(points), "detail": detail, "source": "evaluations.violation",
                      "source_id": pk})  # fmt: skip
    return lines


def _inspections(ids: list[int]) -> dict[int, tuple]:
    if not ids:
        return {}
    rows = Inspection.objects.filter(pk__in=ids).values_list("pk", "date", "unit_id", "unit__name")
    return {pk: (date, unit_id, name) for pk, date, unit_id, name in rows}


def _evidence_lines(line: dict, score: Score, seen: dict[int, tuple]) -> list[dict]:
    """An inspection's line under a criterion: its date (and unit, for a division of the unit), checks passed."""
    lines = []
    for pk, ok, counted in line.get("evidence", ()):
        date, unit_id, name = seen.get(pk, (None, score.unit_id, ""))
        label = gettext_now("Kiểm tra ngày %(date)s") % {"date": f"{date:%d/%m/%Y}" if date else "?"}
        if unit_id != score.unit_id:
            label = f"{label} — {name}"
        detail = gettext_now("%(ok)s/%(n)s mục đạt") % {"ok": ok, "n": counted}
        lines.append({"kind": LineKind.EVIDENCE, "label": label, "counted": False, "group": line.get("group", ""),
                      "criterion": line.get("criterion", ""), "detail": detail, "source": "evaluations.inspection",
                      "source_id": pk})  # fmt: skip
    return lines


def breakdown_sections(score: Score) -> list[dict]:
    """The breakdown grouped for the page: one section per criterion group (in scheme order), then deductions,
    bonuses, vetoes and the evidence flag. A section's points add its counted lines."""
    groups = CriterionGroup.objects.filter(scheme__period_id=score.period_id).order_by("position", "code")
    names = {group.code: (f"{group.code}. {group.name}", group.max_points) for group in groups}
    sections = {
        code: {"title": title, "max": number(top), "lines": [], "group": True} for code, (title, top) in names.items()
    }
    for key, title, _kinds in OTHER_SECTIONS:
        sections[key] = {"title": title, "max": None, "lines": [], "group": False}
    for line in shown_lines(score):
        key = line["group"] if line["kind"] in CRITERION_KINDS else _other_section(line["kind"])
        section = sections.setdefault(key, {"title": key, "max": None, "lines": [], "group": True})
        section["lines"].append(line)
    result = []
    for section in sections.values():
        section["lines"] = _evidence_after_its_criterion(section["lines"])
        if section["lines"]:
            total = sum((line["value"] for line in section["lines"] if line["counted"]), Decimal(0))
            result.append({**section, "points": number(total) if section["group"] else signed(total)})
    return result


def _evidence_after_its_criterion(lines: list[dict]) -> list[dict]:
    """A criterion's evidence rows (its inspections) follow the criterion's own line, so they read as its grounds."""
    evidence: dict[str, list[dict]] = {}
    for line in lines:
        if line["kind"] == LineKind.EVIDENCE:
            evidence.setdefault(line.get("criterion", ""), []).append(line)
    ordered = []
    for line in lines:
        if line["kind"] != LineKind.EVIDENCE:
            ordered.append(line)
            if line["kind"] == LineKind.CRITERION:
                ordered.extend(evidence.pop(line.get("criterion", ""), []))
    return ordered + [line for rest in evidence.values() for line in rest]


def _other_section(kind: str) -> str:
    return next(key for key, _title, kinds in OTHER_SECTIONS if kind in kinds)


def svg(value: float) -> str:
    """An SVG coordinate: always a decimal point (the page's Vietnamese number format would write a comma)."""
    return f"{value:.1f}"


def trend_chart(scores: list[Score], *, current: Score) -> dict:
    """Points of a small line chart (SVG coordinates) of the unit's totals across the movement's periods."""
    c = CHART
    if not scores:
        return {}
    totals = [score.total for score in scores]
    top, bottom = max([Decimal(100), *totals]), min([Decimal(0), *totals])
    inner_w, inner_h = c["width"] - c["left"] - c["right"], c["height"] - c["top"] - c["bottom"]
    step = inner_w / max(len(scores) - 1, 1)
    points = []
    for index, score in enumerate(scores):
        x = c["left"] + (step * index if len(scores) > 1 else inner_w / 2)
        y = c["top"] + float((top - score.total) / (top - bottom)) * inner_h
        points.append({"x": svg(x), "y": svg(y), "score": score, "current": score.pk == current.pk})
    ticks = [{"y": svg(c["top"] + float((top - v) / (top - bottom)) * inner_h), "label": number(v)}
             for v in (top, (top + bottom) / 2, bottom)]  # fmt: skip
    return {
        **c,
        "points": points,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "ticks": ticks,
        "axis_y": c["height"] - c["bottom"],
        "label_y": c["height"] - c["bottom"] + 20,
        "right_x": c["width"] - c["right"],
    }
