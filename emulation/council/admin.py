"""Admin pages of the council (imported by emulation.admin): vote rules as data, councils with their members.

Sessions, nominations and sealed ballots are shown read-only: they change only through the services. Votes are not
in the admin at all (a secret ballot's papers must not be browsable next to who voted).
"""

from django.contrib import admin

from emulation.council.models.ballots import Ballot
from emulation.council.models.council import Council, CouncilMember, Session, VoteRule
from emulation.council.models.nominations import Nomination
from units.admin import ReadOnlyAdmin


@admin.register(VoteRule)
class VoteRuleAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "secret",
        "written_votes_for_absent",
        "quorum_pct",
        "award_session_quorum_pct",
        "tie_break",
        "effective_from",
        "effective_to",
        "active",
    )
    list_filter = ("active", "base", "secret", "tie_break")
    search_fields = ("title__name", "award_form__name", "legal_basis")


class CouncilMemberInline(admin.TabularInline):
    model = CouncilMember
    extra = 0
    autocomplete_fields = ("user", "person")


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ("name", "scope", "secretary", "establishing_decision")
    search_fields = ("name", "scope__name")
    autocomplete_fields = ("scope", "secretary")
    inlines = [CouncilMemberInline]


@admin.register(Session)
class SessionAdmin(ReadOnlyAdmin):
    list_display = ("council", "date", "status", "quorum_present", "quorum_total", "quorum_met")
    list_filter = ("status", "council")


@admin.register(Nomination)
class NominationAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "period", "status", "session")
    list_filter = ("status",)
    search_fields = ("person__full_name", "unit__name")


@admin.register(Ballot)
class BallotAdmin(ReadOnlyAdmin):
    list_display = ("nomination", "session", "round", "secret", "agree_count", "disagree_count", "outcome")
    list_filter = ("outcome", "secret")
    exclude = ("recused",)
