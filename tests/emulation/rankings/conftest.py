"""The rankings' shared world: a period with a bloc of departments and a cluster of districts, scored."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from emulation.models import Band, PeriodStatus
from tests.emulation.factories import make_movement, make_period, make_scheme
from tests.factories import make_bloc, make_score, make_unit


@pytest.fixture
def world(tree):
    """Năm 2025 of the office-culture movement: the departments' bloc (with Sở Nội vụ) and the districts' cluster."""
    movement = make_movement(name="Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở")
    period = make_period(movement=movement, name="Năm 2025", status=PeriodStatus.REVIEW)
    period.starts_on, period.ends_on = datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)
    period.save()
    scheme = make_scheme(period, min_inspections=2)
    bands = {
        name: Band.objects.create(scheme=scheme, code=code, name=name, min_total=Decimal(low))
        for code, name, low in [("XS", "Xuất sắc", 90), ("T", "Tốt", 80), ("K", "Khá", 70)]
    }
    justice = make_unit(name="Sở Tư pháp", parent=tree.province)
    building = make_unit(name="Sở Xây dựng", parent=tree.province)
    cu_jut = make_unit(name="Huyện Cư Jút", parent=tree.province)
    dak_mil = make_unit(name="Huyện Đắk Mil", parent=tree.province)
    departments = make_bloc(period, [tree.home, justice, building], name="Khối các sở, ban, ngành")
    districts = make_bloc(period, [cu_jut, dak_mil], name="Cụm các huyện phía Bắc")
    make_score(tree.home, period, total=Decimal("95"), band=bands["Xuất sắc"], rank=1, inspection_count=3)
    make_score(justice, period, total=Decimal("88"), band=bands["Tốt"], rank=2, inspection_count=2)
    make_score(
        building, period, total=Decimal("91"), band=bands["Xuất sắc"], insufficient_evidence=True, inspection_count=1
    )
    make_score(cu_jut, period, total=Decimal("88"), band=bands["Tốt"], rank=1, inspection_count=4)
    make_score(dak_mil, period, total=Decimal("88"), band=bands["Tốt"], rank=1, inspection_count=2)
    make_score(make_unit(name="Sở Y tế", parent=tree.province), period, total=Decimal("60"))  # no bloc: not ranked
    return SimpleNamespace(period=period, departments=departments, districts=districts, bands=bands)
