"""A provincial decision helper shared by the tests of the concepts above decisions (notices, rewards, signing,
statistics): drafted by the secretary, signed by the administrator on a given day."""

import datetime
from types import SimpleNamespace

import pytest

from emulation.decisions.services import draft_decision, sign_decision
from emulation.models import Authority, AwardForm, Title
from tests.emulation.decisions.recipients import add_eligible
from tests.emulation.factories import make_period
from tests.factories import make_person


@pytest.fixture
def issue(tree, personas):
    """issue(recipients, on=date or None, number=...) → a provincial decision with those (person|unit, code)
    recipients, signed on `on` (a draft when None)."""
    period = make_period()
    chair = Authority.objects.get(code="CT_UBND_TINH")

    def _issue(recipients, *, on: datetime.date | None = None, number: str = "15/QĐ-UBND", subject: str = ""):
        decision = draft_decision(
            by=personas.secretary, unit=tree.province, authority=chair, period=period, subject=subject
        )
        for who, code in recipients:
            thing = {"title": Title.objects.filter(code=code).first()}
            if thing["title"] is None:
                thing = {"award_form": AwardForm.objects.get(code=code)}
            side = {"person": who} if who.__class__.__name__ == "Person" else {"unit": who}
            add_eligible(decision=decision, by=personas.secretary, **side, **thing)
        if on is not None:
            sign_decision(
                decision=decision,
                by=personas.administrator,
                number=number,
                decided_on=on,
                signer_name="Hồ Văn Mười",
                signer_position="Chủ tịch UBND tỉnh",
            )
        return decision

    return _issue


@pytest.fixture
def people(tree):
    return SimpleNamespace(
        an=make_person(unit=tree.sub, full_name="Nguyễn Thị Ánh Tuyết"),
        binh=make_person(unit=tree.home, full_name="Trần Văn Bình"),
    )
