from units.models import Notification, Role
from units.permissions import can_browse_units, has_role


def navigation(request):
    """What the top bar needs: unread count and which menus the user's roles open. Worked out once per request:
    django-tables2's `{% render_table %}` renders its template with the request again, which would run every
    context processor a second time."""
    if not hasattr(request, "_navigation"):
        request._navigation = _navigation(request.user)
    return request._navigation


def _navigation(user):
    if not user.is_authenticated:
        return {}
    return {
        "unread_count": Notification.objects.filter(user=user).unread().count(),
        "nav": {
            "units": can_browse_units(user),
            "admin": has_role(user, Role.ADMINISTRATOR),
            "inspections": has_role(user, Role.ADMINISTRATOR, Role.INSPECTOR, Role.UNIT_HEAD, Role.UNIT_CLERK),
            "emulation": can_browse_units(user),
            "council": has_role(user, Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY, Role.ADMINISTRATOR),
            "unit_head": has_role(user, Role.UNIT_HEAD, Role.UNIT_CLERK),
            "inspector": has_role(user, Role.INSPECTOR, Role.ADMINISTRATOR),
        },
    }
