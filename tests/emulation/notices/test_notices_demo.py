"""The demo's public notices page shows a real consultation: two vetted nominations for forms the seeded rules
publish, with their 10-working-day window; the builder loads twice alike."""

import pytest
from django.urls import reverse
from django.utils.module_loading import import_string

from emulation.models import Nomination
from units.models import Unit

pytestmark = pytest.mark.django_db

BUILDERS = ["units.demo.build_demo", "emulation.pledges.demo.build_demo", "emulation.notices.demo.build_demo"]


def test_the_demo_province_page_lists_its_nominations_under_consultation(client):
    for path in BUILDERS:
        import_string(path)()
    assert import_string(BUILDERS[-1])() == {"nominations under public consultation": 2}
    assert Nomination.objects.count() == 2
    province = Unit.objects.get(code="LDG")  # Đắk Nông merged into Lâm Đồng on 01/07/2025
    rows = client.get(reverse("emulation:notice_body", args=[province.pk])).content.decode()
    assert rows.count("23/11/2026 – 07/12/2026") == 2
    assert "Chiến sĩ thi đua toàn quốc" in rows and "Huân chương Lao động hạng Ba" in rows
    assert "Sở Giáo dục và Đào tạo" in rows and "Cờ thi đua của UBND tỉnh năm 2024" not in rows


def test_without_the_demo_province_nothing_is_built():
    assert import_string(BUILDERS[-1])() == {"nominations under public consultation": 0}
