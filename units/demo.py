"""The demo province: Đắk Nông as it stood from 2019 to 30/06/2025, with people and demo logins, then its
01/07/2025 reorganisation into Lâm Đồng recorded as real acts (units.reorganisation.demo).

Rules:
- Deterministic: names come from a seeded random generator, so every run on every machine builds the same province.
- Idempotent: units and people are looked up by code, users by e-mail; what exists is left as it is, what is
  missing is created (people in bulk); an act already recorded is not recorded again. A second run creates nothing.
- The logins are given their roles on Đắk Nông's units; the acts move them (and the staff) to Lâm Đồng's units, as
  they would move a real province's, so the current year runs on the new tree and the past stays on the old one.
  Person codes keep the unit they were generated for (DNO-SNV-001 now works in LDG-SNV): a code is an identifier.
"""

import datetime
import random
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.sites.models import Site
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from units.models import Category, Kind, Level, Person, Role, RoleAssignment, Unit, User
from units.reorganisation.demo import acts_recorded, record_the_reorganisation

DEMO_PASSWORD = "ThiDua@2025"
DEMO_EMAIL_DOMAIN = "thidua.demo"
PROVINCE_CODE = "DNO"  # Đắk Nông, until 30/06/2025
CURRENT_PROVINCE_CODE = "LDG"  # Lâm Đồng, from 01/07/2025
SEED = 20250630

# fmt: off
# (code suffix, name, kind, headcount, [(sub-unit code suffix, name, headcount)])
DEPARTMENTS = [
    ("VP", "Văn phòng UBND tỉnh", Kind.AGENCY, 8,
     [("TH", "Phòng Tổng hợp", 4), ("KT", "Phòng Kinh tế", 4), ("KGVX", "Phòng Khoa giáo - Văn xã", 4)]),
    ("SNV", "Sở Nội vụ", Kind.DEPARTMENT, 8,
     [("VP", "Văn phòng Sở Nội vụ", 5), ("TCBC", "Phòng Tổ chức, biên chế và tổ chức phi chính phủ", 4),
      ("XDCQ", "Phòng Xây dựng chính quyền và công tác thanh niên", 4), ("TDKT", "Ban Thi đua - Khen thưởng", 5),
      ("BTG", "Ban Tôn giáo", 3)]),
    ("STC", "Sở Tài chính", Kind.DEPARTMENT, 8,
     [("VP", "Văn phòng Sở Tài chính", 4), ("QLNS", "Phòng Quản lý ngân sách", 4)]),
    ("STP", "Sở Tư pháp", Kind.DEPARTMENT, 10, []),
    ("SKHDT", "Sở Kế hoạch và Đầu tư", Kind.DEPARTMENT, 10, []),
    ("SXD", "Sở Xây dựng", Kind.DEPARTMENT, 10, []),
    ("SGTVT", "Sở Giao thông vận tải", Kind.DEPARTMENT, 10, []),
    ("SNN", "Sở Nông nghiệp và Phát triển nông thôn", Kind.DEPARTMENT, 10, []),
    ("STNMT", "Sở Tài nguyên và Môi trường", Kind.DEPARTMENT, 10, []),
    ("SCT", "Sở Công Thương", Kind.DEPARTMENT, 10, []),
    ("SGDDT", "Sở Giáo dục và Đào tạo", Kind.DEPARTMENT, 8,
     [("GDTrH", "Phòng Giáo dục trung học", 4), ("TCCB", "Phòng Tổ chức cán bộ", 4)]),
    ("SYT", "Sở Y tế", Kind.DEPARTMENT, 8, [("VP", "Văn phòng Sở Y tế", 4), ("NVY", "Phòng Nghiệp vụ Y", 4)]),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", Kind.DEPARTMENT, 10, []),
    ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội", Kind.DEPARTMENT, 10, []),
    ("SKHCN", "Sở Khoa học và Công nghệ", Kind.DEPARTMENT, 8, []),
    ("STTTT", "Sở Thông tin và Truyền thông", Kind.DEPARTMENT, 8, []),
    ("TTR", "Thanh tra tỉnh", Kind.AGENCY, 8, []),
    ("BDT", "Ban Dân tộc tỉnh", Kind.AGENCY, 8, []),
    ("BQLKCN", "Ban Quản lý các khu công nghiệp tỉnh", Kind.AGENCY, 6, []),
    ("TTHCC", "Trung tâm Hành chính công tỉnh", Kind.AGENCY, 6, [("TNTKQ", "Bộ phận tiếp nhận và trả kết quả", 6)]),
    ("CVDC", "Ban Quản lý Công viên địa chất Đắk Nông", Kind.PUBLIC_SERVICE, 6, []),
    ("PTTH", "Đài Phát thanh và Truyền hình tỉnh", Kind.PUBLIC_SERVICE, 8, []),
    ("TCT", "Trường Chính trị tỉnh", Kind.PUBLIC_SERVICE, 6, []),
    ("CTHUE", "Cục Thuế tỉnh", Kind.AGENCY, 8, []),
    ("KBNN", "Kho bạc Nhà nước tỉnh", Kind.AGENCY, 6, []),
    ("BHXH", "Bảo hiểm xã hội tỉnh", Kind.AGENCY, 6, []),
]

