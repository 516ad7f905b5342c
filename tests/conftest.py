"""Personas over a small province: two departments (Sở Nội vụ with one sub-unit, Sở Tài chính)."""

import os
from types import SimpleNamespace

import pytest

from tests.factories import make_unit, make_user_with_role
from units.models import Kind, Level, Role


def pytest_collection_modifyitems(config, items):
    """In CI a test needing PostgreSQL or a broker must run, never skip silently."""
    if os.environ.get("CI"):
        for item in items:
            if item.get_closest_marker("postgres") and "postgres" not in os.environ.get("DATABASE_URL", ""):
                raise pytest.UsageError("CI must run PostgreSQL tests: set DATABASE_URL")
            if item.get_closest_marker("worker") and not os.environ.get("CELERY_BROKER_URL"):
                raise pytest.UsageError("CI must run the Celery worker tests: set CELERY_BROKER_URL")
            if item.get_closest_marker("e2e") and not os.path.exists("/usr/bin/chromium"):
                raise pytest.UsageError("CI must run the browser tests: install chromium (apt-get install chromium)")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def tree(db):
    return build_tree()


def build_tree():
    province = make_unit(code="T-DNO", name="Tỉnh Đắk Nông", level=Level.PROVINCE, kind=Kind.PEOPLES_COMMITTEE)
    home_dept = make_unit(code="SNV", name="Sở Nội vụ", parent=province)
    sub_unit = make_unit(
        code="SNV-VP", name="Văn phòng Sở Nội vụ", parent=home_dept, level=Level.SUB_UNIT, kind=Kind.DIVISION
    )
    other_dept = make_unit(code="STC", name="Sở Tài chính", parent=province)
    return SimpleNamespace(province=province, home=home_dept, sub=sub_unit, other=other_dept)


@pytest.fixture
def personas(tree):
    return build_personas(tree)


def build_personas(tree):
    """administrator, unit_head, clerk, inspector, council_member, secretary, staff, outsider."""
    return SimpleNamespace(
        administrator=make_user_with_role(
            Role.ADMINISTRATOR, tree.province, email="admin@example.vn", full_name="Trần Quản Trị"
        ),
        unit_head=make_user_with_role(Role.UNIT_HEAD, tree.home, email="head@example.vn", full_name="Lê Thủ Trưởng"),
        clerk=make_user_with_role(Role.UNIT_CLERK, tree.home, email="clerk@example.vn", full_name="Phạm Văn Thư"),
        inspector=make_user_with_role(
            Role.INSPECTOR, tree.province, person_unit=tree.other, email="insp@example.vn", full_name="Đỗ Kiểm Tra"
        ),
        council_member=make_user_with_role(
            Role.COUNCIL_MEMBER, tree.province, email="member@example.vn", full_name="Vũ Hội Đồng"
        ),
        secretary=make_user_with_role(
            Role.COUNCIL_SECRETARY, tree.province, email="secretary@example.vn", full_name="Hoàng Thư Ký"
        ),
        staff=make_user_with_role(Role.STAFF, tree.home, email="staff@example.vn", full_name="Nguyễn Thị Hương Trà"),
        outsider=make_user_with_role(
            Role.UNIT_HEAD, tree.other, email="outsider@example.vn", full_name="Bùi Người Ngoài"
        ),
    )


@pytest.fixture
def login(client):
    """login(user) → the test client logged in as that user."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


def pytest_sessionfinish(session, exitstatus):
    """A run in which no test passed proves nothing: fail it, as when no test is collected."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if session.config.option.collectonly or reporter is None:
        return
    if exitstatus == pytest.ExitCode.OK and not reporter.stats.get("passed"):
        reporter.write_line("No test passed (all skipped or deselected): failing the run.", red=True)
        session.exitstatus = pytest.ExitCode.NO_TESTS_COLLECTED
