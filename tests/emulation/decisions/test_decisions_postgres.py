"""Two drafts adding the same person's title at the same moment (PostgreSQL): the database constraint keeps one,
and the second secretary sees the Vietnamese reason instead of a server error."""

import datetime
import os
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from emulation.decisions.services import draft_decision
from emulation.models import Authority, AuthorityPower, Award, Title, TitleLevel, TitleScope
from tests.emulation.decisions.recipients import add_eligible
from tests.emulation.factories import make_period
from tests.factories import grant, make_person, make_unit, make_user
from units.models import Kind, Level, Role

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _needs_postgres():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("needs PostgreSQL concurrency (DATABASE_URL=postgres://…)")


def test_a_racing_second_award_of_the_same_title_is_refused_with_the_reason():
    # Own catalogue rows: a transactional test cannot count on the seeded ones.
    title = Title.objects.create(
        code="PG-LDTT", name="Lao động tiên tiến (thử)", scope=TitleScope.INDIVIDUAL, level=TitleLevel.GRASSROOTS
    )
    authority = Authority.objects.create(
        code="PG-CT",
        name="Chủ tịch UBND tỉnh (thử)",
        unit_level=Level.PROVINCE,
        effective_from=datetime.date(2024, 1, 1),
    )
    AuthorityPower.objects.create(
        authority=authority, title=title, legal_basis="Luật TĐKT 2022", effective_from=datetime.date(2024, 1, 1)
    )
    province = make_unit(level=Level.PROVINCE, kind=Kind.PEOPLES_COMMITTEE)
    secretary = make_user()
    grant(secretary, Role.COUNCIL_SECRETARY, province)
    person, period = make_person(unit=province, full_name="Phạm Thị Hoa"), make_period()
    first, second = (draft_decision(by=secretary, unit=province, authority=authority, period=period) for _ in range(2))
    inserted, errors = threading.Event(), []

    def slow_first():
        try:
            with transaction.atomic():
                add_eligible(decision=first, by=secretary, person=person, title=title)
                inserted.set()
                time.sleep(1)  # the second insert waits on this uncommitted row
        finally:
            connection.close()

    def racing_second():
        try:
            inserted.wait(5)
            add_eligible(decision=second, by=secretary, person=person, title=title)
        except ValidationError as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=slow_first), threading.Thread(target=racing_second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Award.objects.filter(person=person, title=title).count() == 1
    assert Award.objects.get(person=person).decision_id == first.pk
    assert len(errors) == 1
    assert "Phạm Thị Hoa đã được tặng “Lao động tiên tiến (thử)” năm 2026" in errors[0].messages[0]