# (code suffix, People's Committee name, [(code suffix, commune-level People's Committee name)])
DISTRICTS = [
    ("GN", "UBND thành phố Gia Nghĩa", [("ND", "UBND phường Nghĩa Đức"), ("NTH", "UBND phường Nghĩa Thành"),
                                        ("NT", "UBND phường Nghĩa Tân"), ("DN", "UBND xã Đắk Nia")]),
    ("CJ", "UBND huyện Cư Jút", [("ET", "UBND thị trấn Ea T'ling"), ("TT", "UBND xã Tâm Thắng"),
                                 ("ND", "UBND xã Nam Dong")]),
    ("DG", "UBND huyện Đắk Glong", [("QK", "UBND xã Quảng Khê"), ("DH", "UBND xã Đắk Ha"),
                                    ("QS", "UBND xã Quảng Sơn")]),
    ("DM", "UBND huyện Đắk Mil", [("TT", "UBND thị trấn Đắk Mil"), ("DMI", "UBND xã Đức Minh"),
                                  ("TA", "UBND xã Thuận An")]),
    ("DR", "UBND huyện Đắk R'Lấp", [("KD", "UBND thị trấn Kiến Đức"), ("NC", "UBND xã Nhân Cơ"),
                                    ("KT", "UBND xã Kiến Thành")]),
    ("DS", "UBND huyện Đắk Song", [("DA", "UBND thị trấn Đức An"), ("NNJ", "UBND xã Nâm N'Jang"),
                                   ("TX", "UBND xã Trường Xuân")]),
    ("KN", "UBND huyện Krông Nô", [("DMA", "UBND thị trấn Đắk Mâm"), ("ND", "UBND xã Nam Đà"),
                                   ("BC", "UBND xã Buôn Choáh")]),
    ("TD", "UBND huyện Tuy Đức", [("DBS", "UBND xã Đắk Buk So"), ("QT", "UBND xã Quảng Tân"),
                                  ("QTR", "UBND xã Quảng Trực")]),
]
DISTRICT_OFFICES = [("VP", "Văn phòng HĐND và UBND", 4), ("NV", "Phòng Nội vụ", 3)]
DISTRICT_HEADCOUNT = 6
COMMUNE_HEADCOUNT = 6

