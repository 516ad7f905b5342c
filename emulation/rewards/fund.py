"""The reward fund ledger of an awarding body for a year, and the warning before a decision overspends it.

Rules
-----
- Spending of a year = the money fixed on the awards of the body's decisions signed that year (an annulled decision
  was paid too: its money is to be recovered, shown apart, and the fund is not credited until it is recovered).
- Remainder = budget − spending. A draft that would take the remainder below zero warns the signer before signing;
  it does not block (the authority may top up the fund).
- A body without a fund row for the year has no ledger; its decisions are signed without a fund warning.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from emulation.decisions.models import Decision, DecisionStatus
from emulation.rewards.models import RewardFund
from emulation.rewards.money import DecisionMoney, decision_money, vnd


@dataclass
class LedgerLine:
    decision: Decision
    money: DecisionMoney


@dataclass
class Ledger:
    fund: RewardFund
    lines: list[LedgerLine]

    @property
    def spent(self) -> int:
        return sum(line.money.total + line.money.to_recover for line in self.lines)

    @property
    def to_recover(self) -> int:
        return sum(line.money.to_recover for line in self.lines)

    @property
    def remainder(self) -> int:
        return self.fund.budget - self.spent

    @property
    def figures(self) -> dict:
        """Budget, spent, to recover and remainder as Vietnamese-formatted text, for the pages."""
        values = {"budget": self.fund.budget, "spent": self.spent, "to_recover": self.to_recover}
        return {name: vnd(value) for name, value in {**values, "remainder": self.remainder}.items()}


def ledger(fund: RewardFund) -> Ledger:
    """Each signed (or later annulled) decision of the fund's body in the fund's year, with its money."""
    decisions = (
        Decision.objects.filter(unit=fund.unit, year=fund.year)
        .exclude(status=DecisionStatus.DRAFT)
        .select_related("authority")
        .order_by("decided_on", "pk")
    )
    return Ledger(fund=fund, lines=[LedgerLine(d, decision_money(d)) for d in decisions])


def overspend_warnings(*, decision: Decision, on: datetime.date) -> list[str]:
    """The signer's warning when this draft's money on `on` exceeds what remains of the body's fund for that year."""
    fund = RewardFund.objects.filter(unit=decision.unit, year=on.year).first()
    if fund is None:
        return []
    needed = decision_money(decision, on=on).total
    remainder = ledger(fund).remainder
    if needed <= remainder:
        return []
    text = _(
        "Quyết định cần %(needed)s đồng nhưng %(fund)s chỉ còn %(left)s đồng: vượt quỹ %(over)s đồng. "
        "Cân nhắc trước khi ký."
    )
    return [text % {"needed": vnd(needed), "fund": fund, "left": vnd(remainder), "over": vnd(needed - remainder)}]
