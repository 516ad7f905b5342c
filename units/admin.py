from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from units.audit.log import record_event
from units.audit.models import EventKind
from units.models import Notification, Person, Reorganisation, ReorganisationChange, RoleAssignment, Unit, User
from units.services import change_role, grant_role, remove_role

# The User admin's own flags that confer powers: changing one is a role granted or removed, logged as the app does.
POWER_FLAGS = {"is_superuser": _("Quản trị tối cao (superuser)"), "is_staff": _("Truy cập trang quản trị Django")}


class RolesRemovedOnDelete:
    """Deleting a user or a unit deletes its role assignments (cascade): each is removed through the service first,
    so the log records it."""

    def delete_model(self, request, obj):
        _remove_roles(request, RoleAssignment.objects.filter(**{self.role_owner: obj}))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        _remove_roles(request, RoleAssignment.objects.filter(**{f"{self.role_owner}__in": queryset}))
        super().delete_queryset(request, queryset)


def _remove_roles(request, assignments) -> None:
    for assignment in assignments.select_related("user", "unit"):
        remove_role(assignment=assignment, by=request.user)


@admin.register(User)
class UserAdmin(RolesRemovedOnDelete, BaseUserAdmin):
    role_owner = "user"
    ordering = ["email"]
    list_display = ["email", "full_name", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password", "full_name"]}),
        (_("Quyền"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Thời điểm"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]})]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for flag, label in POWER_FLAGS.items():
            if flag in form.changed_data:
                kind = EventKind.ROLE_GRANTED if getattr(obj, flag) else EventKind.ROLE_REMOVED
                data = {"user": obj.pk, "role": flag, "unit": None, "via": "admin"}
                record_event(
                    kind=kind, target=("units.user", obj.pk), by=request.user, summary=f"{obj} – {label}", data=data
                )


@admin.register(Unit)
class UnitAdmin(RolesRemovedOnDelete, admin.ModelAdmin):
    role_owner = "unit"
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

    # Roles granted, changed or removed here go through the same services as the app's role pages, so each one is
    # written to the audit log; a changed assignment is logged as the old role removed and the new one granted.
    def save_model(self, request, obj, form, change):
        if not change:
            grant_role(assignment=obj, by=request.user)
        elif form.changed_data:
            change_role(assignment=obj, by=request.user)

    def delete_model(self, request, obj):
        remove_role(assignment=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        _remove_roles(request, queryset)


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