# (e-mail local part, role, Đắk Nông unit the role was given on, code of the person the login belongs to); the
# 01/07/2025 acts move each role to the unit's successor (README: "Demo logins").
DEMO_USERS = [
    ("quantri", Role.ADMINISTRATOR, PROVINCE_CODE, "DNO-SNV-TDKT-003"),
    ("thutruong", Role.UNIT_HEAD, "DNO-SNV", "DNO-SNV-001"),
    ("chuyentrach", Role.UNIT_CLERK, "DNO-SNV", "DNO-SNV-VP-003"),
    ("kiemtra", Role.INSPECTOR, PROVINCE_CODE, "DNO-TTR-003"),
    ("hoidong", Role.COUNCIL_MEMBER, PROVINCE_CODE, "DNO-VP-001"),
    ("thuky", Role.COUNCIL_SECRETARY, PROVINCE_CODE, "DNO-SNV-TDKT-001"),
    ("nhanvien", Role.STAFF, "DNO-SNV-VP", "DNO-SNV-VP-004"),
    ("chutich.xa", Role.UNIT_HEAD, "DNO-GN-XNTH", "DNO-GN-XNTH-001"),
]

FAMILY_NAMES = (
    ["Nguyễn"] * 30 + ["Trần"] * 10 + ["Lê"] * 9 + ["Phạm"] * 7 + ["Hoàng"] * 4 + ["Huỳnh"] * 3 + ["Phan"] * 3
    + ["Vũ"] * 3 + ["Võ"] * 3 + ["Đặng"] * 2 + ["Bùi"] * 2 + ["Đỗ"] * 2
    + ["Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Đào", "Điểu"]
)
MIDDLE_NAMES = {
    "m": ["Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Thành", "Công", "Xuân", "Ngọc", "Anh", "Trọng"],
    "f": ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Phương", "Hồng", "Bích", "Thùy"],
}
GIVEN_NAMES = {
    "m": ["Hùng", "Dũng", "Tuấn", "Nam", "Long", "Phong", "Sơn", "Hải", "Thắng", "Quân", "Khoa", "Trung", "Hiếu",
          "Cường", "Đạt", "Vinh", "Phúc", "Toàn", "Lâm", "Bình", "Khánh", "Huy", "Tùng", "Nghĩa", "Thịnh", "Đức"],
    "f": ["Hương", "Lan", "Hoa", "Mai", "Trang", "Thảo", "Linh", "Ngân", "Hạnh", "Yến", "Nhung", "Hằng", "Dung",
          "Thủy", "Vân", "Loan", "Giang", "Huyền", "Quyên", "Nga", "Oanh", "Trâm", "Diệp", "Ánh", "Hà", "Liên"],
}
STAFF_POSITIONS = {
    Kind.PUBLIC_SERVICE: [("Viên chức", Category.VIEN_CHUC)] * 4 + [("Nhân viên hợp đồng", Category.NGUOI_LAO_DONG)],
    Kind.PEOPLES_COMMITTEE: [
        ("Công chức Văn phòng - Thống kê", Category.CONG_CHUC),
        ("Công chức Tư pháp - Hộ tịch", Category.CONG_CHUC),
        ("Công chức Địa chính - Xây dựng", Category.CONG_CHUC),
        ("Công chức Văn hóa - Xã hội", Category.CONG_CHUC),
        ("Công chức Tài chính - Kế toán", Category.CONG_CHUC),
    ],
    "default": [("Chuyên viên", Category.CONG_CHUC)] * 4
    + [("Chuyên viên chính", Category.CONG_CHUC), ("Kế toán", Category.CONG_CHUC), ("Văn thư", Category.CONG_CHUC)]
    + [("Nhân viên hợp đồng", Category.NGUOI_LAO_DONG)],
}
# Head and deputy titles by the start of the unit's name; anything else has a Giám đốc.
LEADER_TITLES = [
    ("Văn phòng", ("Chánh Văn phòng", "Phó Chánh Văn phòng")),
    ("Thanh tra", ("Chánh Thanh tra", "Phó Chánh Thanh tra")),
    ("Ban", ("Trưởng ban", "Phó Trưởng ban")),
    ("Phòng", ("Trưởng phòng", "Phó Trưởng phòng")),
    ("Bộ phận", ("Trưởng bộ phận", "Phó Trưởng bộ phận")),
    ("Cục", ("Cục trưởng", "Phó Cục trưởng")),
    ("Trường", ("Hiệu trưởng", "Phó Hiệu trưởng")),
]
LEADER_CATEGORY = {Kind.PEOPLES_COMMITTEE: Category.CAN_BO, Kind.PUBLIC_SERVICE: Category.VIEN_CHUC}
# fmt: on


