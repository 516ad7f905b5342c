"""Nominations: proposed by the unit head with a dossier, vetted by the secretary with eligibility re-checked by
the engine, returned with a reason, placed on a session's agenda; and who may do each through the pages."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from emulation.council import nominations as services
from emulation.models import AwardForm, EligibilityResult, Nomination, NominationStatus, PeriodStatus, Session
from tests import files
from tests.emulation.council.helpers import SESSION_DAY, attach, make_council, make_rule
from tests.emulation.eligibility.helpers import make_team, register, title
from tests.emulation.factories import make_period
from units.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(tree, personas):
    period = make_period()
    council = make_council(tree.province, size=3, secretary=personas.secretary, name="Hội đồng TĐKT tỉnh")
    session = Session.objects.create(council=council, date=SESSION_DAY)
    # LĐTT and Bằng khen have no national vote rule: the province adds its own.
    make_rule(title("LDTT"), legal_basis="Quy chế của tỉnh (thử nghiệm)")
    make_rule(None, award_form=AwardForm.objects.get(code="BK_TINH"), legal_basis="Quy chế của tỉnh (thử nghiệm)")
    return SimpleNamespace(period=period, council=council, session=session)


def propose(world, person, code="LDTT", by=None):
    return services.propose_nomination(
        period=world.period, person=person, title=title(code), achievement_report="Hoàn thành tốt nhiệm vụ.", by=by
    )


def eligible_person(world, tree, rating="httnv"):
    """A person of a unit under Sở Nội vụ, rated `rating`, registered for Lao động tiên tiến."""
    unit, (person,), pledge = make_team(world.period, 1, rating=rating)
    unit.parent = tree.home
    unit.save()
    register(pledge, person, "LDTT")
    person.refresh_from_db()
    return person


def test_a_unit_head_proposes_a_person_once_per_title_and_period(world, personas):
    staff = personas.staff.person
    nomination = propose(world, staff, by=personas.unit_head)
    assert (nomination.status, nomination.unit) == (NominationStatus.PROPOSED, staff.unit)
    with pytest.raises(ValidationError, match="đã được đề nghị"):
        propose(world, staff, by=personas.unit_head)


def test_an_individual_title_is_refused_for_a_collective(world, tree, personas):
    with pytest.raises(ValidationError, match="không dành cho đối tượng này"):
        services.propose_nomination(
            period=world.period, unit=tree.home, title=title("LDTT"), achievement_report="x", by=personas.unit_head
        )


def test_no_nomination_in_a_finalized_period(world, personas):
    world.period.status = PeriodStatus.FINALIZED
    world.period.save()
    with pytest.raises(ValidationError, match="đã kết thúc"):
        propose(world, personas.staff.person, by=personas.unit_head)


def test_vetting_needs_a_complete_dossier(world, tree, personas):
    nomination = propose(world, eligible_person(world, tree), by=personas.unit_head)
    with pytest.raises(ValidationError, match="chưa có tài liệu đính kèm"):
        services.vet_nomination(nomination=nomination, by=personas.secretary)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.PROPOSED


def test_vetting_re_runs_a_stale_eligibility_result_and_accepts_an_eligible_person(world, tree, personas):
    nomination = propose(world, eligible_person(world, tree), by=personas.unit_head)
    attach(nomination)
    EligibilityResult.objects.update(stale=True)
    services.vet_nomination(nomination=nomination, by=personas.secretary, notes="Hồ sơ đầy đủ")
    nomination.refresh_from_db()
    assert (nomination.status, nomination.eligibility_met) == (NominationStatus.VETTED, True)
    assert "Hoàn thành tốt nhiệm vụ" in nomination.eligibility_summary


def test_vetting_refuses_a_person_who_does_not_meet_the_title(world, tree, personas):
    nomination = propose(world, eligible_person(world, tree, rating="htnv"), by=personas.unit_head)
    attach(nomination)
    with pytest.raises(ValidationError, match="Chưa đủ điều kiện danh hiệu"):
        services.vet_nomination(nomination=nomination, by=personas.secretary)
    nomination.refresh_from_db()
    assert (nomination.status, nomination.eligibility_met) == (NominationStatus.PROPOSED, False)


def test_a_returned_nomination_tells_the_proposer_and_goes_back_after_revision(world, tree, personas):
    nomination = propose(world, personas.staff.person, by=personas.unit_head)
    services.return_nomination(nomination=nomination, by=personas.secretary, notes="Thiếu tờ trình")
    assert Notification.objects.filter(user=personas.unit_head, body="Thiếu tờ trình").exists()
    services.revise_nomination(nomination=nomination, achievement_report="Bổ sung tờ trình", by=personas.unit_head)
    assert nomination.status == NominationStatus.PROPOSED


def test_only_a_vetted_nomination_within_the_councils_scope_goes_on_the_agenda(world, tree, personas):
    nomination = propose(world, eligible_person(world, tree), by=personas.unit_head)
    with pytest.raises(ValidationError, match="đã được thẩm định"):
        services.place_on_agenda(nomination=nomination, session=world.session, by=personas.secretary)
    attach(nomination)
    services.vet_nomination(nomination=nomination, by=personas.secretary)
    elsewhere = make_council(tree.other, size=1, secretary=personas.secretary)
    other_session = Session.objects.create(council=elsewhere, date=SESSION_DAY)
    with pytest.raises(ValidationError, match="phạm vi"):
        services.place_on_agenda(nomination=nomination, session=other_session, by=personas.secretary)
    services.place_on_agenda(nomination=nomination, session=world.session, by=personas.secretary)
    assert (nomination.status, nomination.session) == (NominationStatus.ON_AGENDA, world.session)


def test_scheduling_from_the_page_says_which_session_it_joined(login, world, tree, personas):
    nomination = propose(world, eligible_person(world, tree), by=personas.unit_head)
    attach(nomination)
    services.vet_nomination(nomination=nomination, by=personas.secretary)
    url = reverse("emulation:nomination_schedule", args=[nomination.pk])
    page = login(personas.secretary).post(url, {"session": world.session.pk}, follow=True).content.decode()
    assert f"Đã đưa đề nghị vào chương trình phiên họp ngày {world.session.date:%d/%m/%Y}." in page


# --- pages ----------------------------------------------------------------------------------------------------------


def test_anonymous_users_are_sent_to_login(client, world, personas):
    nomination = propose(world, personas.staff.person, by=personas.unit_head)
    for url in [
        reverse("emulation:nominations"),
        reverse("emulation:nomination_create"),
        reverse("emulation:nomination_detail", args=[nomination.pk]),
    ]:
        assert "/accounts/login/" in client.get(url)["Location"]
    for name in ["nomination_vet", "nomination_return", "nomination_schedule", "nomination_attach"]:
        response = client.post(reverse(f"emulation:{name}", args=[nomination.pk]))
        assert "/accounts/login/" in response["Location"]


def test_the_unit_head_proposes_through_the_form_and_attaches_a_document(login, world, personas):
    client = login(personas.unit_head)
    data = {
        "period": world.period.pk,
        "unit": personas.staff.person.unit_id,
        "person": personas.staff.person.pk,
        "title": title("LDTT").pk,
        "achievement_report": "Hoàn thành tốt nhiệm vụ năm 2026.",
    }
    response = client.post(reverse("emulation:nomination_create"), data)
    nomination = Nomination.objects.get()
    assert response["Location"] == reverse("emulation:nomination_detail", args=[nomination.pk])
    upload = SimpleUploadedFile("to-trinh.pdf", files.pdf_bytes(), content_type="application/pdf")
    attached = client.post(
        reverse("emulation:nomination_attach", args=[nomination.pk]), {"name": "Tờ trình", "file": upload}, follow=True
    )
    assert "Đã đính kèm tài liệu vào hồ sơ." in attached.content.decode()
    assert list(nomination.attachments.values_list("name", flat=True)) == ["Tờ trình"]
    page = client.get(reverse("emulation:nomination_detail", args=[nomination.pk])).content.decode()
    assert "Nguyễn Thị Hương Trà" in page and "Tờ trình" in page
    file_url = reverse("emulation:nomination_attachment", args=[nomination.pk, nomination.attachments.get().pk])
    assert file_url in page
    assert b"".join(client.get(file_url).streaming_content) == files.pdf_bytes()
    assert login(personas.outsider).get(file_url).status_code == 404
    client.logout()
    assert "/accounts/login/" in client.get(file_url)["Location"]


def test_a_script_file_is_refused_in_the_dossier(login, world, personas):
    nomination = propose(world, personas.staff.person, by=personas.unit_head)
    upload = SimpleUploadedFile("x.html", b"<script></script>", content_type="text/html")
    login(personas.unit_head).post(reverse("emulation:nomination_attach", args=[nomination.pk]), {"file": upload})
    assert not nomination.attachments.exists()


def test_outsiders_see_no_nomination_and_staff_cannot_propose(login, world, personas):
    nomination = propose(world, personas.staff.person, by=personas.unit_head)
    outsider = login(personas.outsider)
    assert outsider.get(reverse("emulation:nomination_detail", args=[nomination.pk])).status_code == 404
    assert "Nguyễn Thị Hương Trà" not in outsider.get(reverse("emulation:nominations")).content.decode()
    assert login(personas.inspector).get(reverse("emulation:nomination_create")).status_code == 403


def test_only_the_secretary_vets_returns_and_schedules(login, world, personas):
    nomination = propose(world, personas.staff.person, by=personas.unit_head)
    head = login(personas.unit_head)
    for name in ["nomination_vet", "nomination_return", "nomination_schedule"]:
        assert head.post(reverse(f"emulation:{name}", args=[nomination.pk]), {"notes": "x"}).status_code == 403
    member = world.council.members.first().user
    assert login(member).post(reverse("emulation:nomination_vet", args=[nomination.pk])).status_code == 403
    secretary = login(personas.secretary)
    secretary.post(reverse("emulation:nomination_return", args=[nomination.pk]), {"notes": "Thiếu tờ trình"})
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.RETURNED


def test_the_secretary_sees_why_vetting_was_refused(login, world, tree, personas):
    nomination = propose(world, eligible_person(world, tree, rating="htnv"), by=personas.unit_head)
    attach(nomination)
    response = login(personas.secretary).post(reverse("emulation:nomination_vet", args=[nomination.pk]), follow=True)
    assert "Chưa đủ điều kiện danh hiệu" in response.content.decode()


def test_a_council_member_sees_nominations_in_scope_and_the_proposer_cannot_edit_after_vetting(
    login, world, tree, personas
):
    nomination = propose(world, eligible_person(world, tree), by=personas.unit_head)
    attach(nomination)
    services.vet_nomination(nomination=nomination, by=personas.secretary)
    member = world.council.members.first().user
    assert login(member).get(reverse("emulation:nomination_detail", args=[nomination.pk])).status_code == 200
    response = login(personas.unit_head).post(
        reverse("emulation:nomination_edit", args=[nomination.pk]), {"achievement_report": "Sửa"}, follow=True
    )
    assert "không sửa được nữa" in response.content.decode()


def test_a_collective_proposed_for_an_award_form_is_vetted_on_its_dossier_alone(world, tree, personas):
    nomination = services.propose_nomination(
        period=world.period,
        unit=tree.home,
        award_form=AwardForm.objects.get(code="BK_TINH"),
        achievement_report="Tập thể hoàn thành xuất sắc nhiệm vụ hai năm liền.",
        by=personas.unit_head,
    )
    attach(nomination)
    services.vet_nomination(nomination=nomination, by=personas.secretary)
    assert nomination.eligibility_met is None and "không xét theo bộ tiêu chuẩn" in nomination.eligibility_summary
    services.place_on_agenda(nomination=nomination, session=world.session, by=personas.secretary)
    assert nomination.status == NominationStatus.ON_AGENDA


def test_the_engine_suggests_eligible_people_until_they_are_nominated(login, world, tree, personas):
    person = eligible_person(world, tree)
    services.recheck_eligibility(propose(world, person, by=personas.unit_head))  # runs the engine once
    Nomination.objects.all().delete()
    client = login(personas.unit_head)
    page = client.get(reverse("emulation:nominations")).content.decode()
    suggestions = page.split('data-testid="suggestions"')[1].split("</details>")[0]
    assert person.full_name in suggestions and "Lao động tiên tiến" in suggestions
    form = client.get(reverse("emulation:nomination_create") + f"?period={world.period.pk}&person={person.pk}")
    assert f'<option value="{person.pk}" selected>' in form.content.decode()
    propose(world, person, by=personas.unit_head)
    assert 'data-testid="suggestions"' not in client.get(reverse("emulation:nominations")).content.decode()


def test_the_nomination_list_shows_fifty_a_page_with_a_way_to_the_next(login, world, personas):
    first = propose(world, personas.staff.person, by=personas.unit_head)
    Nomination.objects.bulk_create(
        [Nomination(period=first.period, title=first.title, person=first.person, unit=first.unit,
                    proposed_by=first.proposed_by, achievement_report="Hoàn thành tốt nhiệm vụ.") for _ in range(54)]
    )  # fmt: skip
    client = login(personas.unit_head)
    page = client.get(reverse("emulation:nominations")).content.decode()
    assert page.count('data-testid="nomination-row"') == 50
    assert "Trang 1/2" in page and "55 đề nghị" in page and "?page=2" in page
    second = client.get(reverse("emulation:nominations") + "?page=2").content.decode()
    assert second.count('data-testid="nomination-row"') == 5 and "?page=1" in second
    few = client.get(reverse("emulation:nominations") + "?status=vetted").content.decode()
    assert 'data-testid="nomination-pages"' not in few
