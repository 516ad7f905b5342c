"""Demo evaluations for the Đắk Nông province: the §2.3 catalogue and several years of inspections.

Rules:
- Runs after units.demo.build_demo (it needs the demo units, people and the "kiemtra" login).
- Deterministic (seeded generator) and idempotent: the history is generated only when no demo inspection exists.
- Inspectors are never sent to their own unit, its parent or children (the same rule as the planning form).
- Past violations are upheld once their appeal window closed, a few dismissed after review; the latest ones are
  still recorded, inside the window. Appeals (contested violations) are added by the appeals demo.
- Today the demo inspector has one inspection under way and one planned, so the phone form has something to open.
"""

import datetime
import random

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from evaluations.catalogue_seed import seed_catalogue
from evaluations.models import (
    AppealPolicy,
    ChecklistItem,
    Inspection,
    InspectionKind,
    InspectionStatus,
    ItemOutcome,
    ItemResult,
    StatusChange,
    Violation,
    ViolationStatus,
)
from evaluations.permissions import inspector_conflict
from units.demo import DEMO_PASSWORD, PROVINCE_CODE, demo_email
from units.models import Level, Person, Role, RoleAssignment, Unit, User

SEED = 20190519  # the office-culture movement's launch day
FIRST_YEAR = 2021
INSPECTIONS_PER_YEAR = 24
FAIL_RATE = 0.06
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
        if not Inspection.objects.filter(unit__code__startswith=PROVINCE_CODE).exists():
            History(inspectors, random.Random(SEED)).build()
    demo = Inspection.objects.filter(unit__code__startswith=PROVINCE_CODE)
    return {
        **counts,
        "inspections": demo.count(),
        "violations": Violation.objects.filter(unit__code__startswith=PROVINCE_CODE).count(),
    }


def ensure_inspectors() -> list[User]:
    """The 'kiemtra' login from units.demo plus two more inspectors, all with the role over the province."""
    province = Unit.objects.get(code=PROVINCE_CODE)
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
        self.units = list(Unit.objects.filter(code__startswith=f"{PROVINCE_CODE}-", level__in=levels).order_by("code"))
        self.staff = {}
        for person in Person.objects.filter(unit__in=self.units, active=True).only("pk", "unit_id"):
            self.staff.setdefault(person.unit_id, []).append(person.pk)
        self.window = datetime.timedelta(days=AppealPolicy.objects.current().appeal_window_days)
        self.changes: list[StatusChange] = []

    def build(self) -> None:
        for year in range(FIRST_YEAR, self.today.year + 1):
            for day in self.days_of(year):
                self.submitted_inspection(day)
        self.showcase_inspection()
        self.draft_inspection(self.today, ticked=6)
        self.draft_inspection(self.today + datetime.timedelta(days=3), ticked=0)
        StatusChange.objects.bulk_create(self.changes, batch_size=1000)

    def days_of(self, year: int) -> list[datetime.date]:
        """Working days spread over the year, none later than yesterday."""
        start, end = (
            datetime.date(year, 1, 5),
            min(datetime.date(year, 12, 20), self.today - datetime.timedelta(days=1)),
        )
        span = (end - start).days
        if span <= 0:
            return []
        days = sorted(start + datetime.timedelta(days=self.rng.randrange(span)) for _ in range(INSPECTIONS_PER_YEAR))
        return [day - datetime.timedelta(days=max(0, day.weekday() - 4)) for day in days]

    def team_for(self, unit: Unit) -> list[User]:
        allowed = [user for user in self.inspectors if inspector_conflict(user, unit) is None]
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

    def submitted_inspection(self, day: datetime.date) -> None:
        inspection = self.plan(day, InspectionStatus.SUBMITTED)
        if inspection is None:
            return
        submitted_at = self.at(day, 16)
        Inspection.objects.filter(pk=inspection.pk).update(submitted_at=submitted_at, submitted_by=inspection.lead)
        self.change(inspection, InspectionStatus.DRAFT, InspectionStatus.SUBMITTED, inspection.lead, submitted_at)
        failed = self.tick(inspection, self.items)
        self.violations(inspection, failed, submitted_at)

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
        results, failed = [], []
        for item in items:
            if item.code in OPTIONAL_ITEMS and self.rng.random() < 0.5:
                outcome = ItemOutcome.NOT_APPLICABLE
            elif self.rng.random() < FAIL_RATE:
                outcome = ItemOutcome.FAIL
                failed.append(item)
            else:
                outcome = ItemOutcome.PASS
            results.append(ItemResult(inspection=inspection, item=item, outcome=outcome, updated_by=inspection.lead))
        ItemResult.objects.bulk_create(results)
        return failed

    def violations(self, inspection: Inspection, failed: list[ChecklistItem], submitted_at) -> None:
        deadline = timezone.localdate(submitted_at) + self.window
        closed = deadline < self.today
        rows = [self.violation(inspection, item, deadline) for item in failed if item.violation_type_id]
        for violation in Violation.objects.bulk_create(rows):
            self.change(violation, "", ViolationStatus.RECORDED, inspection.lead, submitted_at)
            if closed:
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
