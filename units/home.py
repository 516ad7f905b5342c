"""What needs a user's attention on the home page: real counts from real records.

Later apps register their own providers in ATTENTION_PROVIDERS (dotted paths) so `units` never imports upward.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from units.models import Notification, Person, Role
from units.permissions import has_role


def units_attention(user) -> list[dict]:
    items = []
    unread = Notification.objects.filter(user=user).unread().count()
    items.append({"label": _("Thông báo chưa đọc"), "count": unread, "url": reverse("units:notifications")})
    if has_role(user, Role.ADMINISTRATOR):
        without_login = Person.objects.for_user(user).filter(user__isnull=True, active=True).count()
        items.append({"label": _("Cán bộ chưa có tài khoản"), "count": without_login, "url": reverse("units:people")})
    return items


def attention_items(user) -> list[dict]:
    items = units_attention(user)
    for path in getattr(settings, "ATTENTION_PROVIDERS", []):
        items.extend(import_string(path)(user))
    return items
