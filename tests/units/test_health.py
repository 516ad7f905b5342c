"""The health check: a trivial page anyone may ask (load balancers, the page benchmark's floor)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_health_check_answers_ok_to_anyone_and_refuses_a_post(client):
    response = client.get(reverse("health"))
    assert (response.status_code, response.content, response["Content-Type"]) == (200, b"ok", "text/plain")
    assert client.post(reverse("health")).status_code == 405
