"""The administrators' scheme pages: who reaches them, creating, editing every kind of row, the criteria of a group,
copying to another period, the clear refusal once a period's results are frozen, and the recomputation asked."""

from decimal import Decimal

import pytest
from django.urls import reverse

from emulation.models import Band, PeriodStatus, ScoringScheme, VetoKind
from tests.emulation.factories import make_criterion, make_period, make_scheme
from tests.emulation.formdata import form_data, formset_data
from tests.factories import make_score, make_violation_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheme():
    scheme = make_scheme(make_period(status=PeriodStatus.IN_PROGRESS), name="Bảng điểm văn hóa công sở 2026")
    make_criterion(scheme, code="A1", name="Đeo thẻ công chức")
    scheme.bands.create(code="XS", name="Xuất sắc", min_total=Decimal("90"))
    return scheme


def edit_post(client, scheme, **changes):
    """The scheme page posted back as shown, with `changes` (field name → value) applied."""
    page = client.get(reverse("emulation:scheme_edit", args=[scheme.pk]))
    data = form_data(page.context["form"])
    for _prefix, _heading, formset in page.context["formsets"]:
        data.update(formset_data(formset))
    data.update(changes)
    return client.post(reverse("emulation:scheme_edit", args=[scheme.pk]), data)


def test_anonymous_users_are_sent_to_the_login(client, scheme):
    for url in (
        reverse("emulation:scheme_edit", args=[scheme.pk]),
        reverse("emulation:scheme_group_edit", args=[scheme.pk, scheme.groups.get().pk]),
        reverse("emulation:scheme_copy_to", args=[scheme.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("persona", ["unit_head", "council_member", "secretary", "outsider", "staff"])
def test_only_administrators_reach_a_scheme_and_a_refused_post_changes_nothing(login, personas, scheme, persona):
    client = login(getattr(personas, persona))
    group = scheme.groups.get()
    assert client.get(reverse("emulation:scheme_edit", args=[scheme.pk])).status_code == 403
    assert client.get(reverse("emulation:scheme_group_edit", args=[scheme.pk, group.pk])).status_code == 403
    assert client.post(reverse("emulation:scheme_copy_to", args=[scheme.pk]), {"name": "x"}).status_code == 403
    response = client.post(reverse("emulation:scheme_edit", args=[scheme.pk]), {"name": "Bị sửa"})
    assert response.status_code == 403
    scheme.refresh_from_db()
    assert scheme.name == "Bảng điểm văn hóa công sở 2026"


def test_the_list_shows_each_scheme_with_its_period_and_links_to_its_page(login, personas, scheme):
    page = login(personas.administrator).get(reverse("emulation:scheme_list")).content.decode()
    assert "Bảng điểm văn hóa công sở 2026" in page and scheme.period.name in page
    assert reverse("emulation:scheme_edit", args=[scheme.pk]) in page


def test_an_administrator_creates_a_scheme_for_a_period_that_has_none(login, personas, scheme):
    client = login(personas.administrator)
    period = make_period(movement=scheme.period.movement, name="Năm 2027", status=PeriodStatus.SETUP)
    form = client.get(reverse("emulation:scheme_create") + f"?period={period.pk}").context["form"]
    assert scheme.period not in form.fields["period"].queryset  # it has one already
    data = {"period": period.pk, "name": "Bảng điểm 2027", "max_total": "100", "bonus_cap": "10"}
    data |= {"min_inspections": "2", "tie_break_keys": "fewer_upheld_violations\nhigher_group_points:A"}
    response = client.post(reverse("emulation:scheme_create"), data)
    created = ScoringScheme.objects.get(period=period)
    assert response.url == reverse("emulation:scheme_edit", args=[created.pk])
    assert created.tie_break_keys == ["fewer_upheld_violations", "higher_group_points:A"]


def test_creating_refuses_a_taken_period_and_unknown_tie_break_keys_in_vietnamese(login, personas, scheme):
    client = login(personas.administrator)
    data = {"period": scheme.period.pk, "name": "Trùng", "max_total": "0", "bonus_cap": "-1", "min_inspections": "0"}
    data["tie_break_keys"] = "ai_to_hon"
    response = client.post(reverse("emulation:scheme_create"), data)
    errors = response.context["form"].errors
    assert "đã có bảng điểm" in errors["period"][0]
    assert "Khóa “ai_to_hon” không hợp lệ" in errors["tie_break_keys"][0]
    assert "lớn hơn 0" in errors["max_total"][0] and "không được âm" in errors["bonus_cap"][0]
    assert ScoringScheme.objects.count() == 1


def test_editing_saves_the_numbers_and_each_kind_of_row(login, personas, scheme):
    client = login(personas.administrator)
    alcohol = make_violation_type(name="Uống rượu, bia trong giờ làm việc")
    good = scheme.bands.get()
    changes = {"name": "Bảng điểm đã sửa", "bonus_cap": "8"}
    changes |= {"groups-1-code": "B", "groups-1-name": "Ý thức chấp hành", "groups-1-max_points": "30"}
    changes |= {"deductions-0-violation_type": alcohol.pk, "deductions-0-points_per_occurrence": "2"}
    changes |= {"deductions-0-cap": "6"}
    changes |= {"bonuses-0-code": "CO", "bonuses-0-description": "Cờ thi đua cấp tỉnh", "bonuses-0-points": "5"}
    changes |= {"bands-1-code": "T", "bands-1-name": "Tốt", "bands-1-min_total": "80"}
    changes |= {"vetoes-0-kind": VetoKind.VIOLATION_CAPS_BAND, "vetoes-0-description": "Rượu bia → tối đa Xuất sắc"}
    changes |= {"vetoes-0-violation_type": alcohol.pk, "vetoes-0-capped_band": good.pk}

    response = edit_post(client, scheme, **changes)

    assert response.status_code == 302
    scheme.refresh_from_db()
    assert (scheme.name, scheme.bonus_cap) == ("Bảng điểm đã sửa", Decimal("8"))
    assert scheme.groups.filter(code="B", name="Ý thức chấp hành").exists()
    assert scheme.deduction_rules.get().cap == Decimal("6")
    assert scheme.bonus_rules.get().description == "Cờ thi đua cấp tỉnh"
    assert set(scheme.bands.values_list("name", flat=True)) == {"Xuất sắc", "Tốt"}
    assert scheme.veto_rules.get().capped_band == good


def test_the_scheme_change_is_sent_for_recomputation(login, personas, scheme, monkeypatch):
    asked = []
    monkeypatch.setattr("emulation.scoring.receivers.enqueue", lambda task, *args: asked.append((task.name, args)))
    edit_post(login(personas.administrator), scheme, name="Bảng điểm mới")
    assert asked == [("emulation.scoring.tasks.recompute_period", (scheme.period_id,))]


def test_rows_are_validated_as_the_engine_reads_them(login, personas, scheme):
    client = login(personas.administrator)
    changes = {"vetoes-0-kind": VetoKind.VIOLATION_CAPS_BAND, "vetoes-0-description": "Thiếu căn cứ"}
    changes |= {"vetoes-TOTAL_FORMS": "2", "vetoes-1-kind": VetoKind.DISCIPLINE_BARS_COLLECTIVE_TITLES}
    changes |= {"vetoes-1-description": "Có người bị kỷ luật"}
    changes |= {"groups-1-code": "A", "groups-1-name": "Trùng mã", "groups-1-max_points": "-1"}
    response = edit_post(client, scheme, name="Không được lưu", **changes)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Chọn loại vi phạm làm phát sinh điều kiện này." in page
    assert "Chọn xếp loại cao nhất khi có vi phạm." in page
    assert "Không được âm." in page
    assert "Chọn mức kỷ luật từ đó không xét danh hiệu tập thể." in page
    scheme.refresh_from_db()
    assert scheme.name == "Bảng điểm văn hóa công sở 2026" and scheme.veto_rules.count() == 0


def test_a_band_still_used_by_a_veto_is_not_deleted(login, personas, scheme):
    client = login(personas.administrator)
    band = scheme.bands.get()
    alcohol = make_violation_type()
    scheme.veto_rules.create(
        kind=VetoKind.VIOLATION_CAPS_BAND, description="Giới hạn", violation_type=alcohol, capped_band=band
    )
    response = edit_post(client, scheme, **{"bands-0-DELETE": "on"})
    assert "đang được dùng trong điều kiện loại trừ" in response.content.decode()
    assert Band.objects.filter(pk=band.pk).exists()


def test_a_group_page_edits_its_criteria_with_kpi_rules_checked(login, personas, scheme):
    client = login(personas.administrator)
    group = scheme.groups.get()
    url = reverse("emulation:scheme_group_edit", args=[scheme.pk, group.pk])
    formset = client.get(url).context["formset"]
    data = formset_data(formset) | {"criteria-0-max_points": "12", "criteria-1-code": "A2"}
    data |= {"criteria-1-name": "Tỷ lệ hồ sơ đúng hạn", "criteria-1-max_points": "5", "criteria-1-step": "0.5"}
    data |= {"criteria-1-source": "kpi", "criteria-1-method": "kpi_threshold_linear", "criteria-1-position": "2"}
    response = client.post(url, data | {"criteria-0-step": "0"})
    page = response.content.decode()
    assert "Cách tính theo KPI cần chọn chỉ số KPI." in page and "Bước điểm phải lớn hơn 0." in page
    assert "cần cả ngưỡng đủ điểm và ngưỡng 0 điểm" in page
    data |= {"criteria-1-source": "manual", "criteria-1-method": "manual_entry"}
    assert client.post(url, data).status_code == 302
    assert dict(group.criteria.values_list("code", "max_points")) == {"A1": Decimal("12"), "A2": Decimal("5")}


def test_a_group_of_another_scheme_is_not_found(login, personas, scheme):
    other = make_scheme(make_period())
    group = make_criterion(other).group
    url = reverse("emulation:scheme_group_edit", args=[scheme.pk, group.pk])
    assert login(personas.administrator).get(url).status_code == 404


@pytest.mark.parametrize("status", [PeriodStatus.REVIEW, PeriodStatus.FINALIZED])
def test_a_frozen_or_finished_period_refuses_every_change_and_says_why(login, personas, tree, scheme, status):
    client = login(personas.administrator)
    period = scheme.period
    period.status = status
    period.save()
    make_score(tree.home, period, frozen=True)
    for url in (
        reverse("emulation:scheme_edit", args=[scheme.pk]),
        reverse("emulation:scheme_group_edit", args=[scheme.pk, scheme.groups.get().pk]),
    ):
        response = client.post(url, {"name": "Sửa lén"}, follow=True)
        page = response.content.decode()
        assert "không sửa được nữa" in page or "đã chốt" in page
    scheme.refresh_from_db()
    assert scheme.name == "Bảng điểm văn hóa công sở 2026"
    detail = client.get(reverse("emulation:scheme_detail", args=[period.pk])).content.decode()
    assert 'data-testid="scheme-locked"' in detail and reverse("emulation:scheme_edit", args=[scheme.pk]) not in detail


def test_a_scheme_is_copied_to_a_new_year_and_opens_for_editing(login, personas, scheme):
    client = login(personas.administrator)
    target = make_period(movement=scheme.period.movement, name="Năm 2027", status=PeriodStatus.SETUP)
    frozen = make_period(movement=scheme.period.movement, name="Năm 2025", status=PeriodStatus.FINALIZED)
    url = reverse("emulation:scheme_copy_to", args=[scheme.pk])
    assert frozen not in client.get(url).context["form"].fields["period"].queryset
    response = client.post(url, {"period": target.pk, "name": ""})
    copy = ScoringScheme.objects.get(period=target)
    assert response.url == reverse("emulation:scheme_edit", args=[copy.pk])
    assert copy.copied_from == scheme and copy.groups.get().criteria.get().name == "Đeo thẻ công chức"
    refused = client.post(url, {"period": frozen.pk})
    assert "đã kết thúc" in refused.context["form"].errors["period"][0]


def test_a_period_without_a_scheme_copies_the_previous_one_and_opens_it_for_editing(login, personas, scheme):
    client = login(personas.administrator)
    target = make_period(movement=scheme.period.movement, name="Năm 2027", status=PeriodStatus.SETUP)
    detail = client.get(reverse("emulation:scheme_detail", args=[target.pk])).content.decode()
    assert reverse("emulation:scheme_copy", args=[target.pk]) in detail
    assert reverse("emulation:scheme_create") + f"?period={target.pk}" in detail
    response = client.post(reverse("emulation:scheme_copy", args=[target.pk]), {"source": scheme.pk})
    assert response.url == reverse("emulation:scheme_edit", args=[ScoringScheme.objects.get(period=target).pk])


def test_the_list_filters_by_movement_and_name(login, personas, scheme):
    client = login(personas.administrator)
    other = make_scheme(make_period(), name="Bảng điểm phong trào khác")
    url = reverse("emulation:scheme_list")
    by_movement = client.get(url, {"movement": scheme.period.movement_id}).context["table"]
    assert [row.record for row in by_movement.rows] == [scheme]
    assert [row.record for row in client.get(url, {"q": "khác"}).context["table"].rows] == [other]
