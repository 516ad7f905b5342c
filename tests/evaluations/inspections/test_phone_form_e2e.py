"""The phone form in a real browser: ticks save at once, a lost connection loses nothing, unsent text survives a
reload, and the page fits a 390-px screen."""

import pytest
from django.urls import reverse

from evaluations.models import ItemResult
from tests.e2e.conftest import browser, log_in, phone  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_inspector_ticks_offline_and_nothing_is_lost(phone, personas, inspection, catalogue):  # noqa: F811
    log_in(phone, personas.inspector.email)
    phone.goto(reverse("evaluations:inspection_conduct", args=[inspection.pk]))
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390

    phone.locator(f"label[for=i{catalogue.id01.pk}-fail]").click()
    phone.get_by_test_id("item-ID-01").get_by_text("Đã lưu").wait_for()
    assert ItemResult.objects.get(item=catalogue.id01).outcome == "fail"

    phone.context.set_offline(True)
    phone.locator(f"label[for=i{catalogue.al01.pk}-pass]").click()
    phone.get_by_test_id("item-AL-01").get_by_text("Chưa gửi được").wait_for()
    assert not ItemResult.objects.filter(item=catalogue.al01).exists()
    phone.context.set_offline(False)
    phone.get_by_test_id("item-AL-01").get_by_text("Đã lưu").wait_for()
    assert ItemResult.objects.get(item=catalogue.al01).outcome == "pass"


def test_an_unsent_violation_description_survives_a_reload(phone, personas, inspection, catalogue):  # noqa: F811
    log_in(phone, personas.inspector.email)
    url = reverse("evaluations:inspection_conduct", args=[inspection.pk])
    phone.goto(url)
    phone.locator("textarea[name=description]").fill("Cán bộ tiếp dân không đeo thẻ")
    token = phone.locator("input[name=token]").last.input_value()
    phone.reload()
    assert phone.locator("textarea[name=description]").input_value() == "Cán bộ tiếp dân không đeo thẻ"
    assert phone.locator("input[name=token]").last.input_value() == token  # a resend stays the same record
