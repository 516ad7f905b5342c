"""Headers and hygiene: names without bidi controls (forms, models, imports), every validation message Vietnamese,
refusals logged without a traceback, a Referrer-Policy on every page."""

import logging

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.validators import FileExtensionValidator
from django.urls import reverse

from tests.factories import make_person
from tests.units.test_imports import PERSON_HEADER, UNIT_HEADER, csv_file, row_errors, upload
from units.forms import PersonForm, UnitForm
from units.models import Category, Unit

pytestmark = pytest.mark.django_db

SPOOFS = ["Nguyễn Văn \u202eAn", "Sở Nội vụ\u2066", "Lê\u200f Thị Bình", "\u202aPhòng A", "B\u2069"]


@pytest.mark.parametrize("name", SPOOFS)
def test_a_person_name_with_a_bidi_control_is_refused(tree, name):
    data = {"code": "CB-X", "full_name": name, "unit": tree.home.pk, "category": Category.CONG_CHUC, "active": True}
    form = PersonForm(data, administered=Unit.objects.all())
    assert not form.is_valid()
    assert "ký tự điều khiển hướng chữ" in " ".join(form.errors["full_name"])


@pytest.mark.parametrize("name", SPOOFS)
def test_a_unit_name_with_a_bidi_control_is_refused(tree, name):
    data = {"code": "U-X", "name": name, "level": tree.home.level, "kind": tree.home.kind, "parent": tree.home.pk}
    form = UnitForm(data, administered=Unit.objects.all())
    assert not form.is_valid() and "name" in form.errors


def test_a_stored_name_with_a_bidi_control_fails_model_validation(tree):
    person = make_person(unit=tree.home)
    person.full_name = "Trần \u202eVăn"
    with pytest.raises(ValidationError):
        person.full_clean()


def test_import_rows_with_bidi_controls_are_refused(login, personas, tree):
    client = login(personas.administrator)
    people = [PERSON_HEADER, ["CB1", "Lê Văn \u202eAn", "SNV", "", "cong_chuc", ""]]
    assert "ký tự điều khiển hướng chữ" in row_errors(upload(client, "people", csv_file(people)))[2]
    units = [UNIT_HEADER, ["U-1", "Phòng \u2066A", "phong", "hanh_chinh", "SNV", "", "", ""]]
    assert "ký tự điều khiển hướng chữ" in row_errors(upload(client, "units", csv_file(units)))[2]


def test_a_plain_vietnamese_name_is_accepted(tree):
    data = {"code": "CB-Y", "full_name": "Đặng Thị Ánh", "unit": tree.home.pk, "category": Category.CONG_CHUC}
    assert PersonForm(data, administered=Unit.objects.all()).is_valid()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (forms.CharField(), "a\x00b"),
        (forms.IntegerField(step_size=5), "3"),
        (forms.UUIDField(), "x"),
        (forms.JSONField(), "{"),
        (forms.DurationField(), "x"),
        (forms.FileField(validators=[FileExtensionValidator(["pdf"])]), SimpleUploadedFile("a.gif", b"GIF89a")),
    ],
)
def test_django_validation_messages_read_in_vietnamese(field, value):
    with pytest.raises(ValidationError) as refused:
        field.clean(value)
    message = " ".join(refused.value.messages)
    english = ("Ensure", "Enter", "allowed", "Null", "not a valid", "must be")
    assert not any(word in message for word in english), message


def test_a_refusal_is_logged_in_one_line_without_a_traceback(login, personas, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = login(personas.staff).get(reverse("units:unit_create"))
    assert response.status_code == 403
    record = next(r for r in caplog.records if r.name == "django.request")
    assert record.status_code == 403 and record.exc_info is None and "Traceback" not in caplog.text


def test_every_page_says_what_referrer_it_sends(client):
    assert client.get(reverse("account_login"))["Referrer-Policy"] == "same-origin"


def test_every_page_forbids_inline_scripts_through_its_content_security_policy(client):
    policy = client.get(reverse("account_login"))["Content-Security-Policy"]
    script = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'self'" in script and "unsafe-inline" not in script and "unsafe-eval" not in script
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy


def test_no_template_carries_an_inline_script_a_handler_attribute_or_a_javascript_url():
    import re
    from pathlib import Path

    from django.conf import settings

    # a JSON data block (allauth's recovery-codes page) is never executed, so CSP and this rule let it pass
    script = r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>"
    inline = re.compile(script + r"|\son[a-z]+\s*=|javascript:", re.IGNORECASE)
    offenders = [
        str(path.relative_to(settings.BASE_DIR))
        for path in (settings.BASE_DIR / "templates").rglob("*.html")
        if "/pdf/" not in str(path) and inline.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert Path(settings.BASE_DIR / "static" / "js" / "app.js").exists()
