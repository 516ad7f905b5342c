"""Demo evaluations for the Đắk Nông province: the §2.3 catalogue and several years of inspections.

Rules:
- Runs after units.demo.build_demo (it needs the demo units, people and the "kiemtra" login).
- Deterministic (seeded generator) and idempotent: the history is generated only when no demo inspection exists.
- Every department, agency and district — the units the emulation demo puts in blocs and scores — is visited two to
  four times a year from the office-culture movement's launch (May 2019), at its own office or at one of its
  divisions or communes (an observation there counts for it). A few units a year get no or one visit, so the
  ranking's "chưa đủ căn cứ" flag still shows; this year's visits stop yesterday, so some units are still short.
- Each unit has its own standard (some careless, some exemplary) that improves slowly over the years: failed items
  are mostly minor (badge, dress, tidiness, punctuality), a few serious, very rarely grave.
- Inspectors are never sent to their own unit, its parent or children (the same rule as the planning form).
- Past violations are upheld once their appeal window closed, a few dismissed after review; the latest ones are
  still recorded, inside the window. Appeals (contested violations) are added by the appeals demo.
- Today the demo inspector has one inspection under way and one planned, so the phone form has something to open.
"""

import datetime
import operator
import random

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from evaluations.catalogue.models import AppealPolicy, ChecklistItem, Severity
from evaluations.catalogue.seed import seed_catalogue
from evaluations.history import StatusChange
from evaluations.inspections.models import (
    Inspection,
    InspectionKind,
    InspectionStatus,
    ItemOutcome,
    ItemResult,
    Violation,
    ViolationStatus,
)
from evaluations.inspections.permissions import inspector_conflict
from units.demo import CURRENT_PROVINCE_CODE, DEMO_PASSWORD, PROVINCE_CODE, demo_email, demo_units
from units.models import Level, Person, Role, RoleAssignment, Unit, User

SEED = 20190519  # the office-culture movement's launch day

LAUNCH = datetime.date(2019, 5, 19)

FIRST_YEAR = LAUNCH.year

# Units answering for their subtree: the departments/agencies and districts the emulation demo puts in blocs, and
# (from 01/07/2025) the communes and wards directly under the province. Each is visited while it exists.
ANSWERING_LEVELS = [Level.DEPARTMENT, Level.DISTRICT]

VISITS_PER_YEAR = ([2, 3, 4], [45, 38, 17])  # (visits, weights) for a unit inspected as planned

SHORT_UNITS_PER_YEAR = [1, 1, 2, 2, 3]  # units a year visited once or not at all

OWN_OFFICE_SHARE = 0.55  # otherwise one of its divisions, offices or communes

# Chance that an item fails, by the severity of its violation, for a unit of average standard.
FAIL_RATE = {Severity.MINOR: 0.08, Severity.SERIOUS: 0.012, Severity.GRAVE: 0.0025}

# Items failed more (or less) often than their severity's rate: badges, punctuality and smoking are the usual finds.
ITEM_FAIL_WEIGHT = {"ID-01": 2.5, "DS-01": 2.0, "SM-01": 1.5, "DS-03": 1.5, "AL-01": 1.5, "DR-03": 0.3, "OF-04": 0.5}

STANDARDS = [0.3, 0.5, 0.8, 1.0, 1.0, 1.3, 1.8, 2.5, 3.5, 4.5]  # a unit's carelessness, drawn once

YEARLY_IMPROVEMENT = 0.05  # share of the 2019 failure rate gone each year of the movement

DISMISSED_SHARE = 0.15

# (e-mail local part, code of the person the login belongs to) — extra inspectors so teams have two members.
EXTRA_INSPECTORS = [("kiemtra2", "DNO-SNV-TDKT-002"), ("kiemtra3", "DNO-STP-003")]

SHOWCASE_PEOPLE = {"ID-01": "DNO-SNV-VP-004", "AL-01": "DNO-SNV-VP-002"}

OPTIONAL_ITEMS = {"DR-02", "DR-03", "ID-02", "AL-03", "FS-01"}

DESCRIPTIONS = {
    "badge": "Không đeo thẻ công chức khi tiếp công dân.",
    "dress": "Mặc trang phục không phù hợp (dép lê) tại nơi làm việc.",
    "conduct": "Người dân phản ánh thái độ thiếu nhã nhặn khi hướng dẫn hồ sơ; đã xác minh.",
    "discipline": "Vắng mặt tại vị trí làm việc lúc kiểm tra, không có lý do.",
    "alcohol": "Có mùi rượu bia sau giờ nghỉ trưa; đo nồng độ cồn dương tính.",
    "smoking": "Hút thuốc lá trong phòng làm việc.",
    "office": "Phòng làm việc bừa bộn, hồ sơ để trên nền nhà.",
    "gambling": "Tổ chức đánh bài ăn tiền trong giờ nghỉ trưa tại cơ quan.",
    "festivals": "Dùng xe công đi lễ hội đầu xuân trong giờ hành chính.",
}


