"""A secret ballot keeps who voted apart from what was voted: checked against every table of the database."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from emulation.council import sessions as services
from emulation.council import voting
from emulation.models import BallotParticipation, Choice, SecretVote
from tests.emulation.council.helpers import make_council, make_nomination, make_rule, members, open_session_with
from tests.factories import make_person

pytestmark = pytest.mark.django_db(transaction=True)

CHOICES = set(Choice.values)
# Columns that would tie a row to a person: any of these beside a choice value is a leak.
IDENTITY_WORDS = ("member", "user", "person", "voter", "email")


def secret_ballot(tree, size=12, written=0):
    nomination = make_nomination(person=make_person(unit=tree.other))
    council = make_council(tree.province, size=size)
    make_rule(nomination.title, secret=True, pct="80", quorum_pct="50")
    session = open_session_with(council, nomination, present=size - written, written=written)
    ballot = services.open_ballot(session=session, nomination=nomination, by=council.secretary)
    return council, ballot


def all_rows():
    """(table, column names, row) for every row of every table."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            description = connection.introspection.get_table_description(cursor, table)
            names = [column.name for column in description]
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                yield table, names, row


def physical_order(ballot) -> list[str]:
    table = SecretVote._meta.db_table
    position = "ctid" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT choice FROM {table} WHERE ballot_id = %s ORDER BY {position}", [ballot.pk])
        return [row[0] for row in cursor.fetchall()]


def test_no_row_of_any_table_holds_both_a_voter_and_a_choice(tree, client):
    council, ballot = secret_ballot(tree, written=2)
    voters = members(council)
    for index, member in enumerate(voters[:10]):
        client.force_login(member.user)  # through the phone page, so sessions and messages are exercised too
        choice = Choice.AGREE if index % 3 else Choice.DISAGREE
        confirmed = {"choice": choice, "confirm": "1"}
        assert client.post(reverse("emulation:ballot_vote", args=[ballot.pk]), confirmed).status_code == 302
    for member in voters[10:]:
        voting.record_written_vote(ballot=ballot, member=member, choice=Choice.AGREE, by=council.secretary)
    identities = {str(m.user.email) for m in voters} | {m.person.full_name for m in voters}
    checked = 0
    for table, names, row in all_rows():
        values = [str(value) for value in row]
        if CHOICES & set(values):
            checked += 1
            assert not any(word in name for name in names for word in IDENTITY_WORDS), (table, names)
            assert not identities & set(values), table
        assert not any(c in value and i in value for value in values for c in ("Đồng ý", "agree") for i in identities)
    assert checked == 12  # the twelve ballot papers, and no other row carries a choice
    assert BallotParticipation.objects.filter(ballot=ballot).count() == 12


def test_secret_vote_rows_have_random_keys_no_time_and_are_rewritten_on_every_vote(tree):
    council, ballot = secret_ballot(tree, size=6)
    fields = {field.name for field in SecretVote._meta.get_fields()}
    assert fields == {"id", "ballot", "choice"}
    seen = set()
    for member in members(council):
        voting.cast_vote(ballot=ballot, user=member.user, choice=Choice.AGREE)
        keys = set(SecretVote.objects.filter(ballot=ballot).values_list("id", flat=True))
        assert all(isinstance(key, uuid.UUID) and key.version == 4 for key in keys)
        assert not keys & seen  # no row survives a later vote: a key never marks "the n-th vote"
        seen |= keys


def test_the_order_of_secret_vote_rows_does_not_follow_the_voting_order(tree):
    """Three ballots of twelve alternating votes: a shuffled order equals the voting order with chance 1/924 each."""
    same = []
    for _ in range(3):
        council, ballot = secret_ballot(tree)
        order = [Choice.AGREE if i % 2 else Choice.DISAGREE for i in range(12)]
        for member, choice in zip(members(council), order, strict=True):
            voting.cast_vote(ballot=ballot, user=member.user, choice=choice)
        by_key = list(SecretVote.objects.filter(ballot=ballot).order_by("id").values_list("choice", flat=True))
        same.append(physical_order(ballot) == order and by_key == order)
    assert not all(same)


def test_a_second_secret_vote_by_the_same_member_is_refused(tree):
    council, ballot = secret_ballot(tree, size=6)
    first = members(council)[1]
    voting.cast_vote(ballot=ballot, user=first.user, choice=Choice.AGREE)
    with pytest.raises(ValidationError, match="đã bỏ phiếu"):
        voting.cast_vote(ballot=ballot, user=first.user, choice=Choice.DISAGREE)
    assert SecretVote.objects.filter(ballot=ballot).count() == 1
    assert list(SecretVote.objects.filter(ballot=ballot).values_list("choice", flat=True)) == [Choice.AGREE]
