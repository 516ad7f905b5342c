"""The access matrix's shared dataset: built once for the package inside a transaction rolled back at its end; each
test runs in a savepoint of it (pytest-django's `db`), and each POST in a savepoint of its own."""

from types import SimpleNamespace

import pytest
from django.db import transaction
from django.test import Client, override_settings
from xhtml2pdf import pisa

from tests.access.world import build_world


@pytest.fixture(scope="package")
def _access_media(tmp_path_factory):
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("access-media")):
        yield


@pytest.fixture(autouse=True)
def _media_root(_access_media):
    """Overrides tests/conftest.py's per-test media folder: the files of the dataset live for the whole package."""


@pytest.fixture(scope="package")
def _no_pdf_rendering():
    """Access is decided before a PDF is drawn: the pages still build their HTML, xhtml2pdf only writes a stub."""

    def create_pdf(html, dest, **kwargs):
        dest.write(b"%PDF-1.4 access-matrix stub")
        return SimpleNamespace(err=0)

    real, pisa.CreatePDF = pisa.CreatePDF, create_pdf
    yield
    pisa.CreatePDF = real


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker, _access_media, _no_pdf_rendering):
    """The dataset (tests/access/world.py) and one logged-in client per persona, plus `anonymous`."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            data = build_world()
            data.clients = {"anonymous": Client()}
            for name, user in vars(data.personas).items():
                data.clients[name] = Client()
                data.clients[name].force_login(user)
            yield data
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