def build_demo() -> dict[str, int]:
    """Seed the catalogue, the demo inspectors and (once) the inspection history; return counts."""
    with transaction.atomic():
        counts = seed_catalogue()
        inspectors = ensure_inspectors()
        if not Inspection.objects.filter(unit__in=Unit.objects.filter(demo_units())).exists():
            History(inspectors, random.Random(SEED)).build()
    demo = Inspection.objects.filter(unit__in=Unit.objects.filter(demo_units()))
    return {
        **counts,
        "inspections": demo.count(),
        "violations": Violation.objects.filter(unit__in=Unit.objects.filter(demo_units())).count(),
    }


def answering_units() -> list[Unit]:
    """Every unit that answers for its subtree at some time: Đắk Nông's departments and districts, Lâm Đồng's
    departments, communes and wards (by code, so the generator draws the same way on every run)."""
    levels = [Level.DEPARTMENT, Level.DISTRICT, Level.COMMUNE]
    units = Unit.objects.filter(demo_units("-"), level__in=levels).select_related("parent").order_by("code")
    return [unit for unit in units if unit.level in ANSWERING_LEVELS or unit.parent.level == Level.PROVINCE]


def life_in(unit: Unit, start: datetime.date, end: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The part of [start, end] the unit existed in (empty when start > end)."""
    return max(start, unit.valid_from or start), min(end, unit.valid_to or end)


def ensure_inspectors() -> list[User]:
    """The 'kiemtra' login from units.demo plus two more inspectors, all with the role over today's province."""
    province = Unit.objects.get(code=CURRENT_PROVINCE_CODE)
    users = [User.objects.get(email=demo_email("kiemtra"))]
    for local_part, person_code in EXTRA_INSPECTORS:
        person = Person.objects.get(code=person_code)
        user, _created = User.objects.get_or_create(
            email=demo_email(local_part),
            defaults={"full_name": person.full_name, "password": make_password(DEMO_PASSWORD)},
        )
        if person.user_id is None:
            person.user = user
            person.save(update_fields=["user"])
        RoleAssignment.objects.get_or_create(user=user, role=Role.INSPECTOR, unit=province)
        users.append(user)
    return users


class History:
    """Generates inspections, item results, violations and their status history in bulk."""

    def __init__(self, inspectors: list[User], rng: random.Random):
        self.rng = rng
        self.inspectors = inspectors
        self.today = timezone.localdate()
        self.items = list(ChecklistItem.objects.filter(active=True).select_related("violation_type"))
        levels = [Level.DEPARTMENT, Level.DISTRICT, Level.COMMUNE, Level.SUB_UNIT]
        self.units = list(Unit.objects.filter(demo_units("-"), level__in=levels).order_by("code"))
        self.answering = answering_units()
        self.below = {
            unit.pk: [other for other in self.units if other.pk != unit.pk and other.path.startswith(unit.path)]
            for unit in self.answering
        }
        self.standard = {unit.pk: self.rng.choice(STANDARDS) for unit in self.answering}
        self.allowed: dict[int, list[User]] = {}
        self.staff = {}
        for person in Person.objects.filter(unit__in=self.units, active=True).only("pk", "unit_id"):
            self.staff.setdefault(person.unit_id, []).append(person.pk)
        self.window = datetime.timedelta(days=AppealPolicy.objects.current().appeal_window_days)
        self.changes: list[StatusChange] = []

    def build(self) -> None:
        visits = [visit for year in range(FIRST_YEAR, self.today.year + 1) for visit in self.visits_of(year)]
        self.submitted_inspections(visits)
        self.showcase_inspection()
        self.draft_inspection(self.today, ticked=6)
        self.draft_inspection(self.today, ticked=0)  # planned for today, not started: nothing is dated ahead
        StatusChange.objects.bulk_create(self.changes, batch_size=1000)

    def visits_of(self, year: int) -> list[tuple[Unit, datetime.date, float]]:
        """(unit visited, day, failure factor) for every answering unit: visits spread over the year, none before
        the launch nor later than yesterday; a few units are visited once or not at all."""
        start = max(datetime.date(year, 1, 5), LAUNCH + datetime.timedelta(days=14))
        end, last = datetime.date(year, 12, 20), self.today - datetime.timedelta(days=1)
        living = [unit for unit in self.answering if operator.le(*life_in(unit, start, end))]
        short = {unit.pk for unit in self.rng.sample(living, k=self.rng.choice(SHORT_UNITS_PER_YEAR))}
        improvement = max(0.3, 1 - YEARLY_IMPROVEMENT * (year - FIRST_YEAR))
        visits = []
        for unit in living:
            count = self.rng.choice([0, 1, 1]) if unit.pk in short else self.rng.choices(*VISITS_PER_YEAR)[0]
            factor = self.standard[unit.pk] * improvement * self.rng.uniform(0.7, 1.3)
            for day in self.spread(*life_in(unit, start, end), count):
                below = [o for o in self.below[unit.pk] if (o.valid_from or day) <= day <= (o.valid_to or day)]
                visited = unit if not below or self.rng.random() < OWN_OFFICE_SHARE else self.rng.choice(below)
                if day <= last:
                    visits.append((visited, day, factor))
        return visits

    def spread(self, start: datetime.date, end: datetime.date, count: int) -> list[datetime.date]:
        """`count` working days, one in each equal part of [start, end] (a Saturday or Sunday moves to Friday)."""
        span = (end - start).days
        days = []
        for part in range(count):
            offset = span * part // count + self.rng.randrange(max(1, span // count))
            day = start + datetime.timedelta(days=offset)
            days.append(day - datetime.timedelta(days=max(0, day.weekday() - 4)))
        return days

    def submitted_inspections(self, visits: list[tuple[Unit, datetime.date, float]]) -> None:
        """The visits as submitted inspections with their teams, item results and violations, all in bulk."""
        rows, teams, factors = [], [], []
        for unit, day, factor in visits:
            team = self.team_for(unit)
            if not team:
                continue
            kind = InspectionKind.UNANNOUNCED if self.rng.random() < 0.3 else InspectionKind.SCHEDULED
            submitted_at = self.at(day, 16)
            rows.append(
                Inspection(
                    unit=unit,
                    date=day,
                    kind=kind,
                    status=InspectionStatus.SUBMITTED,
                    lead=team[0],
                    submitted_at=submitted_at,
                    submitted_by=team[0],
                )
            )
            teams.append(team)
            factors.append(factor)
        Inspection.objects.bulk_create(rows, batch_size=500)
        through = Inspection.team.through
        members = [
            through(inspection_id=row.pk, user_id=user.pk)
            for row, team in zip(rows, teams, strict=True)
            for user in team
        ]
        through.objects.bulk_create(members, batch_size=1000)
        results, failures = [], []
        for inspection, factor in zip(rows, factors, strict=True):
            planned_at = self.at(inspection.date - datetime.timedelta(days=10), 8)
            self.change(inspection, "", InspectionStatus.DRAFT, inspection.lead, planned_at, "Lập kế hoạch")
            self.change(
                inspection, InspectionStatus.DRAFT, InspectionStatus.SUBMITTED, inspection.lead, inspection.submitted_at
            )
            ticked, failed = self.results(inspection, self.items, factor)
            results.extend(ticked)
            failures.append((inspection, failed))
        ItemResult.objects.bulk_create(results, batch_size=2000)
        self.violations(failures)

    def team_for(self, unit: Unit) -> list[User]:
        if unit.pk not in self.allowed:
            self.allowed[unit.pk] = [user for user in self.inspectors if inspector_conflict(user, unit) is None]
        allowed = self.allowed[unit.pk]
        return self.rng.sample(allowed, k=min(2, len(allowed)))

    def plan(self, day: datetime.date, status: str, unit: Unit | None = None) -> Inspection | None:
        unit = unit or self.rng.choice(self.units)
        team = self.team_for(unit)
        if not team:
            return None
        kind = InspectionKind.UNANNOUNCED if self.rng.random() < 0.3 else InspectionKind.SCHEDULED
        inspection = Inspection.objects.create(unit=unit, date=day, kind=kind, status=status, lead=team[0])
        inspection.team.set(team)
        planned_at = self.at(day - datetime.timedelta(days=10), 8)
        self.change(inspection, "", InspectionStatus.DRAFT, team[0], planned_at, "Lập kế hoạch")
        return inspection

    def showcase_inspection(self) -> None:
        """Two days ago at the demo staff member's office: a badge and an alcohol violation, both still open to
        appeal, one naming the demo staff login (so every demo role has something of its own to look at)."""
        unit = Unit.objects.get(code=f"{PROVINCE_CODE}-SNV-VP")
        day = self.today - datetime.timedelta(days=2)
        inspection = self.plan(day, InspectionStatus.SUBMITTED, unit=unit)
        submitted_at = self.at(day, 16)
        Inspection.objects.filter(pk=inspection.pk).update(submitted_at=submitted_at, submitted_by=inspection.lead)
        self.change(inspection, InspectionStatus.DRAFT, InspectionStatus.SUBMITTED, inspection.lead, submitted_at)
        failing = {"ID-01", "AL-01"}
        self.tick(inspection, [item for item in self.items if item.code not in failing])
        people = dict(Person.objects.filter(code__in=SHOWCASE_PEOPLE.values()).values_list("code", "pk"))
        for item in (item for item in self.items if item.code in failing):
            ItemResult.objects.create(inspection=inspection, item=item, outcome=ItemOutcome.FAIL)
            violation = self.violation(inspection, item, timezone.localdate(submitted_at) + self.window)
            violation.person_id = people.get(SHOWCASE_PEOPLE[item.code])
            violation.save()
            self.change(violation, "", ViolationStatus.RECORDED, inspection.lead, submitted_at)

    def draft_inspection(self, day: datetime.date, ticked: int) -> None:
        unit = Unit.objects.get(code=f"{PROVINCE_CODE}-TTHCC-TNTKQ")
        inspection = self.plan(day, InspectionStatus.DRAFT, unit=unit)
        if inspection is not None:
            self.tick(inspection, self.items[:ticked])

    def tick(self, inspection: Inspection, items) -> list[ChecklistItem]:
        results, failed = self.results(inspection, items)
        ItemResult.objects.bulk_create(results)
        return failed

    def results(self, inspection: Inspection, items, factor: float = 1.0) -> tuple[list[ItemResult], list]:
        """Unsaved item results and the items that failed: an item fails at its severity's rate × `factor`."""
        results, failed = [], []
        for item in items:
            if item.code in OPTIONAL_ITEMS and self.rng.random() < 0.5:
                outcome = ItemOutcome.NOT_APPLICABLE
            elif (
                self.rng.random()
                < FAIL_RATE[item.violation_type.severity] * ITEM_FAIL_WEIGHT.get(item.code, 1) * factor
            ):
                outcome = ItemOutcome.FAIL
                failed.append(item)
            else:
                outcome = ItemOutcome.PASS
            results.append(ItemResult(inspection=inspection, item=item, outcome=outcome, updated_by=inspection.lead))
        return results, failed

    def violations(self, failures: list[tuple[Inspection, list[ChecklistItem]]]) -> None:
        """Violations for the failed items (bulk), recorded on submission and closed once their window passed."""
        rows, recorded = [], []
        for inspection, failed in failures:
            deadline = timezone.localdate(inspection.submitted_at) + self.window
            for item in failed:
                if item.violation_type_id:
                    rows.append(self.violation(inspection, item, deadline))
                    recorded.append((inspection, deadline))
        Violation.objects.bulk_create(rows, batch_size=1000)
        for violation, (inspection, deadline) in zip(rows, recorded, strict=True):
            self.change(violation, "", ViolationStatus.RECORDED, inspection.lead, inspection.submitted_at)
            if deadline < self.today:
                self.close(violation, deadline)

    def violation(self, inspection: Inspection, item: ChecklistItem, deadline) -> Violation:
        people = self.staff.get(inspection.unit_id, [])
        person_id = self.rng.choice(people) if people and self.rng.random() < 0.7 else None
        closed = deadline < self.today
        status = ViolationStatus.RECORDED
        if closed:
            status = ViolationStatus.DISMISSED if self.rng.random() < DISMISSED_SHARE else ViolationStatus.UPHELD
        return Violation(
            inspection=inspection,
            unit=inspection.unit,
            person_id=person_id,
            type=item.violation_type,
            occurred_at=self.at(inspection.date, self.rng.randint(8, 15), self.rng.randrange(60)),
            description=DESCRIPTIONS[item.category],
            status=status,
            appeal_deadline=deadline,
            recorded_by=inspection.lead,
        )

    def close(self, violation: Violation, deadline) -> None:
        at = self.at(deadline + datetime.timedelta(days=1), 0, 5)
        if violation.status == ViolationStatus.UPHELD:
            self.change(violation, ViolationStatus.RECORDED, ViolationStatus.UPHELD, None, at, "Hết hạn khiếu nại")
        else:
            reason = "Rà soát lại: cán bộ đi công tác được phép, đoàn kiểm tra ghi nhận nhầm."
            self.change(
                violation, ViolationStatus.RECORDED, ViolationStatus.DISMISSED, violation.recorded_by, at, reason
            )

    def change(self, obj, from_status, to_status, by, at, reason="") -> None:
        content_type = ContentType.objects.get_for_model(obj)
        self.changes.append(
            StatusChange(
                content_type=content_type,
                object_id=obj.pk,
                by=by,
                at=at,
                from_status=from_status,
                to_status=to_status,
                reason=reason,
            )
        )

    @staticmethod
    def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
