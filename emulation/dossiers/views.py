"""Dossier documents of a nomination, for whoever may see the nomination (its access rules, nothing wider)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from emulation.council.models.nominations import Nomination
from emulation.council.permissions import get_nomination_for_user
from emulation.dossiers.documents import KINDS, document_kind, render_document_pdf, render_docx

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@login_required
@require_GET
def dossier_document(request, pk, slug, fmt):
    nomination = get_nomination_for_user(request.user, pk)
    if slug not in KINDS or fmt not in CONTENT_TYPES:
        raise Http404
    kind = document_kind(nomination, slug)
    visible = Nomination.objects.for_user(request.user)
    render = render_docx if fmt == "docx" else render_document_pdf
    response = HttpResponse(render(nomination=nomination, kind=kind, visible=visible), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{slug}-{nomination.pk}.{fmt}"'
    return response
