from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from units.models import Notification, Person, Reorganisation, ReorganisationChange, RoleAssignment, Unit, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password", "full_name"]}),
        (_("Quyền"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Thời điểm"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]})]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "kind", "parent", "valid_from", "valid_to", "successor"]
    list_filter = ["level", "kind"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent", "successor", "further_successors"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["code", "full_name", "unit", "position", "category", "user"]
    list_filter = ["category", "unit__level"]
    search_fields = ["code", "full_name"]
    autocomplete_fields = ["unit", "user"]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "unit", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "unit__name"]
    autocomplete_fields = ["user", "unit"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "title", "created_at", "read_at", "emailed_at"]
    search_fields = ["user__email", "title"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that change only through their services (workflows, computed results) are shown, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReorganisationChangeInline(admin.TabularInline):
    model = ReorganisationChange
    fields = ["position", "kind", "description"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Reorganisation)
class ReorganisationAdmin(ReadOnlyAdmin):
    list_display = ["resolution_number", "kind", "resolution_date", "effective_on", "status"]
    list_filter = ["kind", "status"]
    inlines = [ReorganisationChangeInline]
