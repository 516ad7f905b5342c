"""The audit log: a hash chain of decisive events that names the first entry edited or removed behind its back."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from tests.factories import make_user_with_role
from units.audit.log import entry_hash, record_event, verify_chain
from units.audit.models import AuditEntry, EventKind
from units.models import Role, RoleAssignment

pytestmark = pytest.mark.django_db
TABLE = AuditEntry._meta.db_table


def five_events(personas):
    for n in range(5):
        record_event(kind=EventKind.ROLE_GRANTED, by=personas.administrator, summary=f"sự kiện {n}", data={"n": n})


def test_each_entry_carries_the_hash_of_the_one_before_and_the_chain_checks_out(personas, capsys):
    five_events(personas)
    entries = list(AuditEntry.objects.order_by("seq"))
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert all(later.prev_hash == earlier.hash for earlier, later in zip(entries, entries[1:], strict=False))
    assert entries[0].actor_name == "Trần Quản Trị"
    report = verify_chain()
    assert (report.intact, report.checked, report.head) == (True, 5, entries[-1].hash)
    call_command("verify_audit")
    assert "Toàn vẹn: 5 bản ghi" in capsys.readouterr().out


def test_an_entry_edited_in_sql_is_named_by_the_check(personas):
    five_events(personas)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET summary = %s WHERE seq = 3", ["đã sửa"])
    assert (verify_chain().broken_at, verify_chain().reason) == (3, "nội dung bản ghi đã bị sửa")
    with pytest.raises(CommandError, match="bản ghi số 3"):
        call_command("verify_audit")


def test_an_entry_edited_with_its_hash_recomputed_breaks_the_next_link(personas):
    five_events(personas)
    forged = AuditEntry.objects.get(seq=2)
    forged.summary = "giả mạo"
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET summary = %s, hash = %s WHERE seq = 2", ["giả mạo", entry_hash(forged)])
    assert verify_chain().broken_at == 3


def test_an_entry_deleted_in_sql_is_named_by_the_check(personas):
    five_events(personas)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE seq = 2")
    report = verify_chain()
    assert (report.broken_at, report.checked) == (3, 1)
    with pytest.raises(CommandError, match="bản ghi số 3: thiếu bản ghi"):
        call_command("verify_audit")


def test_granting_and_removing_a_role_through_the_pages_is_logged(login, personas, tree):
    client = login(personas.administrator)
    form = {"email": "staff@example.vn", "role": Role.UNIT_CLERK, "unit": tree.sub.pk}
    assert client.post(reverse("units:role_create"), form).status_code == 302
    assignment = RoleAssignment.objects.get(user=personas.staff, role=Role.UNIT_CLERK)
    client.post(reverse("units:role_delete", args=[assignment.pk]))
    kinds = list(AuditEntry.objects.order_by("seq").values_list("kind", "object_id", "actor_id"))
    pk, admin = str(assignment.pk), personas.administrator.pk
    assert kinds == [(EventKind.ROLE_GRANTED, pk, admin), (EventKind.ROLE_REMOVED, pk, admin)]
    assert verify_chain().intact


def test_the_log_page_is_for_top_level_administrators_only(client, login, personas, tree):
    url = reverse("units:audit_log")
    assert client.get(url).status_code == 302
    for user in (personas.unit_head, personas.secretary, personas.staff):
        assert login(user).get(url).status_code == 403
    department_admin = make_user_with_role(Role.ADMINISTRATOR, tree.home)
    assert login(department_admin).get(url).status_code == 403
    assert login(personas.administrator).get(url).status_code == 200


def test_administrators_read_the_log_filtered_by_kind_and_date_and_see_a_broken_chain(login, personas):
    five_events(personas)
    record_event(kind=EventKind.BALLOT_CLOSED, summary="Bỏ phiếu kín: Đạt", data={"agree": 7})
    client = login(personas.administrator)
    page = client.get(reverse("units:audit_log")).content.decode()
    assert "Chuỗi nhật ký toàn vẹn: 6 bản ghi" in page and "sự kiện 4" in page
    page = client.get(reverse("units:audit_log"), {"kind": EventKind.BALLOT_CLOSED}).content.decode()
    assert "Bỏ phiếu kín: Đạt" in page and "sự kiện 4" not in page
    page = client.get(reverse("units:audit_log"), {"since": "2000-01-01", "until": "2000-12-31"}).content.decode()
    assert "sự kiện 4" not in page
    export = client.get(reverse("units:audit_log"), {"_export": "csv"}).getvalue().decode()
    assert "sự kiện 0" in export
    AuditEntry.objects.filter(seq=4).delete()
    assert "bị phá vỡ tại bản ghi số 5" in client.get(reverse("units:audit_log")).content.decode()
