from django.urls import path

from emulation import (
    views_assessment,
    views_certificates,
    views_council,
    views_dashboard,
    views_eligibility,
    views_movements,
    views_nominations,
    views_pledges,
    views_ranking,
    views_scores,
    views_titles,
)

app_name = "emulation"

urlpatterns = [
    path("movements/", views_movements.movement_list, name="movements"),
    path("movements/new/", views_movements.movement_edit, name="movement_create"),
    path("movements/<int:pk>/", views_movements.movement_detail, name="movement_detail"),
    path("movements/<int:pk>/edit/", views_movements.movement_edit, name="movement_edit"),
    path("movements/<int:movement_pk>/items/new/", views_movements.commitment_item_edit, name="commitment_item_create"),
    path(
        "movements/<int:movement_pk>/items/<int:pk>/", views_movements.commitment_item_edit, name="commitment_item_edit"
    ),
    path("periods/<int:period_pk>/blocs/new/", views_movements.bloc_edit, name="bloc_create"),
    path("periods/<int:period_pk>/blocs/<int:pk>/", views_movements.bloc_edit, name="bloc_edit"),
    path("periods/new/", views_movements.period_edit, name="period_create"),
    path("periods/<int:pk>/", views_movements.period_detail, name="period_detail"),
    path("periods/<int:pk>/edit/", views_movements.period_edit, name="period_edit"),
    path("periods/<int:pk>/advance/", views_movements.period_advance, name="period_advance"),
    path("periods/<int:pk>/reopen/", views_movements.period_reopen, name="period_reopen"),
    path("periods/<int:pk>/scheme/", views_movements.scheme_detail, name="scheme_detail"),
    path("periods/<int:pk>/scheme/copy/", views_movements.scheme_copy, name="scheme_copy"),
    path("pledges/", views_pledges.pledge_list, name="pledges"),
    path("pledges/new/", views_pledges.pledge_start, name="pledge_start"),
    path("pledges/mine/", views_pledges.my_registrations, name="my_registrations"),
    path("pledges/<int:pk>/", views_pledges.pledge_detail, name="pledge_detail"),
    path("pledges/<int:pk>/edit/", views_pledges.pledge_edit, name="pledge_edit"),
    path("pledges/<int:pk>/registrations/", views_pledges.pledge_registrations, name="pledge_registrations"),
    path("pledges/<int:pk>/submit/", views_pledges.pledge_submit, name="pledge_submit"),
    path("pledges/<int:pk>/accept/", views_pledges.pledge_accept, name="pledge_accept"),
    path("pledges/<int:pk>/return/", views_pledges.pledge_return, name="pledge_return"),
    path("pledges/<int:pk>/sheet.pdf", views_pledges.pledge_pdf, name="pledge_pdf"),
    path("pledges/<int:pk>/self-assessment/", views_assessment.self_assessment, name="self_assessment"),
    path(
        "pledges/<int:pk>/self-assessment/<int:criterion_pk>/",
        views_assessment.self_assessment_claim,
        name="self_assessment_claim",
    ),
    path("self-assessment/to-verify/", views_assessment.verification_queue, name="verification_queue"),
    path("self-assessment/<int:pk>/verify/", views_assessment.self_assessment_verify, name="self_assessment_verify"),
    path(
        "self-assessment/<int:pk>/evidence/", views_assessment.self_assessment_evidence, name="self_assessment_evidence"
    ),
]

urlpatterns += [
    path("rankings/", views_ranking.ranking, name="ranking"),
    path("rankings/print.pdf", views_ranking.ranking_pdf, name="ranking_pdf"),
    path("dashboard/", views_dashboard.province_dashboard, name="dashboard"),
    path("scores/<int:period_pk>/units/<int:unit_pk>/", views_scores.score_detail, name="score_detail"),
    path("scores/units/<int:unit_pk>/", views_scores.unit_scores, name="unit_scores"),
]

urlpatterns += [
    path("eligibility/", views_eligibility.eligibility_index, name="eligibility"),
    path("eligibility/<int:period_pk>/", views_eligibility.eligibility_results, name="eligibility_results"),
    path("eligibility/<int:period_pk>/run/", views_eligibility.eligibility_run, name="eligibility_run"),
    path("eligibility/results/<int:pk>/", views_eligibility.eligibility_detail, name="eligibility_detail"),
]

