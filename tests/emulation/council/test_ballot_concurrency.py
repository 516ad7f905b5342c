"""A double tap, or two phones on one account: concurrent votes of one member count once; a vote racing the close
is either counted in the sealed result or refused, never lost after sealing (PostgreSQL row locks)."""

import os
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from emulation.council import sessions as services
from emulation.council.ballots import voting
from emulation.models import Ballot, BallotParticipation, Choice, OpenVote, SecretVote
from tests.emulation.council.helpers import make_council, make_nomination, make_rule, members, open_session_with
from tests.factories import make_person

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _needs_postgres():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("needs PostgreSQL row locks (DATABASE_URL=postgres://…)")


def run_together(*actions):
    """Run the actions at once in threads; returns the exceptions they raised."""
    barrier, errors = threading.Barrier(len(actions)), []

    def worker(action):
        try:
            barrier.wait()
            action()
        except Exception as error:  # collected for the test thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def ballot_of(tree, *, secret):
    nomination = make_nomination(person=make_person(unit=tree.other))
    council = make_council(tree.province, size=4)
    make_rule(nomination.title, secret=secret)
    session = open_session_with(council, nomination, present=4)
    return council, services.open_ballot(session=session, nomination=nomination, by=council.secretary)


@pytest.mark.parametrize("secret", [True, False])
def test_two_concurrent_votes_of_one_member_count_once(tree, secret):
    council, ballot = ballot_of(tree, secret=secret)
    user = members(council)[1].user

    def cast(choice):
        return lambda: voting.cast_vote(ballot=Ballot.objects.get(pk=ballot.pk), user=user, choice=choice)

    errors = run_together(cast(Choice.AGREE), cast(Choice.DISAGREE))
    assert len(errors) == 1 and isinstance(errors[0], ValidationError)
    if secret:
        assert BallotParticipation.objects.filter(ballot=ballot).count() == 1
        assert SecretVote.objects.filter(ballot=ballot).count() == 1
    else:
        assert OpenVote.objects.filter(ballot=ballot).count() == 1


def test_a_vote_racing_the_close_is_in_the_sealed_result_or_refused(tree):
    council, ballot = ballot_of(tree, secret=True)
    voter = members(council)[2].user
    errors = run_together(
        lambda: voting.cast_vote(ballot=Ballot.objects.get(pk=ballot.pk), user=voter, choice=Choice.AGREE),
        lambda: voting.close_ballot(ballot=Ballot.objects.get(pk=ballot.pk), by=council.secretary),
    )
    ballot.refresh_from_db()
    papers = SecretVote.objects.filter(ballot=ballot).count()
    assert ballot.agree_count == papers and ballot.seal_intact()
    assert (papers, errors) == (1, []) or (papers == 0 and len(errors) == 1)
