"""The national rule set, award forms and authorities as read in `shared/domain.md` (2024–2025 texts), seeded by a
data migration. Every row carries its legal basis and effective date; a province loads its own rule set beside it.

Notes on the numbers: TTLĐTT needs ≥ 70 % of members LĐTT and nobody disciplined "cảnh cáo" or heavier (Law Điều 28);
TTLĐXS 100 % completing tasks, ≥ 70 % LĐTT, ≥ 1 CSTĐCS (Điều 27 khoản 1) and, as a provincial default kept from the
2003 Law, nobody disciplined "cảnh cáo"; the
LĐTT discipline bar is a provincial rule seeded on by default (no national text). CSTĐCS has no national
quota since 01/01/2024 (Điều 23); CSTĐ tỉnh needs CSTĐCS three years running, counting the current one (Điều 22).
Registration as a precondition is not a national rule: it is seeded on, as most provinces require it, and marked so.
"""

import datetime

from django.db.models import Q

LAW = "Luật Thi đua, khen thưởng số 06/2022/QH15"

ND152 = "Nghị định 152/2025/NĐ-CP"

LAW_DATE = datetime.date(2024, 1, 1)

ND152_DATE = datetime.date(2025, 7, 1)

LOCAL = "Quy định của tỉnh (không có quy định chung toàn quốc); mặc định áp dụng"

RULE_SET = {
    "code": "QG-2024",
    "name": "Tiêu chuẩn danh hiệu theo Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025",
    "issuer": "Quốc hội; Chính phủ",
    "legal_basis": f"{LAW}; {ND152}",
    "effective_from": LAW_DATE,
}

HOLD = ("not_under_investigation", {}, f"{ND152}, Điều 4 khoản 4", ND152_DATE)

AFTER_DISCIPLINE = ("discipline_period_ended", {}, f"{ND152}, Điều 4 khoản 4", ND152_DATE)

REGISTERED = ("registered", {}, LOCAL, LAW_DATE)

# Law 2022 Điều 27 khoản 1 lists TTLĐXS's criteria as points a–đ (read in the Law's text as quoted by HUST, 2023): no
# discipline bar, unlike TTLĐTT (Điều 28). The bar of the 2003 Law is kept on by default as a provincial choice, and
# the basis says so; a province that drops it deactivates the row in its own rule set.
TTLDXS_DISCIPLINE_BASIS = (
    "Quy định của tỉnh, mặc định áp dụng: Luật 06/2022/QH15 Điều 27 khoản 1 không có điều kiện này (chỉ điểm đ "
    "“gương mẫu chấp hành … pháp luật”); giữ như tiêu chuẩn Tập thể lao động tiên tiến (Điều 28) và Luật 2003"
)

# TTLĐXS is above TTLĐTT: a member disciplined "cảnh cáo" or heavier bars both, and the reasons must say so.
TTLDXS_DISCIPLINE = (
    "no_member_discipline",
    {"discipline_form": "canh_cao"},
    TTLDXS_DISCIPLINE_BASIS,
    LAW_DATE,
)

# TTLĐXS's citations as first seeded (clause numbers for what are points of Điều 27 khoản 1) and their corrections.
TTLDXS_CITATIONS = {
    f"{LAW}, Điều 27 khoản 1": f"{LAW}, Điều 27 khoản 1 điểm a",
    f"{LAW}, Điều 27 khoản 3": f"{LAW}, Điều 27 khoản 1 điểm c",
    f"{LAW}, Điều 27 khoản 4": f"{LAW}, Điều 27 khoản 1 điểm d",
    f"{LAW}, Điều 27 khoản 5": f"{LAW}, Điều 27 khoản 1 điểm đ",
    f"{LAW}, Điều 27 khoản 5 (chấp hành pháp luật); như tiêu chuẩn Tập thể lao động tiên tiến, Điều 28": (
        TTLDXS_DISCIPLINE_BASIS
    ),
}


def correct_ttldxs_citations(apps) -> int:
    """Rewrite the TTLĐXS citations of the national rule set in place; returns the rows changed."""
    rule_set = apps.get_model("emulation", "RuleSet").objects.filter(code=RULE_SET["code"]).first()
    if rule_set is None:
        return 0
    rows = apps.get_model("emulation", "TitleCondition").objects.filter(rule_set=rule_set, title__code="TTLDXS")
    return sum(rows.filter(legal_basis=old).update(legal_basis=new) for old, new in TTLDXS_CITATIONS.items())


