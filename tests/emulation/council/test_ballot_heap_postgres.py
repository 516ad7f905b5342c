"""A database reader with the credentials alone cannot link a member to a secret choice: every heap tuple of every
table, live or dead, read raw with PostgreSQL's pageinspect after members vote."""

import os

import pytest
from django.db import connection

from emulation.council import voting
from emulation.models import BallotKey, BallotParticipation, Choice, SecretVote
from tests.emulation.council.helpers import members
from tests.emulation.council.test_ballot_secrecy import secret_ballot

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _needs_postgres():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("reads PostgreSQL heap pages (DATABASE_URL=postgres://…)")


def heap_tuples():
    """(table, xmin, xmax, raw tuple bytes) of every tuple, dead ones included, of every table in `public`."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
        cursor.execute("SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace")
        for (table,) in cursor.fetchall():
            cursor.execute(
                "SELECT t.t_xmin::text, t.t_xmax::text, t.t_data FROM generate_series(0, "
                "pg_relation_size(%s::regclass) / current_setting('block_size')::int - 1) AS page, "
                "LATERAL heap_page_items(get_raw_page(%s, page::int)) AS t WHERE t.t_data IS NOT NULL",
                [table, table],
            )
            for xmin, xmax, data in cursor.fetchall():
                yield table, xmin, xmax, bytes(data)


def test_no_heap_tuple_holds_a_plaintext_choice_and_the_voters_transactions_write_only_ciphertext(tree):
    council, ballot = secret_ballot(tree, size=7)
    choices = [Choice.AGREE, Choice.DISAGREE, Choice.AGREE, Choice.AGREE, Choice.DISAGREE, Choice.AGREE, Choice.AGREE]
    for member, choice in zip(members(council), choices, strict=True):
        voting.cast_vote(ballot=ballot, user=member.user, choice=choice)
    tuples = list(heap_tuples())
    assert len(tuples) > 100  # the whole database was read, not an empty one
    leaks = [(table, data) for table, _, _, data in tuples if b"agree" in data]  # "disagree" contains "agree"
    assert not leaks
    participations = BallotParticipation._meta.db_table
    voters_xids = {xmin for table, xmin, _, _ in tuples if table == participations}
    assert len(voters_xids) == 7
    written_by_voters = {table for table, xmin, _, _ in tuples if xmin in voters_xids}
    assert written_by_voters <= {participations, SecretVote._meta.db_table}  # nothing else a choice could hide in
    dead = [table for table, _, xmax, _ in tuples if xmax != "0" and table == SecretVote._meta.db_table]
    assert not dead  # papers are never rewritten: no dead row to match to a voter's transaction
    closed = voting.close_ballot(ballot=ballot, by=council.secretary)
    assert (closed.agree_count, closed.disagree_count) == (5, 2)
    key_table = BallotKey._meta.db_table
    assert not [t for t in heap_tuples() if t[0] == key_table]  # the key is gone, its dead tuple vacuumed too
