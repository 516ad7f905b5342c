"""Plain factory functions: each makes one valid record, with overrides."""

import itertools

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from units.models import Category, Kind, Level, Person, Role, RoleAssignment, Unit, User

_seq = itertools.count(1)


def n() -> int:
    return next(_seq)


def make_user(**overrides) -> User:
    i = n()
    fields = {"email": f"user{i}@example.vn", "full_name": f"Người dùng {i}"}
    fields.update(overrides)
    password = fields.pop("password", "mật-khẩu-Thử-1")
    return User.objects.create_user(password=password, **fields)


def make_unit(**overrides) -> Unit:
    i = n()
    fields = {"code": f"U{i:05d}", "name": f"Đơn vị {i}", "level": Level.DEPARTMENT, "kind": Kind.DEPARTMENT}
    fields.update(overrides)
    return Unit.objects.create(**fields)


def make_person(**overrides) -> Person:
    i = n()
    fields = {"code": f"P{i:06d}", "full_name": f"Nguyễn Văn {i}", "category": Category.CONG_CHUC}
    fields.update(overrides)
    if "unit" not in fields:
        fields["unit"] = make_unit()
    return Person.objects.create(**fields)


def grant(user: User, role: str, unit: Unit) -> RoleAssignment:
    return RoleAssignment.objects.create(user=user, role=role, unit=unit)


def enrol_totp(user: User) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def make_user_with_role(role: str, unit: Unit, *, person_unit: Unit | None = None, **overrides) -> User:
    """A user holding `role` on `unit`, with a Person record in `person_unit` (default: `unit`)."""
    user = make_user(**overrides)
    grant(user, role, unit)
    make_person(unit=person_unit or unit, user=user, full_name=user.full_name, email=user.email)
    if role in {Role.ADMINISTRATOR, Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY}:
        enrol_totp(user)
    return user


# --- evaluations ---------------------------------------------------------------------------------------------------


def make_violation_type(**overrides):
    from evaluations.models import Severity, ViolationCategory, ViolationType

    i = n()
    fields = {
        "code": f"VT-{i}",
        "name": f"Loại vi phạm {i}",
        "category": ViolationCategory.BADGE,
        "severity": Severity.MINOR,
        "default_deduction": 1,
    }
    fields.update(overrides)
    return ViolationType.objects.create(**fields)


def make_checklist_item(**overrides):
    from evaluations.models import ChecklistItem, ViolationCategory

    i = n()
    fields = {"code": f"CK-{i}", "category": ViolationCategory.BADGE, "text": f"Mục kiểm tra {i}", "position": i}
    fields.update(overrides)
    return ChecklistItem.objects.create(**fields)


def make_inspection(*, team=(), **overrides):
    """A draft inspection; the lead (if any) and `team` are its members."""
    import datetime

    from evaluations.models import Inspection, InspectionKind

    fields = {"date": datetime.date.today(), "kind": InspectionKind.SCHEDULED}
    fields.update(overrides)
    if "unit" not in fields:
        fields["unit"] = make_unit()
    inspection = Inspection.objects.create(**fields)
    members = {*team, *([fields["lead"]] if fields.get("lead") else [])}
    inspection.team.set(members)
    return inspection


def make_violation(**overrides):
    from django.utils import timezone

    from evaluations.models import Violation

    fields = {"occurred_at": timezone.now(), "description": "Không đeo thẻ công chức"}
    fields.update(overrides)
    if "type" not in fields:
        fields["type"] = make_violation_type()
    if "unit" not in fields:
        fields["unit"] = fields["inspection"].unit if fields.get("inspection") else make_unit()
    return Violation.objects.create(**fields)


# --- emulation scores ----------------------------------------------------------------------------------------------


def make_bloc(period, units, **overrides):
    """A bloc of the period with `units` as members."""
    from emulation.models import Bloc, BlocMembership

    fields = {"period": period, "name": f"Khối {n()}"}
    fields.update(overrides)
    bloc = Bloc.objects.create(**fields)
    for unit in units:
        BlocMembership.objects.create(bloc=bloc, unit=unit)
    return bloc


def make_submitted_inspection(unit, date, outcomes):
    """A submitted inspection of `unit` on `date` with one item result per (category, outcome) pair in `outcomes`."""
    from evaluations.models import InspectionStatus, ItemResult

    inspection = make_inspection(unit=unit, date=date, status=InspectionStatus.SUBMITTED)
    for category, outcome in outcomes:
        ItemResult.objects.create(inspection=inspection, item=make_checklist_item(category=category), outcome=outcome)
    return inspection


def make_kpi_indicator(**overrides):
    from evaluations.models import IndicatorKind, KpiIndicator

    i = n()
    fields = {"code": f"KPI-{i}", "name": f"Chỉ số {i}", "unit_of_measure": "%", "kind": IndicatorKind.RATE}
    fields.update(overrides)
    return KpiIndicator.objects.create(**fields)


# --- emulation rankings ---------------------------------------------------------------------------------------------


def make_score(unit, period, **overrides):
    """A stored score row as the engine would leave it (rank, band, flag set directly), in `unit`'s bloc if any."""
    from decimal import Decimal

    from emulation.models import BlocMembership, Score

    membership = BlocMembership.objects.filter(unit=unit, period=period).first()
    fields = {"unit": unit, "period": period, "total": Decimal("80"), "bloc": membership.bloc if membership else None}
    fields.update(overrides)
    return Score.objects.create(**fields)


# --- emulation decisions and awards --------------------------------------------------------------------------------


def make_decision(**overrides):
    """A draft decision of the provincial chair (seeded authority CT_UBND_TINH) for a new period; pass
    status="signed" for an issued one (it then gets a number and a date)."""
    import datetime

    from emulation.decisions.models import Decision
    from emulation.models import Authority, DecisionStatus
    from tests.emulation.factories import make_period

    i = n()
    fields = {"signer_name": "Hồ Văn Mười", "signer_position": "Chủ tịch UBND tỉnh", "subject": f"Khen thưởng {i}"}
    fields.update(overrides)
    if "authority" not in fields:
        fields["authority"] = Authority.objects.get(code="CT_UBND_TINH")
    if "unit" not in fields:
        fields["unit"] = make_unit(level=Level.PROVINCE, kind=Kind.PEOPLES_COMMITTEE)
    if "period" not in fields:
        fields["period"] = make_period()
    if "created_by" not in fields:
        fields["created_by"] = make_user()
    if fields.get("status", DecisionStatus.DRAFT) != DecisionStatus.DRAFT:
        fields.setdefault("number", f"{i}/QĐ-UBND")
        fields.setdefault("decided_on", datetime.date(fields["period"].ends_on.year + 1, 1, 15))
    if fields.get("decided_on"):
        fields.setdefault("year", fields["decided_on"].year)
    return Decision.objects.create(**fields)


def make_award(decision, **overrides):
    """An active award of `decision` (its period and year) to a new person, of the seeded title LĐTT."""
    from emulation.models import Award, Title

    fields = {"decision": decision, "period": decision.period, "year": decision.period.ends_on.year}
    fields.update(overrides)
    if "person" not in fields and "unit" not in fields:
        fields["person"] = make_person()
    if "title" not in fields and "award_form" not in fields:
        fields["title"] = Title.objects.get(code="LDTT")
    return Award.objects.create(**fields)
