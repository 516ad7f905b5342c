"""The seeded consultation rules (Law Điều 84 khoản 5; Nghị định 98/2023 Điều 46 khoản 2; 10 working days): a vetted
nomination for CSTĐ toàn quốc or a Huân chương appears on the public page with its window counted in working days;
a draft never does, nor anything sensitive about the nominee (an investigation hold, a sensitive violation, the
vetting notes or the eligibility result)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from emulation.models import AwardForm, ConsultationRule, Nomination, NominationStatus, Title
from emulation.notices.services import consultations
from evaluations.records.models import InvestigationHold
from tests.emulation.council.helpers import make_nomination
from tests.emulation.factories import make_period
from tests.factories import make_person, make_user, make_violation, make_violation_type

pytestmark = pytest.mark.django_db

WEDNESDAY = timezone.make_aware(datetime.datetime(2026, 11, 25, 9, 0))


def test_the_high_forms_carry_a_ten_working_day_rule_for_each_decree_with_its_basis():
    for rule in ConsultationRule.objects.all():
        assert rule.days == 10 and rule.working_days
        assert "Điều 84 khoản 5" in rule.legal_basis
    ruled = {(r.title.code if r.title else r.award_form.code) for r in ConsultationRule.objects.in_force(WEDNESDAY)}
    assert ruled == {"CSTD_TQ", "HCLD_3", "AH_LD"}
    before = ConsultationRule.objects.in_force(datetime.date(2025, 3, 3))
    assert before.count() == 3 and all("Nghị định 98/2023/NĐ-CP, Điều 46 khoản 2" in r.legal_basis for r in before)
    # No national rule for the province's own titles: nothing to publish for CSTĐ tỉnh or Bằng khen.
    assert not ConsultationRule.objects.filter(title__code__in=["CSTD_TINH", "CSTDCS", "LDTT"]).exists()


@pytest.mark.parametrize(
    ("opens", "closes"),
    [
        (datetime.date(2026, 11, 25), datetime.date(2026, 12, 9)),  # Wed → 10 working days, weekends skipped
        (datetime.date(2026, 11, 28), datetime.date(2026, 12, 11)),  # a Saturday opening: Mon 30/11 is day one
        (datetime.date(2026, 11, 30), datetime.date(2026, 12, 14)),
    ],
)
def test_the_window_counts_working_days_from_the_day_after_it_opens(opens, closes):
    rule = ConsultationRule.objects.get(title__code="CSTD_TQ", effective_to__isnull=True)
    assert rule.closes(opens) == closes


@pytest.fixture
def nominations(tree):
    period = make_period()
    national = Title.objects.get(code="CSTD_TQ")
    nominee = make_person(unit=tree.sub, full_name="Lê Thị Hồng Nhung")
    make_nomination(
        person=nominee,
        title=national,
        period=period,
        vetted_at=WEDNESDAY,
        vetting_notes="Ghi chú nội bộ: chờ kết luận thanh tra",
        eligibility_summary="Chưa đủ: vi phạm nhạy cảm ngày 03/03/2026",
    )
    InvestigationHold.objects.create(person=nominee, starts_on=datetime.date(2026, 10, 1), reason="Đơn tố cáo số 12")
    sensitive = make_violation_type(name="Uống rượu bia giờ nghỉ trưa", sensitive=True)
    make_violation(type=sensitive, unit=tree.sub, person=nominee, description="Quán bia Hòa Bình, 12 giờ 15")
    make_nomination(
        person=make_person(unit=tree.sub, full_name="Võ Văn Dự Thảo"),
        title=national,
        period=period,
        status=NominationStatus.PROPOSED,
        vetted_at=WEDNESDAY,
    )
    Nomination.objects.create(
        period=period,
        unit=tree.sub,
        award_form=AwardForm.objects.get(code="HCLD_3"),
        proposed_by=make_user(),
        achievement_report="Báo cáo thành tích tập thể 2021–2025",
        status=NominationStatus.ON_AGENDA,
        vetted_at=WEDNESDAY,
    )
    make_nomination(  # CSTĐ tỉnh: no consultation rule, never published
        person=make_person(unit=tree.sub, full_name="Đinh Văn Không Công Khai"),
        title=Title.objects.get(code="CSTD_TINH"),
        period=period,
        vetted_at=WEDNESDAY,
    )


def test_a_vetted_national_nomination_shows_with_its_working_day_window_on_the_public_page(client, nominations, tree):
    page = client.get(reverse("emulation:notice_body", args=[tree.province.pk])).content.decode()
    assert "Lê Thị Hồng Nhung" in page and "Chiến sĩ thi đua toàn quốc" in page
    assert "25/11/2026 – 09/12/2026" in page
    assert "Huân chương Lao động hạng Ba" in page and tree.sub.name in page


def test_a_draft_and_anything_sensitive_about_the_nominee_never_appear(client, nominations, tree):
    page = client.get(reverse("emulation:notice_body", args=[tree.province.pk])).content.decode()
    hidden = [
        "Võ Văn Dự Thảo",
        "Đinh Văn Không Công Khai",
        "Ghi chú nội bộ",
        "vi phạm nhạy cảm",
        "Đơn tố cáo số 12",
        "Quán bia Hòa Bình",
        "Uống rượu bia",
        "Báo cáo thành tích tập thể",
    ]
    for text in hidden:
        assert text not in page, text
    assert [c.name for c in consultations(tree.province)] == ["Lê Thị Hồng Nhung", tree.sub.name]


def test_seeding_again_is_idempotent_and_skips_what_the_catalogue_lacks():
    from django.apps import apps

    from emulation.notices.seed import seed_consultation_rules

    AwardForm.objects.filter(code="AH_LD").delete()  # its rules go with it
    assert seed_consultation_rules(apps) == 4
    assert ConsultationRule.objects.count() == 4
