"""The money of each award: coefficient × base salary on the decision's date, rounded up as the coefficient says.

Rules
-----
- The coefficient row is the one in force on the decision's date for the award's title or form and the recipient's
  scope (a person: individual; a unit: collective). Without one, the award has no amount (shown as such).
- The base salary is the one in force on the decision's date (2,340,000 VND until 30/06/2026, 2,530,000 VND from
  01/07/2026 — seeded rows, each with its legal basis).
- Rounding: up to the coefficient row's step (10,000 VND: "làm tròn số lên hàng chục nghìn đồng").
- A signed decision's amounts are those fixed at signing; a draft's are what they would be if signed today.
- A revoked award's amount is to be recovered (Law 06/2022 Điều 93); it is not counted in the amount in force.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from emulation.decisions.models import Award, AwardStatus, Decision, DecisionStatus
from emulation.rewards.models import AwardAmount, AwardCoefficient, BaseSalary
from emulation.titles.models import TitleScope


@dataclass
class Quote:
    coefficient: Decimal
    base_salary: int
    amount: int
    basis: str


def coefficient_for(*, award: Award, on: datetime.date) -> AwardCoefficient | None:
    """The coefficient in force on `on` for the award's title or form and its recipient's scope."""
    scope = TitleScope.INDIVIDUAL if award.person_id else TitleScope.COLLECTIVE
    thing = {"title_id": award.title_id} if award.title_id else {"award_form_id": award.award_form_id}
    return AwardCoefficient.objects.in_force(on).filter(scope=scope, **thing).order_by("-effective_from").first()


def base_salary_on(on: datetime.date) -> BaseSalary | None:
    return BaseSalary.objects.in_force(on).order_by("-effective_from").first()


def round_up(value: Decimal, step: int) -> int:
    """Up to the next multiple of `step` (10,000 VND in the decree's rule)."""
    return int((value / step).to_integral_value(rounding=ROUND_CEILING)) * step


def quote(*, award: Award, on: datetime.date) -> Quote | None:
    """The award's money on `on`, with the figures and their legal bases; None without a coefficient or a salary."""
    row, salary = coefficient_for(award=award, on=on), base_salary_on(on)
    if row is None or salary is None:
        return None
    amount = round_up(row.coefficient * salary.amount, row.rounding_step)
    basis = _("Hệ số %(c)s (%(cb)s) × mức lương cơ sở %(s)s đồng (%(sb)s)") % {
        "c": row.coefficient.normalize(),
        "cb": row.legal_basis,
        "s": vnd(salary.amount),
        "sb": salary.legal_basis,
    }
    return Quote(coefficient=row.coefficient, base_salary=salary.amount, amount=amount, basis=basis)


def fix_amounts(*, decision: Decision, awards) -> list[AwardAmount]:
    """At signing, each award's money is fixed on the decision's date and never recomputed."""
    fixed = []
    for award in awards:
        found = quote(award=award, on=decision.decided_on)
        if found is None:
            continue
        fixed.append(
            AwardAmount.objects.update_or_create(
                award=award,
                defaults={
                    "decided_on": decision.decided_on,
                    "coefficient": found.coefficient,
                    "base_salary": found.base_salary,
                    "amount": found.amount,
                    "basis": found.basis,
                },
            )[0]
        )
    return fixed


@dataclass
class MoneyLine:
    award: Award
    quote: Quote | None
    as_issued: bool = False  # the line as the decision was signed: a later revocation is not shown

    @property
    def amount(self) -> int | None:
        return self.quote.amount if self.quote else None

    @property
    def in_force(self) -> bool:
        return self.as_issued or self.award.status == AwardStatus.ACTIVE

    @property
    def to_recover(self) -> bool:
        return not self.in_force and self.quote is not None

    @property
    def amount_text(self) -> str:
        return vnd(self.amount)


@dataclass
class DecisionMoney:
    lines: list[MoneyLine]
    on: datetime.date
    fixed: bool

    @property
    def total(self) -> int:
        """The money of the awards still in force."""
        return sum(line.amount or 0 for line in self.lines if line.in_force)

    @property
    def to_recover(self) -> int:
        return sum(line.amount for line in self.lines if line.to_recover)

    @property
    def total_text(self) -> str:
        return vnd(self.total)

    @property
    def to_recover_text(self) -> str:
        return vnd(self.to_recover)

    @property
    def missing(self) -> int:
        return sum(line.quote is None for line in self.lines)


def _stored(award: Award) -> Quote | None:
    money = getattr(award, "money", None)
    if money is None:
        return None
    return Quote(money.coefficient, money.base_salary, money.amount, money.basis)


def decision_money(decision: Decision, *, on: datetime.date | None = None, as_issued: bool = False) -> DecisionMoney:
    """Per-recipient and total money of a decision: fixed amounts once signed, else a quote on `on` (today).
    `as_issued`: a signed decision's lines as signed, every award in force (what the decision published; a later
    revocation of one recipient is no business of the others)."""
    awards = decision.awards.select_related("person__unit", "unit", "title", "award_form", "revocation", "money")
    awards = awards.order_by("unit__path", "person__full_name", "pk")
    if decision.status != DecisionStatus.DRAFT:
        lines = [MoneyLine(award, _stored(award), as_issued) for award in awards]
        return DecisionMoney(lines=lines, on=decision.decided_on, fixed=True)
    on = on or timezone.localdate()
    return DecisionMoney(lines=[MoneyLine(a, quote(award=a, on=on)) for a in awards], on=on, fixed=False)


def vnd(amount: int | None) -> str:
    """1234567 → "1.234.567" (Vietnamese thousands separator)."""
    return "—" if amount is None else f"{amount:,}".replace(",", ".")
