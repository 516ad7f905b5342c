"""Vote rules seeded as data (editable in the admin): the numbers come from `shared/domain.md` P2.4.

ND 98/2023 Điều 30 k7: 90 % of all members for CSTĐ tỉnh, 80 % of all members for CSTĐCS and flags, absent members
give written opinions — kept until confirmed against ND 152/2025. Quorum 2/3 (Bắc Ninh QĐ 86/2025 Điều 8, TT 25/2025
Bộ KH&CN Điều 22). Lower titles and commendation forms: 70 % of those present (TT 35/2015 ngành Giáo dục, an example
to be replaced by the province's own rules).
"""

import datetime

ND98 = "Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7 (cần đối chiếu Nghị định 152/2025/NĐ-CP)"

QUORUM = "QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh, Điều 8; TT 25/2025/TT-BKHCN, Điều 22"

TT35 = "TT 35/2015/TT-BGDĐT (ví dụ ngành Giáo dục, thay bằng quy chế của tỉnh)"

SINCE = datetime.date(2024, 1, 1)

TWO_THIRDS = "66.67"

TO_CONFIRM = "Cần đối chiếu Nghị định 152/2025/NĐ-CP"

# (title code, award form code, base, pct, strictly above, secret, written votes, tie break, legal basis, note)
VOTE_RULES = [
    ("CSTD_TINH", None, "total_members", "90", False, True, True, "revote", f"{ND98}; {QUORUM}", TO_CONFIRM),
    ("CSTDCS", None, "total_members", "80", False, True, True, "revote", f"{ND98}; {QUORUM}", TO_CONFIRM),
    ("CO_TINH", None, "total_members", "80", False, True, True, "revote", f"{ND98}; {QUORUM}", TO_CONFIRM),
    ("LDTT", None, "present", "70", False, False, True, "chair", f"{TT35}; {QUORUM}", ""),
    ("TTLDTT", None, "present", "70", False, False, True, "chair", f"{TT35}; {QUORUM}", ""),
    ("TTLDXS", None, "present", "70", False, False, True, "chair", f"{TT35}; {QUORUM}", ""),
    (None, "GK_XA", "present", "70", False, False, True, "chair", f"{TT35}; {QUORUM}", ""),
    (None, "GK_SO", "present", "70", False, False, True, "chair", f"{TT35}; {QUORUM}", ""),
    (None, "BK_TINH", "present", "70", False, False, True, "chair", f"{TT35}; {QUORUM}", ""),
    (None, "BK_TTG", "total_members", "50", True, True, True, "chair", f"QĐ 2264/QĐ-KTNN 2014; {QUORUM}", TO_CONFIRM),
]


def seed_vote_rules(apps) -> int:
    """Create the rules that do not exist yet (by title or form and start date); returns how many were created."""
    rule_model = apps.get_model("emulation", "VoteRule")
    titles = {t.code: t for t in apps.get_model("emulation", "Title").objects.all()}
    forms = {f.code: f for f in apps.get_model("emulation", "AwardForm").objects.all()}
    created = 0
    for title, form, base, pct, strict, secret, written, tie, basis, note in VOTE_RULES:
        target = {"title": titles.get(title)} if title else {"award_form": forms.get(form)}
        if None in target.values():
            continue
        _, was_created = rule_model.objects.get_or_create(
            **target,
            effective_from=SINCE,
            defaults={
                "base": base, "pct": pct, "strictly_above": strict, "secret": secret,
                "written_votes_for_absent": written, "quorum_pct": TWO_THIRDS, "tie_break": tie,
                "legal_basis": basis, "note": note,
            },
        )  # fmt: skip
        created += was_created
    return created
