import pytest

from emulation.models import Title

pytestmark = pytest.mark.django_db


def test_the_titles_pledges_name_are_seeded_with_their_legal_basis():
    individual = set(Title.objects.individual().values_list("name", flat=True))
    collective = set(Title.objects.collective().values_list("name", flat=True))
    assert {"Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cấp tỉnh"} <= individual
    assert {"Tập thể lao động tiên tiến", "Tập thể lao động xuất sắc", "Cờ thi đua cấp tỉnh"} <= collective
    assert Title.objects.get(code="TTLDXS").legal_basis.endswith("Điều 27")
