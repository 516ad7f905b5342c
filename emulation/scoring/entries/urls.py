"""URLs of council points and bonus grants, included in `emulation.scoring.urls`."""

from django.urls import path

from emulation.scoring.entries.views import BONUS_GRANTS, COUNCIL_POINTS, entry_delete, entry_edit, entry_list

urlpatterns = []
for prefix, kind in (("manage/council-points/", COUNCIL_POINTS), ("manage/bonus-grants/", BONUS_GRANTS)):
    urlpatterns += [
        path(prefix, entry_list, {"kind": kind}, name=f"{kind.url}_list"),
        path(f"{prefix}new/", entry_edit, {"kind": kind}, name=f"{kind.url}_create"),
        path(f"{prefix}<int:pk>/", entry_edit, {"kind": kind}, name=f"{kind.url}_edit"),
        path(f"{prefix}<int:pk>/delete/", entry_delete, {"kind": kind}, name=f"{kind.url}_delete"),
    ]