def build_demo() -> dict[str, int]:
    """Build (or complete) the demo province, record its reorganisation, and return what it has."""
    with transaction.atomic():
        _configure_site()
        plan = _unit_plan()
        units = _ensure_units(plan)
        _ensure_people(plan, units)
        _ensure_demo_users(units)
        record_the_reorganisation([suffix for suffix, *_ in DISTRICTS], [suffix for suffix, *_ in DISTRICT_OFFICES])
    return {
        "units": Unit.objects.filter(demo_units()).count(),
        "units open today": Unit.objects.filter(demo_units()).active_on(timezone.localdate()).count(),
        "people": Person.objects.filter(unit__in=Unit.objects.filter(demo_units())).count(),
        "demo logins": User.objects.filter(email__endswith=f"@{DEMO_EMAIL_DOMAIN}").count(),
        "reorganisation acts (01/07/2025)": acts_recorded(),
    }


def demo_units(prefix: str = "") -> Q:
    """The demo's units, Đắk Nông's and Lâm Đồng's (`prefix` narrows to codes under both provinces, e.g. "-")."""
    return Q(code__startswith=f"{PROVINCE_CODE}{prefix}") | Q(code__startswith=f"{CURRENT_PROVINCE_CODE}{prefix}")


def current_unit(unit: Unit) -> Unit:
    """The unit that holds `unit`'s place today: the unit itself, or the end of its successor chain."""
    seen = set()
    while unit.successor_id and unit.valid_to is not None and unit.pk not in seen:
        seen.add(unit.pk)
        unit = unit.successor
    return unit


def demo_email(local_part: str) -> str:
    return f"{local_part}@{DEMO_EMAIL_DOMAIN}"


def _configure_site() -> None:
    """allauth's e-mails name the site: point it at SITE_URL instead of example.com."""
    domain = urlsplit(settings.SITE_URL).netloc
    Site.objects.update_or_create(pk=settings.SITE_ID, defaults={"domain": domain, "name": "Thi Đua"})


def _unit_plan() -> list[dict]:
    """Every demo unit as a dict (code, name, level, kind, parent code, headcount), parents before children."""
    province = _spec(PROVINCE_CODE, "Tỉnh Đắk Nông", Level.PROVINCE, Kind.PEOPLES_COMMITTEE, None, 0)
    province.update(valid_from=datetime.date(2004, 1, 1))  # closed on 30/06/2025 by the merger act
    plan = [province]
    for suffix, name, kind, headcount, subs in DEPARTMENTS:
        code = f"{PROVINCE_CODE}-{suffix}"
        plan.append(_spec(code, name, Level.DEPARTMENT, kind, PROVINCE_CODE, headcount))
        plan += [_spec(f"{code}-{s}", n, Level.SUB_UNIT, Kind.DIVISION, code, h) for s, n, h in subs]
    for suffix, name, communes in DISTRICTS:
        code = f"{PROVINCE_CODE}-{suffix}"
        place = name.removeprefix("UBND ")
        plan.append(_spec(code, name, Level.DISTRICT, Kind.PEOPLES_COMMITTEE, PROVINCE_CODE, DISTRICT_HEADCOUNT))
        for s, office, h in DISTRICT_OFFICES:
            plan.append(_spec(f"{code}-{s}", f"{office} {place}", Level.SUB_UNIT, Kind.DIVISION, code, h))
        for s, commune in communes:
            plan.append(_spec(f"{code}-X{s}", commune, Level.COMMUNE, Kind.PEOPLES_COMMITTEE, code, COMMUNE_HEADCOUNT))
    return plan


