"""Vote rules seeded as data (editable in the admin), as read in `shared/domain.md` (corrections table).

ND 98/2023 Điều 30 k7 makes a vote (bỏ phiếu) mandatory only for Anh hùng, CSTĐ toàn quốc, CSTĐ bộ/tỉnh, CSTĐCS,
Cờ thi đua bộ/tỉnh and Cờ thi đua của Chính phủ: ≥ 90 % (Anh hùng, CSTĐ toàn quốc, CSTĐ tỉnh) or ≥ 80 % (CSTĐCS,
flags) of ALL council members, absent members giving their opinion in writing. The decree says "bỏ phiếu", not
"bỏ phiếu kín": no national rule is secret (a province sets secrecy on its own rule, with its own basis). Lao động
tiên tiến, the collective titles below the flags, Giấy khen and Bằng khen have no national vote rule: a province adds
its own, citing its own decision. No national rule cites a provincial or sector text; the 2/3 quorum is the app's
default, to be set from the council's own regulation.
"""

import datetime

ND98 = "Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7 (cần đối chiếu Nghị định 152/2025/NĐ-CP)"

SINCE = datetime.date(2024, 1, 1)

TWO_THIRDS = "66.67"

TO_CONFIRM = (
    "Cần đối chiếu Nghị định 152/2025/NĐ-CP. Tỷ lệ dự họp 2/3 là mặc định của ứng dụng: sửa theo quy chế của Hội đồng."
)

# Titles whose code the catalogue may hold and the decree's threshold over all members.
VOTE_RULES = [
    ("ANH_HUNG", "90"),
    ("CSTD_TQ", "90"),
    ("CSTD_TINH", "90"),
    ("CSTDCS", "80"),
    ("CO_TINH", "80"),
    ("CO_CP", "80"),
]

# Legal bases of the rows an earlier seed created for titles and forms with no national vote rule.
RETIRED_BASES = ["TT 35/2015/TT-BGDĐT", "QĐ 2264/QĐ-KTNN"]

RETIRED_NOTE = "Không có quy tắc biểu quyết bắt buộc toàn quốc (ND 98/2023 Điều 30 k7): tỉnh tự quy định."


def national_fields(pct: str) -> dict:
    return {
        "base": "total_members", "pct": pct, "strictly_above": False, "secret": False,
        "written_votes_for_absent": True, "exclude_recused_from_base": False, "quorum_pct": TWO_THIRDS,
        "tie_break": "revote", "legal_basis": ND98, "note": TO_CONFIRM,
    }  # fmt: skip


def seed_vote_rules(apps) -> int:
    """Create the national rules that do not exist yet (by title and start date); returns how many were created."""
    rule_model = apps.get_model("emulation", "VoteRule")
    titles = {t.code: t for t in apps.get_model("emulation", "Title").objects.all()}
    created = 0
    for code, pct in VOTE_RULES:
        if code in titles:
            _, was_created = rule_model.objects.get_or_create(
                title=titles[code], effective_from=SINCE, defaults=national_fields(pct)
            )
            created += was_created
    return created


def correct_vote_rules(apps) -> int:
    """Bring the rows of an earlier seed in line with the decree: the mandatory rules are open, over all members with
    their basis; the rules the decree does not set are retired (kept, inactive, for the ballots that used them).
    Returns how many rows changed."""
    rule_model = apps.get_model("emulation", "VoteRule")
    changed = 0
    for basis in RETIRED_BASES:
        changed += rule_model.objects.filter(effective_from=SINCE, legal_basis__contains=basis, active=True).update(
            active=False, note=RETIRED_NOTE
        )
    for code, pct in VOTE_RULES:
        rows = rule_model.objects.filter(title__code=code, effective_from=SINCE, legal_basis__startswith=ND98[:30])
        changed += rows.update(**national_fields(pct))
    rule_model.objects.filter(base="total_members").update(exclude_recused_from_base=False)
    return changed + seed_vote_rules(apps)