urlpatterns += [
    path("nominations/", views_nominations.nomination_list, name="nominations"),
    path("nominations/new/", views_nominations.nomination_create, name="nomination_create"),
    path("nominations/<int:pk>/", views_nominations.nomination_detail, name="nomination_detail"),
    path("nominations/<int:pk>/edit/", views_nominations.nomination_edit, name="nomination_edit"),
    path("nominations/<int:pk>/attach/", views_nominations.nomination_attach, name="nomination_attach"),
    path(
        "nominations/<int:pk>/files/<int:attachment_pk>/",
        views_nominations.nomination_attachment,
        name="nomination_attachment",
    ),
    path("nominations/<int:pk>/vet/", views_nominations.nomination_vet, name="nomination_vet"),
    path("nominations/<int:pk>/return/", views_nominations.nomination_return, name="nomination_return"),
    path("nominations/<int:pk>/schedule/", views_nominations.nomination_schedule, name="nomination_schedule"),
    path("councils/", views_council.council_list, name="councils"),
    path("councils/<int:pk>/", views_council.council_detail, name="council_detail"),
    path("sessions/<int:pk>/", views_council.session_detail, name="session_detail"),
    path("sessions/<int:pk>/open/", views_council.session_open, name="session_open"),
    path("sessions/<int:pk>/attendance/", views_council.session_attendance, name="session_attendance"),
    path("sessions/<int:pk>/close/", views_council.session_close, name="session_close"),
    path("sessions/<int:pk>/minutes.pdf", views_council.session_minutes, name="session_minutes"),
    path("sessions/<int:pk>/ballots/<int:nomination_pk>/open/", views_council.ballot_open, name="ballot_open"),
    path("ballots/<int:pk>/", views_council.ballot_vote, name="ballot_vote"),
    path("ballots/<int:pk>/written/", views_council.ballot_written, name="ballot_written"),
    path("ballots/<int:pk>/close/", views_council.ballot_close, name="ballot_close"),
]
urlpatterns += [
    path("titles/", views_titles.title_catalogue, name="title_catalogue"),
    path("titles/history/", views_titles.title_history, name="title_history"),
    path("titles/<str:kind>/new/", views_titles.title_catalogue_edit, name="title_catalogue_add"),
    path("titles/<str:kind>/<int:pk>/", views_titles.title_catalogue_edit, name="title_catalogue_edit"),
    path("titles/rule-sets/<int:pk>/copy/", views_titles.rule_set_copy, name="rule_set_copy"),
]

from emulation import views_decisions  # noqa: E402

urlpatterns += [
    path("decisions/", views_decisions.decision_list, name="decisions"),
    path("decisions/new/", views_decisions.decision_create, name="decision_create"),
    path("decisions/<int:pk>/", views_decisions.decision_detail, name="decision_detail"),
    path("decisions/<int:pk>/edit/", views_decisions.decision_edit, name="decision_edit"),
    path("decisions/<int:pk>/recipients/new/", views_decisions.decision_add_recipient, name="decision_add_recipient"),
    path("decisions/<int:pk>/nominations/", views_decisions.decision_add_nominations, name="decision_add_nominations"),
    path("decisions/<int:pk>/sign/", views_decisions.decision_sign, name="decision_sign"),
    path("decisions/<int:pk>/annul/", views_decisions.decision_annul, name="decision_annul"),
    path("awards/", views_decisions.award_list, name="awards"),
    path("awards/<int:pk>/", views_decisions.award_detail, name="award_detail"),
    path("awards/<int:pk>/remove/", views_decisions.award_remove, name="award_remove"),
    path("awards/<int:pk>/revoke/", views_decisions.award_revoke, name="award_revoke"),
]

urlpatterns += [
    path("decisions/<int:pk>/certificates/", views_certificates.certificate_batch, name="certificate_batch"),
    path("decisions/<int:pk>/certificates/panel/", views_certificates.certificate_panel, name="certificate_panel"),
    path("decisions/<int:pk>/certificates/issue/", views_certificates.certificate_issue, name="certificate_issue"),
    path(
        "decisions/<int:pk>/certificates/<str:kind>/",
        views_certificates.certificate_batch_file,
        name="certificate_batch_file",
    ),
    path("certificates/", views_certificates.certificate_register, name="certificate_register"),
    path("certificates/mine/", views_certificates.my_certificates, name="my_certificates"),
    path("certificates/<int:pk>.pdf", views_certificates.certificate_pdf, name="certificate_pdf"),
    path("certificates/designs/", views_certificates.certificate_designs, name="certificate_designs"),
    path(
        "certificates/designs/<int:authority_pk>/",
        views_certificates.certificate_design_edit,
        name="certificate_design_edit",
    ),
]
