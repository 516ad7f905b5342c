"""Planning inspections, saving what the team ticks, and submitting (once, read-only afterwards)."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from evaluations.catalogue.models import ChecklistItem
from evaluations.history import record_status_change
from evaluations.inspections.models import Inspection, InspectionKind, InspectionStatus, ItemResult
from evaluations.inspections.permissions import LOCKED, inspector_conflict
from evaluations.inspections.violations import open_appeal_window
from evaluations.signals import observations_changed
from units.models import Role, RoleAssignment, Unit
from units.notifications.services import notify, notify_once_a_day
from units.permissions import has_role


def team_problems(*, unit: Unit, team) -> list[str]:
    """Why this team may not inspect this unit: a member lacks the inspector role over it, or belongs to it,
    to a unit above it or to a unit below it."""
    problems = []
    for member in team:
        if not has_role(member, Role.INSPECTOR, unit=unit):
            problems.append(_("%(name)s không có vai trò kiểm tra viên đối với đơn vị này.") % {"name": member})
        elif reason := inspector_conflict(member, unit):
            problems.append(reason)
    return problems


@transaction.atomic
def plan_inspection(*, by, unit: Unit, date, kind: str, lead, team, notes: str = "") -> Inspection:
    """A new draft inspection; the lead is always on the team; the team is told of the assignment."""
    if problems := team_problems(unit=unit, team={*team, lead}):
        raise ValidationError(problems)
    inspection = Inspection.objects.create(unit=unit, date=date, kind=kind, lead=lead, notes=notes, planned_by=by)
    inspection.team.set({*team, lead})
    record_status_change(obj=inspection, by=by, to_status=InspectionStatus.DRAFT, reason=_("Lập kế hoạch"))
    link = reverse("evaluations:inspection_detail", args=[inspection.pk])
    notify(users=inspection.team.all(), title=_("Bạn được phân công: %(i)s") % {"i": inspection}, link=link)
    return inspection


@transaction.atomic
def update_plan(*, inspection: Inspection, by, unit: Unit, date, kind: str, lead, team, notes: str = "") -> Inspection:
    """Change the plan of a draft inspection, with the same team rules as planning it."""
    require_draft(inspection)
    if problems := team_problems(unit=unit, team={*team, lead}):
        raise ValidationError(problems)
    inspection.unit, inspection.date, inspection.kind, inspection.lead, inspection.notes = unit, date, kind, lead, notes
    inspection.save()
    inspection.team.set({*team, lead})
    return inspection


def require_draft(inspection: Inspection) -> None:
    if inspection.status != InspectionStatus.DRAFT:
        raise ValidationError(LOCKED, code="locked")


def save_item_result(*, inspection: Inspection, item: ChecklistItem, outcome: str, note: str, by) -> ItemResult:
    """Store one ticked item of a draft inspection (the server-side draft: nothing ticked is lost)."""
    require_draft(inspection)
    result, _created = ItemResult.objects.update_or_create(
        inspection=inspection, item=item, defaults={"outcome": outcome, "note": note, "updated_by": by}
    )
    return result


def missing_items(inspection: Inspection):
    """Active checklist items the team has not ticked yet (a self-inspection is held to the same list)."""
    return ChecklistItem.objects.filter(active=True).exclude(itemresult__inspection=inspection)


@transaction.atomic
def submit_inspection(*, inspection: Inspection, by, token: uuid.UUID) -> tuple[Inspection, bool]:
    """Submit once: every item ticked, then read-only; violations get their appeal deadline and the unit head
    and clerk are notified. The same form token sent again returns the inspection unchanged (created=False)."""
    inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
    if inspection.status == InspectionStatus.SUBMITTED and inspection.submit_token == token:
        return inspection, False
    require_draft(inspection)
    if missing := list(missing_items(inspection).values_list("code", flat=True)):
        raise ValidationError(_("Chưa đánh giá các mục: %(codes)s.") % {"codes": ", ".join(missing)})
    inspection.status = InspectionStatus.SUBMITTED
    inspection.submitted_at, inspection.submitted_by, inspection.submit_token = timezone.now(), by, token
    inspection.save(update_fields=["status", "submitted_at", "submitted_by", "submit_token"])
    record_status_change(obj=inspection, by=by, from_status=InspectionStatus.DRAFT, to_status=inspection.status)
    open_appeal_window(violations=inspection.violations.all(), notified_on=timezone.localdate(inspection.submitted_at))
    observations_changed.send(Inspection, changes=[(inspection.unit_id, inspection.date)])
    notify_unit(inspection)
    return inspection, True


def unit_contacts(unit: Unit) -> list:
    """The head and clerk of the unit; when it has none, those of the nearest unit above that has them."""
    roles = [Role.UNIT_HEAD, Role.UNIT_CLERK]
    for unit_id in reversed(unit.ancestor_ids()):
        holders = RoleAssignment.objects.filter(unit_id=unit_id, role__in=roles).select_related("user")
        if users := list({assignment.user for assignment in holders}):
            return users
    return []


def notify_unit(inspection: Inspection) -> None:
    count = inspection.violations.count()
    title = _("Kết quả kiểm tra: %(i)s") % {"i": inspection}
    body = _("Đoàn kiểm tra đã nộp kết quả với %(n)s vi phạm được ghi nhận.") % {"n": count}
    link = reverse("evaluations:inspection_detail", args=[inspection.pk])
    notify(users=unit_contacts(inspection.unit), title=title, body=body, link=link)


def remind_scheduled_inspections(*, today: datetime.date | None = None) -> int:
    """The team of a scheduled inspection still open is reminded the day before (once, however often this runs)."""
    tomorrow = (today or timezone.localdate()) + datetime.timedelta(days=1)
    inspections = Inspection.objects.filter(date=tomorrow, kind=InspectionKind.SCHEDULED, status=InspectionStatus.DRAFT)
    with translation.override(settings.LANGUAGE_CODE):
        return sum(_remind_team(inspection) for inspection in inspections.select_related("unit", "lead"))


def _remind_team(inspection: Inspection) -> int:
    team = {*inspection.team.all(), *([inspection.lead] if inspection.lead else [])}
    title = _("Nhắc lịch kiểm tra ngày %(day)s: %(unit)s") % {
        "day": date_format(inspection.date, "d/m/Y"),
        "unit": inspection.unit.name,
    }
    link = reverse("evaluations:inspection_detail", args=[inspection.pk])
    return len(notify_once_a_day(users=team, title=title, link=link))
