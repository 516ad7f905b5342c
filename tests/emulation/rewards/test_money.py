"""Award money: each seeded coefficient × the base salary on the decision's date, rounded up to 10,000 VND, fixed
at signing; the boundary between 2,340,000 (until 30/06/2026) and 2,530,000 VND (from 01/07/2026)."""

import datetime

import pytest

from emulation.decisions.revocation import revoke_award
from emulation.models import Award, AwardCoefficient, AwardForm, BaseSalary, Title
from emulation.rewards.money import decision_money, quote
from emulation.rewards.seed import COEFFICIENTS

pytestmark = pytest.mark.django_db

JUNE_30, JULY_1 = datetime.date(2026, 6, 30), datetime.date(2026, 7, 1)
BEFORE_ND152 = datetime.date(2025, 1, 15)  # Nghị định 98/2023, same multiples, base salary 2,340,000

# (title or form code, scope) → (amount on 30/06/2026, amount on 01/07/2026), worked out by hand.
EXPECTED = {
    ("LDTT", "individual"): (710_000, 760_000),  # 0.3 × 2,340,000 = 702,000 ↑; 0.3 × 2,530,000 = 759,000 ↑
    ("CSTDCS", "individual"): (2_340_000, 2_530_000),
    ("CSTD_TINH", "individual"): (7_020_000, 7_590_000),
    ("TTLDTT", "collective"): (1_880_000, 2_030_000),  # 1,872,000 ↑; 2,024,000 ↑
    ("TTLDXS", "collective"): (3_510_000, 3_800_000),  # 3,795,000 ↑
    ("CO_TINH", "collective"): (18_720_000, 20_240_000),
    ("CSTD_TQ", "individual"): (10_530_000, 11_390_000),  # 4.5 × 2,530,000 = 11,385,000 ↑
    ("HCLD_3", "individual"): (10_530_000, 11_390_000),
    ("HCLD_3", "collective"): (21_060_000, 22_770_000),  # 9.0 × 2,530,000 = 22,770,000 exactly
    ("BK_TTG", "collective"): (16_380_000, 17_710_000),
    ("BK_TTG", "individual"): (8_190_000, 8_860_000),  # 8,855,000 ↑
    ("BK_TINH", "collective"): (7_020_000, 7_590_000),
    ("BK_TINH", "individual"): (3_510_000, 3_800_000),
    ("GK_SO", "collective"): (1_410_000, 1_520_000),  # 1,404,000 ↑; 1,518,000 ↑
    ("GK_SO", "individual"): (710_000, 760_000),
    ("GK_XA", "collective"): (1_410_000, 1_520_000),
    ("GK_XA", "individual"): (710_000, 760_000),
}


def test_every_seeded_coefficient_has_a_worked_amount_and_each_row_names_its_legal_basis():
    assert {(title or form, scope) for title, form, scope, *_ in COEFFICIENTS} == set(EXPECTED)
    assert AwardCoefficient.objects.in_force(JULY_1).count() == len(EXPECTED)
    assert AwardCoefficient.objects.in_force(BEFORE_ND152).count() == len(EXPECTED)
    assert all("Nghị định 152/2025/NĐ-CP" in row.legal_basis for row in AwardCoefficient.objects.all())
    assert all("Nghị định 98/2023" in row.legal_basis for row in AwardCoefficient.objects.in_force(BEFORE_ND152))
    assert BaseSalary.objects.in_force(JUNE_30).get().amount == 2_340_000
    assert BaseSalary.objects.in_force(JULY_1).get().amount == 2_530_000


# Individual Bằng khen / Giấy khen: Nghị định 152/2025 Điều 54 khoản 1 (checked; no longer "half the collective [M]").
INDIVIDUAL_FORMS = {"BK_TTG": "điểm a", "BK_TINH": "điểm b", "GK_SO": "điểm e", "GK_XA": "điểm e"}


@pytest.mark.parametrize(("code", "point"), sorted(INDIVIDUAL_FORMS.items()))
def test_individual_forms_cite_article_54_clause_1_and_only_the_unread_rounding_clause_stays_marked(code, point):
    rows = AwardCoefficient.objects.filter(award_form__code=code, scope="individual")
    assert rows.count() == 2
    for row in rows:
        assert f"Điều 54 khoản 1 {point}" in row.legal_basis and "một nửa" not in row.legal_basis
    old = rows.get(effective_to__isnull=False)
    assert "[M" not in old.legal_basis and "Nghị định 98/2023/NĐ-CP" in old.legal_basis
    current = rows.get(effective_to__isnull=True)
    assert current.legal_basis.count("[M") == 1 and "làm tròn của Nghị định 152/2025" in current.legal_basis


@pytest.mark.parametrize(("code", "scope"), sorted(EXPECTED))
def test_each_seeded_coefficient_gives_the_rounded_amount_either_side_of_the_base_salary_change(code, scope):
    title = Title.objects.filter(code=code).first()
    thing = {"title": title} if title else {"award_form": AwardForm.objects.get(code=code)}
    side = {"person_id": 1} if scope == "individual" else {"unit_id": 1}
    award = Award(**side, **thing)
    before, after = EXPECTED[(code, scope)]
    assert quote(award=award, on=JUNE_30).amount == before
    assert quote(award=award, on=JULY_1).amount == after
    assert quote(award=award, on=BEFORE_ND152).amount == before


def test_a_decision_signed_on_30_june_2026_pays_the_old_base_salary_and_one_signed_on_1_july_the_new(issue, people):
    june = issue([(people.an, "CSTD_TINH"), (people.binh, "BK_TINH")], on=JUNE_30, number="10/QĐ-UBND")
    july = issue([(people.binh, "CSTD_TINH")], on=JULY_1, number="11/QĐ-UBND")
    assert [line.amount for line in decision_money(june).lines] == [7_020_000, 3_510_000]
    assert decision_money(june).total == 10_530_000
    assert decision_money(july).total == 7_590_000
    assert "2.340.000" in june.awards.first().money.basis


def test_an_amount_fixed_at_signing_does_not_follow_a_later_change_of_the_base_salary(issue, people):
    decision = issue([(people.an, "CSTD_TINH")], on=JULY_1)
    BaseSalary.objects.filter(effective_from=JULY_1).update(amount=3_000_000)
    assert decision_money(decision).total == 7_590_000


def test_a_draft_shows_what_it_would_cost_if_signed_on_a_given_day(issue, people):
    draft = issue([(people.an, "CSTD_TINH")])
    money = decision_money(draft, on=JUNE_30)
    assert not money.fixed and money.total == 7_020_000


def test_an_award_without_a_coefficient_has_no_amount_and_is_counted_as_missing(issue, people):
    AwardCoefficient.objects.filter(title__code="CSTD_TINH").delete()
    decision = issue([(people.an, "CSTD_TINH"), (people.binh, "BK_TINH")], on=JULY_1)
    money = decision_money(decision)
    assert [line.amount for line in money.lines] == [None, 3_800_000]
    assert money.missing == 1 and money.total == 3_800_000


def test_a_revoked_awards_money_is_to_be_recovered_and_leaves_the_total(issue, people, personas):
    decision = issue([(people.an, "CSTD_TINH"), (people.binh, "BK_TINH")], on=JULY_1)
    revoke_award(
        award=decision.awards.get(person=people.an),
        by=personas.administrator,
        reason="Khai man thành tích",
        number="20/QĐ-UBND",
        decided_on=datetime.date(2026, 8, 1),
    )
    money = decision_money(decision)
    assert money.total == 3_800_000
    assert money.to_recover == 7_590_000
    assert [line.to_recover for line in money.lines] == [True, False]