# A national rule set cites no provincial text: what an earlier seed cited and what replaces it.
PROVINCIAL_CITATIONS = {"Quy định của tỉnh (Hải Phòng QĐ 212/2025, Điều 3)": LOCAL}

# title code → [(kind, parameters, legal basis, effective from)]
CONDITIONS = {
    "LDTT": [
        REGISTERED,
        ("min_rating", {"rating": "httnv"}, f"{LAW}, Điều 24 khoản 1 điểm a", LAW_DATE),
        ("no_discipline", {"discipline_form": "khien_trach"}, LOCAL, LAW_DATE),
        AFTER_DISCIPLINE,
        ("no_barring_violation", {}, f"{LAW}, Điều 24 khoản 4 (tiêu chuẩn chi tiết do tỉnh quy định)", LAW_DATE),
        HOLD,
    ],
    "CSTDCS": [
        REGISTERED,
        ("prerequisite_title", {"other_title": "LDTT"}, f"{LAW}, Điều 23 khoản 1", LAW_DATE),
        (
            "rating_or_initiative",
            {"rating": "htxsnv", "initiative_level": "co_so"},
            f"{LAW}, Điều 23 khoản 2",
            LAW_DATE,
        ),
        HOLD,
    ],
    "CSTD_TINH": [
        REGISTERED,
        ("consecutive_years", {"other_title": "CSTDCS", "number": 3}, f"{LAW}, Điều 22 điểm a", LAW_DATE),
        ("rating_or_initiative", {"initiative_level": "tinh"}, f"{LAW}, Điều 22 điểm b", LAW_DATE),
        HOLD,
    ],
    "TTLDTT": [
        REGISTERED,
        ("min_rating", {"rating": "httnv"}, f"{LAW}, Điều 28", LAW_DATE),
        ("member_share_with_title", {"other_title": "LDTT", "number": 70}, f"{LAW}, Điều 28", LAW_DATE),
        ("no_member_discipline", {"discipline_form": "canh_cao"}, f"{LAW}, Điều 28", LAW_DATE),
        ("no_barring_violation", {}, f"{LAW}, Điều 28 (đoàn kết, chấp hành pháp luật)", LAW_DATE),
        HOLD,
    ],
    "TTLDXS": [
        REGISTERED,
        ("min_rating", {"rating": "htxsnv"}, f"{LAW}, Điều 27 khoản 1 điểm a", LAW_DATE),
        ("member_share_min_rating", {"rating": "htnv", "number": 100}, f"{LAW}, Điều 27 khoản 1 điểm c", LAW_DATE),
        ("member_share_with_title", {"other_title": "LDTT", "number": 70}, f"{LAW}, Điều 27 khoản 1 điểm c", LAW_DATE),
        ("min_members_with_title", {"other_title": "CSTDCS", "number": 1}, f"{LAW}, Điều 27 khoản 1 điểm d", LAW_DATE),
        TTLDXS_DISCIPLINE,
        ("no_barring_violation", {}, f"{LAW}, Điều 27 khoản 1 điểm đ", LAW_DATE),
        HOLD,
    ],
    "CO_TINH": [
        ("bloc_leader", {}, f"{LAW}, Điều 26 khoản 1", LAW_DATE),
        ("min_rating", {"rating": "htxsnv"}, f"{LAW}, Điều 26 khoản 1", LAW_DATE),
        ("no_barring_violation", {}, f"{LAW}, Điều 26 khoản 1", LAW_DATE),
        HOLD,
    ],
}

# (code, name, scope, unit level, legal basis, effective date, position)
AWARD_FORMS = [
    ("GK_XA", "Giấy khen của Chủ tịch UBND xã, phường", "both", "commune", f"{LAW}, Điều 75 khoản 1", LAW_DATE, 10),
    (
        "GK_SO",
        "Giấy khen của Giám đốc Sở, Thủ trưởng ban, ngành",
        "both",
        "department",
        f"{LAW}, Điều 75",
        LAW_DATE,
        20,
    ),
    ("BK_TINH", "Bằng khen của Chủ tịch UBND tỉnh", "both", "province", f"{LAW}, Điều 74", LAW_DATE, 30),
    ("BK_TTG", "Bằng khen của Thủ tướng Chính phủ", "both", "central", f"{LAW}, Điều 73", LAW_DATE, 40),
]

