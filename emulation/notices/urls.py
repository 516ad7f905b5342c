"""URLs of the public notices, included in `emulation.urls` (namespace `emulation`); no login by design."""

from django.urls import path

from emulation.notices import views

urlpatterns = [
    path("notices/", views.notice_index, name="notices"),
    path("notices/<int:pk>/", views.notice_body, name="notice_body"),
    path("notices/feed/", views.DecisionFeed(), name="notices_feed"),
]