def _spec(code: str, name: str, level: str, kind: str, parent: str | None, headcount: int) -> dict:
    return {"code": code, "name": name, "level": level, "kind": kind, "parent": parent, "headcount": headcount}


def leader_titles(name: str) -> tuple[str, str]:
    """Head and deputy titles follow the unit's name, as they do in Vietnamese administration."""
    for prefix, titles in LEADER_TITLES:
        if name.startswith(prefix):
            return titles
    return "Giám đốc", "Phó Giám đốc"


def _ensure_units(plan: list[dict]) -> dict[str, Unit]:
    """Units by code: existing ones untouched, missing ones created under their parent (save() sets the path)."""
    units = Unit.objects.in_bulk([spec["code"] for spec in plan], field_name="code")
    for spec in plan:
        if spec["code"] not in units:
            fields = {key: value for key, value in spec.items() if key not in {"parent", "headcount"}}
            units[spec["code"]] = Unit.objects.create(parent=units.get(spec["parent"]), **fields)
    return units


def _ensure_people(plan: list[dict], units: dict[str, Unit]) -> None:
    """Create, in one bulk insert, whichever of the generated people do not exist yet."""
    rng = random.Random(SEED)
    wanted = [person for spec in plan for person in _people_of(spec, rng)]
    existing = set(Person.objects.filter(code__in=[p["code"] for p in wanted]).values_list("code", flat=True))
    missing = [Person(unit=units[p.pop("unit")], **p) for p in wanted if p["code"] not in existing]
    Person.objects.bulk_create(missing, batch_size=500)


def _people_of(spec: dict, rng: random.Random) -> list[dict]:
    """The unit's staff: its head, its deputy, then staff positions drawn for its kind."""
    positions = STAFF_POSITIONS.get(spec["kind"], STAFF_POSITIONS["default"])
    leaders = [(title, LEADER_CATEGORY.get(spec["kind"], Category.CONG_CHUC)) for title in _titles_of(spec)]
    people = []
    for i in range(1, spec["headcount"] + 1):
        position, category = leaders[i - 1] if i <= len(leaders) else rng.choice(positions)
        code = f"{spec['code']}-{i:03d}"
        name = vietnamese_name(rng)
        people.append(
            {"code": code, "full_name": name, "unit": spec["code"], "position": position, "category": category}
        )
    return people


def _titles_of(spec: dict) -> tuple[str, str]:
    if spec["kind"] == Kind.PEOPLES_COMMITTEE:
        return "Chủ tịch UBND", "Phó Chủ tịch UBND"
    return leader_titles(spec["name"])


def vietnamese_name(rng: random.Random) -> str:
    """Họ + tên đệm + tên, drawn with a rough real-life frequency of family names."""
    sex = rng.choice("mf")
    return " ".join((rng.choice(FAMILY_NAMES), rng.choice(MIDDLE_NAMES[sex]), rng.choice(GIVEN_NAMES[sex])))


def _ensure_demo_users(units: dict[str, Unit]) -> None:
    """One login per role, tied to a generated person; the administrator is also a Django superuser. A login made
    now gets its role on the unit that holds the Đắk Nông unit's place today (before the acts: that unit itself)."""
    password = make_password(DEMO_PASSWORD)
    people = Person.objects.in_bulk([code for *_, code in DEMO_USERS], field_name="code")
    for local_part, role, unit_code, person_code in DEMO_USERS:
        person = people[person_code]
        is_admin = role == Role.ADMINISTRATOR
        user, created = User.objects.get_or_create(
            email=demo_email(local_part),
            defaults={
                "full_name": person.full_name,
                "password": password,
                "is_staff": is_admin,
                "is_superuser": is_admin,
            },
        )
        if created:
            RoleAssignment.objects.get_or_create(user=user, role=role, unit=current_unit(units[unit_code]))
        if person.user_id is None:
            Person.objects.filter(pk=person.pk).update(user=user, email=user.email)