# (code, name, unit level, legal basis, from, to, [(title or form code, legal basis)])
AUTHORITIES = [
    (
        "CT_UBND_TINH",
        "Chủ tịch UBND tỉnh",
        "province",
        f"{LAW}, Điều 79",
        LAW_DATE,
        None,
        ["TTLDXS", "CSTD_TINH", "CO_TINH", "BK_TINH"],
    ),
    (
        "GD_SO",
        "Giám đốc Sở, Thủ trưởng cơ quan chuyên môn thuộc UBND tỉnh",
        "department",
        f"{LAW}, Điều 80 khoản 1",
        LAW_DATE,
        None,
        ["LDTT", "CSTDCS", "TTLDTT", "GK_SO"],
    ),
    (
        "CT_UBND_HUYEN",
        "Chủ tịch UBND huyện (đến 30/06/2025)",
        "district",
        f"{LAW}, Điều 80 khoản 2",
        LAW_DATE,
        datetime.date(2025, 6, 30),
        ["LDTT", "CSTDCS", "TTLDTT", "GK_XA"],
    ),
    (
        "CT_UBND_XA",
        "Chủ tịch UBND xã, phường, đặc khu",
        "commune",
        "Nghị định 129/2025/NĐ-CP, Điều 59; Luật TĐKT 2022, Điều 80 khoản 2, 3",
        ND152_DATE,
        None,
        ["LDTT", "CSTDCS", "TTLDTT", "GK_XA"],
    ),
]


def seed_catalogue(apps) -> None:
    """Create or update the national rule set, its conditions, the award forms and authorities (idempotent)."""
    rule_set_model = apps.get_model("emulation", "RuleSet")
    rule_set, _ = rule_set_model.objects.update_or_create(code=RULE_SET["code"], defaults=RULE_SET)
    titles = {t.code: t for t in apps.get_model("emulation", "Title").objects.all()}
    seed_conditions(apps, rule_set, titles)
    forms = seed_award_forms(apps)
    seed_authorities(apps, titles, forms)


def correct_catalogue(apps) -> int:
    """Correct the national rule set of an existing database in place (condition rows keep their ids, so stored
    eligibility lines keep their link): no provincial citation, and the TTLĐXS discipline line. Returns rows changed."""
    rule_set = apps.get_model("emulation", "RuleSet").objects.filter(code=RULE_SET["code"]).first()
    if rule_set is None:
        return 0
    condition_model = apps.get_model("emulation", "TitleCondition")
    changed = 0
    for old, new in PROVINCIAL_CITATIONS.items():
        changed += condition_model.objects.filter(rule_set=rule_set, legal_basis=old).update(legal_basis=new)
    kind, params, basis, since = TTLDXS_DISCIPLINE
    title = apps.get_model("emulation", "Title").objects.filter(code="TTLDXS").first()
    if title and not condition_model.objects.filter(rule_set=rule_set, title=title, kind=kind).exists():
        condition_model.objects.create(
            rule_set=rule_set, title=title, kind=kind, position=55, legal_basis=basis, effective_from=since, **params
        )
        changed += 1
    titles = {t.code: t for t in apps.get_model("emulation", "Title").objects.all()}
    seed_authorities(apps, titles, seed_award_forms(apps))
    return changed


def seed_conditions(apps, rule_set, titles) -> None:
    condition_model = apps.get_model("emulation", "TitleCondition")
    condition_model.objects.filter(rule_set=rule_set).delete()
    rows = []
    for code, conditions in CONDITIONS.items():
        for position, (kind, params, basis, since) in enumerate(conditions, start=1):
            fields = dict(params)
            if "other_title" in fields:
                fields["other_title"] = titles[fields["other_title"]]
            rows.append(
                condition_model(
                    rule_set=rule_set,
                    title=titles[code],
                    kind=kind,
                    position=position * 10,
                    legal_basis=basis,
                    effective_from=since,
                    **fields,
                )
            )
    condition_model.objects.bulk_create(rows)


