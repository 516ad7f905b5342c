"""Faults lose nothing (PostgreSQL): a request cut off by the database fails with a clear page and writes nothing;
a pg_dump restored into a fresh database still verifies its certificates and its audit chain."""

import os
import subprocess

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from emulation.certificates.issuing import issue_certificate
from evaluations.models import Appeal, AppealStatus, StatusChange, ViolationStatus
from tests.emulation.certificates.helpers import make_authority, make_awards, make_signed_decision
from tests.evaluations.appeals.test_appeals_views import file_appeal, open_violation
from units.audit.log import verify_chain
from units.audit.models import AuditEntry

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
AUDIT = AuditEntry._meta.db_table


@pytest.fixture(autouse=True)
def _needs_postgres():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…)")


def sql(statement: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement)


@pytest.fixture
def database_dies_at_the_audit_write():
    """The server drops the connection the moment a request writes its audit entry — after its first writes."""
    sql(
        "CREATE FUNCTION kill_me() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$"
    )
    sql(f"CREATE TRIGGER kill_me BEFORE INSERT ON {AUDIT} FOR EACH ROW EXECUTE FUNCTION kill_me()")
    yield
    connection.close()
    sql(f"DROP TRIGGER kill_me ON {AUDIT}")
    sql("DROP FUNCTION kill_me()")


def test_a_request_cut_off_by_the_database_shows_a_clear_page_and_writes_nothing(
    tree, personas, database_dies_at_the_audit_write
):
    appeal = file_appeal(open_violation(tree, personas), personas)
    changes_before = StatusChange.objects.count()
    browser = Client(raise_request_exception=False)
    browser.force_login(personas.secretary)
    url = reverse("evaluations:appeal_decide", args=[appeal.pk])
    response = browser.post(url, {"outcome": AppealStatus.DISMISSED, "reason": "Có minh chứng"})
    assert response.status_code == 500
    assert "Hệ thống tạm thời gặp sự cố" in response.content.decode()
    connection.close()  # the test's own connection died with the server's backend too: reconnect
    appeal = Appeal.objects.select_related("violation").get(pk=appeal.pk)
    assert appeal.status == AppealStatus.PENDING and appeal.decided_by is None
    assert appeal.violation.status == ViolationStatus.CONTESTED
    assert StatusChange.objects.count() == changes_before and not AuditEntry.objects.exists()


def pg(*command: str, database: str) -> None:
    params = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": params.get("PASSWORD") or ""}
    where = ["-h", params["HOST"] or "127.0.0.1", "-p", str(params["PORT"] or 5432), "-U", params["USER"]]
    subprocess.run([*command, *where, "-d", database], env=env, check=True, capture_output=True)


def test_a_dump_restored_into_a_fresh_database_still_verifies_certificates_and_the_audit_chain(tree, tmp_path):
    decision = make_signed_decision(tree.home, authority=make_authority())  # flushed database: no seeded rows
    certificate = issue_certificate(award=make_awards(decision, 1, tree.sub)[0])
    original = connection.settings_dict["NAME"]
    restored = f"{original}_restored"
    dump = tmp_path / "thidua.dump"
    pg("pg_dump", "--format=custom", "--no-owner", f"--file={dump}", database=original)
    pg("psql", "-c", f'DROP DATABASE IF EXISTS "{restored}"', "-c", f'CREATE DATABASE "{restored}"', database=original)
    try:
        pg("pg_restore", "--no-owner", "--exit-on-error", str(dump), database=restored)
        connection.close()
        connection.settings_dict["NAME"] = restored
        page = Client().get(reverse("verify", args=[certificate.token]))
        assert page.status_code == 200
        assert "Giấy khen hợp lệ" in page.content.decode() and certificate.serial in page.content.decode()
        report = verify_chain()
        assert report.intact and report.checked == AuditEntry.objects.count() >= 1
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original
        pg("psql", "-c", f'DROP DATABASE IF EXISTS "{restored}"', database=original)
