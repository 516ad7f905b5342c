"""A secret ballot keeps who voted apart from what was voted: checked against every table of the database."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from emulation.council import sessions as services
from emulation.council.ballots import box as ballot_box
from emulation.council.ballots import voting
from emulation.models import BallotKey, BallotParticipation, Choice, SecretVote
from tests.emulation.council.helpers import make_council, make_nomination, make_rule, members, open_session_with
from tests.factories import make_person
from units.audit.models import AuditEntry, EventKind

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


def test_no_row_of_any_table_holds_a_choice_in_the_clear(tree, client):
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
    for table, _names, row in all_rows():
        values = [bytes(v) if isinstance(v, memoryview) else v for v in row]
        texts = [v.decode("latin-1") if isinstance(v, bytes) else str(v) for v in values]
        assert not CHOICES & set(texts), table  # no choice as a value of its own
        assert not any(c in text and i in text for text in texts for c in ("Đồng ý", "agree") for i in identities)
    papers = [bytes(p) for p in SecretVote.objects.filter(ballot=ballot).values_list("sealed", flat=True)]
    assert len(papers) == 12 and len({len(p) for p in papers}) == 1  # one size: the length tells nothing either
    assert not any(word in f.name for f in SecretVote._meta.get_fields() for word in IDENTITY_WORDS)
    assert BallotParticipation.objects.filter(ballot=ballot).count() == 12
    closed = voting.close_ballot(ballot=ballot, by=council.secretary)
    assert (closed.agree_count, closed.disagree_count) == (8, 4)  # indexes 0, 3, 6, 9 disagreed


def test_papers_have_random_keys_no_time_and_are_never_rewritten(tree):
    council, ballot = secret_ballot(tree, size=6)
    fields = {field.name for field in SecretVote._meta.get_fields()}
    assert fields == {"id", "ballot", "sealed"}
    before = {}
    for member in members(council):
        voting.cast_vote(ballot=ballot, user=member.user, choice=Choice.AGREE)
        papers = dict(SecretVote.objects.filter(ballot=ballot).values_list("id", "sealed"))
        assert all(isinstance(key, uuid.UUID) and key.version == 4 for key in papers)
        assert all(bytes(papers[key]) == bytes(sealed) for key, sealed in before.items())  # insert-only
        before = papers
    assert len(before) == 6


def test_closing_destroys_the_ballot_key_so_no_paper_opens_again(tree):
    council, ballot = secret_ballot(tree, size=6)
    for member in members(council)[:3]:
        voting.cast_vote(ballot=ballot, user=member.user, choice=Choice.DISAGREE)
    assert ballot_box.open_papers(ballot) == [Choice.DISAGREE] * 3
    voting.close_ballot(ballot=ballot, by=council.secretary)
    assert not BallotKey.objects.filter(ballot=ballot).exists()
    assert SecretVote.objects.filter(ballot=ballot).count() == 3
    with pytest.raises(ValidationError, match="Khóa của lượt bỏ phiếu kín không còn"):
        ballot_box.open_papers(ballot)


def test_the_ballot_key_opens_only_with_the_servers_ballot_key(tree, settings):
    council, ballot = secret_ballot(tree, size=6)
    voting.cast_vote(ballot=ballot, user=members(council)[0].user, choice=Choice.AGREE)
    wrapped = bytes(BallotKey.objects.get(ballot=ballot).wrapped)
    assert len(wrapped) == 12 + 32 + 16  # nonce, the sealed 256-bit key, the tag: never the key itself
    settings.BALLOT_KEY = "a different server key"
    with pytest.raises(ValidationError, match="BALLOT_KEY"):
        ballot_box.open_papers(ballot)


def test_a_second_secret_vote_by_the_same_member_is_refused(tree):
    council, ballot = secret_ballot(tree, size=6)
    first = members(council)[1]
    voting.cast_vote(ballot=ballot, user=first.user, choice=Choice.AGREE)
    with pytest.raises(ValidationError, match="đã bỏ phiếu"):
        voting.cast_vote(ballot=ballot, user=first.user, choice=Choice.DISAGREE)
    assert SecretVote.objects.filter(ballot=ballot).count() == 1
    assert ballot_box.open_papers(ballot) == [Choice.AGREE]


def test_opening_and_closing_are_logged_with_the_tally_and_never_a_voter(tree):
    council, ballot = secret_ballot(tree, size=6)
    for member in members(council)[:4]:
        voting.cast_vote(ballot=ballot, user=member.user, choice=Choice.AGREE)
    voting.close_ballot(ballot=ballot, by=council.secretary)
    opened, closed = AuditEntry.objects.order_by("seq").filter(object_type="emulation.ballot")
    assert (opened.kind, closed.kind) == (EventKind.BALLOT_OPENED, EventKind.BALLOT_CLOSED)
    assert opened.data["secret"] is True and closed.actor_id == council.secretary.pk
    ballot.refresh_from_db()
    assert closed.data == {
        "agree": 4,
        "disagree": 0,
        "written": 0,
        "base": ballot.base_count,
        "outcome": ballot.outcome,
        "result_hash": ballot.result_hash,
    }