def seed_award_forms(apps) -> dict:
    form_model = apps.get_model("emulation", "AwardForm")
    forms = {}
    for code, name, scope, level, basis, since, position in AWARD_FORMS:
        forms[code], _ = form_model.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "scope": scope,
                "level": level,
                "legal_basis": basis,
                "effective_date": since,
                "position": position,
            },
        )
    return forms


def seed_authorities(apps, titles, forms) -> None:
    authority_model = apps.get_model("emulation", "Authority")
    power_model = apps.get_model("emulation", "AuthorityPower")
    for code, name, level, basis, since, until, grants in AUTHORITIES:
        authority, _ = authority_model.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "unit_level": level,
                "legal_basis": basis,
                "effective_from": since,
                "effective_to": until,
            },
        )
        # Only the powers listed here are replaced: later seeds (e.g. the residential culture titles) keep theirs.
        power_model.objects.filter(authority=authority).filter(
            Q(title__code__in=grants) | Q(award_form__code__in=grants)
        ).delete()
        power_model.objects.bulk_create(
            power_model(
                authority=authority,
                title=titles.get(grant),
                award_form=forms.get(grant),
                legal_basis=basis,
                effective_from=since,
                effective_to=until,
            )
            for grant in grants
        )


ND129 = "Nghị định 129/2025/NĐ-CP, Điều 59"

# Titles for households and villages (not units of the tree): in the catalogue with who confers them; the app's
# decisions do not grant them. (code, name, legal basis, position)
RESIDENTIAL_TITLES = [
    ("GDVH", "Gia đình văn hóa", f"{LAW}, Điều 20, 80 khoản 3; {ND129}", 10),
    ("THON_VH", "Thôn, tổ dân phố văn hóa", f"{LAW}, Điều 20; {ND129}", 20),
]


def seed_residential_titles(apps) -> None:
    """The village and family culture titles and the commune chair's power to confer them from 01/07/2025
    (Decree 129/2025 Điều 59; idempotent)."""
    title_model = apps.get_model("emulation", "Title")
    power_model = apps.get_model("emulation", "AuthorityPower")
    chair = apps.get_model("emulation", "Authority").objects.filter(code="CT_UBND_XA").first()
    for code, name, basis, position in RESIDENTIAL_TITLES:
        title, _ = title_model.objects.update_or_create(
            code=code,
            defaults={"name": name, "scope": "residential", "level": "grassroots", "legal_basis": basis,
                      "effective_date": LAW_DATE, "position": position},
        )  # fmt: skip
        if chair is not None:
            power_model.objects.update_or_create(
                authority=chair, title=title, defaults={"legal_basis": ND129, "effective_from": ND152_DATE}
            )


# The high forms a province proposes upward (it does not confer them: no authority of the app grants them), in the
# catalogue so nominations can name them and their public consultation and money can be data. (code, name, scope,
# level, legal basis, position)
NATIONAL_TITLES = [
    ("CSTD_TQ", "Chiến sĩ thi đua toàn quốc", "individual", "national", f"{LAW}, Điều 21", 40),
]
NATIONAL_FORMS = [
    # The Law's articles on the Huân chương and the State honour titles were not read: the basis names the form.
    ("HCLD_3", "Huân chương Lao động hạng Ba", "both", "central", f"{LAW} (Huân chương Lao động) [M: số điều]", 50),
    ("AH_LD", "Anh hùng Lao động", "both", "central", f"{LAW} (danh hiệu vinh dự nhà nước) [M: số điều]", 60),
]


def seed_national_catalogue(apps) -> None:
    """CSTĐ toàn quốc, Huân chương Lao động hạng Ba and Anh hùng Lao động (idempotent)."""
    title_model = apps.get_model("emulation", "Title")
    form_model = apps.get_model("emulation", "AwardForm")
    for code, name, scope, level, basis, position in NATIONAL_TITLES:
        title_model.objects.update_or_create(
            code=code,
            defaults={"name": name, "scope": scope, "level": level, "legal_basis": basis,
                      "effective_date": LAW_DATE, "position": position},
        )  # fmt: skip
    for code, name, scope, level, basis, position in NATIONAL_FORMS:
        form_model.objects.update_or_create(
            code=code,
            defaults={"name": name, "scope": scope, "level": level, "legal_basis": basis,
                      "effective_date": LAW_DATE, "position": position},
        )  # fmt: skip
