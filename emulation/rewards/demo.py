"""Demo reward funds: for each body and year of the demo's signed decisions, a budget a little above what its
decisions spent, so the ledger shows a remainder. Idempotent."""

from emulation.decisions.models import Decision, DecisionStatus
from emulation.rewards.fund import ledger
from emulation.rewards.models import RewardFund

HEADROOM = 1.2
STEP = 1_000_000


def build_demo() -> dict[str, int]:
    issued = Decision.objects.exclude(status=DecisionStatus.DRAFT).values_list("unit_id", "year").distinct()
    for unit_id, year in issued:
        fund, created = RewardFund.objects.get_or_create(
            unit_id=unit_id, year=year, defaults={"budget": 0, "basis": "Dự toán quỹ thi đua, khen thưởng (demo)"}
        )
        if created:
            spent = ledger(fund).spent
            fund.budget = int(spent * HEADROOM) // STEP * STEP + STEP
            fund.save(update_fields=["budget"])
    return {"reward funds": RewardFund.objects.count()}
