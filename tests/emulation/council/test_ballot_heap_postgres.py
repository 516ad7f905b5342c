"""A database reader with the credentials alone cannot link a member to a secret choice: every heap tuple of every
table, live or dead, read raw with PostgreSQL's pageinspect after members vote, and every write-ahead-log record the
votes wrote, located with pg_walinspect and read byte for byte from the segment files in pg_wal."""

import os
import re

import pytest
from django.db import connection

from emulation.council.ballots import voting
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


# --- the write-ahead log ---------------------------------------------------------------------------------------------
PAGE = 8192  # wal_block_size; each WAL page opens with a header (40 bytes on a segment's first page, else 24)


def wal_lsn() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")
        return int(cursor.fetchone()[0])


def wal_bytes(start: int, end: int) -> bytes:
    """The record bytes between two LSNs, read from the segment files in pg_wal, page headers cut out."""
    data = b""
    with connection.cursor() as cursor:
        position = start
        while position < end:
            cursor.execute(
                "SELECT file_name, file_offset FROM pg_walfile_name_offset(%s::text::pg_lsn)", [lsn(position)]
            )
            name, offset = cursor.fetchone()
            page_end = min(end, position - offset % PAGE + PAGE)
            cursor.execute("SELECT pg_read_binary_file(%s, %s, %s)", [f"pg_wal/{name}", offset, page_end - position])
            data += bytes(cursor.fetchone()[0])
            position = page_end
            if position < end:  # skip the next page's header
                position += 40 if position % (16 * 1024 * 1024) == 0 else 24
    return data


def lsn(value: int) -> str:
    return f"{value >> 32:X}/{value & 0xFFFFFFFF:X}"


def wal_records(start: int, end: int):
    """(xid, resource manager, record type, relation file nodes, raw bytes) of each record of this database."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_walinspect")
        cursor.execute("SELECT oid FROM pg_database WHERE datname = current_database()")
        database = cursor.fetchone()[0]
        cursor.execute(
            "SELECT xid::text, resource_manager, record_type, coalesce(block_ref, ''), start_lsn - '0/0'::pg_lsn, "
            "end_lsn - '0/0'::pg_lsn FROM pg_get_wal_records_info(%s::text::pg_lsn, %s::text::pg_lsn)",
            [lsn(start), lsn(end)],
        )
        rows = cursor.fetchall()
    for xid, manager, kind, blocks, first, last in rows:
        nodes = {int(node) for db, node in re.findall(r"rel \d+/(\d+)/(\d+)", blocks) if int(db) == database}
        yield xid, manager, kind, nodes, wal_bytes(int(first), int(last))


def file_nodes(*models) -> set[int]:
    """The file nodes of the models' tables, their TOAST tables and every index of either."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_relation_filenode(c.oid) FROM pg_class c WHERE c.oid = ANY(%s::regclass[]) "
            "OR c.oid IN (SELECT reltoastrelid FROM pg_class WHERE oid = ANY(%s::regclass[])) "
            "OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = ANY(%s::regclass[]) OR indrelid IN "
            "(SELECT reltoastrelid FROM pg_class WHERE oid = ANY(%s::regclass[])))",
            [[m._meta.db_table for m in models]] * 4,
        )
        return {node for (node,) in cursor.fetchall() if node}


def test_the_wal_written_while_voting_holds_no_plaintext_choice_and_voters_write_only_their_paper(tree):
    council, ballot = secret_ballot(tree, size=7)
    choices = [Choice.AGREE, Choice.DISAGREE, Choice.AGREE, Choice.AGREE, Choice.DISAGREE, Choice.AGREE, Choice.AGREE]
    start = wal_lsn()
    for member, choice in zip(members(council), choices, strict=True):
        voting.cast_vote(ballot=ballot, user=member.user, choice=choice)
    end = wal_lsn()
    records = list(wal_records(start, end))
    participations = file_nodes(BallotParticipation)
    voters = {xid for xid, _, _, nodes, _ in records if nodes & participations}
    assert len(voters) == 7  # one transaction per vote, each found in the log
    ours = [r for r in records if r[0] in voters or r[3]]  # this database's records (other sessions share the log)
    raw = b"".join(r[4] for r in ours)
    assert len(raw) > 7 * 100  # the records were read from pg_wal, not an empty range
    plaintexts = {c.encode() for c in Choice.values} | {str(label).encode() for label in Choice.labels}
    assert not [p for p in plaintexts if p in raw]  # "disagree" contains "agree": neither appears
    allowed = participations | file_nodes(SecretVote)
    touched = {node for xid, _, _, nodes, _ in ours if xid in voters for node in nodes}
    assert touched <= allowed  # a voter's transaction writes its participation and a sealed paper, nothing more
    kinds = {(manager, kind) for xid, manager, kind, _, _ in ours if xid in voters}
    assert not {k for k in kinds if k[0] in {"Heap", "Heap2"} and k[1] not in {"INSERT", "INSERT+INIT"}}  # no rewrite
