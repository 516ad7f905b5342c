"""The public notice pages (no login) and the Atom feed of newly signed decisions."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from emulation.notices.services import consultations, public_bodies, public_recipients, published_decisions
from units.models import Unit

FEED_SIZE = 30


@require_GET
def notice_index(request):
    return render(request, "emulation/notices/notice_index.html", {"bodies": public_bodies()})


@require_GET
def notice_body(request, pk):
    body = get_object_or_404(Unit, pk=pk)
    decisions = [(decision, public_recipients(decision)) for decision in published_decisions(body)]
    context = {"body": body, "consultations": consultations(body), "decisions": decisions}
    return render(request, "emulation/notices/notice_body.html", context)


class DecisionFeed(Feed):
    """Atom feed of the newest signed decisions: number, date, body, subject and the number of recipients."""

    feed_type = Atom1Feed
    title = gettext_lazy("Quyết định khen thưởng mới ban hành")
    subtitle = gettext_lazy("Các quyết định khen thưởng đã ký ban hành, công khai theo quy định.")

    def link(self):
        return reverse("emulation:notices")

    def items(self):
        return published_decisions()[:FEED_SIZE]

    def item_title(self, item):
        return f"{item} — {item.unit.name}"

    def item_description(self, item):
        count = len(public_recipients(item))
        return _("%(subject)s (%(count)s người, tập thể được khen thưởng)") % {"subject": item.subject, "count": count}

    def item_link(self, item):
        return reverse("emulation:notice_body", args=[item.unit_id]) + f"#decision-{item.pk}"

    def item_updateddate(self, item):
        return item.signed_at
