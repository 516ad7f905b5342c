"""URLs of council, included in `emulation.urls` (namespace `emulation`)."""

from django.urls import path

from emulation.council import nomination_views, views
from emulation.council.admin_pages import urls as admin_pages

urlpatterns = [
    path("nominations/", nomination_views.nomination_list, name="nominations"),
    path("nominations/new/", nomination_views.nomination_create, name="nomination_create"),
    path("nominations/<int:pk>/", nomination_views.nomination_detail, name="nomination_detail"),
    path("nominations/<int:pk>/edit/", nomination_views.nomination_edit, name="nomination_edit"),
    path("nominations/<int:pk>/attach/", nomination_views.nomination_attach, name="nomination_attach"),
    path(
        "nominations/<int:pk>/files/<int:attachment_pk>/",
        nomination_views.nomination_attachment,
        name="nomination_attachment",
    ),
    path("nominations/<int:pk>/vet/", nomination_views.nomination_vet, name="nomination_vet"),
    path("nominations/<int:pk>/return/", nomination_views.nomination_return, name="nomination_return"),
    path("nominations/<int:pk>/schedule/", nomination_views.nomination_schedule, name="nomination_schedule"),
    path("councils/", views.council_list, name="councils"),
    path("councils/<int:pk>/", views.council_detail, name="council_detail"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/open/", views.session_open, name="session_open"),
    path("sessions/<int:pk>/attendance/", views.session_attendance, name="session_attendance"),
    path("sessions/<int:pk>/close/", views.session_close, name="session_close"),
    path("sessions/<int:pk>/quota/", views.session_quota, name="session_quota"),
    path("sessions/<int:pk>/minutes.pdf", views.session_minutes, name="session_minutes"),
    path("sessions/<int:pk>/ballots/<int:nomination_pk>/open/", views.ballot_open, name="ballot_open"),
    path("ballots/<int:pk>/", views.ballot_vote, name="ballot_vote"),
    path("ballots/<int:pk>/written/", views.ballot_written, name="ballot_written"),
    path("ballots/<int:pk>/close/", views.ballot_close, name="ballot_close"),
    *admin_pages.urlpatterns,
]
