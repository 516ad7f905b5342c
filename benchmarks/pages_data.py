"""What the page benchmark adds to the national dataset: the scores of the period (the app's own recompute), people,
a council per province with nominations, and the two personas whose sessions the load clients carry.

- people: `PEOPLE_PER_UNIT` per scored unit (so the people pickers have a national-size list behind them);
- nominations: `NOMINATIONS_PER_UNIT` collective nominations per scored unit (TTLĐTT / TTLĐXS), in a few statuses;
- a council scoped to each province (its secretary is a bench account);
- the council member: the council-member role on the first province and a seat on its council (the whole province
  in scope), enrolled in TOTP as the app requires of the role; the unit head: the unit-head role on the first scored
  department (with its divisions and public-service units).

Sessions are made as a login would leave them (`Client.force_login`), with allauth's record of a password + TOTP
login in the session: the two-factor middleware only asks that the role's holder be enrolled, which they are.
"""

import datetime
import random

from django.test import Client
from django.utils import timezone

from emulation.models import Council, CouncilMember, Nomination, NominationStatus, Period, Title
from emulation.scoring.engine import compute_period
from tests.factories import enrol_totp
from units.models import Category, Level, Person, Role, RoleAssignment, Unit, User

PEOPLE_PER_UNIT = 3
NOMINATIONS_PER_UNIT = 2
BATCH = 2000
COUNCIL_EMAIL = "hoidong@bench.thidua"
HEAD_EMAIL = "thutruong@bench.thidua"
STATUSES = [NominationStatus.PROPOSED] * 6 + [NominationStatus.VETTED] * 3 + [NominationStatus.APPROVED]


def build_extras(period: Period, seed: int) -> dict[str, float]:
    """Scores, people, councils, nominations and personas; the seconds each step took."""
    timings = {}
    started = timezone.now()
    compute_period(period=period)
    timings["scores (the app's recompute)"] = (timezone.now() - started).total_seconds()
    started = timezone.now()
    members = Unit.objects.filter(bloc_memberships__period=period).order_by("pk")
    scored = list(members.values_list("pk", flat=True))
    _people(scored)
    secretary = User.objects.create_user(email="thuky@bench.thidua", full_name="Thư ký Hội đồng", password=None)
    councils = Council.objects.bulk_create(
        [Council(name=f"Hội đồng TĐKT {p.name}", scope=p, secretary=secretary) for p in _provinces()]
    )
    _nominations(period, scored, seed, secretary)
    _personas(councils[0])
    timings["people, councils, nominations, personas"] = (timezone.now() - started).total_seconds()
    return timings


def _provinces():
    return Unit.objects.filter(parent__isnull=True, level=Level.PROVINCE).order_by("pk")


def _people(scored: list[int]) -> None:
    categories = [value for value, _label in Category.choices]
    rows = [
        Person(
            code=f"CB-{unit_id}-{k}",
            full_name=f"Nguyễn Văn {unit_id}-{k}",
            unit_id=unit_id,
            position="Chuyên viên",
            category=categories[(unit_id + k) % len(categories)],
        )
        for unit_id in scored
        for k in range(PEOPLE_PER_UNIT)
    ]
    Person.objects.bulk_create(rows, batch_size=BATCH)


def _nominations(period: Period, scored: list[int], seed: int, proposer: User) -> None:
    rng = random.Random(f"{seed}:nominations")
    titles = list(Title.objects.filter(code__in=["TTLDTT", "TTLDXS"]).order_by("code"))
    rows = [
        Nomination(period=period, title=titles[k % len(titles)], unit_id=unit_id, proposed_by=proposer,
                   achievement_report="Hoàn thành xuất sắc nhiệm vụ năm.", status=rng.choice(STATUSES))
        for unit_id in scored
        for k in range(NOMINATIONS_PER_UNIT)
    ]  # fmt: skip
    Nomination.objects.bulk_create(rows, batch_size=BATCH)


def _personas(council: Council) -> None:
    province = council.scope
    member = User.objects.create_user(email=COUNCIL_EMAIL, full_name="Thành viên Hội đồng", password=None)
    RoleAssignment.objects.create(user=member, role=Role.COUNCIL_MEMBER, unit=province)
    person = Person.objects.create(code="CB-HD", full_name=member.full_name, unit=province, user=member,
                                   category=Category.CAN_BO)  # fmt: skip
    CouncilMember.objects.create(council=council, user=member, person=person, starts_on=datetime.date(2024, 1, 1))
    enrol_totp(member)
    department = Unit.objects.filter(parent=province, level=Level.DEPARTMENT).order_by("pk").first()
    head = User.objects.create_user(email=HEAD_EMAIL, full_name="Thủ trưởng đơn vị", password=None)
    RoleAssignment.objects.create(user=head, role=Role.UNIT_HEAD, unit=department)
    Person.objects.create(code="CB-TT", full_name=head.full_name, unit=department, user=head, category=Category.CAN_BO)


def personas() -> dict[str, User]:
    return {"council member": User.objects.get(email=COUNCIL_EMAIL), "unit head": User.objects.get(email=HEAD_EMAIL)}


def session_cookie(user: User) -> str:
    """A logged-in session of `user` as allauth leaves it after a password (+ TOTP for an enrolled user) login."""
    client = Client()
    client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
    session = client.session
    now = timezone.now().timestamp()
    methods = [{"method": "password", "at": now, "email": user.email}]
    if user.authenticator_set.filter(type="totp").exists():
        methods.append({"method": "mfa", "at": now, "type": "totp"})
    session["account_authentication_methods"] = methods
    session.save()
    return session.session_key
